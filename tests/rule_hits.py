"""What the shipped rules find in a text, by category: the helpers rule tests share."""

from service.domain import Strength
from service.normalise import fold
from service.rules import build_rules

RULES = build_rules()


def strong(text: str) -> set[str]:
    """Categories with a strong hit (those reject on their own)."""
    return {
        h.category.value for h in RULES.match(text, fold(text)) if h.strength is Strength.STRONG
    }


def flagged(text: str) -> set[str]:
    """Categories with any hit, strong or weak."""
    return {h.category.value for h in RULES.match(text, fold(text))}
