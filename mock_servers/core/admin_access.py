"""Who may call the admin routes (``/_mock/*``): a token, a loopback ``Host``, no foreign ``Origin``, JSON.

The admin routes reconfigure a running mock (faults, token expiry, reset, variants). Without checks, any web
page a developer opens could reach them with a "simple" cross-origin POST (``text/plain``, no preflight), and
DNS rebinding could reach them under a foreign host name. So every admin request except the health check must

- name a host this server answers to in ``Host`` (421 otherwise; DNS rebinding sends the attacker's name),
- carry no ``Origin`` other than the server's own (403; browsers always send one cross-origin),
- present the admin token in ``X-Mock-Admin-Token`` (401; a browser cannot add that header without a CORS
  preflight, which the mock never grants),
- send a body, if any, as ``application/json`` (415).

The checks are a pure function of the request headers so they can be tested without a server.
"""

from __future__ import annotations

import hmac
import ipaddress
from collections.abc import Mapping
from dataclasses import dataclass

ADMIN_PREFIX = "/_mock/"
PUBLIC_ADMIN_PATHS = frozenset({"/_mock/health"})
ADMIN_TOKEN_HEADER = "X-Mock-Admin-Token"
ADMIN_TOKEN_ENV = "MOCK_ADMIN_TOKEN"
LOOPBACK_NAMES = frozenset({"localhost", "127.0.0.1", "::1"})


def is_loopback_host(host: str) -> bool:
    """True for names and addresses that only this machine can reach (``localhost``, 127.0.0.0/8, ::1)."""
    name = host.strip("[]").lower()
    if name in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def needs_admin_access(path: str) -> bool:
    return path.startswith(ADMIN_PREFIX) and path not in PUBLIC_ADMIN_PATHS


@dataclass(frozen=True)
class Denial:
    """Why an admin request is refused: the status and a message naming the header at fault."""

    status: int
    message: str
    header: str


def _split_host(value: str) -> tuple[str, str]:
    """``host:port`` / ``[v6]:port`` / ``host`` -> (lower-case host without brackets, port or "")."""
    value = value.strip().lower()
    if value.startswith("["):
        host, _, rest = value[1:].partition("]")
        return host, rest[1:] if rest.startswith(":") else ""
    host, _, port = value.rpartition(":") if value.count(":") == 1 else (value, "", "")
    return host, port


@dataclass(frozen=True)
class AdminPolicy:
    """The admin token and the listening address the ``Host``/``Origin`` checks compare against."""

    token: str
    bound_host: str

    def allowed_host(self, host_header: str, port: int) -> bool:
        host, given_port = _split_host(host_header)
        if given_port != str(port):
            return False
        if not is_loopback_host(self.bound_host):
            return True  # a deliberate non-loopback bind: the token is the protection (it is required then)
        return is_loopback_host(host) or host == self.bound_host.strip("[]").lower()

    def check(self, headers: Mapping[str, str], port: int) -> Denial | None:
        """The first reason to refuse this admin request, or None to let it through."""
        host = headers.get("host", "")
        if not self.allowed_host(host, port):
            return Denial(421, f"Host {host!r} is not this mock's address; admin routes refuse it", "Host")
        origin = headers.get("origin")
        if origin is not None:
            scheme, _, rest = origin.strip().partition("://")
            if scheme.lower() != "http" or not self.allowed_host(rest.rstrip("/"), port):
                return Denial(403, "Cross-origin requests to admin routes are refused", "Origin")
        given = headers.get(ADMIN_TOKEN_HEADER.lower(), "").strip()
        if not given or not hmac.compare_digest(given.encode("utf-8", "replace"), self.token.encode("utf-8")):
            return Denial(
                401,
                f"Admin routes need the admin token (startup line 'admin_token') in {ADMIN_TOKEN_HEADER}",
                ADMIN_TOKEN_HEADER,
            )
        content_type = headers.get("content-type")
        has_body = (
            headers.get("content-length", "0").strip() not in ("", "0") or "transfer-encoding" in headers
        )
        if has_body or content_type is not None:
            media_type = (content_type or "").split(";", 1)[0].strip().lower()
            if media_type != "application/json":
                return Denial(415, "Admin request bodies must be sent as application/json", "Content-Type")
        return None
