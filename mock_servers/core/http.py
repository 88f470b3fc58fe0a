"""HTTP helpers shared by both apps: the error exception, fast JSON/text responses and JSON body parsing.

Handlers raise :class:`ApiError` for every client-visible failure; each app registers one handler that renders
it in that API's error shape (OL Connect JSON Error, AvePoint envelope). Keeping the status, message and
offending parameter in one object means no handler formats error bodies by hand.
"""

from __future__ import annotations

import asyncio
import json
import math
from collections.abc import Callable, Mapping
from typing import Any, Protocol

from starlette.requests import Request
from starlette.responses import Response

JSON_MEDIA_TYPE = "application/json"
TEXT_MEDIA_TYPE = "text/plain; charset=utf-8"
_JAVA_LONG_MAX = 2**63 - 1
_JAVA_LONG_MIN = -(2**63)
MAX_JSON_DEPTH = 64  # for admin bodies; API bodies are bounded by the parser's recursion limit
OFFLOAD_BYTES = 64 * 1024
BodyValidator = Callable[[Any], None]  # raises ApiError for an invalid document


class ApiError(Exception):
    """A failure the client should see: HTTP status, a message naming the problem, the offending parameter."""

    def __init__(
        self,
        status: int,
        message: str,
        parameter: str | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.parameter = parameter
        self.headers = dict(headers or {})


class ErrorRenderer(Protocol):
    """How one API's mock answers an error (its body shape and the variants that shape it): the router, the
    fault middleware, the request guard and the app's exception handler all render through it."""

    def __call__(
        self, status: int, message: str, headers: Mapping[str, str], parameter: str | None = None
    ) -> Response: ...


def dump_json(payload: Any) -> bytes:
    """Compact JSON; the one encoder every response uses so bodies look alike.

    ASCII-escaped, so text echoed from a request (a path with undecodable bytes becomes lone surrogates) can
    never make encoding fail.
    """
    return json.dumps(payload, separators=(",", ":")).encode("ascii")


def json_response(payload: Any, status: int = 200, headers: Mapping[str, str] | None = None) -> Response:
    return Response(dump_json(payload), status_code=status, headers=headers, media_type=JSON_MEDIA_TYPE)


def raw_json_response(body: bytes, status: int = 200, headers: Mapping[str, str] | None = None) -> Response:
    """For bodies assembled from pre-encoded fragments (the hot paths)."""
    return Response(body, status_code=status, headers=headers, media_type=JSON_MEDIA_TYPE)


def text_response(text: str, status: int = 200, headers: Mapping[str, str] | None = None) -> Response:
    return Response(text, status_code=status, headers=headers, media_type=TEXT_MEDIA_TYPE)


def is_json_media_type(content_type: str | None) -> bool:
    if not content_type:
        return False
    media_type = content_type.split(";", 1)[0].strip().lower()
    return media_type == JSON_MEDIA_TYPE or (
        media_type.startswith("application/") and media_type.endswith("+json")
    )


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number")


def _finite_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise ValueError(f"{text} is out of range for a JSON number")
    return value


def parse_json_bytes(raw: bytes) -> Any:
    """Strict JSON: ``NaN``/``Infinity`` and overflowing numbers are errors, as RFC 8259 says, not floats."""
    try:
        return json.loads(raw, parse_constant=_reject_constant, parse_float=_finite_float)
    except (ValueError, RecursionError) as exc:  # UnicodeDecodeError is a ValueError
        raise ApiError(400, f"The request body is not valid JSON: {exc}", "body") from None


def check_json_limits(document: Any) -> None:
    """Refuse what the JSON parser accepts but an admin route should never see: integers outside a Java
    long, and nesting deeper than :data:`MAX_JSON_DEPTH`. (API bodies get :func:`check_body_ids` only, so
    every body their schemas allow stays accepted.)

    Iterative, so it cannot itself hit the recursion limit; the 400 names the value by JSON pointer.
    """
    stack: list[tuple[Any, str, int]] = [(document, "", 0)]
    while stack:
        node, pointer, depth = stack.pop()
        if isinstance(node, bool):
            continue
        if isinstance(node, int):
            if not _JAVA_LONG_MIN <= node <= _JAVA_LONG_MAX:
                where = pointer or "/"
                raise ApiError(
                    400, f"Invalid request body at {where}: {node} is outside -2^63..2^63-1", where
                )
            continue
        if isinstance(node, (dict, list)):
            if depth >= MAX_JSON_DEPTH:
                raise ApiError(400, f"The request body is nested deeper than {MAX_JSON_DEPTH} levels", "body")
            items = node.items() if isinstance(node, dict) else enumerate(node)
            for key, child in items:
                if isinstance(child, (dict, list, int)):
                    escaped = str(key).replace("~", "~0").replace("/", "~1")
                    stack.append((child, f"{pointer}/{escaped}", depth + 1))


def check_body_ids(document: Any) -> None:
    """IDs in a body (an ``id`` member of the body or of its top-level items, where the specs put them) must
    fit a Java long, as path IDs must: 2^63 and beyond answer 400 naming the ID by pointer (OLC-05).

    Only IDs: any other integer a schema allows (extra members are allowed) is accepted as it is, and the
    walk stays two levels deep however large the body.
    """
    if isinstance(document, dict):
        candidates: list[tuple[str, Any]] = [("", document)]
    elif isinstance(document, list):
        candidates = [(f"/{index}", item) for index, item in enumerate(document)]
    else:
        return
    for pointer, node in candidates:
        value = node.get("id") if isinstance(node, dict) else None
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            continue
        if isinstance(value, float) and not value.is_integer():
            continue  # not an integer at all: the schema says so
        if not _JAVA_LONG_MIN <= value <= _JAVA_LONG_MAX:
            where = f"{pointer}/id"
            message = f"Invalid request body at {where}: {int(value)} is outside -2^63..2^63-1"
            raise ApiError(400, message, where)


def decode_json_body(
    raw: bytes, validator: BodyValidator | None = None, convert: Callable[[Any], Any] | None = None
) -> Any:
    """Parse, check limits, schema-validate and convert a body; pure CPU work, safe in a worker thread."""
    document = parse_json_bytes(raw)
    check_body_ids(document)
    if validator is not None:
        validator(document)
    return convert(document) if convert is not None else document


async def read_json_body(
    request: Request, validator: BodyValidator | None = None, convert: Callable[[Any], Any] | None = None
) -> Any:
    """Parse the request body as JSON (and validate it) or raise a 400 that says what is wrong with it.

    Bodies above :data:`OFFLOAD_BYTES` are decoded in a worker thread, so a 10 MB document being parsed,
    validated and converted (``convert``, e.g. into domain tuples) does not stop the event loop from
    answering other requests meanwhile.
    """
    if not is_json_media_type(request.headers.get("content-type")):
        raise ApiError(400, "The request body must be sent as application/json", "Content-Type")
    raw = await request.body()
    if not raw.strip():
        raise ApiError(400, "The request body is empty; a JSON document is required", "body")
    if len(raw) > OFFLOAD_BYTES:
        return await asyncio.to_thread(decode_json_body, raw, validator, convert)
    return decode_json_body(raw, validator, convert)
