import datetime
from typing import Any

from ..._runtime.error_text import ErrorPointers, PointerErrorText
from ..._runtime.operation import Operation
from ..._runtime.options import RequestOptions
from ..._runtime.security import OperationSecurity
from ...client import AuthenticatedClient
from ...models.error_response import ErrorResponse
from ...models.m365_job_state import M365JobState
from ...models.m365_job_type import M365JobType
from ...models.m365_jobs_page import M365JobsPage
from ...models.m365_object_type import M365ObjectType
from ...types import UNSET, Response, Unset


def build_request(
    *,
    start_time: datetime.date | datetime.datetime | str | Unset = UNSET,
    finish_time: datetime.date | datetime.datetime | str | Unset = UNSET,
    job_type: M365JobType | Unset = UNSET,
    object_type: M365ObjectType | Unset = UNSET,
    job_state: M365JobState | Unset = UNSET,
    location: str | Unset = UNSET,
    page_index: int | Unset = 0,
    page_size: int | Unset = 10,
) -> dict[str, Any]:
    """The ``httpx`` request arguments (method, url, params, body, headers) for these arguments."""

    params: dict[str, Any] = {}

    json_start_time: str | Unset
    if isinstance(start_time, Unset):
        json_start_time = UNSET
    elif isinstance(start_time, datetime.datetime):
        json_start_time = start_time.isoformat()
    elif isinstance(start_time, datetime.date):
        json_start_time = start_time.isoformat()
    else:
        json_start_time = start_time
    params["startTime"] = json_start_time

    json_finish_time: str | Unset
    if isinstance(finish_time, Unset):
        json_finish_time = UNSET
    elif isinstance(finish_time, datetime.datetime):
        json_finish_time = finish_time.isoformat()
    elif isinstance(finish_time, datetime.date):
        json_finish_time = finish_time.isoformat()
    else:
        json_finish_time = finish_time
    params["finishTime"] = json_finish_time

    json_job_type: int | Unset = UNSET
    if not isinstance(job_type, Unset):
        json_job_type = M365JobType(job_type).value

    params["jobType"] = json_job_type

    json_object_type: int | Unset = UNSET
    if not isinstance(object_type, Unset):
        json_object_type = M365ObjectType(object_type).value

    params["objectType"] = json_object_type

    json_job_state: int | Unset = UNSET
    if not isinstance(job_state, Unset):
        json_job_state = M365JobState(job_state).value

    params["jobState"] = json_job_state

    params["location"] = location

    params["pageIndex"] = page_index

    params["pageSize"] = page_size

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/backup/m365/cloudbackupjobs",
        "params": params,
    }

    return _kwargs


#: This operation's parser table and security, plus the request path every operation shares
#: (``_runtime/operation.py``).
OPERATION: Operation[M365JobsPage, Response[M365JobsPage]] = Operation(
    Response,
    success=((200, 200, "json", M365JobsPage.from_dict, ("application/json",)),),
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
    *,
    client: AuthenticatedClient,
    start_time: datetime.date | datetime.datetime | str | Unset = UNSET,
    finish_time: datetime.date | datetime.datetime | str | Unset = UNSET,
    job_type: M365JobType | Unset = UNSET,
    object_type: M365ObjectType | Unset = UNSET,
    job_state: M365JobState | Unset = UNSET,
    location: str | Unset = UNSET,
    page_index: int | Unset = 0,
    page_size: int | Unset = 10,
    options: RequestOptions | None = None,
) -> Response[M365JobsPage]:
    """Like ``sync``, but returns the whole ``Response``: status, headers and raw response besides the body."""
    return OPERATION.sync_detailed(
        client,
        build_request(
            start_time=start_time,
            finish_time=finish_time,
            job_type=job_type,
            object_type=object_type,
            job_state=job_state,
            location=location,
            page_index=page_index,
            page_size=page_size,
        ),
        options,
    )


