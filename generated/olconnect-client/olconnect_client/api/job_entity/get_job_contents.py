from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ..._runtime import json_body
from ..._runtime.failures import parse_failures, request_failures
from ..._runtime.options import RequestOptions, apply_options
from ...client import AuthenticatedClient, Client
from ...models.content_item_identifier_list import ContentItemIdentifierList
from ...models.json_error import JsonError
from ...types import Response, status_of


def _get_kwargs(
    job_id: int,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/rest/serverengine/entity/jobs/{job_id}/contents".format(
            job_id=quote(str(job_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ContentItemIdentifierList:
    """The documented success body, or raise the typed error for any other status."""
    if response.status_code == 200:
        with json_body.large_body(response.content):
            response_200 = ContentItemIdentifierList.from_dict(json_body.loads(response.content))

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
) -> Response[ContentItemIdentifierList]:
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
    job_id: int,
    *,
    client: AuthenticatedClient,
    options: RequestOptions | None = None,
) -> Response[ContentItemIdentifierList]:
    """List the content items of a job with their data records

     Returns every content item under the job (across all its segments, document sets and documents),
    each paired with the data record it was created from, as a JSON Content Item Identifier List.

    Args:
        job_id (int): Numeric identifier of a data entity (job, job segment, document set, content
            item …). The pages say only "number"; the server stores IDs as Java longs, but neither a
            range nor a sign is documented, so none is set here (see OLC-05 and OLC-20 in
            spec/DECISIONS.md).
        options (RequestOptions | None): per-call timeout, extra headers and retry settings.

    Raises:
        errors.ApiStatusError: for any status other than a documented success (subclass per status:
            BadRequestError, AuthenticationError, PermissionDeniedError, NotFoundError, RateLimitError,
            ServerError, UnexpectedStatusError).
        errors.ApiConnectionError: no response arrived (errors.ApiTimeoutError when a timeout ran out).
        errors.ResponseParseError: a success response does not fit the documented shape.

    Returns:
        Response[ContentItemIdentifierList]: the parsed body plus status, headers and raw response.
    """

    kwargs = apply_options(
        _get_kwargs(
            job_id=job_id,
        ),
        options,
        client_policy=client.retry_policy,
    )

    with request_failures():
        response = client.get_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


def sync(
    job_id: int,
    *,
    client: AuthenticatedClient,
    options: RequestOptions | None = None,
) -> ContentItemIdentifierList:
    """List the content items of a job with their data records

     Returns every content item under the job (across all its segments, document sets and documents),
    each paired with the data record it was created from, as a JSON Content Item Identifier List.

    Args:
        job_id (int): Numeric identifier of a data entity (job, job segment, document set, content
            item …). The pages say only "number"; the server stores IDs as Java longs, but neither a
            range nor a sign is documented, so none is set here (see OLC-05 and OLC-20 in
            spec/DECISIONS.md).
        options (RequestOptions | None): per-call timeout, extra headers and retry settings.

    Raises:
        errors.ApiStatusError: for any status other than a documented success (subclass per status:
            BadRequestError, AuthenticationError, PermissionDeniedError, NotFoundError, RateLimitError,
            ServerError, UnexpectedStatusError).
        errors.ApiConnectionError: no response arrived (errors.ApiTimeoutError when a timeout ran out).
        errors.ResponseParseError: a success response does not fit the documented shape.

    Returns:
        ContentItemIdentifierList
    """

    return sync_detailed(
        job_id=job_id,
        client=client,
        options=options,
    ).parsed


async def asyncio_detailed(
    job_id: int,
    *,
    client: AuthenticatedClient,
    options: RequestOptions | None = None,
) -> Response[ContentItemIdentifierList]:
    """List the content items of a job with their data records

     Returns every content item under the job (across all its segments, document sets and documents),
    each paired with the data record it was created from, as a JSON Content Item Identifier List.

    Args:
        job_id (int): Numeric identifier of a data entity (job, job segment, document set, content
            item …). The pages say only "number"; the server stores IDs as Java longs, but neither a
            range nor a sign is documented, so none is set here (see OLC-05 and OLC-20 in
            spec/DECISIONS.md).
        options (RequestOptions | None): per-call timeout, extra headers and retry settings.

    Raises:
        errors.ApiStatusError: for any status other than a documented success (subclass per status:
            BadRequestError, AuthenticationError, PermissionDeniedError, NotFoundError, RateLimitError,
            ServerError, UnexpectedStatusError).
        errors.ApiConnectionError: no response arrived (errors.ApiTimeoutError when a timeout ran out).
        errors.ResponseParseError: a success response does not fit the documented shape.

    Returns:
        Response[ContentItemIdentifierList]: the parsed body plus status, headers and raw response.
    """

    kwargs = apply_options(
        _get_kwargs(
            job_id=job_id,
        ),
        options,
        client_policy=client.retry_policy,
    )

    with request_failures():
        response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    job_id: int,
    *,
    client: AuthenticatedClient,
    options: RequestOptions | None = None,
) -> ContentItemIdentifierList:
    """List the content items of a job with their data records

     Returns every content item under the job (across all its segments, document sets and documents),
    each paired with the data record it was created from, as a JSON Content Item Identifier List.

    Args:
        job_id (int): Numeric identifier of a data entity (job, job segment, document set, content
            item …). The pages say only "number"; the server stores IDs as Java longs, but neither a
            range nor a sign is documented, so none is set here (see OLC-05 and OLC-20 in
            spec/DECISIONS.md).
        options (RequestOptions | None): per-call timeout, extra headers and retry settings.

    Raises:
        errors.ApiStatusError: for any status other than a documented success (subclass per status:
            BadRequestError, AuthenticationError, PermissionDeniedError, NotFoundError, RateLimitError,
            ServerError, UnexpectedStatusError).
        errors.ApiConnectionError: no response arrived (errors.ApiTimeoutError when a timeout ran out).
        errors.ResponseParseError: a success response does not fit the documented shape.

    Returns:
        ContentItemIdentifierList
    """

    return (
        await asyncio_detailed(
            job_id=job_id,
            client=client,
            options=options,
        )
    ).parsed
