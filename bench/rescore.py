"""Batch re-scoring speed and memory, beside the reference libraries in the same run.

    .venv/bin/python bench/rescore.py [--comments 100000] [--jobs 2]

Writes N comments of news-comment length (Kaggle insults test comments and news_dev when
../shared/data is there, else the rule tables' sentences) to a JSONL file, runs
`moderation rescore` on it end to end (reading, rules, language, model, policy, writing),
and samples the peak memory of its process tree. Then, on the same comments:
alt-profanity-check's `predict_prob` (one call over all of them) and better-profanity's
`contains_profanity` (on a sample: it manages tens of comments a second).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
BIN = Path(sys.executable).parent


def corpus() -> list[str]:
    from training import data

    try:
        texts = [e.text for e in data.kaggle_insults_test("test", None)]
        texts += [r["text"] for r in data.news_dev(None)]
    except (FileNotFoundError, OSError):
        from tests import test_rules

        texts = [t for t, _ in test_rules.PROFANITY + test_rules.ABUSE + test_rules.PROMOTION]
    return [t for t in texts if t.strip()]


def _tree_rss(pid: int) -> int:
    """Resident memory of a process and its descendants, in bytes (shared pages counted once
    per process, so this overstates the forked workers' true total)."""
    total, stack = 0, [pid]
    while stack:
        current = stack.pop()
        try:
            with open(f"/proc/{current}/status") as status:
                for line in status:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1]) * 1024
            for task in os.listdir(f"/proc/{current}/task"):
                with open(f"/proc/{current}/task/{task}/children") as children:
                    stack.extend(int(c) for c in children.read().split())
        except (FileNotFoundError, ProcessLookupError):
            continue
    return total


def _main_rss(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status") as status:
            return next(int(x.split()[1]) * 1024 for x in status if x.startswith("VmRSS:"))
    except (FileNotFoundError, StopIteration):
        return 0


def run_rescore(src: Path, out: Path, jobs: int, env: dict) -> dict:
    peak = {"tree": 0, "main": 0}
    proc = subprocess.Popen(
        [BIN / "moderation", "rescore", src, "--output", out, "--jobs", str(jobs), "--quiet"],
        env=env,
        stderr=subprocess.PIPE,
        text=True,
    )

    def sample() -> None:
        while proc.poll() is None:
            peak["tree"] = max(peak["tree"], _tree_rss(proc.pid))
            peak["main"] = max(peak["main"], _main_rss(proc.pid))
            time.sleep(0.2)

    sampler = threading.Thread(target=sample)
    started = time.perf_counter()
    sampler.start()
    _, stderr = proc.communicate()
    seconds = time.perf_counter() - started
    sampler.join()
    if proc.returncode != 0:
        raise SystemExit(f"rescore failed: {stderr[-2000:]}")
    return {"seconds": seconds, **peak}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--comments", type=int, default=100_000)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--better-profanity-sample", type=int, default=300)
    args = parser.parse_args()

    texts = corpus()
    rows = [texts[i % len(texts)] for i in range(args.comments)]
    mean_length = sum(map(len, rows)) / len(rows)
    tmp = Path(tempfile.mkdtemp(prefix="bench-rescore-"))
    src = tmp / "comments.jsonl"
    with src.open("w", encoding="utf-8") as handle:
        for i, text in enumerate(rows):
            handle.write(json.dumps({"id": f"c{i}", "text": text}, ensure_ascii=False) + "\n")
    env = {
        **os.environ,
        "MODERATION_DATABASE_URL": f"sqlite:///{tmp / 'bench.db'}",
        "MODERATION_LOG_LEVEL": "WARNING",
    }
    # start-up (imports, rules, model, language detector), measured apart
    one = tmp / "one.jsonl"
    one.write_text(json.dumps({"text": "hello"}) + "\n", encoding="utf-8")
    startup = run_rescore(one, tmp / "one.out", 1, env)["seconds"]
    result = run_rescore(src, tmp / "out.jsonl", args.jobs, env)
    decided = sum(1 for _ in (tmp / "out.jsonl").open(encoding="utf-8"))
    assert decided == args.comments, (decided, args.comments)

    from better_profanity import Profanity
    from profanity_check import predict_prob

    started = time.perf_counter()
    predict_prob(rows)
    apc = time.perf_counter() - started
    checker = Profanity()
    checker.load_censor_words()
    sample = rows[: args.better_profanity_sample]
    started = time.perf_counter()
    for text in sample:
        checker.contains_profanity(text)
    bp = time.perf_counter() - started

    rate = args.comments / result["seconds"]
    rate_steady = args.comments / max(1e-9, result["seconds"] - startup)
    print(f"{args.comments} comments, mean {mean_length:.0f} characters, {args.jobs} jobs")
    print(f"{'system':<44} {'comments/s':>11} {'vs service':>11}")
    print(f"{'moderation rescore (end to end, whole run)':<44} {rate:>11,.0f} {1.0:>11.2f}")
    print(f"{'  without the ' + f'{startup:.1f} s start-up':<44} {rate_steady:>11,.0f}")
    print(
        f"{'alt-profanity-check predict_prob':<44} {args.comments / apc:>11,.0f} "
        f"{args.comments / apc / rate:>11.2f}"
    )
    print(
        f"{'better-profanity contains_profanity':<44} {len(sample) / bp:>11,.1f} "
        f"{len(sample) / bp / rate:>11.4f}"
    )
    print(
        f"peak memory: main process {result['main'] / 2**20:,.0f} MiB, whole tree "
        f"{result['tree'] / 2**20:,.0f} MiB (RSS summed over processes); "
        f"input {src.stat().st_size / 2**20:,.0f} MiB"
    )


if __name__ == "__main__":
    main()