def sync(
    *,
    client: AuthenticatedClient,
    start_time: datetime.date | datetime.datetime | str | Unset = UNSET,
    finish_time: datetime.date | datetime.datetime | str | Unset = UNSET,
    job_type: M365JobType | Unset = UNSET,
    object_type: M365ObjectType | Unset = UNSET,
    job_state: M365JobState | Unset = UNSET,
    location: str | Unset = UNSET,
    page_index: int | Unset = 0,
    page_size: int | Unset = 10,
    options: RequestOptions | None = None,
) -> M365JobsPage:
    """List Cloud Backup for Microsoft 365 jobs, one page at a time

     Returns one page of backup, restore, export, deletion and retention jobs of Cloud Backup for
    Microsoft 365. Every filter is optional; an omitted filter (or the value 0, "All") matches every
    value. The page answers in the service envelope (`statusCode`, `message`, `errors`, `data`,
    `requestId`, `timestamp`, `metadata`, `traceId`); the jobs are in `data` and the next page is named
    by `metadata.nextLink`, which is empty on the last page. The table and the sample disagree on the
    count's name and on the backup detail names, so both spellings are admitted.

    Args:
        start_time (datetime.date | datetime.datetime | str | Unset): Start of the time range, in
            UTC. The page's examples are bare dates (`2024-01-01`); a date-time is taken as well.
            Which job time it bounds is not documented.
        finish_time (datetime.date | datetime.datetime | str | Unset): End of the time range, in
            UTC (a date or a date-time).
        job_type (M365JobType | Unset): Only jobs of this kind; 0 (All) or omitted matches every
            kind.
        object_type (M365ObjectType | Unset): Only jobs of this Microsoft 365 workload; 0 (All) or
            omitted matches every workload.
        job_state (M365JobState | Unset): Only jobs in this state; 0 (All) or omitted matches
            every state.
        location (str | Unset): Multi-Geo tenants only: the geo location whose data to use (`NAM`,
            `EUR`, ... as the Microsoft 365 overview page lists them). The job list reads an omitted
            location as every location; job details and restore read it as the central location. The
            list of values may grow, so any string is taken.
        page_index (int | Unset): Zero-based number of the page. The pages give no range; a server
            may refuse a negative value with 400. Default: 0.
        page_size (int | Unset): Jobs per page. The pages give no range; a server may refuse a
            size below 1 with 400. Default: 10.
        options (RequestOptions | None): per-call timeout, extra headers and retry settings.

    Raises:
        errors.ApiStatusError: for any status other than a documented success (subclass per status:
            BadRequestError, AuthenticationError, PermissionDeniedError, NotFoundError, RateLimitError,
            ServerError, UnexpectedStatusError).
        errors.ApiConnectionError: no response arrived (errors.ApiTimeoutError when a timeout ran out).
        errors.ResponseParseError: a success response does not fit the documented shape.

    Returns:
        M365JobsPage
    """

    return OPERATION.sync(
        client,
        build_request(
            start_time=start_time,
            finish_time=finish_time,
            job_type=job_type,
            object_type=object_type,
            job_state=job_state,
            location=location,
            page_index=page_index,
            page_size=page_size,
        ),
        options,
    )


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    start_time: datetime.date | datetime.datetime | str | Unset = UNSET,
    finish_time: datetime.date | datetime.datetime | str | Unset = UNSET,
    job_type: M365JobType | Unset = UNSET,
    object_type: M365ObjectType | Unset = UNSET,
    job_state: M365JobState | Unset = UNSET,
    location: str | Unset = UNSET,
    page_index: int | Unset = 0,
    page_size: int | Unset = 10,
    options: RequestOptions | None = None,
) -> Response[M365JobsPage]:
    """The async twin of ``sync_detailed`` (same arguments, errors and result)."""
    return await OPERATION.asyncio_detailed(
        client,
        build_request(
            start_time=start_time,
            finish_time=finish_time,
            job_type=job_type,
            object_type=object_type,
            job_state=job_state,
            location=location,
            page_index=page_index,
            page_size=page_size,
        ),
        options,
    )


async def asyncio(
    *,
    client: AuthenticatedClient,
    start_time: datetime.date | datetime.datetime | str | Unset = UNSET,
    finish_time: datetime.date | datetime.datetime | str | Unset = UNSET,
    job_type: M365JobType | Unset = UNSET,
    object_type: M365ObjectType | Unset = UNSET,
    job_state: M365JobState | Unset = UNSET,
    location: str | Unset = UNSET,
    page_index: int | Unset = 0,
    page_size: int | Unset = 10,
    options: RequestOptions | None = None,
) -> M365JobsPage:
    """The async twin of ``sync`` (same arguments, errors and result)."""
    return await OPERATION.asyncio(
        client,
        build_request(
            start_time=start_time,
            finish_time=finish_time,
            job_type=job_type,
            object_type=object_type,
            job_state=job_state,
            location=location,
            page_index=page_index,
            page_size=page_size,
        ),
        options,
    )
