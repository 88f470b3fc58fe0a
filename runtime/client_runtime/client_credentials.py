"""The OAuth 2.0 client-credentials grant (RFC 6749 section 4.4): how to get a bearer token.

It posts ``grant_type=client_credentials`` with the client id, secret and scope to the token URL, reads
``access_token``, ``token_type`` (only bearer tokens are supported) and ``expires_in`` (3600 s when absent)
from the JSON answer, and attaches ``Authorization: Bearer <token>``. Caching, refresh before expiry, the
one retry after a 401 and the shared fetch for threads and tasks are the flow's (``TokenFlow``).

The API's own token operation (a generated ``request_token``) is recognised by the security its spec entry
records on the request (it issues the ``oauth2`` scheme's token) and sent to the token URL, without a
bearer token, whatever client it is called with.
"""

from __future__ import annotations

from typing import Any

import httpx

from . import json_body
from .error_text import ErrorPointers, PointerErrorText
from .errors import ErrorText
from .media_types import check_media_type
from .redaction import Secret
from .token_grant import UnusableTokenError, retarget

__all__ = ["OAUTH_ERROR_TEXT", "ClientCredentialsGrant"]

_LONGEST_SHOWN = 40
_DEFAULT_LIFETIME = 3600


#: The error answer of an OAuth token endpoint (RFC 6749 section 5.2): ``error``, then ``error_description``.
OAUTH_ERROR_TEXT = PointerErrorText((ErrorPointers("/error", detail="/error_description"),))


class ClientCredentialsGrant:
    """Bearer tokens from the client-credentials grant.

    Arguments:
        token_url: the token endpoint.
        client_id / client_secret: the app registration (the secret is kept in a ``Secret``).
        scope: space-separated scopes.
        scheme: the name of the spec's OAuth security scheme the token satisfies.
        error_text: how to read a refused token request's body (the RFC 6749 shape unless the API's spec
            says otherwise: the generated token operation's ``error_text``).
    """

    def __init__(
        self,
        token_url: str,
        client_id: str,
        client_secret: str,
        *,
        scope: str,
        scheme: str = "oauth2",
        error_text: ErrorText = OAUTH_ERROR_TEXT,
    ) -> None:
        self._error_text = error_text
        self.token_url = token_url
        self.client_id = client_id
        self._client_secret = Secret(client_secret)
        self.scope = scope
        self._scheme = scheme

    @property
    def scheme(self) -> str:
        return self._scheme

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(token_url={self.token_url!r}, client_id={self.client_id!r}, "
            f"client_secret='***', scope={self.scope!r})"
        )

    def token_request(self, call: httpx.Request) -> httpx.Request:
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

    def error_text(self, body: Any) -> tuple[str | None, str | None]:
        return self._error_text(body)

    def issuing_request(self, request: httpx.Request) -> httpx.Request:
        return retarget(request, self.token_url)
