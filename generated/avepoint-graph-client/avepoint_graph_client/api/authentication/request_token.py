from typing import Any

import httpx

from ... import errors
from ..._runtime import json_body
from ..._runtime.failures import parse_failures, request_failures
from ..._runtime.options import RequestOptions, apply_options
from ...client import AuthenticatedClient, Client
from ...models.oauth_error import OAuthError
from ...models.token_request import TokenRequest
from ...models.token_response import TokenResponse
from ...types import Response, status_of


def _get_kwargs(
    *,
    body: TokenRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/connect/token",
    }

    _kwargs["data"] = body.to_dict()
    headers["Content-Type"] = "application/x-www-form-urlencoded"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> TokenResponse:
    """The documented success body, or raise the typed error for any other status."""
    if response.status_code == 200:
        with json_body.large_body(response.content):
            response_200 = TokenResponse.from_dict(json_body.loads(response.content))

            return response_200

    error_model: Any = None
    if response.status_code == 400:
        try:
            response_400 = OAuthError.from_dict(json_body.loads(response.content))

            error_model = response_400
        except Exception:  # the typed error below matters more than a tidy error model
            error_model = None
    if response.status_code == 401:
        try:
            response_401 = OAuthError.from_dict(json_body.loads(response.content))

            error_model = response_401
        except Exception:  # the typed error below matters more than a tidy error model
            error_model = None
    raise errors.error_for_response(response, model=error_model)


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[TokenResponse]:
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
    client: AuthenticatedClient | Client,
    body: TokenRequest,
    options: RequestOptions | None = None,
) -> Response[TokenResponse]:
    """Get an access token with the OAuth 2.0 client-credentials grant

     Exchanges the registered application's client ID and client secret for a bearer token (RFC 6749
    §4.4).
    The form asks for the scopes the application needs, space-separated; the job list needs
    `gsuite.graph.read.all`. Tokens last `expires_in` seconds (one hour in the vendor sample) and there
    is no
    refresh token: ask for a new one when it expires.

    The vendor also documents a certificate variant, where `client_secret` is replaced by
    `client_assertion_type=urn:ietf:params:oauth:client-assertion-type:jwt-bearer` and a
    `client_assertion`
    JWT signed with the registered X.509 certificate (issuer and subject = client ID, audience = token
    URL,
    one-hour lifetime). This description, our mock and our clients cover the client-secret variant only
    (AVE-13).

    Args:
        body (TokenRequest): Form fields of the client-credentials grant with a client secret
            (AVE-13). `scope` holds one or more
            scope names separated by spaces; servers match them case-insensitively.
        options (RequestOptions | None): per-call timeout, extra headers and retry settings.

    Raises:
        errors.ApiStatusError: for any status other than a documented success (subclass per status:
            BadRequestError, AuthenticationError, PermissionDeniedError, NotFoundError, RateLimitError,
            ServerError, UnexpectedStatusError).
        errors.ApiConnectionError: no response arrived (errors.ApiTimeoutError when a timeout ran out).
        errors.ResponseParseError: a success response does not fit the documented shape.

    Returns:
        Response[TokenResponse]: the parsed body plus status, headers and raw response.
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
    client: AuthenticatedClient | Client,
    body: TokenRequest,
    options: RequestOptions | None = None,
) -> TokenResponse:
    """Get an access token with the OAuth 2.0 client-credentials grant

     Exchanges the registered application's client ID and client secret for a bearer token (RFC 6749
    §4.4).
    The form asks for the scopes the application needs, space-separated; the job list needs
    `gsuite.graph.read.all`. Tokens last `expires_in` seconds (one hour in the vendor sample) and there
    is no
    refresh token: ask for a new one when it expires.

    The vendor also documents a certificate variant, where `client_secret` is replaced by
    `client_assertion_type=urn:ietf:params:oauth:client-assertion-type:jwt-bearer` and a
    `client_assertion`
    JWT signed with the registered X.509 certificate (issuer and subject = client ID, audience = token
    URL,
    one-hour lifetime). This description, our mock and our clients cover the client-secret variant only
    (AVE-13).

    Args:
        body (TokenRequest): Form fields of the client-credentials grant with a client secret
            (AVE-13). `scope` holds one or more
            scope names separated by spaces; servers match them case-insensitively.
        options (RequestOptions | None): per-call timeout, extra headers and retry settings.

    Raises:
        errors.ApiStatusError: for any status other than a documented success (subclass per status:
            BadRequestError, AuthenticationError, PermissionDeniedError, NotFoundError, RateLimitError,
            ServerError, UnexpectedStatusError).
        errors.ApiConnectionError: no response arrived (errors.ApiTimeoutError when a timeout ran out).
        errors.ResponseParseError: a success response does not fit the documented shape.

    Returns:
        TokenResponse
    """

    return sync_detailed(
        client=client,
        body=body,
        options=options,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: TokenRequest,
    options: RequestOptions | None = None,
) -> Response[TokenResponse]:
    """Get an access token with the OAuth 2.0 client-credentials grant

     Exchanges the registered application's client ID and client secret for a bearer token (RFC 6749
    §4.4).
    The form asks for the scopes the application needs, space-separated; the job list needs
    `gsuite.graph.read.all`. Tokens last `expires_in` seconds (one hour in the vendor sample) and there
    is no
    refresh token: ask for a new one when it expires.

    The vendor also documents a certificate variant, where `client_secret` is replaced by
    `client_assertion_type=urn:ietf:params:oauth:client-assertion-type:jwt-bearer` and a
    `client_assertion`
    JWT signed with the registered X.509 certificate (issuer and subject = client ID, audience = token
    URL,
    one-hour lifetime). This description, our mock and our clients cover the client-secret variant only
    (AVE-13).

    Args:
        body (TokenRequest): Form fields of the client-credentials grant with a client secret
            (AVE-13). `scope` holds one or more
            scope names separated by spaces; servers match them case-insensitively.
        options (RequestOptions | None): per-call timeout, extra headers and retry settings.

    Raises:
        errors.ApiStatusError: for any status other than a documented success (subclass per status:
            BadRequestError, AuthenticationError, PermissionDeniedError, NotFoundError, RateLimitError,
            ServerError, UnexpectedStatusError).
        errors.ApiConnectionError: no response arrived (errors.ApiTimeoutError when a timeout ran out).
        errors.ResponseParseError: a success response does not fit the documented shape.

    Returns:
        Response[TokenResponse]: the parsed body plus status, headers and raw response.
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
    client: AuthenticatedClient | Client,
    body: TokenRequest,
    options: RequestOptions | None = None,
) -> TokenResponse:
    """Get an access token with the OAuth 2.0 client-credentials grant

     Exchanges the registered application's client ID and client secret for a bearer token (RFC 6749
    §4.4).
    The form asks for the scopes the application needs, space-separated; the job list needs
    `gsuite.graph.read.all`. Tokens last `expires_in` seconds (one hour in the vendor sample) and there
    is no
    refresh token: ask for a new one when it expires.

    The vendor also documents a certificate variant, where `client_secret` is replaced by
    `client_assertion_type=urn:ietf:params:oauth:client-assertion-type:jwt-bearer` and a
    `client_assertion`
    JWT signed with the registered X.509 certificate (issuer and subject = client ID, audience = token
    URL,
    one-hour lifetime). This description, our mock and our clients cover the client-secret variant only
    (AVE-13).

    Args:
        body (TokenRequest): Form fields of the client-credentials grant with a client secret
            (AVE-13). `scope` holds one or more
            scope names separated by spaces; servers match them case-insensitively.
        options (RequestOptions | None): per-call timeout, extra headers and retry settings.

    Raises:
        errors.ApiStatusError: for any status other than a documented success (subclass per status:
            BadRequestError, AuthenticationError, PermissionDeniedError, NotFoundError, RateLimitError,
            ServerError, UnexpectedStatusError).
        errors.ApiConnectionError: no response arrived (errors.ApiTimeoutError when a timeout ran out).
        errors.ResponseParseError: a success response does not fit the documented shape.

    Returns:
        TokenResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            options=options,
        )
    ).parsed
