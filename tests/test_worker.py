"""`moderation serve`'s worker: slow clients cannot hold it, and its own errors are JSON."""

import json
import socket
import time

import pytest

from service.config import ConfigError, from_env
from service.worker import COMPLETE, INCOMPLETE, MAX_CHUNKS, Answer, Need, framing
from tests.live import serving
from tests.slow import raw_request, slow_clients, timed_probes

LIMIT = 1000
HEAD = b"POST /moderate HTTP/1.1\r\nHost: x\r\n"


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"GET / HTTP/1.1\r\nHost: x\r\n", INCOMPLETE),
        (b"GET / HTTP/1.1\r\nHost: x\r\n\r\n", COMPLETE),
        (HEAD + b"Content-Length: 5\r\n\r\nabc", Need(len(HEAD) + 21 + 5)),
        (HEAD + b"content-length:  5 \r\n\r\nabcde", COMPLETE),
        (HEAD + b"Content-Length: 1001\r\n\r\n", Answer(413, "")),
        # malformed headers go to gunicorn's parser, which names the fault
        (HEAD + b"Content-Length: abc\r\n\r\n", COMPLETE),
        (HEAD + b"Content-Length: 1\r\nContent-Length: 2\r\n\r\n", COMPLETE),
        (HEAD + b"Transfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n", INCOMPLETE),
        (HEAD + b"Transfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n", COMPLETE),
        (HEAD + b"Transfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\nX-T: 1\r\n", INCOMPLETE),
        (
            HEAD + b"Transfer-Encoding: chunked\r\n\r\n3;ext=1\r\nabc\r\n0\r\nX-T: 1\r\n\r\n",
            COMPLETE,
        ),
        (HEAD + b"Transfer-Encoding: chunked\r\n\r\n3e9\r\n", Answer(413, "")),
        (HEAD + b"Transfer-Encoding: chunked\r\n\r\nzz\r\n", Answer(400, "")),
        (HEAD + b"Transfer-Encoding: chunked\r\n\r\n3\r\nabcd\r\n", Answer(400, "")),
        (HEAD + b"Transfer-Encoding: chunked\r\n\r\n3\r\nab", INCOMPLETE),
        (HEAD + b"Transfer-Encoding: gzip\r\n\r\n", COMPLETE),
        (b"GET /" + b"a" * 70_000, Answer(431, "")),
    ],
)
def test_framing_waits_for_whole_requests(data, expected):
    verdict = framing(data, LIMIT)
    if isinstance(expected, Answer):
        assert isinstance(verdict, Answer) and verdict.status == expected.status
    else:
        assert verdict == expected


def test_framing_refuses_a_body_of_countless_tiny_chunks():
    chunks = HEAD + b"Transfer-Encoding: chunked\r\n\r\n" + b"1\r\nx\r\n" * MAX_CHUNKS
    assert framing(chunks, 100_000) == Answer(400, f"the body has more than {MAX_CHUNKS} chunks")
    assert framing(chunks + b"0\r\n\r\n", 100_000) == Answer(
        400, f"the body has more than {MAX_CHUNKS} chunks"
    )
    fewer = HEAD + b"Transfer-Encoding: chunked\r\n\r\n" + b"1\r\nx\r\n" * (MAX_CHUNKS - 1)
    assert framing(fewer + b"0\r\n\r\n", 100_000) == COMPLETE


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with serving(tmp_path_factory.mktemp("worker"), MODERATION_READ_TIMEOUT="3") as running:
        base, key, _ = running
        yield base, int(base.rsplit(":", 1)[1]), key


def test_slow_clients_leave_health_and_moderate_answering(server):
    _, port, key = server
    with slow_clients(port, key):
        probes = timed_probes(port, key, seconds=5)
    assert len(probes) >= 8
    slow = [probe for probe in probes if probe[1] != 200 or probe[2] >= 1.0]
    assert slow == []


def test_request_not_complete_by_the_read_timeout_gets_408(server):
    _, port, key = server
    started = time.monotonic()
    status, headers, body = raw_request(
        port,
        f"POST /moderate HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {key}\r\n"
        "Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{".encode(),
        timeout=10,
    )
    assert status == 408 and json.loads(body)["error"] == "request_timeout"
    assert 2.5 < time.monotonic() - started < 5  # MODERATION_READ_TIMEOUT=3, swept 4 a second


def test_body_arriving_in_pieces_is_judged_whole(server):
    _, port, key = server
    body = json.dumps({"id": "pieces-1", "text": "You are an idiot"}).encode()
    head = (
        f"POST /moderate HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {key}\r\n"
        f"Content-Type: application/json\r\nConnection: close\r\nContent-Length: {len(body)}"
        "\r\n\r\n"
    ).encode()
    with socket.create_connection(("127.0.0.1", port), timeout=5) as sock:
        for piece in (head[:10], head[10:], body[:7], body[7:]):
            sock.sendall(piece)
            time.sleep(0.2)
        answer = b""
        while chunk := sock.recv(65536):
            answer += chunk
    assert answer.startswith(b"HTTP/1.1 200")
    assert json.loads(answer.partition(b"\r\n\r\n")[2])["decision"] == "reject"


