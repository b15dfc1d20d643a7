"""The gunicorn worker: a whole request is read before a thread sees it; errors are JSON.

Gunicorn's sync worker gives each connection the whole process, and its threaded worker
gives it a pool thread, from the first byte until the request is read: a client that sends
a byte a second (slowloris, or a slow body) holds a worker for as long as it likes, and a
handful of them stop the service. Here the worker's event loop reads every request itself,
without blocking, up to a size limit and a deadline, and runs it only once it is complete
(on the loop's thread, or a pool thread with `threads` > 1), parsing it from memory, never
from the socket. A slow client costs a buffer and a poller entry until its deadline.
"""

from __future__ import annotations

import json
import re
import selectors
import socket
import time
from concurrent import futures
from dataclasses import dataclass, field
from functools import partial

from gunicorn import http, util
from gunicorn.http import errors as http_errors
from gunicorn.workers.gthread import ThreadWorker
from werkzeug.http import HTTP_STATUS_CODES

# Largest request head (request line and headers) read; nginx's default allows 32 KiB.
MAX_HEAD_BYTES = 64 * 1024
# One recv() per readable event: a 512 KiB body arrives in a few.
RECV_BYTES = 256 * 1024
# How often the loop looks for connections past their deadline.
SWEEP_SECONDS = 0.25
_HEAD_END = b"\r\n\r\n"
# The header fields that say where a request ends (and whether the client awaits a 100).
_FRAMING = re.compile(rb"^(content-length|transfer-encoding|expect):(.*)$", re.I | re.M)


@dataclass(frozen=True)
class ReadLimits:
    """What the loop accepts before handing a request on: body size and the deadline."""

    max_body_bytes: int
    timeout: float  # seconds from accept (or a kept-alive connection's first byte)


@dataclass(frozen=True)
class Answer:
    """A request the loop answers itself (too large, too slow), without the application."""

    status: int
    message: str


@dataclass(frozen=True)
class Need:
    """A request whose length is known: complete once this many bytes have arrived."""

    total: int


# What `framing` finds: the request is not all there yet, or it is, or it gets an answer.
INCOMPLETE = "incomplete"
COMPLETE = "complete"
# Chunks in one body: each is looked at again on every read until the last one arrives.
MAX_CHUNKS = 1024


def framing(data: bytes, max_body_bytes: int) -> str | Answer | Need:
    """Whether `data` holds a whole HTTP/1.1 request (head and body), judged by its framing.

    `Need` means incomplete, with the length it must reach. Malformed headers count as
    complete: gunicorn's parser then names the fault.
    """
    end = data.find(_HEAD_END)
    if end < 0:
        if len(data) > MAX_HEAD_BYTES:
            return Answer(431, f"the request line and headers exceed {MAX_HEAD_BYTES} bytes")
        return INCOMPLETE
    body = end + len(_HEAD_END)
    fields = {}
    for name, value in _FRAMING.findall(data[:body]):
        fields.setdefault(name.lower(), []).append(value.strip())
    if b"transfer-encoding" in fields:
        codings = b",".join(fields[b"transfer-encoding"]).lower().split(b",")
        if codings[-1].strip() != b"chunked":
            return COMPLETE  # gunicorn refuses other codings (501)
        return _chunked(data, body, max_body_bytes)
    lengths = set(fields.get(b"content-length", []))
    if not lengths:
        return COMPLETE
    if len(lengths) > 1 or not next(iter(lengths)).isdigit():
        return COMPLETE
    length = int(next(iter(lengths)))
    if length > max_body_bytes:
        return Answer(413, f"the body is larger than {max_body_bytes} bytes")
    return COMPLETE if len(data) >= body + length else Need(body + length)


