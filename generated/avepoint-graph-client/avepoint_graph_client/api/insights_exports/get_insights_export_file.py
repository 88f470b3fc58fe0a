from typing import Any
from urllib.parse import quote

from ..._runtime.error_text import ErrorPointers, PointerErrorText
from ..._runtime.operation import Operation, unchanged
from ..._runtime.options import RequestOptions
from ..._runtime.security import OperationSecurity
from ...client import AuthenticatedClient
from ...models.error_response import ErrorResponse
from ...types import Response


def build_request(
    job_id: int,
) -> dict[str, Any]:
    """The ``httpx`` request arguments (method, url, params, body, headers) for these arguments."""

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/insights/job/{job_id}/exportfile".format(
            job_id=quote(str(job_id), safe=""),
        ),
    }

    return _kwargs


#: This operation's parser table and security, plus the request path every operation shares
#: (``_runtime/operation.py``).
OPERATION: Operation[str, Response[str]] = Operation(
    Response,
    success=(
        (
            200,
            200,
            "content",
            unchanged,
            (
                "application/zip",
                "*/*",
            ),
        ),
    ),
    failure=(
        (
            400,
            400,
            "json",
            ErrorResponse.from_dict,
            (
                "application/json",
                "*/*",
            ),
        ),
        (
            401,
            401,
            "json",
            ErrorResponse.from_dict,
            (
                "application/json",
                "*/*",
            ),
        ),
        (
            403,
            403,
            "json",
            ErrorResponse.from_dict,
            (
                "application/json",
                "*/*",
            ),
        ),
        (
            404,
            404,
            "json",
            ErrorResponse.from_dict,
            (
                "application/json",
                "*/*",
            ),
        ),
        (
            500,
            500,
            "json",
            ErrorResponse.from_dict,
            (
                "application/json",
                "*/*",
            ),
        ),
    ),
    security=OperationSecurity(
        schemes=("oauth2",),
        issues=None,
        scopes=("insights.graph.readwrite.all",),
    ),
    error_text=PointerErrorText(
        (
            ErrorPointers(
                message="/message",
            ),
            ErrorPointers(
                detail="/error_description",
                message="/error",
            ),
        )
    ),
)


def sync_detailed(
    job_id: int,
    *,
    client: AuthenticatedClient,
    options: RequestOptions | None = None,
) -> Response[str]:
    """Like ``sync``, but returns the whole ``Response``: status, headers and raw response besides the body."""
    return OPERATION.sync_detailed(
        client,
        build_request(
            job_id=job_id,
        ),
        options,
    )


def sync(
    job_id: int,
    *,
    client: AuthenticatedClient,
    options: RequestOptions | None = None,
) -> str:
    """Download the report of a finished Insights export job

     Returns the export's report: a ZIP archive that holds an XLSX workbook. The page names no content
    type, so any is admitted. What a job that has not finished, or an unknown job, answers is not
    documented (variant `ave.insights-unknown-job`).

    Args:
        job_id (int): ID of the export job, as the export call answered it. The page types it
            integer although the export calls answer it as a string of digits; a server may refuse an
            ID that names no job with 400 (variant `ave.insights-unknown-job`).
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
            job_id=job_id,
        ),
        options,
    )


async def asyncio_detailed(
    job_id: int,
    *,
    client: AuthenticatedClient,
    options: RequestOptions | None = None,
) -> Response[str]:
    """The async twin of ``sync_detailed`` (same arguments, errors and result)."""
    return await OPERATION.asyncio_detailed(
        client,
        build_request(
            job_id=job_id,
        ),
        options,
    )


async def asyncio(
    job_id: int,
    *,
    client: AuthenticatedClient,
    options: RequestOptions | None = None,
) -> str:
    """The async twin of ``sync`` (same arguments, errors and result)."""
    return await OPERATION.asyncio(
        client,
        build_request(
            job_id=job_id,
        ),
        options,
    )
