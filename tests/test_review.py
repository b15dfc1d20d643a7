"""The reviewer pages through Flask's client: login, CSRF, queue, decisions, history."""

import re
import threading
from urllib.parse import urlencode

import pytest

from service import api, create_app, review_web, reviews, store
from service.domain import Category, Decision, Reason, Source, Status, Verdict

PASSWORD = "correct horse battery"
# In review for an unknown link (weak promotion hit) and for an unsupported language.
LINK = "Interesting: koyawatch.net/report <script>alert(1)</script>"
GERMAN = "Das ist ein sehr guter Artikel über die Wahlen in Erbil und Slemani."


def engine_of(app):
    return app.extensions[api.EXTENSION].engine


@pytest.fixture
def reviewer(app):
    with engine_of(app).begin() as conn:
        reviews.add_reviewer(conn, "alice", PASSWORD)
        reviews.add_reviewer(conn, "bob", PASSWORD)
    return "alice"


def csrf_token(client, path="/login") -> str:
    page = client.get(path).get_data(as_text=True)
    return re.search(r'name="csrf_token" (?:type="hidden" )?value="([^"]+)"', page).group(1)


def login(client, username="alice", password=PASSWORD):
    token = csrf_token(client)
    return client.post(
        "/login", data={"username": username, "password": password, "csrf_token": token}
    )


def submit(client, auth, comment_id, text, article=None):
    body = {"id": comment_id, "text": text}
    if article:
        body["article"] = article
    response = client.post("/moderate", json=body, headers=auth)
    assert response.status_code == 200, response.get_json()
    return response.get_json()


@pytest.fixture
def queued(client, auth):
    link = submit(client, auth, "c-link", LINK, {"id": "oil-1", "title": "Oil <b>deal</b>"})
    german = submit(client, auth, "c-de", GERMAN)
    assert link["status"] == german["status"] == "in_review"
    assert link["categories"] == ["promotion"]
    return ["c-link", "c-de"]


def decide(client, ids, action, categories=(), token=None):
    data = {"ids": ids, "action": action, "categories": list(categories), "next": "/queue"}
    if token is not False:
        data["csrf_token"] = token or csrf_token(client, "/queue")
    return client.post("/queue/decide", data=data)


def history(client, auth, comment_id):
    return client.get(f"/comments/{comment_id}", headers=auth).get_json()


def test_pages_need_a_login(client, queued):
    response = client.get("/queue")
    assert response.status_code == 302 and "/login?next=/queue" in response.location
    assert client.get("/history").status_code == 302
    assert client.get("/history/c-link").status_code == 302
    assert decide(client, ["c-link"], "approve", token=False).status_code in (400, 403)


def test_a_form_without_login_is_refused_with_403(client, queued):
    # a valid CSRF token from the login page, but no session user
    response = decide(client, ["c-link"], "approve", token=csrf_token(client))
    assert response.status_code == 403


def test_login_and_logout(client, reviewer):
    assert login(client).status_code == 302
    assert client.get("/queue").status_code == 200
    token = csrf_token(client, "/queue")
    assert client.post("/logout", data={"csrf_token": token}).status_code == 302
    assert client.get("/queue").status_code == 302


# next= targets a browser would take off this site, or that break the redirect: as sent
# in the query string (percent-encoded where a raw character cannot travel).
HOSTILE_NEXT = [
    "//evil.example/x",
    "///evil.example",
    "/%09/evil.example",  # a browser drops the tab: //evil.example
    "/%0a/x",  # a newline in Location: 500 before
    "/%0d%0a/evil.example",
    "%2f%2fevil.example",
    "/%2f/evil.example",
    "/%252f%252fevil.example",  # encoded twice
    "/%5cevil.example",  # a backslash reads as a slash
    "/%5c/evil.example",
    "https://evil.example",
    "https:evil.example",
    "http:/evil.example",
    "javascript:alert(1)",
    "%6aavascript:alert(1)",
    "evil.example",
    "%20//evil.example",
    "/%E3%80%80/evil.example",  # ideographic space
    "/%E2%80%A8/evil.example",  # line separator
    "/%C2%A0/evil.example",  # no-break space
    "/%E2%80%8B/evil.example",  # zero-width space (a format character)
    "/%01/evil.example",
]
LOCAL_NEXT = ["/queue?page=2", "/queue?category=abuse&language=en", "/history/c-1", "/history"]


