"""Reviewer sessions and login limits over real HTTP: `moderation serve` (gunicorn,
2 workers, SQLite) on loopback, the CLI beside it, cookies replayed with `requests`."""

import json
import re
import uuid

import pytest
import requests

from tests.live import moderation, serving

PASSWORD = "correct horse battery"
LINK = "Interesting: koyawatch.net/report"  # a weak promotion hit: in review
TIMEOUT = 10


def csrf_token(session: requests.Session, url: str) -> str:
    page = session.get(url, timeout=TIMEOUT).text
    return re.search(r'name="csrf_token" (?:type="hidden" )?value="([^"]+)"', page).group(1)


def login(base, username, password=PASSWORD, headers=None, session=None) -> requests.Response:
    session = session or requests.Session()
    token = csrf_token(session, f"{base}/login")
    return session.post(
        f"{base}/login",
        data={"username": username, "password": password, "csrf_token": token},
        headers=headers or {},
        allow_redirects=False,
        timeout=TIMEOUT,
    )


class Live:
    def __init__(self, base: str, key: str, env: dict) -> None:
        self.base, self.env = base, env
        self.auth = {"Authorization": f"Bearer {key}"}

    def add_reviewer(self) -> str:
        name = f"r-{uuid.uuid4().hex[:8]}"
        moderation(self.env, "reviewers", "add", name, "--password-stdin", stdin=PASSWORD + "\n")
        return name

    def submit(self) -> str:
        comment_id = f"c-{uuid.uuid4().hex[:8]}"
        body = {"id": comment_id, "text": LINK}
        response = requests.post(
            f"{self.base}/moderate", json=body, headers=self.auth, timeout=TIMEOUT
        )
        assert response.json()["status"] == "in_review"
        return comment_id

    def history(self, comment_id: str) -> list[dict]:
        url = f"{self.base}/comments/{comment_id}"
        return requests.get(url, headers=self.auth, timeout=TIMEOUT).json()["history"]


@pytest.fixture(scope="module")
def live(tmp_path_factory):
    # successful logins only here: failed ones would count against 127.0.0.1 for later tests
    with serving(tmp_path_factory.mktemp("sessions"), MODERATION_MODEL_PATH="none") as served:
        yield Live(*served)


def _end_by_logout(live, name, session, token):
    response = session.post(
        f"{live.base}/logout", data={"csrf_token": token}, allow_redirects=False, timeout=TIMEOUT
    )
    assert response.status_code == 302


def _end_by_passwd(live, name, session, token):
    moderation(live.env, "reviewers", "passwd", name, "--password-stdin", stdin="x" * 16 + "\n")


def _end_by_disable(live, name, session, token):
    moderation(live.env, "reviewers", "disable", name)


@pytest.mark.parametrize(
    "end", [_end_by_logout, _end_by_passwd, _end_by_disable], ids=["logout", "passwd", "disable"]
)
def test_saved_cookie_is_refused_once_the_session_is_ended(live, end):
    name, comment_id = live.add_reviewer(), live.submit()
    session = requests.Session()
    assert login(live.base, name, session=session).status_code == 302
    other_device = requests.Session()
    assert login(live.base, name, session=other_device).status_code == 302
    token = csrf_token(session, f"{live.base}/queue")
    saved = [
        (session.cookies.get_dict(), token),
        (other_device.cookies.get_dict(), csrf_token(other_device, f"{live.base}/queue")),
    ]

    end(live, name, session, token)

    for cookies, token in saved:  # every session of that reviewer, on every device
        queue = requests.get(
            f"{live.base}/queue", cookies=cookies, allow_redirects=False, timeout=TIMEOUT
        )
        assert queue.status_code == 302 and "/login" in queue.headers["Location"]
        decide = requests.post(
            f"{live.base}/queue/decide",
            cookies=cookies,
            data={"ids": comment_id, "action": "approve", "next": "/queue", "csrf_token": token},
            allow_redirects=False,
            timeout=TIMEOUT,
        )
        assert decide.status_code == 403
    assert [d["source"] for d in live.history(comment_id)] == ["service"]


