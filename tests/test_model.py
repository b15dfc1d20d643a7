"""The model's estimator on a tiny inline dataset: heads learn only from their labelled rows."""

import pickle

import numpy as np
import pytest
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import FunctionTransformer

from service.model import UNLABELLED, CompactTfidf, MultiHeadLogistic, fold_texts

U = UNLABELLED
ROWS = [
    # text, insult, spam
    ("you are a stupid idiot", 1, U),
    ("what a moron you are", 1, U),
    ("you clown, nobody likes you", 1, U),
    ("I disagree with the author", 0, U),
    ("thanks for the careful reporting", 0, 0),
    ("the parliament met today", 0, 0),
    ("buy cheap watches at my shop", U, 1),
    ("win a free iphone, click the link", U, 1),
    ("earn money from home, message me", U, 1),
    ("the oil exports stopped in march", U, 0),
]


@pytest.fixture(scope="module")
def tiny_model():
    pipeline = Pipeline(
        [
            ("fold", FunctionTransformer(fold_texts)),
            ("features", TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 4), lowercase=False)),
            ("heads", MultiHeadLogistic(heads=("insult", "spam"), C=10.0)),
        ]
    )
    texts = [r[0] for r in ROWS]
    labels = np.array([[r[1], r[2]] for r in ROWS])
    return pipeline.fit(texts, labels)


def test_each_head_scores_its_own_concept(tiny_model):
    probs = tiny_model.predict_proba(["you stupid moron", "free iphone, click my shop link"])
    assert probs.shape == (2, 2)
    assert probs[0, 0] > probs[1, 0]  # insult head
    assert probs[1, 1] > probs[0, 1]  # spam head


def test_folding_reaches_the_model(tiny_model):
    plain, disguised = tiny_model.predict_proba(["you stupid idiot", "you ѕtupid 1d1ot"])[:, 0]
    assert abs(plain - disguised) < 1e-6


def test_unlabelled_rows_do_not_train_a_head():
    X = np.array([[1.0, 0.0], [0.0, 1.0], [1.0, 0.0], [0.0, 1.0]])
    labelled = MultiHeadLogistic(heads=("a",)).fit(X[:2], np.array([[1], [0]]))
    padded = MultiHeadLogistic(heads=("a",)).fit(X, np.array([[1], [0], [U], [U]]))
    np.testing.assert_allclose(labelled.coef_, padded.coef_)


def test_row_weights_reach_each_head_and_a_doubled_row_weighs_two():
    X = np.array([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]])
    Y = np.array([[1, 0], [0, 1], [1, 1]])
    doubled = MultiHeadLogistic(heads=("a", "b")).fit(np.vstack([X, X[:1]]), np.vstack([Y, Y[:1]]))
    weighted = MultiHeadLogistic(heads=("a", "b")).fit(X, Y, sample_weight=[2.0, 1.0, 1.0])
    np.testing.assert_allclose(doubled.coef_, weighted.coef_, rtol=1e-4)
    per_head = np.array([[2.0, 1.0], [1.0, 1.0], [1.0, 1.0]])  # only head a's row 0 doubled
    mixed = MultiHeadLogistic(heads=("a", "b")).fit(X, Y, sample_weight=per_head)
    np.testing.assert_allclose(mixed.coef_[0], doubled.coef_[0], rtol=1e-4)
    plain = MultiHeadLogistic(heads=("a", "b")).fit(X, Y)
    np.testing.assert_allclose(mixed.coef_[1], plain.coef_[1], rtol=1e-4)


def test_a_head_without_both_classes_is_refused():
    with pytest.raises(ValueError, match="head a needs positive and negative"):
        MultiHeadLogistic(heads=("a",)).fit(np.eye(2), np.array([[1], [U]]))


def test_model_input_leaves_out_links_and_identity_terms():
    [folded] = fold_texts(["As a Lesbian and a QUEER Kurd, see https://x.com/a: gayness"])
    assert "lesbian" not in folded and "queer" not in folded and "kurd" not in folded
    assert "x.com" not in folded
    assert "gayness" in folded  # whole words only


def test_compact_vectoriser_pickles_its_vocabulary_as_one_string_and_scores_alike():
    texts = [r[0] for r in ROWS]
    for analyzer, grams in (("word", (1, 2)), ("char_wb", (2, 5))):
        fitted = CompactTfidf(analyzer=analyzer, ngram_range=grams, lowercase=False).fit(texts)
        before = dict(fitted.vocabulary_)
        data = pickle.dumps(fitted)
        assert fitted.vocabulary_ == before  # pickling leaves the live object whole
        assert pickle.dumps(before) not in data  # no dict of terms inside
        loaded = pickle.loads(data)
        assert loaded.vocabulary_ == before
        assert (loaded.transform(texts) != fitted.transform(texts)).nnz == 0


def test_compact_vectoriser_refuses_a_term_it_could_not_unpack():
    fitted = CompactTfidf(analyzer="char", ngram_range=(1, 1)).fit(["a\nb"])  # "\n" is a term
    with pytest.raises(ValueError, match="newline"):
        pickle.dumps(fitted)
