"""What the review budget buys: the desk's figures where the model may send more clean
comments to review.

    python -m training.budget [--points 0.5:0.03,0.5:0.10,0.3:0.10]
                              [--datasets stormfront,implicit_hate] [--data DIR] [--markdown]

Each category's review threshold is the higher of two: the lowest whose precision, at a
5% prevalence, reaches `training.train.REVIEW_PRECISION` (50%: a review must be worth a
reviewer's time), and the one that sends `REVIEW_CLEAN_SHARE` (3%) of the clean
validation rows to review (the desk's budget). This experiment asks what other operating
points would buy where it matters, on data the model was not trained on. For each dataset
left out (as `training.lodo` does) a model is trained once; then, for each point
(precision:share), the thresholds are chosen again by the same rule from the same
validation scores, and through the whole service go the left-out test split, HatEval test
(never trained on) and news_dev. Per set: harmful auto-published, clean auto-rejected,
and clean rows sent to review (the cost). Not part of `make train`; about 5 minutes per
dataset on two cores.
"""

from __future__ import annotations

import argparse
import json
import shutil
import tempfile
import time
from pathlib import Path

from service import build_moderator
from service.config import Settings
from service.domain import Status, Verdict
from service.pipeline import moderate
from training import data, desk
from training import train as training
from training.lodo import TEST_SETS
from training.tables import render

EXTRA_SETS = ("hateval2019_en test", "news_dev")


def _validation_scores(root: Path, folder: Path, name: str) -> tuple[list, object]:
    """Train without `name` into `folder`, keeping the validation rows and their scores."""
    kept: dict = {}
    choose = training.choose_thresholds

    def keep(val_rows, probs):
        kept["scores"] = (val_rows, probs)
        return choose(val_rows, probs)

    training.choose_thresholds = keep
    try:
        training.train(root, folder, leave_out=frozenset({name}))
    finally:
        training.choose_thresholds = choose
    return kept["scores"]


def _with_thresholds(folder: Path, out: Path, thresholds: dict) -> Path:
    """A copy of the artifact in `folder` whose card carries `thresholds`."""
    out.mkdir()
    shutil.copy(folder / training.MODEL_FILE, out / training.MODEL_FILE)
    card = json.loads((folder / training.CARD_FILE).read_text(encoding="utf-8"))
    card["thresholds"] = thresholds
    (out / training.CARD_FILE).write_text(json.dumps(card), encoding="utf-8")
    return out / training.MODEL_FILE


def _figures(model: Path, labelled: desk.LabelledSet, root: Path) -> tuple[float, float, float]:
    """(harmful auto-published, clean auto-rejected, clean sent to review) of one set."""
    moderator = build_moderator(Settings(database_url="sqlite://", model_path=model))
    counts = {"harmful": 0, "clean": 0, "published": 0, "rejected": 0, "held": 0}
    for text, harmful in labelled.load(root):
        decision = moderate(text, moderator)
        counts["harmful" if harmful else "clean"] += 1
        if harmful:
            counts["published"] += decision.verdict is Verdict.APPROVE and (
                decision.status is not Status.IN_REVIEW
            )
        elif decision.status is Status.IN_REVIEW:
            counts["held"] += 1
        else:
            counts["rejected"] += decision.verdict is Verdict.REJECT
    harmful, clean = max(counts["harmful"], 1), max(counts["clean"], 1)
    return counts["published"] / harmful, counts["rejected"] / clean, counts["held"] / clean


def _thresholds_at(val_rows, probs, precision: float, share: float) -> dict:
    """The card's thresholds chosen by the training rule at another operating point."""
    saved = training.REVIEW_PRECISION, training.REVIEW_CLEAN_SHARE
    training.REVIEW_PRECISION, training.REVIEW_CLEAN_SHARE = precision, share
    try:
        return training.choose_thresholds(val_rows, probs)
    finally:
        training.REVIEW_PRECISION, training.REVIEW_CLEAN_SHARE = saved


def run(
    names: tuple[str, ...], points: tuple[tuple[float, float], ...], root: Path
) -> list[list[str]]:
    body = []
    for name in names:
        with tempfile.TemporaryDirectory(prefix=f"budget-{name}-") as tmp:
            started = time.perf_counter()
            val_rows, probs = _validation_scores(root, Path(tmp) / "trained", name)
            print(f"trained without {name} in {time.perf_counter() - started:.0f} s", flush=True)
            for precision, share in points:
                thresholds = _thresholds_at(val_rows, probs, precision, share)
                folder = Path(tmp) / f"{precision}-{share}"
                model = _with_thresholds(Path(tmp) / "trained", folder, thresholds)
                for set_name in (TEST_SETS[name], *EXTRA_SETS):
                    published, rejected, held = _figures(model, desk.BY_NAME[set_name], root)
                    body.append(
                        [
                            name,
                            f"{precision:.0%} / {share:.0%}",
                            set_name,
                            f"{published:.1%}",
                            f"{rejected:.1%}",
                            f"{held:.1%}",
                        ]
                    )
                    print(" | ".join(body[-1]), flush=True)
    return body


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--points", default="0.5:0.03,0.5:0.10,0.3:0.10,0.2:0.10")
    parser.add_argument("--datasets", default="stormfront,implicit_hate")
    parser.add_argument("--data", type=Path, default=None)
    parser.add_argument("--markdown", action="store_true")
    args = parser.parse_args(argv)
    points = tuple(
        (float(p), float(s)) for p, s in (point.split(":") for point in args.points.split(","))
    )
    names = tuple(n.strip() for n in args.datasets.split(",") if n.strip())
    body = run(names, points, data.data_dir(args.data))
    head = [
        "left out",
        "review precision / clean share",
        "set",
        "auto-published",
        "auto-rejected",
        "clean to review",
    ]
    print(render(head, body, args.markdown))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
