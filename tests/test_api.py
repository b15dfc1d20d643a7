"""The HTTP contract of /moderate, /comments, /health and /openapi.json (Flask test client)."""

import json
import time
from dataclasses import replace

import pytest

from service import api, create_app, store
from service.domain import Verdict


def post(client, auth, body, **kwargs):
    data = body if isinstance(body, (bytes, str)) else json.dumps(body)
    headers = {"Content-Type": "application/json", **auth, **kwargs.pop("headers", {})}
    return client.post("/moderate", data=data, headers=headers, **kwargs)


def test_clean_comment_approved_and_final(client, auth):
    response = post(client, auth, {"text": "Good article, thank you for the careful reporting."})
    assert response.status_code == 200
    body = response.get_json()
    assert body["decision"] == "approve"
    assert body["status"] == "final"
    assert body["categories"] == [] and body["reasons"] == []
    assert (body["language"], body["languages"]) == ("en", ["en"])
    assert body["model_version"] == "none"
    assert len(body["policy_version"]) == 16
    assert set(body) == {
        "id",
        "decision",
        "status",
        "categories",
        "reasons",
        "scores",
        "language",
        "languages",
        "model_version",
        "policy_version",
    }


def test_threat_rejected_with_evidence(client, auth):
    text = "Journalist, we know where you live in Erbil."
    body = post(client, auth, {"text": text}).get_json()
    assert body["decision"] == "reject" and body["status"] == "final"
    assert body["categories"] == ["threat"]
    reason = body["reasons"][0]
    assert reason["source"] == "rule" and reason["rule"] == "know_where_you_live"
    assert text[reason["span"][0] : reason["span"][1]] == "we know where you live"


def test_every_violated_category_reported(client, auth):
    body = post(client, auth, {"text": "You idiot, I will kill you. WhatsApp +90 555 010 44 21"})
    assert body.get_json()["categories"] == ["threat", "personal_attack", "promotion"]


def test_unsupported_language_goes_to_review_with_provisional_reject(client, auth):
    text = "حمله‌های موشکی سپاه به اردوگاه‌های احزاب کرد محکوم است. قربانیان اصلی مردم عادی هستند."
    body = post(client, auth, {"text": text}).get_json()
    assert body["status"] == "in_review"
    assert body["decision"] == "reject"
    assert body["reasons"] == [
        {"category": None, "source": "language", "rule": "unsupported_language", "note": "fa"}
    ]


def test_mixed_comment_reports_every_language_and_reviews_each_unsupported_one(client, auth):
    text = "Great match yesterday! Amedspor duh bi du golan bi ser ket, pir xweş bû."
    body = post(client, auth, {"id": "c-mixed", "text": text}).get_json()
    assert (body["language"], body["languages"]) == ("kmr", ["kmr", "en"])
    assert body["status"] == "in_review"
    assert [r["note"] for r in body["reasons"] if r["rule"] == "unsupported_language"] == ["kmr"]
    stored = client.get("/comments/c-mixed", headers=auth).get_json()
    assert stored["current"]["languages"] == stored["history"][0]["languages"] == ["kmr", "en"]
    # a resubmission replays the stored answer, languages included
    assert post(client, auth, {"id": "c-mixed", "text": text}).get_json() == body


def test_rule_hit_still_rejects_unsupported_language(client, auth):
    text = "Suriyeliler asalak, hepsini atın. WhatsApp +90 555 010 44 21"
    body = post(client, auth, {"text": text}).get_json()
    assert body["decision"] == "reject" and body["status"] == "final"
    assert body["language"] == "tr"


def test_provisional_verdict_is_configurable(tmp_path):
    from service import create_app

    app = create_app(
        {"database_url": f"sqlite:///{tmp_path / 'm.db'}", "review_verdict": Verdict.APPROVE}
    )
    with app.extensions[api.EXTENSION].engine.begin() as conn:
        key = store.create_key(conn, "cms")
    body = post(
        app.test_client(),
        {"Authorization": f"Bearer {key}"},
        {"text": "Interesting: koyawatch.net/report"},
    ).get_json()
    assert (body["decision"], body["status"]) == ("approve", "in_review")


def test_same_id_same_text_returns_stored_decision_without_duplicate(app, client, auth):
    first = post(client, auth, {"id": "c-1", "text": "Fuck the budget"}).get_json()
    second = post(client, auth, {"id": "c-1", "text": "Fuck the budget"})
    assert second.status_code == 200
    assert second.get_json() == first
    stored = client.get("/comments/c-1", headers=auth).get_json()
    assert len(stored["history"]) == 1


