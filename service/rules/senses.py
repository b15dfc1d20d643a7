"""Listed words with an innocent second sense, told by the words around them.

"fag" is British slang for a cigarette, "faggots" a bundle of sticks and a meatball dish,
"dyke" an embankment, "retard" to slow down. `[allow]` phrases name fixed collocations ("a
chink in its armour"); a sense (`[senses.NAME]` in a list file) is told by its vocabulary
instead: a word of its `context` within WINDOW words in the same sentence ("he stepped
outside for a fag and a cup of tea", "the Dutch built a dyke to hold back the sea"). The
slur stands wherever the word is aimed at people all the same: after a word of the list's
`[sets] aimed` ("you fag", "he is a retard", "those dykes").
"""

from __future__ import annotations

import re

from service.rules.context import context_of
from service.rules.lists import Sense

# How far, in words, a sense's vocabulary may stand from the listed word.
WINDOW = 8
# How many words before the listed word are read for an aim at people ("you little fag",
# "is a retard"; not "he lit a fag").
AIM_WORDS = 2
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")


class Senses:
    """A list's senses, and the words that aim a listed word at people."""

    def __init__(self, senses: tuple[Sense, ...], aimed: frozenset[str]) -> None:
        self._by_word: dict[str, list[Sense]] = {}
        for sense in senses:
            for word in sense.words:
                self._by_word.setdefault(word, []).append(sense)
        self._aimed = aimed

    def __bool__(self) -> bool:
        return bool(self._by_word)

    def innocent(self, text: str, span: tuple[int, int]) -> Sense | None:
        """The innocent sense in which the word at `span` of `text` is used, or None."""
        senses = self._by_word.get(text[span[0] : span[1]].casefold().replace("’", "'"))
        if not senses:
            return None
        start, stop = context_of(text).sentence(span)
        words = [(m.start(), m.group().casefold()) for m in _WORD.finditer(text, start, stop)]
        at = next((i for i, (begin, _) in enumerate(words) if begin >= span[0]), None)
        if at is None:
            return None
        before = [w for _, w in words[max(0, at - AIM_WORDS) : at]]
        if not self._aimed.isdisjoint(before):
            return None  # "you fag", "is a retard", "those dykes"
        near = {w for _, w in words[max(0, at - WINDOW) : at + WINDOW + 1]}
        return next((s for s in senses if not s.context.isdisjoint(near)), None)
