"""The policy: rule hits, classifier scores and language into one decision. Pure."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from service.domain import (
    Category,
    Decision,
    Detection,
    Reason,
    RuleHit,
    Source,
    Status,
    Strength,
    Verdict,
)

# Bump when the meaning of decide(), of folding or of rule matching changes, so that
# policy_version changes with it (3: stretched vowels, anchored patterns, Greek look-alikes;
# 4: the model reads the text minus what the rules set aside; "u r a" is not joined;
# 5: every language present, per sentence, is checked against the supported ones; scores
# per language, languages with heads of their own judged by their thresholds, no model
# reject in a language the service does not judge; 6: a language typed in Latin letters,
# Arabizi or Finglish, is judged only where it is supported itself, never by the heads of
# its own script, which learned its letters and not these).
POLICY_LOGIC = "6"
UNSUPPORTED_LANGUAGE = "unsupported_language"
CLASSIFIER_ERROR = "classifier_error"
RULES_ERROR = "rules_error"
# The text had more disguised words than one judgment reads as masks: a human looks.
RULES_INCOMPLETE = "rules_incomplete"
LANGUAGE_ERROR = "language_error"
# Reasons listed per category: a comment repeating one word 2,000 times proves no more
# than one that says it 20 times, and the answer and the stored history stay small.
MAX_REASONS_PER_CATEGORY = 20
MORE_HITS = "more_hits"


@dataclass(frozen=True)
class LanguageThresholds:
    """A language with model heads of its own: reject at `reject`, review from `review`,
    approve below (categories it has no head for are not scored in it)."""

    reject: Mapping[Category, float]
    review: Mapping[Category, float]


@dataclass(frozen=True)
class PolicyConfig:
    """Thresholds and review handling; `version` fingerprints them with the rule lists.

    `language_thresholds` names the languages the model has heads for: they are judged
    (supported) like `supported_languages`, each by its own thresholds.
    """

    reject_threshold: Mapping[Category, float]
    review_threshold: Mapping[Category, float]
    review_verdict: Verdict
    supported_languages: frozenset[str]
    version: str
    language_thresholds: Mapping[str, LanguageThresholds] = field(default_factory=dict)

    def judges(self, language: str) -> bool:
        """Whether comments in `language` may be decided without a human."""
        return language in self.supported_languages or language in self.language_thresholds


def policy_version(
    rules_digest: str,
    reject_threshold: Mapping[Category, float],
    review_threshold: Mapping[Category, float],
    review_verdict: Verdict,
    supported_languages: Iterable[str],
    language_thresholds: Mapping[str, LanguageThresholds] | None = None,
) -> str:
    """A short content hash of everything that decides: rule lists, thresholds, settings."""
    payload = json.dumps(
        {
            "logic": POLICY_LOGIC,
            "rules": rules_digest,
            "reject": {c.value: reject_threshold[c] for c in Category},
            "review": {c.value: review_threshold[c] for c in Category},
            "review_verdict": review_verdict.value,
            "languages": sorted(supported_languages),
            "language_thresholds": {
                code: {
                    "reject": {c.value: t.reject[c] for c in sorted(t.reject)},
                    "review": {c.value: t.review[c] for c in sorted(t.review)},
                }
                for code, t in sorted((language_thresholds or {}).items())
            },
        },
        sort_keys=True,
    )
    return hashlib.sha256(payload.encode()).hexdigest()[:16]


def _judged(code: str, config: PolicyConfig, typed: set[str]) -> bool:
    """Whether comments' sentences in `code` may be decided without a human; `typed`:
    the languages the comment types in Latin letters (Sentence.writing), judged only where
    supported themselves, since a language's heads learned it in its own script."""
    if code in typed:
        return code in config.supported_languages
    return code == "und" or config.judges(code)


def _rule_reason(hit: RuleHit) -> Reason:
    return Reason(hit.category, Source.RULE, rule=hit.rule, span=hit.span, note=hit.note)


