"""Keep secrets out of everything the suite prints or writes.

Passwords, client secrets and tokens (ours and the ones servers hand out during the run) are registered
here; every message, curl line and report goes through :func:`scrub` before it leaves the process.
Schemathesis masks ``Authorization``-like headers in its own reproduction commands; this module is the
second line for anything else (query strings, bodies, our own messages).
"""

from __future__ import annotations

import shlex
import threading
from collections.abc import Iterable

import httpx

MASK = "[Filtered]"
# Headers whose values are credentials, whatever their content.
SENSITIVE_HEADERS = frozenset({"authorization", "auth_token", "proxy-authorization", "cookie"})

_lock = threading.Lock()
_secrets: set[str] = set()


def register_secret(value: str | None) -> None:
    """Remember a secret so :func:`scrub` masks it; short values are ignored (they would mask noise)."""
    if value and len(value) >= 4:
        with _lock:
            _secrets.add(value)


def scrub(text: str) -> str:
    """Replace every registered secret in ``text`` with a mask, longest first."""
    with _lock:
        secrets = sorted(_secrets, key=len, reverse=True)
    for secret in secrets:
        text = text.replace(secret, MASK)
    return text


def _masked_headers(headers: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
    return [(name, MASK if name.lower() in SENSITIVE_HEADERS else value) for name, value in headers]


def curl_for(request: httpx.Request) -> str:
    """A copy-pasteable curl line for ``request`` with credentials masked."""
    parts = ["curl", "-X", request.method]
    for name, value in _masked_headers(request.headers.multi_items()):
        if name.lower() in {"host", "content-length", "accept-encoding", "connection", "user-agent"}:
            continue
        parts += ["-H", f"{name}: {value}"]
    body = request.content
    if body:
        parts += ["-d", body.decode("utf-8", errors="replace")]
    parts.append(str(request.url))
    return scrub(shlex.join(parts))
