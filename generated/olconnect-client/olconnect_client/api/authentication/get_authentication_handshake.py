from typing import Any

from ..._runtime.error_text import ErrorPointers, PointerErrorText
from ..._runtime.operation import Operation
from ..._runtime.options import RequestOptions
from ..._runtime.security import OperationSecurity
from ..._runtime.text_answers import text_matching
from ...client import AuthenticatedClient
from ...models.json_error import JsonError
from ...types import UNSET, Response, Unset


def build_request(
    *,
    auth_token: str | Unset = UNSET,
) -> dict[str, Any]:
    """The ``httpx`` request arguments (method, url, params, body, headers) for these arguments."""
    headers: dict[str, Any] = {}
    if not isinstance(auth_token, Unset):
        headers["auth_token"] = auth_token

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/rest/serverengine/authentication",
    }

    _kwargs["headers"] = headers
    return _kwargs


#: This operation's parser table and security, plus the request path every operation shares
#: (``_runtime/operation.py``).
OPERATION: Operation[str, Response[str]] = Operation(
    Response,
    success=(
        (
            200,
            200,
            "text",
            text_matching("^Server Engine REST Service available: [A-Za-z]+RestService"),
            ("text/plain",),
        ),
    ),
    failure=(
        (
            401,
            401,
            "json",
            JsonError.from_dict,
            (
                "application/json",
                "*/*",
            ),
        ),
        (
            403,
            403,
            "json",
            JsonError.from_dict,
            (
                "application/json",
                "*/*",
            ),
        ),
    ),
    security=OperationSecurity(
        schemes=(
            "basicAuth",
            "authToken",
        ),
        issues=None,
        scopes=(),
    ),
    error_text=PointerErrorText(
        (
            ErrorPointers(
                message="/error/message",
                parameter="/error/parameter",
            ),
        )
    ),
)


def sync_detailed(
    *,
    client: AuthenticatedClient,
    auth_token: str | Unset = UNSET,
    options: RequestOptions | None = None,
) -> Response[str]:
    """Like ``sync``, but returns the whole ``Response``: status, headers and raw response besides the body."""
    return OPERATION.sync_detailed(
        client,
        build_request(
            auth_token=auth_token,
        ),
        options,
    )


def sync(
    *,
    client: AuthenticatedClient,
    auth_token: str | Unset = UNSET,
    options: RequestOptions | None = None,
) -> str:
    """Check that the Authentication service is available

     Lightweight availability probe for the Authentication service. A running service answers with a
    short plain-text sentence naming itself. The optional `auth_token` header parameter lets a caller
    (or a stateful test following the login link) check a freshly obtained token here.

    Args:
        auth_token (str | Unset): Token from the login operation. This is the same header the
            `authToken` security scheme describes; it is declared as a parameter here only so that the
            login response can be linked to this operation. An empty value carries no token, so the
            parameter takes at least one character (a request rule: what the login sends back is not
            held to it).
        options (RequestOptions | None): per-call timeout, extra headers and retry settings.

    Raises:
        errors.ApiStatusError: for any status other than a documented success (subclass per status:
            BadRequestError, AuthenticationError, PermissionDeniedError, NotFoundError, RateLimitError,
            ServerError, UnexpectedStatusError).
        errors.ApiConnectionError: no response arrived (errors.ApiTimeoutError when a timeout ran out).
        errors.ResponseParseError: a success response does not fit the documented shape.

    Returns:
        str
    """

    return OPERATION.sync(
        client,
        build_request(
            auth_token=auth_token,
        ),
        options,
    )


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    auth_token: str | Unset = UNSET,
    options: RequestOptions | None = None,
) -> Response[str]:
    """The async twin of ``sync_detailed`` (same arguments, errors and result)."""
    return await OPERATION.asyncio_detailed(
        client,
        build_request(
            auth_token=auth_token,
        ),
        options,
    )


async def asyncio(
    *,
    client: AuthenticatedClient,
    auth_token: str | Unset = UNSET,
    options: RequestOptions | None = None,
) -> str:
    """The async twin of ``sync`` (same arguments, errors and result)."""
    return await OPERATION.asyncio(
        client,
        build_request(
            auth_token=auth_token,
        ),
        options,
    )
