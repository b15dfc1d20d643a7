"""The Flask app and its long-lived parts: `create_app`, `build_moderator`."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from functools import cache
from pathlib import Path

from flask import Flask

from service import api, db, review_web
from service.auth import ApiKeys
from service.classifier import RulesOnly, load_classifier
from service.config import Settings, from_env, resolve_thresholds
from service.language import LanguageDetector
from service.pipeline import Moderator
from service.policy import LanguageThresholds, PolicyConfig, policy_version
from service.proxies import TrustedProxies
from service.ratelimit import RateLimit, Store
from service.rules import build_rules

log = logging.getLogger(__name__)


@cache
def _language_detector() -> LanguageDetector:
    # One per process: Lingua's models, once loaded, never change.
    return LanguageDetector()


def build_moderator(settings: Settings) -> Moderator:
    """Compile the rules, load the classifier and detector, fingerprint the policy."""
    rules = build_rules(settings.rules_dir)
    classifier = load_classifier(settings.model_path) if settings.model_path else RulesOnly()
    reject, review = resolve_thresholds(settings, classifier.thresholds)
    # languages with heads of their own are judged at the model card's thresholds
    languages = {
        code: LanguageThresholds(
            {c: t[0] for c, t in card.items()}, {c: t[1] for c, t in card.items()}
        )
        for code, card in classifier.language_thresholds.items()
    }
    policy = PolicyConfig(
        reject_threshold=reject,
        review_threshold=review,
        review_verdict=settings.review_verdict,
        supported_languages=frozenset(settings.supported_languages),
        version=policy_version(
            rules.digest,
            reject,
            review,
            settings.review_verdict,
            settings.supported_languages,
            languages,
        ),
        language_thresholds=languages,
    )
    return Moderator(rules, classifier, _language_detector(), policy)


# Pages use only their own script and stylesheet: no inline code, no other origins. The
# queue's script posts its forms to this origin (connect-src), nowhere else.
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
    "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)


def security_headers(response):
    """Headers on every answer: no framing, no content sniffing, a strict CSP."""
    headers = response.headers
    headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
    headers.setdefault("X-Content-Type-Options", "nosniff")
    headers.setdefault("X-Frame-Options", "DENY")
    headers.setdefault("Referrer-Policy", "same-origin")
    if response.mimetype == "text/html":
        headers.setdefault("Cache-Control", "no-store")  # comment text and who decided it
    return response


def create_app(test_config: Mapping[str, object] | None = None) -> Flask:
    """The app: settings from the environment (or `test_config`), schema up to date."""
    app = Flask(__name__, instance_relative_config=True)
    settings = from_env(Path(app.instance_path))
    if test_config:
        settings = settings.with_overrides(test_config)
    logging.basicConfig(
        level=settings.log_level, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    app.config.update(SECRET_KEY=settings.secret_key, MAX_CONTENT_LENGTH=settings.max_body_bytes)
    engine = db.make_engine(settings.database_url, settings.sqlite_lock_timeout)
    db.upgrade(engine)
    moderator = build_moderator(settings)
    counters = Store(settings.ratelimit_storage)
    # A rate-limit store that is away must not turn comments away: the limits let
    # requests through (logged) until it answers again.
    per_key, per_address = (
        RateLimit(spec, counters, name, fail_open=True) if spec else None
        for spec, name in (
            (settings.key_rate_limit, "moderate-key"),
            (settings.address_rate_limit, "moderate-address"),
        )
    )
    app.extensions[api.EXTENSION] = api.Services(
        settings,
        engine,
        moderator,
        ApiKeys(engine),
        per_key,
        per_address,
        ratelimit_store=counters if counters.shared else None,
    )
    app.register_blueprint(api.bp)
    review_web.init_app(app, engine, settings, moderator.policy)
    api.register_errors(app)
    app.after_request(security_headers)
    if settings.trusted_proxies:
        app.wsgi_app = TrustedProxies(app.wsgi_app, settings.trusted_proxies)
    return app
