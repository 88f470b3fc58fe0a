from typing import Any

from ..._runtime.error_text import ErrorPointers, PointerErrorText
from ..._runtime.operation import Operation, no_body
from ..._runtime.options import RequestOptions
from ..._runtime.request_checks import check_write_body
from ..._runtime.security import OperationSecurity
from ...client import AuthenticatedClient
from ...models.json_error import JsonError
from ...models.name_value_list import NameValueList
from ...types import Response


def build_request(
    *,
    body: list[NameValueList],
) -> dict[str, Any]:
    """The ``httpx`` request arguments (method, url, params, body, headers) for these arguments."""
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/rest/serverengine/entity/jobs/properties",
    }

    _kwargs["json"] = []
    for componentsschemas_name_value_lists_item_data in body:
        componentsschemas_name_value_lists_item = componentsschemas_name_value_lists_item_data.to_dict()
        _kwargs["json"].append(componentsschemas_name_value_lists_item)

    _kwargs["json"] = check_write_body(_kwargs["json"])
    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


#: This operation's parser table and security, plus the request path every operation shares
#: (``_runtime/operation.py``).
OPERATION: Operation[None, Response[None]] = Operation(
    Response,
    success=((200, 200, "none", no_body),),
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
    *,
    client: AuthenticatedClient,
    body: list[NameValueList],
    options: RequestOptions | None = None,
) -> Response[None]:
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
    client: AuthenticatedClient,
    body: list[NameValueList],
    options: RequestOptions | None = None,
) -> None:
    """Update properties of several jobs at once

     Sets the listed properties on each listed job in one request. The page says it updates one or more
    properties, where the single-job update replaces the set: a server may merge (a listed property
    overwrites the job's property of the same name or is appended, the others stay; our mock) or give
    each listed job exactly the listed properties. The pages say nothing about an unknown job among
    known ones, a malformed item or a job listed twice: a server may refuse the whole request or apply
    what it can, and whether a refused request changed nothing is not documented. A successful update
    answers with an empty body.

    Args:
        body (list[NameValueList]): One entry per job: its ID and the properties to set on it. Our
            clients list each job once; what a server does with a job listed twice (refuse the
            request, or apply each entry in list order) is not documented.
        options (RequestOptions | None): per-call timeout, extra headers and retry settings.

    Raises:
        errors.ApiStatusError: for any status other than a documented success (subclass per status:
            BadRequestError, AuthenticationError, PermissionDeniedError, NotFoundError, RateLimitError,
            ServerError, UnexpectedStatusError).
        errors.ApiConnectionError: no response arrived (errors.ApiTimeoutError when a timeout ran out).
        errors.ResponseParseError: a success response does not fit the documented shape.
        errors.InvalidRequestError: the arguments cannot be right, so nothing was sent (an empty list or
            an entry without `id`, an empty property name).

    Returns:
        None
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
    client: AuthenticatedClient,
    body: list[NameValueList],
    options: RequestOptions | None = None,
) -> Response[None]:
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
    client: AuthenticatedClient,
    body: list[NameValueList],
    options: RequestOptions | None = None,
) -> None:
    """The async twin of ``sync`` (same arguments, errors and result)."""
    return await OPERATION.asyncio(
        client,
        build_request(
            body=body,
        ),
        options,
    )
