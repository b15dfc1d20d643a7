"""`moderation rescore`: inputs, equality with the API, bad rows, resumption after a killed
process, comparison and applying to a database, and the Dask engine."""

import csv
import gzip
import json
import os
import signal
import subprocess
import sys
import time
from contextlib import closing
from dataclasses import replace
from pathlib import Path

import pytest

from service import api, create_app, reviews, store
from service.config import DEFAULT_MODEL_PATH
from tests import test_rules
from tests.cli import moderation

BIN = Path(sys.executable).parent / "moderation"
TABLE_TEXTS = [
    t
    for t, _ in test_rules.PROFANITY
    + test_rules.VULGARITY
    + test_rules.THREAT
    + test_rules.PERSONAL_ATTACK
    + test_rules.ABUSE
    + test_rules.PROMOTION
]
# a few hundred comments: the rule tables and everyday sentences built from them
TEXTS = TABLE_TEXTS + [
    f"Comment {i}: {t.lower()} and the budget" for i, t in enumerate(TABLE_TEXTS)
]


@pytest.fixture
def env(tmp_path):
    return {
        **os.environ,
        "MODERATION_DATABASE_URL": f"sqlite:///{tmp_path / 'm.db'}",
        "MODERATION_LOG_LEVEL": "WARNING",
    }


def rescore(env, *args, check=True):
    """The command, run in this process (tests/cli.py); the resumption test kills a real one."""
    return moderation(env, "rescore", *args, "--quiet", check=check)


