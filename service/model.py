"""The trained model's estimator: one logistic regression per head over shared features.

Datasets label one concept each (insults, sexism, spam, ...), so each head is fitted only
on rows whose label for it is known (0 or 1); -1 marks "not labelled for this head".
Training builds it; the service only loads it (joblib), so it lives here.
"""

from __future__ import annotations

import re

import numpy as np
from scipy.special import expit
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression

from service.normalise import fold

UNLABELLED = -1


# Links are judged by the promotion rules, which know which sites are news sources; the
# model would only learn that spam datasets are full of links and flag every citation.
# A bare domain starts only where no domain character precedes it: started inside a run
# ("1-1-1-...", "a.a.a..."), it was rescanned from every position (quadratic).
_LINK = re.compile(
    r"(?:https?://|www\.)\S+|(?<![a-z0-9.-])\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\."
    r"(?:com|net|org|io|co|me|ly|xyz|info|biz|tv|uk|de|iq|tr|ir|gov|edu|int|krd)\b(?:/\S*)?"
)


# Words that say who someone is. In the training data (tweets above all) they occur mostly
# in abuse, so a model learns "queer" or "syrian" as offensive and flags people describing
# themselves or reporting on refugees. The model does not see them (a shared placeholder
# token was tried: it learned the same bias). Slurs are not here (the abuse rules carry
# them); nor are women and men, which the sexism data labels in context.
IDENTITY_TERMS = frozenset(
    """
    gay gays lesbian lesbians queer queers bisexual bisexuals homosexual homosexuals trans
    transgender transgenders lgbt lgbtq muslim muslims islam islamic jew jews jewish judaism
    christian christians christianity yazidi yazidis hindu hindus sikh sikhs buddhist
    black blacks white whites kurd kurds kurdish arab arabs arabic turk turks turkish
    persian persians iranian iranians syrian syrians iraqi iraqis african africans asian
    asians mexican mexicans latino latinos hispanic hispanics immigrant immigrants
    migrant migrants refugee refugees disabled
    """.split()
)
_IDENTITY = re.compile(r"\b(?:" + "|".join(sorted(IDENTITY_TERMS, key=len, reverse=True)) + r")\b")


def model_input(folded_text: str) -> str:
    """Already folded text without links and identity terms."""
    return _IDENTITY.sub(" ", _LINK.sub(" ", folded_text))


def fold_texts(texts) -> list[str]:
    """The service's folding without links and identity terms: the model's first step."""
    return [model_input(fold(text).text) for text in texts]


def vectorizers(pipeline) -> list:
    """The TF-IDF vectorisers of a model pipeline's `features` step, in column order."""
    features = pipeline.named_steps["features"]
    return [v for _, v in getattr(features, "transformer_list", [("", features)])]


# Never inside a term of the word and char_wb analyzers, which split the text on white space
# (a vocabulary holding it is refused when pickled).
_TERM_SEPARATOR = "\n"


class CompactTfidf(TfidfVectorizer):
    """scikit-learn's TfidfVectorizer, pickled with its vocabulary as one string of terms in
    column order instead of a dict. joblib's unpickler is pure Python and reads a dict entry
    by entry: 1.8 s for the artifact's 480,000 terms at every process start, against 0.1 s
    to split one string and rebuild the dict. Fitting and transforming are unchanged."""

    def __getstate__(self):
        state = dict(super().__getstate__())  # a copy: the live object keeps its dict
        vocabulary = state.pop("vocabulary_", None)
        if vocabulary is not None:
            terms = sorted(vocabulary, key=vocabulary.__getitem__)
            if any(_TERM_SEPARATOR in term for term in terms) or [
                vocabulary[term] for term in terms
            ] != list(range(len(terms))):
                raise ValueError("a vocabulary must number its terms 0..n-1, none with a newline")
            state["vocabulary_terms_"] = _TERM_SEPARATOR.join(terms)
        return state

    def __setstate__(self, state):
        state = dict(state)
        terms = state.pop("vocabulary_terms_", None)
        if terms is not None:
            split = terms.split(_TERM_SEPARATOR)
            state["vocabulary_"] = dict(zip(split, range(len(split)), strict=True))
        super().__setstate__(state)


class MultiHeadLogistic(ClassifierMixin, BaseEstimator):
    """Independent binary heads; `predict_proba` returns one probability column per head."""

    def __init__(
        self,
        heads: tuple[str, ...] = (),
        C: float | tuple[float, ...] = 1.0,
        class_weight: str | None = None,
        max_iter: int = 2000,
    ):
        self.heads = heads
        self.C = C  # one value for every head, or one per head
        self.class_weight = class_weight
        self.max_iter = max_iter

    def fit(self, X, Y, sample_weight=None):
        """Fit each head on its labelled rows; `sample_weight`, if given, is one weight per
        row, or one per row and head (shape (n, heads))."""
        Y = np.asarray(Y)
        weights = None if sample_weight is None else np.asarray(sample_weight, dtype=np.float64)
        if weights is not None and weights.ndim == 1:
            weights = np.repeat(weights[:, None], len(self.heads), axis=1)
        if Y.ndim != 2 or Y.shape[1] != len(self.heads):
            raise ValueError(f"Y must have one column per head {self.heads}")
        strengths = self.C if isinstance(self.C, tuple) else (self.C,) * len(self.heads)
        if len(strengths) != len(self.heads):
            raise ValueError("C must be one value or one per head")
        coefs, intercepts = [], []
        for j, head in enumerate(self.heads):
            known = Y[:, j] != UNLABELLED
            labels = Y[known, j]
            if len(np.unique(labels)) < 2:
                # Leave-one-dataset-out may leave a head without positives (no sexual
                # harassment data without ConvAbuse): training.train then sets this, and
                # the head never fires. A committed model never has it.
                if not getattr(self, "constant_empty_heads", False):
                    raise ValueError(f"head {head} needs positive and negative examples")
                coefs.append(np.zeros(X.shape[1]))
                intercepts.append(-20.0)
                continue
            model = LogisticRegression(
                C=strengths[j],
                class_weight=self.class_weight,
                solver="liblinear",
                max_iter=self.max_iter,
                random_state=0,
            )
            model.fit(X[known], labels, None if weights is None else weights[known, j])
            coefs.append(model.coef_[0])
            intercepts.append(model.intercept_[0])
        # float32 halves the artifact; the scores do not move at the precision used.
        self.coef_ = np.asarray(coefs, dtype=np.float32)
        self.intercept_ = np.asarray(intercepts, dtype=np.float32)
        self.classes_ = np.array(list(self.heads))
        return self

    def decision_function(self, X) -> np.ndarray:
        return np.asarray(X @ self.coef_.T) + self.intercept_

    def predict_proba(self, X) -> np.ndarray:
        """Probability of each head's concept, independently: shape (n, heads)."""
        return expit(self.decision_function(X))

    def predict(self, X) -> np.ndarray:
        return (self.predict_proba(X) >= 0.5).astype(int)
