"""A dependency that is locked or gone: the API answers 503 with a JSON error, quickly, or
(the rate-limit store) keeps judging comments without limits."""

import os
import socket
import sqlite3
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from urllib.parse import urlsplit

import pytest
import requests
from sqlalchemy.engine import make_url

from bench.load import free_port
from service import api, create_app, store
from service.config import ConfigError, from_env
from service.ratelimit import RateLimit
from tests.live import BIN, serving


def _key(app) -> dict[str, str]:
    with app.extensions[api.EXTENSION].engine.begin() as conn:
        return {"Authorization": f"Bearer {store.create_key(conn, 'cms')}"}


def test_sqlite_locked_by_another_writer_is_503(tmp_path):
    path = tmp_path / "m.db"
    app = create_app(
        {"database_url": f"sqlite:///{path}", "model_path": None, "sqlite_lock_timeout": 0.3}
    )
    client, auth = app.test_client(), _key(app)
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")  # another program holds the write lock
    try:
        started = time.monotonic()
        response = client.post("/moderate", json={"id": "x", "text": "hello"}, headers=auth)
        assert time.monotonic() - started < 5
        assert response.status_code == 503
        assert response.get_json()["error"] == "unavailable"
        assert response.headers["Retry-After"] == "1"
        assert "Traceback" not in response.get_data(as_text=True)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    # the lock is gone: the client's retry with the same id is stored once
    assert (
        client.post("/moderate", json={"id": "x", "text": "hello"}, headers=auth).status_code == 200
    )
    assert client.get("/comments/x", headers=auth).get_json()["text"] == "hello"


class Proxy:
    """A TCP relay to PostgreSQL or Redis that a test can cut, as a network or server failure."""

    def __init__(self, target: tuple[str, int], port: int = 0) -> None:
        self.target = target
        self.server = socket.create_server(("127.0.0.1", port))  # port: to come back on
        self.port = self.server.getsockname()[1]
        self.sockets: list[socket.socket] = []
        self.open = True
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while self.open:
            try:
                client, _ = self.server.accept()
            except OSError:
                return
            if not self.open:
                client.close()
                return
            upstream = socket.create_connection(self.target)
            self.sockets += [client, upstream]
            for a, b in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pipe, args=(a, b), daemon=True).start()

    @staticmethod
    def _pipe(source: socket.socket, sink: socket.socket) -> None:
        try:
            while data := source.recv(65536):
                sink.sendall(data)
        except OSError:
            pass
        finally:
            for s in (source, sink):
                try:
                    s.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass

    def cut(self) -> None:
        self.open = False
        try:
            self.server.shutdown(socket.SHUT_RDWR)  # wakes the accepting thread
        except OSError:
            pass
        self.server.close()
        for s in self.sockets:
            try:
                s.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            s.close()


def test_postgres_gone_is_503_and_health_says_so(postgres_url):
    url = make_url(postgres_url)
    proxy = Proxy((url.host or "127.0.0.1", url.port or 5432))
    app = create_app(
        {"database_url": url.set(port=proxy.port).render_as_string(False), "model_path": None}
    )
    client, auth = app.test_client(), _key(app)
    try:
        assert client.post("/moderate", json={"text": "before"}, headers=auth).status_code == 200
        proxy.cut()
        started = time.monotonic()
        response = client.post("/moderate", json={"id": "y", "text": "during"}, headers=auth)
        assert time.monotonic() - started < 10
        assert response.status_code == 503, response.get_json()
        assert response.get_json()["error"] == "unavailable"
        health = client.get("/health")
        assert health.status_code == 503 and health.get_json()["error"] == "unavailable"
    finally:
        proxy.cut()
        app.extensions[api.EXTENSION].engine.dispose()


def _closed_port_url() -> str:
    """A Redis URL on loopback where nothing listens."""
    return f"redis://127.0.0.1:{free_port()}"


def _unreachable_lines(log: str) -> int:
    return log.count("rate-limit store (redis) unreachable")


