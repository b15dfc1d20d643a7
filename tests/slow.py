"""Slow clients on loopback, and timed probes of a service meanwhile (tests of serving)."""

from __future__ import annotations

import http.client
import json
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

SLOW_HEADERS = 20
SLOW_BODIES = 4


def _trickle(port: int, head: bytes, drip: bytes, stop: threading.Event) -> None:
    """Send `head`, then one `drip` a second until `stop` (or the server hangs up)."""
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=5) as sock:
            sock.sendall(head)
            while not stop.wait(1.0):
                sock.sendall(drip)
    except OSError:
        pass  # closed by the server: what a deadline does


@contextmanager
def slow_clients(port: int, key: str) -> Iterator[None]:
    """Slowloris connections (headers a line a second) and slow authenticated bodies."""
    body_head = (
        "POST /moderate HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        f"Authorization: Bearer {key}\r\nContent-Length: 4000\r\n\r\n"
    ).encode()
    stop = threading.Event()
    clients = [(b"GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n", b"X-Slow: 1\r\n")] * SLOW_HEADERS
    clients += [(body_head, b" ")] * SLOW_BODIES
    threads = [
        threading.Thread(target=_trickle, args=(port, head, drip, stop), daemon=True)
        for head, drip in clients
    ]
    for thread in threads:
        thread.start()
    time.sleep(0.5)  # every connection is open and has sent its start
    try:
        yield
    finally:
        stop.set()
        for thread in threads:
            thread.join(timeout=10)


def _timed(port: int, method: str, path: str, body: str | None, headers: dict) -> tuple:
    started = time.monotonic()
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=3)
    try:
        conn.request(method, path, body, headers)
        response = conn.getresponse()
        response.read()
        status: int | str = response.status
    except OSError as exc:
        status = type(exc).__name__
    finally:
        conn.close()
    return status, time.monotonic() - started


def timed_probes(port: int, key: str, seconds: float) -> list[tuple[str, int | str, float]]:
    """GET /health and an authenticated POST /moderate, repeated for `seconds`."""
    headers = {"Authorization": f"Bearer {key}", "Content-Type": "application/json"}
    probes = []
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        probes.append(("health", *_timed(port, "GET", "/health", None, {})))
        body = json.dumps({"id": f"probe-{len(probes)}", "text": "Thanks for this."})
        probes.append(("moderate", *_timed(port, "POST", "/moderate", body, headers)))
        time.sleep(0.25)
    return probes


def raw_request(port: int, data: bytes, timeout: float = 5) -> tuple[int, dict, bytes]:
    """Send raw bytes on a fresh connection: the answer's status, headers and body."""
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as sock:
        sock.sendall(data)
        answer = b""
        try:
            while chunk := sock.recv(65536):
                answer += chunk
        except OSError:
            pass  # a reset after the answer
    head, _, body = answer.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    headers = dict(line.split(": ", 1) for line in lines[1:] if ": " in line)
    return int(lines[0].split()[1]), {k.lower(): v for k, v in headers.items()}, body