@pytest.mark.parametrize("target", HOSTILE_NEXT)
def test_login_never_redirects_off_site(client, reviewer, target):
    token = csrf_token(client)
    data = {"username": "alice", "password": PASSWORD, "csrf_token": token}
    response = client.post(f"/login?next={target}", data=data)
    assert response.status_code == 302 and response.location == "/queue"
    assert client.get("/queue").status_code == 200


@pytest.mark.parametrize("target", LOCAL_NEXT)
def test_login_redirects_to_the_local_page_asked_for(client, reviewer, target):
    token = csrf_token(client)
    data = {"username": "alice", "password": PASSWORD, "csrf_token": token}
    response = client.post("/login?" + urlencode({"next": target}), data=data)
    assert response.status_code == 302 and response.location == target


@pytest.mark.parametrize(
    "target", ["//evil.example", "/\tevil.example", "/\\evil.example", "javascript:x"]
)
def test_decide_goes_back_only_to_local_pages(client, reviewer, queued, target):
    login(client)
    data = {"ids": ["c-link"], "action": "approve", "next": target}
    data["csrf_token"] = csrf_token(client, "/queue")
    response = client.post("/queue/decide", data=data)
    assert response.status_code == 303 and response.location == "/queue"
    data = {"ids": ["c-de"], "action": "approve", "next": "/queue?language=de"}
    data["csrf_token"] = csrf_token(client, "/queue")
    assert client.post("/queue/decide", data=data).location == "/queue?language=de"


def test_logout_without_csrf_is_refused(client, reviewer):
    login(client)
    assert client.post("/logout").status_code == 400
    assert client.get("/queue").status_code == 200


def test_wrong_password_then_rate_limited(client, reviewer):
    for _ in range(5):
        assert login(client, password="wrong password!").status_code == 401
    limited = login(client)  # even the right password waits now
    assert limited.status_code == 429
    assert int(limited.headers["Retry-After"]) >= 1
    assert "Too many failed attempts" in limited.get_data(as_text=True)


def test_unknown_user_is_refused_like_a_wrong_password(client, reviewer):
    response = login(client, username="mallory")
    assert response.status_code == 401
    assert "Unknown username or wrong password" in response.get_data(as_text=True)


def test_queue_shows_escaped_text_evidence_and_counts(client, reviewer, queued):
    login(client)
    page = client.get("/queue").get_data(as_text=True)
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "Oil &lt;b&gt;deal&lt;/b&gt;" in page
    assert re.search(r"<mark [^>]*>koyawatch\.net/report</mark>", page)
    assert '<span data-count="promotion">1</span>' in page
    # oldest first
    assert page.index('data-comment="c-link"') < page.index('data-comment="c-de"')


def test_queue_filters_by_category_and_language(client, reviewer, queued):
    login(client)
    page = client.get("/queue?category=promotion").get_data(as_text=True)
    assert 'data-comment="c-link"' in page and 'data-comment="c-de"' not in page
    page = client.get("/queue?language=other").get_data(as_text=True)
    assert 'data-comment="c-de"' in page and 'data-comment="c-link"' not in page
    page = client.get("/queue?category=nonsense&page=x").get_data(as_text=True)
    assert 'data-comment="c-link"' in page  # unknown filter values are ignored


def test_approve_appends_a_reviewer_decision(client, auth, reviewer, queued):
    login(client)
    response = decide(client, ["c-link"], "approve")
    assert response.status_code == 303
    body = history(client, auth, "c-link")
    assert [d["source"] for d in body["history"]] == ["service", "reviewer"]
    assert body["current"]["decision"] == "approve" and body["current"]["status"] == "final"
    assert body["history"][1]["actor"] == "alice"
    assert body["text"] == LINK
    assert 'data-comment="c-link"' not in client.get("/queue").get_data(as_text=True)


def test_reject_records_the_confirmed_categories(client, auth, reviewer, queued):
    login(client)
    decide(client, ["c-link"], "reject", categories=["promotion", "abuse"])
    current = history(client, auth, "c-link")["current"]
    assert current["decision"] == "reject"
    assert set(current["categories"]) == {"promotion", "abuse"}
    assert {r["source"] for r in current["reasons"]} == {"reviewer"}


