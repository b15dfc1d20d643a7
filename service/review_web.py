"""The reviewer pages: login, the review queue, approve/reject/undo, decision history.

Server-rendered (Jinja, autoescaped: comment text is hostile input), CSRF-protected
forms (Flask-WTF), sessions through Flask-Login, failed logins rate limited. A reviewer's
decision is appended to the comment's history only while the comment is still in review;
for UNDO_SECONDS its author may undo it, which appends a copy of the decision it settled
(the comment is back in the queue). Forms work without JavaScript (POST, then redirect);
the queue's script posts the same forms with fetch and asks for JSON.
"""

from __future__ import annotations

import json
import logging
import math
import re
import unicodedata
from dataclasses import dataclass
from urllib.parse import unquote, urlencode, urlsplit

from flask import (
    Blueprint,
    Flask,
    abort,
    current_app,
    flash,
    jsonify,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_login import (
    LoginManager,
    UserMixin,
    current_user,
    login_required,
    login_user,
    logout_user,
)
from flask_wtf import FlaskForm
from flask_wtf.csrf import CSRFProtect
from sqlalchemy import Engine
from wtforms import PasswordField, StringField
from wtforms.validators import DataRequired, Length

from service import db, reviews, store
from service.api import wants_json
from service.card import language_name, machine_only, score_rows
from service.domain import Category, Decision, Reason, Source, Status, Verdict
from service.highlight import segments
from service.login_limit import LimiterUnavailable, LoginLimit
from service.policy import PolicyConfig
from service.settings_report import thresholds_json
from service.store import as_utc
from service.validation import ARTICLE_URL_MAX, ARTICLE_URL_PATTERN

log = logging.getLogger(__name__)
ARTICLE_URL = re.compile(ARTICLE_URL_PATTERN)
bp = Blueprint("review", __name__)
EXTENSION = "review"
PAGE_SIZE = 20
HISTORY_PAGE_SIZE = 50
CATEGORIES = [c.value for c in Category]
# How long a reviewer is asked to wait when the login counters cannot be reached.
LIMITER_RETRY_AFTER = 30
# How long after deciding a reviewer may undo it: long enough to notice a slip of the
# key, short enough that the CMS has rarely published the comment yet.
UNDO_SECONDS = 60
# Most decisions one request decides or undoes (bounded work per request).
MAX_IDS = 200


@dataclass(frozen=True)
class ReviewServices:
    engine: Engine
    failed_logins: LoginLimit
    # per category, the scores that reject and send to review (None: never), as /health
    thresholds: dict[str, dict[str, float | None]]
    policy_version: str
    undo_seconds: int = UNDO_SECONDS


def _services() -> ReviewServices:
    return current_app.extensions[EXTENSION]


class User(UserMixin):
    def __init__(self, reviewer: reviews.Reviewer) -> None:
        self.reviewer_id = reviewer.id
        self.username = reviewer.username
        # Flask-Login's alternative id: the session holds the version it was made under,
        # so bumping the account's version (logout, passwd, disable) ends it everywhere.
        self.id = f"{reviewer.id}:{reviewer.session_version}"


class LoginForm(FlaskForm):
    username = StringField("Username", validators=[DataRequired(), Length(max=100)])
    password = PasswordField("Password", validators=[DataRequired(), Length(max=1000)])


def init_app(app: Flask, engine: Engine, settings, policy: PolicyConfig) -> None:
    """Register the pages, sessions, CSRF protection and the login limit on `app`."""
    app.config.update(
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
        SESSION_COOKIE_SECURE=settings.cookie_secure,
        REMEMBER_COOKIE_SECURE=settings.cookie_secure,
        WTF_CSRF_TIME_LIMIT=None,  # the token lives as long as the signed session
    )
    app.extensions[EXTENSION] = ReviewServices(
        engine,
        LoginLimit(settings.login_rate_limit, settings.ratelimit_storage, engine),
        thresholds_json(policy.reject_threshold, policy.review_threshold),
        policy.version,
    )
    app.add_template_filter(language_name)
    app.add_template_filter(http_link)
    app.context_processor(lambda: {"undo_seconds": app.extensions[EXTENSION].undo_seconds})
    csrf = CSRFProtect(app)
    logins = LoginManager(app)
    logins.login_view = "review.login"
    logins.session_protection = "basic"

    @logins.user_loader
    def _load(user_id: str) -> User | None:
        reviewer_id, _, version = user_id.partition(":")
        if not (reviewer_id.isdigit() and version.isdigit()) or len(user_id) > 40:
            return None  # also a session from before versions, which has no ":"
        with engine.connect() as conn:
            reviewer = reviews.get_reviewer(conn, int(reviewer_id))
        if reviewer is None or reviewer.session_version != int(version):
            return None
        return User(reviewer)

    @logins.unauthorized_handler
    def _unauthorized():
        if request.method == "GET":
            return redirect(url_for("review.login", next=request.full_path.rstrip("?")))
        abort(403, "log in to decide comments")

    app.register_blueprint(bp)
    for name, blueprint in app.blueprints.items():
        if name != bp.name:
            csrf.exempt(blueprint)  # the JSON API authenticates with keys, not cookies


def http_link(url: str | None) -> bool:
    """Whether a stored article address may be a link: http or https, as validated.

    Checked again here because rows also arrive by `moderation import`, not only the API.
    """
    return bool(url) and len(url) <= ARTICLE_URL_MAX and ARTICLE_URL.fullmatch(url) is not None


def _is_local_path(target: str) -> bool:
    """Whether a browser would take `target` as a path on this site, however decoded."""
    forms = [target]
    while len(forms) < 4 and unquote(forms[-1]) != forms[-1]:
        forms.append(unquote(forms[-1]))  # %252f%252f: decoded twice, still //
    for form in forms:
        # browsers drop tabs and newlines and read a backslash as a slash: "/\t/x" is "//x"
        if any(c == "\\" or unicodedata.category(c)[0] in "CZ" for c in form):
            return False
        if not form.startswith("/") or form.startswith("//"):
            return False
        parts = urlsplit(form)
        if parts.scheme or parts.netloc:
            return False
    return True


def _safe_next(target: str | None) -> str:
    """Only local paths: a link or form must not send a reviewer to another site."""
    if target and len(target) <= 2000 and _is_local_path(target):
        return target
    return url_for("review.queue")


@bp.before_request
def _refuse_nul():
    """Refuse a NUL in the path, a parameter or a form field, before any query."""
    # PostgreSQL cannot compare or store text holding one: it would answer 500
    pairs = list(request.args.items(multi=True))
    if request.method == "POST":
        pairs += request.form.items(multi=True)
    if "\x00" in request.path or any("\x00" in k or "\x00" in v for k, v in pairs):
        abort(400, "the request holds a NUL character")


def _limiter_unavailable(exc: LimiterUnavailable):
    log.warning("login refused: the login limit's counters are unreachable (%s)", exc)
    response = current_app.make_response(
        (
            render_template(
                "error.html",
                code=503,
                name="Service Unavailable",
                message="Logging in is not possible right now. Try again in a minute.",
            ),
            503,
        )
    )
    response.headers["Retry-After"] = str(LIMITER_RETRY_AFTER)
    return response


@bp.get("/")
def index():
    return redirect(url_for("review.queue"))


@bp.route("/login", methods=["GET", "POST"])
def login():
    form = LoginForm()
    if request.method == "POST":
        limit = _services().failed_logins
        address = request.remote_addr or "unknown"
        username = (form.username.data or "").strip()
        keys = (f"ip:{address[:64]}", f"user:{username.lower()[:100]}")
        try:
            wait = limit.exhausted(*keys)
        except LimiterUnavailable as exc:
            return _limiter_unavailable(exc)
        if wait:
            response = current_app.make_response(
                (render_template("login.html", form=form, wait=wait), 429)
            )
            response.headers["Retry-After"] = str(wait)
            return response
        if form.validate_on_submit():
            with _services().engine.connect() as conn:
                reviewer = reviews.authenticate(conn, username, form.password.data)
            if reviewer:
                login_user(User(reviewer))
                log.info("reviewer %s logged in", reviewer.username)
                return redirect(_safe_next(request.args.get("next")))
            try:
                limit.hit(*keys)
            except LimiterUnavailable as exc:
                return _limiter_unavailable(exc)
            log.warning("failed login for %r from %s", username[:100], address)
            flash("Unknown username or wrong password.", "error")
            return render_template("login.html", form=form), 401
    return render_template("login.html", form=form)


@bp.post("/logout")
@login_required
def logout():
    with db.write(_services().engine) as conn:
        reviews.end_sessions(conn, current_user.reviewer_id)  # on every device, not just this one
    logout_user()
    flash("You are logged out.", "info")
    return redirect(url_for("review.login"))


def _filters() -> dict[str, str]:
    category = request.args.get("category", "")
    language = request.args.get("language", "")
    return {
        "category": category if category in CATEGORIES else "",
        "language": language[:16] if language.isalpha() else "",
    }


def _query(filters: dict[str, str]):
    """A template helper: the current filters with some changed, as a query string."""

    def query(**changes) -> str:
        return "?" + urlencode({k: v for k, v in {**filters, **changes}.items() if v})

    return query


def _page() -> int:
    raw = request.args.get("page", "1")
    return max(1, int(raw)) if raw.isdigit() and len(raw) < 7 else 1


@bp.get("/queue")
@login_required
def queue():
    filters = _filters()
    page = _page()
    svc = _services()
    with svc.engine.connect() as conn:
        items, total = reviews.queue_page(
            conn,
            category=filters["category"] or None,
            language=filters["language"] or None,
            offset=(page - 1) * PAGE_SIZE,
            limit=PAGE_SIZE,
        )
        counts, in_review, languages = reviews.queue_counts(conn, filters["language"] or None)
    pages = max(1, math.ceil(total / PAGE_SIZE))
    if filters["language"] and filters["language"] not in languages:
        languages = [*languages, filters["language"]]  # the select still says what is shown
    return render_template(
        "queue.html",
        items=[
            (
                item,
                segments(item.text, item.reasons),
                score_rows(item.scores, svc.thresholds) if machine_only(item.reasons) else None,
            )
            for item in items
        ],
        total=total,
        in_review=in_review,
        counts=counts,
        languages=languages,
        categories=CATEGORIES,
        filters=filters,
        page=page,
        pages=pages,
        query=_query(filters),
        back=request.full_path.rstrip("?"),
        policy_version=svc.policy_version,
    )


def reviewer_decision(
    latest: dict, verdict: Verdict, categories: list[Category], who: str
) -> Decision:
    """A reviewer's final decision, carrying the versions of the decision it settles."""
    if verdict is Verdict.REJECT:
        reasons = tuple(Reason(c, Source.REVIEWER, note=f"confirmed by {who}") for c in categories)
    else:
        reasons = (Reason(None, Source.REVIEWER, note=f"approved by {who}"),)
    return Decision(
        verdict=verdict,
        status=Status.FINAL,
        categories=tuple(categories) if verdict is Verdict.REJECT else (),
        reasons=reasons,
        scores={},
        language=latest["language"],
        model_version=latest["model_version"],
        policy_version=latest["policy_version"],
        languages=tuple(store.stored_languages(latest["languages"], latest["language"])),
    )


def _answer(message: str, refused: list[str], done: dict):
    """The outcome of a form: JSON for the queue's script, else flashes and a redirect."""
    if wants_json():
        return jsonify(message=message, refused=refused, **done)
    if message:
        flash(message, "info")
    for problem in refused:
        flash(problem, "error")
    return redirect(_safe_next(request.form.get("next")), 303)


@bp.post("/queue/decide")
@login_required
def decide():
    """Approve or reject one or more comments in review (buttons, keyboard, bulk)."""
    action = request.form.get("action", "")
    if action not in (Verdict.APPROVE.value, Verdict.REJECT.value):
        abort(400, "action must be approve or reject")
    verdict = Verdict(action)
    ids = [i for i in request.form.getlist("ids") if i][:MAX_IDS]
    if not ids:
        return _answer("", ["Select at least one comment."], {"decided": []})
    chosen = [Category(c) for c in request.form.getlist("categories") if c in CATEGORIES]
    decided, refused = [], []
    for comment_id in ids:
        decision_id, problem = _decide_one(comment_id, verdict, chosen, current_user.username)
        if problem:
            refused.append(problem)
        else:
            decided.append({"id": comment_id, "decision": decision_id})
    message = ""
    if decided:
        noun = "comment" if len(decided) == 1 else "comments"
        done = "Approved" if verdict is Verdict.APPROVE else "Rejected"
        message = f"{done} {len(decided)} {noun}."
        if not wants_json():  # the page after the redirect offers the undo
            flash(" ".join(str(d["decision"]) for d in decided), "undo")
    log.info(
        "reviewer %s: %s %d, refused %d", current_user.username, action, len(decided), len(refused)
    )
    return _answer(message, refused, {"decided": decided, "undo_seconds": _services().undo_seconds})


def _decide_one(
    comment_id: str, verdict: Verdict, chosen: list[Category], who: str
) -> tuple[int | None, str | None]:
    """Append one reviewer decision: its id, or a message saying why it was refused."""
    engine = _services().engine
    with db.write(engine) as conn:
        latest = reviews.latest_decision(conn, comment_id)
        if latest is None:
            return None, f"Comment {comment_id} does not exist."
        # without an explicit choice, a reject confirms the categories shown on the card
        categories = chosen or [
            Category(c) for c in json.loads(latest["categories"]) if c in CATEGORIES
        ]
        if verdict is Verdict.REJECT and not categories:
            return None, f"Comment {comment_id}: choose the categories it breaks to reject it."
        decision = reviewer_decision(latest, verdict, categories, who)
        if store.decide_in_review(conn, comment_id, decision, "reviewer", who):
            # the claim holds the comment: the latest decision is the one just appended
            return reviews.latest_decision(conn, comment_id)["id"], None
    with engine.connect() as conn:
        state = reviews.latest_decision(conn, comment_id)
    by = f" by {state['actor']}" if state["actor"] else ""
    when = as_utc(state["created_at"]).strftime("%Y-%m-%d %H:%M UTC")
    return None, (
        f"Comment {comment_id} was already decided{by} ({state['verdict']}, {when}); "
        "nothing was changed."
    )


@bp.post("/queue/undo")
@login_required
def undo():
    """Take back one's own decisions made in the last UNDO_SECONDS: back to the queue."""
    raw = request.form.getlist("decision")[:MAX_IDS]
    ids = [int(d) for d in raw if d.isdigit() and len(d) < 19]
    if not ids:
        abort(400, "name the decisions to undo")
    undone, refused = [], []
    for decision_id in ids:
        comment_id, problem = _undo_one(decision_id, current_user.username)
        if problem:
            refused.append(problem)
        else:
            undone.append(comment_id)
    message = ""
    if undone:
        noun = "comment is" if len(undone) == 1 else "comments are"
        message = (
            f"Undone: {len(undone)} {noun} back in the queue, with the machine's provisional "
            "verdict, until a reviewer decides again."
        )
    log.info("reviewer %s: undo %d, refused %d", current_user.username, len(undone), len(refused))
    return _answer(message, refused, {"undone": undone})


def _undo_one(decision_id: int, who: str) -> tuple[str | None, str | None]:
    """Return a comment to review: its id, or a message saying why the undo was refused."""
    svc = _services()
    with db.write(svc.engine) as conn:
        undone = reviews.decision_by_id(conn, decision_id)
        if undone is None or undone["source"] != "reviewer" or undone["actor"] != who:
            return None, f"Decision {decision_id} is not one of yours to undo."
        comment_id = undone["comment_id"]
        latest = reviews.latest_decision(conn, comment_id)
        if latest["id"] != decision_id:
            return None, f"Comment {comment_id} was decided again since; nothing was changed."
        age = (store.now() - as_utc(undone["created_at"])).total_seconds()
        if age > svc.undo_seconds:
            return None, (
                f"Comment {comment_id}: a decision can be undone for {svc.undo_seconds} seconds; "
                "this one stands."
            )
        settled = reviews.decision_before(conn, comment_id, decision_id)
        if settled is None or settled["status"] != Status.IN_REVIEW.value:
            return None, f"Comment {comment_id} was not in review before; nothing was changed."
        if store.return_to_review(conn, undone, settled, who):
            return comment_id, None
    return None, f"Comment {comment_id} was decided again since; nothing was changed."


@bp.get("/history")
@login_required
def history():
    source = request.args.get("source", "")
    verdict = request.args.get("verdict", "")
    reviewer = request.args.get("reviewer", "")[:100]
    filters = {
        "source": source if source in ("human", "machine") else "",
        "verdict": verdict if verdict in ("approve", "reject") else "",
        "reviewer": reviewer,
    }
    page = _page()
    with _services().engine.connect() as conn:
        rows, total = reviews.history_page(
            conn,
            source=filters["source"] or None,
            verdict=filters["verdict"] or None,
            actor=filters["reviewer"] or None,
            offset=(page - 1) * HISTORY_PAGE_SIZE,
            limit=HISTORY_PAGE_SIZE,
        )
    return render_template(
        "history.html",
        rows=rows,
        total=total,
        filters=filters,
        page=page,
        pages=max(1, math.ceil(total / HISTORY_PAGE_SIZE)),
        query=_query(filters),
    )


@bp.get("/history/<comment_id>")
@login_required
def comment_history(comment_id: str):
    with _services().engine.connect() as conn:
        comment = store.get_comment(conn, comment_id)
    if comment is None:
        abort(404, f"no comment with id {comment_id}")
    return render_template(
        "comment.html",
        comment=comment,
        text=segments(comment.text, comment.current.reasons),
    )
