"""The typed error hierarchy every call raises instead of returning ``None`` or an error model.

Callers should be able to tell "the server said no" (``ApiStatusError`` and its per-status subclasses)
from "we never got an answer" (``ApiConnectionError``/``ApiTimeoutError``) with one ``except`` each, and
read the server's explanation without parsing bodies themselves. Messages only ever contain the method,
the URL path, the status and the server's own error message: never headers, query strings or bodies we
sent, so credentials cannot leak through ``str(exc)``.

This module knows no API: where an API puts its error message in a body is an ``ErrorText`` function the
package supplies (its generated operations and its token grant pass it), and the body is decoded once, by
the caller (``decode_error_body``), then handed to both the error model and that function.
"""

from __future__ import annotations

from collections.abc import Callable
from http import HTTPStatus
from typing import Any

import httpx

from . import json_body

__all__ = [
    "ApiConnectionError",
    "ApiError",
    "ApiStatusError",
    "ApiTimeoutError",
    "AuthenticationError",
    "BadRequestError",
    "CredentialRedirectError",
    "ErrorText",
    "ForeignOriginError",
    "InvalidUrlError",
    "NotFoundError",
    "PageLimitError",
    "PagingError",
    "PagingLoopError",
    "PermissionDeniedError",
    "RateLimitError",
    "ResponseParseError",
    "ResponseTooLargeError",
    "ServerError",
    "UnexpectedStatusError",
    "clip_message",
    "decode_error_body",
    "error_for_response",
    "no_error_text",
    "status_reason",
]

_MAX_MESSAGE_CHARS = 500


def status_reason(status_code: int) -> str:
    """The reason phrase of a status, or "" for codes outside ``HTTPStatus`` (499, 520, ...)."""
    try:
        return HTTPStatus(status_code).phrase
    except ValueError:
        return ""


def _describe(request: httpx.Request | None) -> str:
    """``GET /path`` without the query string (which a caller might have filled with something private)."""
    if request is None:
        return "request"
    return f"{request.method} {request.url.path}"


class ApiError(Exception):
    """Base class of every error raised by this client package."""


class ApiConnectionError(ApiError):
    """No usable HTTP response arrived: the connection failed, dropped or broke the protocol."""

    def __init__(self, message: str, *, request: httpx.Request | None = None) -> None:
        super().__init__(message)
        self.request = request

    @classmethod
    def from_transport_error(cls, exc: httpx.TransportError) -> ApiConnectionError:
        """Wrap an httpx transport error; timeouts become ``ApiTimeoutError``."""
        try:
            request: httpx.Request | None = exc.request
        except RuntimeError:
            request = None
        kind = ApiTimeoutError if isinstance(exc, httpx.TimeoutException) else ApiConnectionError
        if isinstance(exc, httpx.LocalProtocolError | httpx.UnsupportedProtocol):
            # h11 quotes the offending header value ("Illegal header value b'...'"), which may be a token.
            return kind(f"{_describe(request)} could not be sent: {type(exc).__name__}", request=request)
        return kind(f"{_describe(request)} failed: {type(exc).__name__}: {exc}", request=request)


class ForeignOriginError(ApiError):
    """A URL the server handed us (a ``nextLink``, a redirect) points to an origin we were not configured for.

    The request is refused before any credential is attached or any byte is sent. ``origin`` is the
    scheme, host and port the server pointed to; ``allowed`` the origins this client talks to.
    """

    def __init__(self, origin: str, allowed: tuple[str, ...], *, source: str) -> None:
        self.origin = origin
        self.allowed = allowed
        super().__init__(
            f"refusing to send {source} to {origin}: this client only talks to {', '.join(allowed)}"
        )


class CredentialRedirectError(ApiError):
    """A redirect would carry credentials where they are not meant to go; it was refused unsent.

    A login or token request is never followed to another URL (its credentials belong to that one
    endpoint), and a request that carries a token is never followed to an origin the token is not for,
    even one the client talks to for other reasons (the identity host). ``target`` is the refused
    destination's origin and path (no query string).
    """

    def __init__(self, target: str, *, what: str, meant_for: str) -> None:
        self.target = target
        super().__init__(
            f"refusing to follow a redirect to {target}: it would carry {what}, "
            f"which only goes to {meant_for}"
        )


class InvalidUrlError(ApiError):
    """A URL the server handed us (a ``nextLink``, a ``Location``) is not a URL httpx can send to.

    Control characters (tab, newline), an over-long URL or a broken host: the request is not sent.
    """


class ResponseTooLargeError(ApiError):
    """A response body grew past the call's ``max_response_bytes`` (counted after decompression)."""

    def __init__(self, message: str, *, limit: int, request: httpx.Request | None = None) -> None:
        super().__init__(message)
        self.limit = limit
        self.request = request


class PagingError(ApiError):
    """A page walk was stopped because the server would otherwise keep it going forever."""


class PagingLoopError(PagingError):
    """The server sent a page that repeats an earlier one (same jobs, or the same link)."""


class PageLimitError(PagingError):
    """The walk reached its ``max_pages`` cap before the server sent a last page."""


