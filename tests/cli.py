"""`moderation` commands run inside the test process, through click's runner.

A command started as a process spends seconds importing and loading the rules, the model
and the language detector; run here, it reuses what this test process has already loaded.
Tests of the process itself (its start-up output, signals, the installed entry point)
start the real command instead (tests/test_cli.py)."""

from __future__ import annotations

from dataclasses import dataclass

from click.testing import CliRunner

from service.cli import main


@dataclass(frozen=True)
class Ran:
    """What a command printed and its exit status, named as `subprocess.run` names them."""

    returncode: int
    stdout: str
    stderr: str


def moderation(env: dict, *args: object, input: str | None = None, check: bool = True) -> Ran:
    """Run `moderation ARGS` with `env` as its environment; an exception it raises fails
    the test (a crash is never an exit status)."""
    result = CliRunner().invoke(
        main, [str(a) for a in args], env=env, input=input, catch_exceptions=False
    )
    ran = Ran(result.exit_code, result.stdout, result.stderr)
    if check and ran.returncode != 0:
        raise AssertionError(
            f"moderation {' '.join(map(str, args))} exited {ran.returncode}:\n{ran.stderr}"
        )
    return ran
