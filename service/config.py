"""Settings: defaults, overridden by `MODERATION_*` environment variables, read once."""

from __future__ import annotations

import os
import secrets
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from ipaddress import IPv4Network, IPv6Network, ip_network
from pathlib import Path

from service.domain import LANGUAGES, Category, Verdict

# The committed classifier; MODERATION_MODEL_PATH=none runs on the rules alone.
DEFAULT_MODEL_PATH = Path(__file__).resolve().parent.parent / "models" / "classifier.joblib"
# Classifier probability at or above which a category rejects on its own.
DEFAULT_REJECT_THRESHOLD = 0.80
# Probability at or above which a category sends the comment to a reviewer.
DEFAULT_REVIEW_THRESHOLD = 0.50


class ConfigError(ValueError):
    """A setting has a value the service cannot use; the message names the variable."""


@dataclass(frozen=True)
class Settings:
    """Everything the service reads from its environment."""

    database_url: str = ""
    secret_key: str = ""
    max_text_length: int = 10_000
    # A body carries the text plus the article's title and text, so it may be larger.
    max_body_bytes: int = 512 * 1024
    # Seconds a client has to send a whole request (headers and body) once it connects;
    # `moderation serve` answers 408 past it, so a slow client cannot hold a worker.
    read_timeout: int = 10
    rules_dir: Path | None = None
    model_path: Path | None = None
    supported_languages: tuple[str, ...] = ("en",)
    review_verdict: Verdict = Verdict.REJECT
    # Thresholds set explicitly; a category not named here takes the model card's
    # threshold, or the default.
    reject_threshold: Mapping[Category, float] = field(default_factory=dict)
    review_threshold: Mapping[Category, float] = field(default_factory=dict)
    log_level: str = "INFO"
    secret_key_generated: bool = False
    # Reviewer sessions: mark the cookie Secure when reviewers reach the service over HTTPS.
    cookie_secure: bool = False
    # Where rate-limit counters live: memory:// (per process) or redis://host:port shared
    # by every worker.
    ratelimit_storage: str = "memory://"
    # Failed reviewer logins allowed per client address and per username.
    login_rate_limit: str = "5/minute"
    # POST /moderate limits ("600/minute"), per API key and per client address; empty:
    # none. Off by default: the CMS posts every comment and none may be turned away.
    key_rate_limit: str = ""
    address_rate_limit: str = ""
    # Reverse proxies whose X-Forwarded-For is believed (addresses or networks); none:
    # the header is ignored and the connection's address is the client's.
    trusted_proxies: tuple[IPv4Network | IPv6Network, ...] = ()
    # Seconds a SQLite write waits for the database lock (the workers' file lock, then
    # SQLite's own) before it answers 503: a client then retries rather than hanging.
    sqlite_lock_timeout: float = 2.0

    def with_overrides(self, overrides: Mapping[str, object]) -> Settings:
        """A copy with the given fields replaced (used by tests)."""
        known = {f.name for f in fields(self)}
        unknown = set(overrides) - known
        if unknown:
            raise ConfigError(f"unknown settings: {sorted(unknown)}")
        return replace(self, **overrides)


def _parsed(env: Mapping[str, str], name: str, convert: type, what: str) -> tuple[str, float]:
    """The variable's raw text and its value as `convert` reads it; ConfigError if it cannot."""
    raw = env[name]
    try:
        return raw, convert(raw)
    except ValueError as exc:
        raise ConfigError(f"{name} must be {what}, not {raw!r}") from exc


def _int(env: Mapping[str, str], name: str, default: int) -> int:
    if name not in env:
        return default
    _, value = _parsed(env, name, int, "a whole number")
    if value <= 0:
        raise ConfigError(f"{name} must be positive")
    return value


def _limit(env: Mapping[str, str], name: str) -> str:
    from limits import parse

    raw = env.get(name, "").strip()
    if raw.lower() in ("", "none"):
        return ""
    try:
        parse(raw)
    except ValueError as exc:
        raise ConfigError(f"{name} must look like '600/minute', not {raw!r}") from exc
    return raw


def _networks(env: Mapping[str, str], name: str) -> tuple[IPv4Network | IPv6Network, ...]:
    out = []
    for raw in env.get(name, "").split(","):
        if not raw.strip():
            continue
        try:
            out.append(ip_network(raw.strip(), strict=False))
        except ValueError as exc:
            raise ConfigError(
                f"{name} must list proxy addresses or networks, e.g. '10.0.0.5,10.1.0.0/16', "
                f"not {raw.strip()!r}"
            ) from exc
    return tuple(out)


def _seconds(env: Mapping[str, str], name: str, default: float) -> float:
    if name not in env:
        return default
    raw, value = _parsed(env, name, float, "a number of seconds")
    if not 0.0 < value <= 60.0:  # a minute is already far past any client's patience
        raise ConfigError(f"{name} must be more than 0 and at most 60 seconds, not {raw!r}")
    return value


