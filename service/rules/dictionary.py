"""Whether a word as written is an ordinary English word (wordfreq's frequency lists).

A fold that reads a doubled letter as a stretched one ("Shiite" as `shite`) or a glued
phrase as the phrase ("cowgirl" as `cow girl`) may only do so when the word as written is
not itself a word people use: `is_ordinary` says so from how often it occurs in
wordfreq's English data, which ships inside the package (no network).
"""

from __future__ import annotations

from functools import lru_cache

from wordfreq import zipf_frequency

# Zipf 2.0 is about once per 10 million words. wordfreq counts social media, so stretched
# spellings are in it too, but rarely: "fuuck" 1.2, "shiit" 1.5, "fuckk" 1.4, whereas the
# words folding used to misread are commoner: "Shiite" 2.8, "annals" 3.4, "pollack" 2.9,
# "woops" 2.4, "annus" 2.1. Measured with training/fold_collisions.py.
ORDINARY_ZIPF = 2.0


@lru_cache(maxsize=65_536)
def is_ordinary(word: str) -> bool:
    """Whether `word` (lower-case letters) is a common English word, or the plural of one
    (not of a plural: "christianss" is a stretched "Christians")."""
    return _ordinary_zipf(word) >= ORDINARY_ZIPF


def _ordinary_zipf(word: str) -> float:
    """How common a word is, or the word it is the plural of."""
    frequency = zipf_frequency(word, "en")
    if frequency < ORDINARY_ZIPF and word.endswith("s") and not word.endswith("ss"):
        frequency = max(frequency, zipf_frequency(word[:-1], "en"))
    return frequency


# A misspelling may be common enough to count as a word ("youself" 2.2: social media have
# typos), but stays a thousand times rarer than the word it misspells ("yourself" 5.5);
# words of their own that are one letter from a listed one are not: "bakers" 3.3 and
# "bankers" 3.6, "refuges" 2.8 and "refugees" 4.5, "gong" 3.5 and "going" 6.2.
MISSPELLING_GAP = 3.0


@lru_cache(maxsize=65_536)
def is_own_spelling(word: str, listed: str) -> bool:
    """Whether `word`, one letter from the listed word `listed`, is a word of its own rather
    than a misspelling of it: an ordinary word, not a thousand times rarer than `listed`."""
    frequency = _ordinary_zipf(word)
    if frequency < ORDINARY_ZIPF:
        return False
    return zipf_frequency(listed, "en") - frequency < MISSPELLING_GAP


# Readers' languages with Latin letters that folding strips of their marks, and with
# wordfreq data (Kurdish has none): where a spelling with marks is a word of its own.
MARKED_LANGUAGES = ("tr", "en")


def _zipf(word: str) -> float:
    return max(zipf_frequency(word, lang) for lang in MARKED_LANGUAGES)


@lru_cache(maxsize=65_536)
def is_own_word(written: str, listed: str) -> bool:
    """Whether `written` (lower case, marks kept: "şık") is a word of its own rather than
    a spelling of the listed word it folds to ("sik"): an ordinary word, and at least as
    common as the listed spelling. A rarer spelling is a typo or a disguise ("sıktır" for
    "siktir": wordfreq counts social media, where both occur)."""
    frequency = _zipf(written)
    return frequency >= ORDINARY_ZIPF and frequency >= _zipf(listed)


def folds_to_ordinary(listed: str, folded: str) -> bool:
    """Whether a listed spelling with marks ("göt") folds to an ordinary word ("got"), in
    English or Turkish, that is not itself (so it can match only as spelled)."""
    return folded != listed and (
        is_ordinary(folded) or zipf_frequency(folded, "tr") >= ORDINARY_ZIPF
    )


def warm() -> None:
    """Load wordfreq's English data now (at start-up) rather than on the first comment."""
    zipf_frequency("the", "en")
