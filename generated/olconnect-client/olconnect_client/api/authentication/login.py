from typing import Any

from ..._runtime.error_text import ErrorPointers, PointerErrorText
from ..._runtime.operation import Operation, unchanged
from ..._runtime.options import RequestOptions
from ..._runtime.security import OperationSecurity
from ...client import AuthenticatedClient
from ...models.json_error import JsonError
from ...types import Response


def build_request() -> dict[str, Any]:
    """The ``httpx`` request arguments (method, url, params, body, headers) for these arguments."""

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/rest/serverengine/authentication/login",
    }

    return _kwargs


#: This operation's parser table and security, plus the request path every operation shares
#: (``_runtime/operation.py``).
OPERATION: Operation[str, Response[str]] = Operation(
    Response,
    success=((200, 200, "text", unchanged, ("text/plain",)),),
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
    ),
    security=OperationSecurity(
        schemes=("basicAuth",),
        issues="authToken",
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
    options: RequestOptions | None = None,
) -> Response[str]:
    """Like ``sync``, but returns the whole ``Response``: status, headers and raw response besides the body."""
    return OPERATION.sync_detailed(client, build_request(), options)


def sync(
    *,
    client: AuthenticatedClient,
    options: RequestOptions | None = None,
) -> str:
    """Log in and obtain an authorization token

     Exchanges HTTP Basic credentials (sent in the `Authorization` header; the request has no body) for
    an opaque token. Send the token back in the `auth_token` header of later requests instead of the
    credentials. The `Token-Expires-In` response header says for how many seconds the token stays valid;
    servers older than 2021.2 do not send it, and clients then assume 3600 seconds.

    Args:
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

    return OPERATION.sync(client, build_request(), options)


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    options: RequestOptions | None = None,
) -> Response[str]:
    """The async twin of ``sync_detailed`` (same arguments, errors and result)."""
    return await OPERATION.asyncio_detailed(client, build_request(), options)


async def asyncio(
    *,
    client: AuthenticatedClient,
    options: RequestOptions | None = None,
) -> str:
    """The async twin of ``sync`` (same arguments, errors and result)."""
    return await OPERATION.asyncio(client, build_request(), options)
