"""The committed model: its card matches this install, and it serves with the rules."""

import hashlib
import json
from dataclasses import replace

import numpy as np
import pytest
import sklearn

from service import build_moderator
from service.config import DEFAULT_MODEL_PATH, Settings, from_env
from service.domain import Category, Source, Status, Verdict
from service.normalise import fold
from service.pipeline import moderate
from tests import test_rules

CARD = json.loads(DEFAULT_MODEL_PATH.with_suffix(".json").read_text(encoding="utf-8"))
TABLES = (
    test_rules.PROFANITY
    + test_rules.VULGARITY
    + test_rules.THREAT
    + test_rules.PERSONAL_ATTACK
    + test_rules.ABUSE
    + test_rules.PROMOTION
)


@pytest.fixture(scope="module")
def served():
    return build_moderator(Settings(database_url="sqlite://", model_path=DEFAULT_MODEL_PATH))


def test_card_matches_the_artifact_and_the_installed_libraries():
    artifact = DEFAULT_MODEL_PATH.read_bytes()
    assert CARD["libraries"]["scikit-learn"] == sklearn.__version__
    assert hashlib.sha256(artifact).hexdigest() == CARD["artifact_sha256"]
    assert len(artifact) == CARD["artifact_bytes"] < 30_000_000
    assert CARD["version"] == f"clf-{CARD['artifact_sha256'][:12]}"


def test_card_lists_training_files_with_licences_and_no_official_test_split():
    files = [d["file"] for d in CARD["data"]]
    assert all(d["licence"] and len(d["sha256"]) == 64 for d in CARD["data"])
    for held_out in ("testset", "test_with_solutions", "impermium_verification", "edos_test"):
        assert not any(held_out in f for f in files), files
    assert not any("Youtube05" in f for f in files)


def test_card_thresholds_are_probabilities_with_review_below_reject():
    for category, t in CARD["thresholds"].items():
        Category(category)
        assert 0.0 < t["review"] <= (1.0 if t["reject"] is None else t["reject"]) <= 1.0


def test_the_service_serves_the_committed_model_unless_told_not_to(tmp_path):
    settings = from_env(tmp_path, {})
    assert settings.model_path == DEFAULT_MODEL_PATH
    moderator = build_moderator(replace(settings, database_url="sqlite://"))
    assert moderator.classifier.version == CARD["version"]
    assert from_env(tmp_path, {"MODERATION_MODEL_PATH": "none"}).model_path is None


def test_fast_scorer_equals_the_committed_pipeline(served):
    texts = [t for t, _ in TABLES]
    expected = served.classifier.pipeline.predict_proba(texts)
    fast = np.array([served.classifier.scorer.probabilities(t) for t in texts])
    np.testing.assert_allclose(fast, expected, atol=1e-5)
    # the rules' folding handed over instead of folding again
    reused = np.array([served.classifier.scorer.probabilities(t, fold(t).text) for t in texts])
    np.testing.assert_allclose(reused, expected, atol=1e-5)


# Hard negatives the model sends to review (never rejects): the spam data's "mobile" and
# "share" are offer words; implicit_hate's "threatening" tweets are about fighting
# deportation and immigration. A reviewer approves them; docs/model-card.md lists both.
MODEL_REVIEWS = {
    "Please add a share button for WhatsApp on mobile",
    "We will fight every deportation order in court",
    # ("Kurds are not terrorists" was here: abuse 0.52 on "Kurds ... terrorists". The
    # rules now read the denial and the model reads the comment without it, so it is
    # approved; service/rules/context.py model_input, docs/rules.md.)
}


@pytest.mark.parametrize(("text", "category"), TABLES)
def test_rule_tables_still_hold_with_the_model_on(served, text, category):
    decision = moderate(text, served)
    if category is None:  # the model adds nothing to a hard negative
        model_reasons = [r for r in decision.reasons if r.source is Source.MODEL]
        if text in MODEL_REVIEWS:
            assert model_reasons and decision.status is Status.IN_REVIEW
        else:
            assert not model_reasons, decision.reasons
    else:
        assert decision.verdict is Verdict.REJECT and decision.status is Status.FINAL
        assert Category(category) in decision.categories, (text, decision.categories)


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Women should not be allowed to vote, they are too stupid", Category.ABUSE),
        ("Women are too emotional to be in politics, they belong at home", Category.ABUSE),
        ("You are a pathetic clown and your articles are garbage", Category.PERSONAL_ATTACK),
    ],
)
def test_the_model_flags_what_it_learned(served, text, category):
    decision = moderate(text, served)
    assert decision.verdict is Verdict.REJECT
    assert any(r.source is Source.MODEL and r.category is category for r in decision.reasons)


@pytest.mark.parametrize(
    "text",
    [
        "Thanks!",
        "Agree 100%",
        "Great article",
        "Interesting read, thanks for sharing",
        "The minister's speech was weak and the numbers do not add up",
        "I disagree with the author, the budget deal is a good compromise",
    ],
)
def test_short_and_critical_comments_are_approved(served, text):
    decision = moderate(text, served)
    assert decision.verdict is Verdict.APPROVE and decision.status is Status.FINAL, decision.scores
