"""OAuth 2.0 client-credentials token provider for the AvePoint Graph API, as an ``httpx.Auth``.

It posts ``grant_type=client_credentials`` with the client id, secret and scope to the token URL, caches
the bearer token until shortly before ``expires_in`` runs out, and fetches a new one once when a call
answers 401. Concurrent threads and asyncio tasks share one token request. The client secret and tokens
are kept out of ``repr``, logs and error messages.

The ``request_token`` operation itself is recognised: whatever client it is called with, it goes to the
token URL (the identity host, not the Graph host), carries no bearer token, and the token it returns is
checked like the ones this class fetches.
"""

from __future__ import annotations

import httpx

from ._runtime import json_body
from ._runtime.redaction import Secret
from ._runtime.token_auth import RefreshingTokenAuth, UnusableTokenError, retarget

__all__ = ["DEFAULT_SCOPE", "TOKEN_PATH", "ClientCredentialsAuth"]

DEFAULT_SCOPE = "gsuite.graph.read.all"
#: Where the spec puts the token endpoint, on the identity host (the mock serves it on its own host).
TOKEN_PATH = "/connect/token"
_LONGEST_SHOWN = 40


class ClientCredentialsAuth(RefreshingTokenAuth):
    """Bearer tokens from the client-credentials grant (DECISIONS AVE-13).

    Arguments:
        token_url: the identity host's token endpoint (see ``data_centre(code).token_url``).
        client_id / client_secret: the app registration in AvePoint Online Services.
        scope: space-separated scopes; defaults to ``gsuite.graph.read.all``.
        refresh_margin: seconds before expiry at which the token is renewed (at most 10 % of its life).
        api_url: the Graph base URL; when set, the bearer token is attached only to requests for its origin.
    """

    def __init__(
        self,
        token_url: str,
        client_id: str,
        client_secret: str,
        *,
        scope: str = DEFAULT_SCOPE,
        refresh_margin: float = 60.0,
        api_url: str | None = None,
    ) -> None:
        super().__init__(refresh_margin=refresh_margin, api_url=api_url)
        self.token_url = token_url
        self.client_id = client_id
        self._client_secret = Secret(client_secret)
        self.scope = scope

    def __repr__(self) -> str:
        return (
            f"ClientCredentialsAuth(token_url={self.token_url!r}, client_id={self.client_id!r}, "
            f"client_secret='***', scope={self.scope!r})"
        )

    def build_token_request(self, request: httpx.Request) -> httpx.Request:
        form = {
            "grant_type": "client_credentials",
            "client_id": self.client_id,
            "client_secret": self._client_secret.reveal(),
            "scope": self.scope,
        }
        return httpx.Request("POST", self.token_url, data=form, headers={"Accept": "application/json"})

    def read_token(self, response: httpx.Response) -> tuple[str, float]:
        body = json_body.loads(response.content)
        if not isinstance(body, dict):
            raise UnusableTokenError("the answer is not a JSON object")
        token = body.get("access_token")
        if not isinstance(token, str):
            raise UnusableTokenError("access_token is missing or not a string")
        token_type = body.get("token_type", "Bearer")
        if not isinstance(token_type, str) or token_type.lower() != "bearer":
            shown = (
                repr(token_type)[:_LONGEST_SHOWN]
                if isinstance(token_type, str)
                else type(token_type).__name__
            )
            raise UnusableTokenError(f"token_type is {shown}, not Bearer (only bearer tokens are supported)")
        expires_in = body.get("expires_in", 3600)
        if isinstance(expires_in, bool) or not isinstance(expires_in, int | float) or not expires_in >= 0:
            raise UnusableTokenError("expires_in is not a number of seconds")
        return token, float(expires_in)

    def apply_token(self, request: httpx.Request, token: str) -> None:
        request.headers["Authorization"] = f"Bearer {token}"

    def credential_urls(self) -> tuple[str, ...]:
        return (self.token_url,)

    def is_credentials_request(self, request: httpx.Request) -> bool:
        if request.method != "POST":
            return False
        return request.url.path.endswith(TOKEN_PATH) or request.url == httpx.URL(self.token_url)

    def prepare_credentials_request(self, request: httpx.Request) -> httpx.Request:
        return retarget(request, self.token_url)
