"""Loaders for ../shared/data: schema checks, counts from SOURCE.md, no test rows in training."""

import pytest

from training import data
from training.train import training_rows

# Counts stated in each dataset's SOURCE.md.
EXPECTED = {
    "davidson": (data.davidson, 24_783),
    "olid_train": (data.olid_train, 13_240),
    "olid_test": (data.olid_test, 860),
    "kaggle_train": (lambda root: data.kaggle_insults("train", root), 3_947),
    "kaggle_test": (lambda root: data.kaggle_insults_test("test", root), 2_647),
    "kaggle_verification": (lambda root: data.kaggle_insults_test("verification", root), 2_235),
    "edos_train": (lambda root: data.edos("train", root), 14_000),
    "edos_dev": (lambda root: data.edos("dev", root), 2_000),
    "edos_test": (data.edos_test, 4_000),
    "youtube": (lambda root: data.youtube_spam(root=root), 1_956),
    "sms": (data.sms_spam, 5_574),
    # 4,000 less the 30 rows the expert marked as annotation errors
    "mpold": (data.mpold_arabic, 3_970),
    "offenseval_tr": (data.offenseval_turkish, 31_756),
    "offenseval_tr_test": (data.offenseval_turkish_test, 3_528),
    "osact4": (data.osact4_arabic_test, 8_000),
    "mayda": (data.turkish_hate_mayda_test, 10_224),
    "pars_off": (data.pars_off_test, 10_563),
}


@pytest.mark.parametrize("name", EXPECTED)
def test_loader_reads_every_row(shared_data, name):
    loader, count = EXPECTED[name]
    examples = loader(shared_data)
    assert len(examples) == count
    assert all(isinstance(e.text, str) and e.text for e in examples)


def test_kaggle_comments_are_unescaped(shared_data):
    texts = [e.text for e in data.kaggle_insults("train", shared_data)]
    assert not any(t.startswith('"') and t.endswith('"') for t in texts[:200])
    assert sum("\\n" in t for t in texts) == 0
    assert sum("\n" in t for t in texts) > 10


def test_official_test_splits_cannot_be_read_as_training(shared_data):
    with pytest.raises(ValueError):
        data.kaggle_insults("test", shared_data)
    with pytest.raises(ValueError):
        data.edos("test", shared_data)


def test_training_rows_hold_no_official_test_text(shared_data):
    from service.rules import build_rules

    rows = training_rows(shared_data, build_rules())
    test_sources = {
        "olid-test",
        "edos-test",
        "test_with_solutions.csv",
        "impermium_verification_labels.csv",
        "Youtube05-Shakira",
        "stormfront-test",
        "implicit_hate-test",
        "convabuse-test",
        "mlma-en-test",
        "hateval-test",
    }
    assert not {r.source for r in rows} & test_sources
    train_texts = {r.text for r in rows}
    tests = (
        data.olid_test(shared_data)
        + data.edos_test(shared_data)
        + data.kaggle_insults_test("test", shared_data)
        + data.kaggle_insults_test("verification", shared_data)
        + data.stormfront_test(shared_data)
        + data.implicit_hate_test(shared_data)
        # ConvAbuse is left out here: upstream, 270 of its 853 test turns repeat a train turn
        # verbatim (short chatbot abuse: "you are stupid"); its LODO figure is the clean one.
        + data.mlma_test("en", shared_data)
        + data.hateval_test(shared_data)  # evaluation only: never trained on
    )
    shared = [e.text for e in tests if e.text in train_texts]
    # The source datasets repeat a few short texts across their own splits; none beyond that.
    assert len(shared) / len(tests) < 0.01, shared[:10]


def test_malformed_file_is_refused(tmp_path):
    folder = tmp_path / "sms_spam"
    folder.mkdir()
    (folder / "SMSSpamCollection").write_text("ham\tfine\nmaybe\tbroken\n", encoding="utf-8")
    with pytest.raises(data.SchemaError, match="SMSSpamCollection:2"):
        data.sms_spam(tmp_path)


def test_language_rows_hold_no_test_or_evaluation_only_text(shared_data):
    from training import language_heads

    trained = {
        r.text
        for spec in language_heads.LANGUAGES
        for r in language_heads.language_rows(spec, shared_data)
    }
    held = data.offenseval_turkish_test(shared_data) + data.mlma_test("ar", shared_data)
    evaluation_only = data.osact4_arabic_test(shared_data) + data.turkish_hate_mayda_test(
        shared_data
    )
    for rows, allowed in ((held, 0.01), (evaluation_only, 0.01)):
        shared = [e.text for e in rows if e.text in trained]
        assert len(shared) / len(rows) < allowed, shared[:10]


def test_source_counts_of_the_language_sets(shared_data):
    from collections import Counter

    assert Counter(e.label for e in data.offenseval_turkish_test(shared_data)) == {
        "NOT": 2812,
        "OFF": 716,
    }
    osact = Counter(e.label for e in data.osact4_arabic_test(shared_data))
    assert osact == {"NOT_OFF": 6411, "OFF": 1589 - 405, "OFF:HS": 405}
    mpold = Counter(e.label.split(":")[0] for e in data.mpold_arabic(shared_data))
    assert mpold == {"Non-Offensive": 3325 - 29, "Offensive": 675 - 1}
