"""Schema upgrades keep every row: a database made by an earlier revision is upgraded."""

from datetime import UTC, datetime

from alembic import command
from sqlalchemy import inspect, text

from service import db, store


def test_upgrade_from_0001_keeps_rows_and_fills_the_queue_state(database_url):
    engine = db.make_engine(database_url)
    try:
        db.upgrade(engine, "0001")
        at = datetime(2026, 1, 2, tzinfo=UTC)
        with engine.begin() as conn:
            for cid in ("a", "b"):
                conn.execute(
                    text(
                        "INSERT INTO comments (id, text, text_sha256, received_at) "
                        "VALUES (:id, :text, :sha, :at)"
                    ),
                    {
                        "id": cid,
                        "text": f"text {cid}",
                        "sha": store.text_hash(f"text {cid}"),
                        "at": at,
                    },
                )
            decisions = [
                ("a", "reject", "in_review", '["promotion"]', "service", None),
                ("b", "reject", "in_review", '["abuse"]', "service", None),
                ("b", "approve", "final", "[]", "reviewer", "alice"),
            ]
            for cid, verdict, status, categories, source, actor in decisions:
                conn.execute(
                    text(
                        "INSERT INTO decisions (comment_id, verdict, status, categories, reasons, "
                        "scores, language, model_version, policy_version, source, actor, created_at) "
                        "VALUES (:c, :v, :s, :cat, '[]', '{}', 'en', 'none', 'p1', :src, :actor, :at)"
                    ),
                    {
                        "c": cid,
                        "v": verdict,
                        "s": status,
                        "cat": categories,
                        "src": source,
                        "actor": actor,
                        "at": at,
                    },
                )
        db.upgrade(engine)
        with engine.connect() as conn:
            rows = conn.execute(
                text("SELECT id, verdict, status, categories, language FROM comments ORDER BY id")
            ).all()
            assert [tuple(r) for r in rows] == [
                ("a", "reject", "in_review", '["promotion"]', "en"),
                ("b", "approve", "final", "[]", "en"),
            ]
            assert conn.execute(text("SELECT count(*) FROM decisions")).scalar() == 3
            assert len(store.get_comment(conn, "b").decisions) == 2
    finally:
        engine.dispose()


def test_upgrade_from_0002_gives_each_comment_its_client_and_own_id(database_url):
    from service import api, create_app

    engine = db.make_engine(database_url)
    try:
        db.upgrade(engine, "0002")
        at = datetime(2026, 1, 2, tzinfo=UTC)
        with engine.begin() as conn:
            for cid, client in (("old-1", "cms"), ("old-2", "forum")):
                conn.execute(
                    text(
                        "INSERT INTO comments (id, text, text_sha256, client, received_at, "
                        "verdict, status, categories, language, decided_at) VALUES "
                        "(:id, :text, :sha, :client, :at, 'reject', 'in_review', '[]', 'en', :at)"
                    ),
                    {
                        "id": cid,
                        "text": cid,
                        "sha": store.text_hash(cid),
                        "client": client,
                        "at": at,
                    },
                )
                conn.execute(
                    text(
                        "INSERT INTO decisions (comment_id, verdict, status, categories, reasons, "
                        "scores, language, model_version, policy_version, source, actor, created_at) "
                        "VALUES (:c, 'reject', 'in_review', '[]', '[]', '{}', 'en', 'none', 'p1', "
                        "'service', NULL, :at)"
                    ),
                    {"c": cid, "at": at},
                )
            key = store.create_key(conn, "cms")
    finally:
        engine.dispose()
    app = create_app({"database_url": database_url, "model_path": None})  # upgrades to head
    client = app.test_client()
    auth = {"Authorization": f"Bearer {key}"}
    try:
        with app.extensions[api.EXTENSION].engine.connect() as conn:
            rows = conn.execute(text("SELECT id, external_id FROM comments ORDER BY id")).all()
            assert [tuple(r) for r in rows] == [("old-1", "old-1"), ("old-2", "old-2")]
            assert conn.execute(text("SELECT count(*) FROM decisions")).scalar() == 2
        assert client.get("/comments/old-1", headers=auth).get_json()["text"] == "old-1"
        assert client.get("/comments/old-2", headers=auth).status_code == 404  # forum's
        # the client keeps its id: a resubmission replays, another text conflicts
        again = client.post("/moderate", json={"id": "old-1", "text": "old-1"}, headers=auth)
        assert again.status_code == 200 and again.get_json()["status"] == "in_review"
        assert (
            client.post("/moderate", json={"id": "old-1", "text": "x"}, headers=auth).status_code
            == 409
        )
        # and may use another client's id, which gets a key of its own
        assert (
            client.post("/moderate", json={"id": "old-2", "text": "Nice"}, headers=auth).status_code
            == 200
        )
        assert client.get("/comments/old-2", headers=auth).get_json()["text"] == "Nice"
    finally:
        app.extensions[api.EXTENSION].engine.dispose()


