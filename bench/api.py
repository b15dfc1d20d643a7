"""Throughput and latency of POST /moderate under gunicorn, beside a bare Flask endpoint.

All servers run with 2 workers on 127.0.0.1 and are measured in the same run by wrk
(Debian package `wrk`) at concurrency 8 for a bounded time: a bare Flask JSON endpoint and
an endpoint calling a plain scikit-learn TF-IDF + logistic regression pipeline per request
(gunicorn sync workers), and /moderate, which runs the whole path: auth, validation, rules,
language, the model (with --model), policy and a durable SQLite write per request; twice:
on gunicorn's sync workers (`/moderate sync`) and as `moderation serve` runs it, on its
request-reading workers (one thread each, the default).

    .venv/bin/python bench/api.py [--seconds 15] [--model models/classifier.joblib]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
NEWS_DEV = ROOT.parent / "shared" / "data" / "news_dev" / "news_dev.jsonl"
# Used when the shared data is absent: comments of news-comment length.
SAMPLE = [
    "The KDP and PUK have run this region like two family businesses for thirty years. "
    "Both should be ashamed that salaries are late while they fight over seats.",
    "Reuters had the numbers: around 450,000 barrels per day stopped after the ruling.",
    "What a fucking joke of a parliament, one year and not one session.",
    "Journalist who wrote this, we know where you live in Erbil. Stop writing.",
    "Earn $500 daily from home with crypto trading! WhatsApp now +44 7700 900412",
    "Refugees sent back to northern Syria face shelling, kidnapping and forced recruitment.",
]

LUA = """
local bodies = {}
local i = 0
for line in io.lines("%(bodies)s") do bodies[#bodies + 1] = line end
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer %(key)s"
request = function()
  i = i + 1
  return wrk.format(nil, "/moderate", nil, bodies[(i %% #bodies) + 1])
end
"""


# `moderation serve` as it was before its reading worker: gunicorn's sync workers (one
# thread: with more, gunicorn would run its threaded worker instead).
SYNC_SERVE = """
import sys
from service import create_app
from service.server import Server
app = create_app()
Server(app, "127.0.0.1", int(sys.argv[3]), int(sys.argv[1]), False, 1, "sync").run()
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def texts() -> list[str]:
    if NEWS_DEV.is_file():
        rows = [json.loads(line) for line in NEWS_DEV.read_text(encoding="utf-8").splitlines()]
        return [r["text"] for r in rows]
    return SAMPLE


def wait_ready(url: str, proc: subprocess.Popen) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"server exited: {proc.args}")
        try:
            requests.get(url, timeout=1)
            return
        except requests.ConnectionError:
            time.sleep(0.2)
    raise SystemExit(f"server did not start: {proc.args}")


def to_ms(value: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s)", value).groups()
    return float(number) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]


def run_wrk(base: str, script: Path, seconds: int, connections: int) -> dict:
    """Warm up, then one bounded wrk run; returns requests/s, p50, p99 and error counts."""
    warm = ["wrk", "-t2", f"-c{connections}", "-d2s", "-s", str(script), base]
    subprocess.run(warm, check=True, capture_output=True)
    cmd = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", "-s", str(script), base]
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    p50 = to_ms(re.search(r"\s50%\s+(\S+)", out).group(1))
    p99 = to_ms(re.search(r"\s99%\s+(\S+)", out).group(1))
    total = int(re.search(r"(\d+) requests in", out).group(1))
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    errors = re.search(r"Socket errors: (.*)", out)
    return {
        "rps": rps,
        "p50": p50,
        "p99": p99,
        "requests": total,
        "non_2xx": int(non2xx.group(1)) if non2xx else 0,
        "socket_errors": errors.group(1) if errors else "none",
    }


def gunicorn(app: str, workers: int) -> list:
    return [BIN / "gunicorn", "-w", str(workers), "--chdir", str(ROOT), "--preload", app, "-b"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=15)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--model", help="trained classifier.joblib for /moderate")
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        raise SystemExit("bench/api.py needs wrk: apt-get install wrk")

    tmp = Path(tempfile.mkdtemp(prefix="bench-api-"))
    env = {
        **os.environ,
        "MODERATION_DATABASE_URL": f"sqlite:///{tmp / 'bench.db'}",
        "MODERATION_SECRET_KEY": "bench",
        "MODERATION_LOG_LEVEL": "WARNING",
    }
    env["MODERATION_MODEL_PATH"] = str(Path(args.model).resolve()) if args.model else "none"
    key = subprocess.run(
        [BIN / "moderation", "keys", "create", "bench"],
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    bodies = tmp / "bodies.jsonl"
    bodies.write_text("\n".join(json.dumps({"text": t}) for t in texts()) + "\n")
    env["BENCH_BODIES"] = str(bodies)
    script = tmp / "post.lua"
    script.write_text(LUA % {"bodies": bodies, "key": key})

    results = {}
    servers = {
        "bare Flask": gunicorn("bench.bare_app:app", args.workers),
        "plain pipeline": gunicorn("bench.plain_app:app", args.workers),
        "/moderate sync": [BIN / "python", "-c", SYNC_SERVE, str(args.workers), "--port"],
        "/moderate": [BIN / "moderation", "serve", "--workers", str(args.workers), "--port"],
    }
    for name, command in servers.items():
        port = free_port()
        target = str(port) if name.startswith("/moderate") else f"127.0.0.1:{port}"
        with (tmp / f"{port}.log").open("wb") as log:
            proc = subprocess.Popen([*command, target], env=env, stdout=log, stderr=log)
        try:
            base = f"http://127.0.0.1:{port}"
            wait_ready(base + "/", proc)
            results[name] = run_wrk(base, script, args.seconds, args.connections)
        finally:
            proc.terminate()
            proc.wait(timeout=30)

    from sqlalchemy import create_engine, text

    engine = create_engine(env["MODERATION_DATABASE_URL"])
    with engine.connect() as conn:
        stored = conn.execute(text("SELECT count(*) FROM decisions")).scalar_one()
    engine.dispose()

    bare = results["bare Flask"]["rps"]
    print(f"{'endpoint':<15} {'req/s':>9} {'p50 ms':>8} {'p99 ms':>8} {'vs bare':>8}  non-2xx")
    for name, r in results.items():
        print(
            f"{name:<15} {r['rps']:>9.0f} {r['p50']:>8.2f} {r['p99']:>8.2f} "
            f"{r['rps'] / bare:>8.2f}  {r['non_2xx']} (socket errors: {r['socket_errors']})"
        )
    mod = results["/moderate"]
    plain = results["plain pipeline"]["rps"]
    sync = results["/moderate sync"]
    print(
        f"reading worker vs sync workers: {mod['rps'] / sync['rps']:.2f} of the throughput, "
        f"p99 {mod['p99']:.1f} ms vs {sync['p99']:.1f} ms"
    )
    print(
        f"decisions stored: {stored} (wrk counted {mod['requests']} /moderate requests in the "
        f"measured run, plus warm-up)"
    )
    model = f"model {Path(args.model).name}" if args.model else "rules only"
    print(
        f"/moderate ({model}): {mod['rps']:.0f} req/s = {mod['rps'] / bare:.2f} of bare, "
        f"{mod['rps'] / plain:.1f}x the plain pipeline, p99 {mod['p99']:.1f} ms"
    )
    shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
