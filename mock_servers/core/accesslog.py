"""Structured access log: one JSON object per request on stderr.

Only the method, the path (never the query string), the status and the duration are written. Headers and
bodies are never looked at, so credentials (``Authorization``, ``auth_token``, form-posted client secrets)
cannot end up in the log.
"""

from __future__ import annotations

import json
import sys
import time
from typing import TextIO

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from mock_servers.core.faults import DROPPED_SCOPE_KEY


class AccessLogMiddleware:
    def __init__(self, app: ASGIApp, api: str, stream: TextIO | None = None) -> None:
        self.app = app
        self.api = api
        self.stream = stream

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status: int | None = None

        async def send_and_record(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, send_and_record)
        finally:
            # Formatted by hand: this runs on every request and json.dumps of a dict costs more than the app.
            finished = time.time()
            stamp = time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(finished))
            duration = (time.perf_counter() - started) * 1000
            line = (
                f'{{"ts":"{stamp}.{int(finished % 1 * 1000):03d}Z","api":"{self.api}",'
                f'"method":{json.dumps(scope["method"])},"path":{json.dumps(scope["path"])},'
                f'"status":{"null" if status is None else status},"duration_ms":{duration:.3f}'
            )
            if scope.get(DROPPED_SCOPE_KEY):
                line += ',"dropped":true'
            (self.stream or sys.stderr).write(line + "}\n")
