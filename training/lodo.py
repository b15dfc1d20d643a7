"""Leave-one-dataset-out: train without a dataset, judge its test split through the service.

    python -m training.lodo [--datasets stormfront,implicit_hate,convabuse] [--data DIR]
                            [--model models/classifier.joblib] [--markdown]

For each named dataset a model is trained exactly as `training.train` does (same
features, heads and threshold rule) on every other dataset, written to a temporary
folder, and the dataset's test split goes through `service.pipeline.moderate()` with the
rules and that model. Beside it, the same split judged with `--model` (by default the
committed one, trained with the dataset: the in-distribution figure). Figures are the
desk's three (`training.desk`): harmful auto-published, clean auto-rejected, to review.
About 5 minutes per dataset on two cores.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from service import build_moderator
from service.config import DEFAULT_MODEL_PATH, Settings
from training import data, desk
from training.train import MODEL_FILE, train

# Each left-out dataset (training.train.DATASETS) and the desk set holding its test split.
TEST_SETS = {
    "stormfront": "stormfront test",
    "implicit_hate": "implicit_hate test",
    "convabuse": "convabuse test",
    "olid": "OLID test",
    "kaggle": "kaggle test",
    "edos": "EDOS test",
}
DEFAULT = ("stormfront", "implicit_hate", "convabuse")


def _judge(model: Path, labelled: desk.LabelledSet, root: Path) -> desk.DeskRow:
    moderator = build_moderator(Settings(database_url="sqlite://", model_path=model))
    return desk.measure(labelled, labelled.load(root), moderator)


def run(
    names: tuple[str, ...], root: Path, model: Path
) -> list[tuple[str, desk.DeskRow, desk.DeskRow]]:
    """(dataset, in-distribution row, left-out row) for each named dataset."""
    out = []
    for name in names:
        labelled = desk.BY_NAME[TEST_SETS[name]]
        with tempfile.TemporaryDirectory(prefix=f"lodo-{name}-") as folder:
            started = time.perf_counter()
            train(root, Path(folder), leave_out=frozenset({name}))
            print(f"trained without {name} in {time.perf_counter() - started:.0f} s", flush=True)
            left_out = _judge(Path(folder) / MODEL_FILE, labelled, root)
        out.append((name, _judge(model, labelled, root), left_out))
    return out


def table(results: list[tuple[str, desk.DeskRow, desk.DeskRow]], markdown: bool) -> str:
    """Two rows per dataset: trained with it, and trained without it."""
    rows = []
    for _name, inside, left_out in results:
        rows.append(replace(inside, name=f"{inside.name}, trained with it"))
        rows.append(replace(left_out, name=f"{inside.name}, left out"))
    return desk.table(rows, markdown=markdown)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--datasets", default=",".join(DEFAULT), help=f"of {list(TEST_SETS)}")
    parser.add_argument("--data", type=Path, default=None, help="the data folder")
    parser.add_argument("--model", type=Path, default=DEFAULT_MODEL_PATH)
    parser.add_argument("--markdown", action="store_true", help="print a Markdown table")
    args = parser.parse_args(argv)
    names = tuple(n.strip() for n in args.datasets.split(",") if n.strip())
    unknown = [n for n in names if n not in TEST_SETS]
    if unknown:
        parser.error(f"unknown datasets {unknown}; known: {list(TEST_SETS)}")
    results = run(names, data.data_dir(args.data), args.model)
    print(table(results, args.markdown))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
