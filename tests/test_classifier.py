"""Loading a trained artifact into the service: checks at start-up, scores in decisions."""

import json

import numpy as np
import pytest
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.pipeline import FeatureUnion, Pipeline
from sklearn.preprocessing import FunctionTransformer

from service import api, build_moderator, create_app, store
from service.classifier import ModelError, load_classifier
from service.config import Settings
from service.domain import Category, Source
from service.model import UNLABELLED, MultiHeadLogistic, fold_texts
from service.pipeline import moderate
from training.train import save_artifact

U = UNLABELLED
ROWS = [
    ("earn money from home now", 1),
    ("buy cheap watches in my shop", 1),
    ("win a free phone, click the link", 1),
    ("crypto profits every day, message me", 1),
    ("the parliament met today", 0),
    ("oil exports stopped in march", 0),
    ("thanks for the careful reporting", 0),
    ("salaries are late again in erbil", 0),
]
THRESHOLDS = {"promotion": {"reject": 0.7, "review": 0.4}}


@pytest.fixture(scope="module")
def artifact(tmp_path_factory):
    """A tiny real model saved the way training saves one, with its card."""
    features = FeatureUnion(
        [
            ("words", TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, lowercase=False)),
            ("chars", TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 4), lowercase=False)),
        ]
    )
    pipeline = Pipeline(
        [
            ("fold", FunctionTransformer(fold_texts)),
            ("features", features),
            ("heads", MultiHeadLogistic(heads=("spam",), C=20.0)),
        ]
    )
    pipeline.fit([t for t, _ in ROWS], np.array([[y] for _, y in ROWS]))
    out = tmp_path_factory.mktemp("model")
    save_artifact(
        pipeline,
        out,
        {"heads": ["spam"], "category_heads": {"promotion": ["spam"]}, "thresholds": THRESHOLDS},
    )
    return out / "classifier.joblib"


def test_loaded_model_reports_its_version_and_scores(artifact):
    classifier = load_classifier(artifact)
    card = json.loads(artifact.with_suffix(".json").read_text())
    assert classifier.version == card["version"] and classifier.version.startswith("clf-")
    scores = classifier.score("earn money now, click my shop link")
    assert set(scores) == {Category.PROMOTION}
    assert scores[Category.PROMOTION] > classifier.score("the parliament met")[Category.PROMOTION]


def test_fast_scorer_equals_the_pipeline(artifact):
    classifier = load_classifier(artifact)
    texts = [t for t, _ in ROWS] + [
        "ѕome 𝐮𝐧𝐬𝐞𝐞𝐧 text, https://x.com/y",
        "",
        "👏👏",
        "a  b\tc\nd   e",  # whitespace runs, tabs, newlines, one-letter words
        "\u00a0money\u2003from\u2028home\u3000now ",  # Unicode spaces
        "I",
        "earn earn earn money money",  # repeated n-grams
    ]
    expected = classifier.pipeline.predict_proba(texts)
    fast = np.array([classifier.scorer.probabilities(t) for t in texts])
    np.testing.assert_allclose(fast, expected, atol=1e-5)


def test_card_thresholds_reach_the_policy_unless_the_environment_sets_them(artifact):
    moderator = build_moderator(Settings(database_url="sqlite://", model_path=artifact))
    assert moderator.policy.reject_threshold[Category.PROMOTION] == 0.7
    assert moderator.policy.review_threshold[Category.PROMOTION] == 0.4
    assert moderator.policy.reject_threshold[Category.THREAT] == 0.8  # default
    explicit = Settings(
        database_url="sqlite://", model_path=artifact, reject_threshold={Category.PROMOTION: 0.95}
    )
    assert build_moderator(explicit).policy.reject_threshold[Category.PROMOTION] == 0.95


def test_model_scores_decide_beside_the_rules(artifact):
    moderator = build_moderator(Settings(database_url="sqlite://", model_path=artifact))
    decision = moderate("crypto profits every day, earn money from home", moderator)
    assert decision.model_version.startswith("clf-")
    assert "promotion" in decision.scores
    assert any(r.source is Source.MODEL for r in decision.reasons)


def test_api_serves_with_the_model(artifact, tmp_path):
    app = create_app({"database_url": f"sqlite:///{tmp_path / 'm.db'}", "model_path": artifact})
    with app.extensions[api.EXTENSION].engine.begin() as conn:
        key = store.create_key(conn, "cms")
    body = (
        app.test_client()
        .post(
            "/moderate",
            json={"text": "Thanks for the reporting"},
            headers={"Authorization": f"Bearer {key}"},
        )
        .get_json()
    )
    assert body["model_version"].startswith("clf-") and "promotion" in body["scores"]


def test_missing_model_refuses_to_start(tmp_path):
    with pytest.raises(ModelError, match="missing: run `make train`"):
        create_app(
            {
                "database_url": f"sqlite:///{tmp_path / 'm.db'}",
                "model_path": tmp_path / "nope.joblib",
            }
        )


def test_model_from_another_scikit_learn_refuses_to_start(artifact, tmp_path):
    other = tmp_path / "classifier.joblib"
    other.write_bytes(artifact.read_bytes())
    card = json.loads(artifact.with_suffix(".json").read_text())
    card["libraries"]["scikit-learn"] = "0.24.2"
    other.with_suffix(".json").write_text(json.dumps(card))
    with pytest.raises(ModelError, match="trained with scikit-learn 0.24.2"):
        load_classifier(other)


def test_altered_artifact_refuses_to_start(artifact, tmp_path):
    other = tmp_path / "classifier.joblib"
    other.write_bytes(artifact.read_bytes() + b"\0")
    other.with_suffix(".json").write_text(artifact.with_suffix(".json").read_text())
    with pytest.raises(ModelError, match="does not match its card"):
        load_classifier(other)


def test_a_review_only_category_never_rejects_on_its_score(artifact, tmp_path):
    card = json.loads(artifact.with_suffix(".json").read_text())
    card["thresholds"] = {"promotion": {"reject": None, "review": 0.4}}
    model = tmp_path / "classifier.joblib"
    model.write_bytes(artifact.read_bytes())
    model.with_suffix(".json").write_text(json.dumps(card))
    moderator = build_moderator(Settings(database_url="sqlite://", model_path=model))
    decision = moderate("earn money from home now, buy cheap watches", moderator)
    assert decision.scores["promotion"] > 0.4
    assert [r.source for r in decision.reasons if r.category is Category.PROMOTION] == [
        Source.MODEL
    ]
    assert decision.status.value == "in_review"
