"""The classifier's place in the decision: the trained artifact, or rules only.

`load_classifier` reads `classifier.joblib` and its card (`classifier.json` beside it)
once at start-up and refuses, with a message saying what to do, an artifact that is
missing, altered, or trained with another scikit-learn. Without a model path the service
runs on the rules alone (`RulesOnly`) and reports `model_version: "none"`.

The artifact may carry heads of its own for some languages (Arabic, Turkish): a text in
such a language is scored by them, any other text by the default (English) heads.
"""

from __future__ import annotations

import hashlib
import json
import math
import warnings
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from operator import itemgetter
from pathlib import Path
from typing import Protocol

import ahocorasick
import joblib
import numpy as np
import sklearn
from scipy.special import expit
from sklearn.exceptions import InconsistentVersionWarning

from service.domain import Category
from service.model import fold_texts, model_input, vectorizers


class ModelError(RuntimeError):
    """The model cannot be used; the message says why and what to do."""


Thresholds = dict[Category, tuple[float, float]]  # category -> (reject, review)


class Classifier(Protocol):
    version: str
    thresholds: Thresholds
    # languages with heads of their own, and their thresholds
    language_thresholds: dict[str, Thresholds]

    def score(self, text: str, folded_text: str | None = None) -> dict[Category, float]: ...

    def score_languages(
        self, texts: Mapping[str, str], folded: Mapping[str, str] | None = None
    ) -> dict[str, dict[Category, float]]: ...


class RulesOnly:
    """No model: no scores, so the policy uses rule hits only."""

    version = "none"
    thresholds: Thresholds = {}
    language_thresholds: dict[str, Thresholds] = {}

    def score(self, text: str, folded_text: str | None = None) -> dict[Category, float]:
        """No scores."""
        return {}

    def score_languages(
        self, texts: Mapping[str, str], folded: Mapping[str, str] | None = None
    ) -> dict[str, dict[Category, float]]:
        """No scores."""
        return {}


class LinearScorer:
    """One comment's head probabilities without scikit-learn's per-call overhead.

    The same arithmetic as the pipeline (each TF-IDF block: n-gram counts in the
    vocabulary, sublinear tf, idf, L2 norm; then the heads' linear layer and logistic),
    done on one text with plain lookups: about ten times faster for a single comment.
    The pipeline stays the reference; a test holds the two equal.
    """

    def __init__(self, pipeline) -> None:
        steps = pipeline.named_steps
        self._prepare = steps["fold"].func
        # the rules have folded the text already: reuse it when the model folds the same way
        self._reuses_fold = self._prepare is fold_texts
        heads = steps["heads"]
        weights = np.asarray(heads.coef_, dtype=np.float64).T  # features x heads
        self._intercept = np.asarray(heads.intercept_, dtype=np.float64)
        self._blocks = []
        offset = 0
        for vectorizer in vectorizers(pipeline):
            size = len(vectorizer.vocabulary_)
            if vectorizer.norm != "l2" or not vectorizer.use_idf or vectorizer.binary:
                raise ModelError("the fast scorer expects idf-weighted, L2-normalised TF-IDF")
            self._blocks.append(
                (
                    _counter(vectorizer),
                    np.asarray(vectorizer.idf_, dtype=np.float64),
                    weights[offset : offset + size],
                    vectorizer.sublinear_tf,
                )
            )
            offset += size
        if offset != weights.shape[0]:
            raise ModelError("model features and head weights do not line up")

    def probabilities(self, text: str, folded_text: str | None = None) -> np.ndarray:
        """Head probabilities; `folded_text`, if given, is `normalise.fold(text).text`."""
        if folded_text is not None and self._reuses_fold:
            prepared = model_input(folded_text)
        else:
            prepared = self._prepare([text])[0]
        z = self._intercept.copy()
        for count, idf, weights, sublinear in self._blocks:
            index, tf = count(prepared)
            if not len(index):
                continue
            values = ((1.0 + np.log(tf)) if sublinear else tf) * idf[index]
            values /= np.sqrt(values @ values)
            z += values @ weights[index]
        return expit(z)


def _counter(vectorizer):
    """A function: text -> (vocabulary indexes, their counts) for one TF-IDF block.

    Character n-grams within words (`char_wb`) are found by one Aho-Corasick pass over the
    text with every word padded by a space, as scikit-learn pads them: the vocabulary's
    n-grams never hold an inner space, so every match lies inside one padded word and the
    counts are the analyzer's (a test holds them equal). Twice as fast as generating each
    n-gram in Python. Other analyzers count through their own n-grams.
    """
    vocabulary = vectorizer.vocabulary_
    plain = vectorizer.preprocessor is None and not vectorizer.lowercase
    plain = plain and vectorizer.strip_accents is None
    if vectorizer.analyzer == "char_wb" and plain:
        automaton = ahocorasick.Automaton()
        for gram, index in vocabulary.items():
            automaton.add_word(gram, index)
        automaton.make_automaton()
        second = itemgetter(1)

        def count_char_wb(text: str):
            padded = " " + " ".join(text.split()) + " "
            found = np.fromiter(map(second, automaton.iter(padded)), dtype=np.int64)
            index, tf = np.unique(found, return_counts=True)
            return index, tf.astype(np.float64)

        return count_char_wb
    analyzer = vectorizer.build_analyzer()

    def count(text: str):
        counts = Counter(i for g in analyzer(text) if (i := vocabulary.get(g)) is not None)
        index = np.fromiter(counts.keys(), dtype=np.int64, count=len(counts))
        return index, np.fromiter(counts.values(), dtype=np.float64, count=len(counts))

    return count


