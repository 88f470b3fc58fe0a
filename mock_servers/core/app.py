"""How an API module plugs into the shared core: the :class:`MockServer` bundle and the ASGI wrapping.

An API module hands its spec routes (``routing.spec_routes``) here with its error renderer and control hooks;
:func:`assemble` adds the admin routes, fault injection and the access log in a fixed order, so both servers
behave the same outside their own API.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route
from starlette.types import ASGIApp

from mock_servers.core.accesslog import AccessLogMiddleware
from mock_servers.core.auth import DEFAULT_MAX_TOKENS
from mock_servers.core.faults import FaultConfig, FaultConfigError, FaultMiddleware, FaultState
from mock_servers.core.http import ErrorRenderer, dump_json, json_response
from mock_servers.core.routing import ApiRouter, SpecRoute
from mock_servers.core.variants import Selection, VariantState, variant_routes


@dataclass
class ServerOptions:
    """Run-time options that override a scenario's ``settings`` (from the CLI or ``running_mock``)."""

    token_ttl: int | None = None
    faults: FaultConfig | None = None
    access_log: bool = True
    max_tokens: int = DEFAULT_MAX_TOKENS  # live tokens kept per server (oldest forgotten beyond)
    variants: Selection | None = None  # the CLI's --profile/--variant, layered over the scenario's


@dataclass
class MockControl:
    """Hooks the admin endpoints call; each API supplies its own."""

    expire_tokens: Callable[[], int]
    reset: Callable[[], None]
    describe: Callable[[], dict[str, Any]] = dict
    variants: VariantState | None = None


@dataclass
class MockServer:
    """Everything the runner needs to serve one API."""

    api: str
    asgi: ASGIApp
    faults: FaultState
    startup_info: Callable[[str], dict[str, Any]]
    summary: Callable[[str], list[str]]
    extra: dict[str, Any] = field(default_factory=dict)


def admin_routes(api: str, faults: FaultState, control: MockControl, initial: FaultConfig) -> list[BaseRoute]:
    """``/_mock/*``: health, fault switches, forced token expiry and reset. Outside the specs on purpose."""

    async def health(_: Request) -> Response:
        return json_response({"status": "ok", "api": api, **control.describe()})

    async def get_faults(_: Request) -> Response:
        return json_response(faults.config.to_dict())

    async def set_faults(request: Request) -> Response:
        try:
            data = await request.json()
        except ValueError:
            return json_response({"error": "body must be a JSON object of fault settings"}, status=400)
        expire = isinstance(data, dict) and bool(data.pop("expire_tokens", False))
        try:
            config = FaultConfig.from_mapping(data)
        except FaultConfigError as exc:
            return json_response({"error": str(exc)}, status=400)
        faults.replace(config)
        expired = control.expire_tokens() if expire else 0
        return json_response({**config.to_dict(), "expired_tokens": expired})

    async def clear_faults(_: Request) -> Response:
        faults.clear()
        return json_response(faults.config.to_dict())

    async def expire_tokens(_: Request) -> Response:
        return json_response({"expired_tokens": control.expire_tokens()})

    async def reset(_: Request) -> Response:
        control.reset()
        faults.replace(initial)
        if control.variants is not None:
            control.variants.reset()
        return json_response({"status": "reset"})

    return [
        Route("/_mock/health", health, methods=["GET"]),
        Route("/_mock/faults", get_faults, methods=["GET"]),
        Route("/_mock/faults", set_faults, methods=["POST"]),
        Route("/_mock/faults", clear_faults, methods=["DELETE"]),
        Route("/_mock/expire-tokens", expire_tokens, methods=["POST"]),
        Route("/_mock/reset", reset, methods=["POST"]),
        *(variant_routes(control.variants) if control.variants is not None else []),
    ]


def assemble(
    api: str,
    routes: Sequence[SpecRoute],
    *,
    render_error: ErrorRenderer,
    control: MockControl,
    options: ServerOptions,
    scenario_faults: FaultConfig,
) -> tuple[ASGIApp, FaultState]:
    """Build the ASGI stack: access log > faults > API router > Starlette app for admin routes and 404s."""
    initial = options.faults if options.faults is not None else scenario_faults
    faults = FaultState(initial)

    async def on_http_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, HTTPException)
        if exc.status_code == 404:
            message = f"No operation at {request.url.path}"
        elif exc.status_code == 405:
            message = f"Method {request.method} is not allowed on {request.url.path}"
        else:
            message = str(exc.detail)
        return render_error(exc.status_code, message, exc.headers or {})

    fallback = Starlette(
        routes=admin_routes(api, faults, control, initial),
        exception_handlers={HTTPException: on_http_error},
    )
    router = ApiRouter(routes, render_error, fallback)
    wrapped: ASGIApp = FaultMiddleware(router, faults, render_error)
    if options.access_log:
        wrapped = AccessLogMiddleware(wrapped, api)
    return wrapped, faults


def startup_json(info: dict[str, Any]) -> str:
    return dump_json(info).decode("utf-8")
