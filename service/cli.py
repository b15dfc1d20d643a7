"""The `moderation` command: serve, keys, reviewers, check, rescore, export-labels."""

from __future__ import annotations

import errno
import json
import os
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import click
from sqlalchemy.exc import IntegrityError, InterfaceError, OperationalError

from service import db, reviews, store
from service.config import ConfigError

if TYPE_CHECKING:
    from service import api

# What a database that is down, refusing or locked raises while the schema is upgraded.
DATABASE_DOWN = (OperationalError, InterfaceError, db.LockTimeout)


def _unreachable(exc: Exception) -> click.ClickException:
    """One line for a database that cannot be reached at start: no traceback, no password."""
    reason = getattr(exc, "orig", None) or exc  # the driver's error, without SQLAlchemy's SQL
    lines = str(reason).strip().splitlines() or [""]
    return click.ClickException(
        f"the database is not reachable: {reason.__class__.__name__}: {lines[0]}"
    )


def _app():
    """The app, or one line for what stops it starting (model, lists, settings, database).

    Imported here, not at the top: commands that decide nothing start without the model."""
    from service import create_app
    from service.classifier import ModelError
    from service.rules.lists import RuleListError

    try:
        return create_app()
    except (ModelError, ConfigError, RuleListError) as exc:
        raise click.ClickException(str(exc)) from exc
    except DATABASE_DOWN as exc:
        raise _unreachable(exc) from exc


def _closed_at_exit(engine):
    """`engine`, its connections closed when the command ends: a command run inside
    another program (a test, a scheduler) must not leave them open behind it."""
    ctx = click.get_current_context(silent=True)
    if ctx is not None:
        ctx.call_on_close(engine.dispose)
    return engine


def _services() -> api.Services:
    from service import api

    svc = _app().extensions[api.EXTENSION]
    _closed_at_exit(svc.engine)
    return svc


def _settings():
    """The settings from the environment, or one line for what is wrong with them."""
    from flask import Flask

    from service.config import from_env

    try:
        return from_env(Path(Flask("service", instance_relative_config=True).instance_path))
    except ConfigError as exc:
        raise click.ClickException(str(exc)) from exc


def _engine():
    """The database alone, schema upgraded: for commands that decide nothing (keys,
    reviewers, backups), which then start without loading rules, model or languages."""
    settings = _settings()
    engine = db.make_engine(settings.database_url, settings.sqlite_lock_timeout)
    try:
        db.upgrade(engine)
    except DATABASE_DOWN as exc:
        engine.dispose()
        raise _unreachable(exc) from exc
    return _closed_at_exit(engine)


@click.group()
def main() -> None:
    """Comment moderation service."""


def _check_port_free(host: str, port: int) -> None:
    """One line if `host:port` cannot be listened on (taken, or not this machine's)."""
    import socket

    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise click.ClickException(f"cannot listen on {host}:{port}: {exc.strerror}") from exc
    family, kind, proto, _, address = infos[0]
    with socket.socket(family, kind, proto) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as gunicorn binds
        try:
            probe.bind(address)
        except OSError as exc:
            reason = "is taken" if exc.errno == errno.EADDRINUSE else f"failed: {exc.strerror}"
            raise click.ClickException(
                f"port {port} on {host} {reason}; choose another with --port (make run PORT=...)"
            ) from exc


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=int)
@click.option("--workers", default=2, show_default=True, type=click.IntRange(1, 64))
@click.option("--threads", default=1, show_default=True, type=click.IntRange(1, 64))
@click.option("--access-log/--no-access-log", default=False, show_default=True)
def serve(host: str, port: int, workers: int, threads: int, access_log: bool) -> None:
    """Serve the API under gunicorn (the schema is upgraded first)."""
    from service import api
    from service.server import Server

    _check_port_free(host, port)  # before the slow start, not after it
    app = _app()  # the database must answer, or serve stops here with one line
    if app.extensions[api.EXTENSION].settings.secret_key_generated:
        # Only the server has sessions to lose; other commands need no key.
        click.echo(
            "warning: MODERATION_SECRET_KEY is not set: reviewers' sessions end when the "
            "server restarts",
            err=True,
        )
    counters = app.extensions[api.EXTENSION].ratelimit_store
    if counters is not None:
        counters.reachable()  # logs one warning if not; the limits then let requests through
    Server(app, host, port, workers, access_log, threads=threads).run()


