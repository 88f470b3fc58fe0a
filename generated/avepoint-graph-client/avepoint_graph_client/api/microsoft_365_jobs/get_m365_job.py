from typing import Any
from urllib.parse import quote

from ..._runtime.error_text import ErrorPointers, PointerErrorText
from ..._runtime.operation import Operation
from ..._runtime.options import RequestOptions
from ..._runtime.security import OperationSecurity
from ...client import AuthenticatedClient
from ...models.error_response import ErrorResponse
from ...models.m365_job_envelope import M365JobEnvelope
from ...types import UNSET, Response, Unset


def build_request(
    job_id: str,
    *,
    location: str | Unset = UNSET,
) -> dict[str, Any]:
    """The ``httpx`` request arguments (method, url, params, body, headers) for these arguments."""

    params: dict[str, Any] = {}

    params["location"] = location

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/backup/m365/cloudbackupjobs/{job_id}".format(
            job_id=quote(str(job_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


#: This operation's parser table and security, plus the request path every operation shares
#: (``_runtime/operation.py``).
OPERATION: Operation[M365JobEnvelope, Response[M365JobEnvelope]] = Operation(
    Response,
    success=((200, 200, "json", M365JobEnvelope.from_dict, ("application/json",)),),
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
        scopes=("microsoft365backup.jobInfo.read.all",),
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
    job_id: str,
    *,
    client: AuthenticatedClient,
    location: str | Unset = UNSET,
    options: RequestOptions | None = None,
) -> Response[M365JobEnvelope]:
    """Like ``sync``, but returns the whole ``Response``: status, headers and raw response besides the body."""
    return OPERATION.sync_detailed(
        client,
        build_request(
            job_id=job_id,
            location=location,
        ),
        options,
    )


def sync(
    job_id: str,
    *,
    client: AuthenticatedClient,
    location: str | Unset = UNSET,
    options: RequestOptions | None = None,
) -> M365JobEnvelope:
    """Get one Cloud Backup for Microsoft 365 job

     Returns the job with the given ID in the service envelope, without `metadata`. An omitted `location`
    means the central location here (in the job list it means every location). What an unknown job ID
    answers is not documented: 404, or 200 without a job.

    Args:
        job_id (str): ID of the job, as the job list gives it.
        location (str | Unset): Multi-Geo tenants only: the geo location whose data to use (`NAM`,
            `EUR`, ... as the Microsoft 365 overview page lists them). The job list reads an omitted
            location as every location; job details and restore read it as the central location. The
            list of values may grow, so any string is taken.
        options (RequestOptions | None): per-call timeout, extra headers and retry settings.

    Raises:
        errors.ApiStatusError: for any status other than a documented success (subclass per status:
            BadRequestError, AuthenticationError, PermissionDeniedError, NotFoundError, RateLimitError,
            ServerError, UnexpectedStatusError).
        errors.ApiConnectionError: no response arrived (errors.ApiTimeoutError when a timeout ran out).
        errors.ResponseParseError: a success response does not fit the documented shape.

    Returns:
        M365JobEnvelope
    """

    return OPERATION.sync(
        client,
        build_request(
            job_id=job_id,
            location=location,
        ),
        options,
    )


async def asyncio_detailed(
    job_id: str,
    *,
    client: AuthenticatedClient,
    location: str | Unset = UNSET,
    options: RequestOptions | None = None,
) -> Response[M365JobEnvelope]:
    """The async twin of ``sync_detailed`` (same arguments, errors and result)."""
    return await OPERATION.asyncio_detailed(
        client,
        build_request(
            job_id=job_id,
            location=location,
        ),
        options,
    )


async def asyncio(
    job_id: str,
    *,
    client: AuthenticatedClient,
    location: str | Unset = UNSET,
    options: RequestOptions | None = None,
) -> M365JobEnvelope:
    """The async twin of ``sync`` (same arguments, errors and result)."""
    return await OPERATION.asyncio(
        client,
        build_request(
            job_id=job_id,
            location=location,
        ),
        options,
    )
