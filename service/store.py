"""The only module with SQL: comments, their append-only decisions, and API keys.

A comment has two ids. `comments.id` is the service's own key: decisions, the reviewer
pages, re-scoring and backups address a comment by it. `external_id` is the id its client
(`client`, the API key's name) sent, unique per client: two clients may both send `c-1`.
The key is the client's id when no other comment holds it yet (so one CMS sees its own
ids everywhere, and rows older than migration 0003 kept theirs), else a generated one.
"""

from __future__ import annotations

import hashlib
import json
import secrets
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import (
    Column,
    Connection,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    bindparam,
    func,
    insert,
    select,
    update,
)

from service.domain import CommentIn, Decision

metadata = MetaData()

comments = Table(
    "comments",
    metadata,
    Column("id", String(128), primary_key=True),
    # the client's own id (migration 0003); unique with `client`
    Column("external_id", String(128)),
    Column("text", Text, nullable=False),
    Column("text_sha256", String(64), nullable=False),
    Column("author_name", Text),
    Column("author_email", Text),
    Column("article_id", String(128)),
    Column("article_title", Text),
    # the article's http(s) address, when the CMS sent one (migration article_url)
    Column("article_url", String(2000)),
    Column("article_text", Text),
    Column("client", String(100)),
    Column("received_at", DateTime(timezone=True), nullable=False),
    # the state of the latest decision, for the review queue (migration 0002)
    Column("verdict", String(16)),
    Column("status", String(16)),
    Column("categories", Text),
    Column("language", String(16)),
    Column("decided_at", DateTime(timezone=True)),
    Index("ux_comments_client_external_id", "client", "external_id", unique=True),
)

