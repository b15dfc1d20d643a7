"""Storage on SQLite and PostgreSQL through the same code: append-only, exact text, keys."""

import pytest
from sqlalchemy import inspect, select
from sqlalchemy.exc import IntegrityError

from service import db, store
from service.domain import (
    Article,
    Author,
    Category,
    CommentIn,
    Decision,
    Reason,
    Source,
    Status,
    Verdict,
)

TEXTS = [
    "plain ascii",
    "emoji 👏🏽🇮🇶 and ZWJ family 👨‍👩‍👧",
    "هیوادارم هەڵبژاردنەکان بە ئاشتی تێپەڕن",
    "e\u0301 combining and Z\u0351\u0352algo",
    "\u202eRTL override\u202c and\u200bzero width",
]


def decision(verdict=Verdict.APPROVE, status=Status.FINAL) -> Decision:
    return Decision(
        verdict=verdict,
        status=status,
        categories=(Category.THREAT,) if verdict is Verdict.REJECT else (),
        reasons=(Reason(Category.THREAT, Source.RULE, rule="r", span=(0, 3)),)
        if verdict is Verdict.REJECT
        else (),
        scores={"threat": 0.9},
        language="en",
        model_version="none",
        policy_version="p1",
    )


@pytest.fixture
def engine(database_url):
    engine = db.make_engine(database_url)
    db.upgrade(engine)
    yield engine
    engine.dispose()


@pytest.mark.parametrize("text", TEXTS)
def test_text_round_trips_exactly(engine, text):
    comment = CommentIn(text=text, author=Author("Ş", "ş@x.org"), article=Article("7", "عنوان"))
    with engine.begin() as conn:
        store.add_comment(conn, "c1", comment, decision(), "cms")
    with engine.connect() as conn:
        stored = store.get_comment(conn, "c1")
    assert stored.text == text
    assert stored.text_sha256 == store.text_hash(text)
    assert (stored.author_name, stored.article_title) == ("Ş", "عنوان")


def test_decisions_are_appended_never_overwritten(engine):
    with engine.begin() as conn:
        store.add_comment(conn, "c1", CommentIn(text="x"), decision(), "cms")
    with engine.begin() as conn:
        store.append_decision(conn, "c1", decision(Verdict.REJECT), "reviewer", "amina")
    with engine.connect() as conn:
        stored = store.get_comment(conn, "c1")
    assert [(d.verdict, d.source, d.actor) for d in stored.decisions] == [
        ("approve", "service", None),
        ("reject", "reviewer", "amina"),
    ]
    assert stored.current.verdict == "reject"
    assert stored.decisions[1].reasons == [
        {"category": "threat", "source": "rule", "rule": "r", "span": [0, 3]}
    ]


def test_duplicate_id_is_refused_and_nothing_half_written(engine):
    with engine.begin() as conn:
        store.add_comment(conn, "c1", CommentIn(text="x"), decision(), "cms")
    with pytest.raises(IntegrityError), engine.begin() as conn:
        store.add_comment(conn, "c1", CommentIn(text="y"), decision(), "cms")
    with engine.connect() as conn:
        stored = store.get_comment(conn, "c1")
        assert stored.text == "x" and len(stored.decisions) == 1
        assert conn.execute(select(store.decisions)).all().__len__() == 1


def test_keys_are_stored_hashed_and_revocable(engine):
    with engine.begin() as conn:
        key = store.create_key(conn, "cms")
    with engine.connect() as conn:
        rows = conn.execute(select(store.api_keys)).mappings().all()
        assert key not in str([dict(r) for r in rows])
        assert store.client_for_key(conn, key) == "cms"
        assert store.client_for_key(conn, key + "x") is None
    with engine.begin() as conn:
        assert store.revoke_keys(conn, key[:12]) == 1
    with engine.connect() as conn:
        assert store.client_for_key(conn, key) is None
        assert store.list_keys(conn)[0]["revoked_at"] is not None


def test_upgrade_is_idempotent_and_creates_the_schema(engine):
    db.upgrade(engine)
    tables = set(inspect(engine).get_table_names())
    assert {"comments", "decisions", "api_keys", "alembic_version"} <= tables


def test_api_stores_comment_and_decision_on_both_databases(database_url):
    from service import api, create_app

    app = create_app({"database_url": database_url})
    engine = app.extensions[api.EXTENSION].engine
    with engine.begin() as conn:
        key = store.create_key(conn, "cms")
    client = app.test_client()
    headers = {"Authorization": f"Bearer {key}"}
    response = client.post(
        "/moderate", json={"id": "pg-1", "text": "I will kill you 👏"}, headers=headers
    )
    assert response.status_code == 200
    again = client.post(
        "/moderate", json={"id": "pg-1", "text": "I will kill you 👏"}, headers=headers
    )
    assert again.get_json() == response.get_json()
    conflict = client.post("/moderate", json={"id": "pg-1", "text": "other"}, headers=headers)
    assert conflict.status_code == 409
    with engine.connect() as conn:
        stored = store.get_comment(conn, "pg-1")
    assert stored.text == "I will kill you 👏" and len(stored.decisions) == 1
    assert stored.current.categories == ["threat"]
    engine.dispose()


WIDEST = [
    {"id": "i" * 128, "text": "widest id"},
    {"text": "widest article id", "article": {"id": "a" * 128, "title": "t" * 1000}},
    {"text": "widest integer article id", "article": {"id": 10**128 - 1}},
    {"text": "most negative article id", "article": {"id": -(10**127 - 1)}},
    {"text": "widest author", "author": {"name": "n" * 500, "email": "e" * 500}},
]
TOO_WIDE = [
    {"id": "i" * 129, "text": "x"},
    {"text": "x", "article": {"id": "a" * 129}},
    {"text": "x", "article": {"id": 10**128}},
    {"text": "x", "article": {"id": -(10**127)}},
    {"text": "x", "author": {"name": "n" * 501}},
    {"text": "x", "article": {"id": "a\x00"}},
]


def test_every_width_the_validator_allows_fits_its_column_and_no_wider(database_url):
    from service import api, create_app

    app = create_app({"database_url": database_url, "model_path": None})
    engine = app.extensions[api.EXTENSION].engine
    with engine.begin() as conn:
        headers = {"Authorization": f"Bearer {store.create_key(conn, 'cms')}"}
    client = app.test_client()
    try:
        for body in WIDEST:
            assert client.post("/moderate", json=body, headers=headers).status_code == 200, body
        for body in TOO_WIDE:
            response = client.post("/moderate", json=body, headers=headers)
            assert response.status_code == 400, (body, response.get_json())
        for path in ("/comments/a%00b", "/comments/" + "x" * 129, "/comments/.."):
            assert client.get(path, headers=headers).status_code == 400, path
    finally:
        engine.dispose()


def test_a_sqlite_write_leaves_its_connection_at_the_engines_lock_bound(tmp_path):
    # A write with a shorter bound waits for SQLite's lock only that long, then restores
    # the busy timeout: a reader on the same pooled connection waits the engine's bound.
    engine = db.make_engine(f"sqlite:///{tmp_path / 'bound.db'}", lock_timeout=1.5)
    db.upgrade(engine)
    with db.write(engine, timeout=0.5) as conn:
        conn.exec_driver_sql("SELECT 1")
    with engine.connect() as conn:
        after = conn.exec_driver_sql("PRAGMA busy_timeout").scalar_one()
    engine.dispose()
    assert after == 1500
