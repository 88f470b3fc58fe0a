"""Both ends of the test servers' startup convention, written once.

A test server (``hostile_server``, ``round2_server``, ``forward_proxy``) binds port 0, prints
``{"port": N}`` as its first stdout line and serves until it is stopped; a test starts it as
``python -m tests.clients.<server>`` and reads that line (``mock_servers.testing.startup_json``, the reader
the mocks and the deviation proxy use too).
"""

from __future__ import annotations

import contextlib
import json
import subprocess
import sys
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from socketserver import BaseServer
from typing import Any

from mock_servers.testing import startup_json

ROOT = Path(__file__).resolve().parents[2]
STARTUP_TIMEOUT_S = 30.0


class QuietHandler(BaseHTTPRequestHandler):
    """A keep-alive (HTTP/1.1) handler that writes no access log: the servers' output stays quiet."""

    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:
        pass


def announce_and_serve(server: BaseServer, port: int) -> int:
    """Print the startup line, then serve until SIGTERM or Ctrl+C; the exit code of a server's ``main``."""
    print(json.dumps({"port": port}), flush=True)
    with contextlib.suppress(KeyboardInterrupt):
        server.serve_forever()
    return 0


def start_server(module: str, *args: str) -> tuple[subprocess.Popen[str], int]:
    """Start ``python -m tests.clients.<module> ARGS`` from the checkout root; the process and its port."""
    process = subprocess.Popen(
        [sys.executable, "-m", f"tests.clients.{module}", *args],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    return process, int(startup_json(process, STARTUP_TIMEOUT_S, module)["port"])
