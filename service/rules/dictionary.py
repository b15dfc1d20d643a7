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
    """Whether `word` (lower-case letters) is a common English word, or the plural of one."""
    if zipf_frequency(word, "en") >= ORDINARY_ZIPF:
        return True
    return word.endswith("s") and zipf_frequency(word[:-1], "en") >= ORDINARY_ZIPF


def warm() -> None:
    """Load wordfreq's English data now (at start-up) rather than on the first comment."""
    zipf_frequency("the", "en")