def test_same_id_other_text_conflicts(client, auth):
    post(client, auth, {"id": "c-2", "text": "first text"})
    response = post(client, auth, {"id": "c-2", "text": "second text"})
    assert response.status_code == 409
    assert response.get_json()["error"] == "conflict"


@pytest.mark.parametrize(
    "text",
    [
        "Great turnout in Duhok 👏👏 proud of all the youth 🇮🇶",
        "هیوادارم هەڵبژاردنەکان بە ئاشتی تێپەڕن",  # Sorani, right-to-left
        "e\u0301 combining acute, n\u0303, and Z\u0351\u0352\u0353algo",
        "mixed RTL \u202egnp.exe\u202c and a zero\u200bwidth space",
        "line one\r\nline two\ttab  double  space ",
        "𝐛𝐨𝐥𝐝 and ﬁ ligature and ｆｕｌｌ",
    ],
)
def test_text_stored_byte_for_byte(client, auth, text):
    comment_id = post(client, auth, {"text": text}).get_json()["id"]
    stored = client.get(f"/comments/{comment_id}", headers=auth).get_json()
    assert stored["text"].encode("utf-8") == text.encode("utf-8")


def test_get_comment_returns_text_author_and_history(client, auth):
    post(
        client,
        auth,
        {
            "id": "c-3",
            "text": "Nice",
            "author": {"name": "Dilan", "email": "d@x.org"},
            "article": {"id": 42, "title": "Oil"},
        },
    )
    body = client.get("/comments/c-3", headers=auth).get_json()
    assert body["text"] == "Nice"
    assert body["author"] == {"name": "Dilan", "email": "d@x.org"}
    assert body["article_id"] == "42"
    assert body["current"]["decision"] == "approve"
    assert body["history"][0]["source"] == "service"


@pytest.mark.parametrize("comment_id", ["...", ".a", "a.", "x" * 128, "c-1:2_3.4"])
def test_ids_other_than_dot_and_dot_dot_are_accepted(client, auth, comment_id):
    assert post(client, auth, {"text": "Nice", "id": comment_id}).status_code == 200
    assert client.get(f"/comments/{comment_id}", headers=auth).get_json()["id"] == comment_id


@pytest.mark.parametrize("path", ["/comments/a%00b", "/comments/" + "a" * 129, "/comments/a%20b"])
def test_a_bad_id_in_the_path_is_400_with_the_body_id_rule(client, auth, path):
    response = client.get(path, headers=auth)
    assert response.status_code == 400
    body_id = post(client, auth, {"text": "hi", "id": "a b"}).get_json()
    assert response.get_json() == body_id  # one rule, one message for both


def test_an_integral_number_as_article_id_is_stored_as_that_integer(client, auth):
    # JSON Schema (and so the OpenAPI document) counts 366.0 as an integer
    post(client, auth, b'{"id": "n-1", "text": "Nice", "article": {"id": 366.0}}')
    assert client.get("/comments/n-1", headers=auth).get_json()["article_id"] == "366"
    fraction = post(client, auth, b'{"text": "Nice", "article": {"id": 366.5}}')
    assert fraction.status_code == 400


ARTICLE_URLS_KEPT = [
    "https://news.example/2026/12/oil-deal",
    "HTTP://news.example",  # a scheme in any case is still http
    "https://news.example:8443/a?b=c#d",
    "https://rudaw.example/sorani/ئەمڕۆ",  # Kurdish, Arabic and Persian slugs are addresses
    "https://news.example/" + "a" * 1979,  # 2,000 characters, the column's width
]
ARTICLE_URLS_REFUSED = [
    "javascript:alert(1)",
    "JavaScript://news.example/%0Aalert(1)",
    "java\tscript:alert(1)",  # browsers drop the tab and read a scheme
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "file:///etc/passwd",
    "ftp://news.example/a",
    "//news.example/a",  # relative to the page's scheme
    "/2026/oil",
    "https://",  # no host
    "https:///news.example",
    "https://cms.example@elsewhere.example/a",  # a user name hiding the real host
    "https://news.example/a b",
    "https://news.example/a\nb",
    " https://news.example",
    "https://news.example/" + "a" * 1980,  # 2,001 characters
]


