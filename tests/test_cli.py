"""The `moderation` command: keys, check, rescore, config; and, as a real process, its
start-up output, errors and the installed entry point."""

import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli import moderation

BIN = Path(sys.executable).parent / "moderation"
MIGRATIONS = list(
    (Path(__file__).parent.parent / "service" / "migrations" / "versions").glob("0*.py")
)
COMMITTED_MODEL = json.loads(
    (Path(__file__).parent.parent / "models" / "classifier.json").read_text(encoding="utf-8")
)["version"]


@pytest.fixture
def env(tmp_path):
    return {**os.environ, "MODERATION_DATABASE_URL": f"sqlite:///{tmp_path / 'm.db'}"}


def run(env, *args, check=True):
    """The installed command as a process: for what only a process shows."""
    return subprocess.run([BIN, *args], env=env, capture_output=True, text=True, check=check)


def test_keys_create_list_revoke(env):
    key = moderation(env, "keys", "create", "cms").stdout.strip()
    assert key.startswith("mod_") and len(key) > 40
    listed = [json.loads(line) for line in moderation(env, "keys", "list").stdout.splitlines()]
    assert listed[0]["name"] == "cms" and key not in json.dumps(listed)
    assert "revoked 1" in moderation(env, "keys", "revoke", "cms").stdout
    assert moderation(env, "keys", "revoke", "cms", check=False).returncode == 1


def test_check_prints_decision_json(env):
    out = json.loads(moderation(env, "check", "I will kill you").stdout)
    assert out["decision"] == "reject" and out["categories"] == ["threat"]
    assert out["model_version"] == COMMITTED_MODEL and set(out["scores"]) >= {"threat"}


def test_check_validates_as_the_api_does(env):
    """An empty or invisible text is the API's 400 empty_text, not an approval."""
    for text in ("", "   ", "\u200b"):
        result = moderation(env, "check", text, check=False)
        assert result.returncode == 2 and result.stdout == ""
        assert json.loads(result.stderr.strip().splitlines()[-1])["error"] == "empty_text"
    too_long = moderation(env, "check", "a" * 10_001, check=False)
    assert too_long.returncode == 2 and "text_too_long" in too_long.stderr


def test_check_reads_standard_input(env):
    result = moderation(env, "check", "-", input="I will kill you\n")
    assert json.loads(result.stdout)["decision"] == "reject"


def test_rescore_writes_one_decision_per_line_in_order(env, tmp_path):
    rows = [
        {"id": "a", "text": "Fuck this"},
        {"id": "b", "text": "Good article"},
        {"text": "Visit bit.ly/spam"},
    ]
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    moderation(env, "rescore", str(src), "--output", str(out))
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
    result = moderation(
        env, "rescore", str(src), "--output", out, "--on-error", "fail", check=False
    )
    assert result.returncode != 0
    assert "line 2: not valid JSON" in result.stderr
    assert not (tmp_path / "o.jsonl").exists()


def test_missing_model_is_a_one_line_error(env, tmp_path):
    env = {**env, "MODERATION_MODEL_PATH": str(tmp_path / "none.joblib")}
    for args in (("check", "hi"), ("serve", "--port", "1")):
        result = run(env, *args, check=False)
        assert result.returncode == 1
        assert "Error: model" in result.stderr and "Traceback" not in result.stderr


def test_commands_that_decide_nothing_load_no_model():
    """keys, reviewers and backups touch the database only: importing the command loads
    neither scikit-learn, the language detector nor the Flask app (seconds per call)."""
    probe = (
        "import sys, service.cli; "
        "print(sorted(m for m in ('sklearn', 'lingua', 'service.api', 'service.pipeline') "
        "if m in sys.modules))"
    )
    loaded = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    ).stdout
    assert loaded.strip() == "[]"


def test_commands_other_than_serve_print_no_start_up_noise(env):
    """Alembic speaks only when it changes the schema; only serve warns about the key."""
    env = {k: v for k, v in env.items() if k != "MODERATION_SECRET_KEY"}
    first = run(env, "check", "hello")
    assert "Running upgrade" in first.stderr  # a new database: the schema was created
    again = run(env, "check", "hello")
    assert "alembic" not in again.stderr and "SECRET_KEY" not in again.stderr
    assert "SECRET_KEY" not in run(env, "keys", "list").stderr


def test_serve_warns_about_a_generated_secret_key(env):
    env = {k: v for k, v in env.items() if k != "MODERATION_SECRET_KEY"}
    server = subprocess.Popen(
        [BIN, "serve", "--port", "0"], env=env, stderr=subprocess.PIPE, text=True
    )
    try:  # the warning comes before the server listens (after the schema's creation)
        # Alembic's lines on a new database (one per migration and two more), then the
        # warning: read until it comes, and no further (the server says nothing more)
        seen = []
        for _ in range(len(MIGRATIONS) + 6):
            seen.append(server.stderr.readline())
            if "MODERATION_SECRET_KEY is not set" in seen[-1]:
                break
        assert "MODERATION_SECRET_KEY is not set" in seen[-1], seen
    finally:
        server.terminate()
        server.wait(timeout=30)
        server.stderr.close()


def test_serve_on_a_taken_port_says_so_in_one_line(env):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = run(env, "serve", "--port", str(port), check=False)
    assert result.returncode == 1
    assert result.stderr.strip() == (
        f"Error: port {port} on 127.0.0.1 is taken; choose another with --port (make run PORT=...)"
    )


def test_config_names_each_setting_and_threshold_with_its_source(env):
    env = {
        **env,
        "MODERATION_REJECT_THRESHOLD_THREAT": "0.7",
        "MODERATION_SECRET_KEY": "do-not-print-this-secret",
    }
    lines = [json.loads(line) for line in moderation(env, "config", "--json").stdout.splitlines()]
    by_name = {line["name"]: line for line in lines}
    assert by_name["threshold.reject.threat"] == {
        "name": "threshold.reject.threat",
        "value": "0.70",
        "source": "environment MODERATION_REJECT_THRESHOLD_THREAT",
    }
    card = json.loads((Path(__file__).parent.parent / "models" / "classifier.json").read_text())
    attack = card["thresholds"]["personal_attack"]["reject"]
    assert by_name["threshold.reject.personal_attack"]["value"] == f"{attack:.2f}"
    assert by_name["threshold.reject.personal_attack"]["source"].startswith("model card")
    turkish = card["languages"]["tr"]["thresholds"]["profanity"]
    assert by_name["threshold.tr.reject.profanity"]["value"] == f"{turkish['reject']:.4f}"
    assert by_name["model_languages"]["value"] == "ar,tr"
    assert by_name["MODERATION_DATABASE_URL"]["source"] == "environment"
    assert by_name["MODERATION_MAX_TEXT_LENGTH"] == {
        "name": "MODERATION_MAX_TEXT_LENGTH",
        "value": "10000",
        "source": "default",
    }
    assert by_name["model_version"]["value"] == COMMITTED_MODEL
    everything = json.dumps(lines)
    assert "do-not-print-this-secret" not in everything
    plain = moderation(env, "config").stdout
    assert "threshold.reject.threat" in plain and "do-not-print-this-secret" not in plain
