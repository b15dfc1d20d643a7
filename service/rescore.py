"""Batch re-scoring: the API's own `moderate` over a stream of comments, on all cores.

Rows are scored in chunks by worker processes (forked once, so the rules and model are
loaded once) or by a Dask cluster (`service.rescore_dask`); results come back in input
order and are written as they arrive, so memory does not grow with the input. After each
chunk the output is flushed to disk and a small state file records how far the run got:
an interrupted run continues with `resume=True` without redoing or repeating anything.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import sys
import uuid
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path

from sqlalchemy import Engine, func, select
from tqdm import tqdm

from service import db, store
from service.api import decision_json
from service.batch_io import BadRow, BlankRow, InputRow, Row
from service.domain import Decision, Reason, Source, Status, Verdict
from service.pipeline import Moderator, moderate

EXAMPLES = 5
CHANGED_OUTCOME = "rescore_changed_outcome"


class BadInput(ValueError):
    """A bad row with `on_error="fail"`: the message names the line."""


@dataclass(frozen=True)
class Options:
    jobs: int = 0  # 0: every core
    chunk_size: int = 500
    on_error: str = "skip"  # or "fail"
    quiet: bool = False
    resume: bool = False
    apply: bool = False  # append the new decisions to the database (database input only)
    total: int | None = None  # rows expected, for the progress bar's ETA


@dataclass
class Report:
    """What a run did, and how the new decisions differ from the ones in force."""

    scored: int = 0
    blank: int = 0  # empty lines: nothing to score, not an error
    bad_count: int = 0
    bad_rows: list[dict] = field(default_factory=list)  # the first 100
    compared: int = 0
    unchanged: int = 0
    approve_to_reject: Counter = field(default_factory=Counter)
    reject_to_approve: Counter = field(default_factory=Counter)
    flips: dict[str, int] = field(
        default_factory=lambda: {"approve_to_reject": 0, "reject_to_approve": 0}
    )
    to_review: int = 0
    examples: dict[str, list] = field(
        default_factory=lambda: {"approve_to_reject": [], "reject_to_approve": []}
    )
    applied: int = 0
    sent_to_review: int = 0
    kept_reviewer_decisions: int = 0
    not_applied_unchanged: int = 0  # --apply: the same outcome, so nothing appended
    reviewer_decided: int = 0  # a person decided last: listed apart from the machine's flips
    reviewer_disagrees: int = 0  # ... and the new decision differs from the person's
    reviewer_examples: list = field(default_factory=list)

    def to_json(self) -> dict:
        return {
            "scored": self.scored,
            "blank_lines": self.blank,
            "bad_rows": self.bad_count,
            "bad_row_lines": self.bad_rows[:100],
            "compared": self.compared,
            "unchanged": self.unchanged,
            "flips": self.flips,
            "approve_to_reject_by_category": dict(self.approve_to_reject),
            "reject_to_approve_by_category": dict(self.reject_to_approve),
            "new_decisions_in_review": self.to_review,
            "examples": self.examples,
            "applied": self.applied,
            "sent_to_review": self.sent_to_review,
            "kept_reviewer_decisions": self.kept_reviewer_decisions,
            "not_applied_unchanged": self.not_applied_unchanged,
            "reviewer_decided": self.reviewer_decided,
            "reviewer_disagrees": self.reviewer_disagrees,
            "reviewer_examples": self.reviewer_examples,
        }

    @classmethod
    def from_json(cls, data: dict) -> Report:
        return cls(
            scored=data["scored"],
            blank=data.get("blank_lines", 0),
            bad_count=data["bad_rows"],
            bad_rows=data["bad_row_lines"],
            compared=data["compared"],
            unchanged=data["unchanged"],
            approve_to_reject=Counter(data["approve_to_reject_by_category"]),
            reject_to_approve=Counter(data["reject_to_approve_by_category"]),
            flips=data["flips"],
            to_review=data["new_decisions_in_review"],
            examples=data["examples"],
            applied=data["applied"],
            sent_to_review=data["sent_to_review"],
            kept_reviewer_decisions=data["kept_reviewer_decisions"],
            not_applied_unchanged=data.get("not_applied_unchanged", 0),
            reviewer_decided=data.get("reviewer_decided", 0),
            reviewer_disagrees=data.get("reviewer_disagrees", 0),
            reviewer_examples=data.get("reviewer_examples", []),
        )

    def compare(self, row: InputRow, decision: Decision) -> None:
        if decision.status is Status.IN_REVIEW:
            self.to_review += 1
        if row.reviewed is not None:
            self.reviewer_decided += 1
            if decision.verdict.value != row.reviewed:
                self.reviewer_disagrees += 1
                if len(self.reviewer_examples) < EXAMPLES:
                    self.reviewer_examples.append(
                        {
                            "id": row.id,
                            "text": row.text[:300],
                            "reviewer": row.reviewed,
                            "new": decision.verdict.value,
                        }
                    )
        if row.current is None:
            return
        self.compared += 1
        new = decision.verdict.value
        if new == row.current:
            self.unchanged += 1
            return
        direction = f"{row.current}_to_{new}"
        categories = (
            [c.value for c in decision.categories]
            if new == "reject"
            else list(row.current_categories)
        )
        self.flips[direction] += 1
        tally = self.approve_to_reject if new == "reject" else self.reject_to_approve
        tally.update(categories or ["(none)"])
        if len(self.examples[direction]) < EXAMPLES:
            self.examples[direction].append(
                {"id": row.id, "text": row.text[:300], "categories": categories}
            )

    def summary(self) -> str:
        lines = [
            f"scored {self.scored} comments; {self.blank} blank lines; "
            f"{self.bad_count} bad rows skipped"
        ]
        if self.compared:
            lines.append(
                f"compared with the decision in force: {self.compared}, unchanged "
                f"{self.unchanged}, approve->reject {self.flips['approve_to_reject']}, "
                f"reject->approve {self.flips['reject_to_approve']}"
            )
            for name, tally in (
                ("approve->reject", self.approve_to_reject),
                ("reject->approve", self.reject_to_approve),
            ):
                if tally:
                    lines.append(
                        f"  {name} by category: "
                        + ", ".join(f"{c} {n}" for c, n in tally.most_common())
                    )
        if self.reviewer_decided:
            lines.append(
                f"decided by a reviewer: {self.reviewer_decided} (kept; the new decision "
                f"differs from the reviewer's for {self.reviewer_disagrees})"
            )
        lines.append(f"new decisions in review: {self.to_review}")
        if self.applied or self.kept_reviewer_decisions:
            lines.append(
                f"applied {self.applied} (of which {self.sent_to_review} sent to review because "
                f"the outcome changed); {self.kept_reviewer_decisions} reviewer decisions kept"
            )
        if self.not_applied_unchanged:
            lines.append(f"unchanged, nothing appended: {self.not_applied_unchanged}")
        return "\n".join(lines)


# --- scoring ---------------------------------------------------------------------------

_MODERATOR: Moderator | None = None  # set in the parent before forking the workers


def score_texts(texts: list[str], moderator: Moderator | None = None) -> list[Decision]:
    """The API's decision for each text (the same function, `pipeline.moderate`)."""
    moderator = moderator or _MODERATOR
    return [moderate(text, moderator) for text in texts]


