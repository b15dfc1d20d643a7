"""The OpenAPI 3.1 document for the API; the request schema comes from the validator."""

from __future__ import annotations

from functools import cache

from pydantic import TypeAdapter

from service.domain import Category, Source
from service.validation import INVISIBLE, CommentId, CommentPayload

_ERROR = {"$ref": "#/components/schemas/Error"}
# The fields of a decision, in the order the API writes them (after "id").
DECISION_FIELDS = (
    "decision",
    "status",
    "categories",
    "reasons",
    "scores",
    "language",
    "languages",
    "model_version",
    "policy_version",
)


def _error_response(description: str) -> dict:
    return {"description": description, "content": {"application/json": {"schema": _ERROR}}}


@cache
def openapi_document(max_text_length: int, max_body_bytes: int) -> dict:
    """The document, with the configured limits written into the request schema."""
    request = CommentPayload.model_json_schema(ref_template="#/components/schemas/{model}")
    defs = request.pop("$defs", {})
    request["properties"]["text"]["maxLength"] = max_text_length
    request["properties"]["text"]["minLength"] = 1
    request["properties"]["text"]["pattern"] = f"[^{INVISIBLE}]"
    # A Text column: only the body limit bounds it (a character is at least one byte).
    article_text = defs["ArticlePayload"]["properties"]["text"]["anyOf"][0]
    article_text["maxLength"] = max_body_bytes
    comment_id = TypeAdapter(CommentId).json_schema()
    categories = [c.value for c in Category]
    reason = {
        "type": "object",
        "required": ["category", "source"],
        "properties": {
            "category": {"anyOf": [{"type": "string", "enum": categories}, {"type": "null"}]},
            "source": {"type": "string", "enum": [s.value for s in Source]},
            "rule": {"type": "string"},
            "span": {"type": "array", "items": {"type": "integer"}, "minItems": 2, "maxItems": 2},
            "score": {"type": "number"},
            "note": {"type": "string"},
            "count": {"type": "integer", "minimum": 1},
        },
    }
    decision = {
        "type": "object",
        "required": ["id", *DECISION_FIELDS],
        "properties": {
            "id": {"type": "string"},
            "decision": {"type": "string", "enum": ["approve", "reject"]},
            "status": {"type": "string", "enum": ["final", "in_review"]},
            "categories": {"type": "array", "items": {"type": "string", "enum": categories}},
            "reasons": {"type": "array", "items": {"$ref": "#/components/schemas/Reason"}},
            "scores": {"type": "object", "additionalProperties": {"type": "number"}},
            "language": {
                "type": ["string", "null"],
                "description": "the main language (most letters): en, ckb, kmr, ar, fa, tr, "
                "other, or und when there is nothing to tell by",
            },
            "languages": {
                "type": "array",
                "items": {"type": "string"},
                "description": "every language present, by share of letters, main one first",
            },
            "model_version": {"type": "string"},
            "policy_version": {"type": "string"},
        },
    }
    error = {
        "type": "object",
        "required": ["error", "message"],
        "properties": {"error": {"type": "string"}, "message": {"type": "string"}},
    }
    check = {
        "type": "object",
        "required": ["status", "seconds"],
        "properties": {
            "status": {"enum": ["ok", "unavailable"]},
            "error": {"type": "string", "description": "the failure's class"},
            "seconds": {"type": "number"},
        },
    }
    health = {
        "type": "object",
        "required": ["status", "checks", "policy_version", "model_version", "thresholds"],
        "properties": {
            "status": {"enum": ["ok", "degraded", "unavailable"]},
            "checks": {
                "type": "object",
                "required": ["database"],
                "properties": {"database": check, "ratelimit": check},
            },
            "policy_version": {"type": "string"},
            "model_version": {"type": "string"},
            "thresholds": {
                "type": "object",
                "description": "per category, the model scores that reject and that send to "
                "review (environment, else model card, else default); null: never",
                "additionalProperties": {
                    "type": "object",
                    "required": ["reject", "review"],
                    "properties": {
                        "reject": {"type": ["number", "null"]},
                        "review": {"type": ["number", "null"]},
                    },
                },
            },
            "language_thresholds": {
                "type": "object",
                "description": "languages the model has heads of its own for (e.g. ar, tr), "
                "each with its thresholds per category it scores (model card): reject at "
                "`reject`, review from `review`, approve below",
                "additionalProperties": {
                    "type": "object",
                    "additionalProperties": {
                        "type": "object",
                        "required": ["reject", "review"],
                        "properties": {
                            "reject": {"type": ["number", "null"]},
                            "review": {"type": ["number", "null"]},
                        },
                    },
                },
            },
        },
    }
    auth = [{"apiKey": []}]
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Comment moderation",
            "version": "1",
            "description": "Approve or reject reader comments against the outlet's guidelines.",
        },
        "paths": {
            "/moderate": {
                "post": {
                    "summary": "Decide a comment, store it, and return the decision",
                    "security": auth,
                    "requestBody": {
                        "required": True,
                        "content": {"application/json": {"schema": request}},
                    },
                    "responses": {
                        "200": {
                            "description": "The decision (also for a resubmitted id and text)",
                            "content": {
                                "application/json": {
                                    "schema": {"$ref": "#/components/schemas/Decision"}
                                }
                            },
                        },
                        "400": _error_response(
                            "Malformed JSON, repeated keys, wrong or missing fields"
                        ),
                        "401": _error_response("Missing, unknown or revoked API key"),
                        "409": _error_response("The id was already used with another text"),
                        "413": _error_response("Text or body too long"),
                        "415": _error_response("Not application/json"),
                        "429": _error_response("Over the key's or address's rate limit"),
                        "503": _error_response(
                            "Database busy or unreachable, or Redis failed; retry"
                        ),
                    },
                }
            },
            "/comments/{comment_id}": {
                "get": {
                    "summary": "A stored comment and its decision history",
                    "security": auth,
                    "parameters": [
                        {
                            "name": "comment_id",
                            "in": "path",
                            "required": True,
                            "schema": comment_id,
                        }
                    ],
                    "responses": {
                        "200": {
                            "description": "The comment, exactly as submitted, and history",
                            "content": {"application/json": {"schema": {"type": "object"}}},
                        },
                        "400": _error_response("Not a valid comment id"),
                        "401": _error_response("Missing, unknown or revoked API key"),
                        "404": _error_response("No such comment from this client"),
                    },
                }
            },
            "/health": {
                "get": {
                    "summary": "Whether the database takes writes and the rate-limit store answers",
                    "responses": {
                        "200": {
                            "description": "Healthy",
                            "content": {"application/json": {"schema": health}},
                        },
                        "503": {
                            "description": "The database ('unavailable') or the rate-limit "
                            "store ('degraded') is away; retry after Retry-After",
                            "content": {
                                "application/json": {
                                    "schema": {"allOf": [health, _ERROR]},
                                }
                            },
                        },
                    },
                }
            },
        },
        "components": {
            "securitySchemes": {"apiKey": {"type": "http", "scheme": "bearer"}},
            "schemas": {**defs, "Reason": reason, "Decision": decision, "Error": error},
        },
    }
