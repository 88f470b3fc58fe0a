"""One log line per HTTP attempt through stdlib ``logging``, with nothing secret in it.

The retrying transport calls these functions, so every attempt (including retries, logins and token
requests) is logged with method, URL path, status, duration and attempt number. Headers, query strings
and bodies are never logged: that is where passwords, tokens and client secrets travel.

The logger is named after the package (``olconnect_client`` or ``avepoint_graph_client``); enable it with
``logging.getLogger("olconnect_client").setLevel(logging.DEBUG)``. The same values are attached to each
record as attributes (``http_method``, ``http_path``, ``http_status``, ``duration_ms``, ``attempt``) for
structured log handlers.
"""

from __future__ import annotations

import logging

import httpx

PACKAGE_LOGGER_NAME = __name__.split(".", 1)[0]
logger = logging.getLogger(PACKAGE_LOGGER_NAME)


def _fields(request: httpx.Request, attempt: int, duration_s: float, status: int | None) -> dict[str, object]:
    return {
        "http_method": request.method,
        "http_path": request.url.path,
        "http_status": status,
        "duration_ms": round(duration_s * 1000.0, 1),
        "attempt": attempt,
    }


def log_response(
    request: httpx.Request, response: httpx.Response, *, attempt: int, duration_s: float
) -> None:
    """An attempt got a response (any status)."""
    if not logger.isEnabledFor(logging.DEBUG):
        return
    fields = _fields(request, attempt, duration_s, response.status_code)
    logger.debug(
        "HTTP %s %s -> %s in %.1f ms (attempt %d)",
        request.method,
        request.url.path,
        response.status_code,
        fields["duration_ms"],
        attempt,
        extra=fields,
    )


def log_failure(request: httpx.Request, error: Exception, *, attempt: int, duration_s: float) -> None:
    """An attempt ended without a response (connection refused, dropped, timed out)."""
    fields = _fields(request, attempt, duration_s, None)
    logger.info(
        "HTTP %s %s failed after %.1f ms (attempt %d): %s",
        request.method,
        request.url.path,
        fields["duration_ms"],
        attempt,
        type(error).__name__,
        extra=fields,
    )


def log_retry(request: httpx.Request, *, attempt: int, delay_s: float, reason: str) -> None:
    """The transport is about to wait and send the request again."""
    logger.info(
        "HTTP %s %s: retrying in %.2f s after attempt %d (%s)",
        request.method,
        request.url.path,
        delay_s,
        attempt,
        reason,
        extra={"http_method": request.method, "http_path": request.url.path, "attempt": attempt},
    )