@pytest.mark.parametrize("url", ARTICLE_URLS_KEPT)
def test_an_http_article_url_is_stored_as_sent(app, client, auth, url):
    article = {"id": "oil-1", "title": "Oil", "url": url}
    response = post(client, auth, {"id": "u-1", "text": "Nice", "article": article})
    assert response.status_code == 200, response.get_json()
    with app.extensions[api.EXTENSION].engine.connect() as conn:
        assert store.get_comment(conn, "u-1").article_url == url


@pytest.mark.parametrize("url", ARTICLE_URLS_REFUSED)
def test_an_article_url_of_another_scheme_or_shape_is_a_400(client, auth, url):
    article = {"id": "oil-1", "url": url}
    response = post(client, auth, {"id": "u-2", "text": "Nice", "article": article})
    assert response.status_code == 400
    body = response.get_json()
    assert body["error"] == "invalid_field"
    assert body["message"].startswith("article.url must be an http:// or https:// address")
    assert client.get("/comments/u-2", headers=auth).status_code == 404  # nothing stored


def test_get_unknown_comment_is_404(client, auth):
    response = client.get("/comments/nope", headers=auth)
    assert response.status_code == 404
    assert response.get_json()["error"] == "not_found"


BAD_INPUT = [
    ("malformed json", b'{"text": "hi"', 400, "invalid_json"),
    ("not an object", b'["text"]', 400, "invalid_body"),
    ("missing text", {"id": "x"}, 400, "missing_field"),
    ("empty text", {"text": ""}, 400, "empty_text"),
    ("blank text", {"text": "  \n\t "}, 400, "empty_text"),
    ("text not a string", {"text": 5}, 400, "invalid_field"),
    ("text null", {"text": None}, 400, "invalid_field"),
    ("text a list", {"text": ["a"]}, 400, "invalid_field"),
    ("id not a string", {"text": "hi", "id": ["x"]}, 400, "invalid_field"),
    ("id with spaces", {"text": "hi", "id": "a b"}, 400, "invalid_field"),
    ("author not an object", {"text": "hi", "author": "me"}, 400, "invalid_field"),
    ("author email a number", {"text": "hi", "author": {"email": 3}}, 400, "invalid_field"),
    ("article without id", {"text": "hi", "article": {"title": "t"}}, 400, "missing_field"),
    ("unknown field", {"text": "hi", "txt": "typo"}, 400, "unknown_field"),
    ("too long", {"text": "a" * 10_001}, 413, "text_too_long"),
    ("invalid utf-8", b'{"text": "caf\xe9"}', 400, "invalid_utf8"),
    ("lone surrogate", b'{"text": "bad \\ud800 text"}', 400, "invalid_field"),
    ("NUL character", b'{"text": "a\\u0000b"}', 400, "invalid_field"),
    (
        "only invisible characters",
        {"text": "\u200b\u200c\u200d\u2060\ufeff\u00ad"},
        400,
        "empty_text",
    ),
    ("braille blank and Hangul fillers", {"text": "\u2800 \u3164\u115f\uffa0"}, 400, "empty_text"),
    ("bidi controls and tags", {"text": "\u202e\u2066\u061c\U000e0041\ufe0f"}, 400, "empty_text"),
    ("repeated key", b'{"text": "nice", "text": "f*** you"}', 400, "duplicate_key"),
    ("repeated nested key", b'{"text": "hi", "article": {"id": 1, "id": 2}}', 400, "duplicate_key"),
    (
        "huge integer in an unknown field",
        b'{"text": "hi", "x": ' + b"9" * 5000 + b"}",
        400,
        "invalid_json",
    ),
    ("huge negative integer", b'{"text": "hi", "id": -' + b"1" * 4301 + b"}", 400, "invalid_json"),
    ("id '.'", {"text": "hi", "id": "."}, 400, "invalid_field"),
    ("id '..'", {"text": "hi", "id": ".."}, 400, "invalid_field"),
    ("id with NUL", {"text": "hi", "id": "a\u0000"}, 400, "invalid_field"),
    ("id over 128", {"text": "hi", "id": "a" * 129}, 400, "invalid_field"),
    ("article id over 128", {"text": "hi", "article": {"id": "a" * 129}}, 400, "invalid_field"),
    (
        "article id integer over 128 digits",
        {"text": "hi", "article": {"id": 10**128}},
        400,
        "invalid_field",
    ),
    ("author name over 500", {"text": "hi", "author": {"name": "a" * 501}}, 400, "invalid_field"),
    (
        "article title over 1000",
        {"text": "hi", "article": {"id": 1, "title": "t" * 1001}},
        400,
        "invalid_field",
    ),
    (
        "deep nesting",
        b'{"text": "hi", "author": ' + b"[" * 100_000 + b"]" * 100_000 + b"}",
        400,
        "invalid_json",
    ),
]


