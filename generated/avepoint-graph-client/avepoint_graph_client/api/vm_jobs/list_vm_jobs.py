import datetime
from typing import Any

from ..._runtime.error_text import ErrorPointers, PointerErrorText
from ..._runtime.operation import Operation
from ..._runtime.options import RequestOptions
from ..._runtime.security import OperationSecurity
from ...client import AuthenticatedClient
from ...models.error_response import ErrorResponse
from ...models.vm_job_type import VmJobType
from ...models.vm_jobs_page import VmJobsPage
from ...models.vm_service_type import VmServiceType
from ...types import UNSET, Response, Unset


def build_request(
    *,
    search_text: str | Unset = UNSET,
    start_time: datetime.date | datetime.datetime | str | Unset = UNSET,
    finish_time: datetime.date | datetime.datetime | str | Unset = UNSET,
    service_type: VmServiceType | Unset = UNSET,
    job_type: VmJobType | Unset = UNSET,
    page_number: int | Unset = 0,
    page_size: int | Unset = 10,
    skiptoken: str | Unset = UNSET,
) -> dict[str, Any]:
    """The ``httpx`` request arguments (method, url, params, body, headers) for these arguments."""

    params: dict[str, Any] = {}

    params["searchText"] = search_text

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

    json_service_type: int | Unset = UNSET
    if not isinstance(service_type, Unset):
        json_service_type = VmServiceType(service_type).value

    params["serviceType"] = json_service_type

    json_job_type: int | Unset = UNSET
    if not isinstance(job_type, Unset):
        json_job_type = VmJobType(job_type).value

    params["jobType"] = json_job_type

    params["pageNumber"] = page_number

    params["pageSize"] = page_size

    params["skiptoken"] = skiptoken

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/backup/vm/jobs",
        "params": params,
    }

    return _kwargs


#: This operation's parser table and security, plus the request path every operation shares
#: (``_runtime/operation.py``).
OPERATION: Operation[VmJobsPage, Response[VmJobsPage]] = Operation(
    Response,
    success=((200, 200, "json", VmJobsPage.from_dict, ("application/json",)),),
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
        scopes=("PlatformBackup.ReadWrite.All",),
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
    search_text: str | Unset = UNSET,
    start_time: datetime.date | datetime.datetime | str | Unset = UNSET,
    finish_time: datetime.date | datetime.datetime | str | Unset = UNSET,
    service_type: VmServiceType | Unset = UNSET,
    job_type: VmJobType | Unset = UNSET,
    page_number: int | Unset = 0,
    page_size: int | Unset = 10,
    skiptoken: str | Unset = UNSET,
    options: RequestOptions | None = None,
) -> Response[VmJobsPage]:
    """Like ``sync``, but returns the whole ``Response``: status, headers and raw response besides the body."""
    return OPERATION.sync_detailed(
        client,
        build_request(
            search_text=search_text,
            start_time=start_time,
            finish_time=finish_time,
            service_type=service_type,
            job_type=job_type,
            page_number=page_number,
            page_size=page_size,
            skiptoken=skiptoken,
        ),
        options,
    )


def sync(
    *,
    client: AuthenticatedClient,
    search_text: str | Unset = UNSET,
    start_time: datetime.date | datetime.datetime | str | Unset = UNSET,
    finish_time: datetime.date | datetime.datetime | str | Unset = UNSET,
    service_type: VmServiceType | Unset = UNSET,
    job_type: VmJobType | Unset = UNSET,
    page_number: int | Unset = 0,
    page_size: int | Unset = 10,
    skiptoken: str | Unset = UNSET,
    options: RequestOptions | None = None,
) -> VmJobsPage:
    """List Cloud Backup for IaaS + PaaS jobs, one page at a time

     Returns one page of IaaS and PaaS jobs with the total count. When more jobs remain, the answer
    carries a token that the next request sends back as `skiptoken` (which then overrides `pageNumber`).
    The table spells the member `nextlink`, the sample `nextLink`; either is admitted.

    Args:
        search_text (str | Unset): Only jobs whose ID or description contains this text.
        start_time (datetime.date | datetime.datetime | str | Unset): Start of the time range, ISO
            8601 in UTC.
        finish_time (datetime.date | datetime.datetime | str | Unset): End of the time range, ISO
            8601 in UTC.
        service_type (VmServiceType | Unset): Only jobs of this cloud service.
        job_type (VmJobType | Unset): Only jobs of this kind.
        page_number (int | Unset): Zero-based number of the page; ignored when `skiptoken` is
            sent. A server may refuse a negative value with 400. Default: 0.
        page_size (int | Unset): Jobs per page; a server may refuse a size below 1 with 400.
            Default: 10.
        skiptoken (str | Unset): The token of the previous page's next-page member; when set,
            `pageNumber` is ignored.
        options (RequestOptions | None): per-call timeout, extra headers and retry settings.

    Raises:
        errors.ApiStatusError: for any status other than a documented success (subclass per status:
            BadRequestError, AuthenticationError, PermissionDeniedError, NotFoundError, RateLimitError,
            ServerError, UnexpectedStatusError).
        errors.ApiConnectionError: no response arrived (errors.ApiTimeoutError when a timeout ran out).
        errors.ResponseParseError: a success response does not fit the documented shape.

    Returns:
        VmJobsPage
    """

    return OPERATION.sync(
        client,
        build_request(
            search_text=search_text,
            start_time=start_time,
            finish_time=finish_time,
            service_type=service_type,
            job_type=job_type,
            page_number=page_number,
            page_size=page_size,
            skiptoken=skiptoken,
        ),
        options,
    )


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    search_text: str | Unset = UNSET,
    start_time: datetime.date | datetime.datetime | str | Unset = UNSET,
    finish_time: datetime.date | datetime.datetime | str | Unset = UNSET,
    service_type: VmServiceType | Unset = UNSET,
    job_type: VmJobType | Unset = UNSET,
    page_number: int | Unset = 0,
    page_size: int | Unset = 10,
    skiptoken: str | Unset = UNSET,
    options: RequestOptions | None = None,
) -> Response[VmJobsPage]:
    """The async twin of ``sync_detailed`` (same arguments, errors and result)."""
    return await OPERATION.asyncio_detailed(
        client,
        build_request(
            search_text=search_text,
            start_time=start_time,
            finish_time=finish_time,
            service_type=service_type,
            job_type=job_type,
            page_number=page_number,
            page_size=page_size,
            skiptoken=skiptoken,
        ),
        options,
    )


async def asyncio(
    *,
    client: AuthenticatedClient,
    search_text: str | Unset = UNSET,
    start_time: datetime.date | datetime.datetime | str | Unset = UNSET,
    finish_time: datetime.date | datetime.datetime | str | Unset = UNSET,
    service_type: VmServiceType | Unset = UNSET,
    job_type: VmJobType | Unset = UNSET,
    page_number: int | Unset = 0,
    page_size: int | Unset = 10,
    skiptoken: str | Unset = UNSET,
    options: RequestOptions | None = None,
) -> VmJobsPage:
    """The async twin of ``sync`` (same arguments, errors and result)."""
    return await OPERATION.asyncio(
        client,
        build_request(
            search_text=search_text,
            start_time=start_time,
            finish_time=finish_time,
            service_type=service_type,
            job_type=job_type,
            page_number=page_number,
            page_size=page_size,
            skiptoken=skiptoken,
        ),
        options,
    )