@main.group()
def keys() -> None:
    """API keys for the CMS and other clients."""


@keys.command("create")
@click.argument("name")
def keys_create(name: str) -> None:
    """Create a key for client NAME and print it (only its hash is stored)."""
    engine = _engine()
    with engine.begin() as conn:
        key = store.create_key(conn, name)
    click.echo(key)


@keys.command("revoke")
@click.argument("name_or_prefix")
def keys_revoke(name_or_prefix: str) -> None:
    """Revoke every active key of a client name, or the key with this prefix."""
    engine = _engine()
    with engine.begin() as conn:
        count = store.revoke_keys(conn, name_or_prefix)
    click.echo(f"revoked {count} key(s)")
    if count == 0:
        sys.exit(1)


@keys.command("list")
def keys_list() -> None:
    """List keys: client name, prefix, created and revoked dates."""
    engine = _engine()
    with engine.connect() as conn:
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
    engine = _engine()
    try:
        with engine.begin() as conn:
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
    engine = _engine()
    with engine.begin() as conn:
        if not reviews.set_password(conn, name, password):
            raise click.ClickException(f"no reviewer {name}")
    click.echo(f"password of {name} changed; their sessions are ended")


def _set_enabled(name: str, enabled: bool) -> None:
    with _engine().begin() as conn:
        if not reviews.set_enabled(conn, name, enabled=enabled):
            raise click.ClickException(f"no reviewer {name}")


@reviewers.command("disable")
@click.argument("name")
def reviewers_disable(name: str) -> None:
    """Disable reviewer NAME: no more logins, and every session ends at once."""
    _set_enabled(name, False)
    click.echo(f"reviewer {name} disabled; their sessions are ended")


@reviewers.command("enable")
@click.argument("name")
def reviewers_enable(name: str) -> None:
    """Let a disabled reviewer NAME log in again."""
    _set_enabled(name, True)
    click.echo(f"reviewer {name} enabled")


@reviewers.command("list")
def reviewers_list() -> None:
    """List reviewers: name, enabled or disabled, created."""
    engine = _engine()
    with engine.connect() as conn:
        accounts = reviews.list_reviewers(conn)
    for account in accounts:  # one JSON object a line, like `keys list`
        state = "enabled" if account.enabled else "disabled"
        click.echo(
            json.dumps(
                {
                    "name": account.username,
                    "state": state,
                    "created_at": account.created_at.isoformat(),
                }
            )
        )


def _open_text(path: Path, mode: str):
    import gzip

    if path.suffix == ".gz":
        return gzip.open(path, mode + "t", encoding="utf-8")
    return path.open(mode, encoding="utf-8")


@main.command("export")
@click.argument("output", type=click.Path(dir_okay=False, path_type=Path))
def export(output: Path) -> None:
    """Back up every comment and its decision history to OUTPUT (JSONL, .gz to compress)."""
    from service import backup

    engine = _engine()
    tally = backup.Tally()
    tmp = output.with_suffix(".tmp" + output.suffix)  # keeps .gz last: compressed alike
    with _open_text(tmp, "w") as out:
        for number, record in enumerate(backup.export_lines(engine)):
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            if number:
                tally.add(record)
    os.replace(tmp, output)
    click.echo(
        json.dumps(
            {"comments": tally.comments, "decisions": tally.decisions, "sha256": tally.sha256}
        )
    )


