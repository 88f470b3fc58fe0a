"""A small ASGI router for the API operations: a dict lookup for literal paths, one regex per template.

Starlette's full stack (error middleware, exception middleware, router trying each route's regex, endpoint
wrapper) costs more per request than our handlers do. The API routes only need: find the handler, give it a
Starlette ``Request``, render an :class:`ApiError` in the API's shape. Everything else (admin routes, unknown
paths) falls through to a regular Starlette app.
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass

from starlette.requests import Request
from starlette.responses import Response
from starlette.types import ASGIApp, Receive, Scope, Send

from mock_servers.core.http import ApiError

Handler = Callable[[Request], Awaitable[Response]]
# (status, message, headers, parameter) -> the API's error response
ErrorRenderer = Callable[..., Response]
_PARAMETER = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")


def _compile(template: str) -> re.Pattern[str]:
    """``/jobs/{jobId}/metadata`` -> ``/jobs/(?P<jobId>[^/]+)/metadata`` (literal parts escaped)."""
    parts: list[str] = []
    position = 0
    for match in _PARAMETER.finditer(template):
        parts += [re.escape(template[position : match.start()]), f"(?P<{match.group(1)}>[^/]+)"]
        position = match.end()
    parts.append(re.escape(template[position:]))
    return re.compile("".join(parts))


@dataclass(frozen=True)
class Operation:
    """One API route: HTTP method, path template (``{name}`` matches one path segment) and handler."""

    method: str
    path: str
    handler: Handler


class ApiRouter:
    def __init__(self, operations: Sequence[Operation], render: ErrorRenderer, fallback: ASGIApp) -> None:
        self.render = render
        self.fallback = fallback
        self.literal: dict[str, dict[str, Handler]] = {}
        templated: dict[str, dict[str, Handler]] = {}
        for operation in operations:
            table = templated if "{" in operation.path else self.literal
            methods = table.setdefault(operation.path, {})
            methods[operation.method] = operation.handler
            if operation.method == "GET":
                methods.setdefault("HEAD", operation.handler)
        self.templates = [(_compile(path), methods) for path, methods in templated.items()]

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.fallback(scope, receive, send)
            return
        path = scope["path"]
        methods = self.literal.get(path)
        if methods is None:
            for pattern, candidate in self.templates:
                match = pattern.fullmatch(path)
                if match is not None:
                    methods = candidate
                    scope["path_params"] = match.groupdict()
                    break
            else:
                await self.fallback(scope, receive, send)
                return
        handler = methods.get(scope["method"])
        if handler is None:
            allowed = ", ".join(sorted(methods))
            message = f"Method {scope['method']} is not allowed on {path}"
            response = self.render(405, message, {"Allow": allowed})
        else:
            try:
                response = await handler(Request(scope, receive))
            except ApiError as error:
                response = self.render(error.status, error.message, error.headers, error.parameter)
        await response(scope, receive, send)
