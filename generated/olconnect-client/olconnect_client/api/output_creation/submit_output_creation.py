from typing import Any
from urllib.parse import quote

from ..._runtime.error_text import ErrorPointers, PointerErrorText
from ..._runtime.operation import Operation, no_body
from ..._runtime.options import RequestOptions
from ..._runtime.security import OperationSecurity
from ...client import AuthenticatedClient
from ...models.json_error import JsonError
from ...models.output_creation_by_job_set_request import OutputCreationByJobSetRequest
from ...types import Response


def build_request(
    config_id: str,
    *,
    body: OutputCreationByJobSetRequest,
) -> dict[str, Any]:
    """The ``httpx`` request arguments (method, url, params, body, headers) for these arguments."""
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/rest/serverengine/workflow/outputcreation/{config_id}".format(
            config_id=quote(str(config_id), safe=""),
        ),
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
            404,
            404,
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
    config_id: str,
    *,
    client: AuthenticatedClient,
    body: OutputCreationByJobSetRequest,
    options: RequestOptions | None = None,
) -> Response[None]:
    """Like ``sync``, but returns the whole ``Response``: status, headers and raw response besides the body."""
    return OPERATION.sync_detailed(
        client,
        build_request(
            config_id=config_id,
            body=body,
        ),
        options,
    )


def sync(
    config_id: str,
    *,
    client: AuthenticatedClient,
    body: OutputCreationByJobSetRequest,
    options: RequestOptions | None = None,
) -> None:
    """Start an output creation for a job set

     Starts an asynchronous output creation of the job set in the body with the Output Creation Preset
    that `configId` names. `createOnly` true keeps the output on the server without sending it to its
    final destination. The answer is 202 with the `operationId` and `Link` headers. A missing preset or
    job set answers 404; a body without the required structure answers 500 on the page.

    Args:
        config_id (str): Managed File ID, or name, of the Output Creation Preset in the File
            Store. In a path both forms are text.
        body (OutputCreationByJobSetRequest): The job set to produce output for, and whether the
            output only stays on the server.
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
            config_id=config_id,
            body=body,
        ),
        options,
    )


async def asyncio_detailed(
    config_id: str,
    *,
    client: AuthenticatedClient,
    body: OutputCreationByJobSetRequest,
    options: RequestOptions | None = None,
) -> Response[None]:
    """The async twin of ``sync_detailed`` (same arguments, errors and result)."""
    return await OPERATION.asyncio_detailed(
        client,
        build_request(
            config_id=config_id,
            body=body,
        ),
        options,
    )


async def asyncio(
    config_id: str,
    *,
    client: AuthenticatedClient,
    body: OutputCreationByJobSetRequest,
    options: RequestOptions | None = None,
) -> None:
    """The async twin of ``sync`` (same arguments, errors and result)."""
    return await OPERATION.asyncio(
        client,
        build_request(
            config_id=config_id,
            body=body,
        ),
        options,
    )
