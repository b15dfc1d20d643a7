"""API keys for clients: looked up by hash, remembered briefly so each request is cheap."""

from __future__ import annotations

from threading import Lock

from cachetools import TTLCache
from sqlalchemy import Engine

from service import store

# A revoked key stops working within this many seconds in every worker.
KEY_CACHE_SECONDS = 5.0


class ApiKeys:
    """Valid keys and their client names, cached for KEY_CACHE_SECONDS."""

    def __init__(self, engine: Engine, ttl: float = KEY_CACHE_SECONDS) -> None:
        self._engine = engine
        self._cache: TTLCache[str, str] = TTLCache(maxsize=1024, ttl=ttl)
        self._lock = Lock()

    def client(self, key: str) -> str | None:
        """The client name for a valid key, or None; unknown keys are never cached."""
        with self._lock:
            client = self._cache.get(key)
        if client is not None:
            return client
        with self._engine.connect() as conn:
            client = store.client_for_key(conn, key)
        if client is not None:
            with self._lock:
                self._cache[key] = client
        return client
