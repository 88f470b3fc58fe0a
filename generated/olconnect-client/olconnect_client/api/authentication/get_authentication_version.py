from typing import Any

import httpx

from ... import errors
from ..._runtime import json_body
from ..._runtime.failures import parse_failures, request_failures
from ..._runtime.options import RequestOptions, apply_options
from ...client import AuthenticatedClient, Client
from ...models.json_error import JsonError
from ...types import UNSET, Response, Unset, status_of


def _get_kwargs(
    *,
    auth_token: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(auth_token, Unset):
        headers["auth_token"] = auth_token

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/rest/serverengine/authentication/version",
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> str:
    """The documented success body, or raise the typed error for any other status."""
    if response.status_code == 200:
        response_200 = response.text
        return response_200

    error_model: Any = None
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
    *,
    client: AuthenticatedClient,
    auth_token: str | Unset = UNSET,
    options: RequestOptions | None = None,
) -> Response[str]:
    """Get the version of the Authentication service

     Returns the server's version as plain text, beginning with the release year and number (for example
    `2025.2`), optionally followed by further dot-separated parts. The optional `auth_token` header
    parameter lets a caller check a freshly obtained token here.

    Args:
        auth_token (str | Unset): Opaque authorization token returned by the login and sent back
            in the `auth_token` header. Treat it as a secret.
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
            auth_token=auth_token,
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
    auth_token: str | Unset = UNSET,
    options: RequestOptions | None = None,
) -> str:
    """Get the version of the Authentication service

     Returns the server's version as plain text, beginning with the release year and number (for example
    `2025.2`), optionally followed by further dot-separated parts. The optional `auth_token` header
    parameter lets a caller check a freshly obtained token here.

    Args:
        auth_token (str | Unset): Opaque authorization token returned by the login and sent back
            in the `auth_token` header. Treat it as a secret.
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
        client=client,
        auth_token=auth_token,
        options=options,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    auth_token: str | Unset = UNSET,
    options: RequestOptions | None = None,
) -> Response[str]:
    """Get the version of the Authentication service

     Returns the server's version as plain text, beginning with the release year and number (for example
    `2025.2`), optionally followed by further dot-separated parts. The optional `auth_token` header
    parameter lets a caller check a freshly obtained token here.

    Args:
        auth_token (str | Unset): Opaque authorization token returned by the login and sent back
            in the `auth_token` header. Treat it as a secret.
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
            auth_token=auth_token,
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
    auth_token: str | Unset = UNSET,
    options: RequestOptions | None = None,
) -> str:
    """Get the version of the Authentication service

     Returns the server's version as plain text, beginning with the release year and number (for example
    `2025.2`), optionally followed by further dot-separated parts. The optional `auth_token` header
    parameter lets a caller check a freshly obtained token here.

    Args:
        auth_token (str | Unset): Opaque authorization token returned by the login and sent back
            in the `auth_token` header. Treat it as a secret.
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
            client=client,
            auth_token=auth_token,
            options=options,
        )
    ).parsed
