"""The desk's three figures per language, on sets never trained or tuned on.

    python -m training.languages_eval [--model PATH] [--markdown] [--data DIR]

Arabic on osact4_arabic (train and dev files, all rows) and MLMA ar's held-out fifth,
Persian on pars_off_persian (all rows; no head: lists, then review), Turkish on
turkish_hate_mayda (as retrieved, and with its t.co links masked as "URL", see
`mask_tco`) and the OffensEval-Turkish official test split. Each set twice:
through the whole `moderate()` (rules, language detection, model, policy), and by the
language's heads alone at their thresholds (what the model decides where detection and
rules agree). A last column gives the share of rows detected as the set's language.
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from service import build_moderator
from service.config import DEFAULT_MODEL_PATH, Settings
from service.domain import Status, Verdict
from service.pipeline import Moderator, moderate
from service.policy import LanguageThresholds
from training import data
from training.desk import DeskRow, LabelledSet, _labelled, table, tally
from training.tables import render


@dataclass(frozen=True)
class LanguageSet:
    """An evaluation set and the language its comments are written in."""

    language: str
    labelled: LabelledSet


def _mayda_harmful(label: str) -> bool:
    return label != "hiçbiri"  # hate (nefret) and offensive (saldırgan) both break a guideline


# Twitter rewrites every link in a tweet, and adds one for attached media, as t.co/<code>:
# it tells nothing of what the writer posted (a news site, a photo), yet the promotion
# rules read a shortener in it. OLID and OffensEval replaced links with "URL" before
# release; MAYDA ships them raw. Masked the same way, MAYDA is judged on what was written.
_TCO = re.compile(r"https?://t\.co/[A-Za-z0-9]+")


def mask_tco(rows: Sequence[tuple[str, bool]]) -> list[tuple[str, bool]]:
    """The rows with every t.co link replaced by "URL", as the other tweet sets ship."""
    return [(_TCO.sub("URL", text), harmful) for text, harmful in rows]


SETS = (
    LanguageSet(
        "ar",
        LabelledSet(
            "osact4_arabic (all)",
            lambda root: _labelled(data.osact4_arabic_test(root), lambda x: x != "NOT_OFF"),
            "clean",
        ),
    ),
    LanguageSet(
        "ar",
        LabelledSet(
            "mlma ar test (held-out fifth)",
            lambda root: _labelled(
                data.mlma_test("ar", root), lambda x: not x.startswith("normal:")
            ),
            "clean",
        ),
    ),
    LanguageSet(
        "fa",
        LabelledSet(
            "pars_off_persian (all)",
            lambda root: _labelled(data.pars_off_test(root), lambda x: x != "NOT"),
            "clean",
        ),
    ),
    LanguageSet(
        "tr",
        LabelledSet(
            "turkish_hate_mayda",
            lambda root: _labelled(data.turkish_hate_mayda_test(root), _mayda_harmful),
            "clean",
        ),
    ),
    LanguageSet(
        "tr",
        LabelledSet(
            "turkish_hate_mayda (t.co links masked as URL)",
            lambda root: mask_tco(_labelled(data.turkish_hate_mayda_test(root), _mayda_harmful)),
            "clean",
        ),
    ),
    LanguageSet(
        "tr",
        LabelledSet(
            "offenseval_tr test",
            lambda root: _labelled(data.offenseval_turkish_test(root), lambda x: x == "OFF"),
            "clean",
        ),
    ),
)


def heads_alone(
    labelled: LabelledSet, rows: Sequence[tuple[str, bool]], moderator: Moderator, code: str
) -> DeskRow | None:
    """The language's heads at their thresholds, without rules or detection; None without."""
    head = getattr(moderator.classifier, "languages", {}).get(code)
    thresholds: LanguageThresholds | None = moderator.policy.language_thresholds.get(code)
    if head is None or thresholds is None:
        return None

    def judged(scores) -> tuple[Verdict, Status]:
        if any(s >= thresholds.reject[c] for c, s in scores.items()):
            return Verdict.REJECT, Status.FINAL
        if any(s >= thresholds.review[c] for c, s in scores.items()):
            return Verdict.REJECT, Status.IN_REVIEW
        return Verdict.APPROVE, Status.FINAL

    return tally(
        f"{labelled.name}, heads alone",
        labelled.negatives,
        ((harmful, *judged(head.score(text))) for text, harmful in rows),
    )


def through_service(
    labelled: LabelledSet, rows: Sequence[tuple[str, bool]], moderator: Moderator, code: str
) -> tuple[DeskRow, float]:
    """Every row through `moderate()` as the desk sees it, and the share detected as `code`."""
    decisions = [(harmful, moderate(text, moderator)) for text, harmful in rows]
    row = tally(labelled.name, labelled.negatives, ((h, d.verdict, d.status) for h, d in decisions))
    detected = sum(d.language == code for _, d in decisions)
    return row, detected / len(rows) if rows else 0.0


def measure_all(moderator: Moderator, root: Path | None) -> tuple[list[DeskRow], list[list[str]]]:
    """Every set's desk row through moderate() and by its heads alone, and detection shares."""
    desk, detected = [], []
    for entry in SETS:
        rows = entry.labelled.load(root)
        row, share = through_service(entry.labelled, rows, moderator, entry.language)
        desk.append(row)
        alone = heads_alone(entry.labelled, rows, moderator, entry.language)
        if alone is not None:
            desk.append(alone)
        detected.append([entry.labelled.name, entry.language, f"{share:.1%}"])
    return desk, detected


def report(moderator: Moderator, root: Path | None, markdown: bool) -> str:
    """The desk table per language and the detection table, ready to print."""
    desk, detected = measure_all(moderator, root)
    return (
        table(desk, markdown)
        + "\n\n"
        + render(["set", "language", "detected as it"], detected, markdown)
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", type=Path, default=DEFAULT_MODEL_PATH)
    parser.add_argument("--markdown", action="store_true", help="print a Markdown table")
    parser.add_argument("--data", type=Path, help="the data folder (default ../shared/data)")
    args = parser.parse_args(argv)
    moderator = build_moderator(Settings(database_url="sqlite://", model_path=args.model))
    print(f"model {moderator.classifier.version}, policy {moderator.policy.version}")
    print(report(moderator, args.data, args.markdown))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
