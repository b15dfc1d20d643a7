"""Backups: every comment with its whole decision history, as JSON lines, and back.

`export_lines` streams comments in id order, each with its decisions oldest first, from
any database the service runs on; `import_lines` loads such a file into another, keeping
texts byte for byte and times, sources and actors as they were. A digest over the
content (not over database row ids) shows that a round trip lost nothing.

Version 2 records carry `external_id` (the client's id, migration 0003); a version 1 file
still imports, each comment's id being its client's id, as migration 0003 does.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import Connection, Engine, insert, select
from sqlalchemy.exc import IntegrityError

from service.store import as_utc, comments, decisions

FORMAT = "moderation-export"
# 2: comments.external_id (migration 0003); 3: comments.article_url (migration article_url)
VERSION = 3
READABLE = (1, 2, 3)
_COMMENT_FIELDS = [c.name for c in comments.columns]
_DECISION_FIELDS = [c.name for c in decisions.columns if c.name not in ("id", "comment_id")]
# Decision columns newer than some exports: absent in a record, they are stored as NULL.
_LATER_DECISION_FIELDS = {"languages"}
_TIMES = {"received_at", "decided_at", "created_at"}


def _plain(row: dict) -> dict:
    return {k: (as_utc(v).isoformat() if isinstance(v, datetime) else v) for k, v in row.items()}


def _decision_fields(record: dict) -> dict:
    """A decision's columns from an exported record; KeyError if one is missing."""
    return {
        k: record.get(k) if k in _LATER_DECISION_FIELDS else record[k] for k in _DECISION_FIELDS
    }


def _stream(engine: Engine, query) -> Iterator[dict]:
    with engine.connect() as conn:
        result = conn.execution_options(stream_results=True, yield_per=1000).execute(query)
        try:
            for row in result.mappings():
                yield dict(row)
        finally:
            result.close()


def export_lines(engine: Engine) -> Iterator[dict]:
    """The header, then one object per comment with `decisions`, in comment id order."""
    yield {"format": FORMAT, "version": VERSION}
    history = _stream(engine, select(decisions).order_by(decisions.c.comment_id, decisions.c.id))
    pending = next(history, None)
    for comment in _stream(engine, select(comments).order_by(comments.c.id)):
        own = []
        while pending is not None and pending["comment_id"] == comment["id"]:
            own.append({k: pending[k] for k in _DECISION_FIELDS})
            pending = next(history, None)
        yield {**_plain(comment), "decisions": [_plain(d) for d in own]}


@dataclass
class Tally:
    """Counts and a content digest, the same for an export and its re-import's export."""

    comments: int = 0
    decisions: int = 0
    skipped: int = 0
    _digest: object = field(default_factory=hashlib.sha256)

    def add(self, record: dict) -> None:
        self.comments += 1
        self.decisions += len(record["decisions"])
        self._digest.update(json.dumps(record, sort_keys=True, ensure_ascii=False).encode())
        self._digest.update(b"\n")

    @property
    def sha256(self) -> str:
        return self._digest.hexdigest()


class BackupError(ValueError):
    """The file is not an export this version can read; the message says where."""


def _parsed(record: dict) -> dict:
    return {
        k: (datetime.fromisoformat(v) if k in _TIMES and isinstance(v, str) else v)
        for k, v in record.items()
    }


def import_lines(conn: Connection, lines: Iterable[str]) -> Tally:
    """Load an export; comments already present with the same text are skipped."""
    tally = Tally()
    records = iter(lines)
    try:
        header = json.loads(next(records))
    except (StopIteration, json.JSONDecodeError) as exc:
        raise BackupError("line 1: not an export header") from exc
    if header.get("format") != FORMAT or header.get("version") not in READABLE:
        raise BackupError(f"line 1: expected {FORMAT} version {READABLE}, found {header}")
    for number, line in enumerate(records, 2):
        try:
            record = json.loads(line)
            if header["version"] == 1:
                record = {**record, "external_id": record["id"]}
            if header["version"] < 3:  # from before article addresses were stored
                record = {"article_url": None, **record}
            comment = {k: record[k] for k in _COMMENT_FIELDS}
            history = [_decision_fields(d) for d in record["decisions"]]
        except (json.JSONDecodeError, KeyError, TypeError) as exc:
            raise BackupError(f"line {number}: not a comment record ({exc})") from exc
        found = conn.execute(
            select(comments.c.text_sha256).where(comments.c.id == comment["id"])
        ).scalar_one_or_none()
        if found is not None:
            if found != comment["text_sha256"]:
                raise BackupError(f"line {number}: comment {comment['id']} exists with other text")
            tally.skipped += 1
            continue
        try:  # the import is one transaction: a refused row leaves the database as it was
            conn.execute(insert(comments), _parsed(comment))
        except IntegrityError as exc:
            raise BackupError(
                f"line {number}: client {comment['client']} already has another comment "
                f"with id {comment['external_id']}"
            ) from exc
        if history:
            conn.execute(
                insert(decisions),
                [{**_parsed(d), "comment_id": comment["id"]} for d in history],
            )
        tally.add(record)
    return tally
