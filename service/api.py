"""The HTTP API: `POST /moderate`, `GET /comments/<id>`, `GET /health`, `/openapi.json`."""

from __future__ import annotations

import logging
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass

from flask import Blueprint, Flask, Response, current_app, g, jsonify, render_template, request
from limits.errors import StorageError
from redis import RedisError
from sqlalchemy import Engine
from sqlalchemy.exc import DisconnectionError, IntegrityError, InterfaceError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from werkzeug.exceptions import HTTPException, RequestEntityTooLarge
from werkzeug.wsgi import LimitedStream

from service import db, store
from service.auth import ApiKeys
from service.config import Settings
from service.domain import CommentIn, Decision
from service.openapi import DECISION_FIELDS, openapi_document
from service.pipeline import Moderator, moderate
from service.ratelimit import RateLimit, Store
from service.settings_report import language_thresholds_json, thresholds_json
from service.validation import ValidationError, check_id, comment_from_json, parse_json

log = logging.getLogger(__name__)
bp = Blueprint("api", __name__)
EXTENSION = "moderation"
# /health is polled: the database gets this many seconds to start a write.
HEALTH_TIMEOUT = 1.0
# Seconds a client waits before it retries after a 503: outages are mostly brief locks.
RETRY_AFTER = "1"
# A dependency that failed (database locked or gone, Redis gone): 503, retry, never 500.
DEPENDENCY_ERRORS: tuple[type[Exception], ...] = (
    OperationalError,
    InterfaceError,
    DisconnectionError,
    PoolTimeout,
    db.LockTimeout,
    RedisError,
    StorageError,
)


@dataclass(frozen=True)
class Services:
    """What the request handlers need, built once by the app factory."""

    settings: Settings
    engine: Engine
    moderator: Moderator
    keys: ApiKeys
    per_key: RateLimit | None = None
    per_address: RateLimit | None = None
    # The shared rate-limit store that /health pings; None for per-process memory.
    ratelimit_store: Store | None = None


def services() -> Services:
    return current_app.extensions[EXTENSION]


def error(code: str, message: str, status: int) -> tuple[Response, int]:
    """The one JSON error shape: a short `error` code and a human `message`."""
    return jsonify(error=code, message=message), status


def decision_json(comment_id: str, decision: Decision) -> dict:
    """A fresh decision as `POST /moderate` answers it."""
    return {
        "id": comment_id,
        "decision": decision.verdict.value,
        "status": decision.status.value,
        "categories": [c.value for c in decision.categories],
        "reasons": [r.to_json() for r in decision.reasons],
        "scores": decision.scores,
        "language": decision.language,
        "languages": list(decision.languages),
        "model_version": decision.model_version,
        "policy_version": decision.policy_version,
    }


def stored_json(comment_id: str, decision: store.StoredDecision) -> dict:
    """A stored decision in the same shape as a fresh one."""
    body = decision.to_json()
    return {"id": comment_id, **{k: body[k] for k in DECISION_FIELDS}}


def _limited(limit: RateLimit | None, key: str) -> tuple[Response, int] | None:
    if limit is None:
        return None
    wait = limit.take(key)
    if not wait:
        return None
    response, status = error("rate_limited", f"too many requests: retry in {wait} s", 429)
    response.headers["Retry-After"] = str(wait)
    return response, status


def _authenticate() -> tuple[Response, int] | None:
    header = request.headers.get("Authorization", "")
    scheme, _, key = header.partition(" ")
    if scheme.lower() != "bearer" or not key.strip():
        return error("unauthorized", "send an API key as 'Authorization: Bearer <key>'", 401)
    client = services().keys.client(key.strip())
    if client is None:
        return error("unauthorized", "the API key is unknown or revoked", 401)
    g.client = client
    return None


def _replay(conn, comment: CommentIn, comment_id: str) -> tuple[Response, int] | None:
    """The stored answer if this client sent this id with the same text; 409 if with another."""
    stored_hash = store.comment_hash(conn, g.client, comment_id)
    if stored_hash is None:
        return None
    if stored_hash != store.text_hash(comment.text):
        return error("conflict", f"comment {comment_id} was already submitted with other text", 409)
    stored = store.find_comment(conn, g.client, comment_id)
    return jsonify(stored_json(comment_id, stored.current)), 200


def _body() -> bytes:
    """The request body; 413 also for a chunked one over the limit, which Werkzeug cuts."""
    data = request.get_data()
    stream = request.stream
    # Without Content-Length, Werkzeug stops reading at MAX_CONTENT_LENGTH and returns what
    # it has: one more byte from the server's own stream tells a cut body from a whole one.
    if isinstance(stream, LimitedStream) and request.content_length is None:
        if stream.is_exhausted and request.environ["wsgi.input"].read(1):
            raise RequestEntityTooLarge()
    return data


