"""The one request path every generated operation takes: send, map failures, raise typed errors, parse.

A generated endpoint module keeps only what is specific to it: a ``build_request(...)`` function that turns
its typed arguments into ``httpx`` request arguments (path, query, body, headers) and one ``Operation`` that
holds its per-status parser table. Its four public functions (``sync``, ``sync_detailed``, ``asyncio``,
``asyncio_detailed``) are one line each on top of an ``Operation``, so everything the two clients do on
every call lives here, once, typed and tested in place:

- per-call ``RequestOptions`` are merged into the request (timeout, headers, retry policy);
- the operation's security, as the spec states it, rides on the request for the auth flow (``security.py``);
- transport failures become ``ApiConnectionError``/``ApiTimeoutError`` (``failures.request_failures``);
- any status other than a documented success raises the typed ``ApiStatusError`` subclass, carrying the
  documented error model when the body fits it and the message the package's ``ErrorText`` finds in it
  (``errors.error_for_response``); the error body is decoded once, for both;
- a success body must come with a media type the spec documents for its status (``media_types``), then it
  is decoded by ``json_body`` (collector paused for large bodies) and built into models by the endpoint's
  parser; any way that fails becomes ``ResponseParseError`` (``failures.parse_failures``).

The retries themselves are not here: the client's transport retries each attempt (``retries.py``), and the
policy a call chose reaches it through the request's extensions.
"""

from __future__ import annotations

from collections.abc import Callable, MutableMapping, Sequence
from typing import Any, Generic, Literal, Protocol, TypeVar

import httpx

from . import json_body
from .errors import ErrorText, decode_error_body, error_for_response, no_error_text
from .failures import parse_failures, request_failures
from .media_types import check_media_type
from .options import RequestOptions, apply_options
from .retries import RetryPolicy
from .security import SECURITY_EXTENSION, OperationSecurity
from .types_base import status_of

__all__ = ["BodyKind", "Detailed", "HttpxClients", "Operation", "StatusParser", "no_body", "unchanged"]

T = TypeVar("T")
R = TypeVar("R")
T_contra = TypeVar("T_contra", contravariant=True)
R_co = TypeVar("R_co", covariant=True)

#: What a parser is handed: the decoded JSON, the raw bytes, the decoded text, or nothing.
BodyKind = Literal["json", "content", "text", "none"]
#: ``(lowest status, highest status, body kind, parser[, media types])``: one row of an operation's parser
#: table. The media types (lower-case ``type/subtype``) are the ones the spec lists for the status; a
#: non-empty body of another type does not fit. Without them (or with ``()``) any type is read.
StatusParser = (
    tuple[int, int, BodyKind, Callable[[Any], T]]
    | tuple[int, int, BodyKind, Callable[[Any], T], tuple[str, ...]]
)
_Row = tuple[int, int, BodyKind, Callable[[Any], T], tuple[str, ...]]


class HttpxClients(Protocol):
    """What an operation needs of the generated ``Client``: its two httpx clients and its retry policy."""

    @property
    def retry_policy(self) -> RetryPolicy: ...

    def get_httpx_client(self) -> httpx.Client: ...

    def get_async_httpx_client(self) -> httpx.AsyncClient: ...


class Detailed(Protocol[T_contra, R_co]):
    """The package's ``types.Response`` class, seen as a constructor (the runtime cannot import it)."""

    def __call__(
        self,
        *,
        status_code: int,
        content: bytes,
        headers: MutableMapping[str, str],
        parsed: T_contra,
        raw: httpx.Response,
    ) -> R_co: ...


def unchanged(data: Any) -> Any:
    """The parser of a body that needs no building (a text answer, JSON the spec leaves untyped)."""
    return data


def no_body(data: object) -> None:
    """The parser of a success that documents no body."""
    return None


def _row(row: StatusParser[T]) -> _Row[T]:
    if len(row) == 5:
        return row
    low, high, kind, parse = row
    return (low, high, kind, parse, ())


def _find(table: Sequence[_Row[T]], status: int) -> _Row[T] | None:
    found = None
    for row in table:  # the last matching row wins, as in the stock generator's chain of ``if``s
        if row[0] <= status <= row[1]:
            found = row
    return found


