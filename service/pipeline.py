"""One comment through normalise -> rules -> classifier -> policy, for the API and batch."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from service.classifier import Classifier
from service.domain import Decision
from service.language import UNDETERMINED, LanguageDetector
from service.normalise import fold
from service.policy import (
    CLASSIFIER_ERROR,
    LANGUAGE_ERROR,
    RULES_ERROR,
    RULES_INCOMPLETE,
    PolicyConfig,
    decide,
)
from service.rules import RuleSet
from service.rules.context import without_counter_speech

log = logging.getLogger(__name__)
T = TypeVar("T")


@dataclass(frozen=True)
class Moderator:
    """The long-lived parts a decision needs, built once at start-up."""

    rules: RuleSet
    classifier: Classifier
    language: LanguageDetector
    policy: PolicyConfig


def _guarded(step: Callable[[], T], fallback: T, failure: str, failures: list[str]) -> T:
    """Run one step; if it fails, log it, note the failure and carry on with `fallback`."""
    try:
        return step()
    except Exception:  # a failing step must not lose the comment: a human will look
        log.exception("%s: the comment goes to review", failure)
        failures.append(failure)
        return fallback


def moderate(text: str, moderator: Moderator) -> Decision:
    """Decide one comment's text; a failing step sends it to review instead of crashing."""
    failures: list[str] = []
    folded = []  # the rules' folding, reused by the model

    def rules():
        folded.append(fold(text))
        found = moderator.rules.find(text, folded[0])
        if not found.complete:
            failures.append(RULES_INCOMPLETE)
        return found.hits

    def scores(language: str):
        # {language: the text in it}: one language per comment today; per-sentence
        # detection will hand over each language's sentences.
        model_text = without_counter_speech(text)
        same = folded and model_text == text
        return moderator.classifier.score_languages(
            {language: model_text}, {language: folded[0].text} if same else None
        )

    hits = _guarded(rules, [], RULES_ERROR, failures)
    language = _guarded(
        lambda: moderator.language.detect(text), UNDETERMINED, LANGUAGE_ERROR, failures
    )
    return decide(
        hits,
        _guarded(lambda: scores(language), {}, CLASSIFIER_ERROR, failures),
        moderator.policy,
        language,
        model_version=moderator.classifier.version,
        failures=failures,
    )