def test_reject_needs_a_category(client, auth, reviewer, queued):
    login(client)
    response = decide(client, ["c-de"], "reject")  # no categories on the card, none chosen
    assert response.status_code == 303
    assert "choose the categories" in client.get("/queue").get_data(as_text=True)
    assert len(history(client, auth, "c-de")["history"]) == 1


def test_missing_csrf_token_is_refused_and_nothing_changes(client, auth, reviewer, queued):
    login(client)
    response = decide(client, ["c-link"], "approve", token=False)
    assert response.status_code == 400
    assert "CSRF" in response.get_data(as_text=True)
    assert len(history(client, auth, "c-link")["history"]) == 1
    bad = decide(client, ["c-link"], "approve", token="forged")
    assert bad.status_code == 400


def test_second_decision_is_told_and_changes_nothing(app, auth, reviewer, queued):
    first, second = app.test_client(), app.test_client()
    login(first, "alice")
    login(second, "bob")
    token = csrf_token(second, "/queue")  # bob loaded the queue before alice decided
    decide(first, ["c-link"], "approve")
    decide(second, ["c-link"], "reject", categories=["promotion"], token=token)
    page = second.get("/queue").get_data(as_text=True)
    assert "already decided by alice" in page
    body = history(second, auth, "c-link")
    assert [d["actor"] for d in body["history"]] == [None, "alice"]
    assert body["current"]["decision"] == "approve"


def test_bulk_approve(client, auth, reviewer, queued):
    login(client)
    decide(client, queued, "approve")
    assert "Approved 2 comments" in client.get("/queue").get_data(as_text=True)
    for comment_id in queued:
        assert history(client, auth, comment_id)["history"][-1]["actor"] == "alice"


def test_history_pages(client, auth, reviewer, queued):
    login(client)
    decide(client, ["c-link"], "approve")
    page = client.get("/history?source=human").get_data(as_text=True)
    assert "c-link" in page and "c-de" not in page
    page = client.get("/history").get_data(as_text=True)
    assert "c-de" in page and "&lt;script&gt;" in page
    page = client.get("/history/c-link").get_data(as_text=True)
    assert "approved by alice" in page and "unknown_link" in page
    assert client.get("/history/nope").status_code == 404


def _claim(engine, comment_id, who, results):
    decision = Decision(
        Verdict.APPROVE, Status.FINAL, (), (Reason(None, Source.REVIEWER),), {}, "en", "m", "p"
    )
    from service import db

    with db.write(engine) as conn:
        results.append(store.decide_in_review(conn, comment_id, decision, "reviewer", who))


def test_concurrent_reviewers_one_wins(database_url):
    app = create_app({"database_url": database_url, "model_path": None})
    engine = engine_of(app)
    pending = Decision(
        Verdict.REJECT,
        Status.IN_REVIEW,
        (Category.PROMOTION,),
        (Reason(Category.PROMOTION, Source.RULE),),
    )
    from service.domain import CommentIn

    try:
        for i in range(10):
            with engine.begin() as conn:
                store.add_comment(conn, f"r{i}", CommentIn(text=f"text {i}"), pending, "t")
            results: list[bool] = []
            threads = [
                threading.Thread(target=_claim, args=(engine, f"r{i}", who, results))
                for who in ("alice", "bob", "carol")
            ]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            assert sorted(results) == [False, False, True]
            with engine.connect() as conn:
                assert len(store.get_comment(conn, f"r{i}").decisions) == 2
    finally:
        engine.dispose()


def test_export_labels_feeds_training(app, client, auth, reviewer, queued, tmp_path):
    import json
    import os
    import subprocess
    import sys
    from pathlib import Path

    from training.train import HEADS, reviewer_rows

    login(client)
    decide(client, ["c-link"], "reject", categories=["promotion", "abuse"])
    decide(client, ["c-de"], "approve")
    out = tmp_path / "labels.jsonl"
    env = {
        **os.environ,
        "MODERATION_DATABASE_URL": str(engine_of(app).url),
        "MODERATION_MODEL_PATH": "none",
    }
    moderation = Path(sys.executable).parent / "moderation"
    subprocess.run([moderation, "export-labels", str(out)], env=env, check=True)
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [(r["id"], r["label"], r["reviewer"]) for r in rows] == [
        ("c-link", "reject", "alice"),
        ("c-de", "approve", "alice"),
    ]
    assert rows[0]["text"] == LINK and sorted(rows[0]["categories"]) == ["abuse", "promotion"]
    reject, approve = reviewer_rows(out)
    assert reject.labels["spam"] == 1 and reject.labels["hate"] == 1
    assert reject.labels["insult"] == 0 and "sexism" not in reject.labels
    assert approve.labels == dict.fromkeys(HEADS, 0)


