"""Origin pinning: a request goes only to the scheme, host and port the client was configured with.

Servers hand the client URLs (``nextLink``, ``Location``). Following one to another origin would carry the
token there: httpx drops ``Authorization`` on a cross-origin redirect, but not a custom header such as
OL Connect's ``auth_token``, and a scheme-relative link (``//host:port/path``) looks like a path to naive
code. So every URL taken from a response is resolved against the URL of the response it came from and then
compared, as an origin, with the configured ones; a mismatch raises ``ForeignOriginError`` before any
credential is attached. The retrying transport applies the same check to every request it is about to
send, which also covers redirects that httpx follows when ``follow_redirects=True``.
"""

from __future__ import annotations

from collections.abc import Iterable

import httpx

from .errors import CredentialRedirectError, ForeignOriginError, InvalidUrlError

__all__ = ["CREDENTIAL_EXTENSION", "CredentialScope", "OriginPolicy", "origin_of"]

#: ``request.extensions`` key under which an auth flow records where the credentials it attached may go.
#: httpx copies a request's extensions onto the requests it builds for redirects, so the scope travels
#: with every redirect and the retrying transport (the last gate before the network) enforces it.
CREDENTIAL_EXTENSION = "credential_scope"

_DEFAULT_PORTS = {"http": 80, "https": 443}


def origin_of(url: httpx.URL | str) -> str:
    """``scheme://host:port`` with the default port spelled out, so equal origins compare equal."""
    parsed = url if isinstance(url, httpx.URL) else httpx.URL(url)
    port = parsed.port if parsed.port is not None else _DEFAULT_PORTS.get(parsed.scheme)
    host = parsed.host
    if ":" in host:  # an IPv6 literal
        host = f"[{host}]"
    return f"{parsed.scheme}://{host}:{port}" if port is not None else f"{parsed.scheme}://{host}"


class OriginPolicy:
    """The origins one client may talk to: the API's, plus the token endpoint's when that lives elsewhere."""

    __slots__ = ("_allowed", "_prefixes")

    def __init__(self, urls: Iterable[httpx.URL | str]) -> None:
        allowed: dict[str, None] = {}
        prefixes: dict[str, None] = {}
        for url in urls:
            parsed = url if isinstance(url, httpx.URL) else httpx.URL(url)
            origin = origin_of(parsed)
            allowed[origin] = None
            prefixes[origin + "/"] = None
            if parsed.port is None or parsed.port == _DEFAULT_PORTS.get(parsed.scheme):
                prefixes[origin.rsplit(":", 1)[0] + "/"] = None  # the same origin, default port left out
        self._allowed = tuple(allowed)
        self._prefixes = tuple(prefixes)

    @property
    def allowed(self) -> tuple[str, ...]:
        return self._allowed

    def plainly_admits(self, link: str) -> bool:
        """Whether ``link`` is an absolute URL starting with an allowed ``scheme://host[:port]/``.

        A string test that needs no URL parsing, for the common case of a server handing back links on its
        own origin. Because the authority is followed by ``/`` at once, nothing (no ``user@``, no other
        port) can hide another host in it. ``False`` only means "not plainly": resolve and ``check`` then.
        """
        return link.startswith(self._prefixes)

    def check(self, url: httpx.URL, *, source: str) -> httpx.URL:
        """``url`` if its origin is allowed, else ``ForeignOriginError`` naming the origin (not the path)."""
        origin = origin_of(url)
        if origin not in self._allowed:
            raise ForeignOriginError(origin, self._allowed, source=source)
        return url

    def resolve(self, link: str, *, current: httpx.URL, source: str) -> httpx.URL:
        """Resolve ``link`` against the URL it was found on (RFC 3986), then ``check`` the result."""
        try:
            target = current.join(link)
        except httpx.InvalidURL:
            raise InvalidUrlError(f"{source} was not sent: the server's link is not a valid URL") from None
        return self.check(target, source=source)


class CredentialScope:
    """Where the credentials on one request may be sent: an origin (a token) or one exact URL (a login).

    A token is good for any path of the API's origin; the credentials of a login or token request (Basic,
    the client secret in the form) are good only for the endpoint they were built for, so a redirect to
    another path of the same host is refused too.
    """

    __slots__ = ("_endpoint", "_origins", "what")

    def __init__(
        self, *, what: str, origins: OriginPolicy | None = None, endpoint: httpx.URL | None = None
    ) -> None:
        self.what = what
        self._origins = origins
        self._endpoint = None if endpoint is None else (origin_of(endpoint), endpoint.path)

    @classmethod
    def for_endpoint(cls, url: httpx.URL, *, what: str) -> CredentialScope:
        return cls(what=what, endpoint=url)

    @classmethod
    def for_origins(cls, origins: OriginPolicy, *, what: str) -> CredentialScope:
        return cls(what=what, origins=origins)

    def enforce(self, url: httpx.URL) -> None:
        """``CredentialRedirectError`` unless ``url`` is where these credentials may go."""
        origin = origin_of(url)
        if self._endpoint is not None:
            if (origin, url.path) != self._endpoint:
                raise CredentialRedirectError(
                    f"{origin}{url.path}", what=self.what, meant_for="".join(self._endpoint)
                )
        elif self._origins is not None and origin not in self._origins.allowed:
            raise CredentialRedirectError(
                f"{origin}{url.path}", what=self.what, meant_for=", ".join(self._origins.allowed)
            )
