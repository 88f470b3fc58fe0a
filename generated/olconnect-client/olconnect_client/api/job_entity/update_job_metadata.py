from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ..._runtime import json_body
from ..._runtime.failures import parse_failures, request_failures
from ..._runtime.options import RequestOptions, apply_options
from ...client import AuthenticatedClient, Client
from ...models.json_error import JsonError
from ...models.name_value_list import NameValueList
from ...types import Response, status_of


def _get_kwargs(
    job_id: int,
    *,
    body: NameValueList,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/rest/serverengine/entity/jobs/{job_id}/metadata".format(
            job_id=quote(str(job_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> str:
    """The documented success body, or raise the typed error for any other status."""
    if response.status_code == 200:
        response_200 = response.text
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
    if response.status_code == 500:
        try:
            response_500 = JsonError.from_dict(json_body.loads(response.content))

            error_model = response_500
        except Exception:  # the typed error below matters more than a tidy error model
            error_model = None
    raise errors.error_for_response(response, model=error_model)


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[str]:
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
    body: NameValueList,
    options: RequestOptions | None = None,
) -> Response[str]:
    """Replace the metadata of a job

     Replaces the job's whole metadata set with the list in the body; a following read returns exactly
    that list in the same order (an empty list clears it). The `id` in the body must equal `jobId` in
    the path, otherwise the server answers 500. On success the body is the plain text `true`.

    Args:
        job_id (int): Numeric identifier of a data entity (job, job segment, document set, content
            item …). The pages say only "number"; the server stores IDs as Java longs, but neither a
            range nor a sign is documented, so none is set here (see OLC-05 and OLC-20 in
            spec/DECISIONS.md).
        body (NameValueList): JSON Name/Value List – the ID of one entity together with a list of
            name/value pairs (see OLC-08 in spec/DECISIONS.md).
        options (RequestOptions | None): per-call timeout, extra headers and retry settings.

    Raises:
        errors.ApiStatusError: for any status other than a documented success (subclass per status:
            BadRequestError, AuthenticationError, PermissionDeniedError, NotFoundError, RateLimitError,
            ServerError, UnexpectedStatusError).
        errors.ApiConnectionError: no response arrived (errors.ApiTimeoutError when a timeout ran out).
        errors.ResponseParseError: a success response does not fit the documented shape.

    Returns:
        Response[str]: the parsed body plus status, headers and raw response.
    """

    kwargs = apply_options(
        _get_kwargs(
            job_id=job_id,
            body=body,
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
    body: NameValueList,
    options: RequestOptions | None = None,
) -> str:
    """Replace the metadata of a job

     Replaces the job's whole metadata set with the list in the body; a following read returns exactly
    that list in the same order (an empty list clears it). The `id` in the body must equal `jobId` in
    the path, otherwise the server answers 500. On success the body is the plain text `true`.

    Args:
        job_id (int): Numeric identifier of a data entity (job, job segment, document set, content
            item …). The pages say only "number"; the server stores IDs as Java longs, but neither a
            range nor a sign is documented, so none is set here (see OLC-05 and OLC-20 in
            spec/DECISIONS.md).
        body (NameValueList): JSON Name/Value List – the ID of one entity together with a list of
            name/value pairs (see OLC-08 in spec/DECISIONS.md).
        options (RequestOptions | None): per-call timeout, extra headers and retry settings.

    Raises:
        errors.ApiStatusError: for any status other than a documented success (subclass per status:
            BadRequestError, AuthenticationError, PermissionDeniedError, NotFoundError, RateLimitError,
            ServerError, UnexpectedStatusError).
        errors.ApiConnectionError: no response arrived (errors.ApiTimeoutError when a timeout ran out).
        errors.ResponseParseError: a success response does not fit the documented shape.

    Returns:
        str
    """

    return sync_detailed(
        job_id=job_id,
        client=client,
        body=body,
        options=options,
    ).parsed


async def asyncio_detailed(
    job_id: int,
    *,
    client: AuthenticatedClient,
    body: NameValueList,
    options: RequestOptions | None = None,
) -> Response[str]:
    """Replace the metadata of a job

     Replaces the job's whole metadata set with the list in the body; a following read returns exactly
    that list in the same order (an empty list clears it). The `id` in the body must equal `jobId` in
    the path, otherwise the server answers 500. On success the body is the plain text `true`.

    Args:
        job_id (int): Numeric identifier of a data entity (job, job segment, document set, content
            item …). The pages say only "number"; the server stores IDs as Java longs, but neither a
            range nor a sign is documented, so none is set here (see OLC-05 and OLC-20 in
            spec/DECISIONS.md).
        body (NameValueList): JSON Name/Value List – the ID of one entity together with a list of
            name/value pairs (see OLC-08 in spec/DECISIONS.md).
        options (RequestOptions | None): per-call timeout, extra headers and retry settings.

    Raises:
        errors.ApiStatusError: for any status other than a documented success (subclass per status:
            BadRequestError, AuthenticationError, PermissionDeniedError, NotFoundError, RateLimitError,
            ServerError, UnexpectedStatusError).
        errors.ApiConnectionError: no response arrived (errors.ApiTimeoutError when a timeout ran out).
        errors.ResponseParseError: a success response does not fit the documented shape.

    Returns:
        Response[str]: the parsed body plus status, headers and raw response.
    """

    kwargs = apply_options(
        _get_kwargs(
            job_id=job_id,
            body=body,
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
    body: NameValueList,
    options: RequestOptions | None = None,
) -> str:
    """Replace the metadata of a job

     Replaces the job's whole metadata set with the list in the body; a following read returns exactly
    that list in the same order (an empty list clears it). The `id` in the body must equal `jobId` in
    the path, otherwise the server answers 500. On success the body is the plain text `true`.

    Args:
        job_id (int): Numeric identifier of a data entity (job, job segment, document set, content
            item …). The pages say only "number"; the server stores IDs as Java longs, but neither a
            range nor a sign is documented, so none is set here (see OLC-05 and OLC-20 in
            spec/DECISIONS.md).
        body (NameValueList): JSON Name/Value List – the ID of one entity together with a list of
            name/value pairs (see OLC-08 in spec/DECISIONS.md).
        options (RequestOptions | None): per-call timeout, extra headers and retry settings.

    Raises:
        errors.ApiStatusError: for any status other than a documented success (subclass per status:
            BadRequestError, AuthenticationError, PermissionDeniedError, NotFoundError, RateLimitError,
            ServerError, UnexpectedStatusError).
        errors.ApiConnectionError: no response arrived (errors.ApiTimeoutError when a timeout ran out).
        errors.ResponseParseError: a success response does not fit the documented shape.

    Returns:
        str
    """

    return (
        await asyncio_detailed(
            job_id=job_id,
            client=client,
            body=body,
            options=options,
        )
    ).parsed
