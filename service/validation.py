"""Raw request bodies into a `CommentIn`, or a `ValidationError` naming what is wrong."""

from __future__ import annotations

import json
import re
from typing import Annotated

import pydantic
from pydantic import BaseModel, ConfigDict, Field, StrictInt, StrictStr

from service.domain import Article, Author, CommentIn

ID_PATTERN = r"^[A-Za-z0-9._:\-]+$"


# A text must hold something besides white space. The class is JSON Schema's (ECMA-262)
# white space, so that the OpenAPI document's `pattern` and this check agree exactly.
WHITESPACE = "\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"
VISIBLE = re.compile(f"[^{WHITESPACE}]")


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


class ArticlePayload(BaseModel):
    model_config = _Strict
    id: Annotated[StrictStr, Field(min_length=1, max_length=128)] | StrictInt
    title: Annotated[StrictStr, Field(max_length=1000)] | None = None
    text: StrictStr | None = None


class CommentPayload(BaseModel):
    """The body of `POST /moderate`."""

    model_config = _Strict
    text: StrictStr
    id: Annotated[StrictStr, Field(min_length=1, max_length=128, pattern=ID_PATTERN)] | None = None
    author: AuthorPayload | None = None
    article: ArticlePayload | None = None


def _field(loc: tuple) -> str:
    return ".".join(str(part) for part in loc if not str(part).startswith(("str", "int")))


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


def parse_json(body: bytes) -> object:
    """Decode a UTF-8 JSON body; ValidationError for bad bytes or bad JSON."""
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ValidationError(
            "invalid_utf8", f"body is not valid UTF-8 (byte {exc.start})"
        ) from exc
    try:
        return json.loads(text)
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
        raise ValidationError("invalid_field", f"{field}: {error['msg']}") from exc
    text = payload.text
    if not VISIBLE.search(text):
        raise ValidationError("empty_text", "text must not be empty")
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
        article = Article(id=str(a.id), title=a.title, text=a.text)
    return CommentIn(text=text, id=payload.id, author=author, article=article)
