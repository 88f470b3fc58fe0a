import datetime
from typing import Any

from ..._runtime.operation import Operation
from ..._runtime.options import RequestOptions
from ...client import AuthenticatedClient
from ...models.app_type import AppType
from ...models.data_source import DataSource
from ...models.error_response import ErrorResponse
from ...models.job_status import JobStatus
from ...models.job_type import JobType
from ...models.jobs_page import JobsPage
from ...types import UNSET, Response, Unset


def build_request(
    *,
    data_source: DataSource | Unset = UNSET,
    app_type: AppType | Unset = UNSET,
    page_index: int | Unset = 0,
    page_size: int | Unset = 100,
    job_type: JobType | Unset = UNSET,
    start_time: datetime.datetime | str | Unset = UNSET,
    finish_time: datetime.datetime | str | Unset = UNSET,
    job_status: JobStatus | Unset = UNSET,
) -> dict[str, Any]:
    """The ``httpx`` request arguments (method, url, params, body, headers) for these arguments."""

    params: dict[str, Any] = {}

    json_data_source: int | Unset = UNSET
    if not isinstance(data_source, Unset):
        json_data_source = DataSource(data_source).value

    params["dataSource"] = json_data_source

    json_app_type: int | Unset = UNSET
    if not isinstance(app_type, Unset):
        json_app_type = AppType(app_type).value

    params["appType"] = json_app_type

    params["pageIndex"] = page_index

    params["pageSize"] = page_size

    json_job_type: int | Unset = UNSET
    if not isinstance(job_type, Unset):
        json_job_type = JobType(job_type).value

    params["jobType"] = json_job_type

    json_start_time: str | Unset
    if isinstance(start_time, Unset):
        json_start_time = UNSET
    elif isinstance(start_time, datetime.datetime):
        json_start_time = start_time.isoformat()
    else:
        json_start_time = start_time
    params["startTime"] = json_start_time

    json_finish_time: str | Unset
    if isinstance(finish_time, Unset):
        json_finish_time = UNSET
    elif isinstance(finish_time, datetime.datetime):
        json_finish_time = finish_time.isoformat()
    else:
        json_finish_time = finish_time
    params["finishTime"] = json_finish_time

    json_job_status: int | Unset = UNSET
    if not isinstance(job_status, Unset):
        json_job_status = JobStatus(job_status).value

    params["jobStatus"] = json_job_status

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/backup/google/admin/jobs",
        "params": params,
    }

    return _kwargs


#: This operation's parser table, plus the request path every operation shares (``_runtime/operation.py``).
OPERATION: Operation[JobsPage, Response[JobsPage]] = Operation(
    Response,
    success=((200, 200, "json", JobsPage.from_dict, ("application/json",)),),
    failure=(
        (400, 400, "json", ErrorResponse.from_dict, ("application/json",)),
        (401, 401, "json", ErrorResponse.from_dict, ("application/json",)),
        (403, 403, "json", ErrorResponse.from_dict, ("application/json",)),
        (500, 500, "json", ErrorResponse.from_dict, ("application/json",)),
    ),
)


def sync_detailed(
    *,
    client: AuthenticatedClient,
    data_source: DataSource | Unset = UNSET,
    app_type: AppType | Unset = UNSET,
    page_index: int | Unset = 0,
    page_size: int | Unset = 100,
    job_type: JobType | Unset = UNSET,
    start_time: datetime.datetime | str | Unset = UNSET,
    finish_time: datetime.datetime | str | Unset = UNSET,
    job_status: JobStatus | Unset = UNSET,
    options: RequestOptions | None = None,
) -> Response[JobsPage]:
    """Like ``sync``, but returns the whole ``Response``: status, headers and raw response besides the body."""
    return OPERATION.sync_detailed(
        client,
        build_request(
            data_source=data_source,
            app_type=app_type,
            page_index=page_index,
            page_size=page_size,
            job_type=job_type,
            start_time=start_time,
            finish_time=finish_time,
            job_status=job_status,
        ),
        options,
    )


