"""Misspellings (service/rules/typos.py): which listed word a misspelt or disguised token
stands for, and the words that are never read as misspellings."""

from __future__ import annotations

import pytest

from service.normalise import fold
from service.rules.dictionary import is_ordinary, is_own_spelling
from service.rules.typos import Corrections, Misspellings, Splits

LISTED = ["kurds", "kurdish", "muslims", "gays", "hate", "vermin", "scum", "parasites",
          "despise", "despises", "lawyers", "bankers", "refugees", "have"]  # fmt: skip
TYPOS = Misspellings(LISTED, frozenset(LISTED))


@pytest.mark.parametrize(
    ("token", "word"),
    [
        ("krds", "kurds"),  # a letter dropped
        ("kudrs", "kurds"),  # two swapped
        ("kurdds", "kurds"),  # one added
        ("haet", "hate"),  # four letters: swapped ...
        ("hatte", "hate"),  # ... or one added
        ("despisse", "despise"),  # a doubled letter is the letter added, before a swap
        ("k*rds", "kurds"),  # a mask, one listed word fits
        ("sc#m", "scum"),
        ("musiims", "muslims"),  # "mus1ims": folding read the 1 as i
        ("gayz", "gays"),  # a plural with z
    ],
)
def test_a_misspelt_or_disguised_token_reads_as_the_listed_word(token, word):
    assert TYPOS.correct(token) == word


@pytest.mark.parametrize(
    "token",
    [
        "kurds",  # spelt right
        "hat",  # four-letter words lose no letter: "hat", "kil" are words of their own
        "scm",
        "ha*e",  # hate or have: a mask that fits two words reads as neither
        "*urds",  # the first letter shown
        "k***s",  # half the letters shown
        "refuges",  # ordinary words one letter away are words of their own
        "bakers",
        "layers",
        "kurdsy" * 5,  # longer than any word: not looked up (bounded work)
    ],
)
def test_words_of_their_own_and_unreadable_tokens_are_not_misspellings(token):
    assert TYPOS.correct(token) is None


def test_a_word_of_its_own_is_not_a_misspelling_but_a_rare_typo_is():
    assert is_own_spelling("bakers", "bankers")
    assert is_own_spelling("gong", "going")
    assert not is_own_spelling("youself", "yourself")  # common online, 1000x rarer
    assert not is_own_spelling("krds", "kurds")


def test_a_plural_of_a_plural_is_no_ordinary_word():
    assert is_ordinary("christians")
    assert not is_ordinary("christianss")


CORRECTIONS = Corrections(["yourself", "kill", "pathetic", "idiot", "murder"])


def corrected(text: str) -> str:
    return CORRECTIONS.apply(fold(text), text).text


def test_corrections_read_misspelt_list_words_and_map_back_to_the_original():
    text = "go kill yuorself now"
    folded = CORRECTIONS.apply(fold(text), text)
    assert folded.text == "go kill yourself now"
    start = folded.text.index("yourself")
    assert folded.span(start, start + len("yourself")) == (8, 16)
    assert folded.span(folded.text.index("now"), len(folded.text)) == (17, 20)
    assert len(folded.plain) == len(folded.text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("you pathtic idot", "you pathetic idiot"),
        ("I will k*ll you", "i will kill you"),
        ("I will kiill you", "i will kill you"),
        ("you should kil1 yourself", "you should kill yourself"),  # 1 for l, not i
        ("I will murdr you", "i will murder you"),
    ],
)
def test_corrections_undo_typos_masks_and_digits(text, expected):
    assert corrected(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "I will kil you",  # "kil": a dropped letter from a four-letter word is not read
        "we met Mr Murdr at noon",  # a capitalised word inside a sentence is a name
        "the gong sounded",  # a word of its own
        "my pathetic idiot of a printer",  # spelt right
    ],
)
def test_corrections_leave_names_short_words_and_words_alone(text):
    assert corrected(text) == fold(text).text


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("I h a t e them", "i hate them"),  # the pronoun opens the spaced word
        ("I d-e-s-p-i-s-e them", "i despise them"),
        ("you I d i o t", "you idiot"),  # "idiot" is a word: the I is its first letter
        ("a s s", "ass"),
        ("u s u c k", "u suck"),
        ("f u c k", "fuck"),
    ],
)
def test_a_letter_that_is_a_word_may_open_spaced_letters(text, folded):
    assert fold(text).text == folded


SPLITS = Splits(["vermin", "parasites", "muslims", "beheaded", "alive", "subhuman"])


@pytest.mark.parametrize(
    ("text", "joined"),
    [
        ("they are ver min", "they are vermin"),  # "ver" is a fragment
        ("they are para-sites", "they are parasites"),  # punctuation inside a word
        ("m.uslims", "muslims"),
        ("the team will be headed by her", "the team will be headed by her"),  # two words
        ("sub human", "sub human"),
        ("a live show", "a live show"),
    ],
)
def test_split_words_are_joined_where_a_piece_is_no_word(text, joined):
    folded = SPLITS.apply(fold(text), text)
    assert folded.text == joined
    assert folded.span(0, len(folded.text)) == (0, len(text))


@pytest.mark.parametrize(
    ("text", "joined"),
    [
        ("be.head.ed", "beheaded"),  # the longest join, not the first word it begins with
        ("be.head", "behead"),
        ("pa.ra.si.tes", "parasites"),  # four pieces, the most joined
        ("x.ver.min", "x.vermin"),  # a piece that begins no word is skipped, the next read
        ("ver.mint.ea", "ver.mint.ea"),  # pieces that go on past a listed word's end
    ],
)
def test_split_words_join_the_longest_listed_word_from_each_piece(text, joined):
    splits = Splits(["behead", "beheaded", "parasites", "vermin"])
    assert splits.apply(fold(text), text).text == joined


def test_corrections_keep_only_the_sentences_they_change():
    text = "Nice article. go kill yuorself. See you"
    folded = CORRECTIONS.apply(fold(text), text)
    assert folded.text.split() == [".", "go", "kill", "yourself."]
    assert len(folded.text) == len(folded.plain)
    start = folded.text.index("yourself")
    assert text[slice(*folded.span(start, start + 8))] == "yuorself"
