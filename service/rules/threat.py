"""Threats: intent or wish to harm, incitement, intimidation, doxxing, incitement to self-harm.

The patterns are a grammar over the sets of `threat.toml` (who acts, how: intent, wish,
call or condition, what: a harm or an intimidation, and to whom). A threat someone else
is reported to have made ("the court heard he shouted 'I will kill you'") is news.
"""

from __future__ import annotations

from service.domain import Category
from service.rules.base import ListRule
from service.rules.context import not_reported
from service.rules.lists import RuleList


def build(lists: dict[Category, RuleList]) -> ListRule:
    """The threat rule from its list file; threats reported as someone else's do not count."""
    return ListRule(lists[Category.THREAT], filters=[not_reported])