def test_chunked_and_pipelined_requests_are_answered(server):
    _, port, key = server
    body = json.dumps({"id": "chunked-1", "text": "Great article"}).encode()
    chunked = (
        f"POST /moderate HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {key}\r\n"
        "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
    ).encode() + b"%x\r\n%s\r\n0\r\n\r\n" % (len(body), body)
    health = b"GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
    with socket.create_connection(("127.0.0.1", port), timeout=5) as sock:
        sock.sendall(chunked + health)  # two requests in one write
        answer = b""
        while chunk := sock.recv(65536):
            answer += chunk
    assert answer.count(b"HTTP/1.1 200 OK") == 2
    assert b'"decision":"approve"' in answer and b'"status":"ok"' in answer


def test_expect_100_continue_gets_continue_before_the_body(server):
    _, port, key = server
    body = json.dumps({"id": "continue-1", "text": "Fine piece"}).encode()
    head = (
        f"POST /moderate HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {key}\r\n"
        f"Content-Type: application/json\r\nExpect: 100-continue\r\nConnection: close\r\n"
        f"Content-Length: {len(body)}\r\n\r\n"
    ).encode()
    with socket.create_connection(("127.0.0.1", port), timeout=5) as sock:
        sock.sendall(head)
        assert sock.recv(100).startswith(b"HTTP/1.1 100 Continue")
        sock.sendall(body)
        answer = b""
        while chunk := sock.recv(65536):
            answer += chunk
    assert b"HTTP/1.1 200 OK" in answer


BAD_REQUESTS = {
    "request line over the limit": (b"GET /" + b"a" * 5000 + b" HTTP/1.1\r\nHost: x\r\n\r\n", 414),
    "too many headers": (
        b"GET /health HTTP/1.1\r\nHost: x\r\n"
        + b"".join(b"X-%d: y\r\n" % i for i in range(150))
        + b"\r\n",
        431,
    ),
    "a header too large": (
        b"GET /health HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * 9000 + b"\r\n\r\n",
        431,
    ),
    "headers over 64 KiB": (b"GET /health HTTP/1.1\r\n" + b"X-Big: " + b"a" * 70_000, 431),
    "bad Content-Length": (
        b"POST /moderate HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n",
        400,
    ),
    "two Content-Lengths": (
        b"POST /moderate HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab",
        400,
    ),
    "body over MODERATION_MAX_BODY_BYTES": (
        b"POST /moderate HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999\r\n\r\n",
        413,
    ),
    "invalid request line": (b"HELLO\r\n\r\n", 400),
    "invalid method": (b"G(T / HTTP/1.1\r\nHost: x\r\n\r\n", 400),
    "invalid header name": (b"GET / HTTP/1.1\r\nHost: x\r\nBad Name: y\r\n\r\n", 400),
    "body length undeterminable": (
        b"POST /moderate HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip\r\n\r\n",
        400,
    ),
    "unsupported transfer coding": (
        b"POST /moderate HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: x-unknown, chunked\r\n\r\n0\r\n\r\n",
        501,
    ),
    "bad chunk size": (
        b"POST /moderate HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer KEY\r\n"
        b"Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n\r\n",
        400,
    ),
}


@pytest.mark.parametrize("case", BAD_REQUESTS)
def test_gunicorn_errors_answer_the_json_error_shape(server, case):
    _, port, key = server
    data, expected = BAD_REQUESTS[case]
    status, headers, body = raw_request(port, data.replace(b"KEY", key.encode()))
    assert status == expected
    assert headers["content-type"] == "application/json"
    assert int(headers["content-length"]) == len(body)
    payload = json.loads(body)
    assert set(payload) == {"error", "message"} and payload["message"]


def test_werkzeug_errors_keep_the_json_error_shape(server):
    _, port, _ = server
    for data, expected in (
        (b"GET /nowhere HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", 404),
        (b"DELETE /moderate HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", 405),
        (b"GET /health HTTP/1.1\r\nHost: x\r\nHost: y\r\nConnection: close\r\n\r\n", 400),
    ):
        status, headers, body = raw_request(port, data)
        assert status == expected, body
        assert headers["content-type"] == "application/json"
        assert set(json.loads(body)) == {"error", "message"}


@pytest.mark.parametrize("raw", ["0", "-3", "ten", "1.5"])
def test_read_timeout_setting_refuses_what_is_not_positive_seconds(tmp_path, raw):
    with pytest.raises(ConfigError, match="MODERATION_READ_TIMEOUT"):
        from_env(tmp_path, {"MODERATION_READ_TIMEOUT": raw})


def test_read_timeout_setting_defaults_to_ten_seconds(tmp_path):
    assert from_env(tmp_path, {}).read_timeout == 10
    assert from_env(tmp_path, {"MODERATION_READ_TIMEOUT": "30"}).read_timeout == 30
