"""Rate limits on the `limits` library: counters in memory or, shared by workers, in Redis."""

from __future__ import annotations

import logging
import math
import threading
import time
from collections.abc import Callable
from functools import cached_property
from typing import TypeVar

from limits import parse, strategies
from limits.errors import StorageError
from limits.storage import Storage, storage_from_string

log = logging.getLogger(__name__)
T = TypeVar("T")
# A healthy Redis answers in well under a millisecond: a request or health check that
# waits longer than this (per attempt) counts the store as away instead of stalling.
STORE_TIMEOUT = 0.5
# While the store is away, each process logs the outage when it starts, then at most
# this often, then once when the store answers again.
OUTAGE_LOG_INTERVAL = 60.0
_REDIS_SCHEMES = {"redis", "rediss", "redis+unix"}


class Store:
    """A `limits` storage opened once for its URI, and what its outages were."""

    def __init__(self, uri: str) -> None:
        self.kind = uri.partition("://")[0].lower()  # for logs: no host, no password
        options = {}
        if self.kind in _REDIS_SCHEMES:
            from redis.backoff import NoBackoff
            from redis.retry import Retry

            # One immediate retry renews a pooled connection that Redis closed (a
            # restart); redis-py's default of ten with back-off would hold a request
            # for seconds while Redis is away.
            options = {
                "socket_connect_timeout": STORE_TIMEOUT,
                "socket_timeout": STORE_TIMEOUT,
                "retry": Retry(NoBackoff(), 1),
            }
        self.shared = self.kind != "memory"
        self._uri, self._options = uri, options
        self._lock = threading.Lock()
        self._down_since: float | None = None
        self._logged_at = 0.0
        self._uncounted = 0

    @cached_property
    def storage(self) -> Storage:
        """The `limits` storage, opened on first use (memory starts a timer thread)."""
        return storage_from_string(self._uri, **self._options)

    @cached_property
    def errors(self) -> tuple[type[Exception], ...]:
        """What the storage raises when it fails."""
        return (StorageError, self.storage.base_exceptions)

    def ping(self) -> None:
        """Raise the store's error unless it answers now (within STORE_TIMEOUT per attempt)."""
        try:
            if self.kind in _REDIS_SCHEMES:
                self.storage.get_connection().ping()  # raises, with the reason
            elif not self.storage.check():
                raise StorageError(ConnectionError("no answer to a ping"))
        except self.errors as exc:
            self.failed(f"{exc.__class__.__name__}: {exc}", counted=False)
            raise
        self.answered()

    def reachable(self) -> bool:
        """Whether the store answers now; an outage is logged as by `failed`."""
        try:
            self.ping()
        except self.errors:
            return False
        return True

    def failed(self, reason: str, counted: bool = True) -> None:
        """Note that the store failed; `counted`: a request went through uncounted."""
        now, reason = time.monotonic(), reason.rstrip(".")  # redis-py ends with a stop
        with self._lock:
            self._uncounted += counted
            if self._down_since is None:
                self._down_since = now
                self._logged_at = now
                log.warning(
                    "rate-limit store (%s) unreachable: %s; POST /moderate is not rate "
                    "limited until it answers",
                    self.kind,
                    reason,
                )
            elif now - self._logged_at >= OUTAGE_LOG_INTERVAL:
                self._logged_at = now
                log.warning(
                    "rate-limit store (%s) still unreachable after %.0f s: %s; %d requests "
                    "let through uncounted",
                    self.kind,
                    now - self._down_since,
                    reason,
                    self._uncounted,
                )

    def answered(self) -> None:
        """Note that the store answered; ends an outage, if there was one."""
        if self._down_since is None:
            return
        with self._lock:
            if self._down_since is None:
                return
            log.warning(
                "rate-limit store (%s) answers again after %.0f s; %d requests were let "
                "through uncounted",
                self.kind,
                time.monotonic() - self._down_since,
                self._uncounted,
            )
            self._down_since, self._uncounted = None, 0


class RateLimit:
    """One limit ("5/minute") counted per key, e.g. per client address or per username.

    `storage_uri` is a URI or a `Store` shared with other limits. With `fail_open`, a
    store that fails lets every request through (logged) instead of raising its error.
    """

    def __init__(
        self, spec: str, storage_uri: str | Store, namespace: str, *, fail_open: bool = False
    ) -> None:
        self._item = parse(spec)
        self.store = storage_uri if isinstance(storage_uri, Store) else Store(storage_uri)
        self._limiter = strategies.FixedWindowRateLimiter(self.store.storage)
        self._namespace = namespace
        self.fail_open = fail_open

    def _guarded(self, call: Callable[[], T], allowed: T) -> T:
        if not self.fail_open:
            return call()
        try:
            result = call()
        except self.store.errors as exc:
            self.store.failed(f"{exc.__class__.__name__}: {exc}")
            return allowed
        self.store.answered()
        return result

    def exhausted(self, *keys: str) -> int:
        """Seconds until every key may try again, or 0 if none is over the limit."""
        return self._guarded(lambda: self._exhausted(keys), 0)

    def _exhausted(self, keys: tuple[str, ...]) -> int:
        wait = 0
        for key in keys:
            if not self._limiter.test(self._item, self._namespace, key):
                reset = self._limiter.get_window_stats(self._item, self._namespace, key).reset_time
                wait = max(wait, math.ceil(reset - time.time()), 1)
        return wait

    def hit(self, *keys: str) -> None:
        """Count one attempt against each key."""
        for key in keys:
            self._guarded(lambda key=key: self._limiter.hit(self._item, self._namespace, key), True)

    def take(self, key: str) -> int:
        """Count one request for `key`: 0 if allowed, else seconds until it may retry."""
        return self._guarded(lambda: self._take(key), 0)

    def _take(self, key: str) -> int:
        if self._limiter.hit(self._item, self._namespace, key):
            return 0
        reset = self._limiter.get_window_stats(self._item, self._namespace, key).reset_time
        return max(1, math.ceil(reset - time.time()))
