"""OAuth 2.0 client-credentials tokens for the AvePoint Graph API, as an ``httpx.Auth``.

The grant (token request, bearer check, the client secret kept out of reprs) is the runtime's
``ClientCredentialsGrant``; caching, refresh, one retry after a 401 and shared fetches for threads and tasks
are its ``TokenFlow``. This module adds the API's facts: the default scope, the spec's security scheme name,
and where the spec puts the token endpoint on the mock (``connect()``'s default token URL). The generated
``request_token`` operation is recognised by the security its spec entry records on the request.
"""

from __future__ import annotations

from avepoint_graph_client._runtime.client_credentials import ClientCredentialsGrant
from avepoint_graph_client._runtime.token_flow import TokenFlow
from avepoint_graph_client.api.authentication import request_token

__all__ = ["DEFAULT_SCOPE", "TOKEN_PATH", "ClientCredentialsAuth"]

DEFAULT_SCOPE = "gsuite.graph.read.all"
#: Where the spec puts the token endpoint, on the identity host (the mock serves it on its own host).
TOKEN_PATH = "/connect/token"
#: The spec's security scheme the token satisfies (and the one ``request_token`` issues).
TOKEN_SCHEME = "oauth2"


class ClientCredentialsAuth(TokenFlow):
    """Bearer tokens from the client-credentials grant (DECISIONS AVE-13).

    Arguments:
        token_url: the identity host's token endpoint (see ``data_centre(code).token_url``).
        client_id / client_secret: the app registration in AvePoint Online Services.
        scope: space-separated scopes; defaults to ``gsuite.graph.read.all``.
        refresh_margin: seconds before expiry at which the token is renewed (at most 10 % of its life).

    The client it is given to binds it to its base URL's origin: the token goes to no other origin.
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
        grant = ClientCredentialsGrant(
            token_url,
            client_id,
            client_secret,
            scope=scope,
            scheme=TOKEN_SCHEME,
            error_text=request_token.OPERATION.error_text,  # as the spec shapes its error answers
        )
        super().__init__(grant, refresh_margin=refresh_margin)
        self.token_url = token_url
        self.client_id = client_id
        self.scope = scope

    def __repr__(self) -> str:
        return (
            f"ClientCredentialsAuth(token_url={self.token_url!r}, client_id={self.client_id!r}, "
            f"client_secret='***', scope={self.scope!r})"
        )
