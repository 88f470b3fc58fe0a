"""OAuth 2.0 client-credentials grant (RFC 6749 section 4.4) as a ``RefreshingTokenAuth``.

It posts ``grant_type=client_credentials`` with the client id, secret and scope to the token URL, reads
``access_token``, ``token_type`` (only bearer tokens are supported) and ``expires_in`` (3600 s when absent)
from the JSON answer, and sends ``Authorization: Bearer <token>``. Caching, refresh before expiry, the one
retry after a 401 and the shared fetch for threads and tasks come from ``RefreshingTokenAuth``.

The API's own token operation (a generated ``request_token``) is recognised by its path and sent to the
token URL, without a bearer token, whatever client it is called with. A package subclasses this with its
API's facts: the default scope and the token path.
"""

from __future__ import annotations

import httpx

from . import json_body
from .media_types import check_media_type
from .redaction import Secret
from .token_auth import RefreshingTokenAuth, UnusableTokenError, retarget

__all__ = ["ClientCredentialsGrant"]

_LONGEST_SHOWN = 40
_DEFAULT_LIFETIME = 3600


class ClientCredentialsGrant(RefreshingTokenAuth):
    """Bearer tokens from the client-credentials grant.

    Arguments:
        token_url: the token endpoint.
        client_id / client_secret: the app registration (the secret is kept in a ``Secret``).
        scope: space-separated scopes.
        token_path: the path of the API's own token operation, which is routed to ``token_url``.
        refresh_margin: seconds before expiry at which the token is renewed (at most 10 % of its life).
        api_url: the API base URL; when set, the bearer token is attached only to requests for its origin.
    """

    def __init__(
        self,
        token_url: str,
        client_id: str,
        client_secret: str,
        *,
        scope: str,
        token_path: str,
        refresh_margin: float = 60.0,
        api_url: str | None = None,
    ) -> None:
        super().__init__(refresh_margin=refresh_margin, api_url=api_url)
        self.token_url = token_url
        self.client_id = client_id
        self._client_secret = Secret(client_secret)
        self.scope = scope
        self.token_path = token_path

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(token_url={self.token_url!r}, client_id={self.client_id!r}, "
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
        check_media_type(response, ("application/json",))  # RFC 6749 section 5.1; the spec's only type
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
        expires_in = body.get("expires_in", _DEFAULT_LIFETIME)
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
        return request.url.path.endswith(self.token_path) or request.url == httpx.URL(self.token_url)

    def prepare_credentials_request(self, request: httpx.Request) -> httpx.Request:
        return retarget(request, self.token_url)
