"""Vulgarity: sexually explicit or crude words, phrases and innuendo."""

from __future__ import annotations

from service.domain import Category
from service.rules.base import ListRule
from service.rules.lists import RuleList


def build(lists: dict[Category, RuleList]) -> ListRule:
    """The vulgarity rule from its list file."""
    return ListRule(lists[Category.VULGARITY])
