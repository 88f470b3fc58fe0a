"""OAuth 2.0 client-credentials token provider for the AvePoint Graph API, as an ``httpx.Auth``.

It posts ``grant_type=client_credentials`` with the client id, secret and scope to the token URL, caches
the bearer token until shortly before ``expires_in`` runs out, and fetches a new one once when a call
answers 401. Concurrent threads and asyncio tasks share one token request. The client secret and tokens
are kept out of ``repr``, logs and error messages.
"""

from __future__ import annotations

import httpx

from ._runtime.redaction import Secret
from ._runtime.token_auth import RefreshingTokenAuth

__all__ = ["DEFAULT_SCOPE", "ClientCredentialsAuth"]

DEFAULT_SCOPE = "gsuite.graph.read.all"


class ClientCredentialsAuth(RefreshingTokenAuth):
    """Bearer tokens from the client-credentials grant (DECISIONS AVE-13).

    Arguments:
        token_url: the identity host's token endpoint (see ``data_centre(code).token_url``).
        client_id / client_secret: the app registration in AvePoint Online Services.
        scope: space-separated scopes; defaults to ``gsuite.graph.read.all``.
        refresh_margin: seconds before expiry at which the token is renewed (at most 10 % of its life).
    """

    def __init__(
        self,
        token_url: str,
        client_id: str,
        client_secret: str,
        *,
        scope: str = DEFAULT_SCOPE,
        refresh_margin: float = 60.0,
    ) -> None:
        super().__init__(refresh_margin=refresh_margin)
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
        body = response.json()
        token = body["access_token"]
        if not isinstance(token, str) or not token:
            raise ValueError("access_token is missing or empty")
        token_type = body.get("token_type", "Bearer")
        if not isinstance(token_type, str) or token_type.lower() != "bearer":
            raise ValueError("token_type is not Bearer")
        expires_in = body.get("expires_in", 3600)
        if isinstance(expires_in, bool) or not isinstance(expires_in, int | float) or expires_in < 0:
            raise ValueError("expires_in is not a number of seconds")
        return token, float(expires_in)

    def apply_token(self, request: httpx.Request, token: str) -> None:
        request.headers["Authorization"] = f"Bearer {token}"