@dataclass(frozen=True)
class LanguageHead:
    """One language's own pipeline (Arabic, Turkish), its categories and thresholds."""

    pipeline: object
    category_heads: dict[Category, list[int]]
    thresholds: Thresholds
    scorer: LinearScorer

    def score(self, text: str) -> dict[Category, float]:
        """Probability per category that this language's heads speak for."""
        probs = self.scorer.probabilities(text)
        return {c: float(max(probs[i] for i in heads)) for c, heads in self.category_heads.items()}


@dataclass
class TrainedClassifier:
    """A fitted pipeline whose heads map onto categories, with the card's thresholds, and
    the heads of the languages that have their own (`languages`)."""

    version: str
    pipeline: object
    category_heads: dict[Category, list[int]]
    thresholds: Thresholds = field(default_factory=dict)
    scorer: LinearScorer | None = None
    languages: dict[str, LanguageHead] = field(default_factory=dict)

    @property
    def language_thresholds(self) -> dict[str, Thresholds]:
        return {code: head.thresholds for code, head in self.languages.items()}

    def score(self, text: str, folded_text: str | None = None) -> dict[Category, float]:
        """Probability per category from the default (English) heads: the highest of the
        category's heads."""
        if self.scorer is not None:
            probs = self.scorer.probabilities(text, folded_text)
        else:
            probs = self.pipeline.predict_proba([text])[0]
        return {c: float(max(probs[i] for i in heads)) for c, heads in self.category_heads.items()}

    def score_languages(
        self, texts: Mapping[str, str], folded: Mapping[str, str] | None = None
    ) -> dict[str, dict[Category, float]]:
        """Scores per language: each language's text (its sentences) by its own heads where
        it has them, else by the default heads. `folded` holds texts already folded by
        `normalise.fold`, reused by the default heads."""
        out = {}
        for language, text in texts.items():
            head = self.languages.get(language)
            if head is not None:
                out[language] = head.score(text)
            else:
                out[language] = self.score(text, (folded or {}).get(language))
        return out


def card_path(model_path: Path) -> Path:
    return model_path.with_suffix(".json")


def load_classifier(model_path: Path) -> TrainedClassifier:
    """Load and check the artifact and its card; raise ModelError if it cannot serve."""
    card_file = card_path(model_path)
    if not model_path.is_file() or not card_file.is_file():
        raise ModelError(
            f"model {model_path} or its card {card_file.name} is missing: run `make train`, "
            "or set MODERATION_MODEL_PATH=none to run on the rules alone"
        )
    card_text = card_file.read_text(encoding="utf-8")
    card = json.loads(card_text)
    trained_with = card.get("libraries", {}).get("scikit-learn")
    if trained_with != sklearn.__version__:
        raise ModelError(
            f"model {model_path.name} was trained with scikit-learn {trained_with}, but "
            f"{sklearn.__version__} is installed: install that version or retrain (`make train`)"
        )
    digest = hashlib.sha256(model_path.read_bytes()).hexdigest()
    if digest != card.get("artifact_sha256"):
        raise ModelError(f"model {model_path.name} does not match its card (sha256 differs)")
    return _unpickled(model_path, digest, card_text)


@lru_cache(maxsize=2)
def _unpickled(model_path: Path, digest: str, card_text: str) -> TrainedClassifier:
    """The checked artifact, loaded once per process for the same bytes and card: an app
    built again (tests, a command beside the server) does not read it again."""
    card = json.loads(card_text)
    with warnings.catch_warnings():
        warnings.simplefilter("error", InconsistentVersionWarning)
        try:
            pipeline = joblib.load(model_path)
        except InconsistentVersionWarning as exc:
            raise ModelError(f"model {model_path.name}: {exc}") from exc
    pipelines = {}
    if isinstance(pipeline, dict):  # the default pipeline beside the language heads'
        pipeline, pipelines = pipeline["default"], pipeline["languages"]
    sections = card.get("languages", {})
    if set(sections) != set(pipelines):
        raise ModelError(
            f"model {model_path.name} has language heads {sorted(pipelines)} but its card "
            f"describes {sorted(sections)}: retrain (`make train`)"
        )
    languages = {
        code: LanguageHead(
            pipelines[code],
            _category_heads(section),
            _thresholds(section),
            LinearScorer(pipelines[code]),
        )
        for code, section in sorted(sections.items())
    }
    return TrainedClassifier(
        card["version"],
        pipeline,
        _category_heads(card),
        _thresholds(card),
        LinearScorer(pipeline),
        languages,
    )


def _category_heads(card: Mapping) -> dict[Category, list[int]]:
    heads = list(card["heads"])
    return {
        Category(c): [heads.index(h) for h in names] for c, names in card["category_heads"].items()
    }


def _thresholds(card: Mapping) -> Thresholds:
    # a card's reject threshold of null: the model may send that category to review only
    return {
        Category(c): (math.inf if t["reject"] is None else float(t["reject"]), float(t["review"]))
        for c, t in card.get("thresholds", {}).items()
    }