def test_queue_pages_twenty_at_a_time(client, auth, reviewer):
    for i in range(23):
        submit(client, auth, f"p-{i:02d}", f"Item {i}: koyawatch.net/{i}")
    login(client)
    first = client.get("/queue").get_data(as_text=True)
    second = client.get("/queue?page=2").get_data(as_text=True)
    assert first.count('<article class="card') == 20 and second.count('<article class="card') == 3
    assert 'data-comment="p-00"' in first and 'data-comment="p-22"' in second
    assert "Page 1 of 2" in first and 'rel="next"' in first


@pytest.mark.parametrize("path", ["/login", "/queue", "/health", "/openapi.json", "/nope"])
def test_security_headers_on_every_answer(client, reviewer, path):
    login(client)
    response = client.get(path)
    csp = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert "frame-ancestors 'none'" in csp
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["X-Frame-Options"] == "DENY"


@pytest.fixture
def app_on_both(database_url):
    """The app on SQLite and on PostgreSQL, with alice and a comment in review."""
    app = create_app({"database_url": database_url, "model_path": None})
    with engine_of(app).begin() as conn:
        reviews.add_reviewer(conn, "alice", PASSWORD)
        key = store.create_key(conn, "cms")
    submit(app.test_client(), {"Authorization": f"Bearer {key}"}, "c-link", LINK)
    yield app
    engine_of(app).dispose()


@pytest.mark.parametrize(
    "path", ["/history/c%00link", "/history?reviewer=al%00ice", "/queue?language=e%00n"]
)
def test_nul_in_a_path_or_filter_is_refused(app_on_both, path):
    client = app_on_both.test_client()
    login(client)
    response = client.get(path)
    assert response.status_code == 400
    assert "NUL" in response.get_data(as_text=True)  # the reviewers' error page


def test_nul_in_the_login_username_is_refused(app_on_both):
    client = app_on_both.test_client()
    assert login(client, username="alice\x00").status_code == 400
    assert client.get("/queue").status_code == 302


@pytest.mark.parametrize("field", ["ids", "next", "categories"])
def test_nul_in_a_decide_field_is_refused_and_nothing_stored(app_on_both, field):
    client = app_on_both.test_client()
    login(client)
    data = {"ids": ["c-link"], "action": "reject", "categories": ["promotion"], "next": "/queue"}
    data[field] = [data[field][0] + "\x00"] if isinstance(data[field], list) else "/q\x00"
    data["csrf_token"] = csrf_token(client, "/queue")
    assert client.post("/queue/decide", data=data).status_code == 400
    with engine_of(app_on_both).connect() as conn:
        assert len(store.get_comment(conn, "c-link").decisions) == 1


def test_unreachable_limiter_store_answers_503_and_logs_nobody_in(tmp_path, caplog):
    app = create_app(
        {
            "database_url": f"sqlite:///{tmp_path / 'm.db'}",
            "model_path": None,
            "ratelimit_storage": "redis://127.0.0.1:1",  # a closed port: Redis is away
        }
    )
    with engine_of(app).begin() as conn:
        reviews.add_reviewer(conn, "alice", PASSWORD)
    client = app.test_client()
    response = login(client)
    assert response.status_code == 503
    assert int(response.headers["Retry-After"]) >= 1
    assert response.mimetype == "text/html" and "Try again" in response.get_data(as_text=True)
    assert any(r.levelname == "WARNING" and "unreachable" in r.getMessage() for r in caplog.records)
    assert client.get("/queue").status_code == 302
    engine_of(app).dispose()


def test_disabled_reviewer_cannot_log_in_until_enabled(client, app, reviewer):
    with engine_of(app).begin() as conn:
        assert reviews.set_enabled(conn, "alice", enabled=False)
    assert login(client).status_code == 401
    with engine_of(app).begin() as conn:
        assert reviews.set_enabled(conn, "alice", enabled=True)
        assert not reviews.set_enabled(conn, "nobody", enabled=True)
    assert login(client).status_code == 302


