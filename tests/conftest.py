"""Shared fixtures: an app on a temporary database, its client, CLI runner and an API key."""

from __future__ import annotations

import os
import uuid
from pathlib import Path
from shutil import copytree

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from service import api, create_app, store
from service.rules.lists import default_dir

ROOT = Path(__file__).resolve().parents[1]
SHARED_DATA = Path(os.environ.get("MODERATION_DATA_DIR", ROOT.parent / "shared" / "data"))
IN_CI = os.environ.get("MODERATION_REQUIRE_SHARED_DATA") == "1"


def shared_data_dir() -> Path:
    """../shared/data, or a skip (a failure in CI, where it must exist)."""
    if SHARED_DATA.is_dir():
        return SHARED_DATA
    message = f"needs the labelled data in {SHARED_DATA} (set MODERATION_DATA_DIR)"
    if IN_CI:
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture
def shared_data() -> Path:
    return shared_data_dir()


@pytest.fixture
def lists_copy(tmp_path) -> Path:
    """A copy of the shipped list folder, for a test to add a list file to."""
    target = tmp_path / "lists"
    copytree(default_dir(), target)
    return target


@pytest.fixture
def postgres_url():
    """A fresh PostgreSQL database for one test, dropped afterwards."""
    base = os.environ.get(
        "MODERATION_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
    )
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    name = f"moderation_test_{uuid.uuid4().hex[:10]}"
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    except Exception as exc:  # no server here: skip, except in CI where it must be there
        admin.dispose()
        message = f"PostgreSQL not reachable at {make_url(base).render_as_string()}: {exc}"
        if os.environ.get("MODERATION_REQUIRE_POSTGRES") == "1":
            pytest.fail(message)
        pytest.skip(message)
    yield make_url(base).set(database=name).render_as_string(hide_password=False)
    with admin.connect() as conn:
        conn.execute(
            text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = :n"),
            {"n": name},
        )
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
    admin.dispose()


@pytest.fixture(params=["sqlite", "postgres"])
def database_url(request, tmp_path) -> str:
    """Each storage test runs on SQLite and on PostgreSQL."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'moderation.db'}"
    return request.getfixturevalue("postgres_url")


@pytest.fixture
def app(tmp_path):
    # Rules only: API tests check the contract; tests/test_committed_model.py covers the model.
    app = create_app(
        {"database_url": f"sqlite:///{tmp_path / 'moderation.db'}", "model_path": None}
    )
    yield app
    app.extensions[api.EXTENSION].engine.dispose()


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


@pytest.fixture
def api_key(app) -> str:
    with app.extensions[api.EXTENSION].engine.begin() as conn:
        return store.create_key(conn, "test-cms")


@pytest.fixture
def auth(api_key) -> dict[str, str]:
    return {"Authorization": f"Bearer {api_key}"}


@pytest.fixture(scope="session", params=["rules", "rules+model"])
def moderator(request):
    """The shipped rules with default settings, without Flask: alone, and with the model."""
    from service import build_moderator
    from service.config import DEFAULT_MODEL_PATH, Settings

    model = DEFAULT_MODEL_PATH if request.param == "rules+model" else None
    return build_moderator(Settings(database_url="sqlite://", model_path=model))


REDIS = os.environ.get("MODERATION_TEST_REDIS_URL", "redis://127.0.0.1:6379")


@pytest.fixture
def redis_url() -> str:
    """The machine's Redis; skipped where there is none, except in CI."""
    import redis

    try:
        redis.Redis.from_url(REDIS, socket_connect_timeout=1).ping()
    except redis.RedisError as exc:
        message = f"Redis not reachable at {REDIS}: {exc}"
        if os.environ.get("MODERATION_REQUIRE_REDIS") == "1":
            pytest.fail(message)
        pytest.skip(message)
    return REDIS
