"""Every setting in force and where it came from: the environment, the model card, a default.

`moderation config` prints it; thresholds are resolved per category in this order:
`MODERATION_*_THRESHOLD_<CATEGORY>`, then `MODERATION_*_THRESHOLD`, then the model card's
value for the category, then the default (0.80 reject, 0.50 review). The thresholds of a
language with model heads of its own (`threshold.ar.reject.profanity`) come from the card.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from service.config import DEFAULT_REJECT_THRESHOLD, DEFAULT_REVIEW_THRESHOLD, Settings
from service.domain import Category
from service.policy import LanguageThresholds

ENVIRONMENT, CARD, DEFAULT = "environment", "model card", "default"

# (variable, Settings field) for every setting read from the environment.
VARIABLES = (
    ("MODERATION_DATABASE_URL", "database_url"),
    ("MODERATION_SECRET_KEY", "secret_key"),
    ("MODERATION_MAX_TEXT_LENGTH", "max_text_length"),
    ("MODERATION_MAX_BODY_BYTES", "max_body_bytes"),
    ("MODERATION_READ_TIMEOUT", "read_timeout"),
    ("MODERATION_RULES_DIR", "rules_dir"),
    ("MODERATION_MODEL_PATH", "model_path"),
    ("MODERATION_SUPPORTED_LANGUAGES", "supported_languages"),
    ("MODERATION_REVIEW_VERDICT", "review_verdict"),
    ("MODERATION_LOG_LEVEL", "log_level"),
    ("MODERATION_COOKIE_SECURE", "cookie_secure"),
    ("MODERATION_RATELIMIT_STORAGE", "ratelimit_storage"),
    ("MODERATION_LOGIN_RATE_LIMIT", "login_rate_limit"),
    ("MODERATION_KEY_RATE_LIMIT", "key_rate_limit"),
    ("MODERATION_ADDRESS_RATE_LIMIT", "address_rate_limit"),
    ("MODERATION_TRUSTED_PROXIES", "trusted_proxies"),
    ("MODERATION_SQLITE_LOCK_TIMEOUT", "sqlite_lock_timeout"),
)


@dataclass(frozen=True)
class SettingLine:
    name: str
    value: str
    source: str


def _shown(settings: Settings, field: str) -> str:
    value = getattr(settings, field)
    if field == "secret_key":  # never the key itself
        return "(random for this start)" if settings.secret_key_generated else "(set)"
    if field == "database_url":
        from sqlalchemy.engine import make_url

        return make_url(str(value)).render_as_string(hide_password=True)
    if field == "review_verdict":
        return value.value
    if isinstance(value, tuple):
        return ",".join(str(v) for v in value) or "(none)"
    if value is None or value == "":
        return "(none)"
    return str(value)


def _threshold_source(env: Mapping[str, str], kind: str, category: Category, card_has: bool) -> str:
    variable = f"MODERATION_{kind.upper()}_THRESHOLD"
    for name in (f"{variable}_{category.value.upper()}", variable):
        if name in env:
            return f"{ENVIRONMENT} {name}"
    return CARD if card_has else DEFAULT


def describe(
    settings: Settings,
    env: Mapping[str, str],
    reject: Mapping[Category, float],
    review: Mapping[Category, float],
    card: Mapping[Category, tuple[float, float]],
    model_version: str,
    policy_version: str,
) -> list[SettingLine]:
    """The settings in force, then the thresholds per category, each with its source."""
    lines = [
        SettingLine(
            name,
            _shown(settings, field),
            ENVIRONMENT if env.get(name) else DEFAULT,
        )
        for name, field in VARIABLES
    ]
    lines.append(SettingLine("model_version", model_version, "model"))
    lines.append(SettingLine("policy_version", policy_version, "rules, thresholds, settings"))
    for category in Category:
        for kind, chosen, fallback in (
            ("reject", reject, DEFAULT_REJECT_THRESHOLD),
            ("review", review, DEFAULT_REVIEW_THRESHOLD),
        ):
            value = chosen.get(category, fallback)
            shown = "never (review only)" if value == float("inf") else f"{value:.2f}"
            source = _threshold_source(env, kind, category, category in card)
            if source == CARD and model_version:
                source = f"{CARD} {model_version}"
            lines.append(SettingLine(f"threshold.{kind}.{category.value}", shown, source))
    return lines


def language_lines(
    language_thresholds: Mapping[str, LanguageThresholds], model_version: str
) -> list[SettingLine]:
    """The thresholds of each language with heads of its own, from the model card."""
    if not language_thresholds:
        return []
    codes = ",".join(sorted(language_thresholds))
    lines = [SettingLine("model_languages", codes, f"{CARD} {model_version} (judged)")]
    for code, t in sorted(language_thresholds.items()):
        for category in t.reject:
            for kind, chosen in (("reject", t.reject), ("review", t.review)):
                value = chosen[category]
                shown = "never (review only)" if value == float("inf") else f"{value:.4f}"
                name = f"threshold.{code}.{kind}.{category.value}"
                lines.append(SettingLine(name, shown, f"{CARD} {model_version}"))
    return lines


def language_thresholds_json(
    language_thresholds: Mapping[str, LanguageThresholds],
) -> dict[str, dict[str, dict[str, float | None]]]:
    """Per language with heads of its own, its thresholds per category, for /health."""
    return {
        code: {
            c.value: {
                "reject": None if t.reject[c] == float("inf") else t.reject[c],
                "review": t.review[c],
            }
            for c in t.reject
        }
        for code, t in sorted(language_thresholds.items())
    }


def thresholds_json(
    reject: Mapping[Category, float], review: Mapping[Category, float]
) -> dict[str, dict[str, float]]:
    """The thresholds in force per category, for /health; null: the model never rejects."""

    def finite(value: float) -> float | None:
        return None if value == float("inf") else value

    return {c.value: {"reject": finite(reject[c]), "review": finite(review[c])} for c in Category}
