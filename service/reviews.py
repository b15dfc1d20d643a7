"""SQL for the reviewer side: accounts, the review queue, decision history, labels."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection, delete, func, insert, select, update
from werkzeug.security import check_password_hash, generate_password_hash

from service.store import (
    UNDO_SOURCE,
    as_utc,
    comments,
    decisions,
    login_failures,
    now,
    reviewers,
)

IN_REVIEW = "in_review"
# Compared against when a username is unknown, so a failed login takes as long either way.
_DUMMY_HASH = generate_password_hash("not a password", method="scrypt")


@dataclass(frozen=True)
class Reviewer:
    id: int
    username: str
    # the account's session version: a session made under another one has been ended
    session_version: int = 0


@dataclass(frozen=True)
class ReviewerAccount:
    """A reviewer as `moderation reviewers list` shows it."""

    username: str
    enabled: bool
    created_at: datetime


@dataclass(frozen=True)
class QueueItem:
    """A comment waiting for a human, with the evidence of the decision that sent it."""

    id: str
    text: str
    article_id: str | None
    article_title: str | None
    article_url: str | None
    author_name: str | None
    received_at: datetime
    language: str | None
    categories: list[str]
    reasons: list[dict]
    scores: dict[str, float]
    model_version: str
    policy_version: str


@dataclass(frozen=True)
class HistoryRow:
    comment_id: str
    text: str
    verdict: str
    status: str
    categories: list[str]
    source: str
    actor: str | None
    created_at: datetime


def add_reviewer(conn: Connection, username: str, password: str) -> None:
    """Create an account; the password is stored as a salted scrypt hash."""
    conn.execute(
        insert(reviewers).values(
            username=username,
            password_hash=generate_password_hash(password, method="scrypt"),
            created_at=now(),
        )
    )


def set_password(conn: Connection, username: str, password: str) -> bool:
    """Replace a reviewer's password and end their sessions; False if there is no such reviewer."""
    result = conn.execute(
        update(reviewers)
        .where(reviewers.c.username == username)
        .values(
            password_hash=generate_password_hash(password, method="scrypt"),
            session_version=reviewers.c.session_version + 1,
        )
    )
    return result.rowcount == 1


def set_enabled(conn: Connection, username: str, enabled: bool) -> bool:
    """Enable or disable an account; disabling ends its sessions. False if no such reviewer."""
    values = (
        {"disabled_at": None}
        if enabled
        else {"disabled_at": now(), "session_version": reviewers.c.session_version + 1}
    )
    where = [reviewers.c.username == username]
    if not enabled:
        where.append(reviewers.c.disabled_at.is_(None))  # keep the first disabling date
    result = conn.execute(update(reviewers).where(*where).values(**values))
    if result.rowcount == 1:
        return True
    return (
        conn.execute(select(reviewers.c.id).where(reviewers.c.username == username)).first()
        is not None
    )


def end_sessions(conn: Connection, reviewer_id: int) -> None:
    """End every session of this reviewer (on every device) by bumping the session version."""
    conn.execute(
        update(reviewers)
        .where(reviewers.c.id == reviewer_id)
        .values(session_version=reviewers.c.session_version + 1)
    )


def list_reviewers(conn: Connection) -> list[ReviewerAccount]:
    """Every account, by name."""
    rows = conn.execute(
        select(reviewers.c.username, reviewers.c.disabled_at, reviewers.c.created_at).order_by(
            reviewers.c.username
        )
    ).all()
    return [ReviewerAccount(r.username, r.disabled_at is None, as_utc(r.created_at)) for r in rows]


def authenticate(conn: Connection, username: str, password: str) -> Reviewer | None:
    """The active reviewer with this username and password, or None."""
    row = conn.execute(
        select(
            reviewers.c.id,
            reviewers.c.username,
            reviewers.c.password_hash,
            reviewers.c.session_version,
        ).where(reviewers.c.username == username, reviewers.c.disabled_at.is_(None))
    ).first()
    if row is None:
        check_password_hash(_DUMMY_HASH, password)
        return None
    if not check_password_hash(row.password_hash, password):
        return None
    return Reviewer(row.id, row.username, row.session_version)


