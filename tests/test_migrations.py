"""Schema upgrades keep every row: a database made by an earlier revision is upgraded."""

from datetime import UTC, datetime

from sqlalchemy import text

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
