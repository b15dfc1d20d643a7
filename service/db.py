"""The database: one engine per app (SQLite by default, PostgreSQL by URL), and its schema."""

from __future__ import annotations

import fcntl
import logging
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from pathlib import Path
from weakref import WeakKeyDictionary

from alembic import command
from alembic.config import Config
from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import make_url

log = logging.getLogger(__name__)
MIGRATIONS = Path(__file__).parent / "migrations"
# How long a writer waits for SQLite's lock before the request fails with 503.
SQLITE_BUSY_TIMEOUT_MS = 5000


_SETUP = threading.Lock()
_WRITE_LOCKS: WeakKeyDictionary[Engine, _WriteLock] = WeakKeyDictionary()


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")  # readers never block the writer
    cursor.execute("PRAGMA synchronous=NORMAL")  # durable across process crashes in WAL mode
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def make_engine(url: str) -> Engine:
    """An engine for `url`; for SQLite the file's folder is created and WAL is switched on."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"check_same_thread": False})
        event.listen(engine, "connect", _sqlite_pragmas)
        if parsed.database and parsed.database != ":memory:":
            _WRITE_LOCKS[engine] = _WriteLock(Path(parsed.database + ".lock"))
        return engine
    return create_engine(url, pool_pre_ping=True, pool_size=5, max_overflow=5)


class _WriteLock:
    """An advisory file lock that queues SQLite writers from all worker processes.

    SQLite lets one writer in at a time and makes the others poll with sleeps of 1 ms
    and more; waiting on a file lock instead wakes the next writer the moment the
    previous one commits. Opened per process, since a forked worker needs its own.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._fd = -1
        self._threads = threading.Lock()
        self._pid = 0

    @contextmanager
    def held(self) -> Iterator[None]:
        pid = os.getpid()
        if self._pid != pid:
            with _SETUP:  # the first writers of a (forked) process open its own descriptor
                if self._pid != pid:
                    self._fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
                    self._threads = threading.Lock()
                    self._pid = pid
        # Threads of one process share the descriptor, and a flock held through it admits
        # them all: they queue on a thread lock first, then on the file with other processes.
        with self._threads:
            fcntl.flock(self._fd, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(self._fd, fcntl.LOCK_UN)


@contextmanager
def write(engine: Engine) -> Iterator[Connection]:
    """A write transaction; on SQLite, writers from every process queue on a file lock."""
    lock = _WRITE_LOCKS.get(engine)
    with lock.held() if lock else nullcontext(), engine.begin() as conn:
        yield conn


def alembic_config() -> Config:
    """Alembic's configuration, pointing at the migrations shipped with the service."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Create or upgrade the schema to `revision`; safe to run on every start."""
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)
