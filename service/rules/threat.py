"""Threats: intent or wish to harm, incitement, intimidation (patterns only)."""

from __future__ import annotations

from service.domain import Category
from service.rules.base import ListRule
from service.rules.lists import RuleList


def build(lists: dict[Category, RuleList]) -> ListRule:
    """The threat rule from its list file."""
    return ListRule(lists[Category.THREAT])
