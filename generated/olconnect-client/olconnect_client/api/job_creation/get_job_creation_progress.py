from typing import Any
from urllib.parse import quote

from ..._runtime.error_text import ErrorPointers, PointerErrorText
from ..._runtime.operation import Operation
from ..._runtime.options import RequestOptions
from ..._runtime.security import OperationSecurity
from ..._runtime.text_answers import text_matching
from ...client import AuthenticatedClient
from ...models.json_error import JsonError
from ...types import Response


def build_request(
    operation_id: str,
) -> dict[str, Any]:
    """The ``httpx`` request arguments (method, url, params, body, headers) for these arguments."""

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/rest/serverengine/workflow/jobcreation/getProgress/{operation_id}".format(
            operation_id=quote(str(operation_id), safe=""),
        ),
    }

    return _kwargs


#: This operation's parser table and security, plus the request path every operation shares
#: (``_runtime/operation.py``).
OPERATION: Operation[str, Response[str]] = Operation(
    Response,
    success=((200, 200, "text", text_matching("^(done|[0-9]{1,3}(\\.[0-9]+)?)$"), ("text/plain",)),),
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
        (
            404,
            404,
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
    operation_id: str,
    *,
    client: AuthenticatedClient,
    options: RequestOptions | None = None,
) -> Response[str]:
    """Like ``sync``, but returns the whole ``Response``: status, headers and raw response besides the body."""
    return OPERATION.sync_detailed(
        client,
        build_request(
            operation_id=operation_id,
        ),
        options,
    )


def sync(
    operation_id: str,
    *,
    client: AuthenticatedClient,
    options: RequestOptions | None = None,
) -> str:
    """Get the progress of a job creation

     Returns how far the operation has come, as plain text: a number from 0 to 100 while it runs, then
    `done`. An unknown operation answers 404; a server may also answer 404 once a finished operation has
    left its list of active operations.

    Args:
        operation_id (str): ID of an asynchronous operation, as the `operationId` header of the
            submit's 202 gave it. The pages show UUID-like strings in the operations list and type the
            path parameter as a number, so any text is taken.
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
            operation_id=operation_id,
        ),
        options,
    )


async def asyncio_detailed(
    operation_id: str,
    *,
    client: AuthenticatedClient,
    options: RequestOptions | None = None,
) -> Response[str]:
    """The async twin of ``sync_detailed`` (same arguments, errors and result)."""
    return await OPERATION.asyncio_detailed(
        client,
        build_request(
            operation_id=operation_id,
        ),
        options,
    )


async def asyncio(
    operation_id: str,
    *,
    client: AuthenticatedClient,
    options: RequestOptions | None = None,
) -> str:
    """The async twin of ``sync`` (same arguments, errors and result)."""
    return await OPERATION.asyncio(
        client,
        build_request(
            operation_id=operation_id,
        ),
        options,
    )
