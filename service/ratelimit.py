"""Rate limits on the `limits` library: counters in memory or, shared by workers, in Redis."""

from __future__ import annotations

import math
import time

from limits import parse, storage, strategies


class RateLimit:
    """One limit ("5/minute") counted per key, e.g. per client address or per username."""

    def __init__(self, spec: str, storage_uri: str, namespace: str) -> None:
        self._item = parse(spec)
        self._limiter = strategies.FixedWindowRateLimiter(storage.storage_from_string(storage_uri))
        self._namespace = namespace

    def exhausted(self, *keys: str) -> int:
        """Seconds until every key may try again, or 0 if none is over the limit."""
        wait = 0
        for key in keys:
            if not self._limiter.test(self._item, self._namespace, key):
                reset = self._limiter.get_window_stats(self._item, self._namespace, key).reset_time
                wait = max(wait, math.ceil(reset - time.time()), 1)
        return wait

    def hit(self, *keys: str) -> None:
        """Count one attempt against each key."""
        for key in keys:
            self._limiter.hit(self._item, self._namespace, key)

    def take(self, key: str) -> int:
        """Count one request for `key`: 0 if allowed, else seconds until it may retry."""
        if self._limiter.hit(self._item, self._namespace, key):
            return 0
        reset = self._limiter.get_window_stats(self._item, self._namespace, key).reset_time
        return max(1, math.ceil(reset - time.time()))
