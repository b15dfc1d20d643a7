"""Personal attacks: insults aimed at a commenter, the journalist or a named person."""

from __future__ import annotations

from service.domain import Category
from service.rules.base import ListRule
from service.rules.context import not_counter_speech, not_reported
from service.rules.lists import RuleList


def build(lists: dict[Category, RuleList]) -> ListRule:
    """The personal-attack rule; insults quoted to condemn them or reported do not count."""
    return ListRule(lists[Category.PERSONAL_ATTACK], filters=[not_counter_speech, not_reported])
