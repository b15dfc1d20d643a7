"""The database: one engine per app (SQLite by default, PostgreSQL by URL), and its schema."""

from __future__ import annotations

import fcntl
import logging
import os
import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from weakref import WeakKeyDictionary

from alembic import command
from alembic.config import Config
from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError

log = logging.getLogger(__name__)
MIGRATIONS = Path(__file__).parent / "migrations"
# Seconds a SQLite writer waits for the write lock unless the engine is given another bound
# (MODERATION_SQLITE_LOCK_TIMEOUT).
DEFAULT_LOCK_TIMEOUT = 2.0
# Once a writer has waited its whole bound, the lock counts as stuck (another program holds
# it): later writers of the process try this long only, so that requests queued behind the
# first one answer 503 at once instead of each waiting the bound again. Ordinary writes
# hold the lock for milliseconds, so a released lock is still found within it.
STUCK_LOCK_WAIT = 0.05
# Sleeps between non-blocking attempts on the file lock: short at first, since most
# holders are ordinary writes about to commit, then capped so a long wait does not spin.
_FIRST_SLEEP, _MAX_SLEEP = 0.0005, 0.01
# PostgreSQL: a server that does not answer a connection fails it after this many seconds
# (libpq's minimum is 2), instead of the operating system's minutes.
PG_CONNECT_TIMEOUT = 5


_SETUP = threading.Lock()
_WRITE_LOCKS: WeakKeyDictionary[Engine, _WriteLock] = WeakKeyDictionary()


class LockTimeout(Exception):
    """The SQLite write lock was not free within the bound: the write did not happen."""


def _sqlite_pragmas(busy_timeout_ms: int):
    def pragmas(dbapi_connection, _record) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")  # readers never block the writer
        cursor.execute("PRAGMA synchronous=NORMAL")  # durable across process crashes in WAL mode
        cursor.execute(f"PRAGMA busy_timeout={busy_timeout_ms}")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()

    return pragmas


def make_engine(url: str, lock_timeout: float = DEFAULT_LOCK_TIMEOUT) -> Engine:
    """An engine for `url`; for SQLite the file's folder is created and WAL is switched on.

    `lock_timeout` bounds, in seconds, how long a SQLite write waits for the write lock.
    """
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"check_same_thread": False})
        event.listen(engine, "connect", _sqlite_pragmas(round(lock_timeout * 1000)))
        if parsed.database and parsed.database != ":memory:":
            _WRITE_LOCKS[engine] = _WriteLock(Path(parsed.database + ".lock"), lock_timeout)
        return engine
    connect_args = {}
    if parsed.get_backend_name() == "postgresql" and "connect_timeout" not in parsed.query:
        connect_args["connect_timeout"] = PG_CONNECT_TIMEOUT
    return create_engine(
        url, pool_pre_ping=True, pool_size=5, max_overflow=5, connect_args=connect_args
    )


