from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ..._runtime import json_body
from ..._runtime.failures import parse_failures, request_failures
from ..._runtime.options import RequestOptions, apply_options
from ...client import AuthenticatedClient, Client
from ...models.job_set_statistics import JobSetStatistics
from ...models.json_error import JsonError
from ...models.level_mode import LevelMode
from ...types import UNSET, Response, Unset, status_of


def _get_kwargs(
    job_set_id: int,
    *,
    level_mode: LevelMode | str | Unset = UNSET,
) -> dict[str, Any]:

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


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> JobSetStatistics:
    """The documented success body, or raise the typed error for any other status."""
    if response.status_code == 200:
        with json_body.large_body(response.content):
            response_200 = JobSetStatistics.from_dict(json_body.loads(response.content))

            return response_200

    error_model: Any = None
    if response.status_code == 400:
        try:
            response_400 = JsonError.from_dict(json_body.loads(response.content))

            error_model = response_400
        except Exception:  # the typed error below matters more than a tidy error model
            error_model = None
    if response.status_code == 401:
        try:
            response_401 = JsonError.from_dict(json_body.loads(response.content))

            error_model = response_401
        except Exception:  # the typed error below matters more than a tidy error model
            error_model = None
    if response.status_code == 403:
        try:
            response_403 = JsonError.from_dict(json_body.loads(response.content))

            error_model = response_403
        except Exception:  # the typed error below matters more than a tidy error model
            error_model = None
    if response.status_code == 404:
        try:
            response_404 = JsonError.from_dict(json_body.loads(response.content))

            error_model = response_404
        except Exception:  # the typed error below matters more than a tidy error model
            error_model = None
    raise errors.error_for_response(response, model=error_model)


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[JobSetStatistics]:
    # Every way a body can fail to decode (bad JSON, nesting too deep, bad text) becomes ResponseParseError.
    with parse_failures(response):
        parsed = _parse_response(client=client, response=response)
    return Response(
        status_code=status_of(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=parsed,
        raw=response,
    )


def sync_detailed(
    job_set_id: int,
    *,
    client: AuthenticatedClient,
    level_mode: LevelMode | str | Unset = UNSET,
    options: RequestOptions | None = None,
) -> Response[JobSetStatistics]:
    """Get sheet, page and media statistics of a job set

     Returns the counts of a job set: totals, the media used, and a breakdown whose depth `levelMode`
    chooses. `documentOnly` (the default) lists documents; `documentSetOnly` lists document sets;
    `documentSetAll` lists document sets, each with its documents. Media usage in a breakdown refers to
    the top-level `media` array by zero-based index. The service needs server 2024.1 or later, and the
    two document-set levels need 2024.2 or later.

    Args:
        job_set_id (int): Numeric identifier of a data entity (job, job segment, document set,
            content item …). The pages say only "number"; the server stores IDs as Java longs, but
            neither a range nor a sign is documented, so none is set here (see OLC-05 and OLC-20 in
            spec/DECISIONS.md).
        level_mode (LevelMode | str | Unset): A `levelMode` as servers take it: a canonical
            spelling (what our clients send) or the same word in any other letter case (see OLC-12 in
            spec/DECISIONS.md).
        options (RequestOptions | None): per-call timeout, extra headers and retry settings.

    Raises:
        errors.ApiStatusError: for any status other than a documented success (subclass per status:
            BadRequestError, AuthenticationError, PermissionDeniedError, NotFoundError, RateLimitError,
            ServerError, UnexpectedStatusError).
        errors.ApiConnectionError: no response arrived (errors.ApiTimeoutError when a timeout ran out).
        errors.ResponseParseError: a success response does not fit the documented shape.

    Returns:
        Response[JobSetStatistics]: the parsed body plus status, headers and raw response.
    """

    kwargs = apply_options(
        _get_kwargs(
            job_set_id=job_set_id,
            level_mode=level_mode,
        ),
        options,
        client_policy=client.retry_policy,
    )

    with request_failures():
        response = client.get_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


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
        job_set_id (int): Numeric identifier of a data entity (job, job segment, document set,
            content item …). The pages say only "number"; the server stores IDs as Java longs, but
            neither a range nor a sign is documented, so none is set here (see OLC-05 and OLC-20 in
            spec/DECISIONS.md).
        level_mode (LevelMode | str | Unset): A `levelMode` as servers take it: a canonical
            spelling (what our clients send) or the same word in any other letter case (see OLC-12 in
            spec/DECISIONS.md).
        options (RequestOptions | None): per-call timeout, extra headers and retry settings.

    Raises:
        errors.ApiStatusError: for any status other than a documented success (subclass per status:
            BadRequestError, AuthenticationError, PermissionDeniedError, NotFoundError, RateLimitError,
            ServerError, UnexpectedStatusError).
        errors.ApiConnectionError: no response arrived (errors.ApiTimeoutError when a timeout ran out).
        errors.ResponseParseError: a success response does not fit the documented shape.

    Returns:
        JobSetStatistics
    """

    return sync_detailed(
        job_set_id=job_set_id,
        client=client,
        level_mode=level_mode,
        options=options,
    ).parsed


async def asyncio_detailed(
    job_set_id: int,
    *,
    client: AuthenticatedClient,
    level_mode: LevelMode | str | Unset = UNSET,
    options: RequestOptions | None = None,
) -> Response[JobSetStatistics]:
    """Get sheet, page and media statistics of a job set

     Returns the counts of a job set: totals, the media used, and a breakdown whose depth `levelMode`
    chooses. `documentOnly` (the default) lists documents; `documentSetOnly` lists document sets;
    `documentSetAll` lists document sets, each with its documents. Media usage in a breakdown refers to
    the top-level `media` array by zero-based index. The service needs server 2024.1 or later, and the
    two document-set levels need 2024.2 or later.

    Args:
        job_set_id (int): Numeric identifier of a data entity (job, job segment, document set,
            content item …). The pages say only "number"; the server stores IDs as Java longs, but
            neither a range nor a sign is documented, so none is set here (see OLC-05 and OLC-20 in
            spec/DECISIONS.md).
        level_mode (LevelMode | str | Unset): A `levelMode` as servers take it: a canonical
            spelling (what our clients send) or the same word in any other letter case (see OLC-12 in
            spec/DECISIONS.md).
        options (RequestOptions | None): per-call timeout, extra headers and retry settings.

    Raises:
        errors.ApiStatusError: for any status other than a documented success (subclass per status:
            BadRequestError, AuthenticationError, PermissionDeniedError, NotFoundError, RateLimitError,
            ServerError, UnexpectedStatusError).
        errors.ApiConnectionError: no response arrived (errors.ApiTimeoutError when a timeout ran out).
        errors.ResponseParseError: a success response does not fit the documented shape.

    Returns:
        Response[JobSetStatistics]: the parsed body plus status, headers and raw response.
    """

    kwargs = apply_options(
        _get_kwargs(
            job_set_id=job_set_id,
            level_mode=level_mode,
        ),
        options,
        client_policy=client.retry_policy,
    )

    with request_failures():
        response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
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
        job_set_id (int): Numeric identifier of a data entity (job, job segment, document set,
            content item …). The pages say only "number"; the server stores IDs as Java longs, but
            neither a range nor a sign is documented, so none is set here (see OLC-05 and OLC-20 in
            spec/DECISIONS.md).
        level_mode (LevelMode | str | Unset): A `levelMode` as servers take it: a canonical
            spelling (what our clients send) or the same word in any other letter case (see OLC-12 in
            spec/DECISIONS.md).
        options (RequestOptions | None): per-call timeout, extra headers and retry settings.

    Raises:
        errors.ApiStatusError: for any status other than a documented success (subclass per status:
            BadRequestError, AuthenticationError, PermissionDeniedError, NotFoundError, RateLimitError,
            ServerError, UnexpectedStatusError).
        errors.ApiConnectionError: no response arrived (errors.ApiTimeoutError when a timeout ran out).
        errors.ResponseParseError: a success response does not fit the documented shape.

    Returns:
        JobSetStatistics
    """

    return (
        await asyncio_detailed(
            job_set_id=job_set_id,
            client=client,
            level_mode=level_mode,
            options=options,
        )
    ).parsed
