"""Comments for batch re-scoring, streamed one at a time: JSONL or CSV files (gzip too),
or the service's database. Bad rows come out as `BadRow`s with their line numbers."""

from __future__ import annotations

import csv
import gzip
import io
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import Engine, select

from service.store import comment_filters, comments, decisions

# Decisions the machine made, as opposed to a reviewer's.
MACHINE_SOURCES = ("service", "rescore")
REVIEWER_SOURCE = "reviewer"

# Bytes that were not UTF-8 come back from `surrogateescape` decoding as lone surrogates.
_UNDECODABLE = re.compile("[\udc80-\udcff]")


@dataclass(frozen=True)
class InputRow:
    line: int  # line (file) or position (database), from 1
    id: str
    text: str
    article_id: str | None = None
    current: str | None = None  # the machine's decision in force (approve/reject), if known
    current_categories: tuple[str, ...] = ()
    current_status: str | None = None  # the machine's status (final/in_review), if known
    reviewed: str | None = None  # the reviewer's verdict, where a person decided last
    current_versions: tuple[str, str] | None = None  # (model, policy) of the machine's decision


@dataclass(frozen=True)
class BadRow:
    line: int
    reason: str


@dataclass(frozen=True)
class BlankRow:
    line: int  # an empty line: nothing to score, counted apart from bad rows


Row = InputRow | BadRow | BlankRow


NO_TEXT_FIELD = "no 'text' field"
EMPTY_TEXT = "the text is empty or not a string"
BAD_UTF8_TEXT = "text is not valid UTF-8"
_HAS_TEXT = frozenset({EMPTY_TEXT, BAD_UTF8_TEXT})


class MissingText(ValueError):
    """The input has no `text` to score at all (a CSV header or JSONL objects without it)."""


def _open_lines(path: Path) -> Iterator[str]:
    """Lines of a (possibly gzipped) file; undecodable bytes kept as lone surrogates."""
    raw = gzip.open(path, "rb") if path.suffix == ".gz" else path.open("rb")
    with raw, io.TextIOWrapper(raw, encoding="utf-8", errors="surrogateescape", newline="") as f:
        yield from f


def file_format(path: Path) -> str:
    """`jsonl` or `csv`, from the name (`.jsonl`, `.json`, `.ndjson`, `.csv`, each maybe `.gz`)."""
    suffixes = [s.lower() for s in path.suffixes if s.lower() != ".gz"]
    kind = suffixes[-1] if suffixes else ""
    if kind in (".jsonl", ".ndjson", ".json"):
        return "jsonl"
    if kind == ".csv":
        return "csv"
    raise ValueError(f"{path.name}: name it .jsonl or .csv (optionally .gz)")


def _row(line: int, record: dict) -> Row:
    if record.get("text") is None:
        return BadRow(line, NO_TEXT_FIELD)
    text = record["text"]
    if not isinstance(text, str) or not text.strip():
        return BadRow(line, EMPTY_TEXT)
    if _UNDECODABLE.search(text):
        return BadRow(line, BAD_UTF8_TEXT)
    raw_id = record.get("id")
    article = record.get("article_id")
    current = record.get("decision")
    categories = record.get("categories")
    if isinstance(categories, str):  # CSV: "abuse,threat"
        categories = [c for c in categories.split(",") if c]
    return InputRow(
        line=line,
        id=str(raw_id) if raw_id not in (None, "") else str(line),
        text=text,
        article_id=str(article) if article not in (None, "") else None,
        current=current if current in ("approve", "reject") else None,
        current_categories=tuple(categories) if isinstance(categories, list) else (),
    )


def read_jsonl(path: Path) -> Iterator[Row]:
    for number, line in enumerate(_open_lines(path), 1):
        if not line.strip():
            yield BlankRow(number)
            continue
        if _UNDECODABLE.search(line):
            yield BadRow(number, "line is not valid UTF-8")
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield BadRow(number, f"not valid JSON ({exc.msg})")
            continue
        yield _row(number, record) if isinstance(record, dict) else BadRow(number, "not an object")


