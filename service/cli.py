"""The `moderation` command: serve, keys, reviewers, check, rescore, export-labels."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path

import click
from sqlalchemy.exc import IntegrityError

from service import api, create_app, reviews, store
from service.classifier import ModelError
from service.config import ConfigError
from service.pipeline import moderate
from service.rules.lists import RuleListError


def _app():
    """The app, or a one-line error for what stops it starting (model, lists, settings)."""
    try:
        return create_app()
    except (ModelError, ConfigError, RuleListError) as exc:
        raise click.ClickException(str(exc)) from exc


def _services() -> api.Services:
    return _app().extensions[api.EXTENSION]


@click.group()
def main() -> None:
    """Comment moderation service."""


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=int)
@click.option("--workers", default=2, show_default=True, type=int)
@click.option("--access-log/--no-access-log", default=False, show_default=True)
def serve(host: str, port: int, workers: int, access_log: bool) -> None:
    """Serve the API under gunicorn (the schema is upgraded first)."""
    from service.server import Server

    Server(_app(), host, port, workers, access_log).run()


@main.group()
def keys() -> None:
    """API keys for the CMS and other clients."""


@keys.command("create")
@click.argument("name")
def keys_create(name: str) -> None:
    """Create a key for client NAME and print it (only its hash is stored)."""
    svc = _services()
    with svc.engine.begin() as conn:
        key = store.create_key(conn, name)
    click.echo(key)


@keys.command("revoke")
@click.argument("name_or_prefix")
def keys_revoke(name_or_prefix: str) -> None:
    """Revoke every active key of a client name, or the key with this prefix."""
    svc = _services()
    with svc.engine.begin() as conn:
        count = store.revoke_keys(conn, name_or_prefix)
    click.echo(f"revoked {count} key(s)")
    if count == 0:
        sys.exit(1)


@keys.command("list")
def keys_list() -> None:
    """List keys: client name, prefix, created and revoked dates."""
    svc = _services()
    with svc.engine.connect() as conn:
        for row in store.list_keys(conn):
            click.echo(json.dumps(row))


@main.group()
def reviewers() -> None:
    """Reviewer accounts for the queue pages."""


MIN_PASSWORD = 12


def _password(from_stdin: bool) -> str:
    if from_stdin:
        password = sys.stdin.readline().rstrip("\n")
    else:
        password = click.prompt("Password", hide_input=True, confirmation_prompt=True)
    if len(password) < MIN_PASSWORD:
        raise click.ClickException(f"the password needs at least {MIN_PASSWORD} characters")
    return password


@reviewers.command("add")
@click.argument("name")
@click.option("--password-stdin", is_flag=True, help="read the password from standard input")
def reviewers_add(name: str, password_stdin: bool) -> None:
    """Create reviewer NAME; asks for the password (stored as a scrypt hash)."""
    if not name.strip() or len(name) > 100:
        raise click.ClickException("the name must be 1 to 100 characters")
    password = _password(password_stdin)
    svc = _services()
    try:
        with svc.engine.begin() as conn:
            reviews.add_reviewer(conn, name.strip(), password)
    except IntegrityError as exc:
        raise click.ClickException(f"reviewer {name} already exists") from exc
    click.echo(f"reviewer {name.strip()} added")


@reviewers.command("passwd")
@click.argument("name")
@click.option("--password-stdin", is_flag=True, help="read the password from standard input")
def reviewers_passwd(name: str, password_stdin: bool) -> None:
    """Set a new password for reviewer NAME."""
    password = _password(password_stdin)
    svc = _services()
    with svc.engine.begin() as conn:
        if not reviews.set_password(conn, name, password):
            raise click.ClickException(f"no reviewer {name}")
    click.echo(f"password of {name} changed")


@main.command("export-labels")
@click.argument("output", type=click.Path(dir_okay=False, path_type=Path))
def export_labels(output: Path) -> None:
    """Write reviewers' decisions as labelled examples (JSONL) that training can read."""
    svc = _services()
    tmp = output.with_name(output.name + ".tmp")
    count = 0
    with svc.engine.connect() as conn, tmp.open("w", encoding="utf-8") as out:
        for row in reviews.reviewer_labels(conn):
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
            count += 1
    os.replace(tmp, output)
    click.echo(f"{count} labelled example(s) written to {output}", err=True)


@main.command()
@click.argument("text")
def check(text: str) -> None:
    """Print the decision for TEXT as JSON (nothing is stored)."""
    svc = _services()
    click.echo(
        json.dumps(
            api.decision_json("-", moderate(text, svc.moderator)), indent=2, ensure_ascii=False
        )
    )


def _read_jsonl(path: Path) -> Iterator[tuple[int, dict]]:
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                raise click.ClickException(f"{path}:{number}: not valid JSON ({exc.msg})") from exc
            if not isinstance(row, dict) or not isinstance(row.get("text"), str):
                raise click.ClickException(f"{path}:{number}: needs a 'text' string")
            yield number, row


@main.command()
@click.argument("input_path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--output", "-o", required=True, type=click.Path(dir_okay=False, path_type=Path))
def rescore(input_path: Path, output: Path) -> None:
    """Decide every comment of a JSONL file ({"id", "text"} per line) into OUTPUT, in order."""
    svc = _services()
    count = 0
    tmp = output.with_name(output.name + ".partial")
    with tmp.open("w", encoding="utf-8") as out:
        for number, row in _read_jsonl(input_path):
            comment_id = str(row.get("id", number))
            decision = moderate(row["text"], svc.moderator)
            out.write(json.dumps(api.decision_json(comment_id, decision), ensure_ascii=False))
            out.write("\n")
            count += 1
    os.replace(tmp, output)
    click.echo(f"{count} comments decided into {output}", err=True)
