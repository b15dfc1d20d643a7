"""A database that is locked or gone: the API answers 503 with a JSON error, quickly."""

import socket
import sqlite3
import threading
import time

import pytest
from sqlalchemy.engine import make_url

from service import api, create_app, db, store


def _key(app) -> dict[str, str]:
    with app.extensions[api.EXTENSION].engine.begin() as conn:
        return {"Authorization": f"Bearer {store.create_key(conn, 'cms')}"}


def test_sqlite_locked_by_another_writer_is_503(tmp_path, monkeypatch):
    monkeypatch.setattr(db, "SQLITE_BUSY_TIMEOUT_MS", 300)
    path = tmp_path / "m.db"
    app = create_app({"database_url": f"sqlite:///{path}", "model_path": None})
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
    """A TCP relay to PostgreSQL that a test can cut, as a network or server failure."""

    def __init__(self, target: tuple[str, int]) -> None:
        self.target = target
        self.server = socket.create_server(("127.0.0.1", 0))
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


@pytest.fixture(autouse=True)
def _quiet_logs(caplog):
    caplog.set_level("CRITICAL")
