"""Raw request bodies into a `CommentIn`, or a `ValidationError` naming what is wrong."""

from __future__ import annotations

import json
import re
from typing import Annotated

import pydantic
from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StrictInt,
    StrictStr,
    TypeAdapter,
)

from service.domain import Article, Author, CommentIn

# Comment ids end up in URLs and file names: letters, digits and `. _ : -`, but never `.`
# or `..` alone (a path segment of their own). No lookaround, so that pydantic's regex
# engine, ECMA-262 (OpenAPI) and hypothesis all read the pattern alike.
ID_MAX = 128  # comments.external_id is String(128)
ID_PATTERN = r"^(?:[A-Za-z0-9_:\-]|\.[A-Za-z0-9_:\-]|\.\.[A-Za-z0-9._:\-])[A-Za-z0-9._:\-]*$"
ID_RULE = f"1-{ID_MAX} of A-Z a-z 0-9 . _ : - and not '.' or '..'"
CommentId = Annotated[StrictStr, Field(min_length=1, max_length=ID_MAX, pattern=ID_PATTERN)]
_COMMENT_ID = TypeAdapter(CommentId)
# Column widths the validator keeps to (PostgreSQL refuses a longer value with an error).
ARTICLE_ID_MAX = 128  # comments.article_id is String(128)
# An integer article id is stored as its decimal string, sign included.
ARTICLE_INT_MIN, ARTICLE_INT_MAX = -(10 ** (ARTICLE_ID_MAX - 1) - 1), 10**ARTICLE_ID_MAX - 1
# An article's address, shown to reviewers as a link: http or https with a host, no
# white space or control characters (a browser drops some of them silently, so
# "java\tscript:" would be read as a scheme), at most the width of comments.article_url.
# Other schemes (javascript:, data:, file:, ...) are refused, not stored and filtered later.
ARTICLE_URL_MAX = 2000
ARTICLE_URL_PATTERN = (
    r"^[Hh][Tt][Tt][Pp][Ss]?://[^\x00-\x20\x7f-\xa0/?#\\@]+(?:[/?#][^\x00-\x20\x7f-\xa0]*)?$"
)
ARTICLE_URL_RULE = (
    f"an http:// or https:// address with a host, at most {ARTICLE_URL_MAX} characters, "
    "without spaces or a user name"
)
# Python refuses to convert longer digit strings (sys.get_int_max_str_digits()).
MAX_INT_DIGITS = 4300

# A text must hold something visible. Invisible: controls (Cc), format characters (Cf:
# zero-width space and joiners, soft hyphen, word joiner, BOM, bidi controls, ...), every
# space and line or paragraph separator (Zs, Zl, Zp), the other default-ignorable code
# points (combining grapheme joiner, Hangul fillers, variation selectors, tags), and the
# braille blank. Written out as ranges (tests/test_properties.py checks them against
# unicodedata) so that the OpenAPI document's `pattern` and this check agree exactly.
INVISIBLE = (
    "\x00-\x20\x7f-\xa0\xad\u034f\u0600-\u0605\u061c\u06dd\u070f\u0890-\u0891\u08e2"
    "\u115f-\u1160\u1680\u17b4-\u17b5\u180b-\u180f\u2000-\u200f\u2028-\u202f\u205f-\u206f"
    "\u2800\u3000\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff9-\ufffb\U000110bd\U000110cd"
    "\U00013430-\U0001343f\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0000-\U000e0fff"
)
VISIBLE = re.compile(f"[^{INVISIBLE}]")


class ValidationError(ValueError):
    """Bad input: `error` is a short code, `message` says what to fix, `status` the HTTP code."""

    def __init__(self, error: str, message: str, status: int = 400) -> None:
        super().__init__(message)
        self.error = error
        self.message = message
        self.status = status


_Strict = ConfigDict(extra="forbid", strict=True)
ShortText = Annotated[StrictStr, Field(max_length=500)]


class AuthorPayload(BaseModel):
    model_config = _Strict
    name: ShortText | None = None
    email: ShortText | None = None


def _integral(value: object) -> object:
    # JSON Schema counts 366.0 as an integer, so the OpenAPI document promises it is one.
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


class ArticlePayload(BaseModel):
    model_config = _Strict
    id: (
        Annotated[StrictStr, Field(min_length=1, max_length=ARTICLE_ID_MAX)]
        | Annotated[
            StrictInt, Field(ge=ARTICLE_INT_MIN, le=ARTICLE_INT_MAX), BeforeValidator(_integral)
        ]
    )
    title: Annotated[StrictStr, Field(max_length=1000)] | None = None
    url: (
        Annotated[StrictStr, Field(max_length=ARTICLE_URL_MAX, pattern=ARTICLE_URL_PATTERN)] | None
    ) = None
    # No width of its own (a Text column): the body limit bounds it.
    text: StrictStr | None = None


