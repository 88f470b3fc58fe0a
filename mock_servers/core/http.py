"""HTTP helpers shared by both apps: the error exception, fast JSON/text responses and input parsing.

Handlers raise :class:`ApiError` for every client-visible failure; each app registers one handler that renders
it in that API's error shape (OL Connect JSON Error, AvePoint envelope). Keeping the status, message and
offending parameter in one object means no handler formats error bodies by hand.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any

from starlette.requests import Request
from starlette.responses import Response

JSON_MEDIA_TYPE = "application/json"
TEXT_MEDIA_TYPE = "text/plain; charset=utf-8"
_DIGITS = re.compile(r"[0-9]{1,19}")
_JAVA_LONG_MAX = 2**63 - 1


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


def parse_entity_id(raw: str, parameter: str) -> int:
    """Path IDs are integers 0..2^63-1 (a Java long); anything else is a 400 naming the parameter (OLC-05)."""
    if _DIGITS.fullmatch(raw) is None or int(raw) > _JAVA_LONG_MAX:
        raise ApiError(400, f"{parameter} must be a non-negative integer, got {raw!r}", parameter)
    return int(raw)


def is_json_media_type(content_type: str | None) -> bool:
    if not content_type:
        return False
    media_type = content_type.split(";", 1)[0].strip().lower()
    return media_type == JSON_MEDIA_TYPE or (
        media_type.startswith("application/") and media_type.endswith("+json")
    )


async def read_json_body(request: Request) -> Any:
    """Parse the request body as JSON or raise a 400 that says what is wrong with it."""
    if not is_json_media_type(request.headers.get("content-type")):
        raise ApiError(400, "The request body must be sent as application/json", "Content-Type")
    raw = await request.body()
    if not raw.strip():
        raise ApiError(400, "The request body is empty; a JSON document is required", "body")
    try:
        return json.loads(raw)
    except (ValueError, RecursionError) as exc:  # UnicodeDecodeError is a ValueError
        raise ApiError(400, f"The request body is not valid JSON: {exc}", "body") from None
