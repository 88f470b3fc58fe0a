"""Errors raised by every operation function (the hierarchy lives in ``_runtime.errors``).

``ApiError`` is the base. ``ApiStatusError`` (status, message, parameter, raw response) has one subclass
per status family; ``ApiConnectionError``/``ApiTimeoutError`` cover requests that got no answer;
``ForeignOriginError`` a URL from the server that leads off the configured origin, ``CredentialRedirectError``
a redirect that would carry credentials where they do not belong, ``InvalidUrlError`` a server URL that is no
URL; ``ResponseTooLargeError`` a body past ``max_response_bytes``; ``PagingLoopError`` and
``PageLimitError`` (both ``PagingError``) a page walk that the server would keep going forever.
``InvalidRequestError`` (also a ``ValueError``) arguments the client refuses to send, raised before any request;
``UpdateRejectedError`` a single-entity update the server answered with ``false``.
"""

from ._runtime.errors import (
    ApiConnectionError,
    ApiError,
    ApiStatusError,
    ApiTimeoutError,
    AuthenticationError,
    BadRequestError,
    CredentialRedirectError,
    ForeignOriginError,
    InvalidUrlError,
    NotFoundError,
    PageLimitError,
    PagingError,
    PagingLoopError,
    PermissionDeniedError,
    RateLimitError,
    ResponseParseError,
    ResponseTooLargeError,
    ServerError,
    UnexpectedStatusError,
    error_for_response,
)
from ._runtime.public_names import adopt_classes
from ._runtime.request_checks import InvalidRequestError, UpdateRejectedError

#: The stock generator's name for "a status the spec does not document"; kept for familiarity.
UnexpectedStatus = UnexpectedStatusError

# The classes are defined in the private runtime but documented here: tracebacks, reprs and pickles name
# this public module (``<package>.errors.NotFoundError``), where users import them from.
adopt_classes(__name__, globals(), ApiError)

__all__ = [
    "ApiConnectionError",
    "ApiError",
    "ApiStatusError",
    "ApiTimeoutError",
    "AuthenticationError",
    "BadRequestError",
    "CredentialRedirectError",
    "ForeignOriginError",
    "InvalidRequestError",
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
    "UnexpectedStatus",
    "UnexpectedStatusError",
    "UpdateRejectedError",
    "error_for_response",
]
