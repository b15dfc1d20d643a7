"""The service's vocabulary: categories, verdicts and the values that cross module boundaries."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Category(StrEnum):
    """The guideline categories of POLICY.md, by their ids."""

    PROFANITY = "profanity"
    VULGARITY = "vulgarity"
    THREAT = "threat"
    PERSONAL_ATTACK = "personal_attack"
    ABUSE = "abuse"
    PROMOTION = "promotion"


class Verdict(StrEnum):
    """The only two outcomes: a comment is published as written or not at all."""

    APPROVE = "approve"
    REJECT = "reject"


class Status(StrEnum):
    """Whether a decision stands, or waits for a human reviewer."""

    FINAL = "final"
    IN_REVIEW = "in_review"


class Source(StrEnum):
    """What produced a reason."""

    RULE = "rule"
    MODEL = "model"
    LANGUAGE = "language"
    SYSTEM = "system"
    REVIEWER = "reviewer"


class Strength(StrEnum):
    """How much a rule hit proves: `strong` rejects, `weak` only sends to review."""

    STRONG = "strong"
    WEAK = "weak"


@dataclass(frozen=True, slots=True)
class Author:
    name: str | None = None
    email: str | None = None


@dataclass(frozen=True, slots=True)
class Article:
    id: str
    title: str | None = None
    text: str | None = None
    url: str | None = None  # http or https only (validation.ARTICLE_URL_PATTERN)


@dataclass(frozen=True, slots=True)
class CommentIn:
    """A validated comment as the CMS submitted it; `text` is never altered."""

    text: str
    id: str | None = None
    author: Author | None = None
    article: Article | None = None


@dataclass(frozen=True, slots=True)
class RuleHit:
    """One rule's match: `span` indexes the original text (start, end exclusive)."""

    category: Category
    rule: str
    span: tuple[int, int]
    strength: Strength = Strength.STRONG
    note: str | None = None


@dataclass(frozen=True, slots=True)
class Reason:
    """Evidence for a decision, as reported to clients and reviewers."""

    category: Category | None
    source: Source
    rule: str | None = None
    span: tuple[int, int] | None = None
    score: float | None = None
    note: str | None = None
    count: int | None = None  # on a summary: how many reasons of its category are not listed

    def to_json(self) -> dict:
        """The reason as the API reports it, without empty fields."""
        out: dict = {"category": self.category.value if self.category else None}
        out["source"] = self.source.value
        if self.rule is not None:
            out["rule"] = self.rule
        if self.span is not None:
            out["span"] = list(self.span)
        if self.score is not None:
            out["score"] = round(self.score, 4)
        if self.note is not None:
            out["note"] = self.note
        if self.count is not None:
            out["count"] = self.count
        return out


# The language codes detection reports (ISO 639-1, or 639-3 for the Kurdish languages,
# which have no two-letter code of their own); `und` means there was nothing to tell by.
LANGUAGES = ("en", "ckb", "kmr", "ar", "fa", "tr", "other")


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence's span of the text (start, end exclusive), its language code, and
    `writing`: "latin" when a language of the Arabic script is typed in Latin letters
    (Arabizi, Finglish), else "" (the language's own script)."""

    start: int
    end: int
    language: str
    writing: str = ""


@dataclass(frozen=True, slots=True)
class Detection:
    """A comment's languages: `language` has the most letters, `languages` are all those
    present by share of letters (empty when there is nothing to tell by: `und`)."""

    language: str
    languages: tuple[str, ...] = ()
    sentences: tuple[Sentence, ...] = ()

    @classmethod
    def of(cls, language: str) -> Detection:
        """A whole text in one language (`und`: none)."""
        return cls(language, () if language == "und" else (language,))


@dataclass(frozen=True, slots=True)
class Decision:
    """The policy's answer for one comment."""

    verdict: Verdict
    status: Status
    categories: tuple[Category, ...]
    reasons: tuple[Reason, ...]
    scores: dict[str, float] = field(default_factory=dict)
    language: str | None = None
    model_version: str = "none"
    policy_version: str = ""
    languages: tuple[str, ...] = ()  # every language present, main one first

    @property
    def needs_review(self) -> bool:
        return self.status is Status.IN_REVIEW
