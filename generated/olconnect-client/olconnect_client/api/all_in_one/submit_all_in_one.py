from typing import Any

from ..._runtime.error_text import ErrorPointers, PointerErrorText
from ..._runtime.operation import Operation, no_body
from ..._runtime.options import RequestOptions
from ..._runtime.security import OperationSecurity
from ...client import AuthenticatedClient
from ...models.all_in_one_request import AllInOneRequest
from ...models.json_error import JsonError
from ...types import Response


def build_request(
    *,
    body: AllInOneRequest,
) -> dict[str, Any]:
    """The ``httpx`` request arguments (method, url, params, body, headers) for these arguments."""
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/rest/serverengine/workflow/print/submit",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


#: This operation's parser table and security, plus the request path every operation shares
#: (``_runtime/operation.py``).
OPERATION: Operation[None, Response[None]] = Operation(
    Response,
    success=((202, 202, "none", no_body),),
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
            500,
            500,
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
    body: AllInOneRequest,
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
    body: AllInOneRequest,
    options: RequestOptions | None = None,
) -> None:
    """Start an All-In-One operation

     Starts one asynchronous operation that maps a data file, creates content, creates a job set and
    produces its output, each step with the configuration its section names. The answer is 202 with the
    `operationId` and `Link` headers. A configuration or data file missing from the File Store answers
    400; a failure of any step answers 500.

    Args:
        body (AllInOneRequest): The configuration of each of the four steps of an All-In-One
            operation.
        options (RequestOptions | None): per-call timeout, extra headers and retry settings.

    Raises:
        errors.ApiStatusError: for any status other than a documented success (subclass per status:
            BadRequestError, AuthenticationError, PermissionDeniedError, NotFoundError, RateLimitError,
            ServerError, UnexpectedStatusError).
        errors.ApiConnectionError: no response arrived (errors.ApiTimeoutError when a timeout ran out).
        errors.ResponseParseError: a success response does not fit the documented shape.

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
    body: AllInOneRequest,
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
    body: AllInOneRequest,
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
