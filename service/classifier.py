"""The classifier's place in the decision: a protocol, and the rules-only stand-in.

A trained scikit-learn pipeline plugs in here (issue 3): anything with a `version` and a
`score` returning a probability per category. Until then `RulesOnly` scores nothing, the
rules decide alone, and decisions report `model_version: "none"`.
"""

from __future__ import annotations

from typing import Protocol

from service.domain import Category


class Classifier(Protocol):
    version: str

    def score(self, text: str) -> dict[Category, float]: ...


class RulesOnly:
    """No model: no scores, so the policy uses rule hits only."""

    version = "none"

    def score(self, text: str) -> dict[Category, float]:
        """No scores."""
        return {}
