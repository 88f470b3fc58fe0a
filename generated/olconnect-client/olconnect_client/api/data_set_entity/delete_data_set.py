from typing import Any
from urllib.parse import quote

from ..._runtime.error_text import ErrorPointers, PointerErrorText
from ..._runtime.operation import Operation
from ..._runtime.options import RequestOptions
from ..._runtime.request_checks import update_answer
from ..._runtime.security import OperationSecurity
from ...client import AuthenticatedClient
from ...models.json_error import JsonError
from ...types import Response


def build_request(
    data_set_id: int,
) -> dict[str, Any]:
    """The ``httpx`` request arguments (method, url, params, body, headers) for these arguments."""

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/rest/serverengine/entity/datasets/{data_set_id}/delete".format(
            data_set_id=quote(str(data_set_id), safe=""),
        ),
    }

    return _kwargs


#: This operation's parser table and security, plus the request path every operation shares
#: (``_runtime/operation.py``).
OPERATION: Operation[bool, Response[bool]] = Operation(
    Response,
    success=((200, 200, "text", update_answer, ("text/plain",)),),
    failure=(
        (
            400,
            400,
            "json",
            JsonError.from_dict,
            (
                "application/json",
                "*/*",
            ),
        ),
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
    data_set_id: int,
    *,
    client: AuthenticatedClient,
    options: RequestOptions | None = None,
) -> Response[bool]:
    """Like ``sync``, but returns the whole ``Response``: status, headers and raw response besides the body."""
    return OPERATION.sync_detailed(
        client,
        build_request(
            data_set_id=data_set_id,
        ),
        options,
    )


def sync(
    data_set_id: int,
    *,
    client: AuthenticatedClient,
    options: RequestOptions | None = None,
) -> bool:
    """Mark a data set for deletion

     Asks the server to delete the data set; the request has no body. The plain-text answer is `true`
    when the deletion was accepted and `false` when it failed. The page says the data set is *marked*
    for deletion, so a server may still list it for a while, and its data records may go with it or stay
    readable until a later cleanup.

    Args:
        data_set_id (int): ID of the data set entity on the server.
        options (RequestOptions | None): per-call timeout, extra headers and retry settings.

    Raises:
        errors.ApiStatusError: for any status other than a documented success (subclass per status:
            BadRequestError, AuthenticationError, PermissionDeniedError, NotFoundError, RateLimitError,
            ServerError, UnexpectedStatusError).
        errors.ApiConnectionError: no response arrived (errors.ApiTimeoutError when a timeout ran out).
        errors.ResponseParseError: a success response does not fit the documented shape.
        errors.UpdateRejectedError: the server answered `false`: it took the request and changed nothing.

    Returns:
        bool: True: the server answered `true` or with an empty body.
    """

    return OPERATION.sync(
        client,
        build_request(
            data_set_id=data_set_id,
        ),
        options,
    )


async def asyncio_detailed(
    data_set_id: int,
    *,
    client: AuthenticatedClient,
    options: RequestOptions | None = None,
) -> Response[bool]:
    """The async twin of ``sync_detailed`` (same arguments, errors and result)."""
    return await OPERATION.asyncio_detailed(
        client,
        build_request(
            data_set_id=data_set_id,
        ),
        options,
    )


async def asyncio(
    data_set_id: int,
    *,
    client: AuthenticatedClient,
    options: RequestOptions | None = None,
) -> bool:
    """The async twin of ``sync`` (same arguments, errors and result)."""
    return await OPERATION.asyncio(
        client,
        build_request(
            data_set_id=data_set_id,
        ),
        options,
    )