def sync(
    *,
    client: AuthenticatedClient,
    data_source: DataSource | Unset = UNSET,
    app_type: AppType | Unset = UNSET,
    page_index: int | Unset = 0,
    page_size: int | Unset = 100,
    job_type: JobType | Unset = UNSET,
    start_time: datetime.datetime | str | Unset = UNSET,
    finish_time: datetime.datetime | str | Unset = UNSET,
    job_status: JobStatus | Unset = UNSET,
    options: RequestOptions | None = None,
) -> JobsPage:
    """List Cloud Backup for Google Workspace jobs, one page at a time

     Returns one page of jobs, newest start time first, filtered by the optional query parameters. Every
    parameter is optional; an omitted filter matches every value, except `dataSource`, which defaults to
    1
    (Admin) so ReCenter jobs need `dataSource=2` (AVE-08). Times are ISO 8601 date-times in UTC; an
    offset
    is optional. The window `startTime`..`finishTime` bounds each job's start time, both ends included
    (AVE-07); the pages do not say what a window whose start is after its end returns, so a server may
    answer 400 or an empty page.

    Servers match parameter names case-insensitively (AVE-02); some also take `status` as an alias of
    `jobStatus` (AVE-01). Clients should send the names exactly as listed here.

    When more jobs remain, the page carries `nextLink`: a URL that returns the next page with the same
    filters when requested unchanged, or (as in the vendor sample) an opaque token (AVE-03). The last
    page
    has no `nextLink`, or a null or empty one (AVE-04).

    Args:
        data_source (DataSource | Unset): Portal a job was started from. 1 = Admin (the Cloud
            Backup admin portal), 2 = ReCenter.
        app_type (AppType | Unset): Google service a job covers. The values are powers of two but
            each job and each filter carries exactly one
            (AVE-08). 256, 512, 8192, 16384 and 32768 were added to the vendor page on 2025-08-09
            (Google Directory
            and Google Vault). Servers may add values later; clients keep unknown values (AVE-08).
        page_index (int | Unset):  Default: 0.
        page_size (int | Unset):  Default: 100.
        job_type (JobType | Unset): Kind of work a job does.
        start_time (datetime.datetime | str | Unset): A date-time in ISO 8601 format, UTC unless
            an offset says otherwise (the pages ask for no more). Either an
            RFC 3339 date-time with an offset (what the vendor sample shows and our mock sends) or the
            same without
            the offset (AVE-07). The second form's pattern admits real calendar dates only (leap years
            included),
            and not year 0000: ISO 8601 allows it only by mutual agreement, and .NET and Java dates
            cannot hold it.
        finish_time (datetime.datetime | str | Unset): A date-time in ISO 8601 format, UTC unless
            an offset says otherwise (the pages ask for no more). Either an
            RFC 3339 date-time with an offset (what the vendor sample shows and our mock sends) or the
            same without
            the offset (AVE-07). The second form's pattern admits real calendar dates only (leap years
            included),
            and not year 0000: ISO 8601 allows it only by mutual agreement, and .NET and Java dates
            cannot hold it.
        job_status (JobStatus | Unset): State of a job. The documented codes skip 1, 4, 5 and 6,
            which are evidently reserved; servers may send
            them one day and clients keep unknown values (AVE-08).
        options (RequestOptions | None): per-call timeout, extra headers and retry settings.

    Raises:
        errors.ApiStatusError: for any status other than a documented success (subclass per status:
            BadRequestError, AuthenticationError, PermissionDeniedError, NotFoundError, RateLimitError,
            ServerError, UnexpectedStatusError).
        errors.ApiConnectionError: no response arrived (errors.ApiTimeoutError when a timeout ran out).
        errors.ResponseParseError: a success response does not fit the documented shape.

    Returns:
        JobsPage
    """

    return OPERATION.sync(
        client,
        build_request(
            data_source=data_source,
            app_type=app_type,
            page_index=page_index,
            page_size=page_size,
            job_type=job_type,
            start_time=start_time,
            finish_time=finish_time,
            job_status=job_status,
        ),
        options,
    )


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    data_source: DataSource | Unset = UNSET,
    app_type: AppType | Unset = UNSET,
    page_index: int | Unset = 0,
    page_size: int | Unset = 100,
    job_type: JobType | Unset = UNSET,
    start_time: datetime.datetime | str | Unset = UNSET,
    finish_time: datetime.datetime | str | Unset = UNSET,
    job_status: JobStatus | Unset = UNSET,
    options: RequestOptions | None = None,
) -> Response[JobsPage]:
    """The async twin of ``sync_detailed`` (same arguments, errors and result)."""
    return await OPERATION.asyncio_detailed(
        client,
        build_request(
            data_source=data_source,
            app_type=app_type,
            page_index=page_index,
            page_size=page_size,
            job_type=job_type,
            start_time=start_time,
            finish_time=finish_time,
            job_status=job_status,
        ),
        options,
    )


async def asyncio(
    *,
    client: AuthenticatedClient,
    data_source: DataSource | Unset = UNSET,
    app_type: AppType | Unset = UNSET,
    page_index: int | Unset = 0,
    page_size: int | Unset = 100,
    job_type: JobType | Unset = UNSET,
    start_time: datetime.datetime | str | Unset = UNSET,
    finish_time: datetime.datetime | str | Unset = UNSET,
    job_status: JobStatus | Unset = UNSET,
    options: RequestOptions | None = None,
) -> JobsPage:
    """The async twin of ``sync`` (same arguments, errors and result)."""
    return await OPERATION.asyncio(
        client,
        build_request(
            data_source=data_source,
            app_type=app_type,
            page_index=page_index,
            page_size=page_size,
            job_type=job_type,
            start_time=start_time,
            finish_time=finish_time,
            job_status=job_status,
        ),
        options,
    )
