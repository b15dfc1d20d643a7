"""The policy: rule hits, classifier scores and language into one decision. Pure."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from service.domain import Category, Decision, Reason, RuleHit, Source, Status, Strength, Verdict

# Bump when the meaning of decide(), of folding or of rule matching changes, so that
# policy_version changes with it (3: stretched vowels, anchored patterns, Greek look-alikes).
POLICY_LOGIC = "3"
UNSUPPORTED_LANGUAGE = "unsupported_language"
CLASSIFIER_ERROR = "classifier_error"
RULES_ERROR = "rules_error"
LANGUAGE_ERROR = "language_error"


@dataclass(frozen=True)
class PolicyConfig:
    """Thresholds and review handling; `version` fingerprints them with the rule lists."""

    reject_threshold: Mapping[Category, float]
    review_threshold: Mapping[Category, float]
    review_verdict: Verdict
    supported_languages: frozenset[str]
    version: str


def policy_version(
    rules_digest: str,
    reject_threshold: Mapping[Category, float],
    review_threshold: Mapping[Category, float],
    review_verdict: Verdict,
    supported_languages: Iterable[str],
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
        },
        sort_keys=True,
    )
    return hashlib.sha256(payload.encode()).hexdigest()[:16]


def _rule_reason(hit: RuleHit) -> Reason:
    return Reason(hit.category, Source.RULE, rule=hit.rule, span=hit.span, note=hit.note)


def decide(
    hits: Iterable[RuleHit],
    scores: Mapping[Category, float],
    config: PolicyConfig,
    language: str,
    model_version: str = "none",
    failures: Iterable[str] = (),
) -> Decision:
    """Reject on any strong rule hit or score over its reject threshold; review when unsure.

    Weak rule hits, scores in the review band, a language the service cannot judge, and a
    failed step (`failures`, e.g. "classifier_error") send the comment to review, with the
    configured provisional verdict.
    """
    rejecting: list[Reason] = []
    reviewing: list[Reason] = []
    for hit in hits:
        (rejecting if hit.strength is Strength.STRONG else reviewing).append(_rule_reason(hit))
    for category in Category:
        score = scores.get(category)
        if score is None:
            continue
        if score >= config.reject_threshold[category]:
            rejecting.append(Reason(category, Source.MODEL, score=score))
        elif score >= config.review_threshold[category]:
            reviewing.append(Reason(category, Source.MODEL, score=score))
    if language != "und" and language not in config.supported_languages:
        reviewing.append(Reason(None, Source.LANGUAGE, rule=UNSUPPORTED_LANGUAGE, note=language))
    for failure in failures:
        reviewing.append(Reason(None, Source.SYSTEM, rule=failure))

    if rejecting:
        verdict, status = Verdict.REJECT, Status.FINAL
    elif reviewing:
        verdict, status = config.review_verdict, Status.IN_REVIEW
    else:
        verdict, status = Verdict.APPROVE, Status.FINAL
    reasons = tuple(rejecting + reviewing)
    flagged = rejecting if rejecting else reviewing
    categories = tuple(c for c in Category if any(r.category is c for r in flagged))
    return Decision(
        verdict=verdict,
        status=status,
        categories=categories,
        reasons=reasons,
        scores={c.value: round(s, 4) for c, s in scores.items()},
        language=language,
        model_version=model_version,
        policy_version=config.version,
    )