def _capped(reasons: list[Reason]) -> tuple[Reason, ...]:
    """The first MAX_REASONS_PER_CATEGORY rule reasons of each category, then one summary
    each for those left out, with their count; the model's and others are all kept."""
    listed: dict[Category | None, int] = {}
    kept, left_out = [], {}
    for reason in reasons:
        seen = listed.get(reason.category, 0)
        if reason.source is not Source.RULE or seen < MAX_REASONS_PER_CATEGORY:
            listed[reason.category] = seen + (reason.source is Source.RULE)
            kept.append(reason)
        else:
            left_out[reason.category] = left_out.get(reason.category, 0) + 1
    for category, count in left_out.items():
        note = f"{count} more rule hits of this category, not listed"
        kept.append(Reason(category, Source.RULE, rule=MORE_HITS, note=note, count=count))
    return tuple(kept)


def decide(
    hits: Iterable[RuleHit],
    scores: Mapping[str, Mapping[Category, float]],
    config: PolicyConfig,
    language: Detection | str,
    model_version: str = "none",
    failures: Iterable[str] = (),
) -> Decision:
    """Reject on any strong rule hit or score over its reject threshold; review when unsure.

    `scores` holds the classifier's category scores per language (of that language's
    sentences); a language with heads of its own is read against its thresholds
    (`config.language_thresholds`), any other against the default ones, and a model never
    rejects in a language the service does not judge. Weak rule hits, scores in the
    review band, each language present that the service cannot judge (`language`: the
    detection, or one code for the whole text), and a failed step (`failures`, e.g.
    "classifier_error") send the comment to review, with the configured provisional
    verdict. Each category lists at most
    MAX_REASONS_PER_CATEGORY rule reasons, strongest first, and counts the rest.
    """
    rejecting: list[Reason] = []
    reviewing: list[Reason] = []
    detection = Detection.of(language) if isinstance(language, str) else language
    typed = {s.language for s in detection.sentences if s.writing}
    for hit in hits:
        (rejecting if hit.strength is Strength.STRONG else reviewing).append(_rule_reason(hit))
    for code, language_scores in scores.items():
        own = config.language_thresholds.get(code)
        reject = own.reject if own else config.reject_threshold
        review = own.review if own else config.review_threshold
        note = f"{code} model" if own else None  # which heads spoke, for the reviewer
        # A model trained on other languages cannot judge this one: a text it has no
        # n-grams for scores its heads' base rates (Persian rejected as profanity). Its
        # scores are shown to the reviewer the comment goes to, never a rejection.
        judged = _judged(code, config, typed)
        for category in Category:
            score = language_scores.get(category)
            if score is None or category not in reject:
                continue
            if score >= reject[category] and judged:
                rejecting.append(Reason(category, Source.MODEL, score=score, note=note))
            elif score >= review[category]:
                reviewing.append(Reason(category, Source.MODEL, score=score, note=note))
    for code in dict.fromkeys([*detection.languages, *scores]):
        if code != "und" and not _judged(code, config, typed):
            reviewing.append(Reason(None, Source.LANGUAGE, rule=UNSUPPORTED_LANGUAGE, note=code))
    for failure in failures:
        reviewing.append(Reason(None, Source.SYSTEM, rule=failure))

    if rejecting:
        verdict, status = Verdict.REJECT, Status.FINAL
    elif reviewing:
        verdict, status = config.review_verdict, Status.IN_REVIEW
    else:
        verdict, status = Verdict.APPROVE, Status.FINAL
    reasons = _capped(rejecting + reviewing)
    flagged = rejecting if rejecting else reviewing
    categories = tuple(c for c in Category if any(r.category is c for r in flagged))
    return Decision(
        verdict=verdict,
        status=status,
        categories=categories,
        reasons=reasons,
        scores=_highest(scores),
        language=detection.language,
        model_version=model_version,
        policy_version=config.version,
        languages=detection.languages,
    )


def _highest(scores: Mapping[str, Mapping[Category, float]]) -> dict[str, float]:
    """Each category's highest score over the languages, as the decision reports it."""
    out: dict[str, float] = {}
    for language_scores in scores.values():
        for category, score in language_scores.items():
            out[category.value] = max(out.get(category.value, 0.0), round(score, 4))
    return out
