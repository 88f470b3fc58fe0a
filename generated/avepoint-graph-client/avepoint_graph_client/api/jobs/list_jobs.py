import datetime
from typing import Any

from ..._runtime.error_text import ErrorPointers, PointerErrorText
from ..._runtime.operation import Operation
from ..._runtime.options import RequestOptions
from ..._runtime.security import OperationSecurity
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


#: This operation's parser table and security, plus the request path every operation shares
#: (``_runtime/operation.py``).
OPERATION: Operation[JobsPage, Response[JobsPage]] = Operation(
    Response,
    success=((200, 200, "json", JobsPage.from_dict, ("application/json",)),),
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
        scopes=("gsuite.graph.read.all",),
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

     Returns one page of jobs, filtered by the optional query parameters. Every parameter is optional; an
    omitted filter matches every value, except `dataSource`, which defaults to 1 (Admin) so ReCenter
    jobs need `dataSource=2`. Times are ISO 8601 date-times in UTC; an offset is optional. The pages
    call `startTime` and `finishTime` the two ends of a time range of jobs without saying which time of
    a job must fall inside it or whether the ends count: a server may bound the start time (our mock,
    ends included), the finish time, every job that ran during the window, or the start time with the
    ends left out. What a window whose start is after its end returns is not documented either: 400 or
    an empty page (variant `ave.inverted-window`). The pages give no order. The vendor sample and our
    mock list the newest start time first; a server whose order differs for another page size conforms,
    and so does one whose pages before the last are not full. Servers match parameter names case-
    insensitively; some also take `status` as an alias of `jobStatus`. Clients should send the names
    exactly as listed here. When more jobs remain, the page carries `nextLink`: a URL that returns the
    next page with the same filters when requested unchanged, or (as in the vendor sample) an opaque
    token. The last page has no `nextLink`, or a null or empty one.

    Args:
        data_source (DataSource | Unset): Which portal's jobs to list. Defaults to 1 (Admin);
            there is no value for both.
        app_type (AppType | Unset): Only jobs of this Google service. Omitted: every service. The
            page calls the values service types and gives them as powers of two; whether a server also
            takes a sum of several as a bit-mask (jobs of any of those services) or answers 400 is not
            documented, so neither is promised. Our clients send one value.
        page_index (int | Unset): Zero-based number of the page to return. The pages give no
            range: a server may answer a negative or a very large value with 400. Default: 0.
        page_size (int | Unset): Jobs per page. The pages give no range and no integer width: a
            server may answer a size below 1 or a very large one with 400. Default: 100.
        job_type (JobType | Unset): Only jobs of this kind. Omitted means every kind.
        start_time (datetime.datetime | str | Unset): One end of the time range of jobs to list: a
            UTC time in ISO 8601 format, with or without an offset. Which time of a job it bounds, and
            whether inclusively, is not documented. What a window whose start is after `finishTime`
            returns is not documented either (400 or an empty page, variant `ave.inverted-window`).
        finish_time (datetime.datetime | str | Unset): The other end of the time range of jobs to
            list: a UTC time in ISO 8601 format, with or without an offset. Which time of a job it
            bounds, and whether inclusively, is not documented.
        job_status (JobStatus | Unset): Only jobs in this state. Omitted means every state. The
            vendor's request sample sends it as `status`, so servers may accept that name too; what
            they do when both names disagree is not documented.
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