@bp.post("/moderate")
def moderate_comment():
    """Decide a comment, store it and the decision, then answer."""
    svc = services()
    denied = (
        _limited(svc.per_address, request.remote_addr or "unknown")
        or _authenticate()
        or _limited(svc.per_key, g.client)
    )
    if denied:
        return denied
    if request.mimetype != "application/json":
        return error("unsupported_media_type", "send the comment as application/json", 415)
    comment = comment_from_json(parse_json(_body()), svc.settings.max_text_length)
    comment_id = comment.id or uuid.uuid4().hex
    if comment.id:
        with svc.engine.connect() as conn:
            replay = _replay(conn, comment, comment_id)
        if replay:
            return replay
    decision = moderate(comment.text, svc.moderator)
    try:
        with db.write(svc.engine) as conn:
            store.add_comment(conn, comment_id, comment, decision, g.client)
    except IntegrityError:
        # The same id arrived concurrently from this client: answer as for a resubmission.
        with svc.engine.connect() as conn:
            replay = _replay(conn, comment, comment_id)
        if replay:
            return replay
        # Another client's comment took the same key at the same moment: the retry sees it
        # and stores this one under a generated key.
        with db.write(svc.engine) as conn:
            store.add_comment(conn, comment_id, comment, decision, g.client)
    return jsonify(decision_json(comment_id, decision)), 200


@bp.get("/comments/<comment_id>")
def get_comment(comment_id: str):
    """This client's stored comment, its text exactly as submitted, and its decision history."""
    denied = _authenticate()
    if denied:
        return denied
    check_id(comment_id)
    with services().engine.connect() as conn:
        stored = store.find_comment(conn, g.client, comment_id)
    if stored is None:  # also another client's: the same answer, so ids do not leak
        return error("not_found", f"no comment with id {comment_id}", 404)
    return jsonify(
        id=comment_id,
        text=stored.text,
        author={"name": stored.author_name, "email": stored.author_email},
        article_id=stored.article_id,
        received_at=stored.received_at.isoformat(),
        current=stored_json(comment_id, stored.current),
        history=[d.to_json() for d in stored.decisions],
    )


def _probe(check: Callable[[], None]) -> dict:
    """Run one dependency check: its status, how long it took, and the failure's class."""
    started = time.monotonic()
    try:
        check()
        result = {"status": "ok"}
    except Exception as exc:  # whatever the failure, the dependency is away for now
        result = {"status": "unavailable", "error": exc.__class__.__name__}
    return {**result, "seconds": round(time.monotonic() - started, 4)}


@bp.get("/health")
def health():
    """Readiness: the database takes a write and the rate-limit store answers, each bounded."""
    svc = services()
    checks = {"database": _probe(lambda: db.check_write(svc.engine, HEALTH_TIMEOUT))}
    if svc.ratelimit_store is not None:
        checks["ratelimit"] = _probe(svc.ratelimit_store.ping)
    body = {
        "status": "ok",
        "checks": checks,
        "policy_version": svc.moderator.policy.version,
        "model_version": svc.moderator.classifier.version,
        "thresholds": thresholds_json(
            svc.moderator.policy.reject_threshold, svc.moderator.policy.review_threshold
        ),
        "language_thresholds": language_thresholds_json(svc.moderator.policy.language_thresholds),
    }
    down = [name for name, check in checks.items() if check["status"] != "ok"]
    if not down:
        return jsonify(body)
    log.warning("health check: %s", ", ".join(f"{name} {checks[name]['error']}" for name in down))
    if "database" in down:
        body.update(status="unavailable", message="the database is not reachable or locked")
    else:  # comments are still judged and stored, without rate limits
        body.update(status="degraded", message="the rate-limit store is not reachable")
    response = jsonify(error="unavailable", **body)
    response.headers["Retry-After"] = RETRY_AFTER
    return response, 503


@bp.get("/openapi.json")
def openapi():
    """The API's OpenAPI 3.1 document."""
    settings = services().settings
    return jsonify(openapi_document(settings.max_text_length, settings.max_body_bytes))


def wants_json() -> bool:
    """Whether the request prefers JSON to a page (the queue's script asks for it)."""
    best = request.accept_mimetypes.best_match(("text/html", "application/json"))
    return best == "application/json"


def register_errors(app: Flask) -> None:
    """JSON for every error: bad input 4xx, a dependency away 503, anything else 500."""

    @app.errorhandler(ValidationError)
    def _invalid(exc: ValidationError):
        return error(exc.error, exc.message, exc.status)

    @app.errorhandler(HTTPException)
    def _http(exc: HTTPException):
        if request.blueprint == "review" and not wants_json():  # people get a page
            return render_template(
                "error.html", code=exc.code, name=exc.name, message=exc.description
            ), exc.code or 500
        name = (exc.name or "error").lower().replace(" ", "_")
        response, status = error(name, exc.description or name, exc.code or 500)
        for header, value in exc.get_headers():  # Allow on a 405, and the like
            if header.lower() != "content-type":
                response.headers[header] = value
        return response, status

    def _dependency(exc: Exception):
        log.error("dependency unavailable: %s", exc.__class__.__name__)
        message = "the database or another service it needs is busy or unreachable; retry"
        if request.blueprint == "review" and not wants_json():
            body = render_template("error.html", code=503, name="Unavailable", message=message)
            return body, 503, {"Retry-After": RETRY_AFTER}
        response, status = error("unavailable", message, 503)
        response.headers["Retry-After"] = RETRY_AFTER
        return response, status

    for dependency_error in DEPENDENCY_ERRORS:
        app.register_error_handler(dependency_error, _dependency)

    @app.errorhandler(Exception)
    def _unexpected(exc: Exception):
        log.exception("unhandled error")
        return error("internal_error", "the service failed; the request was not stored", 500)
