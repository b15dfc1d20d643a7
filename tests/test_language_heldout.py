"""The held-out language table's shape: its counts, lengths and spellings, and its
independence from the detector's own tables. Nothing here is about accuracy yet."""

from __future__ import annotations

import re
from collections.abc import Iterator
from types import ModuleType

import pytest

from tests import language_dev_table, language_table
from tests import language_heldout_table as heldout

CODES = {"ckb", "kmr", "ar", "fa", "tr", "en", "other"}
COUNTS = {
    "AR_LATIN": 50,
    "FA_LATIN": 50,
    "CKB_TYPED": 40,
    "CKB_PERSIAN_KEYBOARD": 40,
    "CKB_ARABIC_KEYBOARD": 40,
    "KMR": 40,
    "TR": 40,
    "FA": 30,
    "AR": 30,
    "CKB": 30,
    "EN": 40,
}
# The tables written by hand; the two keyboard tables are derived from CKB_TYPED.
WRITTEN = ("AR_LATIN", "FA_LATIN", "CKB_TYPED", "KMR", "TR", "FA", "AR", "CKB", "EN")
SORANI_OWN = set("ەێۆڕڵڤ")
KURMANJI_MARKED = set("êîûçş")
TURKISH_MARKED = set("çğıöşü")
ARABIC_YEH_KAF = set("يك")
PERSIAN_YEH_KAF = set("یک")


def _key(text: str) -> str:
    """Fold case, punctuation and spacing, so a near-copy counts as the same sentence."""
    return " ".join(re.sub(r"[^\w\s]", " ", text.casefold()).split())


def _strings(value: object) -> Iterator[str]:
    """Every string held in a module-level tuple, list, set or dict, however nested."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, tuple | list | set | frozenset):
        for item in value:
            yield from _strings(item)


def _sentences_of(module: ModuleType) -> set[str]:
    return {
        _key(s)
        for name, value in vars(module).items()
        if not name.startswith("__") and isinstance(value, tuple | list | dict | frozenset)
        for s in _strings(value)
        if len(s.split()) >= 2
    }


def _words(text: str) -> int:
    return len(text.split())


def test_each_table_has_its_count_and_a_known_language():
    assert {name: len(sentences) for name, (_, sentences) in heldout.TABLES.items()} == COUNTS
    assert {code for code, _ in heldout.TABLES.values()} <= CODES


@pytest.mark.parametrize("name", WRITTEN)
def test_no_sentence_repeats_within_a_table(name: str):
    sentences = heldout.TABLES[name][1]
    assert len({_key(s) for s in sentences}) == len(sentences)


def test_no_sentence_appears_in_two_written_tables():
    keys = [_key(s) for name in WRITTEN for s in heldout.TABLES[name][1]]
    assert len(set(keys)) == len(keys)


@pytest.mark.parametrize("module", [language_table, language_dev_table], ids=lambda m: m.__name__)
def test_no_sentence_is_shared_with_the_detectors_own_tables(module: ModuleType):
    theirs = _sentences_of(module)
    assert theirs, "the comparison found no sentences to compare with"
    shared = [s for _, sentences in heldout.TABLES.values() for s in sentences if _key(s) in theirs]
    assert not shared


@pytest.mark.parametrize("name", WRITTEN)
def test_sentences_run_from_two_to_twenty_five_words(name: str):
    lengths = [_words(s) for s in heldout.TABLES[name][1]]
    assert min(lengths) >= 2
    assert max(lengths) <= 25


@pytest.mark.parametrize("name", [n for n in WRITTEN if n != "EN"])
def test_about_a_third_of_each_table_is_five_words_or_fewer(name: str):
    sentences = heldout.TABLES[name][1]
    short = sum(_words(s) <= 5 for s in sentences)
    assert 0.25 <= short / len(sentences) <= 0.45
    assert any(_words(s) >= 12 for s in sentences), "no long comment"


def test_a_third_of_all_written_sentences_is_five_words_or_fewer():
    lengths = [_words(s) for name in WRITTEN for s in heldout.TABLES[name][1]]
    assert sum(n <= 5 for n in lengths) / len(lengths) >= 0.3


def test_english_sentences_have_five_words_or_more_and_carry_loan_words():
    assert min(_words(s) for s in heldout.EN) >= 5
    loans = ("peshmerga", "inshallah", "newroz", "yallah")
    assert all(any(loan in s for s in heldout.EN) for loan in loans)


def test_phone_typing_has_no_capitals_in_latin_tables():
    for name in ("AR_LATIN", "FA_LATIN", "KMR", "TR", "EN"):
        assert all(s == s.lower() for s in heldout.TABLES[name][1]), name


def test_arabizi_comes_both_with_and_without_letter_digits():
    with_digits = sum(bool(re.search(r"[235678]", s)) for s in heldout.AR_LATIN)
    assert 10 <= with_digits <= len(heldout.AR_LATIN) - 10


def test_finglish_holds_its_spelling_variants():
    words = {w.strip("?,") for s in heldout.FA_LATIN for w in s.split()}
    for variants in (("kheili", "khaili"), ("mikhay", "mikhai"), ("chie", "chiye")):
        assert set(variants) <= words, variants


@pytest.mark.parametrize(("name", "marked"), [("KMR", KURMANJI_MARKED), ("TR", TURKISH_MARKED)])
def test_first_half_keeps_its_letters_and_second_half_is_typed_without(name: str, marked: set):
    sentences = heldout.TABLES[name][1]
    half = len(sentences) // 2
    assert all(marked & set(s) for s in sentences[:half])
    assert not any(marked & set(s) for s in sentences[half:])


def test_sorani_is_written_with_persian_yeh_and_kaf_and_mostly_its_own_letters():
    sorani = heldout.CKB_TYPED + heldout.CKB
    assert not any(ARABIC_YEH_KAF & set(s) for s in sorani)
    assert all(SORANI_OWN & set(s) for s in heldout.CKB_TYPED)
    assert sum(bool(SORANI_OWN & set(s)) for s in heldout.CKB) >= len(heldout.CKB) - 2


def test_keyboard_tables_keep_no_sorani_letter_and_change_every_sentence():
    for proper, persian, arabic in zip(
        heldout.CKB_TYPED, heldout.CKB_PERSIAN_KEYBOARD, heldout.CKB_ARABIC_KEYBOARD, strict=True
    ):
        assert persian != proper
        assert not SORANI_OWN & set(persian)
        assert not (SORANI_OWN | PERSIAN_YEH_KAF) & set(arabic)
        assert len(persian) == len(arabic) == len(proper)


def test_persian_comes_with_both_persian_and_arabic_yeh_and_kaf():
    arabic_typed = [s for s in heldout.FA if ARABIC_YEH_KAF & set(s)]
    assert len(arabic_typed) >= 3
    assert not any(PERSIAN_YEH_KAF & set(s) for s in arabic_typed)
    assert not any(SORANI_OWN & set(s) for s in heldout.FA)


def test_arabic_uses_no_persian_letters():
    assert not any(set("یکپچژگ") & set(s) for s in heldout.AR)


def test_report_prints_a_line_per_table_and_the_total(capsys: pytest.CaptureFixture[str]):
    heldout.main()
    lines = capsys.readouterr().out.splitlines()
    totals = {line.split()[0]: line.split()[1] for line in lines if not line.startswith("miss")}
    assert totals.keys() == {*heldout.TABLES, "ALL"}
    assert totals["ALL"].endswith(f"/{sum(COUNTS.values())}")
