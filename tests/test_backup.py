"""`moderation export` / `import`: a round trip keeps every comment and decision."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from service import api, create_app, store

BIN = Path(sys.executable).parent / "moderation"
TEXTS = [
    "Great reporting from Erbil",
    "Fuck this budget",
    "Interesting: koyawatch.net/report",
    "Das ist ein sehr guter Artikel über die Wahlen in Erbil und Slemani.",
    "emoji 👏🏽, RTL \u202eevil\u202c, zero\u200bwidth, CRLF\r\nand 'quotes' \"both\"",
]


def moderation(url: str, *args, check=True):
    env = {
        **os.environ,
        "MODERATION_DATABASE_URL": url,
        "MODERATION_MODEL_PATH": "none",
        "MODERATION_LOG_LEVEL": "WARNING",
    }
    return subprocess.run(
        [BIN, *map(str, args)], env=env, capture_output=True, text=True, check=check
    )


@pytest.fixture
def source(tmp_path) -> str:
    url = f"sqlite:///{tmp_path / 'source.db'}"
    app = create_app({"database_url": url, "model_path": None})
    engine = app.extensions[api.EXTENSION].engine
    client = app.test_client()
    with engine.begin() as conn:
        auth = {"Authorization": f"Bearer {store.create_key(conn, 'cms')}"}
    for i, text in enumerate(TEXTS):
        body = {"id": f"b{i}", "text": text, "article": {"id": "a", "title": "T"}}
        body["author"] = {"name": "Ann", "email": "ann@example.org"}
        assert client.post("/moderate", json=body, headers=auth).status_code == 200
    engine.dispose()
    return url


@pytest.mark.parametrize("compressed", [False, True])
def test_round_trip_keeps_counts_and_content(source, database_url, tmp_path, compressed):
    backup = tmp_path / ("backup.jsonl.gz" if compressed else "backup.jsonl")
    exported = json.loads(moderation(source, "export", backup).stdout)
    assert exported["comments"] == len(TEXTS) and exported["decisions"] == len(TEXTS)
    imported = json.loads(moderation(database_url, "import", backup).stdout)
    assert imported["comments"] == exported["comments"] and imported["skipped"] == 0
    assert imported["sha256"] == exported["sha256"]
    again = json.loads(moderation(database_url, "export", tmp_path / "again.jsonl").stdout)
    assert again == exported  # same counts, same content digest
    app = create_app({"database_url": database_url, "model_path": None})
    engine = app.extensions[api.EXTENSION].engine
    with engine.connect() as conn:
        restored = store.get_comment(conn, "b4")
        assert restored.text == TEXTS[4] and restored.author_email == "ann@example.org"
        assert restored.current.status in ("final", "in_review")
    engine.dispose()
    # importing again changes nothing
    twice = json.loads(moderation(database_url, "import", backup).stdout)
    assert twice["comments"] == 0 and twice["skipped"] == len(TEXTS)


def test_a_damaged_backup_imports_nothing(source, tmp_path):
    backup = tmp_path / "backup.jsonl"
    moderation(source, "export", backup)
    lines = backup.read_text(encoding="utf-8").splitlines()
    backup.write_text("\n".join(lines[:3] + ["{broken"] + lines[3:]) + "\n", encoding="utf-8")
    target = f"sqlite:///{tmp_path / 'target.db'}"
    failed = moderation(target, "import", backup, check=False)
    assert failed.returncode != 0 and "line 4" in failed.stderr
    assert "nothing was imported" in failed.stderr
    exported = json.loads(moderation(target, "export", tmp_path / "empty.jsonl").stdout)
    assert exported["comments"] == 0
