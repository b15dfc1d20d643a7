"""The sets added for issue 11: counts from SOURCE.md, fixed held-out splits, desk figures."""

from collections import Counter

import pytest

from training import data, desk


def test_stormfront_test_split_is_balanced_and_apart_from_training(shared_data):
    test = data.stormfront_test(shared_data)
    assert Counter(e.label for e in test) == {"hate": 239, "noHate": 239}
    train = data.stormfront(shared_data)
    assert Counter(e.label for e in train)["hate"] == 1_196 - 239  # SOURCE.md: 1,196 in all
    assert not {e.text for e in test if len(e.text) > 40} & {e.text for e in train}


def test_convabuse_majority_labels_match_source_counts(shared_data):
    for split, abusive, harassment in (("train", 330, 96), ("valid", 111, 35)):
        rows = data.convabuse(split, shared_data)
        labels = Counter(e.label.split(":")[0] for e in rows)
        assert labels["abusive"] == abusive
        assert sum("sex_harassment" in e.label for e in rows) == harassment
    test = data.convabuse_test(shared_data)
    assert (len(test), sum(e.label.startswith("abusive") for e in test)) == (853, 129)
    with pytest.raises(ValueError):
        data.convabuse("test", shared_data)


@pytest.mark.parametrize(
    "train, test, rows",
    [
        (data.implicit_hate, data.implicit_hate_test, 21_468),  # 21,472 less 4 repeats
        (data.mlma, data.mlma_test, None),
    ],
)
def test_hash_held_out_fifth_is_disjoint_and_stable(shared_data, train, test, rows):
    train_rows, test_rows = train(root=shared_data), test(root=shared_data)
    assert not {e.text for e in train_rows} & {e.text for e in test_rows}
    share = len(test_rows) / (len(train_rows) + len(test_rows))
    assert 0.17 < share < 0.23
    if rows is not None:
        assert len(train_rows) + len(test_rows) == rows
    assert [e.text for e in test(root=shared_data)][:50] == [e.text for e in test_rows][:50]


def test_implicit_hate_carries_stage_two_threats(shared_data):
    labels = Counter(e.label for e in data.implicit_hate(shared_data))
    assert labels["implicit_hate:threatening"] > 400


def test_hateval_has_only_a_test_reader(shared_data):
    rows = data.hateval_test(shared_data)
    assert (len(rows), sum(e.label.startswith("HS=1") for e in rows)) == (3_000, 1_260)
    assert not hasattr(data, "hateval") and not hasattr(data, "hateval_train")


def test_desk_counts_what_the_desk_sees(moderator):
    """Published harm, rejected clean and review counted from real decisions."""
    labelled = desk.LabelledSet("made up", lambda root: [], "clean")
    rows = [
        ("You are a fucking idiot", True),  # rejected: neither figure
        ("Thanks for the clear report on Kirkuk.", False),  # approved: neither figure
        ("Thanks for the clear report on Kirkuk.", True),  # labelled harmful: published
        ("What a load of shit this article is", False),  # labelled clean: auto-rejected
    ]
    row = desk.measure(labelled, rows, moderator)
    assert (row.harmful, row.clean) == (2, 2)
    assert (row.auto_published, row.auto_rejected, row.review) == (1, 1, 0)
    assert row.shares() == (0.5, 0.5, 0.0)
    assert "50.0% (1)" in desk.table([row]) and "| made up |" in desk.table([row], True)