def _read(row: _Row[T], response: httpx.Response) -> T:
    kind, parse = row[2], row[3]
    check_media_type(response, row[4])
    if kind == "json":
        content = response.content
        with json_body.large_body(content):
            return parse(json_body.loads(content))
    if kind == "content":
        return parse(response.content)
    if kind == "text":
        return parse(response.text)
    return parse(None)


class Operation(Generic[T, R]):
    """One API operation's parser table plus the request path shared by all operations.

    Arguments:
        detailed: the package's ``Response`` class (``sync_detailed`` returns one).
        success: parsers for the documented success statuses (below 400).
        failure: parsers for documented error bodies; the parsed model rides on the typed error, and a body
            that does not fit it is ignored (the typed error matters more than a tidy model).
        security: the operation's security from the spec, put on every request it sends.
        error_text: where the package's API puts the message in an error body.
    """

    __slots__ = ("_detailed", "_error_text", "_failure", "_security", "_success")

    def __init__(
        self,
        detailed: Detailed[T, R],
        *,
        success: Sequence[StatusParser[T]],
        failure: Sequence[StatusParser[Any]] = (),
        security: OperationSecurity | None = None,
        error_text: ErrorText = no_error_text,
    ) -> None:
        self._detailed = detailed
        self._security = security
        self._error_text = error_text
        self._success = tuple(_row(row) for row in success)
        self._failure = tuple(_row(row) for row in failure)

    @property
    def error_text(self) -> ErrorText:
        """How this operation reads the message of an error body (a token grant reuses its login's)."""
        return self._error_text

    # --- parsing (no I/O) ----------------------------------------------------------------------------------

    def parse(self, response: httpx.Response) -> T:
        """The documented success body of ``response``, or the typed error for any other status."""
        with parse_failures(response):
            status = response.status_code
            row = _find(self._success, status)
            if row is not None:
                return _read(row, response)
            body = decode_error_body(response)  # once: for the model and for the message
            model = self._error_model(status, response, body)
            raise error_for_response(response, body=body, error_text=self._error_text, model=model)

    def _error_model(self, status: int, response: httpx.Response, body: Any) -> Any:
        row = _find(self._failure, status)
        if row is None:
            return None
        try:
            if row[2] != "json":
                return _read(row, response)
            check_media_type(response, row[4])
            return None if body is None else row[3](body)
        except Exception:  # a body that does not fit the error model must not hide the status
            return None

    def detailed(self, response: httpx.Response) -> R:
        """``parse(response)`` plus status, headers and the raw response, as the package's ``Response``."""
        parsed = self.parse(response)
        return self._detailed(
            status_code=status_of(response.status_code),
            content=response.content,
            headers=response.headers,
            parsed=parsed,
            raw=response,
        )

    # --- sending -------------------------------------------------------------------------------------------

    def _prepare(
        self, client: HttpxClients, request: dict[str, Any], options: RequestOptions | None
    ) -> dict[str, Any]:
        kwargs = apply_options(request, options, client_policy=client.retry_policy)
        if self._security is not None:
            kwargs["extensions"] = {**kwargs.get("extensions", {}), SECURITY_EXTENSION: self._security}
        return kwargs

    def send(
        self, client: HttpxClients, request: dict[str, Any], options: RequestOptions | None = None
    ) -> httpx.Response:
        """Send ``request`` (arguments of ``httpx.Client.request``) with ``options``; no status check."""
        kwargs = self._prepare(client, request, options)
        with request_failures():
            return client.get_httpx_client().request(**kwargs)

    async def asend(
        self, client: HttpxClients, request: dict[str, Any], options: RequestOptions | None = None
    ) -> httpx.Response:
        """The async twin of ``send``."""
        kwargs = self._prepare(client, request, options)
        with request_failures():
            return await client.get_async_httpx_client().request(**kwargs)

    def sync(self, client: HttpxClients, request: dict[str, Any], options: RequestOptions | None = None) -> T:
        return self.parse(self.send(client, request, options))

    def sync_detailed(
        self, client: HttpxClients, request: dict[str, Any], options: RequestOptions | None = None
    ) -> R:
        return self.detailed(self.send(client, request, options))

    async def asyncio(
        self, client: HttpxClients, request: dict[str, Any], options: RequestOptions | None = None
    ) -> T:
        return self.parse(await self.asend(client, request, options))

    async def asyncio_detailed(
        self, client: HttpxClients, request: dict[str, Any], options: RequestOptions | None = None
    ) -> R:
        return self.detailed(await self.asend(client, request, options))
