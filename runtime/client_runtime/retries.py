"""Safe automatic retries as an httpx transport wrapper (sync and async).

Why a transport: it sits below ``httpx.Auth``, so the logins and token requests an auth flow sends are
retried and logged by the same rules as ordinary calls, and the generated endpoint code needs no changes.

The rules (the issue's contract):
- retry on connection errors, read timeouts and the statuses 429, 502, 503 and 504;
- only for idempotent methods (GET, PUT, HEAD, OPTIONS, DELETE). A POST (login, token request) is retried
  only when the connection failed *before* the request was sent (connect error or timeout, pool timeout),
  or when the server answered 429, because in both cases the server has not acted on it;
- wait ``Retry-After`` (seconds or an HTTP date) when the server sends it, capped at
  ``RetryPolicy.retry_after_max``; otherwise exponential backoff with jitter;
- ``max_retries`` (default 2) extra attempts; ``RetryPolicy(max_retries=0)`` turns retries off.

The transport is also the last gate before the network: a request for an origin the client was not
configured for (a redirect httpx follows, for instance) raises ``ForeignOriginError`` unsent.

httpx-retries on PyPI covers part of this, but it cannot express "POST only before sending", per-call
policies or per-attempt logging, so this module implements the loop itself.
"""

from __future__ import annotations

import dataclasses
import email.utils
import random
import time
from collections.abc import Callable
from datetime import UTC, datetime

import anyio
import httpx

from .logs import log_failure, log_response, log_retry
from .origins import OriginPolicy

__all__ = [
    "DEFAULT_RETRY_POLICY",
    "NO_RETRIES",
    "RETRY_EXTENSION",
    "AsyncRetryingTransport",
    "RetryPolicy",
    "RetryingTransport",
    "parse_retry_after",
]

#: ``request.extensions`` key through which a single call overrides the client's policy.
RETRY_EXTENSION = "retry_policy"

#: Errors that happen before any byte of the request reached the server: safe to retry for any method.
_BEFORE_SEND_ERRORS: tuple[type[Exception], ...] = (
    httpx.ConnectError,
    httpx.ConnectTimeout,
    httpx.PoolTimeout,
)
#: Errors after (part of) the request was sent: safe to retry only when repeating it changes nothing.
_AFTER_SEND_ERRORS: tuple[type[Exception], ...] = (
    httpx.ReadTimeout,
    httpx.WriteTimeout,
    httpx.ReadError,
    httpx.WriteError,
    httpx.RemoteProtocolError,
)


@dataclasses.dataclass(frozen=True)
class RetryPolicy:
    """When and how long to wait before sending a request again.

    Attributes:
        max_retries: extra attempts after the first one; 0 disables retries.
        backoff_initial: the first backoff delay in seconds, doubled on every further retry.
        backoff_max: the largest backoff delay (before jitter).
        retry_after_max: the longest ``Retry-After`` wait honoured; longer server requests are cut to this.
        retry_statuses: response statuses worth retrying.
        idempotent_methods: methods that may be repeated after the server may have seen them.
        refused_statuses: statuses that say the server did not act on the request (429 Too Many
            Requests, RFC 6585), so they are retried for every method, the login and token POSTs included.
    """

    max_retries: int = 2
    backoff_initial: float = 0.5
    backoff_max: float = 8.0
    retry_after_max: float = 60.0
    retry_statuses: frozenset[int] = frozenset({429, 502, 503, 504})
    idempotent_methods: frozenset[str] = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE"})
    refused_statuses: frozenset[int] = frozenset({429})

    def __post_init__(self) -> None:
        if self.max_retries < 0:
            raise ValueError("max_retries must be >= 0")
        if self.backoff_initial < 0 or self.backoff_max < 0 or self.retry_after_max < 0:
            raise ValueError("retry delays must be >= 0")

    def backoff(self, retry_number: int) -> float:
        """Exponential backoff for retry n (1-based) with "equal jitter": between half and all of it."""
        ceiling = min(self.backoff_max, self.backoff_initial * 2.0 ** (retry_number - 1))
        return ceiling / 2 + random.uniform(0, ceiling / 2)

    def delay_for(
        self, response: httpx.Response | None, retry_number: int, *, now: datetime | None = None
    ) -> float:
        """How long to wait before retry ``retry_number``: the server's ``Retry-After`` wins when present."""
        if response is not None:
            header = response.headers.get("Retry-After")
            if header is not None:
                seconds = parse_retry_after(header, now=now)
                if seconds is not None:
                    return min(seconds, self.retry_after_max)
        return self.backoff(retry_number)

    def should_retry_error(self, method: str, error: Exception) -> bool:
        """Whether an attempt that ended in ``error`` may be repeated."""
        if isinstance(error, _BEFORE_SEND_ERRORS):
            return True
        return method.upper() in self.idempotent_methods and isinstance(error, _AFTER_SEND_ERRORS)

    def should_retry_status(self, method: str, status_code: int) -> bool:
        """Whether a status may be retried (for a non-idempotent method only a refusal such as 429)."""
        if status_code not in self.retry_statuses:
            return False
        return status_code in self.refused_statuses or method.upper() in self.idempotent_methods