def read_csv(path: Path) -> Iterator[Row]:
    # csv.reader, not DictReader: DictReader skips blank lines without saying so.
    reader = csv.reader(_open_lines(path))
    header = next(reader, None)
    if header is None or "text" not in header:
        yield BadRow(1, "the CSV header has no 'text' column")
        return
    while True:
        try:
            record = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield BadRow(reader.line_num, f"not valid CSV ({exc})")
            return  # the reader cannot resynchronise after a broken quote
        if not record:
            yield BlankRow(reader.line_num)
            continue
        yield _row(reader.line_num, dict(zip(header, record, strict=False)))


def check_has_text(path: Path, sample: int = 100) -> None:
    """Raise MissingText if a CSV header has no `text` column, or if none of the first
    `sample` JSONL objects has a `text` field: the whole file is wrong, not one row."""
    if file_format(path) == "csv":
        header = next(csv.reader(_open_lines(path)), None)
        if header is None or "text" not in header:
            found = (", ".join(header or []) or "none")[:200]
            raise MissingText(f"{path.name}: the CSV header has no 'text' column ({found})")
        return
    objects = 0
    for row in read_jsonl(path):
        if isinstance(row, BadRow) and row.reason == NO_TEXT_FIELD:
            objects += 1
        elif isinstance(row, InputRow) or (isinstance(row, BadRow) and row.reason in _HAS_TEXT):
            return  # an object with a text field, good or bad
        if objects >= sample:
            break
    if objects:
        raise MissingText(f"{path.name}: no object among the first {objects} has a 'text' field")


def read_file(path: Path) -> Iterator[Row]:
    """Rows of a JSONL or CSV file (gzip accepted), streamed."""
    return read_jsonl(path) if file_format(path) == "jsonl" else read_csv(path)


def read_database(
    engine: Engine,
    since: datetime | None = None,
    until: datetime | None = None,
    status: str | None = None,
    batch: int = 1000,
) -> Iterator[Row]:
    """Stored comments, oldest first, streamed with a server-side cursor where there is one.

    Each row carries the machine's latest decision (service or rescore), to compare like
    with like, and the reviewer's verdict where a person decided last.
    """
    machine = (
        select(decisions.c.id)
        .where(
            decisions.c.comment_id == comments.c.id,
            decisions.c.source.in_(MACHINE_SOURCES),
        )
        .order_by(decisions.c.id.desc())
        .limit(1)
        .correlate(comments)
        .scalar_subquery()
    )
    last = (
        select(decisions.c.source)
        .where(decisions.c.comment_id == comments.c.id)
        .order_by(decisions.c.id.desc())
        .limit(1)
        .correlate(comments)
        .scalar_subquery()
    )
    query = (
        select(
            comments.c.id,
            comments.c.text,
            comments.c.article_id,
            comments.c.verdict,
            decisions.c.verdict.label("machine_verdict"),
            decisions.c.status.label("machine_status"),
            decisions.c.categories.label("machine_categories"),
            decisions.c.model_version,
            decisions.c.policy_version,
            last.label("last_source"),
        )
        .select_from(comments.outerjoin(decisions, decisions.c.id == machine))
        .where(*comment_filters(since, until, status))
        .order_by(comments.c.received_at, comments.c.id)
    )
    with engine.connect() as conn:
        result = conn.execution_options(stream_results=True, yield_per=batch).execute(query)
        try:
            for position, r in enumerate(result, 1):
                categories = tuple(json.loads(r.machine_categories or "[]"))
                yield InputRow(
                    position,
                    r.id,
                    r.text,
                    r.article_id,
                    r.machine_verdict,
                    categories,
                    current_status=r.machine_status,
                    reviewed=r.verdict if r.last_source == REVIEWER_SOURCE else None,
                    current_versions=(
                        (r.model_version, r.policy_version) if r.model_version else None
                    ),
                )
        finally:  # also when the reader stops early: close the server-side cursor
            result.close()