@main.command("import")
@click.argument("input_path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
def import_(input_path: Path) -> None:
    """Load a backup made by `moderation export` (comments already present are skipped)."""
    from service import backup, db

    engine = _engine()
    try:
        with _open_text(input_path, "r") as lines, db.write(engine) as conn:
            tally = backup.import_lines(conn, lines)
    except (backup.BackupError, OSError, UnicodeDecodeError) as exc:
        raise click.ClickException(f"{input_path}: {exc}; nothing was imported") from exc
    click.echo(
        json.dumps(
            {
                "comments": tally.comments,
                "decisions": tally.decisions,
                "skipped": tally.skipped,
                "sha256": tally.sha256,
            }
        )
    )


@main.command("export-labels")
@click.argument("output", type=click.Path(dir_okay=False, path_type=Path))
def export_labels(output: Path) -> None:
    """Write reviewers' decisions as labelled examples (JSONL) that training can read."""
    engine = _engine()
    tmp = output.with_name(output.name + ".tmp")
    count = 0
    with engine.connect() as conn, tmp.open("w", encoding="utf-8") as out:
        for row in reviews.reviewer_labels(conn):
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
            count += 1
    os.replace(tmp, output)
    click.echo(f"{count} labelled example(s) written to {output}", err=True)


@main.command("config")
@click.option("--json", "as_json", is_flag=True, help="one JSON object a line")
def config_(as_json: bool) -> None:
    """Print every setting in force and where it came from (environment, model card,
    default), the thresholds per category included; secrets are not shown."""
    from service.settings_report import describe, language_lines

    svc = _services()
    policy, classifier = svc.moderator.policy, svc.moderator.classifier
    lines = describe(
        svc.settings,
        os.environ,
        policy.reject_threshold,
        policy.review_threshold,
        classifier.thresholds,
        classifier.version,
        policy.version,
    ) + language_lines(policy.language_thresholds, classifier.version)
    if as_json:
        for line in lines:
            click.echo(json.dumps({"name": line.name, "value": line.value, "source": line.source}))
        return
    width = max(len(line.name) for line in lines)
    value_width = max(len(line.value) for line in lines)
    for line in lines:
        click.echo(f"{line.name.ljust(width)}  {line.value.ljust(value_width)}  {line.source}")


@main.command()
@click.argument("text")
def check(text: str) -> None:
    """Print the decision for TEXT as JSON (nothing is stored); `-` reads standard input.

    The text is validated as the API validates it: an empty or over-long text is an
    error (exit status 2, the API's error code and message), not a decision.
    """
    from service import api
    from service.pipeline import moderate
    from service.validation import ValidationError, comment_from_json

    if text == "-":
        text = sys.stdin.read()
    try:  # before the rules and model load: a bad text is told at once
        comment_from_json({"text": text}, _settings().max_text_length)
    except ValidationError as exc:
        click.echo(json.dumps({"error": exc.error, "message": exc.message}), err=True)
        sys.exit(2)
    svc = _services()
    click.echo(
        json.dumps(
            api.decision_json("-", moderate(text, svc.moderator)), indent=2, ensure_ascii=False
        )
    )


def _count_lines(path: Path) -> int | None:
    """Lines in an uncompressed file (the progress bar's total); None for gzip."""
    if path.suffix == ".gz":
        return None
    count, last = 0, b"\n"
    with path.open("rb") as handle:
        while block := handle.read(1 << 20):
            count += block.count(b"\n")
            last = block[-1:]
    return count + (last != b"\n")  # a last line without its newline is a line too


def _date(value: str | None):
    if value is None:
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError as exc:
        message = f"{value!r} is not an ISO date (2026-11-25 or 2026-11-25T10:00)"
        raise click.BadParameter(message) from exc
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


@main.command()
@click.argument(
    "input_path", required=False, type=click.Path(exists=True, dir_okay=False, path_type=Path)
)
@click.option("--output", "-o", required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--from-db", is_flag=True, help="re-score the comments stored in the database")
@click.option("--since", help="with --from-db: received at or after this ISO date/time (UTC)")
@click.option("--until", help="with --from-db: received before this ISO date/time (UTC)")
@click.option("--status", type=click.Choice(["final", "in_review"]), help="with --from-db")
@click.option("--jobs", "-j", default=0, show_default="all cores", type=click.IntRange(0, 256))
@click.option("--chunk-size", default=500, show_default=True, type=click.IntRange(1, 100_000))
@click.option("--on-error", type=click.Choice(["skip", "fail"]), default="skip", show_default=True)
@click.option("--quiet", "-q", is_flag=True, help="no progress bar")
@click.option("--resume", is_flag=True, help="continue an interrupted run into the same OUTPUT")
@click.option(
    "--compare",
    "compare_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="write the comparison with the decisions in force here (JSON)",
)
@click.option("--apply", is_flag=True, help="with --from-db: append the new decisions")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True)
@click.option("--scheduler", help="with --engine dask: the scheduler address (tcp://host:8786)")
def rescore(
    input_path: Path | None,
    output: Path,
    from_db: bool,
    since: str | None,
    until: str | None,
    status: str | None,
    jobs: int,
    chunk_size: int,
    on_error: str,
    quiet: bool,
    resume: bool,
    compare_path: Path | None,
    apply: bool,
    engine: str,
    scheduler: str | None,
) -> None:
    """Decide comments again with the current rules, model and policy.

    INPUT_PATH is a JSONL or CSV file (`text`, optional `id`, `article_id`, and the
    `decision` in force to compare with), gzip accepted; or use --from-db. Decisions go to
    OUTPUT as JSONL, in input order.
    """
    from service import batch_io
    from service import rescore as batch

    if from_db == (input_path is not None):
        raise click.UsageError("give either INPUT_PATH or --from-db")
    if apply and not from_db:
        raise click.UsageError("--apply changes the database: it needs --from-db")
    if engine == "dask" and not scheduler:
        raise click.UsageError("--engine dask needs --scheduler ADDRESS")
    svc = _services()
    moderator = svc.moderator
    identity = {
        "policy": moderator.policy.version,
        "model": moderator.classifier.version,
        "apply": apply,
    }
    if from_db:
        rows = batch_io.read_database(svc.engine, _date(since), _date(until), status)
        identity["input"] = f"database {svc.engine.url.render_as_string(hide_password=True)}"
        identity["filters"] = [since, until, status]
        with svc.engine.connect() as conn:
            total = store.count_comments(conn, _date(since), _date(until), status)
    else:
        try:
            batch_io.file_format(input_path)
        except ValueError as exc:
            raise click.UsageError(str(exc)) from exc
        try:
            batch_io.check_has_text(input_path)
        except batch_io.MissingText as exc:
            click.echo(f"Error: {exc}", err=True)
            sys.exit(2)  # the input is unusable, as a usage error is
        rows = batch_io.read_file(input_path)
        stat = input_path.stat()
        identity["input"] = [str(input_path.resolve()), stat.st_size, int(stat.st_mtime)]
        total = _count_lines(input_path)
    options = batch.Options(
        jobs=jobs,
        chunk_size=chunk_size,
        on_error=on_error,
        quiet=quiet,
        resume=resume,
        apply=apply,
        total=total,
    )
    if engine == "dask":
        from service.rescore_dask import DaskEngine

        runner = DaskEngine(scheduler, svc.settings, moderator)
    else:
        runner = batch.LocalEngine(moderator, jobs)
    try:
        with runner:
            report = batch.run(
                rows,
                output,
                runner,
                options,
                identity,
                database=svc.engine if apply else None,
                review_verdict=svc.settings.review_verdict,
                log=lambda message: click.echo(message, err=True),
            )
    except batch.BadInput as exc:
        raise click.ClickException(str(exc)) from exc
    if compare_path:
        tmp = compare_path.with_name(compare_path.name + ".tmp")
        tmp.write_text(json.dumps(report.to_json(), indent=2, ensure_ascii=False) + "\n")
        os.replace(tmp, compare_path)
    click.echo(report.summary(), err=True)
