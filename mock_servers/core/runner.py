"""Serving a :class:`MockServer` with uvicorn: bind, announce, run, stop cleanly on SIGINT/SIGTERM.

The socket is bound here, before uvicorn starts, for two reasons: a busy port becomes a one-line error instead
of a uvicorn log dump, and ``--port 0`` resolves to the real port before the startup line is printed. Clients
that connect between the print and uvicorn's first ``accept`` wait in the listen backlog.
"""

from __future__ import annotations

import errno
import secrets
import signal
import socket
import sys
from collections.abc import Callable
from dataclasses import dataclass
from types import FrameType

import uvicorn
from starlette.types import ASGIApp

from mock_servers.core.accesslog import AccessLogMiddleware
from mock_servers.core.admin_access import AdminPolicy, is_loopback_host
from mock_servers.core.app import MockServer, startup_json
from mock_servers.core.guard import DEFAULT_MAX_BODY_BYTES, RequestGuard
from mock_servers.core.http import ErrorRenderer
from mock_servers.core.timeouts import (
    DEFAULT_HEADER_TIMEOUT,
    DEFAULT_KEEP_ALIVE_TIMEOUT,
    protocol_with_header_timeout,
)


class BindError(OSError):
    """The address cannot be listened on (busy port, unknown host, no permission)."""


@dataclass(frozen=True)
class ServeLimits:
    """Protection settings of a running server (CLI: ``--admin-token``, ``--max-body-bytes``, timeouts)."""

    admin_token: str | None = None  # None: a fresh one per start, printed in the startup line
    max_body_bytes: int = DEFAULT_MAX_BODY_BYTES
    header_timeout: float = DEFAULT_HEADER_TIMEOUT
    keep_alive_timeout: float = DEFAULT_KEEP_ALIVE_TIMEOUT
    graceful_shutdown: float = 5.0


def bind_socket(host: str, port: int) -> socket.socket:
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except socket.gaierror as exc:
        raise BindError(f"cannot listen on {host}:{port}: {exc.strerror}") from None
    family, kind, proto, _, address = infos[0]
    sock = socket.socket(family, kind, proto)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(address)
        sock.listen(2048)
    except OSError as exc:
        sock.close()
        reason = "address already in use" if exc.errno == errno.EADDRINUSE else (exc.strerror or str(exc))
        raise BindError(f"cannot listen on {host}:{port}: {reason}") from None
    sock.set_inheritable(True)
    return sock


def base_url_for(host: str, port: int) -> str:
    shown = "127.0.0.1" if host in ("0.0.0.0", "") else host
    if ":" in shown:
        shown = f"[{shown}]" if shown != "::" else "[::1]"
    return f"http://{shown}:{port}"


def _ignore_signal(signum: int, frame: FrameType | None) -> None:
    """Installed before uvicorn so the signal it re-raises after a graceful shutdown ends in exit code 0."""


def _error_renderer(server: MockServer) -> ErrorRenderer:
    mock = server.extra.get("mock")
    render: ErrorRenderer | None = getattr(mock, "render_error", None)
    if render is None:
        raise TypeError(f"the {server.api} mock has no render_error for guard refusals")
    return render


def guarded(asgi: ASGIApp, guard: Callable[[ASGIApp], ASGIApp]) -> ASGIApp:
    """Put the :class:`RequestGuard` just inside the access log, so refused requests are logged too."""
    if isinstance(asgi, AccessLogMiddleware):
        asgi.app = guard(asgi.app)
        return asgi
    return guard(asgi)


def serve(server: MockServer, host: str, port: int, limits: ServeLimits | None = None) -> int:
    limits = limits or ServeLimits()
    if not is_loopback_host(host) and not limits.admin_token:
        raise BindError(
            f"refusing to listen on non-loopback {host} without an admin token "
            "(set --admin-token or MOCK_ADMIN_TOKEN)"
        )
    admin_token = limits.admin_token or secrets.token_urlsafe(24)
    policy, render = AdminPolicy(admin_token, host), _error_renderer(server)
    asgi = guarded(
        server.asgi,
        lambda app: RequestGuard(
            app, policy=policy, render_error=render, max_body_bytes=limits.max_body_bytes
        ),
    )
    sock = bind_socket(host, port)
    actual_port = sock.getsockname()[1]
    base_url = base_url_for(host, actual_port)
    info = {**server.startup_info(base_url), "admin_token": admin_token}
    sys.stdout.write(startup_json(info) + "\n")
    for line in server.summary(base_url):
        sys.stdout.write(line + "\n")
    sys.stdout.flush()

    config = uvicorn.Config(
        asgi,
        http=protocol_with_header_timeout(limits.header_timeout),
        log_level="warning",
        access_log=False,
        lifespan="off",
        proxy_headers=False,
        server_header=False,
        timeout_keep_alive=max(1, round(limits.keep_alive_timeout)),
        timeout_graceful_shutdown=max(1, round(limits.graceful_shutdown)),
    )
    uv_server = uvicorn.Server(config)
    server.faults.connections = lambda: uv_server.server_state.connections
    signal.signal(signal.SIGINT, _ignore_signal)
    signal.signal(signal.SIGTERM, _ignore_signal)
    uv_server.run(sockets=[sock])
    return 0 if uv_server.started else 1
