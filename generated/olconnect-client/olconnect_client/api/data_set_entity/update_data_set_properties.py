from typing import Any
from urllib.parse import quote

from ..._runtime.error_text import ErrorPointers, PointerErrorText
from ..._runtime.operation import Operation
from ..._runtime.options import RequestOptions
from ..._runtime.request_checks import check_write_body, update_answer
from ..._runtime.security import OperationSecurity
from ...client import AuthenticatedClient
from ...models.json_error import JsonError
from ...models.name_value_list import NameValueList
from ...types import Response


def build_request(
    data_set_id: int,
    *,
    body: NameValueList,
) -> dict[str, Any]:
    """The ``httpx`` request arguments (method, url, params, body, headers) for these arguments."""
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/rest/serverengine/entity/datasets/{data_set_id}/properties".format(
            data_set_id=quote(str(data_set_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    _kwargs["json"] = check_write_body(_kwargs["json"], path_id=data_set_id)
    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
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
        (500, 500, "json", JsonError.from_dict, ("application/json",)),
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
    body: NameValueList,
    options: RequestOptions | None = None,
) -> Response[bool]:
    """Like ``sync``, but returns the whole ``Response``: status, headers and raw response besides the body."""
    return OPERATION.sync_detailed(
        client,
        build_request(
            data_set_id=data_set_id,
            body=body,
        ),
        options,
    )


def sync(
    data_set_id: int,
    *,
    client: AuthenticatedClient,
    body: NameValueList,
    options: RequestOptions | None = None,
) -> bool:
    """Replace the properties of a data set

     Replaces the data set's whole property set with the list in the body (an empty list clears it). The
    pages do not say how a following read returns the set: as the list was sent, order and repeated
    names included, or one entry per name with that name's last value; the spec admits both. The `id` in
    the body must equal `dataSetId` in the path; the page documents 500 for a mismatch. On success the
    body is the plain text `true`, or none.

    Args:
        data_set_id (int): ID of the data set entity on the server.
        body (NameValueList): The data set ID (equal to `dataSetId` in the path) and the complete
            new property set of the data set.
        options (RequestOptions | None): per-call timeout, extra headers and retry settings.

    Raises:
        errors.ApiStatusError: for any status other than a documented success (subclass per status:
            BadRequestError, AuthenticationError, PermissionDeniedError, NotFoundError, RateLimitError,
            ServerError, UnexpectedStatusError).
        errors.ApiConnectionError: no response arrived (errors.ApiTimeoutError when a timeout ran out).
        errors.ResponseParseError: a success response does not fit the documented shape.
        errors.InvalidRequestError: the arguments cannot be right, so nothing was sent (a body `id` that
            differs from `data_set_id`, an empty property name).
        errors.UpdateRejectedError: the server answered `false`: it took the request and changed nothing.

    Returns:
        bool: True: the server answered `true` or with an empty body.
    """

    return OPERATION.sync(
        client,
        build_request(
            data_set_id=data_set_id,
            body=body,
        ),
        options,
    )


async def asyncio_detailed(
    data_set_id: int,
    *,
    client: AuthenticatedClient,
    body: NameValueList,
    options: RequestOptions | None = None,
) -> Response[bool]:
    """The async twin of ``sync_detailed`` (same arguments, errors and result)."""
    return await OPERATION.asyncio_detailed(
        client,
        build_request(
            data_set_id=data_set_id,
            body=body,
        ),
        options,
    )


async def asyncio(
    data_set_id: int,
    *,
    client: AuthenticatedClient,
    body: NameValueList,
    options: RequestOptions | None = None,
) -> bool:
    """The async twin of ``sync`` (same arguments, errors and result)."""
    return await OPERATION.asyncio(
        client,
        build_request(
            data_set_id=data_set_id,
            body=body,
        ),
        options,
    )
