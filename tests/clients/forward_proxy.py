"""A small HTTP forward proxy for the client tests, run as a real process on 127.0.0.1.

It serves absolute-form requests (``GET http://127.0.0.1:PORT/path HTTP/1.1``), the way a client talks
to a plain-HTTP proxy, forwards each to its target and relays the whole answer; it records every request
it forwarded (method, URL, headers) so a test can prove which requests went through it. Only loopback
targets are forwarded (the tests never leave the machine); anything else gets 403. ``CONNECT`` (HTTPS
tunnels) is not needed for the tests and answers 405.

Control: ``GET /_proxy/log`` (origin-form, sent to the proxy itself) returns the record; ``POST
/_proxy/reset`` clears it. Run: ``python -m tests.clients.forward_proxy``; the first stdout line is
``{"port": N}``.
"""

from __future__ import annotations

import http.client
import ipaddress
import json
import sys
import threading
from http.server import ThreadingHTTPServer
from typing import Any
from urllib.parse import urlsplit

from tests.clients.serving import QuietHandler, announce_and_serve

#: Headers about this hop only (RFC 9110 section 7.6.1), never forwarded.
_HOP = {"connection", "keep-alive", "proxy-connection", "proxy-authorization", "te", "trailer", "upgrade"}


def _loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


class ProxyHandler(QuietHandler):
    server: ProxyServer

    def _answer(self, status: int, body: bytes, headers: list[tuple[str, str]]) -> None:
        self.send_response(status)
        for name, value in headers:
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _handle(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        if not self.path.startswith("http://"):
            self._control()
            return
        # The Host header names the target unambiguously; httpcore writes an IPv6 target without brackets
        # in the request line ("http://::1:8080/..."), which no URL parser reads back.
        where = urlsplit("//" + self.headers.get("Host", ""))
        host, port = where.hostname or "", where.port or 80
        if not _loopback(host):
            self._answer(403, b"loopback targets only", [])
            return
        with self.server.lock:
            self.server.log.append({"method": self.command, "url": self.path, "headers": dict(self.headers)})
        headers = {k: v for k, v in self.headers.items() if k.lower() not in _HOP}
        connection = http.client.HTTPConnection(host, port, timeout=10)
        try:
            path = "/" + self.path.split("/", 3)[3] if self.path.count("/") >= 3 else "/"
            connection.request(self.command, path or "/", body=body or None, headers=headers)
            response = connection.getresponse()
            content = response.read()
            relayed = [
                (k, v)
                for k, v in response.getheaders()
                if k.lower() not in _HOP and k.lower() not in ("content-length", "transfer-encoding")
            ]
            self._answer(response.status, content, relayed)
        except OSError as exc:
            self._answer(502, f"proxy could not reach the target: {type(exc).__name__}".encode(), [])
        finally:
            connection.close()

    def _control(self) -> None:
        if self.path == "/_proxy/log":
            with self.server.lock:
                data = json.dumps(self.server.log).encode()
            self._answer(200, data, [("Content-Type", "application/json")])
        elif self.path == "/_proxy/reset":
            with self.server.lock:
                self.server.log.clear()
            self._answer(200, b"[]", [("Content-Type", "application/json")])
        else:
            self._answer(400, b"absolute-form requests only", [])

    def do_CONNECT(self) -> None:
        self._answer(405, b"CONNECT is not supported by this test proxy", [])

    do_GET = _handle
    do_POST = _handle
    do_PUT = _handle


class ProxyServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), ProxyHandler)
        self.lock = threading.Lock()
        self.log: list[dict[str, Any]] = []


def main() -> int:
    server = ProxyServer()
    return announce_and_serve(server, server.server_address[1])


if __name__ == "__main__":
    sys.exit(main())