def get_reviewer(conn: Connection, reviewer_id: int) -> Reviewer | None:
    """An active reviewer by id, with the session version a live session must carry."""
    row = conn.execute(
        select(reviewers.c.id, reviewers.c.username, reviewers.c.session_version).where(
            reviewers.c.id == reviewer_id, reviewers.c.disabled_at.is_(None)
        )
    ).first()
    return Reviewer(row.id, row.username, row.session_version) if row else None


def record_login_failure(
    conn: Connection, keys: tuple[str, ...], at: datetime, prune_before: datetime
) -> None:
    """Count one failed login against each key, and drop the rows no window still needs."""
    conn.execute(insert(login_failures), [{"key": key, "at": at} for key in keys])
    conn.execute(delete(login_failures).where(login_failures.c.at < prune_before))


def recent_login_failures(
    conn: Connection, key: str, since: datetime, limit: int
) -> list[datetime]:
    """When this key's failed logins after `since` happened, newest first, at most `limit`."""
    rows = conn.execute(
        select(login_failures.c.at)
        .where(login_failures.c.key == key, login_failures.c.at > since)
        .order_by(login_failures.c.at.desc())
        .limit(limit)
    ).all()
    return [as_utc(r.at) for r in rows]


def _category_filter(category: str | None):
    # categories are stored as a JSON list of ids, e.g. ["abuse", "threat"]
    return comments.c.categories.like(f'%"{category}"%') if category else None


def _queue_conditions(category: str | None, language: str | None) -> list:
    conditions = [comments.c.status == IN_REVIEW]
    if category:
        conditions.append(_category_filter(category))
    if language:
        conditions.append(comments.c.language == language)
    return conditions


def queue_page(
    conn: Connection,
    category: str | None = None,
    language: str | None = None,
    offset: int = 0,
    limit: int = 20,
) -> tuple[list[QueueItem], int]:
    """Comments in review, oldest first, with the total matching the filters."""
    conditions = _queue_conditions(category, language)
    total = conn.execute(select(func.count()).select_from(comments).where(*conditions)).scalar()
    earlier = decisions.alias("earlier")
    latest = (
        select(func.max(earlier.c.id))
        .where(earlier.c.comment_id == comments.c.id)
        .correlate(comments)
        .scalar_subquery()
    )
    rows = conn.execute(
        select(
            comments.c.id,
            comments.c.text,
            comments.c.article_id,
            comments.c.article_title,
            comments.c.article_url,
            comments.c.author_name,
            comments.c.received_at,
            comments.c.language,
            comments.c.categories,
            decisions.c.reasons,
            decisions.c.scores,
            decisions.c.model_version,
            decisions.c.policy_version,
        )
        .select_from(comments.join(decisions, decisions.c.id == latest))
        .where(*conditions)
        .order_by(comments.c.received_at, comments.c.id)
        .offset(offset)
        .limit(limit)
    ).all()
    items = [
        QueueItem(
            id=r.id,
            text=r.text,
            article_id=r.article_id,
            article_title=r.article_title,
            article_url=r.article_url,
            author_name=r.author_name,
            received_at=as_utc(r.received_at),
            language=r.language,
            categories=json.loads(r.categories or "[]"),
            reasons=json.loads(r.reasons),
            scores=json.loads(r.scores),
            model_version=r.model_version,
            policy_version=r.policy_version,
        )
        for r in rows
    ]
    return items, int(total)


def queue_counts(conn: Connection, language: str | None = None) -> tuple[Counter, int, list[str]]:
    """Comments in review per category, the total, and the languages present."""
    rows = conn.execute(
        select(comments.c.categories, comments.c.language).where(comments.c.status == IN_REVIEW)
    ).all()
    counts: Counter = Counter()
    languages = sorted({r.language for r in rows if r.language})
    total = 0
    for r in rows:
        if language and r.language != language:
            continue
        total += 1
        counts.update(json.loads(r.categories or "[]"))
    return counts, total, languages