def test_session_from_before_session_versions_is_refused(client, reviewer):
    login(client)
    with client.session_transaction() as session:
        session["_user_id"] = "1"  # the id alone, as sessions were stored before 0004
    assert client.get("/queue").status_code == 302


def _decided_id(client, comment_id, action="approve", categories=()):
    """Decide one comment the way the queue's script does; the new decision's id."""
    data = {"ids": [comment_id], "action": action, "categories": list(categories)}
    data["csrf_token"] = csrf_token(client, "/queue")
    response = client.post("/queue/decide", data=data, headers={"Accept": "application/json"})
    assert response.status_code == 200, response.get_data(as_text=True)
    body = response.get_json()
    assert [d["id"] for d in body["decided"]] == [comment_id]
    return body["decided"][0]["decision"]


def undo(client, *decisions, token=None, json=True):
    data = {"decision": [str(d) for d in decisions], "next": "/queue"}
    data["csrf_token"] = token or csrf_token(client, "/queue")
    headers = {"Accept": "application/json"} if json else {}
    return client.post("/queue/undo", data=data, headers=headers)


def test_undo_appends_the_settled_decision_and_the_comment_is_back_in_review(
    app, client, auth, reviewer, queued
):
    login(client)
    before = history(client, auth, "c-link")["current"]
    response = decide(client, ["c-link"], "approve")  # without JavaScript: a redirect
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    offered = re.search(r'name="decision" value="(\d+)"', page)  # the flash offers an undo
    assert offered and 'action="/queue/undo"' in page
    answer = undo(client, offered.group(1), json=False)
    assert answer.status_code == 303
    assert "back in the queue" in client.get("/queue").get_data(as_text=True)
    body = history(client, auth, "c-link")
    assert [(d["source"], d["actor"]) for d in body["history"]] == [
        ("service", None),
        ("reviewer", "alice"),
        ("undo", "alice"),
    ]
    current = body["current"]
    assert current["status"] == "in_review" and current["decision"] == before["decision"]
    assert (current["categories"], current["reasons"]) == (before["categories"], before["reasons"])
    assert 'data-comment="c-link"' in client.get("/queue").get_data(as_text=True)
    # decided again: the history only grew, and labels carry the decision that stands
    _decided_id(client, "c-link", "reject")
    assert len(history(client, auth, "c-link")["history"]) == 4
    with engine_of(app).connect() as conn:  # what `moderation export-labels` writes
        labels = list(reviews.reviewer_labels(conn))
    assert [(x["id"], x["label"]) for x in labels] == [("c-link", "reject")]
    assert "alice (undo: back to the queue)" in client.get("/history").get_data(as_text=True)


def test_undo_is_refused_for_another_reviewer_twice_or_too_late(app, auth, reviewer, queued):
    from dataclasses import replace

    alice, bob = app.test_client(), app.test_client()
    login(alice, "alice")
    login(bob, "bob")
    decision = _decided_id(alice, "c-link")
    by_bob = undo(bob, decision).get_json()
    assert by_bob["undone"] == [] and "not one of yours" in by_bob["refused"][0]
    assert undo(alice, decision).get_json()["undone"] == ["c-link"]
    again = undo(alice, decision).get_json()
    assert again["undone"] == [] and "decided again since" in again["refused"][0]
    later = _decided_id(alice, "c-de", "approve")
    services = app.extensions[review_web.EXTENSION]
    app.extensions[review_web.EXTENSION] = replace(services, undo_seconds=0)
    late = undo(alice, later).get_json()
    assert late["undone"] == [] and "this one stands" in late["refused"][0]
    assert [d["source"] for d in history(alice, auth, "c-link")["history"]] == [
        "service",
        "reviewer",
        "undo",
    ]
    assert history(alice, auth, "c-de")["current"]["status"] == "final"


def test_undo_without_csrf_or_login_changes_nothing(app, client, auth, reviewer, queued):
    login(client)
    decision = _decided_id(client, "c-link")
    no_token = client.post(
        "/queue/undo", data={"decision": str(decision)}, headers={"Accept": "application/json"}
    )
    assert no_token.status_code == 400 and "CSRF" in no_token.get_json()["message"]
    stranger = app.test_client()
    token = csrf_token(stranger)  # a session with a token, but nobody logged in
    assert undo(stranger, decision, token=token).status_code == 403
    assert undo(client, "x", "-1").status_code == 400
    assert history(client, auth, "c-link")["current"]["status"] == "final"