def test_redis_away_comments_are_still_judged_and_health_is_503(tmp_path):
    limits = {"MODERATION_KEY_RATE_LIMIT": "2/minute", "MODERATION_ADDRESS_RATE_LIMIT": "2/minute"}
    with serving(
        tmp_path,
        MODERATION_RATELIMIT_STORAGE=_closed_port_url(),
        MODERATION_MODEL_PATH="none",
        **limits,
    ) as (base, key, _):
        auth = {"Authorization": f"Bearer {key}"}
        session = requests.Session()
        for i in range(20):  # over both limits, and on both workers
            started = time.monotonic()
            response = session.post(
                f"{base}/moderate",
                json={"id": f"r{i}", "text": "fair point"},
                headers=auth,
                timeout=10,
            )
            assert time.monotonic() - started < 2
            assert response.status_code == 200, response.text
        assert (
            session.get(f"{base}/comments/r19", headers=auth, timeout=10).json()["text"]
            == "fair point"
        )
        health = session.get(f"{base}/health", timeout=10)
        assert health.status_code == 503 and health.headers["Retry-After"] == "1"
        body = health.json()
        assert body["status"] == "degraded" and body["error"] == "unavailable"
        assert body["checks"]["database"]["status"] == "ok"
        assert body["checks"]["ratelimit"] == {
            **body["checks"]["ratelimit"],
            "status": "unavailable",
            "error": "ConnectionError",
        }
        assert body["model_version"] == "none" and body["policy_version"]
    log = (tmp_path / "server.log").read_text()
    # said once at start-up, not once per request let through
    assert _unreachable_lines(log) == 1
    assert "Traceback" not in log


def test_health_follows_redis_going_away_and_coming_back(tmp_path, redis_url):
    target = urlsplit(redis_url)
    proxy = Proxy((target.hostname or "127.0.0.1", target.port or 6379))
    port = proxy.port
    userinfo = target.netloc.rpartition("@")[0]
    netloc = f"{userinfo}@127.0.0.1:{port}" if userinfo else f"127.0.0.1:{port}"
    storage = target._replace(netloc=netloc).geturl()
    limits = {  # high: Redis outlives the test, its counters are shared with other runs
        "MODERATION_KEY_RATE_LIMIT": "100000/minute",
        "MODERATION_ADDRESS_RATE_LIMIT": "100000/minute",
    }
    try:
        with serving(
            tmp_path, MODERATION_RATELIMIT_STORAGE=storage, MODERATION_MODEL_PATH="none", **limits
        ) as (base, key, _):
            auth = {"Authorization": f"Bearer {key}"}
            session = requests.Session()

            def health() -> requests.Response:
                started = time.monotonic()
                response = session.get(f"{base}/health", timeout=10)
                assert time.monotonic() - started < 3  # bounded, though Redis is away
                return response

            def post(comment_id: str) -> int:
                return session.post(
                    f"{base}/moderate",
                    json={"id": comment_id, "text": "ok"},
                    headers=auth,
                    timeout=10,
                ).status_code

            first = health()
            assert (
                first.status_code == 200 and first.json()["checks"]["ratelimit"]["status"] == "ok"
            )
            assert post("before") == 200
            proxy.cut()
            for _ in range(4):  # both workers notice
                down = health()
                assert down.status_code == 503 and down.headers["Retry-After"] == "1"
                assert down.json()["status"] == "degraded"
                assert down.json()["checks"]["ratelimit"]["status"] == "unavailable"
            assert [post(f"during-{i}") for i in range(4)] == [200] * 4
            proxy = Proxy(proxy.target, port)  # Redis is back
            deadline = time.monotonic() + 10
            while health().status_code != 200:
                assert time.monotonic() < deadline, "health did not recover"
                time.sleep(0.2)
            assert [health().status_code for _ in range(4)] == [200] * 4
            assert post("after") == 200
            stored = session.get(f"{base}/comments/during-3", headers=auth, timeout=10)
            assert stored.status_code == 200
    finally:
        proxy.cut()
    log = (tmp_path / "server.log").read_text()
    assert "rate-limit store (redis) unreachable" in log
    assert "rate-limit store (redis) answers again" in log


def test_a_redis_error_inside_a_request_is_503(tmp_path):
    app = create_app({"database_url": f"sqlite:///{tmp_path / 'm.db'}", "model_path": None})
    svc = app.extensions[api.EXTENSION]
    # a limit that does not fail open, on a Redis that is not there: its error reaches Flask
    strict = RateLimit("5/minute", _closed_port_url(), "strict")
    app.extensions[api.EXTENSION] = replace(svc, per_key=strict)
    client, auth = app.test_client(), _key(app)
    response = client.post("/moderate", json={"id": "z", "text": "hello"}, headers=auth)
    assert response.status_code == 503 and response.headers["Retry-After"] == "1"
    assert response.get_json()["error"] == "unavailable"
    assert "Traceback" not in response.get_data(as_text=True)
    assert client.get("/comments/z", headers=auth).status_code == 404
    svc.engine.dispose()


