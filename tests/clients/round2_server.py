"""A second hostile server for the client tests (issue 19), run as a real process on a loopback address.

Like ``hostile_server.py`` the first path segment names the misbehaviour (``/<case>/rest/serverengine/...``,
``/<case>/backup/google/admin/jobs``, ``/<case>/connect/token``), but this one also records every request
it gets (method, path, headers, body) so a test can check where credentials went, binds to any loopback
address (``--host 127.0.0.2``, ``--host ::1``), and plays slow and endless answers.

Control paths: ``GET /_log`` (the recorded requests), ``POST /_reset`` (forget them and the per-case
counters), ``POST /_config`` with ``{"other": URL}`` (the base URL that redirects point to).

Run: ``python -m tests.clients.round2_server [--host ADDRESS]``; the first stdout line is ``{"port": N}``.
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import json
import socket
import sys
import threading
import time
from collections import Counter
from http.server import ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

from tests.clients.serving import QuietHandler, announce_and_serve

MARKER = "S3CR3T"
TOKEN = f"tok-{MARKER}-round2"
LOGIN_PATH = "/rest/serverengine/authentication/login"
TOKEN_PATH = "/connect/token"
JOBS_PATH = "/backup/google/admin/jobs"
LONG = 70_000  # characters: longer than the 65,536 httpx accepts in a URL
BIG_BODY = 2 * 2**20
BOMB_BYTES = 16 * 2**20  # decoded; about 16 KiB on the wire, far under the 1 MiB cap the test sets


def job(number: int, job_id: Any = None) -> dict[str, Any]:
    return {
        "jobId": f"R2{number:06d}" if job_id is None else job_id,
        "appType": 1,
        "jobType": 1,
        "dataSource": 1,
        "status": 2,
        "progress": 100,
        "startTime": "2025-01-01T00:00:00Z",
        "operator": "System",
    }


class Handler(QuietHandler):
    server: Round2Server

    # --- plumbing ----------------------------------------------------------------------------------------

    def _handle(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        parts = urlsplit(self.path)
        if parts.path.startswith("/_"):
            self._control(parts.path, body)
            return
        with self.server.lock:
            self.server.log.append(
                {
                    "method": self.command,
                    "path": parts.path,
                    "headers": dict(self.headers.items()),
                    "body": body.decode("latin-1"),
                }
            )
        segments = parts.path.split("/", 2)
        case, api_path = (segments[1], "/" + segments[2]) if len(segments) == 3 else ("", parts.path)
        with self.server.lock:
            self.server.counts[(case, api_path)] += 1
            count = self.server.counts[(case, api_path)]
        with contextlib.suppress(OSError):
            self._reply(case, api_path, parse_qs(parts.query), count)

    def _control(self, path: str, body: bytes) -> None:
        if path == "/_log":
            with self.server.lock:
                self._json(list(self.server.log))
        elif path == "/_reset":
            with self.server.lock:
                self.server.log.clear()
                self.server.counts.clear()
            self._json([])
        elif path == "/_config":
            self.server.other = json.loads(body)["other"]
            self._json([])
        else:
            self._json({"message": "unknown control path"}, 404)

    def _send(self, status: int, body: bytes, headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        for name, value in {"Content-Length": str(len(body)), **(headers or {})}.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def _json(self, value: Any, status: int = 200, headers: dict[str, str] | None = None) -> None:
        self._send(
            status, json.dumps(value).encode(), {"Content-Type": "application/json", **(headers or {})}
        )

    def _raw(self, data: bytes) -> None:
        self.wfile.write(data)
        self.wfile.flush()

    def _redirect(self, status: int, location: str) -> None:
        self._send(status, b"", {"Location": location})

    # --- the cases ---------------------------------------------------------------------------------------

    def _reply(self, case: str, path: str, query: dict[str, list[str]], count: int) -> None:
        other = self.server.other
        if path == LOGIN_PATH:
            self._login(case)
        elif path == TOKEN_PATH:
            self._token(case, other)
        elif path.startswith("/rest/serverengine/entity/"):
            self._data(case, other, count)
        elif path == JOBS_PATH:
            self._jobs(case, query)
        else:
            self._json({"message": "not here"}, 404)

    def _login(self, case: str) -> None:
        if case == "login-307-same":
            self._redirect(307, f"/{case}/rest/serverengine/authentication/elsewhere")
            return
        if case == "slow-login":
            time.sleep(2.5)
        if case == "failing-login":
            time.sleep(0.5)
            self._json({"error": {"status": 401, "message": "bad credentials"}}, 401)
            return
        expires = {
            "expires-superscript": "\u00b2",
            "expires-garbage": "soon",
            "expires-negative": "-5",
            "expires-huge": "9" * 40,
        }.get(case, "3600")
        headers = {"Content-Type": "text/plain", "Token-Expires-In": expires}
        self.send_response(200)
        body = TOKEN.encode()
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers.items():
            self.send_header(name, value)  # http.server encodes header values as latin-1
        self.end_headers()
        self.wfile.write(body)

    def _token(self, case: str, other: str) -> None:
        if case == "token-307-other":
            self._redirect(307, f"{other}/{case}{JOBS_PATH}")
        elif case == "token-307-same":
            self._redirect(307, f"/{case}/connect/elsewhere")
        elif case == "token-invalid-client":
            self._json({"error": "invalid_client", "error_description": "unknown client"}, 400)
        else:
            self._json({"access_token": TOKEN, "token_type": "Bearer", "expires_in": 3600})

    def _data(self, case: str, other: str, count: int) -> None:
        if case == "data-302-other":
            self._redirect(302, f"{other}/steal")
        elif case == "flaky-503" and count == 1:
            self._json({"message": "busy"}, 503, {"Retry-After": "0"})
        elif case == "retry-after-superscript":
            self._json({"message": "busy"}, 503, {"Retry-After": "\u00b2"})
        elif case == "retry-after-zone":
            self._json({"message": "busy"}, 503, {"Retry-After": "Mon, 01 Jan 2025 00:00:00 +" + "9" * 20})
        elif case == "retry-after-year":
            self._json({"message": "busy"}, 503, {"Retry-After": "Mon, 01 Jan 99999 00:00:00 GMT"})
        elif case == "endless-chunked":
            self._raw(
                b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
            )
            while True:
                self._raw(b"1\r\n \r\n")
                time.sleep(0.05)
        elif case == "slow-body":
            self._raw(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n[")
            for _ in range(999):
                time.sleep(0.2)
                self._raw(b" ")
        elif case == "endless-102":
            while True:
                self._raw(b"HTTP/1.1 102 Processing\r\n\r\n")
                time.sleep(0.1)
        elif case == "big-body":
            self._send(200, b"[" + b" " * BIG_BODY + b"]", {"Content-Type": "application/json"})
        elif case == "gzip-bomb":
            self._send(
                200, self.server.bomb(), {"Content-Type": "application/json", "Content-Encoding": "gzip"}
            )
        else:
            self._json([{"name": "a", "value": "b"}])

    def _jobs(self, case: str, query: dict[str, list[str]]) -> None:
        index = int(query.get("pageIndex", ["0"])[0])
        base = f"/{case}{JOBS_PATH}"
        host = self.headers.get("Host", "")
        links = {
            "next-tab": f"http://{host}{base}?pageIndex=\t{index + 1}",
            "next-newline": f"http://{host}{base}?page\nIndex={index + 1}",
            "next-too-long": f"http://{host}{base}?pageIndex={index + 1}&pad={'a' * LONG}",
            "next-too-long-relative": f"{base}?pageIndex={index + 1}&pad={'a' * LONG}",
            "jobid-list": f"http://{host}{base}?pageIndex={index + 1}",
        }
        if case == "jobid-list":
            jobs = [job(0, job_id=["R2-a", "R2-b"]), job(1, job_id=["R2-c"])]
        else:
            jobs = [job(index * 3 + n) for n in range(3)]
        page: dict[str, Any] = {"status": 200, "message": "", "jobs": jobs}
        link = links.get(case, f"{base}?pageIndex={index + 1}" if index < 1 else None)
        if link is not None:
            page["nextLink"] = link
        self._json(page)

    do_GET = _handle
    do_POST = _handle
    do_PUT = _handle


class Round2Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, host: str) -> None:
        self.address_family = socket.AF_INET6 if ":" in host else socket.AF_INET
        super().__init__((host, 0), Handler)
        self.lock = threading.Lock()
        self.log: list[dict[str, Any]] = []
        self.counts: Counter[tuple[str, str]] = Counter()
        self.other = "http://127.0.0.2:9"
        self._bomb: bytes | None = None

    def bomb(self) -> bytes:
        with self.lock:
            if self._bomb is None:
                self._bomb = gzip.compress(b" " * BOMB_BYTES, compresslevel=9)
            return self._bomb


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1", help="a loopback address to listen on")
    args = parser.parse_args(argv)
    server = Round2Server(args.host)
    return announce_and_serve(server, server.server_address[1])


if __name__ == "__main__":
    sys.exit(main())