class CommentPayload(BaseModel):
    """The body of `POST /moderate`."""

    model_config = _Strict
    text: StrictStr
    id: CommentId | None = None
    author: AuthorPayload | None = None
    article: ArticlePayload | None = None


def _field(loc: tuple) -> str:
    return ".".join(
        str(part) for part in loc if not str(part).startswith(("str", "int", "constrained"))
    )


def _check_text(name: str, value: str | None) -> None:
    if value is None:
        return
    if "\x00" in value:
        raise ValidationError("invalid_field", f"{name} must not contain NUL characters")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise ValidationError(
            "invalid_field", f"{name} contains an unpaired surrogate (\\ud800-\\udfff)"
        ) from exc


def check_id(value: str, name: str = "id") -> str:
    """A comment id as the body's `id` and the URL's `<id>` must be; ValidationError if not."""
    try:
        return _COMMENT_ID.validate_python(value)
    except pydantic.ValidationError as exc:
        raise ValidationError("invalid_field", f"{name} must be {ID_RULE}") from exc


def _unique_keys(pairs: list[tuple[str, object]]) -> dict:
    # JSON allows duplicate keys and json.loads keeps the last: a gateway or log that reads
    # the first would see another comment than the one moderated.
    obj = dict(pairs)
    if len(obj) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                shown = json.dumps(key if len(key) <= 100 else key[:100] + "...")
                raise ValidationError(
                    "duplicate_key", f"key {shown} appears more than once in an object"
                )
            seen.add(key)
    return obj


def _integer(digits: str) -> int:
    if len(digits.lstrip("-")) > MAX_INT_DIGITS:
        raise ValidationError(
            "invalid_json",
            f"a number has {len(digits.lstrip('-'))} digits; at most {MAX_INT_DIGITS} are read",
        )
    return int(digits)


def parse_json(body: bytes) -> object:
    """Decode a UTF-8 JSON body; ValidationError for bad bytes, bad JSON or repeated keys."""
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ValidationError(
            "invalid_utf8", f"body is not valid UTF-8 (byte {exc.start})"
        ) from exc
    try:
        return json.loads(text, object_pairs_hook=_unique_keys, parse_int=_integer)
    except RecursionError as exc:
        raise ValidationError("invalid_json", "body is nested too deeply") from exc
    except json.JSONDecodeError as exc:
        raise ValidationError(
            "invalid_json",
            f"body is not valid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}",
        ) from exc


def comment_from_json(data: object, max_text_length: int) -> CommentIn:
    """Validate a decoded body as a comment; the text is kept exactly as sent."""
    if not isinstance(data, dict):
        raise ValidationError("invalid_body", "body must be a JSON object")
    try:
        payload = CommentPayload.model_validate(data)
    except pydantic.ValidationError as exc:
        error = exc.errors()[0]
        field = _field(error["loc"]) or "body"
        kind = error["type"]
        if kind == "missing":
            raise ValidationError("missing_field", f"{field} is required") from exc
        if kind == "extra_forbidden":
            raise ValidationError("unknown_field", f"{field} is not a known field") from exc
        if field == "id":
            raise ValidationError("invalid_field", f"id must be {ID_RULE}") from exc
        if field == "article.id":
            raise ValidationError(
                "invalid_field",
                f"article.id must be a string of 1-{ARTICLE_ID_MAX} characters "
                f"or an integer of at most {ARTICLE_ID_MAX} characters",
            ) from exc
        if field == "article.url":
            raise ValidationError(
                "invalid_field", f"article.url must be {ARTICLE_URL_RULE}"
            ) from exc
        raise ValidationError("invalid_field", f"{field}: {error['msg']}") from exc
    text = payload.text
    if not VISIBLE.search(text):
        raise ValidationError("empty_text", "text must hold a visible character")
    if len(text) > max_text_length:
        raise ValidationError(
            "text_too_long",
            f"text has {len(text)} characters; the maximum is {max_text_length}",
            status=413,
        )
    _check_text("text", text)
    author = article = None
    if payload.author is not None:
        _check_text("author.name", payload.author.name)
        _check_text("author.email", payload.author.email)
        author = Author(name=payload.author.name, email=payload.author.email)
    if payload.article is not None:
        a = payload.article
        for name, value in (
            ("article.id", str(a.id)),
            ("article.title", a.title),
            ("article.text", a.text),
        ):
            _check_text(name, value)
        article = Article(id=str(a.id), title=a.title, text=a.text, url=a.url)
    return CommentIn(text=text, id=payload.id, author=author, article=article)
