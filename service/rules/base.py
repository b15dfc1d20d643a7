"""The rule shape shared by every category: a word list plus patterns over folded text."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from service.domain import Category, RuleHit, Strength
from service.normalise import Folded
from service.rules.lexicon import Entry, Lexicon
from service.rules.lists import RuleList

# A hit filter sees the original text and the hit, and says whether the hit stands.
HitFilter = Callable[[str, RuleHit], bool]


def entries(words: dict[str, str], kind: str = "word") -> dict[str, Entry]:
    """Word-list entries named `word:<word>` (or `root:<word>`), keyed by the word."""
    return {w: Entry(w, f"{kind}:{w}", note) for w, note in words.items()}


def lexicon_from(rule_list: RuleList, words: dict[str, str] | None = None) -> Lexicon:
    """Compile a list file's words, roots, allow-list and names into a Lexicon."""
    return Lexicon(
        entries(rule_list.words if words is None else words),
        roots=entries(rule_list.roots, "root"),
        allow=set(rule_list.allow),
        names=set(rule_list.names),
        masked=set(rule_list.options["masked"]) if "masked" in rule_list.options else None,
    )


class ListRule:
    """One category's rule: lexicon and pattern hits, then the category's filters."""

    def __init__(
        self,
        rule_list: RuleList,
        lexicon: Lexicon | None = None,
        filters: Iterable[HitFilter] = (),
    ) -> None:
        self.category: Category = rule_list.category
        self.lexicon = lexicon if lexicon is not None else lexicon_from(rule_list)
        self.patterns = rule_list.patterns
        self.filters = tuple(filters)
        self._not_person = frozenset(rule_list.sets.get("not_person", ()))

    def _named(self, original: str, folded: Folded, match: re.Match[str]) -> bool:
        """A pattern's `name` group must be a capitalised word that is not a place or body."""
        if "name" not in match.re.groupindex or match.group("name") is None:
            return True
        start, end = folded.span(*match.span("name"))
        word = original[start:end]
        return word[:1].isupper() and word.casefold() not in self._not_person

    def match(self, original: str, folded: Folded) -> list[RuleHit]:
        """Every hit of this category in the text; spans index the original."""
        hits = [
            RuleHit(self.category, entry.rule, span, Strength.STRONG, entry.note)
            for entry, span in self.lexicon.find(folded, original)
        ]
        for pattern in self.patterns:
            target = folded.plain if pattern.plain else folded.text
            for match in pattern.regex.finditer(target):
                if self._named(original, folded, match):
                    span = folded.span(*match.span())
                    hits.append(
                        RuleHit(self.category, pattern.name, span, pattern.strength, pattern.note)
                    )
        return [hit for hit in hits if all(keep(original, hit) for keep in self.filters)]
