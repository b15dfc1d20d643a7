"""The three figures a pre-moderation desk reads, per labelled set, through the whole service.

    python -m training.desk [--model PATH | --rules-only] [--sets a,b] [--markdown] [--data DIR]

For each external test set (never trained or tuned on) every row goes through
`service.pipeline.moderate()` and is counted as the desk sees it: a harmful row approved
as final was auto-published, a clean row rejected as final was auto-rejected, and any
row sent to review is neither (review is the cost). Where a set's negative label only
means "not that concept" (HatEval HS=0, Stormfront noHate, implicit_hate not_hate, EDOS
not sexist, Kaggle Insult=0) the table says so: those rows may still break another
guideline, so their auto-rejected share overstates the harm to clean comments.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from service import build_moderator
from service.config import DEFAULT_MODEL_PATH, Settings
from service.domain import Status, Verdict
from service.pipeline import Moderator, moderate
from training import data
from training.tables import render


@dataclass(frozen=True)
class LabelledSet:
    """One evaluation set: its rows as (text, harmful), and what its negatives mean."""

    name: str
    load: Callable[[Path | None], list[tuple[str, bool]]]
    negatives: str  # "clean", or "not <concept>" where the label says only that


def _labelled(
    rows: Sequence[data.Example], harmful: Callable[[str], bool | None]
) -> list[tuple[str, bool]]:
    """Rows with a yes/no harm label; `harmful` returns None for rows to leave out."""
    out = []
    for row in rows:
        label = harmful(row.label)
        if label is not None:
            out.append((row.text, label))
    return out


def _news_dev(root: Path | None) -> list[tuple[str, bool]]:
    return [(r["text"], r["expected"] == "reject") for r in data.news_dev(root)]


def _convabuse(label: str) -> bool | None:
    return None if label == "ambiguous" else label.startswith("abusive")


SETS = (
    LabelledSet(
        "hateval2019_en test",
        lambda root: _labelled(data.hateval_test(root), lambda x: x.startswith("HS=1")),
        "not hate",
    ),
    LabelledSet(
        "stormfront test",
        lambda root: _labelled(data.stormfront_test(root), lambda x: x == "hate"),
        "not hate",
    ),
    LabelledSet(
        "implicit_hate test",
        lambda root: _labelled(data.implicit_hate_test(root), lambda x: x != "not_hate"),
        "not hate",
    ),
    LabelledSet(
        "convabuse test",
        lambda root: _labelled(data.convabuse_test(root), _convabuse),
        "clean",
    ),
    LabelledSet(
        "mlma en test",
        lambda root: _labelled(data.mlma_test("en", root), lambda x: not x.startswith("normal:")),
        "clean",
    ),
    LabelledSet(
        "OLID test",
        lambda root: _labelled(data.olid_test(root), lambda x: x == "OFF"),
        "clean",
    ),
    LabelledSet(
        "kaggle test",
        lambda root: _labelled(data.kaggle_insults_test("test", root), lambda x: x == "1"),
        "not insult",
    ),
    LabelledSet(
        "kaggle verification",
        lambda root: _labelled(data.kaggle_insults_test("verification", root), lambda x: x == "1"),
        "not insult",
    ),
    LabelledSet(
        "EDOS test",
        lambda root: _labelled(data.edos_test(root), lambda x: x == "sexist"),
        "not sexist",
    ),
    LabelledSet("news_dev", _news_dev, "clean"),
)
BY_NAME = {s.name: s for s in SETS}


@dataclass(frozen=True)
class DeskRow:
    """One set's counts as a pre-moderation desk reads them."""

    name: str
    negatives: str
    harmful: int
    clean: int
    auto_published: int  # harmful rows approved as final
    auto_rejected: int  # clean rows rejected as final
    review: int  # rows sent to review, harmful or clean

    @property
    def rows(self) -> int:
        return self.harmful + self.clean

    def shares(self) -> tuple[float, float, float]:
        """(harmful auto-published, clean auto-rejected, share to review)."""
        return (
            self.auto_published / self.harmful if self.harmful else 0.0,
            self.auto_rejected / self.clean if self.clean else 0.0,
            self.review / self.rows if self.rows else 0.0,
        )


def tally(name: str, negatives: str, judged: Iterable[tuple[bool, Verdict, Status]]) -> DeskRow:
    """Count what the desk would see of each row's (harmful, verdict, status)."""
    harmful_rows = clean_rows = published = rejected = review = 0
    for harmful, verdict, status in judged:
        harmful_rows += harmful
        clean_rows += not harmful
        if status is Status.IN_REVIEW:
            review += 1
        elif harmful and verdict is Verdict.APPROVE:
            published += 1
        elif not harmful and verdict is Verdict.REJECT:
            rejected += 1
    return DeskRow(name, negatives, harmful_rows, clean_rows, published, rejected, review)


def measure(
    labelled: LabelledSet, rows: Sequence[tuple[str, bool]], moderator: Moderator
) -> DeskRow:
    """Judge every row with the whole service and count what the desk would see."""
    decisions = ((harmful, moderate(text, moderator)) for text, harmful in rows)
    return tally(
        labelled.name, labelled.negatives, ((h, d.verdict, d.status) for h, d in decisions)
    )


def table(rows: Sequence[DeskRow], markdown: bool = False) -> str:
    """The rows as a plain or Markdown table."""
    head = ["set", "harmful", "negatives", "auto-published", "auto-rejected", "to review"]
    body = []
    for r in rows:
        published, rejected, review = r.shares()
        body.append(
            [
                r.name,
                str(r.harmful),
                f"{r.clean} ({r.negatives})",
                f"{published:.1%} ({r.auto_published})",
                f"{rejected:.1%} ({r.auto_rejected})",
                f"{review:.1%} ({r.review})",
            ]
        )
    return render(head, body, markdown)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", type=Path, default=DEFAULT_MODEL_PATH)
    parser.add_argument("--rules-only", action="store_true", help="judge without the model")
    parser.add_argument("--sets", help="comma-separated set names (default: all)")
    parser.add_argument("--markdown", action="store_true", help="print a Markdown table")
    parser.add_argument("--data", type=Path, help="the data folder (default ../shared/data)")
    args = parser.parse_args(argv)
    chosen = SETS
    if args.sets:
        names = [n.strip() for n in args.sets.split(",")]
        unknown = [n for n in names if n not in BY_NAME]
        if unknown:
            parser.error(f"unknown sets {unknown}; known: {list(BY_NAME)}")
        chosen = tuple(BY_NAME[n] for n in names)
    model = None if args.rules_only else args.model
    moderator = build_moderator(Settings(database_url="sqlite://", model_path=model))
    print(f"model {moderator.classifier.version}, policy {moderator.policy.version}")
    rows = [measure(s, s.load(args.data), moderator) for s in chosen]
    print(table(rows, markdown=args.markdown))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
