"""Rate limits count per key in memory, or in Redis shared by every worker process."""

import time
import uuid

import pytest

from service import ratelimit
from service.ratelimit import RateLimit, Store


@pytest.fixture(params=["memory", "redis"])
def storage(request) -> str:
    return "memory://" if request.param == "memory" else request.getfixturevalue("redis_url")


def test_a_key_is_held_back_after_its_limit_and_others_are_not(storage):
    namespace = f"test-{uuid.uuid4().hex}"  # Redis outlives the test: keys of their own
    limit = RateLimit("3/minute", storage, namespace)
    for _ in range(3):
        assert limit.exhausted("ip:1") == 0
        limit.hit("ip:1")
    wait = limit.exhausted("ip:1")
    assert 1 <= wait <= 60
    assert limit.exhausted("ip:2") == 0
    assert limit.exhausted("ip:2", "ip:1") == wait  # any exhausted key holds the request


def test_two_processes_share_redis_counters(redis_url):
    storage = redis_url
    namespace = f"test-{uuid.uuid4().hex}"
    worker_a = RateLimit("2/minute", storage, namespace)
    worker_b = RateLimit("2/minute", storage, namespace)  # its own connection, like a worker
    worker_a.hit("user:alice")
    worker_b.hit("user:alice")
    assert worker_a.exhausted("user:alice") > 0


def _nothing_listens() -> str:
    from bench.load import free_port

    return f"redis://127.0.0.1:{free_port()}"


def test_a_limit_that_fails_open_lets_requests_through_while_redis_is_away(caplog):
    limit = RateLimit("1/minute", _nothing_listens(), "test-away", fail_open=True)
    started = time.monotonic()
    assert [limit.take("key:1") for _ in range(30)] == [0] * 30  # over 1/minute, yet allowed
    assert limit.exhausted("ip:1") == 0
    limit.hit("ip:1")
    assert time.monotonic() - started < 5
    outages = [r for r in caplog.records if "unreachable" in r.getMessage()]
    assert len(outages) == 1 and outages[0].levelname == "WARNING"  # not one per request
    assert "ConnectionError" in outages[0].getMessage()


def test_an_outage_that_lasts_is_logged_again_with_the_requests_let_through(caplog, monkeypatch):
    monkeypatch.setattr(ratelimit, "OUTAGE_LOG_INTERVAL", 0.0)
    limit = RateLimit("1/minute", _nothing_listens(), "test-away", fail_open=True)
    for _ in range(3):
        limit.take("key:1")
    messages = [r.getMessage() for r in caplog.records if "rate-limit store" in r.getMessage()]
    assert len(messages) == 3 and "still unreachable" in messages[-1]
    assert "3 requests let through uncounted" in messages[-1]


def test_a_limit_fails_closed_unless_told_otherwise():
    import redis

    limit = RateLimit("1/minute", _nothing_listens(), "test-away")
    with pytest.raises(redis.RedisError):
        limit.take("key:1")
    assert not limit.store.reachable()
    with pytest.raises(redis.RedisError):
        limit.store.ping()


def test_the_store_answers_a_ping(storage):
    store = Store(storage)
    assert store.reachable() and store.shared == storage.startswith("redis")
