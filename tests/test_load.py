"""A bounded load with a worker and then the whole server killed mid-run (bench/load.py at
a reduced size): no 5xx, and every acknowledged comment stored once with its decision."""

import pytest

from bench import load


@pytest.mark.parametrize("backend", ["sqlite", "postgres"])
def test_load_with_crashes_loses_nothing(backend, tmp_path, request):
    url = (
        f"sqlite:///{tmp_path / 'load.db'}"
        if backend == "sqlite"
        else request.getfixturevalue("postgres_url")
    )
    result = load.main(
        [
            "--requests", "1500",
            "--concurrency", "16",
            "--database-url", url,
            "--kill-worker-at", "0.3",
            "--kill-server-at", "0.6",
        ]
    )  # fmt: skip
    assert result["first_try"]["5xx"] == 0
    assert result["first_try"]["ok"] > 0 and result["retried"] > 0  # the crashes happened
    assert result["acknowledged"] == result["stored"] == 1500
    assert result["missing"] == result["duplicated"] == result["wrong_decision"] == []