def _chunked(data: bytes, pos: int, max_body_bytes: int) -> str | Answer:
    """Framing of a chunked body starting at `pos`: complete after its last chunk.

    A malformed chunk is answered here: gunicorn would find it only once the application
    reads the body, which then fails as a 500.
    """
    size = 0
    for _ in range(MAX_CHUNKS):
        line_end = data.find(b"\r\n", pos)
        if line_end < 0:
            return INCOMPLETE if len(data) - pos < 1024 else Answer(400, "invalid chunk size")
        digits = data[pos:line_end].split(b";")[0].strip()
        if not digits or len(digits) > 16 or digits.strip(b"0123456789abcdefABCDEF"):
            return Answer(400, "invalid chunk size")
        chunk = int(digits, 16)
        pos = line_end + 2
        if chunk == 0:  # then trailer fields, ended by an empty line
            if data.startswith(b"\r\n", pos) or data.find(_HEAD_END, pos) >= 0:
                return COMPLETE
            return INCOMPLETE if len(data) - pos < MAX_HEAD_BYTES else COMPLETE
        size += chunk
        if size > max_body_bytes:
            return Answer(413, f"the body is larger than {max_body_bytes} bytes")
        pos += chunk
        if len(data) < pos + 2:
            return INCOMPLETE
        if data[pos : pos + 2] != b"\r\n":
            return Answer(400, "a chunk is not followed by CRLF")
        pos += 2
    return Answer(400, f"the body has more than {MAX_CHUNKS} chunks")


def _expects_continue(data: bytes) -> bool:
    head = data[: data.find(_HEAD_END)]
    expect = [v.strip().lower() for n, v in _FRAMING.findall(head) if n.lower() == b"expect"]
    return b"100-continue" in expect


def json_error(status: int, message: str) -> bytes:
    """A whole HTTP response carrying the service's error shape, closing the connection."""
    name = HTTP_STATUS_CODES.get(status, "Error")
    body = json.dumps({"error": name.lower().replace(" ", "_"), "message": message}).encode()
    head = (
        f"HTTP/1.1 {status} {name}\r\n"
        "Connection: close\r\n"
        "Content-Type: application/json\r\n"
        "X-Content-Type-Options: nosniff\r\n"
        "Cache-Control: no-store\r\n"
        f"Content-Length: {len(body)}\r\n\r\n"
    )
    return head.encode("latin-1") + body


# Gunicorn's parse errors that are not a plain 400; the rest of ParseException is.
_STATUS = (
    (http_errors.LimitRequestLine, 414),
    (http_errors.LimitRequestHeaders, 431),
    (http_errors.UnsupportedTransferCoding, 501),
    (http_errors.ExpectationFailed, 417),
    (http_errors.ForbiddenProxyRequest, 403),
    (http_errors.ConfigurationProblem, 500),
)
_MESSAGES = {
    414: "the request line is too long",
    431: "too many headers, or a header too large",
    501: "unsupported transfer coding",
    417: "unsupported expectation",
    403: "request forbidden",
    500: "the server's forwarding settings refuse this request",
}


def client_error(exc: BaseException) -> int | None:
    """The 4xx (or 5xx) gunicorn's parser means by `exc`; None when it is not a parse error."""
    response_fault = (http_errors.InvalidResponseHeader, http_errors.InvalidResponseHeaderName)
    if not isinstance(exc, http_errors.ParseException) or isinstance(exc, response_fault):
        return None
    return next((status for kind, status in _STATUS if isinstance(exc, kind)), 400)


@dataclass
class _Reading:
    """A connection whose request is still arriving."""

    deadline: float
    data: bytearray = field(default_factory=bytearray)
    continued: bool = False
    # What earlier reads found, so that a byte-a-second client costs no rescans.
    scanned: int = 0  # bytes searched for the end of the head without finding it
    need: int = 0  # the whole request's length, once its head says


class _Inline(futures.Executor):
    """Runs each call at once on the caller's thread: the event loop itself."""

    def submit(self, fn, /, *args, **kwargs) -> futures.Future:
        future: futures.Future = futures.Future()
        try:
            future.set_result(fn(*args, **kwargs))
        except Exception as exc:  # SystemExit (gunicorn's signal handlers) goes through
            future.set_exception(exc)
        return future