class _Done:
    def __init__(self, value) -> None:
        self._value = value

    def get(self):
        return self._value


class LocalEngine:
    """Worker processes forked from this one (copy-on-write rules and model), or none."""

    def __init__(self, moderator: Moderator, jobs: int) -> None:
        self.moderator = moderator
        self.jobs = jobs or os.cpu_count() or 1
        self._pool = None

    def __enter__(self) -> LocalEngine:
        global _MODERATOR
        if self.jobs > 1:
            _MODERATOR = self.moderator
            self._pool = multiprocessing.get_context("fork").Pool(self.jobs)
        return self

    def __exit__(self, *exc) -> None:
        if self._pool is not None:
            self._pool.terminate()
            self._pool.join()

    @property
    def window(self) -> int:
        return 2 * self.jobs

    def submit(self, texts: list[str]):
        if self._pool is None:
            return _Done(score_texts(texts, self.moderator))
        return self._pool.apply_async(score_texts, (texts,))

    @staticmethod
    def result(handle) -> list[Decision]:
        return handle.get()


def _ordered(engine, chunks: Iterable) -> Iterator:
    """Results of `engine.submit(texts)` for each (meta, texts) chunk, in order, at most
    `engine.window` chunks in flight: constant memory whatever the input size."""
    pending: deque = deque()
    for meta, texts in chunks:
        pending.append((meta, engine.submit(texts)))
        if len(pending) >= engine.window:
            meta_done, handle = pending.popleft()
            yield meta_done, engine.result(handle)
    for meta_done, handle in pending:
        yield meta_done, engine.result(handle)