def test_serve_stops_with_one_line_when_the_database_is_unreachable(tmp_path):
    env = {
        **os.environ,
        "MODERATION_DATABASE_URL": f"postgresql+psycopg://postgres@127.0.0.1:{free_port()}/none",
        "MODERATION_MODEL_PATH": "none",
    }
    done = subprocess.run(
        [BIN / "moderation", "serve", "--port", str(free_port())],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 1
    lines = [line for line in done.stderr.splitlines() if "not reachable" in line]
    assert len(lines) == 1 and "the database is not reachable" in lines[0], done.stderr
    assert "Traceback" not in done.stderr


# Holds the SQLite database of argv[1] locked for argv[3] seconds, as another program would.
HOLDER = """
import fcntl, os, sqlite3, sys, time
path, kind, seconds = sys.argv[1], sys.argv[2], float(sys.argv[3])
if kind == "file-lock":
    fd = os.open(path + ".lock", os.O_RDWR | os.O_CREAT, 0o600)
    fcntl.flock(fd, fcntl.LOCK_EX)
else:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("BEGIN EXCLUSIVE")
print("held", flush=True)
time.sleep(seconds)
"""
LOCK_TIMEOUT = 1.0


@pytest.mark.parametrize("kind", ["file-lock", "sqlite-transaction"])
def test_writers_stuck_behind_a_lock_answer_503_within_the_bound(tmp_path, kind):
    with serving(
        tmp_path,
        MODERATION_MODEL_PATH="none",
        MODERATION_SQLITE_LOCK_TIMEOUT=str(LOCK_TIMEOUT),
    ) as (base, key, _):
        auth = {"Authorization": f"Bearer {key}"}
        path = str(tmp_path / "m.db")
        holder = subprocess.Popen(
            [sys.executable, "-c", HOLDER, path, kind, "6"], stdout=subprocess.PIPE, text=True
        )
        try:
            assert holder.stdout.readline().strip() == "held"

            def post(i: int) -> tuple[int, str | None, float]:
                started = time.monotonic()
                response = requests.post(
                    f"{base}/moderate",
                    json={"id": f"c{i}", "text": f"hello {i}"},
                    headers=auth,
                    timeout=10,
                )
                if response.status_code == 503:
                    assert response.json()["error"] == "unavailable"
                return (
                    response.status_code,
                    response.headers.get("Retry-After"),
                    time.monotonic() - started,
                )

            with ThreadPoolExecutor(16) as pool:
                answers = list(pool.map(post, range(16)))
            assert [(status, retry) for status, retry, _ in answers] == [(503, "1")] * 16
            assert max(seconds for *_, seconds in answers) < LOCK_TIMEOUT + 1, answers
            started = time.monotonic()
            health = requests.get(f"{base}/health", timeout=10)
            assert time.monotonic() - started < api.HEALTH_TIMEOUT + 1
            assert health.status_code == 503 and health.json()["status"] == "unavailable"
            assert health.json()["checks"]["database"]["error"] == "LockTimeout"
        finally:
            holder.kill()
            holder.communicate()  # reaps it and closes its pipe

        # the lock is gone: the clients' retries with the same ids store each comment once
        # (a retry may still meet the queue of writers draining: it is told to retry again)
        def retry(i: int) -> int:
            for _ in range(20):
                status, *_ = post(i)
                if status != 503:
                    return status
                time.sleep(0.1)
            return status

        with ThreadPoolExecutor(16) as pool:
            assert list(pool.map(retry, range(16))) == [200] * 16
        assert requests.get(f"{base}/health", timeout=10).status_code == 200
    with sqlite3.connect(path) as conn:
        rows = conn.execute("SELECT count(*), count(DISTINCT id) FROM comments").fetchone()
        decisions = conn.execute("SELECT count(*) FROM decisions").fetchone()[0]
    assert rows == (16, 16) and decisions == 16


@pytest.mark.parametrize("raw", ["0", "-1", "soon", "nan", "3600"])
def test_sqlite_lock_timeout_must_be_a_sensible_number_of_seconds(tmp_path, raw):
    with pytest.raises(ConfigError, match="MODERATION_SQLITE_LOCK_TIMEOUT"):
        from_env(tmp_path, {"MODERATION_SQLITE_LOCK_TIMEOUT": raw})
    assert from_env(tmp_path, {"MODERATION_SQLITE_LOCK_TIMEOUT": "0.5"}).sqlite_lock_timeout == 0.5
    assert from_env(tmp_path, {}).sqlite_lock_timeout == 2.0


@pytest.fixture(autouse=True)
def _quiet_logs(caplog):
    caplog.set_level("CRITICAL")