@pytest.mark.parametrize(
    ("case", "body", "status", "code"), BAD_INPUT, ids=[c[0] for c in BAD_INPUT]
)
def test_bad_input_gets_json_error(client, auth, case, body, status, code):
    response = post(client, auth, body)
    assert response.status_code == status, response.get_data(as_text=True)
    error = response.get_json()
    assert error["error"] == code
    assert isinstance(error["message"], str) and error["message"]


def test_text_at_the_limit_is_accepted(client, auth):
    assert post(client, auth, {"text": "a" * 10_000}).status_code == 200


def test_wrong_content_type_is_415(client, auth):
    response = client.post(
        "/moderate", data='{"text": "hi"}', headers={**auth, "Content-Type": "text/plain"}
    )
    assert response.status_code == 415
    assert response.get_json()["error"] == "unsupported_media_type"


def test_body_over_limit_is_413(client, auth):
    response = post(
        client, auth, {"text": "hi", "article": {"id": "1", "text": "x" * 1_048_576}}
    )  # 1 MB
    assert response.status_code == 413
    assert response.get_json()["error"] == "request_entity_too_large"


@pytest.mark.parametrize(
    "headers",
    [
        {},
        {"Authorization": "Bearer nope"},
        {"Authorization": "Basic abc"},
        {"Authorization": "Bearer "},
    ],
)
def test_missing_or_unknown_key_is_401(client, headers):
    response = client.post("/moderate", json={"text": "hi"}, headers=headers)
    assert response.status_code == 401
    assert response.get_json()["error"] == "unauthorized"
    assert client.get("/comments/x", headers=headers).status_code == 401


def test_revoked_key_is_401_once_the_key_cache_expires(tmp_path):
    from service import create_app
    from service.auth import ApiKeys

    app = create_app({"database_url": f"sqlite:///{tmp_path / 'm.db'}"})
    svc = app.extensions[api.EXTENSION]
    app.extensions[api.EXTENSION] = replace(svc, keys=ApiKeys(svc.engine, ttl=0.2))
    with svc.engine.begin() as conn:
        key = store.create_key(conn, "cms")
    client, auth = app.test_client(), {"Authorization": f"Bearer {key}"}
    assert post(client, auth, {"text": "hi"}).status_code == 200
    with svc.engine.begin() as conn:
        assert store.revoke_keys(conn, "cms") == 1
    time.sleep(0.3)
    assert post(client, auth, {"text": "hi"}).status_code == 401


def test_unknown_route_and_method_are_json(client):
    assert client.get("/nope").get_json()["error"] == "not_found"
    response = client.get("/moderate")
    assert response.status_code == 405
    assert response.get_json()["error"] == "method_not_allowed"


def test_health_reports_versions_and_each_dependency(client):
    body = client.get("/health").get_json()
    assert body["status"] == "ok" and body["model_version"] == "none"
    # counters in memory: no rate-limit store to check, only the database's write path
    assert list(body["checks"]) == ["database"] and body["checks"]["database"]["status"] == "ok"
    # no model: every category at the defaults, as `moderation config` says
    assert body["thresholds"]["threat"] == {"reject": 0.8, "review": 0.5}


def test_openapi_document_describes_moderate(client):
    doc = client.get("/openapi.json").get_json()
    assert doc["openapi"].startswith("3.1")
    schema = doc["paths"]["/moderate"]["post"]["requestBody"]["content"]["application/json"][
        "schema"
    ]
    assert schema["required"] == ["text"]
    assert schema["properties"]["text"]["maxLength"] == 10_000
    assert "Decision" in doc["components"]["schemas"]


