"""What a review card shows beside the text: the language by name, and what the model saw.

Pure: no Flask, no database. The pages call these with a stored decision's reasons and
scores and the thresholds in force.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from service.domain import Category, Source

# The outlet's languages by the codes detection stores; any other code is shown as is.
LANGUAGE_NAMES = {
    "en": "English",
    "ar": "Arabic",
    "fa": "Persian",
    "tr": "Turkish",
    "ckb": "Kurdish (Sorani)",
    "kmr": "Kurdish (Kurmanji)",
    "und": "undetermined",
}


def language_name(code: str | None) -> str:
    """The language's name for a stored code; the code itself when it has none here."""
    if not code:
        return LANGUAGE_NAMES["und"]
    return LANGUAGE_NAMES.get(code, code)


@dataclass(frozen=True)
class ScoreRow:
    """One category's score against the thresholds in force (None: that band is never)."""

    category: str
    score: float | None
    review: float | None
    reject: float | None

    @property
    def band(self) -> str:
        """`reject`, `review` or `below`: where the score falls; `none` without a score."""
        if self.score is None:
            return "none"
        if self.reject is not None and self.score >= self.reject:
            return "reject"
        if self.review is not None and self.score >= self.review:
            return "review"
        return "below"


def machine_only(reasons: Iterable[Mapping]) -> bool:
    """Whether no rule gave evidence: the model's scores or the language decided alone.

    Then the reviewer has no marked span to go by, so the card shows every score against
    its thresholds instead.
    """
    sources = {reason.get("source") for reason in reasons}
    return bool(sources) and Source.RULE.value not in sources


def score_rows(
    scores: Mapping[str, float], thresholds: Mapping[str, Mapping[str, float | None]]
) -> list[ScoreRow]:
    """Every category in the policy's order, its score (if any) and its two thresholds."""
    rows = []
    for category in Category:
        limits = thresholds.get(category.value, {})
        score = scores.get(category.value)
        rows.append(
            ScoreRow(
                category.value,
                float(score) if score is not None else None,
                limits.get("review"),
                limits.get("reject"),
            )
        )
    return rows
