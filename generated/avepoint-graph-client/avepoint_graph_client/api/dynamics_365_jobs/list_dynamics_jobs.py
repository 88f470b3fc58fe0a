import datetime
from typing import Any

from ..._runtime.error_text import ErrorPointers, PointerErrorText
from ..._runtime.operation import Operation
from ..._runtime.options import RequestOptions
from ..._runtime.security import OperationSecurity
from ...client import AuthenticatedClient
from ...models.dynamics_job_status import DynamicsJobStatus
from ...models.dynamics_job_type import DynamicsJobType
from ...models.dynamics_jobs_page import DynamicsJobsPage
from ...models.error_response import ErrorResponse
from ...types import UNSET, Response, Unset


def build_request(
    *,
    page_index: int | Unset = 1,
    page_size: int | Unset = 10,
    type_: DynamicsJobType,
    start_time: datetime.date | datetime.datetime | str,
    finish_time: datetime.date | datetime.datetime | str,
    status: DynamicsJobStatus | Unset = UNSET,
    organization_id: str | Unset = UNSET,
) -> dict[str, Any]:
    """The ``httpx`` request arguments (method, url, params, body, headers) for these arguments."""

    params: dict[str, Any] = {}

    params["pageIndex"] = page_index

    params["pageSize"] = page_size

    json_type_ = DynamicsJobType(type_).value
    params["type"] = json_type_

    json_start_time: str
    if isinstance(start_time, datetime.datetime):
        json_start_time = start_time.isoformat()
    elif isinstance(start_time, datetime.date):
        json_start_time = start_time.isoformat()
    else:
        json_start_time = start_time
    params["startTime"] = json_start_time

    json_finish_time: str
    if isinstance(finish_time, datetime.datetime):
        json_finish_time = finish_time.isoformat()
    elif isinstance(finish_time, datetime.date):
        json_finish_time = finish_time.isoformat()
    else:
        json_finish_time = finish_time
    params["finishTime"] = json_finish_time

    json_status: int | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = DynamicsJobStatus(status).value

    params["status"] = json_status

    params["organizationId"] = organization_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/dynamicsbackup/jobs",
        "params": params,
    }

    return _kwargs


#: This operation's parser table and security, plus the request path every operation shares
#: (``_runtime/operation.py``).
OPERATION: Operation[DynamicsJobsPage, Response[DynamicsJobsPage]] = Operation(
    Response,
    success=((200, 200, "json", DynamicsJobsPage.from_dict, ("application/json",)),),
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
        scopes=("Dynamics.ReadWrite.All",),
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
    page_index: int | Unset = 1,
    page_size: int | Unset = 10,
    type_: DynamicsJobType,
    start_time: datetime.date | datetime.datetime | str,
    finish_time: datetime.date | datetime.datetime | str,
    status: DynamicsJobStatus | Unset = UNSET,
    organization_id: str | Unset = UNSET,
    options: RequestOptions | None = None,
) -> Response[DynamicsJobsPage]:
    """Like ``sync``, but returns the whole ``Response``: status, headers and raw response besides the body."""
    return OPERATION.sync_detailed(
        client,
        build_request(
            page_index=page_index,
            page_size=page_size,
            type_=type_,
            start_time=start_time,
            finish_time=finish_time,
            status=status,
            organization_id=organization_id,
        ),
        options,
    )


def sync(
    *,
    client: AuthenticatedClient,
    page_index: int | Unset = 1,
    page_size: int | Unset = 10,
    type_: DynamicsJobType,
    start_time: datetime.date | datetime.datetime | str,
    finish_time: datetime.date | datetime.datetime | str,
    status: DynamicsJobStatus | Unset = UNSET,
    organization_id: str | Unset = UNSET,
    options: RequestOptions | None = None,
) -> DynamicsJobsPage:
    """List Cloud Backup for Dynamics 365 jobs, one page at a time

     Returns one page of Dynamics 365 jobs of the required type and time range. Pages count from 1. When
    more jobs remain, `nextLink` names the next page; the sample gives it relative to the service
    (`/jobs?pageIndex=2&...`, without `/dynamicsbackup`), so clients read the page number out of it
    rather than request it.

    Args:
        page_index (int | Unset): One-based number of the page. A server may refuse a value below
            1 with 400. Default: 1.
        page_size (int | Unset): Jobs per page; a server may refuse a size below 1 with 400.
            Default: 10.
        type_ (DynamicsJobType): The kind of jobs to list; 0 lists every kind.
        start_time (datetime.date | datetime.datetime | str): Start of the time range, ISO 8601 in
            UTC.
        finish_time (datetime.date | datetime.datetime | str): End of the time range, ISO 8601 in
            UTC.
        status (DynamicsJobStatus | Unset): Only jobs in this state.
        organization_id (str | Unset): Only jobs of this Dynamics 365 organization (a GUID).
        options (RequestOptions | None): per-call timeout, extra headers and retry settings.

    Raises:
        errors.ApiStatusError: for any status other than a documented success (subclass per status:
            BadRequestError, AuthenticationError, PermissionDeniedError, NotFoundError, RateLimitError,
            ServerError, UnexpectedStatusError).
        errors.ApiConnectionError: no response arrived (errors.ApiTimeoutError when a timeout ran out).
        errors.ResponseParseError: a success response does not fit the documented shape.

    Returns:
        DynamicsJobsPage
    """

    return OPERATION.sync(
        client,
        build_request(
            page_index=page_index,
            page_size=page_size,
            type_=type_,
            start_time=start_time,
            finish_time=finish_time,
            status=status,
            organization_id=organization_id,
        ),
        options,
    )


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    page_index: int | Unset = 1,
    page_size: int | Unset = 10,
    type_: DynamicsJobType,
    start_time: datetime.date | datetime.datetime | str,
    finish_time: datetime.date | datetime.datetime | str,
    status: DynamicsJobStatus | Unset = UNSET,
    organization_id: str | Unset = UNSET,
    options: RequestOptions | None = None,
) -> Response[DynamicsJobsPage]:
    """The async twin of ``sync_detailed`` (same arguments, errors and result)."""
    return await OPERATION.asyncio_detailed(
        client,
        build_request(
            page_index=page_index,
            page_size=page_size,
            type_=type_,
            start_time=start_time,
            finish_time=finish_time,
            status=status,
            organization_id=organization_id,
        ),
        options,
    )


async def asyncio(
    *,
    client: AuthenticatedClient,
    page_index: int | Unset = 1,
    page_size: int | Unset = 10,
    type_: DynamicsJobType,
    start_time: datetime.date | datetime.datetime | str,
    finish_time: datetime.date | datetime.datetime | str,
    status: DynamicsJobStatus | Unset = UNSET,
    organization_id: str | Unset = UNSET,
    options: RequestOptions | None = None,
) -> DynamicsJobsPage:
    """The async twin of ``sync`` (same arguments, errors and result)."""
    return await OPERATION.asyncio(
        client,
        build_request(
            page_index=page_index,
            page_size=page_size,
            type_=type_,
            start_time=start_time,
            finish_time=finish_time,
            status=status,
            organization_id=organization_id,
        ),
        options,
    )
