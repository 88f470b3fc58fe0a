"""A small ASGI router whose table is the spec: method and path template per operationId, one handler each.

An API module declares ``{operationId: handler}``; :func:`spec_routes` pairs it with the spec model and
refuses to start when the two disagree (an operation without a handler, a handler for an operation the spec
lacks), so no path string in an API module can drift from the spec. Each route carries the operation's
:class:`ParameterPlan`; the handler receives the request and its :class:`Arguments`.

Starlette's full stack (error middleware, exception middleware, a regex per route, endpoint wrappers) costs
more per request than our handlers do; here literal paths are one dict lookup and templates one regex each.
Literal paths win over templates, as in JAX-RS (``/jobs/version`` is not a job ID). Everything else (admin
routes, unknown paths) falls through to a regular Starlette app.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass

from starlette.requests import Request
from starlette.responses import Response
from starlette.types import ASGIApp, Receive, Scope, Send

from mock_servers.core.http import ApiError, ErrorRenderer
from mock_servers.core.parameters import Arguments, ParameterPlan, ReadingRules
from spec_model import SpecModel, path_regex

Handler = Callable[[Request, Arguments], Awaitable[Response]]


class RouteTableError(RuntimeError):
    """The handlers and the spec's operations do not match; the message lists both sides' extras."""


@dataclass(frozen=True)
class SpecRoute:
    """One API operation: method and path template from the spec, its handler and parameter plan."""

    operation_id: str
    method: str
    path: str
    handler: Handler
    plan: ParameterPlan


def spec_routes(model: SpecModel, handlers: Mapping[str, Handler], rules: ReadingRules) -> list[SpecRoute]:
    """The route of every operation in ``model``; a :class:`RouteTableError` when handlers and spec differ."""
    missing = [name for name in model.operations if name not in handlers]
    unknown = [name for name in handlers if name not in model.operations]
    if missing or unknown:
        problems = []
        if missing:
            problems.append("spec operations without a handler: " + ", ".join(missing))
        if unknown:
            problems.append("handlers for operations the spec lacks: " + ", ".join(unknown))
        raise RouteTableError(f"{model.source}: " + "; ".join(problems))
    return [
        SpecRoute(
            name, operation.method, operation.path, handlers[name], ParameterPlan(model, operation, rules)
        )
        for name, operation in model.operations.items()
    ]


_NO_PATH_PARAMETERS: Mapping[str, str] = {}


class ApiRouter:
    def __init__(self, routes: Sequence[SpecRoute], render: ErrorRenderer, fallback: ASGIApp) -> None:
        self.render = render
        self.fallback = fallback
        self.literal: dict[str, dict[str, SpecRoute]] = {}
        templated: dict[str, dict[str, SpecRoute]] = {}
        for route in routes:
            table = templated if "{" in route.path else self.literal
            methods = table.setdefault(route.path, {})
            methods[route.method] = route
            if route.method == "GET":
                methods.setdefault("HEAD", route)
        self.templates = [(path_regex(path), methods) for path, methods in templated.items()]

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.fallback(scope, receive, send)
            return
        path = scope["path"]
        path_params = _NO_PATH_PARAMETERS
        methods = self.literal.get(path)
        if methods is None:
            for pattern, candidate in self.templates:
                match = pattern.fullmatch(path)
                if match is not None:
                    methods = candidate
                    path_params = scope["path_params"] = match.groupdict()
                    break
            else:
                await self.fallback(scope, receive, send)
                return
        route = methods.get(scope["method"])
        if route is None:
            allowed = ", ".join(sorted(methods))
            message = f"Method {scope['method']} is not allowed on {path}"
            response = self.render(405, message, {"Allow": allowed})
        else:
            arguments = Arguments(route.plan, path_params, scope["query_string"].decode("latin-1"))
            try:
                response = await route.handler(Request(scope, receive), arguments)
            except ApiError as error:
                response = self.render(error.status, error.message, error.headers, error.parameter)
        await response(scope, receive, send)
