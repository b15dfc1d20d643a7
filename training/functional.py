"""The functional suite (tests/functional/cases.py) judged by the whole service.

    python -m training.functional [--model PATH | --rules-only] [--markdown] [--groups]
                                  [--floors FILE] [--languages]
                                  [--suite functional|heldout|multilingual]

Every case goes through `service.pipeline.moderate()`, built as the tests build it. Per
functionality it prints: cases, accuracy (a harmful case is correct when it is not
published: rejected, or sent to review; a clean case only when approved as final), and
the three figures a pre-moderation desk reads: harmful auto-published (approved as
final, share of the harmful cases), clean auto-rejected (rejected as final, share of the
clean cases) and the share sent to review; and, as a diagnostic, how many of the harmful
cases it stopped name the category POLICY.md gives them. `--groups` adds the same figures
per target group. `--floors FILE` records today's accuracies,
rounded down to 0.05, as the floors `tests/test_functional_suite.py` holds the service to,
and beside them the share of clean cases not rejected as final (`kept`: a clean case sent
to review is not wrongly published, the fallback for a language without a model).
`--suite heldout` judges the held-out suite instead (tests/functional/heldout.py, written
apart from the first; its floors are held by `tests/test_functional_heldout.py`);
`--suite multilingual` the readers' languages (tests/functional/multilingual.py, held by
`tests/test_functional_multilingual.py`), where `--languages` adds the figures per
language and per writing (native script, typed transliteration, mixed into English).
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

from service import build_moderator
from service.config import DEFAULT_MODEL_PATH, Settings
from service.domain import Category, Status, Verdict
from service.pipeline import Moderator, moderate
from tests.functional import cases as first_suite
from tests.functional import heldout as heldout_suite
from tests.functional import multilingual as multilingual_suite
from tests.functional.cases import Case, Kind
from training.tables import render

RULES_ONLY, WITH_MODEL = "rules", "rules+model"  # the modes of tests/conftest.py `moderator`
# Issue 11's targets: every functionality at 0.90, contrast sets at 0.95 approved.
TARGET_HATEFUL, TARGET_CONTRAST = 0.90, 0.95
FLOOR_STEP = 0.05
HATEFUL_TOTAL, CONTRAST_TOTAL, TOTAL = "all hateful", "all contrasts", "all"
TOTALS = (HATEFUL_TOTAL, CONTRAST_TOTAL, TOTAL)
# The suites by name: each module has cases(), BY_ID and GROUPS; the first is the default.
SUITES: dict[str, ModuleType] = {
    "functional": first_suite,
    "heldout": heldout_suite,
    "multilingual": multilingual_suite,
}
# Per suite: the test that holds its floors, and the command that writes them.
TESTS = {
    "functional": "tests/test_functional_suite.py",
    "heldout": "tests/test_functional_heldout.py",
    "multilingual": "tests/test_functional_multilingual.py",
}
FLOORS_COMMANDS = {
    "functional": "training.functional --floors tests/functional/floors.json",
    "heldout": "training.functional --suite heldout --floors tests/functional/heldout_floors.json",
    "multilingual": (
        "training.functional --suite multilingual "
        "--floors tests/functional/multilingual_floors.json"
    ),
}


@dataclass(frozen=True)
class Outcome:
    """One case with the service's verdict and status."""

    case: Case
    verdict: Verdict
    status: Status
    categories: tuple[Category, ...]

    @property
    def published(self) -> bool:
        return self.verdict is Verdict.APPROVE and self.status is Status.FINAL

    @property
    def rejected_final(self) -> bool:
        return self.verdict is Verdict.REJECT and self.status is Status.FINAL

    @property
    def in_review(self) -> bool:
        return self.status is Status.IN_REVIEW

    @property
    def correct(self) -> bool:
        return not self.published if self.case.harmful else self.published

    @property
    def named(self) -> bool:
        """A harmful case stopped under the category POLICY.md gives it."""
        return self.case.harmful and not self.published and self.case.category in self.categories


