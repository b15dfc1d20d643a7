"""Spelling variation of listed words: one letter dropped ("Krds"), two swapped ("Kudrs")
or one added ("Kurdds"), the first letter kept.

Only words of MIN_LENGTH letters or more get variants: shorter ones have too many real
neighbours ("rats", "rate", "arts"). A variant that is itself a known word (any word of
the analysis' lists) is not read as a misspelling.
"""

from __future__ import annotations

from collections.abc import Iterable

MIN_LENGTH = 5
# A word with one letter added is looked for among listed words of this length or more.
MIN_LISTED_FOR_ADDED = 4
# Tokens whose reading is kept (all forgotten when full): the same words come back in
# every comment, and each is looked up for every phrase set beside a group.
MAX_REMEMBERED = 20_000


def dropped(word: str) -> list[str]:
    """The word with one letter after the first dropped."""
    return [word[:i] + word[i + 1 :] for i in range(1, len(word))]


def swapped(word: str) -> list[str]:
    """The word with two neighbouring letters after the first swapped."""
    return [
        word[:i] + word[i + 1] + word[i] + word[i + 2 :]
        for i in range(1, len(word) - 1)
        if word[i] != word[i + 1]
    ]


class Misspellings:
    """Which listed word a misspelt token stands for."""

    def __init__(self, words: Iterable[str], known: frozenset[str] = frozenset()) -> None:
        listed = {w for w in words if w.isalpha()}
        self._listed = frozenset(w for w in listed if len(w) >= MIN_LISTED_FOR_ADDED)
        self._variants: dict[str, str] = {}
        for word in sorted(listed):
            if len(word) < MIN_LENGTH:
                continue
            for variant in dropped(word) + swapped(word):
                if variant not in listed and variant not in known:
                    self._variants.setdefault(variant, word)
        self._prefixes = frozenset(w[:2] for w in self._listed)
        self._known = known | listed  # spelt right: never a misspelling
        self._corrected: dict[str, str | None] = {}  # tokens already read, across texts

    def variants(self) -> frozenset[str]:
        """Every misspelling with a letter dropped or swapped."""
        return frozenset(self._variants)

    def correct(self, token: str) -> str | None:
        """The listed word `token` misspells, or None."""
        if len(token) < MIN_LISTED_FOR_ADDED or token in self._known:
            return None
        found = self._corrected.get(token, "")  # one call: another thread may clear it
        if found != "":
            return found
        if len(self._corrected) >= MAX_REMEMBERED:
            self._corrected.clear()
        found = self._corrected[token] = self._correct(token)
        return found

    def _correct(self, token: str) -> str | None:
        """`correct`, read anew."""
        found = self._variants.get(token)
        if found is not None:
            return found
        if len(token) > MIN_LISTED_FOR_ADDED and token[:2] in self._prefixes and token.isalpha():
            for variant in dropped(token):  # one letter added
                if variant in self._listed:
                    return variant
        return None
