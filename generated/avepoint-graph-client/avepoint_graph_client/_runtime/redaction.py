"""Secrets kept out of reprs: ``Secret`` for passwords, tokens and client secrets; ``RedactedHeaders`` for
the request headers that carry them.

Auth objects keep their credentials in ``Secret`` so a debugger, a log line with ``%r`` or an exception
message that formats the object cannot print them by accident. ``reveal()`` is the only way to the value.
"""

from __future__ import annotations

from collections.abc import Iterable

import httpx

__all__ = [
    "REDACTED",
    "REDACTED_HEADERS_EXTENSION",
    "RedactedHeaders",
    "Secret",
    "keep_redacted",
    "redact_headers_holding",
]

REDACTED = "***"
#: What httpx shows for a masked header; ours look the same.
_MASK = "[secure]"
_ALWAYS_SECRET = frozenset({"authorization", "proxy-authorization"})
#: ``request.extensions`` key naming the headers an auth flow masked (httpx copies it onto redirects).
REDACTED_HEADERS_EXTENSION = "redacted_headers"


class Secret:
    """Wraps a secret string; compare with ``==`` against another ``Secret`` or use ``reveal()``."""

    __slots__ = ("_value",)

    def __init__(self, value: str) -> None:
        if not isinstance(value, str):
            raise TypeError("a secret must be a str")
        self._value = value

    def reveal(self) -> str:
        """The secret itself; pass it straight to the place that needs it and nowhere else."""
        return self._value

    def __repr__(self) -> str:
        return f"Secret({REDACTED!r})"

    __str__ = __repr__

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Secret) and other._value == self._value

    def __hash__(self) -> int:
        return hash(self._value)

    def __bool__(self) -> bool:
        return bool(self._value)

    def __reduce__(self) -> str:
        # Refuse pickling: a pickled auth object would carry the secret in plain bytes.
        raise TypeError("Secret values cannot be pickled")


class RedactedHeaders(httpx.Headers):
    """``httpx.Headers`` whose ``repr`` shows ``[secure]`` for the named headers too, not only httpx's own.

    httpx masks ``Authorization`` and ``Proxy-Authorization`` in reprs from a private, process-wide set; a
    token in another header (OL Connect's ``auth_token``) would show in a traceback that prints the request
    headers. Rather than change httpx's set for every user in the process, an auth flow swaps the request's
    headers for this subclass, which masks the headers it names on this one request and nothing else.
    """

    def __init__(self, headers: httpx.Headers, *, secret: Iterable[str]) -> None:
        super().__init__(headers)
        self._secret = frozenset(name.lower() for name in secret) | _ALWAYS_SECRET

    def __repr__(self) -> str:
        shown = [(k, _MASK if k.lower() in self._secret else v) for k, v in self.multi_items()]
        as_dict = dict(shown)
        encoding = "" if self.encoding == "ascii" else f", encoding={self.encoding!r}"
        return f"Headers({as_dict if len(as_dict) == len(shown) else shown!r}{encoding})"


def redact_headers_holding(request: httpx.Request, secret: str) -> None:
    """Make ``repr(request.headers)`` mask every header whose value holds ``secret`` (e.g. a token)."""
    names = tuple(name for name, value in request.headers.multi_items() if secret and secret in value)
    if names:
        request.extensions[REDACTED_HEADERS_EXTENSION] = names
        request.headers = RedactedHeaders(request.headers, secret=names)


def keep_redacted(request: httpx.Request) -> None:
    """Mask again the headers an auth flow masked, on a request httpx rebuilt from it (a redirect).

    httpx builds a followed redirect's headers as plain ``httpx.Headers`` but copies the extensions, so the
    names recorded there let the transport (which sees every request) restore the masking.
    """
    names = request.extensions.get(REDACTED_HEADERS_EXTENSION)
    if isinstance(names, tuple) and names and not isinstance(request.headers, RedactedHeaders):
        request.headers = RedactedHeaders(request.headers, secret=names)
