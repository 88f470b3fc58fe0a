"""OAuth 2.0 client-credentials tokens for the AvePoint Graph API, as an ``httpx.Auth``.

The grant itself (token request, bearer check, caching, refresh, one retry after a 401, shared fetches for
threads and tasks, secrets kept out of reprs and errors) is the runtime's ``ClientCredentialsGrant``. This
module adds the API's facts: the default scope and where the spec puts the token endpoint, which is how the
generated ``request_token`` operation is recognised and sent to the identity host without a bearer token.
"""

from __future__ import annotations

from ._runtime.client_credentials import ClientCredentialsGrant

__all__ = ["DEFAULT_SCOPE", "TOKEN_PATH", "ClientCredentialsAuth"]

DEFAULT_SCOPE = "gsuite.graph.read.all"
#: Where the spec puts the token endpoint, on the identity host (the mock serves it on its own host).
TOKEN_PATH = "/connect/token"


class ClientCredentialsAuth(ClientCredentialsGrant):
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
        super().__init__(
            token_url,
            client_id,
            client_secret,
            scope=scope,
            token_path=TOKEN_PATH,
            refresh_margin=refresh_margin,
            api_url=api_url,
        )
