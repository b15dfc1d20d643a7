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

from service.store import comment_filters, comments

# Bytes that were not UTF-8 come back from `surrogateescape` decoding as lone surrogates.
_UNDECODABLE = re.compile("[\udc80-\udcff]")


@dataclass(frozen=True)
class InputRow:
    line: int  # line (file) or position (database), from 1
    id: str
    text: str
    article_id: str | None = None
    current: str | None = None  # the decision in force (approve/reject), if known
    current_categories: tuple[str, ...] = ()


@dataclass(frozen=True)
class BadRow:
    line: int
    reason: str


Row = InputRow | BadRow


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
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        return BadRow(line, "no text")
    if _UNDECODABLE.search(text):
        return BadRow(line, "text is not valid UTF-8")
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
    reader = csv.DictReader(_open_lines(path))
    if reader.fieldnames is None or "text" not in reader.fieldnames:
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
        yield _row(reader.line_num, record)


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
    """Stored comments, oldest first, streamed with a server-side cursor where there is one."""
    query = (
        select(
            comments.c.id,
            comments.c.text,
            comments.c.article_id,
            comments.c.verdict,
            comments.c.categories,
        )
        .where(*comment_filters(since, until, status))
        .order_by(comments.c.received_at, comments.c.id)
    )
    with engine.connect() as conn:
        result = conn.execution_options(stream_results=True, yield_per=batch).execute(query)
        try:
            for position, r in enumerate(result, 1):
                categories = tuple(json.loads(r.categories or "[]"))
                yield InputRow(position, r.id, r.text, r.article_id, r.verdict, categories)
        finally:  # also when the reader stops early: close the server-side cursor
            result.close()
