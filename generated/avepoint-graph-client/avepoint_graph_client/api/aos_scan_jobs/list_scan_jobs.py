from typing import Any

from ..._runtime.error_text import ErrorPointers, PointerErrorText
from ..._runtime.operation import Operation
from ..._runtime.options import RequestOptions
from ..._runtime.security import OperationSecurity
from ...client import AuthenticatedClient
from ...models.error_response import ErrorResponse
from ...models.scan_jobs_page import ScanJobsPage
from ...models.scan_sort_order import ScanSortOrder
from ...types import UNSET, Response, Unset


def build_request(
    *,
    top: int | Unset = 100,
    skip: int | Unset = 0,
    orderby: str | Unset = UNSET,
    sortorder: ScanSortOrder | Unset = UNSET,
    search: str | Unset = UNSET,
) -> dict[str, Any]:
    """The ``httpx`` request arguments (method, url, params, body, headers) for these arguments."""

    params: dict[str, Any] = {}

    params["top"] = top

    params["skip"] = skip

    params["orderby"] = orderby

    json_sortorder: int | Unset = UNSET
    if not isinstance(sortorder, Unset):
        json_sortorder = ScanSortOrder(sortorder).value

    params["sortorder"] = json_sortorder

    params["search"] = search

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/aos/jobs",
        "params": params,
    }

    return _kwargs


#: This operation's parser table and security, plus the request path every operation shares
#: (``_runtime/operation.py``).
OPERATION: Operation[ScanJobsPage, Response[ScanJobsPage]] = Operation(
    Response,
    success=((200, 200, "json", ScanJobsPage.from_dict, ("application/json",)),),
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
        scopes=("autodiscovery.readwrite.all",),
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
    top: int | Unset = 100,
    skip: int | Unset = 0,
    orderby: str | Unset = UNSET,
    sortorder: ScanSortOrder | Unset = UNSET,
    search: str | Unset = UNSET,
    options: RequestOptions | None = None,
) -> Response[ScanJobsPage]:
    """Like ``sync``, but returns the whole ``Response``: status, headers and raw response besides the body."""
    return OPERATION.sync_detailed(
        client,
        build_request(
            top=top,
            skip=skip,
            orderby=orderby,
            sortorder=sortorder,
            search=search,
        ),
        options,
    )


def sync(
    *,
    client: AuthenticatedClient,
    top: int | Unset = 100,
    skip: int | Unset = 0,
    orderby: str | Unset = UNSET,
    sortorder: ScanSortOrder | Unset = UNSET,
    search: str | Unset = UNSET,
    options: RequestOptions | None = None,
) -> ScanJobsPage:
    """List AvePoint Online Services scan jobs, with top and skip

     Returns up to `top` scan jobs after skipping `skip` of them, newest start first unless `sortorder`
    says otherwise, with the total count. When more jobs remain, `nextLink` is a URL that repeats the
    query with a larger `skip`; the sample advances `skip` by one where `top` is two, so a server may
    count `skip` in jobs or in pages.

    Args:
        top (int | Unset): How many jobs to return, 1 to 1000. Default: 100.
        skip (int | Unset): How many jobs to skip. A server may refuse a negative value with 400.
            Default: 0.
        orderby (str | Unset): The member to order by; by default the jobs' start time (the sample
            sends `StartTime`).
        sortorder (ScanSortOrder | Unset): 0 lists the oldest first, 1 the newest first.
        search (str | Unset): Only jobs whose ID contains this text.
        options (RequestOptions | None): per-call timeout, extra headers and retry settings.

    Raises:
        errors.ApiStatusError: for any status other than a documented success (subclass per status:
            BadRequestError, AuthenticationError, PermissionDeniedError, NotFoundError, RateLimitError,
            ServerError, UnexpectedStatusError).
        errors.ApiConnectionError: no response arrived (errors.ApiTimeoutError when a timeout ran out).
        errors.ResponseParseError: a success response does not fit the documented shape.

    Returns:
        ScanJobsPage
    """

    return OPERATION.sync(
        client,
        build_request(
            top=top,
            skip=skip,
            orderby=orderby,
            sortorder=sortorder,
            search=search,
        ),
        options,
    )


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    top: int | Unset = 100,
    skip: int | Unset = 0,
    orderby: str | Unset = UNSET,
    sortorder: ScanSortOrder | Unset = UNSET,
    search: str | Unset = UNSET,
    options: RequestOptions | None = None,
) -> Response[ScanJobsPage]:
    """The async twin of ``sync_detailed`` (same arguments, errors and result)."""
    return await OPERATION.asyncio_detailed(
        client,
        build_request(
            top=top,
            skip=skip,
            orderby=orderby,
            sortorder=sortorder,
            search=search,
        ),
        options,
    )


async def asyncio(
    *,
    client: AuthenticatedClient,
    top: int | Unset = 100,
    skip: int | Unset = 0,
    orderby: str | Unset = UNSET,
    sortorder: ScanSortOrder | Unset = UNSET,
    search: str | Unset = UNSET,
    options: RequestOptions | None = None,
) -> ScanJobsPage:
    """The async twin of ``sync`` (same arguments, errors and result)."""
    return await OPERATION.asyncio(
        client,
        build_request(
            top=top,
            skip=skip,
            orderby=orderby,
            sortorder=sortorder,
            search=search,
        ),
        options,
    )
