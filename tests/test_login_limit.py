"""Failed logins are counted in the database (shared by every worker) or in Redis, and an
unreachable store raises instead of letting the attempt through."""

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from service import db, reviews
from service.login_limit import LimiterUnavailable, LoginLimit
from service.store import login_failures, now


@pytest.fixture
def engines(database_url):
    """Two engines on one database, like two worker processes."""
    first, second = db.make_engine(database_url), db.make_engine(database_url)
    db.upgrade(first)
    yield first, second
    first.dispose()
    second.dispose()


def test_database_counts_are_shared_by_every_worker(engines):
    worker_a = LoginLimit("3/minute", "memory://", engines[0])
    worker_b = LoginLimit("3/minute", "memory://", engines[1])
    worker_a.hit("ip:10.0.0.1", "user:alice")
    worker_b.hit("ip:10.0.0.1", "user:alice")
    assert worker_a.exhausted("ip:10.0.0.1") == 0
    worker_a.hit("ip:10.0.0.1", "user:bob")
    wait = worker_b.exhausted("user:carol", "ip:10.0.0.1")
    assert 1 <= wait <= 60
    assert worker_b.exhausted("user:alice", "ip:10.0.0.2") == 0


def test_failures_older_than_the_window_do_not_count_and_are_pruned(engines):
    engine = engines[0]
    long_ago = now() - timedelta(hours=2)
    with db.write(engine) as conn:
        for _ in range(5):
            reviews.record_login_failure(
                conn, ("user:alice",), long_ago, prune_before=long_ago - timedelta(days=1)
            )
    limit = LoginLimit("3/minute", "memory://", engine)
    assert limit.exhausted("user:alice") == 0
    limit.hit("user:alice")
    with engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(login_failures)).scalar() == 1


def test_unreachable_redis_raises_limiter_unavailable(engines):
    limit = LoginLimit("5/minute", "redis://127.0.0.1:1", engines[0])  # a closed port
    with pytest.raises(LimiterUnavailable):
        limit.exhausted("user:alice")
    with pytest.raises(LimiterUnavailable):
        limit.hit("user:alice")


def test_redis_counts_when_configured(engines, redis_url):
    import uuid

    user = f"user:{uuid.uuid4().hex}"  # Redis outlives the test
    limit = LoginLimit("2/minute", redis_url, engines[0])
    limit.hit(user)
    limit.hit(user)
    assert limit.exhausted(user) >= 1
    with engines[0].connect() as conn:  # nothing went to the database
        assert conn.execute(select(func.count()).select_from(login_failures)).scalar() == 0
