from typing import Any
from urllib.parse import quote

from ..._runtime.error_text import ErrorPointers, PointerErrorText
from ..._runtime.operation import Operation
from ..._runtime.options import RequestOptions
from ..._runtime.security import OperationSecurity
from ...client import AuthenticatedClient
from ...models.json_error import JsonError
from ...models.property_ import Property
from ...types import Response


def build_request(
    data_set_id: int,
) -> dict[str, Any]:
    """The ``httpx`` request arguments (method, url, params, body, headers) for these arguments."""

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/rest/serverengine/entity/datasets/{data_set_id}/properties".format(
            data_set_id=quote(str(data_set_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response_200(data: Any) -> list[Property]:
    _response_200_item = Property.from_dict
    response_200 = [
        _response_200_item(componentsschemas_property_list_item_data)
        for componentsschemas_property_list_item_data in data
    ]

    return response_200


#: This operation's parser table and security, plus the request path every operation shares
#: (``_runtime/operation.py``).
OPERATION: Operation[list[Property], Response[list[Property]]] = Operation(
    Response,
    success=((200, 200, "json", _parse_response_200, ("application/json",)),),
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
) -> Response[list[Property]]:
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
) -> list[Property]:
    """Get the properties of a data set

     Returns the data set's properties as a JSON array of name/value pairs (Name/Value List, properties
    only), in the order the server stores them.

    Args:
        data_set_id (int): ID of the data set entity on the server.
        options (RequestOptions | None): per-call timeout, extra headers and retry settings.

    Raises:
        errors.ApiStatusError: for any status other than a documented success (subclass per status:
            BadRequestError, AuthenticationError, PermissionDeniedError, NotFoundError, RateLimitError,
            ServerError, UnexpectedStatusError).
        errors.ApiConnectionError: no response arrived (errors.ApiTimeoutError when a timeout ran out).
        errors.ResponseParseError: a success response does not fit the documented shape.

    Returns:
        list[Property]
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
) -> Response[list[Property]]:
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
) -> list[Property]:
    """The async twin of ``sync`` (same arguments, errors and result)."""
    return await OPERATION.asyncio(
        client,
        build_request(
            data_set_id=data_set_id,
        ),
        options,
    )
