"""Schemathesis against the running service's own /openapi.json: no failure of any check."""

import os
import subprocess
import sys
import time
from pathlib import Path

import requests

from tests.test_http import free_port

BIN = Path(sys.executable).parent


def test_schemathesis_finds_nothing(tmp_path):
    env = {
        **os.environ,
        "MODERATION_DATABASE_URL": f"sqlite:///{tmp_path / 'm.db'}",
        "MODERATION_SECRET_KEY": "schemathesis",
        "MODERATION_LOG_LEVEL": "WARNING",
    }
    key = subprocess.run(
        [BIN / "moderation", "keys", "create", "st"],
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    port = free_port()
    with (tmp_path / "server.log").open("wb") as log:
        server = subprocess.Popen(
            [BIN / "moderation", "serve", "--port", str(port)], env=env, stdout=log, stderr=log
        )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                if requests.get(f"{base}/health", timeout=1).status_code == 200:
                    break
            except requests.ConnectionError:
                pass
            assert server.poll() is None and time.monotonic() < deadline, "server did not start"
            time.sleep(0.2)
        result = subprocess.run(
            [
                BIN / "st",
                "--config-file",
                Path(__file__).with_name("schemathesis.toml"),
                "run",
                f"{base}/openapi.json",
                "--header",
                f"Authorization: Bearer {key}",
                "--max-examples",
                "60",
                "--seed",
                "20261125",
            ],
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert result.returncode == 0, result.stdout[-6000:]
    finally:
        server.terminate()
        server.wait(timeout=30)
