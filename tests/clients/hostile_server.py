"""A deliberately hostile HTTP server for the client tests, run as a real process on 127.0.0.1.

It speaks just enough of both APIs (OL Connect login and job metadata, AvePoint token and job list) for
the clients to get going, and then misbehaves in the way the first path segment names:
``http://127.0.0.1:PORT/<case>/rest/serverengine/...`` or ``.../<case>/backup/google/admin/jobs``.
``--trap-port`` is the port of a second instance started with ``--trap``: it answers nothing useful and
records every request it gets, so a test can ask it (``GET /_trap/report``, ``POST /_trap/reset``)
whether anything, and in particular any credential, reached another origin.

Run: ``python -m tests.clients.hostile_server [--trap | --trap-port N]``; the first stdout line is
``{"port": N}``. The cases are listed in ``CASES`` (the test module imports the names from here).
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import threading
from collections.abc import Callable
from http.server import ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

from tests.clients.serving import QuietHandler, announce_and_serve

MARKER = "S3CR3T"
GOOD_TOKEN = f"tok-{MARKER}-good"
DEEP = 60_000  # nested arrays: beyond the standard library decoder's recursion limit
DEEP_LARGE = 600_000  # the same, in a body over 1 MiB (json_body uses the standard library decoder there)
HUGE_BYTES = 16 * 2**20
JOBS_PER_PAGE = 3
LAST_PAGE = 2  # pages 0, 1, 2 on a well-behaved walk
LOGIN_PATH = "/rest/serverengine/authentication/login"
TOKEN_PATH = "/connect/token"
JOBS_PATH = "/backup/google/admin/jobs"

#: The bad tokens a login or token endpoint hands out, by case name.
BAD_TOKENS = {
    "token-control-char": f"tok-{MARKER}\x01bad",
    "token-header-injection": f"tok-{MARKER}\r\nX-Injected: 1",
    "token-non-ascii": f"tok-{MARKER}-t\u00f6ken",
    "token-empty": "",
    "token-nul": f"tok-{MARKER}\x00",
}


def deep_json(depth: int) -> bytes:
    return b"[" * depth + b"]" * depth


_DEEP_SMALL = deep_json(DEEP)
_DEEP_BIG = deep_json(DEEP_LARGE)
_HUGE = b"x" * HUGE_BYTES
_BAD_GZIP = b"\x1f\x8b\x08\x00this is not gzip at all"


def job(number: int) -> dict[str, Any]:
    return {
        "jobId": f"HJ{number:06d}",
        "appType": 1,
        "jobType": 1,
        "dataSource": 1,
        "status": 2,
        "progress": 100,
        "startTime": "2025-01-01T00:00:00Z",
        "operator": "System",
    }


class Reply:
    """One answer: status, headers, body bytes (``raw`` replaces the whole HTTP message when set)."""

    def __init__(
        self,
        status: int = 200,
        body: bytes = b"",
        headers: dict[str, str] | None = None,
        *,
        raw: bytes | None = None,
        truncate: bool = False,
    ) -> None:
        self.status = status
        self.body = body
        self.headers = headers or {}
        self.raw = raw
        self.truncate = truncate


def json_reply(value: Any, status: int = 200, headers: dict[str, str] | None = None) -> Reply:
    return Reply(status, json.dumps(value).encode(), {"Content-Type": "application/json", **(headers or {})})


class Hostile:
    """Decides the reply for (case, method, API path, query)."""

    def __init__(self, port: int, trap_port: int) -> None:
        self.port = port
        self.trap = f"127.0.0.1:{trap_port}"

    # --- well-behaved parts -------------------------------------------------------------------------------

    def good_login(self) -> Reply:
        return Reply(200, GOOD_TOKEN.encode(), {"Content-Type": "text/plain", "Token-Expires-In": "3600"})

    def good_token(self) -> Reply:
        return json_reply({"access_token": GOOD_TOKEN, "token_type": "Bearer", "expires_in": 3600})

    def page(self, case: str, index: int, link: str | None) -> Reply:
        body: dict[str, Any] = {
            "status": 200,
            "message": "",
            "jobs": [job(index * JOBS_PER_PAGE + n) for n in range(JOBS_PER_PAGE)],
        }
        if link is not None:
            body["nextLink"] = link
        return json_reply(body)

    def own(self, case: str, query: str) -> str:
        return f"http://127.0.0.1:{self.port}/{case}{JOBS_PATH}?{query}"

    # --- the cases ---------------------------------------------------------------------------------------

    def reply(self, case: str, method: str, path: str, query: dict[str, list[str]]) -> Reply:
        credentials = path in (LOGIN_PATH, TOKEN_PATH)
        if case in BAD_TOKENS:
            if not credentials:
                return json_reply([])
            token = BAD_TOKENS[case]
            if path == LOGIN_PATH:
                return Reply(200, token.encode("utf-8"), {"Content-Type": "text/plain; charset=utf-8"})
            return json_reply({"access_token": token, "token_type": "Bearer", "expires_in": 3600})
        if case == "token-type-mac" and credentials:
            return json_reply({"access_token": GOOD_TOKEN, "token_type": "mac", "expires_in": 3600})
        if case == "token-429" and credentials:
            return json_reply({"error": "slow_down"}, 429, {"Retry-After": "0"})
        if case.startswith("token-") and credentials:
            return self.broken(case.removeprefix("token-"), status=401 if case == "token-error-deep" else 200)
        if credentials:
            return self.good_login() if path == LOGIN_PATH else self.good_token()
        if path.startswith("/rest/serverengine/"):
            if case.startswith("body-"):
                return self.broken(case.removeprefix("body-"))
            if case.startswith("error-"):
                return self.broken(case.removeprefix("error-"), status=500)
            return json_reply([{"name": "a", "value": "b"}])
        if path == JOBS_PATH:
            return self.jobs(case, query)
        return json_reply({"message": "no such path"}, 404)

    def broken(self, kind: str, status: int = 200) -> Reply:
        """A response whose body or framing is broken in the way ``kind`` says."""
        content = {"Content-Type": "application/json"}
        if kind in ("deep", "error-deep"):
            return Reply(status, _DEEP_SMALL, content)
        if kind == "deep-large":
            return Reply(status, _DEEP_BIG, content)
        if kind == "bad-gzip":
            return Reply(status, _BAD_GZIP, {**content, "Content-Encoding": "gzip"})
        if kind == "gzip-bomb":
            return Reply(status, gzip.compress(b"[" * 2_000_000), {**content, "Content-Encoding": "gzip"})
        if kind == "bad-utf8":
            return Reply(status, b'{"access_token": "\xff\xfe", "jobs": "\xff"}', content)
        if kind == "bad-charset":
            return Reply(
                status, b'[{"name": "a", "value": "b"}]', {"Content-Type": "application/json; charset=x-nope"}
            )
        if kind == "utf16":
            return Reply(status, '[{"name": "a"}]'.encode("utf-16"), content)
        if kind == "huge":
            return Reply(status, _HUGE, content)
        if kind == "not-json":
            return Reply(status, b"<html>surprise</html>", {"Content-Type": "text/html"})
        if kind == "truncated":
            return Reply(status, b'[{"name": "a"', {**content, "Content-Length": "4096"}, truncate=True)
        if kind == "bad-status-line":
            return Reply(raw=b"HTTP/1.1 abc\r\n\r\n")
        if kind == "bad-header":
            return Reply(raw=b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\nBad Header\r\n\r\n[]")
        if kind == "redirect":
            return Reply(302, b"", {"Location": f"http://{self.trap}/steal", "Content-Length": "0"})
        if kind == "redirect-scheme-relative":
            return Reply(307, b"", {"Location": f"//{self.trap}/steal", "Content-Length": "0"})
        if kind == "status-520":
            return json_reply({"message": "odd"}, 520)
        if kind == "status-499":
            return json_reply({"message": "odd"}, 499)
        if kind == "always-429":
            return json_reply({"message": "slow down"}, 429, {"Retry-After": "0"})
        return json_reply({"message": f"unknown hostile case {kind}"}, 400)

    def jobs(self, case: str, query: dict[str, list[str]]) -> Reply:
        index = int(query.get("pageIndex", ["0"])[0])
        nonce = int(query.get("nonce", ["0"])[0])
        if case.startswith("body-"):
            return self.broken(case.removeprefix("body-"))
        if case.startswith("error-"):
            return self.broken(case.removeprefix("error-"), status=500)
        if case.startswith("page2-"):  # a good first page, then the broken one
            if index == 0:
                return self.page(case, 0, self.own(case, "pageIndex=1"))
            return self.broken(case.removeprefix("page2-"))
        links: dict[str, Callable[[], str]] = {
            "next-scheme-relative": lambda: f"//{self.trap}{JOBS_PATH}?pageIndex={index + 1}",
            "next-absolute-foreign": lambda: f"http://{self.trap}{JOBS_PATH}?pageIndex={index + 1}",
            "next-userinfo": lambda: f"http://user@{self.trap}{JOBS_PATH}?pageIndex={index + 1}",
            "next-other-scheme": lambda: f"https://127.0.0.1:{self.port}/{case}{JOBS_PATH}?pageIndex=1",
            "next-backslash": lambda: f"/\\{self.trap}{JOBS_PATH}?pageIndex={index + 1}",
            "next-javascript": lambda: "javascript:alert(1)?pageIndex=1",
            "next-same-link": lambda: self.own(case, f"pageIndex={index}"),
            # Back to page 0 after the last page, with a fresh nonce so the URL never repeats.
            "loop-nonce": lambda: self.own(
                case, f"pageIndex={(index + 1) % (LAST_PAGE + 1)}&nonce={nonce + 1}"
            ),
            "loop-long-cycle": lambda: self.own(case, f"pageIndex={(index + 1) % 7}&nonce={nonce + 1}"),
            "endless": lambda: self.own(case, f"pageIndex={index + 1}"),
        }
        if case == "opaque-ignores-page-index":
            return self.page(case, 0, "c2Vzc2lvbi10b2tlbg%3D%3D")  # the same page, whatever is asked
        if case == "endless-opaque":
            return self.page(case, index, f"opaque{index}")
        if case in links:
            return self.page(case, index, links[case]())
        return self.page(case, index, self.own(case, f"pageIndex={index + 1}") if index < LAST_PAGE else None)


class Handler(QuietHandler):
    server: HostileServer

    def _handle(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        if length:
            self.rfile.read(length)
        parts = urlsplit(self.path)
        if self.server.trap_log is not None:
            self._trap(parts.path)
            return
        segments = parts.path.split("/", 2)
        case, api_path = (segments[1], "/" + segments[2]) if len(segments) == 3 else ("", parts.path)
        reply = self.server.hostile.reply(case, self.command, api_path, parse_qs(parts.query))
        self._send(reply)

    def _trap(self, path: str) -> None:
        log = self.server.trap_log
        assert log is not None
        if path == "/_trap/report":
            self._send(json_reply(log))
            return
        if path == "/_trap/reset":
            with self.server.lock:
                log.clear()
            self._send(json_reply([]))
            return
        with self.server.lock:
            log.append({"path": path, "headers": dict(self.headers.items())})
        self._send(json_reply({"message": "trap"}))

    def _send(self, reply: Reply) -> None:
        if reply.raw is not None:
            self.wfile.write(reply.raw)
            self.close_connection = True
            return
        self.send_response(reply.status)
        headers = {"Content-Length": str(len(reply.body)), **reply.headers}
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(reply.body)
        if reply.truncate:
            self.wfile.flush()
            self.close_connection = True

    do_GET = _handle
    do_POST = _handle
    do_PUT = _handle


class HostileServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, trap: bool, trap_port: int) -> None:
        super().__init__(("127.0.0.1", 0), Handler)
        self.lock = threading.Lock()
        self.trap_log: list[dict[str, Any]] | None = [] if trap else None
        self.hostile = Hostile(self.server_address[1], trap_port)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trap", action="store_true", help="record requests instead of misbehaving")
    parser.add_argument("--trap-port", type=int, default=9, help="port of the trap instance")
    args = parser.parse_args(argv)
    server = HostileServer(args.trap, args.trap_port)
    return announce_and_serve(server, server.server_address[1])


if __name__ == "__main__":
    sys.exit(main())