@dataclass(frozen=True)
class Row:
    """The figures of one functionality (or of the whole suite)."""

    functionality: str
    kind: str
    cases: int
    harmful: int
    correct: int
    auto_published: int  # harmful cases approved as final
    auto_rejected: int  # clean cases rejected as final
    review: int  # cases sent to review, harmful or clean
    named: int  # harmful cases stopped under their expected category

    @property
    def accuracy(self) -> float:
        return self.correct / self.cases

    @property
    def clean(self) -> int:
        return self.cases - self.harmful

    @property
    def kept(self) -> float | None:
        """The share of clean cases not rejected as final (None without clean cases)."""
        return (self.clean - self.auto_rejected) / self.clean if self.clean else None

    @property
    def target(self) -> float:
        return TARGET_CONTRAST if self.kind == Kind.CONTRAST else TARGET_HATEFUL


def mode_of(moderator: Moderator) -> str:
    """RULES_ONLY when the moderator runs without a model, else WITH_MODEL."""
    return RULES_ONLY if moderator.classifier.version == "none" else WITH_MODEL


def judge(suite: Iterable[Case], moderator: Moderator) -> list[Outcome]:
    """Each case's decision by the service."""
    out = []
    for case in suite:
        decision = moderate(case.text, moderator)
        out.append(Outcome(case, decision.verdict, decision.status, decision.categories))
    return out


def _row(name: str, kind: str, outcomes: Sequence[Outcome]) -> Row:
    return Row(
        functionality=name,
        kind=kind,
        cases=len(outcomes),
        harmful=sum(o.case.harmful for o in outcomes),
        correct=sum(o.correct for o in outcomes),
        auto_published=sum(o.case.harmful and o.published for o in outcomes),
        auto_rejected=sum(not o.case.harmful and o.rejected_final for o in outcomes),
        review=sum(o.in_review for o in outcomes),
        named=sum(o.named for o in outcomes),
    )


def summarise(outcomes: Sequence[Outcome], suite: ModuleType = first_suite) -> list[Row]:
    """One row per functionality in the suite's order, then one per kind and the whole suite."""
    by_id = suite.BY_ID
    by: dict[str, list[Outcome]] = {}
    for outcome in outcomes:
        by.setdefault(outcome.case.functionality, []).append(outcome)
    order = list(by_id)
    rows = [_row(name, by_id[name].kind.value, by[name]) for name in sorted(by, key=order.index)]
    hateful = [o for o in outcomes if by_id[o.case.functionality].kind is Kind.HATEFUL]
    contrasts = [o for o in outcomes if by_id[o.case.functionality].kind is Kind.CONTRAST]
    return [
        *rows,
        _row(HATEFUL_TOTAL, Kind.HATEFUL.value, hateful),
        _row(CONTRAST_TOTAL, Kind.CONTRAST.value, contrasts),
        _row(TOTAL, "", outcomes),
    ]


def by_group(outcomes: Sequence[Outcome], suite: ModuleType = first_suite) -> list[Row]:
    """One row per protected target group over the cases crossed with every group, so
    that one group judged worse than the others shows (slurs, which name their own
    group, are left out)."""
    by: dict[str, list[Outcome]] = {g.id: [] for g in suite.GROUPS}
    for o in outcomes:
        # Per-language suites name a functionality "<language>.<name>".
        name = o.case.functionality.rsplit(".", 1)[-1]
        if o.case.group in by and name not in ("slur", "slur_reported"):
            by[o.case.group].append(o)
    return [_row(group, "", group_outcomes) for group, group_outcomes in by.items()]


def by_language(outcomes: Sequence[Outcome], suite: ModuleType = multilingual_suite) -> list[Row]:
    """Per language: its hateful cases and its contrasts, then the same per writing where
    a language is written more than one way (cases carry `language` and `writing`)."""
    hateful = {f.id for f in suite.FUNCTIONALITIES if f.kind is Kind.HATEFUL}
    rows = []
    for lang in suite.LANGUAGES:
        mine = [o for o in outcomes if o.case.language == lang.code]
        writings = sorted({o.case.writing for o in mine}, key=suite.WRITINGS.index)
        parts = [(lang.code, mine)]
        if len(writings) > 1:
            parts += [
                (f"{lang.code} {w}", [o for o in mine if o.case.writing == w]) for w in writings
            ]
        for name, part in parts:
            harmful = [o for o in part if o.case.functionality in hateful]
            clean = [o for o in part if o.case.functionality not in hateful]
            rows.append(_row(f"{name} hateful", Kind.HATEFUL.value, harmful))
            rows.append(_row(f"{name} contrasts", Kind.CONTRAST.value, clean))
    return rows