def _flag(env: Mapping[str, str], name: str) -> bool:
    raw = env.get(name, "").strip().lower()
    if raw in ("", "0", "false", "no"):
        return False
    if raw in ("1", "true", "yes"):
        return True
    raise ConfigError(f"{name} must be 1/true/yes or 0/false/no, not {raw!r}")


def _probability(env: Mapping[str, str], name: str, default: float) -> float:
    if name not in env:
        return default
    _, value = _parsed(env, name, float, "a number between 0 and 1")
    if not 0.0 <= value <= 1.0:
        raise ConfigError(f"{name} must be between 0 and 1")
    return value


def _thresholds(env: Mapping[str, str], prefix: str) -> dict[Category, float]:
    """Thresholds named in the environment: `PREFIX` for all, `PREFIX_<CATEGORY>` for one."""
    out = {}
    for category in Category:
        name = f"{prefix}_{category.value.upper()}"
        if name in env:
            out[category] = _probability(env, name, 0.0)
        elif prefix in env:
            out[category] = _probability(env, prefix, 0.0)
    return out


def resolve_thresholds(
    settings: Settings, card: Mapping[Category, tuple[float, float]]
) -> tuple[dict[Category, float], dict[Category, float]]:
    """Reject and review thresholds per category: environment, else model card, else default."""
    reject, review = {}, {}
    for category in Category:
        card_reject, card_review = card.get(
            category, (DEFAULT_REJECT_THRESHOLD, DEFAULT_REVIEW_THRESHOLD)
        )
        reject[category] = settings.reject_threshold.get(category, card_reject)
        review[category] = settings.review_threshold.get(category, card_review)
        if review[category] > reject[category]:
            raise ConfigError(f"review threshold for {category} is above its reject threshold")
    return reject, review


def from_env(instance_path: Path, env: Mapping[str, str] | None = None) -> Settings:
    """Read the settings from `env` (default: os.environ); raise ConfigError on bad values."""
    env = os.environ if env is None else env
    database_url = env.get("MODERATION_DATABASE_URL") or (
        f"sqlite:///{instance_path / 'moderation.db'}"
    )
    secret_key = env.get("MODERATION_SECRET_KEY", "")
    generated = not secret_key
    if generated:
        secret_key = secrets.token_urlsafe(32)  # sessions do not survive a restart
    verdict = env.get("MODERATION_REVIEW_VERDICT", Verdict.REJECT.value)
    if verdict not in {v.value for v in Verdict}:
        raise ConfigError("MODERATION_REVIEW_VERDICT must be 'reject' or 'approve'")
    languages = tuple(
        code.strip().lower()
        for code in env.get("MODERATION_SUPPORTED_LANGUAGES", "en").split(",")
        if code.strip()
    )
    unknown = sorted(set(languages) - set(LANGUAGES))
    if unknown:  # a misspelt code would silently send that language to review for ever
        raise ConfigError(
            f"MODERATION_SUPPORTED_LANGUAGES: unknown {', '.join(unknown)}; "
            f"detection reports {', '.join(LANGUAGES)}"
        )
    reject = _thresholds(env, "MODERATION_REJECT_THRESHOLD")
    review = _thresholds(env, "MODERATION_REVIEW_THRESHOLD")
    rules_dir = env.get("MODERATION_RULES_DIR")
    model_path = env.get("MODERATION_MODEL_PATH", "") or str(DEFAULT_MODEL_PATH)
    if model_path.lower() == "none":
        model_path = ""
    return Settings(
        database_url=database_url,
        secret_key=secret_key,
        secret_key_generated=generated,
        max_text_length=_int(env, "MODERATION_MAX_TEXT_LENGTH", 10_000),
        max_body_bytes=_int(env, "MODERATION_MAX_BODY_BYTES", 512 * 1024),
        read_timeout=_int(env, "MODERATION_READ_TIMEOUT", 10),
        rules_dir=Path(rules_dir) if rules_dir else None,
        model_path=Path(model_path) if model_path else None,
        supported_languages=languages or ("en",),
        review_verdict=Verdict(verdict),
        reject_threshold=reject,
        review_threshold=review,
        log_level=env.get("MODERATION_LOG_LEVEL", "INFO").upper(),
        cookie_secure=_flag(env, "MODERATION_COOKIE_SECURE"),
        ratelimit_storage=env.get("MODERATION_RATELIMIT_STORAGE", "memory://"),
        # checked like the other limits; it cannot be switched off
        login_rate_limit=_limit(env, "MODERATION_LOGIN_RATE_LIMIT") or "5/minute",
        key_rate_limit=_limit(env, "MODERATION_KEY_RATE_LIMIT"),
        address_rate_limit=_limit(env, "MODERATION_ADDRESS_RATE_LIMIT"),
        trusted_proxies=_networks(env, "MODERATION_TRUSTED_PROXIES"),
        sqlite_lock_timeout=_seconds(env, "MODERATION_SQLITE_LOCK_TIMEOUT", 2.0),
    )
