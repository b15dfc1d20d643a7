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


def test_two_clients_with_one_id_round_trip_and_a_version_1_file_still_imports(tmp_path):
    url = f"sqlite:///{tmp_path / 'two.db'}"
    app = create_app({"database_url": url, "model_path": None})
    engine = app.extensions[api.EXTENSION].engine
    with engine.begin() as conn:
        keys = [store.create_key(conn, name) for name in ("cms", "forum")]
    for key, text in zip(keys, ("From the CMS", "From the forum"), strict=True):
        body = {"id": "same", "text": text}
        headers = {"Authorization": f"Bearer {key}"}
        assert app.test_client().post("/moderate", json=body, headers=headers).status_code == 200
    engine.dispose()
    backup = tmp_path / "two.jsonl"
    exported = json.loads(moderation(url, "export", backup).stdout)
    target = f"sqlite:///{tmp_path / 'target.db'}"
    assert json.loads(moderation(target, "import", backup).stdout)["sha256"] == exported["sha256"]
    # a file written before migration 0003: version 1, no external_id
    lines = backup.read_text(encoding="utf-8").splitlines()
    old = [json.dumps({"format": "moderation-export", "version": 1})]
    for line in lines[1:]:
        record = json.loads(line)
        del record["external_id"]
        old.append(json.dumps(record))
    v1 = tmp_path / "v1.jsonl"
    v1.write_text("\n".join(old[:2]) + "\n", encoding="utf-8")
    older = f"sqlite:///{tmp_path / 'older.db'}"
    assert json.loads(moderation(older, "import", v1).stdout)["comments"] == 1
    record = json.loads(old[1])
    app = create_app({"database_url": older, "model_path": None})
    with app.extensions[api.EXTENSION].engine.connect() as conn:
        assert store.get_comment(conn, record["id"]).external_id == record["id"]
    app.extensions[api.EXTENSION].engine.dispose()
