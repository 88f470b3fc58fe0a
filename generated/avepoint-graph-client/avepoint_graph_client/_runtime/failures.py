"""The one place that turns whatever a response can make go wrong into the ``ApiError`` hierarchy.

A hostile or broken server can make the layers below us fail in many ways: httpx transport errors
(refused, dropped, protocol violations, timeouts), ``httpx.DecodingError`` for a body whose
``Content-Encoding`` lies (bad gzip), ``UnicodeError`` for text in an encoding that does not decode,
``RecursionError`` for JSON nested tens of thousands deep, and the ``ValueError``/``TypeError``/``KeyError``
family when a body does not have the documented shape. Callers should only ever need ``except ApiError``.

Two context managers, used by every generated operation (sync and async), the paging iterators and the
token flows:

- ``request_failures()`` around sending a request and receiving its response;
- ``parse_failures(response)`` around turning a received body into models.

Both let an ``ApiError`` raised inside pass unchanged, and both build messages from the exception's type
and the request's method and path only, so no header, query string or body text (where tokens travel)
ends up in ``str(error)``.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

import httpx

from .errors import ApiConnectionError, ApiError, InvalidUrlError, ResponseParseError
from .json_body import JsonNestingError

__all__ = ["PARSE_ERRORS", "parse_failures", "request_failures"]

#: What decoding a body into models may raise when the body is not what the spec says.
PARSE_ERRORS: tuple[type[Exception], ...] = (
    ValueError,  # includes json.JSONDecodeError, UnicodeDecodeError and JsonNestingError
    TypeError,
    KeyError,
    AttributeError,
    IndexError,
    OverflowError,
    RecursionError,
)


def _describe(request: httpx.Request | None) -> str:
    return "request" if request is None else f"{request.method} {request.url.path}"


def _request_of(exc: httpx.RequestError) -> httpx.Request | None:
    try:
        return exc.request
    except RuntimeError:
        return None


@contextlib.contextmanager
def request_failures() -> Iterator[None]:
    """Map failures while a request is sent and its response received (works in async code too)."""
    try:
        yield
    except ApiError:
        raise
    except httpx.TransportError as exc:
        raise ApiConnectionError.from_transport_error(exc) from exc
    except httpx.DecodingError as exc:
        request = _request_of(exc)
        raise ApiConnectionError(
            f"{_describe(request)}: the response body could not be decoded (its Content-Encoding is "
            "broken or wrong)",
            request=request,
        ) from exc
    except httpx.RequestError as exc:  # TooManyRedirects and any future request-level error
        request = _request_of(exc)
        raise ApiConnectionError(
            f"{_describe(request)} failed: {type(exc).__name__}", request=request
        ) from exc
    except httpx.InvalidURL:
        # Not an httpx.HTTPError: a URL with a tab or newline, or too long (a server's nextLink or Location).
        raise InvalidUrlError("the request was not sent: its URL is not valid (InvalidURL)") from None
    except (UnicodeError, RecursionError) as exc:
        # Raised while headers or bodies are encoded or decoded; the text may quote the offending value.
        raise ApiConnectionError(
            f"the request or its response could not be processed: {type(exc).__name__}"
        ) from None
    except Exception as exc:
        # Anything else a layer below can raise on hostile input (a header it cannot parse, an overflow):
        # still an ApiError, named by type only, since the text may quote a header or a URL.
        raise ApiConnectionError(
            f"the request or its response could not be processed: {type(exc).__name__}"
        ) from None


@contextlib.contextmanager
def parse_failures(response: httpx.Response, *, what: str = "does not match the spec") -> Iterator[None]:
    """Map failures while ``response``'s body becomes models into ``ResponseParseError``."""
    try:
        yield
    except ApiError:
        raise
    except PARSE_ERRORS as exc:
        raise ResponseParseError(
            f"{response.status_code} response to {_describe(response.request)} {what}: {_reason(exc)}",
            response=response,
        ) from (None if isinstance(exc, RecursionError | UnicodeError) else exc)


def _reason(exc: BaseException) -> str:
    """A short reason: the exception type and at most 200 characters of its text.

    Deep-nesting and encoding errors get a fixed text (theirs can be huge or quote raw bytes). Callers that
    parse a body holding a secret (a token response) use their own messages instead.
    """
    if isinstance(exc, JsonNestingError | RecursionError):
        return "JSON nested too deeply"
    if isinstance(exc, UnicodeError):
        return f"text that does not decode ({type(exc).__name__})"
    text = str(exc)
    return f"{type(exc).__name__}: {text[:200]}{'...' if len(text) > 200 else ''}"
