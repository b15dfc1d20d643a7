"""Vulgarity: sexually explicit or crude words, sexual harassment and sexual insult.

A sexual remark aimed at a woman as a woman ("I bet she got that job on her knees") is
also sexist abuse: the patterns the list file names as `gendered` add an abuse hit when
their match names a woman. Someone else's reported words do not count.
"""

from __future__ import annotations

import re

from service.domain import Category, RuleHit
from service.normalise import Folded
from service.rules.base import Cleared, ListRule
from service.rules.context import context_of, not_reported
from service.rules.lexicon import TokenView
from service.rules.lists import RuleList, set_regex

GENDERED_NOTE = "sexual remark aimed at a woman as a woman (sexism)"


class VulgarityRule(ListRule):
    """The list rule, plus an abuse hit for each gendered hit whose match names a woman."""

    def __init__(self, rule_list: RuleList) -> None:
        super().__init__(rule_list, filters=[not_reported])
        self._gendered = frozenset(rule_list.options.get("gendered", ()))
        female = rule_list.sets.get("female", ())
        self._female = re.compile(rf"\b{set_regex(female)}\b") if female else None

    def match(
        self,
        original: str,
        folded: Folded,
        view: TokenView | None = None,
        cleared: Cleared | None = None,
    ) -> list[RuleHit]:
        """Vulgarity hits, each gendered one in a sentence naming a woman followed by an
        abuse hit."""
        hits: list[RuleHit] = []
        for hit in super().match(original, folded, view, cleared):
            hits.append(hit)
            if hit.rule in self._gendered and self._names_a_woman(original, hit.span):
                hits.append(
                    RuleHit(
                        Category.ABUSE,
                        f"{hit.rule}:gendered",
                        hit.span,
                        hit.strength,
                        GENDERED_NOTE,
                    )
                )
        return hits

    def _names_a_woman(self, original: str, span: tuple[int, int]) -> bool:
        """Whether the sentence of the hit names a woman ("she", "her", "the woman")."""
        if self._female is None:
            return False
        start, stop = context_of(original).sentence(span)
        return self._female.search(original[start:stop].casefold()) is not None


def build(lists: dict[Category, RuleList]) -> VulgarityRule:
    """The vulgarity rule from its list file."""
    return VulgarityRule(lists[Category.VULGARITY])
