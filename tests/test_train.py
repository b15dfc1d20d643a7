"""Training's label mapping and threshold rule, on inline rows (no data folder needed)."""

import numpy as np
import pytest

from service.rules import build_rules
from training import train
from training.data import Example
from training.train import HEADS, Row


@pytest.fixture(scope="module")
def rules():
    return build_rules()


def test_stormfront_no_hate_is_not_hate_only_never_clean():
    hate = train._stormfront_row(Example("they are vermin", "hate", "stormfront"))
    other = train._stormfront_row(Example("good morning all", "noHate", "stormfront"))
    assert hate.labels == {"hate": 1}
    assert other.labels == {"hate": 0}  # says nothing about insults, threats, ...


def test_implicit_hate_threatening_teaches_the_threat_head():
    threat = train._implicit_hate_row(Example("x", "implicit_hate:threatening", "implicit_hate"))
    grievance = train._implicit_hate_row(
        Example("x", "implicit_hate:white_grievance", "implicit_hate")
    )
    explicit = train._implicit_hate_row(Example("x", "explicit_hate", "implicit_hate"))
    none = train._implicit_hate_row(Example("x", "not_hate", "implicit_hate"))
    assert threat.labels == {"hate": 1, "threat": 1}
    assert grievance.labels == {"hate": 1, "threat": 0}
    assert explicit.labels == {"hate": 1}
    assert none.labels == {"hate": 0}


def test_convabuse_types_map_onto_heads(rules):
    row = train._convabuse_row(
        Example("show me your body", "abusive:sexist,sex_harassment", "convabuse-train"), rules
    )
    assert row.labels == {"offensive": 1, "insult": 0, "hate": 0, "sexism": 1, "sexual": 1}
    stupid = train._convabuse_row(
        Example("you are so dumb", "abusive:intellectual", "convabuse-train"), rules
    )
    assert stupid.labels["insult"] == 1 and stupid.labels["sexual"] == 0
    assert train._convabuse_row(Example("hm", "ambiguous", "convabuse-train"), rules) is None
    clean = train._convabuse_row(Example("what is the weather", "not abusive", "c"), rules)
    assert clean.labels == dict.fromkeys(HEADS, 0)


def test_mlma_hate_needs_a_protected_target_and_normal_alone_is_clean(rules):
    def row(label):
        return train._mlma_row(Example("some tweet", label, "mlma-en"), rules)

    assert row("hateful_offensive:origin:arabs").labels == {"hate": 1, "offensive": 1}
    assert row("hateful:other:other") is None
    assert row("disrespectful:origin:arabs") is None
    assert row("offensive:other:individual").labels == {"offensive": 1}
    assert row("normal:origin:arabs").labels == dict.fromkeys(HEADS, 0)


def test_reviewer_vulgarity_leaves_the_sexual_head_unlabelled(tmp_path):
    path = tmp_path / "labels.jsonl"
    path.write_text(
        '{"text": "crude", "label": "reject", "categories": ["vulgarity"]}\n', encoding="utf-8"
    )
    (row,) = train.reviewer_rows(path)
    assert "sexual" not in row.labels and row.labels["spam"] == 0


def test_unknown_dataset_to_leave_out_is_refused(rules):
    with pytest.raises(ValueError, match="unknown datasets"):
        train.training_rows(None, rules, frozenset({"nope"}))


def test_clean_share_threshold_admits_at_most_that_share():
    scores = np.linspace(0, 1, 1000, dtype=np.float32)
    t = train.clean_share_threshold(scores, 0.03)
    assert (scores >= t).mean() <= 0.03
    assert (scores >= np.float32(scores[-31])).mean() > 0.03 - 1e-9
    assert train.clean_share_threshold(np.array([], dtype=np.float32), 0.03) == 1.0


def test_chosen_thresholds_keep_review_below_reject_and_promotion_review_only():
    rng = np.random.default_rng(0)
    rows, probs = [], []
    for i in range(2000):
        positive = i % 10 == 0
        labels = dict.fromkeys(HEADS, int(positive)) if positive else dict.fromkeys(HEADS, 0)
        rows.append(Row(f"t{i}", labels, "x"))
        probs.append(np.clip(rng.normal(0.7 if positive else 0.2, 0.15, len(HEADS)), 0, 1))
    thresholds = train.choose_thresholds(rows, np.array(probs))
    for category, t in thresholds.items():
        if category == "promotion":
            assert t["reject"] is None
        else:
            assert 0 < t["review"] <= t["reject"] <= 1
    assert set(thresholds) == {c.value for c in train.CATEGORY_HEADS}