# --- the run ---------------------------------------------------------------------------


def _state_path(output: Path) -> Path:
    return output.with_name(output.name + ".state.json")


def _partial_path(output: Path) -> Path:
    return output.with_name(output.name + ".partial")


def _chunks(
    rows: Iterator[Row],
    skip: int,
    options: Options,
    report: Report,
    on_bad: Callable[[BadRow], None],
) -> Iterator[tuple[tuple[list[InputRow], int], list[str]]]:
    """Chunks of good rows, each with the count of records consumed up to its end and the
    input line reached there (the progress bar counts lines: blank ones too)."""
    consumed = last_line = 0
    chunk: list[InputRow] = []
    for row in rows:
        consumed += 1
        if consumed <= skip:
            continue
        last_line = row.line
        if isinstance(row, BlankRow):
            report.blank += 1
            continue
        if isinstance(row, BadRow):
            if options.on_error == "fail":
                raise BadInput(f"line {row.line}: {row.reason}")
            report.bad_count += 1
            if len(report.bad_rows) < 100:
                report.bad_rows.append({"line": row.line, "reason": row.reason})
            on_bad(row)
            continue
        chunk.append(row)
        if len(chunk) >= options.chunk_size:
            yield (chunk, consumed, last_line), [r.text for r in chunk]
            chunk = []
    if chunk or consumed > skip:
        yield (chunk, consumed, last_line), [r.text for r in chunk]


