"""`moderation serve` started for a test on a free loopback port, and the CLI beside it."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from bench.load import Server, free_port
from tests import cli

BIN = Path(sys.executable).parent


def moderation(env: dict, *args: str, stdin: str | None = None) -> str:
    """Run a `moderation` command (in this process: tests/cli.py); its standard output,
    stripped."""
    return cli.moderation(env, *args, input=stdin).stdout.strip()


@contextmanager
def serving(tmp_path: Path, **settings: str) -> Iterator[tuple[str, str, dict]]:
    """A running service on SQLite in `tmp_path`: (base URL, an API key, its environment)."""
    env = {
        **os.environ,
        "MODERATION_DATABASE_URL": f"sqlite:///{tmp_path / 'm.db'}",
        "MODERATION_SECRET_KEY": "test-secret",
        **settings,
    }
    key = moderation(env, "keys", "create", "cms")
    server = Server(env, free_port(), tmp_path / "server.log")
    server.start()
    try:
        yield f"http://127.0.0.1:{server.port}", key, env
    finally:
        server.stop()
