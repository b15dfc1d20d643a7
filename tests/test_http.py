"""The real thing over loopback: `moderation serve` (gunicorn, 2 workers) and HTTP requests."""

import pytest
import requests

from tests.live import serving


@pytest.fixture
def server(tmp_path):
    with serving(tmp_path) as (base, key, _):
        yield base, {"Authorization": f"Bearer {key}"}


def test_moderate_over_loopback_http(server):
    base, auth = server
    session = requests.Session()
    for i in range(40):  # enough requests to reach both workers
        response = session.post(
            f"{base}/moderate", json={"id": f"h{i}", "text": f"Sh1t #{i}"}, headers=auth, timeout=10
        )
        assert response.status_code == 200
        assert response.json()["categories"] == ["profanity"]
        assert response.json()["model_version"].startswith("clf-")  # the committed model
    stored = session.get(f"{base}/comments/h7", headers=auth, timeout=10).json()
    assert stored["text"] == "Sh1t #7" and len(stored["history"]) == 1
    bad = session.post(
        f"{base}/moderate", data=b"{", headers={**auth, "Content-Type": "application/json"}
    )
    assert bad.status_code == 400 and bad.json()["error"] == "invalid_json"
    assert session.post(f"{base}/moderate", json={"text": "x"}).status_code == 401


def test_concurrent_resubmissions_store_one_comment(server):
    from concurrent.futures import ThreadPoolExecutor

    base, auth = server
    body = {"id": "race-1", "text": "You are an idiot 👏"}

    def submit(_):
        return requests.post(f"{base}/moderate", json=body, headers=auth, timeout=10)

    with ThreadPoolExecutor(max_workers=16) as pool:
        responses = list(pool.map(submit, range(32)))
    assert {r.status_code for r in responses} == {200}
    assert len({r.text for r in responses}) == 1
    stored = requests.get(f"{base}/comments/race-1", headers=auth, timeout=10).json()
    assert len(stored["history"]) == 1
