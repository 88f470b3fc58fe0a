import datetime
from typing import Any

from ..._runtime.error_text import ErrorPointers, PointerErrorText
from ..._runtime.operation import Operation
from ..._runtime.options import RequestOptions
from ..._runtime.security import OperationSecurity
from ...client import AuthenticatedClient
from ...models.error_response import ErrorResponse
from ...models.salesforce_job_level import SalesforceJobLevel
from ...models.salesforce_job_status import SalesforceJobStatus
from ...models.salesforce_job_type import SalesforceJobType
from ...models.salesforce_jobs_envelope import SalesforceJobsEnvelope
from ...types import UNSET, Response, Unset


def build_request(
    *,
    start_time: datetime.date | datetime.datetime | str,
    finish_time: datetime.date | datetime.datetime | str,
    type_: SalesforceJobType | Unset = UNSET,
    status: SalesforceJobStatus | Unset = UNSET,
    level: SalesforceJobLevel | Unset = UNSET,
    organization_id: str | Unset = UNSET,
    page_index: int | Unset = 0,
    page_size: int | Unset = 10,
) -> dict[str, Any]:
    """The ``httpx`` request arguments (method, url, params, body, headers) for these arguments."""

    params: dict[str, Any] = {}

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

    json_type_: int | Unset = UNSET
    if not isinstance(type_, Unset):
        json_type_ = SalesforceJobType(type_).value

    params["type"] = json_type_

    json_status: int | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = SalesforceJobStatus(status).value

    params["status"] = json_status

    json_level: int | Unset = UNSET
    if not isinstance(level, Unset):
        json_level = SalesforceJobLevel(level).value

    params["level"] = json_level

    params["organizationId"] = organization_id

    params["pageIndex"] = page_index

    params["pageSize"] = page_size

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/backup/sfbapi/jobs",
        "params": params,
    }

    return _kwargs


#: This operation's parser table and security, plus the request path every operation shares
#: (``_runtime/operation.py``).
OPERATION: Operation[SalesforceJobsEnvelope, Response[SalesforceJobsEnvelope]] = Operation(
    Response,
    success=((200, 200, "json", SalesforceJobsEnvelope.from_dict, ("application/json",)),),
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
        scopes=("salesforce.public.read.all",),
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
    start_time: datetime.date | datetime.datetime | str,
    finish_time: datetime.date | datetime.datetime | str,
    type_: SalesforceJobType | Unset = UNSET,
    status: SalesforceJobStatus | Unset = UNSET,
    level: SalesforceJobLevel | Unset = UNSET,
    organization_id: str | Unset = UNSET,
    page_index: int | Unset = 0,
    page_size: int | Unset = 10,
    options: RequestOptions | None = None,
) -> Response[SalesforceJobsEnvelope]:
    """Like ``sync``, but returns the whole ``Response``: status, headers and raw response besides the body."""
    return OPERATION.sync_detailed(
        client,
        build_request(
            start_time=start_time,
            finish_time=finish_time,
            type_=type_,
            status=status,
            level=level,
            organization_id=organization_id,
            page_index=page_index,
            page_size=page_size,
        ),
        options,
    )


def sync(
    *,
    client: AuthenticatedClient,
    start_time: datetime.date | datetime.datetime | str,
    finish_time: datetime.date | datetime.datetime | str,
    type_: SalesforceJobType | Unset = UNSET,
    status: SalesforceJobStatus | Unset = UNSET,
    level: SalesforceJobLevel | Unset = UNSET,
    organization_id: str | Unset = UNSET,
    page_index: int | Unset = 0,
    page_size: int | Unset = 10,
    options: RequestOptions | None = None,
) -> SalesforceJobsEnvelope:
    """List Cloud Backup for Salesforce jobs, one page at a time

     Returns one page of Salesforce jobs that fall in the required time range, filtered by the optional
    type, status, level and organization. The jobs and the next-page link are inside `data`; the link is
    empty on the last page. The table names the job's status `status`, the sample `state`; either is
    admitted.

    Args:
        start_time (datetime.date | datetime.datetime | str): Start of the time range, in UTC (ISO
            8601; the page's examples are bare dates).
        finish_time (datetime.date | datetime.datetime | str): End of the time range, in UTC (ISO
            8601; the page's examples are bare dates).
        type_ (SalesforceJobType | Unset): Only jobs of this kind; 0 (All) or omitted matches
            every kind.
        status (SalesforceJobStatus | Unset): Only jobs in this state; 0 (All) or omitted matches
            every state.
        level (SalesforceJobLevel | Unset): Only jobs at this level; 0 (All) or omitted matches
            every level.
        organization_id (str | Unset): Only jobs of this source organization.
        page_index (int | Unset): Zero-based number of the page. A server may refuse a negative
            value with 400. Default: 0.
        page_size (int | Unset): Jobs per page; a server may refuse a size below 1 with 400.
            Default: 10.
        options (RequestOptions | None): per-call timeout, extra headers and retry settings.

    Raises:
        errors.ApiStatusError: for any status other than a documented success (subclass per status:
            BadRequestError, AuthenticationError, PermissionDeniedError, NotFoundError, RateLimitError,
            ServerError, UnexpectedStatusError).
        errors.ApiConnectionError: no response arrived (errors.ApiTimeoutError when a timeout ran out).
        errors.ResponseParseError: a success response does not fit the documented shape.

    Returns:
        SalesforceJobsEnvelope
    """

    return OPERATION.sync(
        client,
        build_request(
            start_time=start_time,
            finish_time=finish_time,
            type_=type_,
            status=status,
            level=level,
            organization_id=organization_id,
            page_index=page_index,
            page_size=page_size,
        ),
        options,
    )


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    start_time: datetime.date | datetime.datetime | str,
    finish_time: datetime.date | datetime.datetime | str,
    type_: SalesforceJobType | Unset = UNSET,
    status: SalesforceJobStatus | Unset = UNSET,
    level: SalesforceJobLevel | Unset = UNSET,
    organization_id: str | Unset = UNSET,
    page_index: int | Unset = 0,
    page_size: int | Unset = 10,
    options: RequestOptions | None = None,
) -> Response[SalesforceJobsEnvelope]:
    """The async twin of ``sync_detailed`` (same arguments, errors and result)."""
    return await OPERATION.asyncio_detailed(
        client,
        build_request(
            start_time=start_time,
            finish_time=finish_time,
            type_=type_,
            status=status,
            level=level,
            organization_id=organization_id,
            page_index=page_index,
            page_size=page_size,
        ),
        options,
    )


async def asyncio(
    *,
    client: AuthenticatedClient,
    start_time: datetime.date | datetime.datetime | str,
    finish_time: datetime.date | datetime.datetime | str,
    type_: SalesforceJobType | Unset = UNSET,
    status: SalesforceJobStatus | Unset = UNSET,
    level: SalesforceJobLevel | Unset = UNSET,
    organization_id: str | Unset = UNSET,
    page_index: int | Unset = 0,
    page_size: int | Unset = 10,
    options: RequestOptions | None = None,
) -> SalesforceJobsEnvelope:
    """The async twin of ``sync`` (same arguments, errors and result)."""
    return await OPERATION.asyncio(
        client,
        build_request(
            start_time=start_time,
            finish_time=finish_time,
            type_=type_,
            status=status,
            level=level,
            organization_id=organization_id,
            page_index=page_index,
            page_size=page_size,
        ),
        options,
    )