def test_downgrade_from_0003_to_0002_keeps_the_comments(database_url):
    engine = db.make_engine(database_url)
    try:
        db.upgrade(engine)
        with engine.begin() as conn:
            conn.execute(
                text(
                    "INSERT INTO comments (id, external_id, text, text_sha256, client, received_at) "
                    "VALUES ('d-1', 'd-1', 't', :sha, 'cms', :at)"
                ),
                {"sha": store.text_hash("t"), "at": datetime(2026, 1, 2, tzinfo=UTC)},
            )
        config = db.alembic_config()
        with engine.begin() as conn:
            config.attributes["connection"] = conn
            command.downgrade(config, "0002")
        with engine.connect() as conn:
            assert conn.execute(text("SELECT id FROM comments")).scalars().all() == ["d-1"]
    finally:
        engine.dispose()


def test_upgrade_from_0002_keeps_reviewers_who_then_log_in_with_version_0(database_url):
    from service import reviews

    engine = db.make_engine(database_url)
    try:
        db.upgrade(engine, "0002")
        with engine.begin() as conn:
            conn.execute(
                text(
                    "INSERT INTO reviewers (username, password_hash, created_at) "
                    "VALUES ('alice', :hash, :at)"
                ),
                {
                    "hash": reviews.generate_password_hash("a long password", method="scrypt"),
                    "at": datetime(2026, 1, 2, tzinfo=UTC),
                },
            )
        db.upgrade(engine)
        with engine.begin() as conn:
            alice = reviews.authenticate(conn, "alice", "a long password")
            assert alice is not None and alice.session_version == 0
            reviews.end_sessions(conn, alice.id)
            assert reviews.get_reviewer(conn, alice.id).session_version == 1
            assert conn.execute(text("SELECT count(*) FROM login_failures")).scalar() == 0
        config = db.alembic_config()
        with engine.begin() as conn:  # and back down
            config.attributes["connection"] = conn
            command.downgrade(config, "0002")
        with engine.connect() as conn:
            assert conn.execute(text("SELECT username FROM reviewers")).scalar() == "alice"
            columns = {c["name"] for c in inspect(conn).get_columns("reviewers")}
            assert "session_version" not in columns
            assert not inspect(conn).has_table("login_failures")
    finally:
        engine.dispose()


def test_upgrade_to_article_url_keeps_comments_without_an_address_and_goes_back(database_url):
    from service.domain import Article, CommentIn, Decision, Status, Verdict

    engine = db.make_engine(database_url)
    try:
        db.upgrade(engine, "0004")
        with engine.begin() as conn:
            conn.execute(
                text(
                    "INSERT INTO comments (id, external_id, text, text_sha256, client, "
                    "article_title, received_at) VALUES ('u-1', 'u-1', 't', :sha, 'cms', 'T', :at)"
                ),
                {"sha": store.text_hash("t"), "at": datetime(2026, 1, 2, tzinfo=UTC)},
            )
        db.upgrade(engine)
        url = "https://news.example/" + "ئ" * 1979  # the column holds 2,000 characters
        approved = Decision(Verdict.APPROVE, Status.FINAL, (), ())
        with engine.begin() as conn:
            store.add_comment(
                conn, "u-2", CommentIn("t", article=Article("a", url=url)), approved, "cms"
            )
        with engine.connect() as conn:
            assert store.get_comment(conn, "u-1").article_url is None
            assert store.get_comment(conn, "u-1").article_title == "T"
            assert store.get_comment(conn, "u-2").article_url == url
        config = db.alembic_config()
        with engine.begin() as conn:
            config.attributes["connection"] = conn
            command.downgrade(config, "0004")
        with engine.connect() as conn:
            assert "article_url" not in {c["name"] for c in inspect(conn).get_columns("comments")}
            assert conn.execute(text("SELECT count(*) FROM comments")).scalar() == 2
    finally:
        engine.dispose()


def test_upgrade_from_0005_gives_old_decisions_their_one_language(database_url):
    engine = db.make_engine(database_url)
    try:
        db.upgrade(engine, "0005")
        at = datetime(2026, 1, 2, tzinfo=UTC)
        with engine.begin() as conn:
            conn.execute(
                text(
                    "INSERT INTO comments (id, external_id, text, text_sha256, received_at) "
                    "VALUES ('a', 'a', 'text', :sha, :at)"
                ),
                {"sha": store.text_hash("text"), "at": at},
            )
            for language in ("fa", "und", None):
                conn.execute(
                    text(
                        "INSERT INTO decisions (comment_id, verdict, status, categories, reasons, "
                        "scores, language, model_version, policy_version, source, created_at) "
                        "VALUES ('a', 'reject', 'in_review', '[]', '[]', '{}', :language, "
                        "'none', 'p1', 'service', :at)"
                    ),
                    {"language": language, "at": at},
                )
        db.upgrade(engine)
        with engine.connect() as conn:
            history = store.get_comment(conn, "a").decisions
        assert [(d.language, d.languages) for d in history] == [
            ("fa", ["fa"]),
            ("und", []),
            (None, []),
        ]
        config = db.alembic_config()  # and back: the column goes, the rows stay
        with engine.begin() as conn:
            config.attributes["connection"] = conn
            command.downgrade(config, "0005")
        assert "languages" not in {c["name"] for c in inspect(engine).get_columns("decisions")}
        with engine.connect() as conn:
            assert conn.execute(text("SELECT count(*) FROM decisions")).scalar() == 3
    finally:
        engine.dispose()