def latest_decision(conn: Connection, comment_id: str) -> dict | None:
    """The decision in force, as stored (for building a reviewer's decision from it)."""
    row = (
        conn.execute(
            select(decisions)
            .where(decisions.c.comment_id == comment_id)
            .order_by(decisions.c.id.desc())
            .limit(1)
        )
        .mappings()
        .first()
    )
    return dict(row) if row else None


def decision_by_id(conn: Connection, decision_id: int) -> dict | None:
    """One stored decision row, as stored."""
    row = conn.execute(select(decisions).where(decisions.c.id == decision_id)).mappings().first()
    return dict(row) if row else None


def decision_before(conn: Connection, comment_id: str, decision_id: int) -> dict | None:
    """The decision that was in force just before `decision_id`, as stored."""
    row = (
        conn.execute(
            select(decisions)
            .where(decisions.c.comment_id == comment_id, decisions.c.id < decision_id)
            .order_by(decisions.c.id.desc())
            .limit(1)
        )
        .mappings()
        .first()
    )
    return dict(row) if row else None


def history_page(
    conn: Connection,
    source: str | None = None,
    verdict: str | None = None,
    actor: str | None = None,
    offset: int = 0,
    limit: int = 50,
) -> tuple[list[HistoryRow], int]:
    """Recent decisions, newest first, machine and human, with filters."""
    conditions = []
    people = ("reviewer", UNDO_SOURCE)  # an undo is a reviewer's act too
    if source == "human":
        conditions.append(decisions.c.source.in_(people))
    elif source == "machine":
        conditions.append(decisions.c.source.not_in(people))
    if verdict:
        conditions.append(decisions.c.verdict == verdict)
    if actor:
        conditions.append(decisions.c.actor == actor)
    total = conn.execute(select(func.count()).select_from(decisions).where(*conditions)).scalar()
    rows = conn.execute(
        select(
            decisions.c.comment_id,
            comments.c.text,
            decisions.c.verdict,
            decisions.c.status,
            decisions.c.categories,
            decisions.c.source,
            decisions.c.actor,
            decisions.c.created_at,
        )
        .join(comments, comments.c.id == decisions.c.comment_id)
        .where(*conditions)
        .order_by(decisions.c.id.desc())
        .offset(offset)
        .limit(limit)
    ).all()
    return [
        HistoryRow(
            comment_id=r.comment_id,
            text=r.text,
            verdict=r.verdict,
            status=r.status,
            categories=json.loads(r.categories),
            source=r.source,
            actor=r.actor,
            created_at=as_utc(r.created_at),
        )
        for r in rows
    ], int(total)


def reviewer_labels(conn: Connection) -> Iterator[dict]:
    """Every reviewer decision as a labelled example, oldest first; an undone one is not."""
    # an undo is the decision right after the one it takes back
    following = (
        func.lead(decisions.c.source)
        .over(partition_by=decisions.c.comment_id, order_by=decisions.c.id)
        .label("next_source")
    )
    history = select(decisions, following).subquery()
    rows = conn.execute(
        select(
            history.c.id,
            history.c.comment_id,
            comments.c.text,
            comments.c.article_id,
            history.c.verdict,
            history.c.categories,
            history.c.actor,
            history.c.created_at,
            history.c.model_version,
            history.c.policy_version,
        )
        .join(comments, comments.c.id == history.c.comment_id)
        .where(
            history.c.source == "reviewer",
            (history.c.next_source.is_(None)) | (history.c.next_source != UNDO_SOURCE),
        )
        .order_by(history.c.id)
    )
    for r in rows:
        yield {
            "id": r.comment_id,
            "text": r.text,
            "article_id": r.article_id,
            "label": r.verdict,
            "categories": json.loads(r.categories),
            "reviewer": r.actor,
            "decided_at": as_utc(r.created_at).isoformat(),
            "model_version": r.model_version,
            "policy_version": r.policy_version,
        }
