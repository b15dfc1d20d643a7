"""Bounded load, with crashes: does every acknowledged comment survive?

    .venv/bin/python bench/load.py [--requests 50000] [--concurrency 32]
        [--database sqlite|postgres] [--kill-worker-at 0.3] [--kill-server-at 0.6]

Starts `moderation serve` (gunicorn, 2 workers), posts REQUESTS comments with distinct
ids from CONCURRENCY client threads, optionally SIGKILLs one worker and later the whole
server mid-run (restarting it at once on the same port), then retries every request that
got no answer or an error, with the same id and text, until each has a 200. Finally it
checks the database: every acknowledged comment is stored once, with the decision that
was answered. Prints throughput, latency percentiles and the error counts; exits 1 if a
5xx was answered or a comment is missing or duplicated.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
TEXTS = [
    "Great reporting from Erbil, thank you.",
    "This budget is bullshit and everyone knows it",
    "The minister should resign over the salaries.",
    "You are an idiot and your articles are garbage",
    "Interesting: koyawatch.net/report",
    "Das ist ein sehr guter Artikel über die Wahlen.",
    "Kurds deserve the same rights as everyone else in the region.",
    "Earn money from home, contact me on whatsapp +964 750 123 4567",
]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class Outcome:
    status: int | None  # None: no answer (connection refused, reset, timeout)
    seconds: float
    body: dict | None = None


@dataclass
class Server:
    env: dict
    port: int
    log: Path
    proc: subprocess.Popen | None = None

    def start(self, timeout: float = 60) -> None:
        sink = self.log.open("ab")
        self.proc = subprocess.Popen(
            [BIN / "moderation", "serve", "--port", str(self.port), "--workers", "2"],
            env=self.env,
            stdout=sink,
            stderr=subprocess.STDOUT,
        )
        sink.close()
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"server exited: {self.log.read_text()[-2000:]}")
            try:
                conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=1)
                try:  # closed here: the server keeps connections alive
                    conn.request("GET", "/health")
                    if conn.getresponse().status in (200, 503):  # 503: up, a dependency away
                        return
                finally:
                    conn.close()
            except OSError:
                pass
            time.sleep(0.1)
        raise RuntimeError("server did not start")

    def workers(self) -> list[int]:
        with open(f"/proc/{self.proc.pid}/task/{self.proc.pid}/children") as children:
            return [int(pid) for pid in children.read().split()]

    def kill_worker(self) -> None:
        os.kill(self.workers()[0], signal.SIGKILL)

    def kill(self) -> None:
        workers = self.workers()
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait()
        for pid in workers:  # orphaned workers notice their master is gone and exit
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            self.proc.wait(timeout=30)


def post(port: int, key: str, comment_id: str, text: str) -> Outcome:
    body = json.dumps({"id": comment_id, "text": text})
    headers = {"Authorization": f"Bearer {key}", "Content-Type": "application/json"}
    started = time.perf_counter()
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        conn.request("POST", "/moderate", body, headers)
        response = conn.getresponse()
        data = response.read()
    except (OSError, http.client.HTTPException):
        return Outcome(None, time.perf_counter() - started)
    finally:
        conn.close()
    parsed = json.loads(data) if data[:1] == b"{" else None
    return Outcome(response.status, time.perf_counter() - started, parsed)


@dataclass
class Run:
    outcomes: dict[str, list[Outcome]] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)
    done: int = 0

    def record(self, comment_id: str, outcome: Outcome) -> None:
        with self.lock:
            self.outcomes.setdefault(comment_id, []).append(outcome)
            self.done += 1


def load(
    server: Server, key: str, requests: int, concurrency: int, kills: dict[float, str]
) -> tuple[Run, dict[str, str], float]:
    ids = [f"load-{uuid.uuid4().hex[:12]}" for _ in range(requests)]
    texts = {cid: TEXTS[i % len(TEXTS)] for i, cid in enumerate(ids)}
    run = Run()
    cursor = iter(ids)
    take = threading.Lock()

    def client() -> None:
        while True:
            with take:
                comment_id = next(cursor, None)
            if comment_id is None:
                return
            run.record(comment_id, post(server.port, key, comment_id, texts[comment_id]))

    pending = sorted(kills.items())

    def chaos() -> None:
        while pending and run.done < requests:
            at, what = pending[0]
            if run.done >= at * requests:
                pending.pop(0)
                if what == "worker":
                    server.kill_worker()
                else:
                    server.kill()
                    server.start()
            time.sleep(0.005)

    started = time.perf_counter()
    threads = [threading.Thread(target=client) for _ in range(concurrency)]
    threads.append(threading.Thread(target=chaos))
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return run, texts, time.perf_counter() - started


def retry_failures(server: Server, key: str, run: Run, texts: dict[str, str]) -> int:
    """Every request without a 200 is sent again, same id and text, until it has one."""
    retried = 0
    for comment_id, outcomes in run.outcomes.items():
        while outcomes[-1].status != 200:
            retried += 1
            outcome = post(server.port, key, comment_id, texts[comment_id])
            outcomes.append(outcome)
            if outcome.status is not None and outcome.status >= 500 and outcome.status != 503:
                break
            if outcome.status != 200:
                time.sleep(0.05)
    return retried


def check_database(url: str, run: Run) -> dict:
    sys.path.insert(0, str(ROOT))
    from sqlalchemy import create_engine, func, select

    from service.store import comments, decisions

    engine = create_engine(url)
    with engine.connect() as conn:
        stored = dict(
            conn.execute(
                select(decisions.c.comment_id, func.count()).group_by(decisions.c.comment_id)
            ).all()
        )
        verdicts = dict(conn.execute(select(comments.c.id, comments.c.verdict)).all())
    engine.dispose()
    acknowledged = {
        cid: o.body["decision"]
        for cid, outcomes in run.outcomes.items()
        for o in outcomes
        if o.status == 200 and o.body
    }
    return {
        "acknowledged": len(acknowledged),
        "missing": sorted(cid for cid in acknowledged if cid not in stored)[:10],
        "duplicated": sorted(cid for cid, n in stored.items() if n != 1)[:10],
        "wrong_decision": sorted(
            cid for cid, verdict in acknowledged.items() if verdicts.get(cid) != verdict
        )[:10],
        "stored": len(stored),
    }


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=50_000)
    parser.add_argument("--concurrency", type=int, default=32)
    parser.add_argument("--database", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument(
        "--postgres-url", default="postgresql+psycopg://postgres@127.0.0.1:5432/test"
    )
    parser.add_argument("--database-url", help="use this (empty) database instead")
    parser.add_argument("--kill-worker-at", type=float, help="share of requests done, 0-1")
    parser.add_argument("--kill-server-at", type=float, help="share of requests done, 0-1")
    args = parser.parse_args(argv)

    tmp = Path(tempfile.mkdtemp(prefix="bench-load-"))
    created = None
    if args.database_url:
        url = args.database_url
    elif args.database == "sqlite":
        url = f"sqlite:///{tmp / 'load.db'}"
    else:
        from sqlalchemy import create_engine, text
        from sqlalchemy.engine import make_url

        base = make_url(args.postgres_url)
        name = f"moderation_load_{uuid.uuid4().hex[:8]}"
        admin = create_engine(base, isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        admin.dispose()
        url = base.set(database=name).render_as_string(hide_password=False)
        created = (base, name)
    env = {
        **os.environ,
        "MODERATION_DATABASE_URL": url,
        "MODERATION_SECRET_KEY": "load",
        "MODERATION_LOG_LEVEL": "WARNING",
    }
    key = subprocess.run(
        [BIN / "moderation", "keys", "create", "load"],
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    server = Server(env, free_port(), tmp / "server.log")
    server.start()
    kills = {}
    if args.kill_worker_at is not None:
        kills[args.kill_worker_at] = "worker"
    if args.kill_server_at is not None:
        kills[args.kill_server_at] = "server"
    try:
        run, texts, seconds = load(server, key, args.requests, args.concurrency, kills)
        first = [o[0] for o in run.outcomes.values()]
        answered = sorted(o.seconds for o in first if o.status == 200)
        server_errors = sum(1 for o in first if o.status is not None and o.status >= 500)
        no_answer = sum(1 for o in first if o.status is None)
        retried = retry_failures(server, key, run, texts)
    finally:
        server.stop()
    result = {
        "database": args.database,
        "requests": args.requests,
        "concurrency": args.concurrency,
        "kills": {str(k): v for k, v in kills.items()},
        "seconds": round(seconds, 1),
        "requests_per_second": round(args.requests / seconds),
        "p50_ms": round(answered[len(answered) // 2] * 1000, 2) if answered else None,
        "p99_ms": round(answered[int(len(answered) * 0.99)] * 1000, 2) if answered else None,
        "first_try": {
            "ok": len(answered),
            "5xx": server_errors,
            "no_answer": no_answer,
            "503": sum(1 for o in first if o.status == 503),
        },
        "retried": retried,
        **check_database(url, run),
    }
    print(json.dumps(result, indent=2))
    if created:  # the PostgreSQL database made for this run
        from sqlalchemy import create_engine, text

        admin = create_engine(created[0], isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{created[1]}" WITH (FORCE)'))
        admin.dispose()
    return result


if __name__ == "__main__":
    outcome = main()
    bad = outcome["missing"] or outcome["duplicated"] or outcome["wrong_decision"]
    bad = bad or outcome["first_try"]["5xx"] - outcome["first_try"]["503"] > 0
    sys.exit(1 if bad else 0)
