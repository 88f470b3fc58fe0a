"""Serving a :class:`MockServer` with uvicorn: bind, announce, run, stop cleanly on SIGINT/SIGTERM.

The socket is bound here, before uvicorn starts, for two reasons: a busy port becomes a one-line error instead
of a uvicorn log dump, and ``--port 0`` resolves to the real port before the startup line is printed. Clients
that connect between the print and uvicorn's first ``accept`` wait in the listen backlog.
"""

from __future__ import annotations

import errno
import signal
import socket
import sys
from types import FrameType

import uvicorn

from mock_servers.core.app import MockServer, startup_json


class BindError(OSError):
    """The address cannot be listened on (busy port, unknown host, no permission)."""


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


def serve(server: MockServer, host: str, port: int) -> int:
    sock = bind_socket(host, port)
    actual_port = sock.getsockname()[1]
    base_url = base_url_for(host, actual_port)
    sys.stdout.write(startup_json(server.startup_info(base_url)) + "\n")
    for line in server.summary(base_url):
        sys.stdout.write(line + "\n")
    sys.stdout.flush()

    config = uvicorn.Config(
        server.asgi,
        log_level="warning",
        access_log=False,
        lifespan="off",
        proxy_headers=False,
        server_header=False,
        timeout_graceful_shutdown=5,
    )
    uv_server = uvicorn.Server(config)
    server.faults.connections = lambda: uv_server.server_state.connections
    signal.signal(signal.SIGINT, _ignore_signal)
    signal.signal(signal.SIGTERM, _ignore_signal)
    uv_server.run(sockets=[sock])
    return 0 if uv_server.started else 1
