"""Profanity: swear words, also disguised, from better-profanity's list curated by ours."""

from __future__ import annotations

import re

from better_profanity.utils import get_complete_path_of_file, read_wordlist

from service.domain import Category
from service.normalise import fold
from service.rules.base import ListRule, lexicon_from
from service.rules.lists import RuleList

IMPORTED_NOTE = "swear word (better-profanity list)"


def better_profanity_words() -> list[str]:
    """better-profanity's own word list, as shipped with the library."""
    return list(read_wordlist(get_complete_path_of_file("profanity_wordlist.txt")))


def curated_words(lists: dict[Category, RuleList]) -> dict[str, str]:
    """Imported words (folded, minus exclusions and other lists' words) plus our own."""
    own = lists[Category.PROFANITY]
    claimed = {
        _squash(w) for c, lst in lists.items() if c is not Category.PROFANITY for w in lst.words
    }
    words: dict[str, str] = dict(own.words)
    if own.options.get("import_better_profanity", True):
        for raw in better_profanity_words():
            word = fold(raw).text.strip(" .*")
            if not word or raw.casefold() in own.exclude or word in own.exclude:
                continue
            if _squash(word) in claimed or word in own.allow:
                continue
            words.setdefault(word, IMPORTED_NOTE)
    # Words built on a root first: a masked "f***ing" should read as "fucking".
    rooted = [w for w in words if any(root in w for root in own.roots)]
    return {w: words[w] for w in sorted(words, key=lambda w: (w not in rooted, len(w)))}


def _squash(word: str) -> str:
    return re.sub(r"[\s\-_.]+", "", word)


def build(lists: dict[Category, RuleList]) -> ListRule:
    """The profanity rule from the curated word list."""
    own = lists[Category.PROFANITY]
    return ListRule(own, lexicon_from(own, curated_words(lists)))
