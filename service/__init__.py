"""Comment moderation service: `create_app` builds the Flask app (service/app.py).

The package imports nothing heavy itself, so that commands which only touch the database
(keys, reviewers, backups) start without Flask's app, scikit-learn or the language
models; `create_app` and `build_moderator` load them on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from service.app import build_moderator, create_app

__all__ = ["build_moderator", "create_app"]


def __getattr__(name: str):
    if name in __all__:
        from service import app

        return getattr(app, name)
    raise AttributeError(f"module 'service' has no attribute {name!r}")
