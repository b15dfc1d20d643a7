"""Rate limits count per key in memory, or in Redis shared by every worker process."""

import uuid

import pytest

from service.ratelimit import RateLimit


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