def floor(accuracy: float) -> float:
    """`accuracy` rounded down to FLOOR_STEP (0.947 -> 0.90, 0.95 -> 0.95)."""
    return round(math.floor(accuracy / FLOOR_STEP + 1e-9) * FLOOR_STEP, 2)


def _share(count: int, of: int) -> str:
    return f"{count / of:.2f} ({count})" if of else "-"


def table(rows: Sequence[Row], markdown: bool = False, first: str = "functionality") -> str:
    """The rows as a plain or a Markdown table; `first` names the first column."""
    head = [first, "kind", "cases", "accuracy", "auto-published", "auto-rejected"]
    head += ["to review", "category named"]
    body = [
        [
            r.functionality,
            r.kind,
            str(r.cases),
            f"{r.accuracy:.2f}",
            _share(r.auto_published, r.harmful),
            _share(r.auto_rejected, r.clean),
            _share(r.review, r.cases),
            _share(r.named, r.harmful - r.auto_published),
        ]
        for r in rows
    ]
    return render(head, body, markdown)


def write_floors(path: Path, mode: str, rows: Sequence[Row], suite: str = "functional") -> None:
    """Record this mode's floors in `path`, keeping the other mode's."""
    current = json.loads(path.read_text()) if path.exists() else {}
    floors = current.get("floors", {})
    floors[mode] = {r.functionality: floor(r.accuracy) for r in rows}
    kept = current.get("kept", {})
    kept[mode] = {r.functionality: floor(r.kept) for r in rows if r.kept is not None}
    document = {
        "about": (
            "Accuracy per functionality measured with the committed model (rules+model) and "
            f"without (rules), rounded down to 0.05: {TESTS[suite]} fails "
            "below it. Raise a floor when the service improves (python -m "
            f"{FLOORS_COMMANDS[suite]} [--rules-only]). 'kept': the share of clean cases "
            "not rejected as final, likewise."
        ),
        "targets": {
            "hateful": TARGET_HATEFUL,
            "contrast": TARGET_CONTRAST,
            "note": "issue 11: not asserted yet, printed in the test's failure message",
        },
        "floors": dict(sorted(floors.items())),
        "kept": dict(sorted(kept.items())),
    }
    path.write_text(json.dumps(document, indent=2) + "\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", type=Path, default=DEFAULT_MODEL_PATH)
    parser.add_argument("--rules-only", action="store_true", help="judge without the model")
    parser.add_argument("--markdown", action="store_true", help="print a Markdown table")
    parser.add_argument("--floors", type=Path, help="write today's floors for this mode")
    parser.add_argument("--groups", action="store_true", help="also a table per target group")
    parser.add_argument(
        "--languages", action="store_true", help="also a table per language (multilingual)"
    )
    parser.add_argument("--suite", choices=sorted(SUITES), default="functional")
    args = parser.parse_args(argv)
    suite = SUITES[args.suite]
    model = None if args.rules_only else args.model
    moderator = build_moderator(Settings(database_url="sqlite://", model_path=model))
    outcomes = judge(suite.cases(), moderator)
    rows = summarise(outcomes, suite)
    version = moderator.classifier.version
    print(
        f"suite {args.suite}, mode {mode_of(moderator)}, model {version}, "
        f"policy {moderator.policy.version}"
    )
    print(table(rows, markdown=args.markdown))
    if args.groups:
        print()
        print(table(by_group(outcomes, suite), markdown=args.markdown, first="target group"))
    if args.languages:
        if not hasattr(suite, "LANGUAGES"):
            parser.error(f"--languages: suite {args.suite} has no languages")
        print()
        print(table(by_language(outcomes, suite), markdown=args.markdown, first="language"))
    if args.floors:
        write_floors(args.floors, mode_of(moderator), rows, args.suite)
        print(f"floors written to {args.floors}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