def run(
    rows: Iterator[Row],
    output: Path,
    engine,
    options: Options,
    identity: dict,
    database: Engine | None = None,
    review_verdict: Verdict = Verdict.REJECT,
    log: Callable[[str], None] = print,
) -> Report:
    """Score `rows` into `output` (JSONL, input order); return the report.

    `identity` names the input and the policy and model versions: a resumed run must
    match it. With `options.apply`, each chunk's decisions are appended to `database`.
    """
    state_file, partial = _state_path(output), _partial_path(output)
    report, skip, line, run_id = Report(), 0, 0, uuid.uuid4().hex[:12]
    if options.resume and state_file.exists():
        state = json.loads(state_file.read_text(encoding="utf-8"))
        if state["identity"] != identity:
            raise BadInput("cannot resume: the input, policy or model changed since the run began")
        skip, line, run_id = state["consumed"], state.get("line", 0), state["run_id"]
        report = Report.from_json(state["report"])
        with partial.open("r+b") as handle:
            handle.truncate(state["output_bytes"])
        log(f"resuming after {skip} input rows")
    elif partial.exists() or state_file.exists():
        log("starting afresh: an earlier run's partial output is replaced (--resume continues it)")
    mode = "ab" if skip else "wb"
    progress = tqdm(
        total=options.total,
        initial=line,
        unit=" comments",
        disable=options.quiet,
        smoothing=0.1,
        mininterval=0.5,
        dynamic_ncols=True,
    )

    def on_bad(row: BadRow) -> None:
        with tqdm.external_write_mode(file=sys.stderr):  # above the bar, not through it
            log(f"line {row.line}: {row.reason} (skipped)")

    with partial.open(mode) as out, progress, _closing(rows):
        for (chunk, consumed, line), decisions in _ordered(
            engine, _chunks(rows, skip, options, report, on_bad)
        ):
            lines = []
            for row, decision in zip(chunk, decisions, strict=True):
                report.compare(row, decision)
                lines.append(json.dumps(decision_json(row.id, decision), ensure_ascii=False))
            if lines:
                out.write(("\n".join(lines) + "\n").encode("utf-8"))
            out.flush()
            os.fsync(out.fileno())
            if options.apply and database is not None and chunk:
                _apply(database, chunk, decisions, f"rescore:{run_id}", review_verdict, report)
            report.scored += len(chunk)
            progress.update(max(line - progress.n, 0))
            state = {
                "identity": identity,
                "consumed": consumed,
                "line": line,
                "output_bytes": out.tell(),
                "run_id": run_id,
                "report": report.to_json(),
            }
            tmp = state_file.with_name(state_file.name + ".tmp")
            tmp.write_text(json.dumps(state), encoding="utf-8")
            os.replace(tmp, state_file)
        if progress.total:  # read to the end: trailing blank lines are done too
            progress.update(max(progress.total - progress.n, 0))
    os.replace(partial, output)
    state_file.unlink(missing_ok=True)
    return report


@contextmanager
def _closing(rows: Iterator[Row]) -> Iterator[None]:
    """Close a generator of rows however the run ends (a database cursor behind it)."""
    try:
        yield
    finally:
        close = getattr(rows, "close", None)
        if close is not None:
            close()


def _latest_sources(conn, ids: list[str]) -> dict[str, tuple[str, str | None]]:
    decisions = store.decisions
    latest = (
        select(func.max(decisions.c.id))
        .where(decisions.c.comment_id.in_(ids))
        .group_by(decisions.c.comment_id)
    )
    rows = conn.execute(
        select(decisions.c.comment_id, decisions.c.source, decisions.c.actor).where(
            decisions.c.id.in_(latest)
        )
    )
    return {r.comment_id: (r.source, r.actor) for r in rows}


def _same_outcome(row: InputRow, decision: Decision) -> bool:
    """Whether `decision` says what the machine's decision in force already says."""
    return (
        row.current == decision.verdict.value
        and row.current_status == decision.status.value
        and set(row.current_categories) == {c.value for c in decision.categories}
    )


def _apply(
    database: Engine,
    chunk: list[InputRow],
    decisions: list[Decision],
    actor: str,
    review_verdict: Verdict,
    report: Report,
) -> None:
    """Append each new decision; a changed outcome goes to review; people's decisions stay."""
    with db.write(database) as conn:
        latest = _latest_sources(conn, [r.id for r in chunk])
        for row, decision in zip(chunk, decisions, strict=True):
            source, by = latest.get(row.id, (None, None))
            if by == actor:
                continue  # applied before an interruption
            if source == "reviewer":
                report.kept_reviewer_decisions += 1
                continue
            if _same_outcome(row, decision) or row.current_versions == (
                decision.model_version,
                decision.policy_version,
            ):  # the same outcome, or the same judge again: history records changes only
                report.not_applied_unchanged += 1
                continue
            if row.current is not None and decision.verdict.value != row.current:
                decision = replace(
                    decision,
                    verdict=review_verdict,
                    status=Status.IN_REVIEW,
                    reasons=decision.reasons
                    + (
                        Reason(
                            None,
                            Source.SYSTEM,
                            rule=CHANGED_OUTCOME,
                            note=f"was {row.current}, re-scoring says {decision.verdict.value}",
                        ),
                    ),
                )
                report.sent_to_review += 1
            store.append_decision(conn, row.id, decision, "rescore", actor)
            report.applied += 1
