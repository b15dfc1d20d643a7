"""Abuse: slurs and dehumanisation of people for who they are."""

from __future__ import annotations

from service.domain import Category
from service.rules.base import ListRule
from service.rules.context import not_counter_speech
from service.rules.lists import RuleList


def build(lists: dict[Category, RuleList]) -> ListRule:
    """The abuse rule; counter-speech quoting a slur to condemn it does not count."""
    return ListRule(lists[Category.ABUSE], filters=[not_counter_speech])