class _WriteLock:
    """An advisory file lock that queues SQLite writers from all worker processes.

    SQLite lets one writer in at a time and makes the others poll with sleeps of 1 ms
    and more; a file lock queues them in the order they come, and lets a write that
    cannot get in within its bound give up (`LockTimeout`). Opened per process, since a
    forked worker needs its own.
    """

    def __init__(self, path: Path, timeout: float) -> None:
        self.path = path
        self.timeout = timeout
        self._fd = -1
        self._threads = threading.Lock()
        self._pid = 0
        self._stuck = False

    def deadline(self, timeout: float | None) -> float:
        """When a writer starting now gives up: its bound, or soon if the lock is stuck."""
        if timeout is None:
            timeout = min(self.timeout, STUCK_LOCK_WAIT) if self._stuck else self.timeout
        return time.monotonic() + timeout

    def mark(self, stuck: bool) -> None:
        """Record whether the last writer got the whole write lock or waited in vain."""
        self._stuck = stuck

    @contextmanager
    def held(self, deadline: float) -> Iterator[None]:
        """Hold the file lock; raise LockTimeout if it is not free by `deadline`."""
        pid = os.getpid()
        if self._pid != pid:
            with _SETUP:  # the first writers of a (forked) process open its own descriptor
                if self._pid != pid:
                    self._fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
                    self._threads = threading.Lock()
                    self._stuck = False
                    self._pid = pid
        # Threads of one process share the descriptor, and a flock held through it admits
        # them all: they queue on a thread lock first, then on the file with other processes.
        if not self._threads.acquire(timeout=max(0.0, deadline - time.monotonic())):
            raise LockTimeout("another writer of this process held the lock too long")
        try:
            self._lock_file(deadline)
            try:
                yield
            finally:
                fcntl.flock(self._fd, fcntl.LOCK_UN)
        finally:
            self._threads.release()

    def _lock_file(self, deadline: float) -> None:
        # flock cannot time out by itself; non-blocking attempts can, without signals.
        pause = _FIRST_SLEEP
        while True:
            try:
                fcntl.flock(self._fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                return
            except BlockingIOError:
                left = deadline - time.monotonic()
                if left <= 0:
                    raise LockTimeout("another process held the database lock too long") from None
                time.sleep(min(pause, left))
                pause = min(pause * 2, _MAX_SLEEP)


def _begin_immediate(conn: Connection, deadline: float, busy_timeout: float) -> None:
    """Take SQLite's own write lock now, waiting for it until `deadline` at most."""
    # A deferred transaction would wait for it at its first write, for the connection's
    # whole busy timeout; taking it here keeps the file lock and it within one bound.
    left_ms = max(0, round((deadline - time.monotonic()) * 1000))
    # The bound is set on the driver's connection itself: a pragma run through SQLAlchemy
    # costs as much CPU as an insert, and it returns nothing SQLAlchemy needs to know of.
    driver = conn.connection.driver_connection
    driver.execute(f"PRAGMA busy_timeout={left_ms}")
    try:
        conn.exec_driver_sql("BEGIN IMMEDIATE")
    except OperationalError as exc:
        if getattr(exc.orig, "sqlite_errorcode", None) == sqlite3.SQLITE_BUSY:
            raise LockTimeout("another connection held SQLite's write lock too long") from exc
        raise
    finally:  # the pooled connection's readers keep the engine's bound
        driver.execute(f"PRAGMA busy_timeout={round(busy_timeout * 1000)}")


@contextmanager
def write(engine: Engine, timeout: float | None = None) -> Iterator[Connection]:
    """A write transaction; on SQLite, writers from every process queue on a file lock.

    On SQLite the write lock is taken first, within `timeout` seconds (default: the
    engine's bound), else LockTimeout is raised and nothing is written.
    """
    lock = _WRITE_LOCKS.get(engine)
    if lock is None:
        with engine.begin() as conn:
            yield conn
        return
    deadline = lock.deadline(timeout)
    try:
        with lock.held(deadline), engine.begin() as conn:
            _begin_immediate(conn, deadline, lock.timeout)
            if timeout is None:
                lock.mark(stuck=False)
            yield conn
    except LockTimeout:
        if timeout is None:
            lock.mark(stuck=True)
        raise


def check_write(engine: Engine, timeout: float) -> None:
    """Raise if a write transaction cannot start within `timeout` seconds; write nothing."""
    with write(engine, timeout) as conn:
        conn.execute(text("SELECT 1"))


def alembic_config() -> Config:
    """Alembic's configuration, pointing at the migrations shipped with the service."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Create or upgrade the schema to `revision`; safe to run on every start."""
    config = alembic_config()
    with engine.begin() as connection:
        if revision == "head" and _at_head(connection, config):
            return  # nothing to do, and nothing for Alembic to log on every command
        config.attributes["connection"] = connection
        command.upgrade(config, revision)


def _at_head(connection, config: Config) -> bool:
    """Whether the schema on `connection` is already at the newest migration."""
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

    quiet = logging.getLogger("alembic.runtime.migration")
    level = quiet.level
    quiet.setLevel(logging.WARNING)  # "Context impl SQLiteImpl." is no news on every start
    try:
        current = set(MigrationContext.configure(connection).get_current_heads())
    finally:
        quiet.setLevel(level)
    return current == set(ScriptDirectory.from_config(config).get_heads())
