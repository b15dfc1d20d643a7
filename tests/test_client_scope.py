"""Comments belong to the client (API key name) that sent them, on SQLite and PostgreSQL."""

import re
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests
from sqlalchemy import func, select

from service import api, create_app, store
from tests.live import moderation, serving


@pytest.fixture
def scoped(database_url):
    """An app on both databases, and the headers of two clients' keys."""
    app = create_app({"database_url": database_url, "model_path": None})
    engine = app.extensions[api.EXTENSION].engine
    with engine.begin() as conn:
        keys = [store.create_key(conn, name) for name in ("cms", "forum")]
    yield app, [{"Authorization": f"Bearer {key}"} for key in keys]
    engine.dispose()


def test_two_clients_may_use_the_same_id_for_different_comments(scoped):
    app, (cms, forum) = scoped
    client = app.test_client()
    first = client.post("/moderate", json={"id": "c-1", "text": "Fine reporting"}, headers=cms)
    other = client.post("/moderate", json={"id": "c-1", "text": "Fuck this"}, headers=forum)
    assert first.status_code == other.status_code == 200  # no 409, no replay of the other's
    assert first.get_json()["decision"] == "approve" and other.get_json()["decision"] == "reject"
    assert other.get_json()["id"] == "c-1"
    assert client.get("/comments/c-1", headers=cms).get_json()["text"] == "Fine reporting"
    assert client.get("/comments/c-1", headers=forum).get_json()["text"] == "Fuck this"
    with app.extensions[api.EXTENSION].engine.connect() as conn:
        rows = conn.execute(select(store.comments.c.id, store.comments.c.client)).all()
        assert len({r.id for r in rows}) == 2 and {r.client for r in rows} == {"cms", "forum"}
        assert conn.execute(select(func.count()).select_from(store.decisions)).scalar() == 2


def test_a_read_by_another_client_is_404_like_a_missing_id(scoped):
    app, (cms, forum) = scoped
    client = app.test_client()
    body = {"id": "mine", "text": "Nice", "author": {"email": "reader@example.org"}}
    assert client.post("/moderate", json=body, headers=cms).status_code == 200
    theirs = client.get("/comments/mine", headers=forum)
    missing = client.get("/comments/nope", headers=forum)
    assert theirs.status_code == missing.status_code == 404
    assert theirs.get_json() == {"error": "not_found", "message": "no comment with id mine"}
    assert "reader@example.org" not in theirs.get_data(as_text=True)
    assert client.get("/comments/mine", headers=cms).status_code == 200


def test_replay_and_conflict_are_per_client(scoped):
    app, (cms, forum) = scoped
    client = app.test_client()
    sent = client.post("/moderate", json={"id": "r-1", "text": "Hello"}, headers=cms)
    assert client.post(
        "/moderate", json={"id": "r-1", "text": "Hello"}, headers=cms
    ).get_json() == (sent.get_json())
    assert client.post(
        "/moderate", json={"id": "r-1", "text": "Other"}, headers=cms
    ).status_code == (409)
    # the other client's first use of the id is a new comment, whatever its text
    assert client.post(
        "/moderate", json={"id": "r-1", "text": "Other"}, headers=forum
    ).status_code == (200)
    with app.extensions[api.EXTENSION].engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(store.comments)).scalar() == 2


def test_a_rotated_key_of_the_same_client_keeps_access(scoped):
    app, (cms, _) = scoped
    client = app.test_client()
    assert (
        client.post("/moderate", json={"id": "k-1", "text": "Hi"}, headers=cms).status_code == 200
    )
    engine = app.extensions[api.EXTENSION].engine
    with engine.begin() as conn:
        store.revoke_keys(conn, "cms")
        rotated = {"Authorization": f"Bearer {store.create_key(conn, 'cms')}"}
    assert client.get("/comments/k-1", headers=rotated).get_json()["text"] == "Hi"


def test_concurrent_submissions_of_one_id_store_once_per_client(database_url, tmp_path):
    with serving(tmp_path, MODERATION_DATABASE_URL=database_url, MODERATION_MODEL_PATH="none") as (
        base,
        key,
        env,
    ):
        other = moderation(env, "keys", "create", "forum")
        clients = [{"Authorization": f"Bearer {k}"} for k in (key, other)]

        def submit(i: int) -> requests.Response:
            body = {"id": "race-1", "text": f"Same words from client {i % 2}"}
            return requests.post(f"{base}/moderate", json=body, headers=clients[i % 2], timeout=20)

        with ThreadPoolExecutor(max_workers=12) as pool:
            responses = list(pool.map(submit, range(24)))
        assert {r.status_code for r in responses} == {200}
        for i, auth in enumerate(clients):
            answers = {r.text for n, r in enumerate(responses) if n % 2 == i}
            assert len(answers) == 1  # every request of one client got the one stored answer
            stored = requests.get(f"{base}/comments/race-1", headers=auth, timeout=10).json()
            assert stored["text"] == f"Same words from client {i}"
            assert len(stored["history"]) == 1


def test_reviewers_decide_two_clients_comments_with_one_id_apart(scoped):
    from service import reviews
    from tests.test_review import GERMAN, csrf_token, decide, login

    app, (cms, forum) = scoped
    client = app.test_client()
    for auth in (cms, forum):  # an unsupported language: both go to review
        body = {"id": "de-1", "text": GERMAN}
        assert client.post("/moderate", json=body, headers=auth).get_json()["status"] == "in_review"
    engine = app.extensions[api.EXTENSION].engine
    with engine.begin() as conn:
        reviews.add_reviewer(conn, "alice", "correct horse battery")
    login(client)
    queue = client.get("/queue").get_data(as_text=True)
    keys = re.findall(r'name="ids" value="([^"]+)" form="bulk"', queue)
    assert len(keys) == 2 and "de-1" in keys  # the first client's comment kept its id
    other = next(k for k in keys if k != "de-1")
    assert "its id <code>de-1</code>" in client.get(f"/history/{other}").get_data(as_text=True)
    decide(client, [other], "approve", token=csrf_token(client, "/queue"))
    assert client.get("/comments/de-1", headers=forum).get_json()["current"]["status"] == "final"
    assert client.get("/comments/de-1", headers=cms).get_json()["current"]["status"] == "in_review"
