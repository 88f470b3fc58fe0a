from typing import Any

from ..._runtime.error_text import ErrorPointers, PointerErrorText
from ..._runtime.operation import Operation
from ..._runtime.options import RequestOptions
from ..._runtime.security import OperationSecurity
from ...client import AuthenticatedClient
from ...models.json_error import JsonError
from ...models.operation_list_entry import OperationListEntry
from ...types import Response


def build_request() -> dict[str, Any]:
    """The ``httpx`` request arguments (method, url, params, body, headers) for these arguments."""

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/rest/serverengine/workflow/print/getOperations",
    }

    return _kwargs


def _parse_response_200(data: Any) -> list[OperationListEntry]:
    _response_200_item = OperationListEntry.from_dict
    response_200 = [
        _response_200_item(componentsschemas_operation_list_item_data)
        for componentsschemas_operation_list_item_data in data
    ]

    return response_200


#: This operation's parser table and security, plus the request path every operation shares
#: (``_runtime/operation.py``).
OPERATION: Operation[list[OperationListEntry], Response[list[OperationListEntry]]] = Operation(
    Response,
    success=((200, 200, "json", _parse_response_200, ("application/json",)),),
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
    options: RequestOptions | None = None,
) -> Response[list[OperationListEntry]]:
    """Like ``sync``, but returns the whole ``Response``: status, headers and raw response besides the body."""
    return OPERATION.sync_detailed(client, build_request(), options)


def sync(
    *,
    client: AuthenticatedClient,
    options: RequestOptions | None = None,
) -> list[OperationListEntry]:
    """List the running operations

     Returns the server's active asynchronous operations as a JSON Operations List, whose type names
    include the All-In-One service's.

    Args:
        options (RequestOptions | None): per-call timeout, extra headers and retry settings.

    Raises:
        errors.ApiStatusError: for any status other than a documented success (subclass per status:
            BadRequestError, AuthenticationError, PermissionDeniedError, NotFoundError, RateLimitError,
            ServerError, UnexpectedStatusError).
        errors.ApiConnectionError: no response arrived (errors.ApiTimeoutError when a timeout ran out).
        errors.ResponseParseError: a success response does not fit the documented shape.

    Returns:
        list[OperationListEntry]
    """

    return OPERATION.sync(client, build_request(), options)


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    options: RequestOptions | None = None,
) -> Response[list[OperationListEntry]]:
    """The async twin of ``sync_detailed`` (same arguments, errors and result)."""
    return await OPERATION.asyncio_detailed(client, build_request(), options)


async def asyncio(
    *,
    client: AuthenticatedClient,
    options: RequestOptions | None = None,
) -> list[OperationListEntry]:
    """The async twin of ``sync`` (same arguments, errors and result)."""
    return await OPERATION.asyncio(client, build_request(), options)