def _strings(node, where="#"):
    """Every schema of type string in a document, with where it is."""
    if isinstance(node, dict):
        if node.get("type") == "string" or "string" in (node.get("type") or []):
            yield where, node
        for key, value in node.items():
            yield from _strings(value, f"{where}/{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _strings(value, f"{where}/{i}")


def test_openapi_document_bounds_every_input_string_and_the_id_pattern(client):
    doc = client.get("/openapi.json").get_json()
    inputs = {
        "paths": doc["paths"]["/comments/{comment_id}"]["get"]["parameters"],
        "body": doc["paths"]["/moderate"]["post"]["requestBody"],
        "schemas": {
            name: schema
            for name, schema in doc["components"]["schemas"].items()
            if name.endswith("Payload")
        },
    }
    found = list(_strings(inputs))
    assert len(found) >= 8
    assert [where for where, schema in found if "maxLength" not in schema] == []
    path_id = doc["paths"]["/comments/{comment_id}"]["get"]["parameters"][0]["schema"]
    body_id = doc["paths"]["/moderate"]["post"]["requestBody"]["content"]["application/json"][
        "schema"
    ]["properties"]["id"]["anyOf"][0]
    assert path_id == body_id and path_id["maxLength"] == 128
    article_id = doc["components"]["schemas"]["ArticlePayload"]["properties"]["id"]["anyOf"]
    assert len(str(article_id[1]["maximum"])) == len(str(article_id[1]["minimum"])) == 128


def test_classifier_failure_sends_comment_to_review_and_stores_it(app, client, auth, caplog):
    svc = app.extensions[api.EXTENSION]

    class Broken:
        version = "broken-1"

        def score_languages(self, texts, folded=None):
            raise RuntimeError("model exploded")

    app.extensions[api.EXTENSION] = replace(
        svc, moderator=replace(svc.moderator, classifier=Broken())
    )
    body = post(client, auth, {"id": "c-9", "text": "A calm comment"}).get_json()
    assert body["status"] == "in_review" and body["model_version"] == "broken-1"
    assert {"category": None, "source": "system", "rule": "classifier_error"} in body["reasons"]
    assert "model exploded" in caplog.text
    assert client.get("/comments/c-9", headers=auth).status_code == 200


@pytest.mark.parametrize("storage", ["memory", "redis"])
def test_rate_limits_per_key_and_per_address_answer_429(tmp_path, storage, request):
    import uuid

    url = "memory://" if storage == "memory" else request.getfixturevalue("redis_url")
    app = create_app(
        {
            "database_url": f"sqlite:///{tmp_path / 'm.db'}",
            "model_path": None,
            "ratelimit_storage": url,
            "key_rate_limit": "3/minute",
            "address_rate_limit": "5/minute",
        }
    )
    # Redis outlives the test: a fresh namespace per run
    svc = app.extensions[api.EXTENSION]
    for limit in (svc.per_key, svc.per_address):
        limit._namespace += uuid.uuid4().hex
    client = app.test_client()
    with svc.engine.begin() as conn:
        first, second = store.create_key(conn, "a"), store.create_key(conn, "b")
    statuses = []
    for i in range(4):
        response = client.post(
            "/moderate", json={"text": f"hello {i}"}, headers={"Authorization": f"Bearer {first}"}
        )
        statuses.append(response.status_code)
    assert statuses == [200, 200, 200, 429]
    assert int(response.headers["Retry-After"]) >= 1
    assert response.get_json()["error"] == "rate_limited"
    other = client.post(
        "/moderate", json={"text": "hi"}, headers={"Authorization": f"Bearer {second}"}
    )
    assert other.status_code == 200  # another key has its own allowance
    # the address has now made 5 requests: the sixth is refused whatever the key
    blocked = client.post(
        "/moderate", json={"text": "hi"}, headers={"Authorization": f"Bearer {second}"}
    )
    assert blocked.status_code == 429
    svc.engine.dispose()


def test_an_unexpected_failure_is_a_bare_500_without_trace_or_secrets(
    app, client, auth, monkeypatch
):
    def explode(*args, **kwargs):
        raise RuntimeError("secret detail: postgresql://user:hunter2@db/moderation")

    monkeypatch.setattr(store, "add_comment", explode)
    response = client.post("/moderate", json={"text": "hello"}, headers=auth)
    assert response.status_code == 500
    assert response.get_json() == {
        "error": "internal_error",
        "message": "the service failed; the request was not stored",
    }
    body = response.get_data(as_text=True)
    assert "Traceback" not in body and "hunter2" not in body
    assert app.config["SECRET_KEY"] not in body
