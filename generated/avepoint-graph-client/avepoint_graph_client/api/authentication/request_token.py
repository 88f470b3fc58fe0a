from typing import Any

from ..._runtime.error_text import ErrorPointers, PointerErrorText
from ..._runtime.operation import Operation
from ..._runtime.options import RequestOptions
from ..._runtime.security import OperationSecurity
from ...client import AuthenticatedClient, Client
from ...models.oauth_error import OAuthError
from ...models.token_request import TokenRequest
from ...models.token_response import TokenResponse
from ...types import Response


def build_request(
    *,
    body: TokenRequest,
) -> dict[str, Any]:
    """The ``httpx`` request arguments (method, url, params, body, headers) for these arguments."""
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/connect/token",
    }

    _kwargs["data"] = body.to_dict()

    headers["Content-Type"] = "application/x-www-form-urlencoded"

    _kwargs["headers"] = headers
    return _kwargs


#: This operation's parser table and security, plus the request path every operation shares
#: (``_runtime/operation.py``).
OPERATION: Operation[TokenResponse, Response[TokenResponse]] = Operation(
    Response,
    success=((200, 200, "json", TokenResponse.from_dict, ("application/json",)),),
    failure=(
        (400, 400, "json", OAuthError.from_dict, ("application/json",)),
        (401, 401, "json", OAuthError.from_dict, ("application/json",)),
    ),
    security=OperationSecurity(
        schemes=(),
        issues="oauth2",
        scopes=(),
    ),
    error_text=PointerErrorText(
        (
            ErrorPointers(
                message="/message",
            ),
            ErrorPointers(
                detail="/error_description",
                message="/error",
            ),
        )
    ),
)


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: TokenRequest,
    options: RequestOptions | None = None,
) -> Response[TokenResponse]:
    """Like ``sync``, but returns the whole ``Response``: status, headers and raw response besides the body."""
    return OPERATION.sync_detailed(
        client,
        build_request(
            body=body,
        ),
        options,
    )


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: TokenRequest,
    options: RequestOptions | None = None,
) -> TokenResponse:
    """Get an access token with the OAuth 2.0 client-credentials grant

     Exchanges the registered application's client ID and client secret for a bearer token (RFC 6749
    §4.4). The form asks for the scopes the application needs, space-separated; the job list needs
    `gsuite.graph.read.all`. Tokens last `expires_in` seconds (one hour in the vendor sample) and there
    is no refresh token: ask for a new one when it expires. The vendor also documents a certificate
    variant, where `client_secret` is replaced by `client_assertion_type=urn:ietf:params:oauth:client-
    assertion-type:jwt-bearer` and a `client_assertion` JWT signed with the registered X.509 certificate
    (issuer and subject = client ID, audience = token URL, one-hour lifetime). This description, our
    mock and our clients cover the client-secret variant only.

    Args:
        body (TokenRequest): The form that asks for a token: the grant type `client_credentials`,
            the application's client ID and secret, and the scope the token should carry.
        options (RequestOptions | None): per-call timeout, extra headers and retry settings.

    Raises:
        errors.ApiStatusError: for any status other than a documented success (subclass per status:
            BadRequestError, AuthenticationError, PermissionDeniedError, NotFoundError, RateLimitError,
            ServerError, UnexpectedStatusError).
        errors.ApiConnectionError: no response arrived (errors.ApiTimeoutError when a timeout ran out).
        errors.ResponseParseError: a success response does not fit the documented shape.

    Returns:
        TokenResponse
    """

    return OPERATION.sync(
        client,
        build_request(
            body=body,
        ),
        options,
    )


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: TokenRequest,
    options: RequestOptions | None = None,
) -> Response[TokenResponse]:
    """The async twin of ``sync_detailed`` (same arguments, errors and result)."""
    return await OPERATION.asyncio_detailed(
        client,
        build_request(
            body=body,
        ),
        options,
    )


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: TokenRequest,
    options: RequestOptions | None = None,
) -> TokenResponse:
    """The async twin of ``sync`` (same arguments, errors and result)."""
    return await OPERATION.asyncio(
        client,
        build_request(
            body=body,
        ),
        options,
    )
