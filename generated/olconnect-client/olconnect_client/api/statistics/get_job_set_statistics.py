from typing import Any
from urllib.parse import quote

from ..._runtime.error_text import ErrorPointers, PointerErrorText
from ..._runtime.operation import Operation
from ..._runtime.options import RequestOptions
from ..._runtime.request_checks import any_case_choice
from ..._runtime.security import OperationSecurity
from ...client import AuthenticatedClient
from ...models.job_set_statistics import JobSetStatistics
from ...models.json_error import JsonError
from ...models.level_mode import LevelMode
from ...types import UNSET, Response, Unset


def build_request(
    job_set_id: int,
    *,
    level_mode: LevelMode | str | Unset = UNSET,
) -> dict[str, Any]:
    """The ``httpx`` request arguments (method, url, params, body, headers) for these arguments."""
    level_mode = any_case_choice(
        level_mode, ["documentOnly", "documentSetOnly", "documentSetAll"], name="level_mode"
    )

    params: dict[str, Any] = {}

    json_level_mode: str | Unset
    if isinstance(level_mode, Unset):
        json_level_mode = UNSET
    elif isinstance(level_mode, LevelMode):
        json_level_mode = LevelMode(level_mode).value
    else:
        json_level_mode = level_mode
    params["levelMode"] = json_level_mode

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/rest/serverengine/statistics/jobset/{job_set_id}".format(
            job_set_id=quote(str(job_set_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


#: This operation's parser table and security, plus the request path every operation shares
#: (``_runtime/operation.py``).
OPERATION: Operation[JobSetStatistics, Response[JobSetStatistics]] = Operation(
    Response,
    success=((200, 200, "json", JobSetStatistics.from_dict, ("application/json",)),),
    failure=(
        (400, 400, "json", JsonError.from_dict, ("application/json",)),
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
        (404, 404, "json", JsonError.from_dict, ("application/json",)),
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
    job_set_id: int,
    *,
    client: AuthenticatedClient,
    level_mode: LevelMode | str | Unset = UNSET,
    options: RequestOptions | None = None,
) -> Response[JobSetStatistics]:
    """Like ``sync``, but returns the whole ``Response``: status, headers and raw response besides the body."""
    return OPERATION.sync_detailed(
        client,
        build_request(
            job_set_id=job_set_id,
            level_mode=level_mode,
        ),
        options,
    )


def sync(
    job_set_id: int,
    *,
    client: AuthenticatedClient,
    level_mode: LevelMode | str | Unset = UNSET,
    options: RequestOptions | None = None,
) -> JobSetStatistics:
    """Get sheet, page and media statistics of a job set

     Returns the counts of a job set: totals, the media used, and a breakdown whose depth `levelMode`
    chooses. `documentOnly` (the default) lists documents; `documentSetOnly` lists document sets;
    `documentSetAll` lists document sets, each with its documents. Media usage in a breakdown refers to
    the top-level `media` array by zero-based index. The service needs server 2024.1 or later, and the
    two document-set levels need 2024.2 or later.

    Args:
        job_set_id (int): ID of the job set entity on the server.
        level_mode (LevelMode | str | Unset): How deep the statistics break down: per document
            (`documentOnly`, the default), per document set (`documentSetOnly`), or per document set
            including its documents (`documentSetAll`). Servers match the value case-insensitively;
            any other non-empty value answers 400. An empty value may answer 400 or be read as omitted
            (the default level).
        options (RequestOptions | None): per-call timeout, extra headers and retry settings.

    Raises:
        errors.ApiStatusError: for any status other than a documented success (subclass per status:
            BadRequestError, AuthenticationError, PermissionDeniedError, NotFoundError, RateLimitError,
            ServerError, UnexpectedStatusError).
        errors.ApiConnectionError: no response arrived (errors.ApiTimeoutError when a timeout ran out).
        errors.ResponseParseError: a success response does not fit the documented shape.
        errors.InvalidRequestError: the arguments cannot be right, so nothing was sent (a value of
            `level_mode` that is none of the documented ones in any letter case).

    Returns:
        JobSetStatistics
    """

    return OPERATION.sync(
        client,
        build_request(
            job_set_id=job_set_id,
            level_mode=level_mode,
        ),
        options,
    )


async def asyncio_detailed(
    job_set_id: int,
    *,
    client: AuthenticatedClient,
    level_mode: LevelMode | str | Unset = UNSET,
    options: RequestOptions | None = None,
) -> Response[JobSetStatistics]:
    """The async twin of ``sync_detailed`` (same arguments, errors and result)."""
    return await OPERATION.asyncio_detailed(
        client,
        build_request(
            job_set_id=job_set_id,
            level_mode=level_mode,
        ),
        options,
    )


async def asyncio(
    job_set_id: int,
    *,
    client: AuthenticatedClient,
    level_mode: LevelMode | str | Unset = UNSET,
    options: RequestOptions | None = None,
) -> JobSetStatistics:
    """The async twin of ``sync`` (same arguments, errors and result)."""
    return await OPERATION.asyncio(
        client,
        build_request(
            job_set_id=job_set_id,
            level_mode=level_mode,
        ),
        options,
    )
