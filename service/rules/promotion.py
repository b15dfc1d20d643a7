"""Promotion: links with offers, shortened or obfuscated links, contacts, schemes, self-promotion.

A link to a listed news or reference source is a citation and never counts.
"""

from __future__ import annotations

import re

from service.domain import Category, RuleHit, Strength
from service.normalise import Folded
from service.rules.base import Cleared, ListRule
from service.rules.lexicon import TokenView
from service.rules.lists import RuleList, set_regex

LINK_VERDICTS = {
    "shortened": ("shortened_link", Strength.STRONG, "link shortener hides the target"),
    "offer": ("link_with_offer", Strength.STRONG, "link with an offer or call to action"),
    "unknown": ("unknown_link", Strength.WEAK, "link to a site that is not a known source"),
}
# Every link has a dot directly followed by a letter or digit ("x.com", "www.", "t.me").
_MAY_LINK = re.compile(r"\.[a-z0-9]")
_PATH = r"(?:/[^\s<>\"'()\[\]{}]*)?"


def _link_regex(tlds: tuple[str, ...]) -> re.Pattern[str]:
    label = r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?"
    bare = rf"(?<![\w@.\-/]){label}(?:\.{label})*\.(?:{'|'.join(tlds)})\b{_PATH}"
    return re.compile(rf"(?:https?://|www\.)[^\s<>\"'()\[\]{{}}]+|{bare}")


def host_of(link: str) -> str:
    """The host name of a link, without scheme, `www.`, port or path."""
    host = re.sub(r"^https?://", "", link)
    host = host.split("/", 1)[0].split(":", 1)[0].strip(".")
    return host.removeprefix("www.")


def _in(host: str, domains: frozenset[str]) -> bool:
    return any(host == d or host.endswith("." + d) for d in domains)


class PromotionRule(ListRule):
    """Patterns from the list file, plus links judged by their domain and the offer around them."""

    def __init__(self, rule_list: RuleList) -> None:
        super().__init__(rule_list)
        sets = rule_list.sets
        self.citation = frozenset(sets.get("citation", ()))
        self.shortener = frozenset(sets.get("shortener", ()))
        self.link = _link_regex(sets.get("tld", ("com", "net", "org")))
        self.cue = re.compile(rf"\b{set_regex(sets.get('cue', ('buy',)))}\b")

    def match(
        self,
        original: str,
        folded: Folded,
        view: TokenView | None = None,
        cleared: Cleared | None = None,
    ) -> list[RuleHit]:
        """Pattern hits plus one hit per non-citation link."""
        hits = super().match(original, folded, view, cleared)
        if not _MAY_LINK.search(folded.plain):
            return hits
        offer = self.cue.search(folded.text) is not None
        for link in self.link.finditer(folded.plain):
            host = host_of(link.group())
            if _in(host, self.citation):
                continue
            span = folded.span(*link.span())
            kind = "shortened" if _in(host, self.shortener) else "offer" if offer else "unknown"
            rule, strength, note = LINK_VERDICTS[kind]
            hits.append(RuleHit(Category.PROMOTION, rule, span, strength, note))
        return hits


def build(lists: dict[Category, RuleList]) -> PromotionRule:
    """The promotion rule from its list file."""
    return PromotionRule(lists[Category.PROMOTION])
