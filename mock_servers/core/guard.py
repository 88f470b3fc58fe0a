"""The outer ASGI layer that keeps hostile or unlucky requests from reaching, stalling or crashing the app.

One wrapper for every request, so routes other modules add later (``/_mock/variants``, new operations) are
covered without extra work:

- admin routes (``/_mock/*`` except the health check) pass :class:`AdminPolicy` or get a JSON refusal;
- request bodies are limited while they are read: a ``Content-Length`` above the limit is refused before a
  byte of the body is read, a chunked body is cut off as soon as it passes the limit (413, connection closed);
- failures that would otherwise become uvicorn's plain-text 500 with a traceback are answered in JSON: input
  nested too deeply for Python's recursion limit (400), and a request still running when the server stops
  (503 with ``Connection: close``, after uvicorn's grace period or a second Ctrl+C cancels it).
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Mapping

from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from mock_servers.core.admin_access import AdminPolicy, needs_admin_access
from mock_servers.core.http import MAX_JSON_DEPTH, ApiError, ErrorRenderer, check_json_limits, json_response

DEFAULT_MAX_BODY_BYTES = 1024 * 1024
CLOSE = {"Connection": "close"}


class BodyTooLargeError(Exception):
    """Raised from ``receive`` when the body read so far passes the limit."""


class RequestGuard:
    def __init__(
        self,
        app: ASGIApp,
        *,
        policy: AdminPolicy,
        render_error: ErrorRenderer,
        max_body_bytes: int = DEFAULT_MAX_BODY_BYTES,
    ) -> None:
        self.app = app
        self.policy = policy
        self.render_error = render_error
        self.max_body_bytes = max_body_bytes

    def _error(self, path: str, status: int, message: str, headers: Mapping[str, str]) -> Response:
        """Admin routes answer ``{"error": …}`` like their other errors; API routes use the API's shape."""
        if path.startswith("/_mock/"):
            return json_response({"error": message, "status": status}, status, headers)
        return self.render_error(status, message, headers)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path: str = scope["path"]
        if needs_admin_access(path):
            headers = {name.decode("latin-1"): value.decode("latin-1") for name, value in scope["headers"]}
            port = (scope.get("server") or ("", 0))[1]
            denial = self.policy.check(headers, port)
            if denial is not None:
                headers_out = {"WWW-Authenticate": "MockAdminToken"} if denial.status == 401 else {}
                await self._error(path, denial.status, denial.message, headers_out)(scope, receive, send)
                return
            declared = headers.get("content-length", "").strip()
            if declared not in ("", "0") or "transfer-encoding" in headers:
                if declared.isdigit() and int(declared) > self.max_body_bytes:
                    await self._too_large(path)(scope, receive, send)
                    return
                checked = await self._checked_admin_body(scope, receive, send, path)
                if checked is None:
                    return
                receive = checked
        else:
            # The hot path: API requests only need their Content-Length looked at.
            for name, value in scope["headers"]:
                if name == b"content-length":
                    if value.strip().isdigit() and int(value) > self.max_body_bytes:
                        await self._too_large(path)(scope, receive, send)
                        return
                    break
        await self._run(scope, receive, send, path)

    async def _checked_admin_body(
        self, scope: Scope, receive: Receive, send: Send, path: str
    ) -> Receive | None:
        """Read an admin body (small, bounded) and refuse JSON nested too deeply for any handler to parse.

        Checked here rather than in each admin route, so routes added by other modules are covered too. The
        body is handed on unchanged; each route still validates its own fields.
        """
        chunks: list[bytes] = []
        size, more = 0, True
        while more:
            message = await receive()
            if message["type"] != "http.request":
                return None  # the client went away
            chunks.append(message.get("body", b""))
            size += len(chunks[-1])
            more = bool(message.get("more_body", False))
            if size > self.max_body_bytes:
                await self._too_large(path)(scope, receive, send)
                return None
        body = b"".join(chunks)
        try:
            check_json_limits(json.loads(body))
        except RecursionError:
            nested = f"The request body is nested deeper than {MAX_JSON_DEPTH} levels"
            await self._error(path, 400, nested, {})(scope, receive, send)
            return None
        except ApiError as error:
            await self._error(path, error.status, error.message, {})(scope, receive, send)
            return None
        except ValueError:
            pass  # not JSON at all: the route says so in its own words
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if replayed:
                return await receive()
            replayed = True
            return {"type": "http.request", "body": body, "more_body": False}

        return replay

    def _too_large(self, path: str) -> Response:
        message = f"The request body is larger than the limit of {self.max_body_bytes} bytes"
        return self._error(path, 413, message, CLOSE)

    async def _run(self, scope: Scope, receive: Receive, send: Send, path: str) -> None:
        started = False
        received = 0
        limit = self.max_body_bytes

        async def limited_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise BodyTooLargeError
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, limited_receive, tracking_send)
        except BodyTooLargeError:
            if not started:
                await self._too_large(path)(scope, receive, send)
        except RecursionError:
            if not started:
                error = ApiError(400, "The request is nested too deeply to process", "body")
                await self._error(path, error.status, error.message, {})(scope, receive, send)
        except asyncio.CancelledError:
            # The server is stopping and its grace period is over: answer instead of a 500 and a traceback.
            if not started:
                message = "The mock server is shutting down; retry against a running server"
                await self._error(path, 503, message, {**CLOSE, "Retry-After": "1"})(scope, receive, send)