class ApiTimeoutError(ApiConnectionError):
    """A connect, read, write or pool timeout ran out (after any retries)."""


class ResponseParseError(ApiError):
    """A success response arrived but its body does not fit the documented shape."""

    def __init__(self, message: str, *, response: httpx.Response) -> None:
        super().__init__(message)
        self.response = response
        self.status_code = response.status_code


class ApiStatusError(ApiError):
    """The server answered with a status the operation does not treat as success.

    Attributes:
        status_code: the HTTP status as an ``int`` (any value, also ones outside ``HTTPStatus``).
        message: the server's error message from the JSON body, if it sent one.
        parameter: the parameter the server blamed (OL Connect's JSON Error ``parameter``), if any.
        body: the decoded JSON body, or ``None`` when the body was not JSON.
        model: the parsed error model when the spec documents this status, else ``None``.
        response: the raw ``httpx.Response`` (status, headers, content).
    """

    def __init__(
        self,
        response: httpx.Response,
        *,
        message: str | None = None,
        parameter: str | None = None,
        body: Any = None,
        model: Any = None,
    ) -> None:
        self.response = response
        self.status_code = response.status_code
        self.message = message
        self.parameter = parameter
        self.body = body
        self.model = model
        super().__init__(self._summary())

    def _summary(self) -> str:
        try:
            request: httpx.Request | None = self.response.request
        except RuntimeError:
            request = None
        reason = status_reason(self.status_code)
        text = f"{self.status_code}{' ' + reason if reason else ''} for {_describe(request)}"
        if self.message:
            text += f": {self.message}"
        if self.parameter:
            text += f" (parameter: {self.parameter})"
        return text

    @property
    def headers(self) -> httpx.Headers:
        """Response headers, e.g. ``Retry-After`` or ``WWW-Authenticate``."""
        return self.response.headers


class BadRequestError(ApiStatusError):
    """400: the server rejected the input; ``parameter`` names the culprit when the server said."""


class AuthenticationError(ApiStatusError):
    """401: credentials missing, wrong or expired (also raised when logging in or fetching a token fails)."""


class PermissionDeniedError(ApiStatusError):
    """403: the credentials are valid but lack the role or scope for this resource."""


class NotFoundError(ApiStatusError):
    """404: the entity does not exist (OL Connect sends the unknown ID as ``parameter``)."""


class RateLimitError(ApiStatusError):
    """429: too many requests; raised once the retries (which honour ``Retry-After``) are used up."""


class ServerError(ApiStatusError):
    """Any 5xx status, including non-standard ones such as 520."""


class UnexpectedStatusError(ApiStatusError):
    """A status the spec does not document and no other subclass covers (e.g. 499, 418, an odd 2xx)."""


_BY_STATUS: dict[int, type[ApiStatusError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    429: RateLimitError,
}


#: Where one API puts the human message (and the blamed parameter) in a decoded error body.
ErrorText = Callable[[Any], tuple[str | None, str | None]]


def no_error_text(body: Any) -> tuple[str | None, str | None]:
    """The ``ErrorText`` of an API whose error bodies this client does not read."""
    return None, None


def decode_error_body(response: httpx.Response) -> Any:
    """The JSON of an error answer, or ``None`` when it has none (not read, empty, not JSON, too deep)."""
    try:
        content = response.content
    except httpx.ResponseNotRead:
        return None
    if not content:
        return None
    try:
        with json_body.large_body(content):
            return json_body.loads(content)
    except ValueError:  # also nesting too deep and bad UTF-8 (json_body turns both into ValueError)
        return None


def clip_message(value: Any) -> str | None:
    """A message fit for an exception text: scalars only, at most 500 characters, ``None`` for nothing."""
    # Only scalars: a hostile server could send a message that is a huge or deeply nested structure.
    if isinstance(value, bool) or not isinstance(value, str | int | float) or value == "":
        return None
    text = str(value)
    return text if len(text) <= _MAX_MESSAGE_CHARS else text[:_MAX_MESSAGE_CHARS] + "..."


def error_for_response(
    response: httpx.Response,
    *,
    body: Any,
    error_text: ErrorText,
    model: Any = None,
    credentials_request: bool = False,
) -> ApiStatusError:
    """Build the most specific ``ApiStatusError`` for a response that is not a success.

    ``body`` is the decoded error body (``decode_error_body``), read for its message by ``error_text``.
    ``credentials_request`` marks a login or token request: any 4xx there (OAuth answers 400 for a bad
    scope or grant) means "could not authenticate" and becomes ``AuthenticationError``, except 429, which
    says "ask again later" and stays a ``RateLimitError`` like anywhere else.
    """
    status = response.status_code
    if credentials_request and 400 <= status <= 499 and status != 429:
        kind: type[ApiStatusError] | None = AuthenticationError
    else:
        kind = _BY_STATUS.get(status)
    if kind is None:
        kind = ServerError if 500 <= status <= 599 else UnexpectedStatusError
    message, parameter = error_text(body)
    return kind(
        response, message=clip_message(message), parameter=clip_message(parameter), body=body, model=model
    )
