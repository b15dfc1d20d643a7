"""Every `moderation` command shown in a shell example of the README and docs runs.

The examples are the indented code blocks; each line that calls `moderation` (with its
continuation lines) runs as written in bash, in a scratch folder on a scratch SQLite
database, with the files it names prepared. `serve` runs as `serve ... --help`, which
still checks every option it is given; password prompts read from standard input.
"""

from __future__ import annotations

import gzip
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
PASSWORD = "correct horse battery staple"
# The command itself, not an image or a folder named moderation (`docker run ... moderation`).
_CALL = re.compile(r"(?:^|[\s|(])\.venv/bin/moderation\s|^moderation\s")


def examples() -> list[tuple[str, int, str]]:
    """(document, line, command) for each shell example line that calls `moderation`."""
    found = []
    for path in DOCS:
        lines = path.read_text(encoding="utf-8").splitlines()
        i = 0
        while i < len(lines):
            line = lines[i]
            if (
                line.startswith("    ")
                and _CALL.search(line.strip())
                and not line.lstrip().startswith("#")
            ):
                command, number = line.strip(), i + 1
                while command.endswith("\\") and i + 1 < len(lines):
                    i += 1
                    command = command[:-1] + " " + lines[i].strip()
                found.append((path.name, number, command))
            i += 1
    return found


EXAMPLES = examples()


def test_the_docs_show_commands():
    assert len(EXAMPLES) >= 15
    assert {d for d, _, _ in EXAMPLES} >= {"README.md", "operations.md", "rescore.md"}


def _scratch(folder: Path) -> dict:
    """In `folder`: .venv/bin pointing at this environment, a database and the files the
    examples name; returns the environment to run them in."""
    (folder / ".venv").mkdir()
    (folder / ".venv" / "bin").symlink_to(Path(sys.executable).parent)
    env = {
        **os.environ,
        "MODERATION_DATABASE_URL": f"sqlite:///{folder / 'm.db'}",
        "MODERATION_SECRET_KEY": "docs-test",
        "MODERATION_LOG_LEVEL": "WARNING",
        "PASSWORD": PASSWORD,
    }

    def moderation(*args: str) -> None:
        subprocess.run(
            [".venv/bin/moderation", *args], cwd=folder, env=env, check=True, capture_output=True
        )

    rows = [{"id": "a", "text": "Thanks for the report"}, {"id": "b", "text": "Fuck this"}]
    with gzip.open(folder / "archive.jsonl.gz", "wt", encoding="utf-8") as out:
        out.writelines(json.dumps(r) + "\n" for r in rows)
    moderation("keys", "create", "cms-2026")  # the key the rotation example revokes
    moderation("export", "backup-2026-11-25.jsonl.gz")  # the backup the import reads
    return env


@pytest.mark.parametrize("document", sorted({d for d, _, _ in EXAMPLES}))
def test_documented_commands_run_in_order(tmp_path, document):
    """Each document's examples in order, on a scratch instance of its own: later examples
    use what earlier ones made (alice is added before her password is changed)."""
    env = _scratch(tmp_path)
    failures = []
    for _, number, command in (e for e in EXAMPLES if e[0] == document):
        command = command.split("  #")[0].strip()  # the example's trailing comment
        if re.search(r"moderation serve\b", command):
            command += " --help"  # starting a server is the server tests' job
        result = subprocess.run(
            ["bash", "-c", command],
            cwd=tmp_path,
            env=env,
            input=f"{PASSWORD}\n{PASSWORD}\n",
            capture_output=True,
            text=True,
            timeout=300,
        )
        if result.returncode != 0:
            failures.append(f"{document}:{number}: {command}\n{result.stderr[-800:]}")
    assert not failures, "\n\n".join(failures)