DEFAULT_RETRY_POLICY = RetryPolicy()
NO_RETRIES = RetryPolicy(max_retries=0)


def parse_retry_after(value: str, *, now: datetime | None = None) -> float | None:
    """Seconds to wait from a ``Retry-After`` value: delta-seconds or an HTTP date; ``None`` if unreadable."""
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    current = now or datetime.now(UTC)
    return max(0.0, (when - current).total_seconds())


def _policy_for(request: httpx.Request, default: RetryPolicy) -> RetryPolicy:
    override = request.extensions.get(RETRY_EXTENSION)
    return override if isinstance(override, RetryPolicy) else default


def _finish(
    response: httpx.Response, raw: bytes | None, request: httpx.Request, attempts: int
) -> httpx.Response:
    """The response to hand up, with its body in memory so a body read cannot fail after we return."""
    if raw is None:  # the body was in memory already (e.g. built by httpx.MockTransport)
        response.extensions["attempts"] = attempts
        return response
    extensions = dict(response.extensions)
    extensions["attempts"] = attempts
    # A stream (not ``content=``) so httpx reads and closes it as usual, which also sets ``elapsed``.
    return httpx.Response(
        response.status_code,
        headers=response.headers,
        stream=httpx.ByteStream(raw),
        extensions=extensions,
        request=request,
    )


def _read_raw(response: httpx.Response) -> bytes | None:
    try:
        return b"".join(response.iter_raw())
    except httpx.StreamConsumed:
        return None
    finally:
        response.close()


async def _aread_raw(response: httpx.Response) -> bytes | None:
    try:
        return b"".join([chunk async for chunk in response.aiter_raw()])
    except httpx.StreamConsumed:
        return None
    finally:
        await response.aclose()


class RetryingTransport(httpx.BaseTransport):
    """Wraps a sync transport; reads each body fully so dropped connections mid-body are retried too."""

    def __init__(
        self,
        inner: httpx.BaseTransport,
        policy: RetryPolicy = DEFAULT_RETRY_POLICY,
        *,
        sleep: Callable[[float], None] = time.sleep,
        origins: OriginPolicy | None = None,
    ) -> None:
        self._inner = inner
        self.policy = policy
        self._sleep = sleep
        self.origins = origins

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if self.origins is not None:
            self.origins.check(request.url, source="a request")
        policy = _policy_for(request, self.policy)
        attempt = 0
        while True:
            attempt += 1
            started = time.monotonic()
            try:
                response = self._inner.handle_request(request)
                raw = _read_raw(response)
            except httpx.TransportError as error:
                log_failure(request, error, attempt=attempt, duration_s=time.monotonic() - started)
                if attempt > policy.max_retries or not policy.should_retry_error(request.method, error):
                    raise
                delay = policy.backoff(attempt)
                log_retry(request, attempt=attempt, delay_s=delay, reason=type(error).__name__)
                self._sleep(delay)
                continue
            log_response(request, response, attempt=attempt, duration_s=time.monotonic() - started)
            if attempt <= policy.max_retries and policy.should_retry_status(
                request.method, response.status_code
            ):
                delay = policy.delay_for(response, attempt)
                log_retry(request, attempt=attempt, delay_s=delay, reason=f"status {response.status_code}")
                self._sleep(delay)
                continue
            return _finish(response, raw, request, attempt)

    def close(self) -> None:
        self._inner.close()


class AsyncRetryingTransport(httpx.AsyncBaseTransport):
    """The async twin of ``RetryingTransport``; sleeps with ``anyio.sleep`` (asyncio and trio)."""

    def __init__(
        self,
        inner: httpx.AsyncBaseTransport,
        policy: RetryPolicy = DEFAULT_RETRY_POLICY,
        *,
        origins: OriginPolicy | None = None,
    ) -> None:
        self._inner = inner
        self.policy = policy
        self.origins = origins

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if self.origins is not None:
            self.origins.check(request.url, source="a request")
        policy = _policy_for(request, self.policy)
        attempt = 0
        while True:
            attempt += 1
            started = time.monotonic()
            try:
                response = await self._inner.handle_async_request(request)
                raw = await _aread_raw(response)
            except httpx.TransportError as error:
                log_failure(request, error, attempt=attempt, duration_s=time.monotonic() - started)
                if attempt > policy.max_retries or not policy.should_retry_error(request.method, error):
                    raise
                delay = policy.backoff(attempt)
                log_retry(request, attempt=attempt, delay_s=delay, reason=type(error).__name__)
                await anyio.sleep(delay)
                continue
            log_response(request, response, attempt=attempt, duration_s=time.monotonic() - started)
            if attempt <= policy.max_retries and policy.should_retry_status(
                request.method, response.status_code
            ):
                delay = policy.delay_for(response, attempt)
                log_retry(request, attempt=attempt, delay_s=delay, reason=f"status {response.status_code}")
                await anyio.sleep(delay)
                continue
            return _finish(response, raw, request, attempt)

    async def aclose(self) -> None:
        await self._inner.aclose()
