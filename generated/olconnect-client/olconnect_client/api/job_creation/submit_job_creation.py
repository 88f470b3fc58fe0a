from typing import Any
from urllib.parse import quote

from ..._runtime.error_text import ErrorPointers, PointerErrorText
from ..._runtime.operation import Operation, no_body
from ..._runtime.options import RequestOptions
from ..._runtime.security import OperationSecurity
from ...client import AuthenticatedClient
from ...models.job_creation_request import JobCreationRequest
from ...models.json_error import JsonError
from ...types import Response


def build_request(
    config_id: str,
    *,
    body: JobCreationRequest,
) -> dict[str, Any]:
    """The ``httpx`` request arguments (method, url, params, body, headers) for these arguments."""
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/rest/serverengine/workflow/jobcreation/{config_id}".format(
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
    body: JobCreationRequest,
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
    body: JobCreationRequest,
    options: RequestOptions | None = None,
) -> None:
    """Start a job creation from content sets

     Starts an asynchronous job creation over the content sets named in the body, with the Job Creation
    Preset that `configId` names in the File Store; the optional `parameters` give runtime parameters.
    The answer is 202 with no body: the `operationId` header names the new operation and `Link` points
    at its progress, result and cancel URLs. A missing preset or content set answers 404 on the page;
    the vendor's own client also expects 400 for a missing content set. Submitting is not idempotent: a
    repeated request starts a second operation.

    Args:
        config_id (str): Managed File ID, or name, of the Job Creation Preset in the File Store.
            The page types it "number | string"; in a path both are text.
        body (JobCreationRequest): The content sets to turn into a job set, and optional runtime
            parameters.
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
    body: JobCreationRequest,
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
    body: JobCreationRequest,
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
