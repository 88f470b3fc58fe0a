"""OL Connect authentication as ``httpx.Auth`` objects: token login (default) or Basic on every request.

``TokenAuth`` logs in with ``POST /rest/serverengine/authentication/login`` (HTTP Basic), sends the token
it gets back as the ``auth_token`` header, logs in again shortly before ``Token-Expires-In`` runs out
(3600 s when the server does not send it, DECISIONS OLC-03) and once more when a call answers 401 (an
expired or revoked token, OLC-01). Concurrent threads and asyncio tasks share one login.

The ``login`` operation itself (``login.sync(client=connect(...))``) is recognised by the security its spec
entry records on the request (it issues the ``authToken`` scheme's token): it is sent with Basic credentials
and no token, and the token it returns is checked like the one ``TokenAuth`` fetches.

``OLConnectLogin`` is the grant (how to get a token); ``TokenAuth`` is the runtime's ``TokenFlow`` (cache,
attach, refresh, pinning) running it.

``BasicAuth`` (the runtime's, re-exported here) sends the credentials on every request instead; it costs
a credential check per call on the server but needs no login round trip (useful for one-off scripts and
servers with tokens disabled).
"""

from __future__ import annotations

import re
from typing import Any

import httpx

from olconnect_client._runtime.basic_auth import BasicAuth, basic_header
from olconnect_client._runtime.media_types import check_media_type
from olconnect_client._runtime.redaction import Secret
from olconnect_client._runtime.token_flow import TokenFlow
from olconnect_client._runtime.token_grant import retarget
from olconnect_client.api.authentication import login as login_operation

__all__ = ["DEFAULT_TOKEN_LIFETIME", "LOGIN_PATH", "BasicAuth", "OLConnectLogin", "TokenAuth"]

LOGIN_PATH = "/rest/serverengine/authentication/login"
#: Seconds a token lives when the login answer has no ``Token-Expires-In`` (servers before 2021.2).
DEFAULT_TOKEN_LIFETIME = 3600.0
#: The header the token travels in (the spec's ``authToken`` scheme); our header reprs mask it.
TOKEN_HEADER = "auth_token"
#: The spec's security scheme the token satisfies, and the one the login operation issues.
TOKEN_SCHEME = "authToken"


#: Longer lifetimes are cut to this (a year): the server means "does not expire soon", not infinity.
_LONGEST_LIFETIME = 366 * 24 * 3600.0
_SECONDS = re.compile(r"[0-9]+")


def _token_lifetime(response: httpx.Response) -> float:
    """``Token-Expires-In`` in seconds; anything but ASCII digits falls back to the default (OLC-03)."""
    header = response.headers.get("Token-Expires-In", "").strip()
    if _SECONDS.fullmatch(header):  # "²".isdigit() is true, but it is no number of seconds
        return min(float(header), _LONGEST_LIFETIME)
    return DEFAULT_TOKEN_LIFETIME


class OLConnectLogin:
    """The OL Connect login as a token grant: Basic credentials in, a text/plain token and its lifetime out.

    Arguments:
        username / password: the OL Connect user (the password is kept in a ``Secret``).
        login_url: absolute login URL; by default the login path on the host of the call that needs a token.
    """

    scheme = TOKEN_SCHEME

    def __init__(self, username: str, password: str, *, login_url: str | None = None) -> None:
        self.username = username
        self._password = Secret(password)
        self.login_url = login_url

    def __repr__(self) -> str:
        return f"OLConnectLogin(username={self.username!r}, password='***', login_url={self.login_url!r})"

    def token_request(self, call: httpx.Request) -> httpx.Request:
        url = httpx.URL(self.login_url) if self.login_url else call.url.copy_with(path=LOGIN_PATH, query=None)
        # No body and no Content-Type (DECISIONS OLC-17); the credentials travel only in this request.
        credentials = basic_header(self.username, self._password)
        return httpx.Request("POST", url, headers={"Authorization": credentials})

    def read_token(self, response: httpx.Response) -> tuple[str, float]:
        # The body is the bare token, as text/plain (OLC-17): a sign-in page of a captive portal is no token.
        # The flow rejects an empty one or one a header cannot carry.
        check_media_type(response, ("text/plain",))
        return response.text.strip(), _token_lifetime(response)

    def apply_token(self, request: httpx.Request, token: str) -> None:
        request.headers[TOKEN_HEADER] = token

    def credential_urls(self) -> tuple[str, ...]:
        return (self.login_url,) if self.login_url else ()

    def error_text(self, body: Any) -> tuple[str | None, str | None]:
        # Read the way the spec says the login's error answers are shaped (x-error-text).
        return login_operation.OPERATION.error_text(body)

    def issuing_request(self, request: httpx.Request) -> httpx.Request:
        login = retarget(request, self.login_url or request.url.copy_with(query=None))
        login.headers["Authorization"] = basic_header(self.username, self._password)
        return login


class TokenAuth(TokenFlow):
    """Log in once, send ``auth_token``, refresh before expiry and once after a 401.

    Arguments:
        username / password: the OL Connect user (the password is kept in a ``Secret``).
        login_url: absolute login URL; by default the login path on the host of the first request.
        refresh_margin: seconds before expiry at which the token is renewed (at most 10 % of its life).

    The client it is given to binds it to its base URL's origin: the token goes to no other origin.
    """

    def __init__(
        self, username: str, password: str, *, login_url: str | None = None, refresh_margin: float = 30.0
    ) -> None:
        grant = OLConnectLogin(username, password, login_url=login_url)
        super().__init__(grant, refresh_margin=refresh_margin)
        self.username = username
        self.login_url = login_url

    def __repr__(self) -> str:
        return f"TokenAuth(username={self.username!r}, password='***', login_url={self.login_url!r})"
