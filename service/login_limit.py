"""The failed-login limit: counted in Redis when one is configured, else in the database.

Either way every worker sees the same counters. When the store cannot be reached the
limit fails closed: `LimiterUnavailable`, which the login page answers with 503.
"""

from __future__ import annotations

import math
from datetime import timedelta
from typing import Protocol

from limits import parse
from limits.errors import StorageError
from redis import RedisError
from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError

from service import db, reviews
from service.ratelimit import RateLimit
from service.store import now

# What an unreachable counter store raises: Redis (wrapped by `limits` or not), the database.
_STORE_ERRORS = (StorageError, RedisError, OSError, SQLAlchemyError)


class LimiterUnavailable(RuntimeError):
    """The store of the login counters could not be reached."""


class FailureCounter(Protocol):
    def exhausted(self, *keys: str) -> int: ...

    def hit(self, *keys: str) -> None: ...


class DatabaseCounter:
    """A sliding window of failed logins ("5/minute"), one row per failure and key."""

    def __init__(self, spec: str, engine: Engine) -> None:
        item = parse(spec)
        self._amount = item.amount
        self._window = timedelta(seconds=item.get_expiry())
        self._engine = engine

    def exhausted(self, *keys: str) -> int:
        """Seconds until every key may try again, or 0 if none is over the limit."""
        at = now()
        wait = 0
        with self._engine.connect() as conn:
            for key in keys:
                times = reviews.recent_login_failures(conn, key, at - self._window, self._amount)
                if len(times) >= self._amount:  # allowed again once the oldest of them expires
                    left = (times[-1] + self._window - at).total_seconds()
                    wait = max(wait, math.ceil(left), 1)
        return wait

    def hit(self, *keys: str) -> None:
        """Count one failed login against each key."""
        at = now()
        with db.write(self._engine) as conn:
            reviews.record_login_failure(conn, keys, at, prune_before=at - self._window)


def uses_redis(storage_uri: str) -> bool:
    """Whether MODERATION_RATELIMIT_STORAGE names a Redis (redis://, rediss://, redis+...)."""
    return storage_uri.lower().startswith("redis")


class LoginLimit:
    """Failed logins allowed per key; raises LimiterUnavailable when its store is away."""

    def __init__(self, spec: str, storage_uri: str, engine: Engine) -> None:
        # memory:// would count per worker process: the database is shared by all of them
        self.counter: FailureCounter = (
            RateLimit(spec, storage_uri, "login")
            if uses_redis(storage_uri)
            else DatabaseCounter(spec, engine)
        )

    def exhausted(self, *keys: str) -> int:
        """Seconds until every key may try again, or 0 if none is over the limit."""
        try:
            return self.counter.exhausted(*keys)
        except _STORE_ERRORS as exc:
            raise LimiterUnavailable(f"{exc.__class__.__name__}: {exc}") from exc

    def hit(self, *keys: str) -> None:
        """Count one failed login against each key."""
        try:
            self.counter.hit(*keys)
        except _STORE_ERRORS as exc:
            raise LimiterUnavailable(f"{exc.__class__.__name__}: {exc}") from exc
