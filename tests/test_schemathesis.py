"""Schemathesis against the running service's own /openapi.json: no failure of any check.

The document carries every limit (maxLength on each string, the id pattern for the body
and the path), so negative cases beyond them must be refused and positive ones stored.
"""

import subprocess
from pathlib import Path

from tests.live import BIN, serving


def test_schemathesis_finds_nothing(tmp_path, database_url):
    # On both databases: PostgreSQL refuses what SQLite stores (over-wide values, NULs),
    # so a limit missing from validation is a 500 only there.
    with serving(
        tmp_path, MODERATION_LOG_LEVEL="WARNING", MODERATION_DATABASE_URL=database_url
    ) as (base, key, _):
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