def test_disable_enable_and_list_reviewers(live):
    name = live.add_reviewer()
    moderation(live.env, "reviewers", "disable", name)
    listed = [json.loads(line) for line in moderation(live.env, "reviewers", "list").splitlines()]
    mine = next(r for r in listed if r["name"] == name)
    assert mine["state"] == "disabled" and mine["created_at"].startswith("20")
    assert login(live.base, name).status_code == 401
    moderation(live.env, "reviewers", "enable", name)
    assert login(live.base, name).status_code == 302
    listed = [json.loads(line) for line in moderation(live.env, "reviewers", "list").splitlines()]
    assert next(r for r in listed if r["name"] == name)["state"] == "enabled"


def test_sixth_failed_login_is_429_on_every_worker_forged_forwarded_for_or_not(tmp_path):
    with serving(tmp_path, MODERATION_MODEL_PATH="none") as (base, _, env):
        moderation(env, "reviewers", "add", "alice", "--password-stdin", stdin=PASSWORD + "\n")
        answers = [login(base, "alice", "wrong password!") for _ in range(10)]
        # in-memory counters per worker gave 401s well past the fifth attempt
        assert [a.status_code for a in answers] == [401] * 5 + [429] * 5
        assert all(1 <= int(a.headers["Retry-After"]) <= 60 for a in answers[5:])
        assert login(base, "alice").status_code == 429  # the right password waits too
        # new usernames, each with a made-up X-Forwarded-For: only the address counter
        # can hold them back, and the header (no trusted proxy set) does not reset it
        forged = [
            login(base, f"u{i}", "wrong password!", {"X-Forwarded-For": f"10.9.0.{i}"})
            for i in range(4)
        ]
        assert [a.status_code for a in forged] == [429] * 4


def test_trusted_proxy_counts_reviewers_behind_it_apart(tmp_path):
    settings = {"MODERATION_MODEL_PATH": "none", "MODERATION_TRUSTED_PROXIES": "127.0.0.1"}
    with serving(tmp_path, **settings) as (base, _, env):
        moderation(env, "reviewers", "add", "alice", "--password-stdin", stdin=PASSWORD + "\n")
        first = {"X-Forwarded-For": "198.51.100.1"}
        codes = [login(base, f"u{i}", "wrong password!", first).status_code for i in range(6)]
        assert codes == [401] * 5 + [429]
        # the client's own entry left of the proxy's does not help
        forged = {"X-Forwarded-For": "6.6.6.6, 198.51.100.1"}
        assert login(base, "u9", "wrong password!", forged).status_code == 429
        second = {"X-Forwarded-For": "198.51.100.2"}
        assert login(base, "bob", "wrong password!", second).status_code == 401
        assert login(base, "alice", headers=second).status_code == 302


def test_undo_needs_a_logged_in_reviewer_and_the_csrf_token(live):
    name, comment_id = live.add_reviewer(), live.submit()
    session = requests.Session()
    assert login(live.base, name, session=session).status_code == 302
    token = csrf_token(session, f"{live.base}/queue")
    as_json = {"Accept": "application/json"}
    decided = session.post(
        f"{live.base}/queue/decide",
        data={"ids": comment_id, "action": "approve", "csrf_token": token},
        headers=as_json,
        timeout=TIMEOUT,
    ).json()["decided"][0]["decision"]
    url = f"{live.base}/queue/undo"
    no_token = session.post(url, data={"decision": decided}, headers=as_json, timeout=TIMEOUT)
    assert no_token.status_code == 400 and no_token.json()["error"] == "bad_request"
    stranger = requests.Session()  # a token of its own session, but nobody logged in
    stranger_token = csrf_token(stranger, f"{live.base}/login")
    refused = stranger.post(
        url, data={"decision": decided, "csrf_token": stranger_token}, timeout=TIMEOUT
    )
    assert refused.status_code == 403 and "log in" in refused.text
    assert [d["source"] for d in live.history(comment_id)] == ["service", "reviewer"]
    done = session.post(
        url, data={"decision": decided, "csrf_token": token}, headers=as_json, timeout=TIMEOUT
    )
    assert done.status_code == 200 and done.json()["undone"] == [comment_id]
    history = live.history(comment_id)
    assert [d["source"] for d in history] == ["service", "reviewer", "undo"]
    assert history[-1]["status"] == "in_review" and history[-1]["actor"] == name