class ReadingWorker(ThreadWorker):
    """gthread, except that the event loop reads each request whole before it is run."""

    limits = ReadLimits(max_body_bytes=512 * 1024, timeout=10.0)

    def get_thread_pool(self) -> futures.Executor:
        """With one thread, complete requests run on the loop's own thread, one at a time
        as in a sync worker: the judging is CPU-bound, and pool threads of one process
        only contend for the GIL (measured slower)."""
        if self.cfg.threads == 1:
            return _Inline()
        return super().get_thread_pool()

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._reading: dict = {}
        self._next_sweep = 0.0

    def enqueue_req(self, conn) -> None:
        """Start reading the connection's next request; gthread calls this for each one."""
        leftover = conn.parser.unreader.take_buffered() if conn.parser else b""
        state = _Reading(time.monotonic() + self.limits.timeout, bytearray(leftover))
        if leftover and self._advance(conn, state):
            return
        conn.sock.setblocking(False)
        self._reading[conn] = state
        self.poller.register(conn.sock, selectors.EVENT_READ, partial(self._on_readable, conn))

    def _on_readable(self, conn, _sock) -> None:
        state = self._reading[conn]
        try:
            chunk = conn.sock.recv(RECV_BYTES)
        except BlockingIOError:
            return
        except OSError:
            chunk = b""
        if not chunk:  # the client went away before finishing its request
            self._drop(conn)
            return
        state.data += chunk
        self._advance(conn, state)

    def _advance(self, conn, state: _Reading) -> bool:
        """Hand a complete request on, or answer it; True once the loop is done reading it."""
        data = state.data
        if len(data) < state.need:
            return False
        if not state.need and data.find(_HEAD_END, max(0, state.scanned - 3)) < 0:
            state.scanned = len(data)
            if len(data) <= MAX_HEAD_BYTES:
                return False
        verdict = framing(data, self.limits.max_body_bytes)
        if isinstance(verdict, Need):
            state.need = verdict.total
        if verdict == INCOMPLETE or isinstance(verdict, Need):
            if not state.continued and _HEAD_END in state.data and _expects_continue(state.data):
                state.continued = True  # the client waits for this before sending its body
                self._send(conn, b"HTTP/1.1 100 Continue\r\n\r\n")
            return False
        self._stop_reading(conn)
        if isinstance(verdict, Answer):
            self._answer(conn, verdict)
            return True
        conn.parser = http.get_parser(self.cfg, [bytes(state.data)], conn.client)
        conn.initialized = True  # gthread then neither waits for data nor builds a parser
        conn.data_ready = True
        super().enqueue_req(conn)
        return True

    def _stop_reading(self, conn) -> None:
        self._reading.pop(conn, None)
        try:
            self.poller.unregister(conn.sock)
        except (KeyError, ValueError, OSError):
            pass  # closed already

    def _drop(self, conn) -> None:
        self._stop_reading(conn)
        self.nr_conns -= 1
        conn.close()

    def _send(self, conn, data: bytes) -> None:
        try:
            conn.sock.send(data)
        except OSError:
            pass  # a full buffer or a closed socket: the answer is best effort

    def _answer(self, conn, answer: Answer) -> None:
        self.log.warning(
            "Request from ip=%s answered %s: %s", conn.client[0], answer.status, answer.message
        )
        self._send(conn, json_error(answer.status, answer.message))
        try:
            conn.sock.shutdown(socket.SHUT_WR)
        except OSError:
            pass
        self._drop(conn)

    def murder_pending(self) -> None:
        """Also close connections whose request is not complete by its deadline (408)."""
        super().murder_pending()
        now = time.monotonic()
        if now < self._next_sweep:
            return
        self._next_sweep = now + SWEEP_SECONDS
        for conn, state in list(self._reading.items()):
            if not state.data and not self.alive:
                self._drop(conn)  # stopping: nothing was sent on it yet
            elif state.deadline <= now:
                if state.data:
                    self._answer(conn, Answer(408, "the request did not arrive in time"))
                else:
                    self._drop(conn)

    def handle_error(self, req, client, addr, exc) -> None:
        """Gunicorn's own error answers, in the service's JSON error shape."""
        status = client_error(exc)
        ip = (addr or ("",))[0]
        if status is None:
            self.log.exception("Error handling request from ip=%s", ip)
            status, message = 500, "the service failed; the request was not stored"
        else:
            self.log.warning("Invalid request from ip=%s: %s", ip, exc)
            message = _MESSAGES.get(status) or f"malformed request: {str(exc)[:200]}"
        try:
            util.write_nonblock(client, json_error(status, message))
        except OSError:
            self.log.debug("Failed to send error message.")


def worker_class(limits: ReadLimits) -> type[ReadingWorker]:
    """A ReadingWorker bound to these limits (gunicorn builds the worker itself)."""
    return type("ReadingWorker", (ReadingWorker,), {"limits": limits})
