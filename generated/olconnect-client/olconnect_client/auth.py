"""OL Connect authentication as ``httpx.Auth`` objects: token login (default) or Basic on every request.

``TokenAuth`` logs in with ``POST /rest/serverengine/authentication/login`` (HTTP Basic), sends the token
it gets back as the ``auth_token`` header, logs in again shortly before ``Token-Expires-In`` runs out
(3600 s when the server does not send it, DECISIONS OLC-03) and once more when a call answers 401 (an
expired or revoked token, OLC-01). Concurrent threads and asyncio tasks share one login.

``BasicAuth`` sends the credentials on every request instead; it costs a credential check per call on
the server but needs no login round trip (useful for one-off scripts and servers with tokens disabled).
"""

from __future__ import annotations

import base64
from collections.abc import Generator

import httpx

from ._runtime.redaction import Secret
from ._runtime.token_auth import RefreshingTokenAuth

__all__ = ["DEFAULT_TOKEN_LIFETIME", "LOGIN_PATH", "BasicAuth", "TokenAuth"]

LOGIN_PATH = "/rest/serverengine/authentication/login"
#: Seconds a token lives when the login answer has no ``Token-Expires-In`` (servers before 2021.2).
DEFAULT_TOKEN_LIFETIME = 3600.0


def _basic_header(username: str, password: Secret) -> str:
    raw = f"{username}:{password.reveal()}".encode()
    return "Basic " + base64.b64encode(raw).decode("ascii")


def _token_lifetime(response: httpx.Response) -> float:
    header = response.headers.get("Token-Expires-In", "").strip()
    if header.isdigit():
        return float(header)
    return DEFAULT_TOKEN_LIFETIME


class TokenAuth(RefreshingTokenAuth):
    """Log in once, send ``auth_token``, refresh before expiry and once after a 401.

    Arguments:
        username / password: the OL Connect user (the password is kept in a ``Secret``).
        login_url: absolute login URL; by default the login path on the host of the first request.
        refresh_margin: seconds before expiry at which the token is renewed (at most 10 % of its life).
    """

    def __init__(
        self,
        username: str,
        password: str,
        *,
        login_url: str | None = None,
        refresh_margin: float = 30.0,
    ) -> None:
        super().__init__(refresh_margin=refresh_margin)
        self.username = username
        self._password = Secret(password)
        self.login_url = login_url

    def __repr__(self) -> str:
        return f"TokenAuth(username={self.username!r}, password='***', login_url={self.login_url!r})"

    def build_token_request(self, request: httpx.Request) -> httpx.Request:
        url = (
            httpx.URL(self.login_url)
            if self.login_url
            else request.url.copy_with(path=LOGIN_PATH, query=None)
        )
        # No body and no Content-Type (DECISIONS OLC-17); the credentials travel only in this request.
        return httpx.Request(
            "POST", url, headers={"Authorization": _basic_header(self.username, self._password)}
        )

    def read_token(self, response: httpx.Response) -> tuple[str, float]:
        token = response.text.strip()
        if not token:
            raise ValueError("the login answer has an empty body instead of a token")
        return token, _token_lifetime(response)

    def apply_token(self, request: httpx.Request, token: str) -> None:
        request.headers["auth_token"] = token


class BasicAuth(httpx.Auth):
    """HTTP Basic credentials on every request (no login, no token)."""

    def __init__(self, username: str, password: str) -> None:
        self.username = username
        self._password = Secret(password)

    def __repr__(self) -> str:
        return f"BasicAuth(username={self.username!r}, password='***')"

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        request.headers["Authorization"] = _basic_header(self.username, self._password)
        yield request
