"""The `moderation` command: keys, check, rescore (run as a real process)."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

BIN = Path(sys.executable).parent / "moderation"
COMMITTED_MODEL = json.loads(
    (Path(__file__).parent.parent / "models" / "classifier.json").read_text(encoding="utf-8")
)["version"]


@pytest.fixture
def env(tmp_path):
    return {**os.environ, "MODERATION_DATABASE_URL": f"sqlite:///{tmp_path / 'm.db'}"}


def run(env, *args, check=True):
    return subprocess.run([BIN, *args], env=env, capture_output=True, text=True, check=check)


def test_keys_create_list_revoke(env):
    key = run(env, "keys", "create", "cms").stdout.strip()
    assert key.startswith("mod_") and len(key) > 40
    listed = [json.loads(line) for line in run(env, "keys", "list").stdout.splitlines()]
    assert listed[0]["name"] == "cms" and key not in json.dumps(listed)
    assert "revoked 1" in run(env, "keys", "revoke", "cms").stdout
    assert run(env, "keys", "revoke", "cms", check=False).returncode == 1


def test_check_prints_decision_json(env):
    out = json.loads(run(env, "check", "I will kill you").stdout)
    assert out["decision"] == "reject" and out["categories"] == ["threat"]
    assert out["model_version"] == COMMITTED_MODEL and set(out["scores"]) >= {"threat"}


def test_rescore_writes_one_decision_per_line_in_order(env, tmp_path):
    rows = [
        {"id": "a", "text": "Fuck this"},
        {"id": "b", "text": "Good article"},
        {"text": "Visit bit.ly/spam"},
    ]
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    run(env, "rescore", str(src), "--output", str(out))
    lines = [json.loads(line) for line in out.read_text().splitlines()]
    assert [(x["id"], x["decision"]) for x in lines] == [
        ("a", "reject"),
        ("b", "approve"),
        ("3", "reject"),
    ]
    assert all("policy_version" in x for x in lines)
    assert {x["model_version"] for x in lines} == {COMMITTED_MODEL}


def test_rescore_reports_bad_line_with_its_number(env, tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text('{"text": "ok"}\n{not json\n', encoding="utf-8")
    out = str(tmp_path / "o.jsonl")
    result = run(env, "rescore", str(src), "--output", out, "--on-error", "fail", check=False)
    assert result.returncode != 0
    assert "line 2: not valid JSON" in result.stderr
    assert not (tmp_path / "o.jsonl").exists()


def test_missing_model_is_a_one_line_error(env, tmp_path):
    env = {**env, "MODERATION_MODEL_PATH": str(tmp_path / "none.joblib")}
    for args in (("check", "hi"), ("serve", "--port", "1")):
        result = run(env, *args, check=False)
        assert result.returncode == 1
        assert "Error: model" in result.stderr and "Traceback" not in result.stderr
