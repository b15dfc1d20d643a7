"""A chunked request body (no Content-Length) is held to the body limit over real HTTP."""

import http.client
import json

import pytest

from tests.live import serving

LIMIT = 4096


@pytest.fixture
def server(tmp_path):
    with serving(tmp_path, MODERATION_MAX_BODY_BYTES=str(LIMIT), MODERATION_MODEL_PATH="none") as (
        base,
        key,
        _,
    ):
        yield int(base.rsplit(":", 1)[1]), key


def send_chunked(port: int, key: str, body: bytes) -> tuple[int, dict]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=20)
    try:
        headers = {"Authorization": f"Bearer {key}", "Content-Type": "application/json"}
        chunks = (body[i : i + 1000] for i in range(0, len(body), 1000))
        conn.request("POST", "/moderate", body=chunks, headers=headers, encode_chunked=True)
        response = conn.getresponse()
        return response.status, json.loads(response.read())
    finally:
        conn.close()


def padded(size: int) -> bytes:
    """A valid comment padded with trailing white space to `size` bytes: cut anywhere past
    its closing brace, it would still parse."""
    body = b'{"text": "Thanks for the report"}'
    return body + b" " * (size - len(body))


def test_a_chunked_body_over_the_limit_is_413_not_cut(server):
    status, body = send_chunked(*server, padded(LIMIT + 1))
    assert status == 413 and body["error"] == "request_entity_too_large"


def test_a_chunked_body_at_the_limit_is_read_whole(server):
    status, body = send_chunked(*server, padded(LIMIT))
    assert status == 200 and body["decision"] == "approve"