decisions = Table(
    "decisions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("comment_id", String(128), ForeignKey("comments.id"), nullable=False),
    Column("verdict", String(16), nullable=False),
    Column("status", String(16), nullable=False),
    Column("categories", Text, nullable=False),
    Column("reasons", Text, nullable=False),
    Column("scores", Text, nullable=False),
    Column("language", String(16)),
    # every language present, main one first: a JSON list (migration `languages`)
    Column("languages", Text),
    Column("model_version", String(64), nullable=False),
    Column("policy_version", String(64), nullable=False),
    Column("source", String(16), nullable=False),
    Column("actor", String(100)),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

api_keys = Table(
    "api_keys",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name", String(100), nullable=False),
    Column("key_hash", String(64), nullable=False, unique=True),
    Column("prefix", String(16), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("revoked_at", DateTime(timezone=True)),
)

reviewers = Table(
    "reviewers",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("username", String(100), nullable=False, unique=True),
    Column("password_hash", Text, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("disabled_at", DateTime(timezone=True)),
    # bumped by logout, a new password and disabling: ends every session (migration 0004)
    Column("session_version", Integer, nullable=False, server_default="0"),
)

# One row per failed reviewer login and key ("ip:..." or "user:..."), for the login limit
# shared by every worker when there is no Redis (migration 0004).
login_failures = Table(
    "login_failures",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("key", String(160), nullable=False),
    Column("at", DateTime(timezone=True), nullable=False),
    Index("ix_login_failures_key_at", "key", "at"),
    Index("ix_login_failures_at", "at"),
)

KEY_PREFIX = "mod_"
# Statements built once: rebuilding `insert(...).values(...)` per request costs more than
# the write itself on SQLite.
_INSERT_COMMENT = insert(comments)
_INSERT_DECISION = insert(decisions)
_COMMENT_HASH = select(comments.c.text_sha256).where(
    comments.c.client == bindparam("client"), comments.c.external_id == bindparam("external_id")
)
_KEY_TAKEN = select(comments.c.id).where(comments.c.id == bindparam("comment_id"))
_KEY_CLIENT = select(api_keys.c.name).where(
    api_keys.c.key_hash == bindparam("key_hash"), api_keys.c.revoked_at.is_(None)
)


def now() -> datetime:
    return datetime.now(UTC)


def text_hash(text: str) -> str:
    """SHA-256 of the text's UTF-8 bytes: how a resubmission is recognised."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class StoredDecision:
    verdict: str
    status: str
    categories: list[str]
    reasons: list[dict]
    scores: dict[str, float]
    language: str | None
    languages: list[str]
    model_version: str
    policy_version: str
    source: str
    actor: str | None
    created_at: datetime

    def to_json(self) -> dict:
        """The decision as the API reports it."""
        return {
            "decision": self.verdict,
            "status": self.status,
            "categories": self.categories,
            "reasons": self.reasons,
            "scores": self.scores,
            "language": self.language,
            "languages": self.languages,
            "model_version": self.model_version,
            "policy_version": self.policy_version,
            "source": self.source,
            "actor": self.actor,
            "created_at": self.created_at.isoformat(),
        }


@dataclass(frozen=True)
class StoredComment:
    id: str
    external_id: str | None
    text: str
    text_sha256: str
    author_name: str | None
    author_email: str | None
    article_id: str | None
    article_title: str | None
    article_url: str | None
    client: str | None
    received_at: datetime
    decisions: list[StoredDecision]

    @property
    def current(self) -> StoredDecision:
        """The latest decision, which is the one in force."""
        return self.decisions[-1]


def as_utc(value: datetime) -> datetime:
    # SQLite returns naive datetimes; everything is stored in UTC.
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def _decision_row(comment_id: str, decision: Decision, source: str, actor: str | None) -> dict:
    return {
        "comment_id": comment_id,
        "verdict": decision.verdict.value,
        "status": decision.status.value,
        "categories": json.dumps([c.value for c in decision.categories]),
        "reasons": json.dumps([r.to_json() for r in decision.reasons], ensure_ascii=False),
        "scores": json.dumps(decision.scores),
        "language": decision.language,
        "languages": json.dumps(list(decision.languages)),
        "model_version": decision.model_version,
        "policy_version": decision.policy_version,
        "source": source,
        "actor": actor,
        "created_at": now(),
    }


def add_comment(
    conn: Connection, external_id: str, comment: CommentIn, decision: Decision, client: str | None
) -> str:
    """Insert a new comment and its first decision; returns its key.

    IntegrityError if this client already has a comment with this id, or if another
    comment took the same key at the same moment (then a retry gets another key).
    """
    taken = conn.execute(_KEY_TAKEN, {"comment_id": external_id}).first() is not None
    comment_id = uuid.uuid4().hex if taken else external_id
    author, article = comment.author, comment.article
    row = _decision_row(comment_id, decision, "service", None)
    conn.execute(
        _INSERT_COMMENT,
        {
            **_current_state(row),
            "id": comment_id,
            "external_id": external_id,
            "text": comment.text,
            "text_sha256": text_hash(comment.text),
            "author_name": author.name if author else None,
            "author_email": author.email if author else None,
            "article_id": article.id if article else None,
            "article_title": article.title if article else None,
            "article_url": article.url if article else None,
            "article_text": article.text if article else None,
            "client": client,
            "received_at": row["created_at"],
        },
    )
    conn.execute(_INSERT_DECISION, row)
    return comment_id


def _current_state(row: dict) -> dict:
    """The comment columns that mirror its latest decision."""
    return {
        "verdict": row["verdict"],
        "status": row["status"],
        "categories": row["categories"],
        "language": row["language"],
        "decided_at": row["created_at"],
    }


def append_decision(
    conn: Connection, comment_id: str, decision: Decision, source: str, actor: str | None = None
) -> None:
    """Append a decision to a comment's history and make it the one in force."""
    row = _decision_row(comment_id, decision, source, actor)
    conn.execute(update(comments).where(comments.c.id == comment_id).values(_current_state(row)))
    conn.execute(_INSERT_DECISION, row)


def decide_in_review(
    conn: Connection, comment_id: str, decision: Decision, source: str, actor: str
) -> bool:
    """Append `decision` only if the comment is still in review; False if it is not.

    The comment is claimed by a conditional UPDATE, so of two reviewers deciding at once
    (any database, any number of workers) exactly one succeeds.
    """
    row = _decision_row(comment_id, decision, source, actor)
    claimed = conn.execute(
        update(comments)
        .where(comments.c.id == comment_id, comments.c.status == "in_review")
        .values(_current_state(row))
    ).rowcount
    if claimed != 1:
        return False
    conn.execute(_INSERT_DECISION, row)
    return True


UNDO_SOURCE = "undo"


def return_to_review(conn: Connection, undone: dict, settled: dict, actor: str) -> bool:
    """Undo the reviewer decision `undone` by appending a copy of `settled`, the in-review
    decision it settled, made by `actor`; False if `undone` is no longer the one in force.

    Nothing is deleted or rewritten: the history gains a row (source `undo`) and the
    comment is back in the queue with the machine's evidence and provisional verdict. The
    claim is a conditional UPDATE on the state `undone` left, so a second undo, or any
    decision appended since, makes this one a no-op.
    """
    row = {
        **{k: settled[k] for k in _COPIED},
        "comment_id": undone["comment_id"],
        "source": UNDO_SOURCE,
        "actor": actor,
        "created_at": now(),
    }
    claimed = conn.execute(
        update(comments)
        .where(
            comments.c.id == undone["comment_id"],
            comments.c.status == "final",
            comments.c.decided_at == undone["created_at"],
        )
        .values(_current_state(row))
    ).rowcount
    if claimed != 1:
        return False
    conn.execute(_INSERT_DECISION, row)
    return True


# The columns an undo copies from the decision it restores.
_COPIED = (
    "verdict",
    "status",
    "categories",
    "reasons",
    "scores",
    "language",
    "model_version",
    "policy_version",
)


def comment_hash(conn: Connection, client: str, external_id: str) -> str | None:
    """The stored text hash of this client's comment with this id, or None."""
    return conn.execute(
        _COMMENT_HASH, {"client": client, "external_id": external_id}
    ).scalar_one_or_none()


def get_comment(conn: Connection, comment_id: str) -> StoredComment | None:
    """A comment by its key, with its whole decision history, oldest first."""
    return _with_history(conn, select(comments).where(comments.c.id == comment_id))


def find_comment(conn: Connection, client: str, external_id: str) -> StoredComment | None:
    """This client's comment with this id (never another client's), with its history."""
    return _with_history(
        conn,
        select(comments).where(comments.c.client == client, comments.c.external_id == external_id),
    )


def _with_history(conn: Connection, query) -> StoredComment | None:
    row = conn.execute(query).mappings().first()
    if row is None:
        return None
    comment_id = row["id"]
    history = conn.execute(
        select(decisions).where(decisions.c.comment_id == comment_id).order_by(decisions.c.id)
    ).mappings()
    return StoredComment(
        id=row["id"],
        external_id=row["external_id"],
        text=row["text"],
        text_sha256=row["text_sha256"],
        author_name=row["author_name"],
        author_email=row["author_email"],
        article_id=row["article_id"],
        article_title=row["article_title"],
        article_url=row["article_url"],
        client=row["client"],
        received_at=as_utc(row["received_at"]),
        decisions=[
            StoredDecision(
                verdict=d["verdict"],
                status=d["status"],
                categories=json.loads(d["categories"]),
                reasons=json.loads(d["reasons"]),
                scores=json.loads(d["scores"]),
                language=d["language"],
                languages=stored_languages(d["languages"], d["language"]),
                model_version=d["model_version"],
                policy_version=d["policy_version"],
                source=d["source"],
                actor=d["actor"],
                created_at=as_utc(d["created_at"]),
            )
            for d in history
        ],
    )


def stored_languages(stored: str | None, language: str | None) -> list[str]:
    """The stored list; for a row written without one (an old backup), its one language."""
    if stored is not None:
        return json.loads(stored)
    return [language] if language and language != "und" else []


def comment_filters(
    since: datetime | None = None, until: datetime | None = None, status: str | None = None
) -> list:
    """Conditions on comments: received in [since, until), with this current status."""
    conditions = []
    if since:
        conditions.append(comments.c.received_at >= since)
    if until:
        conditions.append(comments.c.received_at < until)
    if status:
        conditions.append(comments.c.status == status)
    return conditions


def count_comments(
    conn: Connection,
    since: datetime | None = None,
    until: datetime | None = None,
    status: str | None = None,
) -> int:
    """How many stored comments match the re-scoring filters."""
    query = select(func.count()).select_from(comments)
    return int(conn.execute(query.where(*comment_filters(since, until, status))).scalar())


def _key_hash(key: str) -> str:
    # Keys are 256-bit random tokens, so a plain SHA-256 cannot be brute-forced.
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def create_key(conn: Connection, name: str) -> str:
    """Create an API key for a client; only its hash is stored. Returns the key once."""
    key = KEY_PREFIX + secrets.token_urlsafe(32)
    conn.execute(
        insert(api_keys).values(
            name=name, key_hash=_key_hash(key), prefix=key[:12], created_at=now()
        )
    )
    return key


def client_for_key(conn: Connection, key: str) -> str | None:
    """The client name for a valid, unrevoked key; None otherwise."""
    return conn.execute(_KEY_CLIENT, {"key_hash": _key_hash(key)}).scalar_one_or_none()


def revoke_keys(conn: Connection, name_or_prefix: str) -> int:
    """Revoke every active key with this client name or key prefix; returns how many."""
    result = conn.execute(
        update(api_keys)
        .where(
            (api_keys.c.name == name_or_prefix) | (api_keys.c.prefix == name_or_prefix),
            api_keys.c.revoked_at.is_(None),
        )
        .values(revoked_at=now())
    )
    return result.rowcount


def list_keys(conn: Connection) -> list[dict]:
    """Every key's name, prefix and dates (never the key)."""
    rows = conn.execute(select(api_keys).order_by(api_keys.c.id)).mappings()
    return [
        {
            "name": r["name"],
            "prefix": r["prefix"],
            "created_at": as_utc(r["created_at"]).isoformat(),
            "revoked_at": as_utc(r["revoked_at"]).isoformat() if r["revoked_at"] else None,
        }
        for r in rows
    ]
