"""One comment through normalise -> rules -> classifier -> policy, for the API and batch."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from service.classifier import Classifier
from service.domain import Decision, Detection
from service.language import UNDETERMINED, LanguageDetector, latin_typed
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
from service.rules.context import model_input, weaken_quoted

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
    cleared: list[tuple[int, int]] = []  # what the rules read as not the commenter's abuse

    def rules(detection: Detection):
        # Digits inside the words of Arabizi sentences are letters, not leetspeak.
        folded.append(fold(text, arabizi=latin_typed(detection)))
        found = moderator.rules.find(text, folded[0])
        if not found.complete:
            failures.append(RULES_INCOMPLETE)
        cleared.extend(found.cleared)
        return found.hits

    def scores(detection: Detection):
        texts, folds = {}, {}
        for language, elsewhere in _other_languages(detection, len(text)):
            model_text = model_input(text, [*cleared, *elsewhere])
            texts[language] = model_text
            if folded and model_text == text:
                folds[language] = folded[0].text
        return moderator.classifier.score_languages(texts, folds)

    language = _guarded(
        lambda: moderator.language.detect(text),
        Detection.of(UNDETERMINED),
        LANGUAGE_ERROR,
        failures,
    )
    hits = _guarded(lambda: rules(language), [], RULES_ERROR, failures)
    # A quoted hit the rules cannot call the commenter's own goes to review (context.py).
    hits = weaken_quoted(text, hits, language.sentences)
    return decide(
        hits,
        _guarded(lambda: scores(language), {}, CLASSIFIER_ERROR, failures),
        moderator.policy,
        language,
        model_version=moderator.classifier.version,
        failures=failures,
    )


def _other_languages(detection: Detection, length: int) -> list[tuple[str, list[tuple[int, int]]]]:
    """Each language present, with the spans of the text in other languages: the model
    reads each language's sentences with that language's heads. Sentences with no letters,
    and text past what the detector read, go with the main language."""
    main = detection.language
    present = detection.languages or (main,)
    end = max((s.end for s in detection.sentences), default=length)
    out = []
    for language in present:
        elsewhere = [
            (s.start, s.end)
            for s in detection.sentences
            if s.language != language and (language != main or s.language != UNDETERMINED)
        ]
        if language != main and end < length:
            elsewhere.append((end, length))
        out.append((language, elsewhere))
    return out
