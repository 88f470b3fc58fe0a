from typing import Any

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
    *,
    body: list[NameValueList],
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/rest/serverengine/entity/jobs/properties",
    }

    _kwargs["json"] = []
    for componentsschemas_name_value_lists_item_data in body:
        componentsschemas_name_value_lists_item = componentsschemas_name_value_lists_item_data.to_dict()
        _kwargs["json"].append(componentsschemas_name_value_lists_item)

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> None:
    """The documented success body, or raise the typed error for any other status."""
    if response.status_code == 200:
        return None
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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[None]:
    # Every way a body can fail to decode (bad JSON, nesting too deep, bad text) becomes ResponseParseError.
    with parse_failures(response):
        _parse_response(client=client, response=response)
        parsed = None
    return Response(
        status_code=status_of(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=parsed,
        raw=response,
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: list[NameValueList],
    options: RequestOptions | None = None,
) -> Response[None]:
    """Update properties of several jobs at once

     Sets the listed properties on each listed job in one request. Unlike the single-job update this
    merges: a listed property overwrites the job's property of the same name (or is appended when the
    name is new) and the job's other properties stay as they were. The request is applied completely or
    not at all; an unknown job ID, a malformed item or the same job listed twice rejects it. A
    successful update answers with an empty body.

    Args:
        body (list[NameValueList]): JSON Name/Value Lists – one Name/Value List per entity. The
            pages set no minimum; our clients never send an empty list, but a server may accept one as
            a no-op.
        options (RequestOptions | None): per-call timeout, extra headers and retry settings.

    Raises:
        errors.ApiStatusError: for any status other than a documented success (subclass per status:
            BadRequestError, AuthenticationError, PermissionDeniedError, NotFoundError, RateLimitError,
            ServerError, UnexpectedStatusError).
        errors.ApiConnectionError: no response arrived (errors.ApiTimeoutError when a timeout ran out).
        errors.ResponseParseError: a success response does not fit the documented shape.

    Returns:
        Response[None]: the parsed body plus status, headers and raw response.
    """

    kwargs = apply_options(
        _get_kwargs(
            body=body,
        ),
        options,
        client_policy=client.retry_policy,
    )

    with request_failures():
        response = client.get_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: list[NameValueList],
    options: RequestOptions | None = None,
) -> None:
    """Update properties of several jobs at once

     Sets the listed properties on each listed job in one request. Unlike the single-job update this
    merges: a listed property overwrites the job's property of the same name (or is appended when the
    name is new) and the job's other properties stay as they were. The request is applied completely or
    not at all; an unknown job ID, a malformed item or the same job listed twice rejects it. A
    successful update answers with an empty body.

    Args:
        body (list[NameValueList]): JSON Name/Value Lists – one Name/Value List per entity. The
            pages set no minimum; our clients never send an empty list, but a server may accept one as
            a no-op.
        options (RequestOptions | None): per-call timeout, extra headers and retry settings.

    Raises:
        errors.ApiStatusError: for any status other than a documented success (subclass per status:
            BadRequestError, AuthenticationError, PermissionDeniedError, NotFoundError, RateLimitError,
            ServerError, UnexpectedStatusError).
        errors.ApiConnectionError: no response arrived (errors.ApiTimeoutError when a timeout ran out).
        errors.ResponseParseError: a success response does not fit the documented shape.

    Returns:
        None
    """

    return sync_detailed(
        client=client,
        body=body,
        options=options,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: list[NameValueList],
    options: RequestOptions | None = None,
) -> Response[None]:
    """Update properties of several jobs at once

     Sets the listed properties on each listed job in one request. Unlike the single-job update this
    merges: a listed property overwrites the job's property of the same name (or is appended when the
    name is new) and the job's other properties stay as they were. The request is applied completely or
    not at all; an unknown job ID, a malformed item or the same job listed twice rejects it. A
    successful update answers with an empty body.

    Args:
        body (list[NameValueList]): JSON Name/Value Lists – one Name/Value List per entity. The
            pages set no minimum; our clients never send an empty list, but a server may accept one as
            a no-op.
        options (RequestOptions | None): per-call timeout, extra headers and retry settings.

    Raises:
        errors.ApiStatusError: for any status other than a documented success (subclass per status:
            BadRequestError, AuthenticationError, PermissionDeniedError, NotFoundError, RateLimitError,
            ServerError, UnexpectedStatusError).
        errors.ApiConnectionError: no response arrived (errors.ApiTimeoutError when a timeout ran out).
        errors.ResponseParseError: a success response does not fit the documented shape.

    Returns:
        Response[None]: the parsed body plus status, headers and raw response.
    """

    kwargs = apply_options(
        _get_kwargs(
            body=body,
        ),
        options,
        client_policy=client.retry_policy,
    )

    with request_failures():
        response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: list[NameValueList],
    options: RequestOptions | None = None,
) -> None:
    """Update properties of several jobs at once

     Sets the listed properties on each listed job in one request. Unlike the single-job update this
    merges: a listed property overwrites the job's property of the same name (or is appended when the
    name is new) and the job's other properties stay as they were. The request is applied completely or
    not at all; an unknown job ID, a malformed item or the same job listed twice rejects it. A
    successful update answers with an empty body.

    Args:
        body (list[NameValueList]): JSON Name/Value Lists – one Name/Value List per entity. The
            pages set no minimum; our clients never send an empty list, but a server may accept one as
            a no-op.
        options (RequestOptions | None): per-call timeout, extra headers and retry settings.

    Raises:
        errors.ApiStatusError: for any status other than a documented success (subclass per status:
            BadRequestError, AuthenticationError, PermissionDeniedError, NotFoundError, RateLimitError,
            ServerError, UnexpectedStatusError).
        errors.ApiConnectionError: no response arrived (errors.ApiTimeoutError when a timeout ran out).
        errors.ResponseParseError: a success response does not fit the documented shape.

    Returns:
        None
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            options=options,
        )
    ).parsed