def write_jsonl(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    return path


def lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_jsonl_csv_and_gzip_give_the_same_decisions(env, tmp_path):
    rows = [{"id": f"c{i}", "text": t, "article_id": "a1"} for i, t in enumerate(TEXTS[:60])]
    jsonl = write_jsonl(tmp_path / "in.jsonl", rows)
    with (tmp_path / "in.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=["id", "text", "article_id"])
        writer.writeheader()
        writer.writerows(rows)
    gz = tmp_path / "in.jsonl.gz"
    gz.write_bytes(gzip.compress(jsonl.read_bytes()))
    outputs = []
    for source in (jsonl, tmp_path / "in.csv", gz):
        out = tmp_path / f"{source.name}.out"
        rescore(env, source, "--output", out, "--jobs", "2", "--chunk-size", "7")
        outputs.append(lines(out))
    assert outputs[0] == outputs[1] == outputs[2]
    assert [d["id"] for d in outputs[0]] == [r["id"] for r in rows]


def test_the_batch_decides_as_the_api_does(env, tmp_path):
    app = create_app(
        {"database_url": env["MODERATION_DATABASE_URL"], "model_path": DEFAULT_MODEL_PATH}
    )
    client = app.test_client()
    with app.extensions[api.EXTENSION].engine.begin() as conn:
        key = store.create_key(conn, "t")
    answers = []
    for i, text in enumerate(TEXTS):
        response = client.post(
            "/moderate",
            json={"id": f"q{i}", "text": text},
            headers={"Authorization": f"Bearer {key}"},
        )
        answers.append(response.get_json())
    app.extensions[api.EXTENSION].engine.dispose()
    src = write_jsonl(
        tmp_path / "in.jsonl", [{"id": f"q{i}", "text": t} for i, t in enumerate(TEXTS)]
    )
    rescore(env, src, "--output", tmp_path / "out.jsonl")
    assert len(TEXTS) > 300
    assert lines(tmp_path / "out.jsonl") == answers


def test_bad_rows_are_reported_by_line_and_skipped_or_fail_the_run(env, tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_bytes(
        b'{"text": "fine"}\n{not json\n{"id": "n"}\n{"text": "caf\xe9 broken bytes"}\n'
        b'[1, 2]\n{"text": "also fine"}\n'
    )
    out = tmp_path / "out.jsonl"
    result = rescore(env, src, "--output", out, "--compare", tmp_path / "report.json")
    assert [d["id"] for d in lines(out)] == ["1", "6"]
    for line in ("line 2: not valid JSON", "line 3: no 'text'", "line 4:", "line 5: not an object"):
        assert line in result.stderr
    report = json.loads((tmp_path / "report.json").read_text())
    assert report["bad_rows"] == 4 and [b["line"] for b in report["bad_row_lines"]] == [2, 3, 4, 5]
    failed = rescore(env, src, "--output", tmp_path / "o2.jsonl", "--on-error", "fail", check=False)
    assert failed.returncode != 0 and "line 2: not valid JSON" in failed.stderr
    assert not (tmp_path / "o2.jsonl").exists()


def test_csv_without_a_text_column_is_refused(env, tmp_path):
    src = tmp_path / "in.csv"
    src.write_text("id,body\n1,hello\n", encoding="utf-8")
    failed = rescore(env, src, "--output", tmp_path / "o.jsonl", "--on-error", "fail", check=False)
    assert failed.returncode != 0 and "no 'text' column" in failed.stderr


def test_input_with_no_text_at_all_is_an_error_not_an_empty_output(env, tmp_path):
    """A CSV without a text column, or JSONL objects without text: exit 2, one line."""
    csv_src = tmp_path / "in.csv"
    csv_src.write_text("id,body\n1,hello\n", encoding="utf-8")
    jsonl_src = write_jsonl(tmp_path / "in.jsonl", [{"id": "1", "body": "hi"}, {"comment": "x"}])
    for src in (csv_src, jsonl_src):
        out = tmp_path / f"{src.name}.out"
        failed = rescore(env, src, "--output", out, check=False)
        assert failed.returncode == 2, failed.stderr
        assert len(failed.stderr.strip().splitlines()) == 1 and "'text'" in failed.stderr
        assert not out.exists()


def test_blank_lines_are_counted_apart_and_the_progress_bar_ends_full(env, tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text('{"text": "fine"}\n\n{"id": "n"}\n\n{"text": "also fine"}\n', "utf-8")
    out = tmp_path / "out.jsonl"
    result = moderation(env, "rescore", src, "--output", out)  # with the progress bar:
    # it must reach 100 %, not 60 %
    assert [d["id"] for d in lines(out)] == ["1", "5"]
    assert "scored 2 comments; 2 blank lines; 1 bad rows skipped" in result.stderr
    bars = [part for part in result.stderr.replace("\r", "\n").splitlines() if "comments" in part]
    assert any("100%" in bar and "5/5" in bar for bar in bars), bars
    warning = next(line for line in result.stderr.splitlines() if "line 3:" in line)
    assert warning.startswith("line 3:")  # printed on a line of its own, not into the bar
    csv_src = tmp_path / "in.csv"
    csv_src.write_text('id,text\n1,fine\n\n2,"two\nlines"\n', "utf-8")
    result = rescore(env, csv_src, "--output", tmp_path / "csv.out")
    assert [d["id"] for d in lines(tmp_path / "csv.out")] == ["1", "2"]
    assert "scored 2 comments; 1 blank lines; 0 bad rows skipped" in result.stderr


def test_an_interrupted_run_resumes_without_repeating_work(env, tmp_path):
    rows = [{"id": f"r{i}", "text": TEXTS[i % len(TEXTS)]} for i in range(3000)]
    src = write_jsonl(tmp_path / "in.jsonl", rows)
    full = tmp_path / "full.jsonl"
    rescore(env, src, "--output", full, "--chunk-size", "100")
    out = tmp_path / "out.jsonl"
    state = out.with_name(out.name + ".state.json")
    proc = subprocess.Popen(
        [BIN, "rescore", src, "--output", out, "--chunk-size", "100", "--quiet"],
        env=env,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    while not (state.exists() and json.loads(state.read_text())["consumed"] >= 500):
        assert proc.poll() is None and time.monotonic() < deadline, "the run ended too soon"
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert not out.exists()
    done = json.loads(state.read_text())["consumed"]
    assert 500 <= done < 3000
    result = rescore(env, src, "--output", out, "--chunk-size", "100", "--resume")
    assert f"resuming after {done} input rows" in result.stderr
    assert out.read_bytes() == full.read_bytes()
    assert not state.exists()


@pytest.fixture
def stored(database_url, tmp_path):
    """A database whose comments were decided by the rules alone, one of them by a person."""
    app = create_app({"database_url": database_url, "model_path": None})
    client = app.test_client()
    engine = app.extensions[api.EXTENSION].engine
    with engine.begin() as conn:
        key = store.create_key(conn, "t")
        reviews.add_reviewer(conn, "alice", "correct horse battery")
    auth = {"Authorization": f"Bearer {key}"}
    texts = [
        "The minister is a disgrace and a coward",  # no rule: approved by the rules
        "What a pathetic, stupid argument from a clown",
        "Thanks for the reporting from Erbil",
        "Fuck this budget",
        "Interesting: koyawatch.net/report",
    ]
    for i, text in enumerate(texts):
        assert (
            client.post("/moderate", json={"id": f"s{i}", "text": text}, headers=auth).status_code
            == 200
        )
    page = client.get("/login").get_data(as_text=True)
    token = page.split('name="csrf_token" type="hidden" value="')[1].split('"')[0]
    client.post(
        "/login",
        data={"username": "alice", "password": "correct horse battery", "csrf_token": token},
    )
    token = (
        client.get("/queue")
        .get_data(as_text=True)
        .split('name="csrf_token" value="')[1]
        .split('"')[0]
    )
    client.post("/queue/decide", data={"ids": "s4", "action": "approve", "csrf_token": token})
    engine.dispose()
    return database_url


def test_compare_and_apply_on_the_database(stored, tmp_path):
    env = {
        **os.environ,
        "MODERATION_DATABASE_URL": stored,
        "MODERATION_LOG_LEVEL": "WARNING",
        # a stricter policy than the one the comments were decided with
        "MODERATION_REJECT_THRESHOLD_PERSONAL_ATTACK": "0.3",
        "MODERATION_REVIEW_THRESHOLD_PERSONAL_ATTACK": "0.2",
    }
    out, report_path = tmp_path / "out.jsonl", tmp_path / "report.json"
    result = rescore(env, "--from-db", "--output", out, "--compare", report_path)
    report = json.loads(report_path.read_text())
    assert report["compared"] == 5 and report["flips"]["approve_to_reject"] >= 1
    assert report["approve_to_reject_by_category"].get("personal_attack", 0) >= 1
    assert report["examples"]["approve_to_reject"][0]["id"] in {"s0", "s1"}
    assert "approve->reject" in result.stderr
    app = create_app({"database_url": stored, "model_path": None})
    engine = app.extensions[api.EXTENSION].engine
    with engine.connect() as conn:  # --compare alone changes nothing
        assert all(len(store.get_comment(conn, f"s{i}").decisions) == 1 for i in range(4))

    rescore(env, "--from-db", "--output", out, "--apply", "--compare", report_path)
    report = json.loads(report_path.read_text())
    assert report["kept_reviewer_decisions"] == 1 and report["reviewer_decided"] == 1
    assert report["applied"] + report["not_applied_unchanged"] == 4 and report["applied"] >= 1
    with engine.connect() as conn:
        flipped = store.get_comment(conn, report["examples"]["approve_to_reject"][0]["id"])
        assert [d.source for d in flipped.decisions] == ["service", "rescore"]
        assert flipped.current.status == "in_review"
        assert any(r.get("rule") == "rescore_changed_outcome" for r in flipped.current.reasons)
        same = store.get_comment(conn, "s3")  # rejected before and after: nothing appended
        assert [d.source for d in same.decisions] == ["service"]
        assert same.current.status == "final"
        person = store.get_comment(conn, "s4")
        assert [d.source for d in person.decisions] == ["service", "reviewer"]
        queue, _ = reviews.queue_page(conn)
        assert flipped.id in {item.id for item in queue}
    engine.dispose()


def test_unchanged_policy_compares_the_machine_with_itself_and_applies_nothing(stored, tmp_path):
    """A reviewer's approval of a comment the machine rejected is not a flip; --apply
    with the same rules, model and policy appends nothing."""
    env = {
        **os.environ,
        "MODERATION_DATABASE_URL": stored,
        "MODERATION_LOG_LEVEL": "WARNING",
        "MODERATION_MODEL_PATH": "none",  # as the comments were decided
    }
    out, report_path = tmp_path / "out.jsonl", tmp_path / "report.json"
    result = rescore(env, "--from-db", "--output", out, "--apply", "--compare", report_path)
    report = json.loads(report_path.read_text())
    assert report["compared"] == 5 and report["unchanged"] == 5
    assert report["flips"] == {"approve_to_reject": 0, "reject_to_approve": 0}
    assert report["reviewer_decided"] == 1 and report["reviewer_examples"][0]["id"] == "s4"
    assert report["applied"] == 0 and report["not_applied_unchanged"] == 4
    assert "decided by a reviewer: 1" in result.stderr
    app = create_app({"database_url": stored, "model_path": None})
    with app.extensions[api.EXTENSION].engine.connect() as conn:
        assert all(len(store.get_comment(conn, f"s{i}").decisions) == 1 for i in range(4))
        assert [d.source for d in store.get_comment(conn, "s4").decisions] == [
            "service",
            "reviewer",
        ]
    app.extensions[api.EXTENSION].engine.dispose()


def test_from_db_filters_by_status(stored, tmp_path):
    env = {**os.environ, "MODERATION_DATABASE_URL": stored, "MODERATION_LOG_LEVEL": "WARNING"}
    out = tmp_path / "out.jsonl"
    rescore(env, "--from-db", "--status", "final", "--output", out)
    assert sorted(d["id"] for d in lines(out)) == ["s0", "s1", "s2", "s3", "s4"]
    rescore(env, "--from-db", "--status", "in_review", "--output", out)
    assert lines(out) == []
    rescore(env, "--from-db", "--since", "2999-01-01", "--output", out)
    assert lines(out) == []


@pytest.fixture(scope="module")
def dask_cluster():
    from distributed import LocalCluster

    cluster = LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    )
    yield cluster.scheduler_address
    cluster.close()


def test_dask_engine_matches_the_local_engine(env, tmp_path, dask_cluster):
    rows = [{"id": f"d{i}", "text": t} for i, t in enumerate(TEXTS)]
    src = write_jsonl(tmp_path / "in.jsonl", rows)
    rescore(env, src, "--output", tmp_path / "local.jsonl", "--chunk-size", "50")
    rescore(
        env,
        src,
        "--output",
        tmp_path / "dask.jsonl",
        "--chunk-size",
        "50",
        "--engine",
        "dask",
        "--scheduler",
        dask_cluster,
    )
    assert (tmp_path / "dask.jsonl").read_bytes() == (tmp_path / "local.jsonl").read_bytes()


def test_a_resumed_apply_never_appends_twice(stored, tmp_path):
    """A crash after a chunk's decisions were committed but before the state file caught
    up: the resumed run re-reads that chunk and must skip what it already applied."""
    from service import batch_io
    from service import rescore as batch
    from service.domain import Category

    # Every comment's outcome changes (a reject at any score): each one is appended once.
    everything = {c: 0.0 for c in Category}
    app = create_app(
        {
            "database_url": stored,
            "model_path": DEFAULT_MODEL_PATH,
            "reject_threshold": everything,
            "review_threshold": everything,
        }
    )
    svc = app.extensions[api.EXTENSION]
    out = tmp_path / "out.jsonl"
    state = out.with_name(out.name + ".state.json")
    options = batch.Options(jobs=1, chunk_size=1, quiet=True, apply=True)
    identity = {"test": 1}

    def interrupted(rows):
        with closing(rows):
            for i, row in enumerate(rows):
                if i == 3:
                    raise KeyboardInterrupt
                yield row

    engine = batch.LocalEngine(svc.moderator, 1)
    with pytest.raises(KeyboardInterrupt), engine:
        batch.run(
            interrupted(batch_io.read_database(svc.engine)),
            out,
            engine,
            options,
            identity,
            database=svc.engine,
            log=lambda m: None,
        )
    saved = json.loads(state.read_text())
    assert saved["consumed"] == 2  # s0 and s1 applied and recorded
    # as if the state had not caught up with s1: rewind it, and the output, to s0
    partial = out.with_name(out.name + ".partial")
    first = partial.read_bytes().split(b"\n")[0] + b"\n"
    partial.write_bytes(first)
    saved["consumed"], saved["output_bytes"] = 1, len(first)
    state.write_text(json.dumps(saved))
    with engine:
        batch.run(
            batch_io.read_database(svc.engine),
            out,
            engine,
            replace(options, resume=True),
            identity,
            database=svc.engine,
            log=lambda m: None,
        )
    with svc.engine.connect() as conn:
        for i in range(5):
            comment = store.get_comment(conn, f"s{i}")
            rescored = [d for d in comment.decisions if d.source == "rescore"]
            assert len(rescored) == (0 if i == 4 else 1), (i, [d.source for d in comment.decisions])
    assert len(lines(out)) == 5
    svc.engine.dispose()
