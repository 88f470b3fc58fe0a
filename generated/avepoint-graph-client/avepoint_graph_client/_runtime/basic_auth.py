"""HTTP Basic credentials (RFC 7617): the header value, and an ``httpx.Auth`` that sends it every time.

The credentials are bound to the origin of the client that runs the auth (or, outside a client, of the
request they are attached to): a ``CredentialScope`` the retrying transport enforces on redirects. The
password is held in a ``Secret``, so neither the auth object's ``repr`` nor an error that formats it shows
the password; the header itself is masked in httpx's reprs like any ``Authorization`` header.
"""

from __future__ import annotations

import base64
from collections.abc import Generator

import httpx

from .client_auth import ClientAuth
from .origins import CREDENTIAL_EXTENSION, CredentialScope, OriginPolicy
from .redaction import Secret

__all__ = ["BasicAuth", "basic_header"]


def basic_header(username: str, password: Secret) -> str:
    """The ``Authorization`` value for ``username`` and ``password``."""
    raw = f"{username}:{password.reveal()}".encode()
    return "Basic " + base64.b64encode(raw).decode("ascii")


class BasicAuth(ClientAuth):
    """HTTP Basic credentials on every request (no login, no token)."""

    def __init__(self, username: str, password: str) -> None:
        self.username = username
        self._password = Secret(password)

    def __repr__(self) -> str:
        return f"{type(self).__name__}(username={self.username!r}, password='***')"

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        request.headers["Authorization"] = basic_header(self.username, self._password)
        # Good for the origin of the request they were attached to: a redirect elsewhere is refused.
        origin = self.api_origin or OriginPolicy([request.url])
        request.extensions[CREDENTIAL_EXTENSION] = CredentialScope.for_origins(
            origin, what="the Basic credentials"
        )
        yield request
