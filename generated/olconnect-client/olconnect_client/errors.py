"""Errors raised by every operation function (the hierarchy lives in ``_runtime.errors``).

``ApiError`` is the base. ``ApiStatusError`` (status, message, parameter, raw response) has one subclass
per status family; ``ApiConnectionError``/``ApiTimeoutError`` cover requests that got no answer.
"""

from ._runtime.errors import (
    ApiConnectionError,
    ApiError,
    ApiStatusError,
    ApiTimeoutError,
    AuthenticationError,
    BadRequestError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    ResponseParseError,
    ServerError,
    UnexpectedStatusError,
    error_for_response,
)

#: The stock generator's name for "a status the spec does not document"; kept for familiarity.
UnexpectedStatus = UnexpectedStatusError

__all__ = [
    "ApiConnectionError",
    "ApiError",
    "ApiStatusError",
    "ApiTimeoutError",
    "AuthenticationError",
    "BadRequestError",
    "NotFoundError",
    "PermissionDeniedError",
    "RateLimitError",
    "ResponseParseError",
    "ServerError",
    "UnexpectedStatus",
    "UnexpectedStatusError",
    "error_for_response",
]
