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
configured for (a redirect httpx follows, for instance) raises ``ForeignOriginError`` unsent, and a request
whose credentials (recorded by the auth flow as a ``CredentialScope`` in its extensions, which httpx copies
onto redirects) are not meant for its URL raises ``CredentialRedirectError`` unsent.

It also enforces the call's limits: the overall ``deadline`` (no retry starts, and no read waits, past it;
see ``deadlines.py``) and ``max_response_bytes`` (counted on the decoded body, so a small gzip bomb is
stopped as early as a large plain body).

httpx-retries on PyPI covers part of this, but it cannot express "POST only before sending", per-call
policies or per-attempt logging, so this module implements the loop itself.
"""

from __future__ import annotations

import dataclasses
import email.utils
import random
import re
import time
from collections.abc import Callable
from datetime import UTC, datetime

import anyio
import httpx

from . import deadlines
from .errors import ApiTimeoutError, ResponseTooLargeError
from .logs import log_failure, log_response, log_retry
from .origins import CREDENTIAL_EXTENSION, CredentialScope, OriginPolicy
from .redaction import keep_redacted

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
        deadline: seconds one call may take in all (its login, retries, waits and body reads included);
            ``None`` for no overall limit. Past it the call raises ``ApiTimeoutError``.
        max_response_bytes: the largest response body accepted, counted after decompression; ``None``
            (the default) for no cap. A larger body raises ``ResponseTooLargeError``.
    """

    max_retries: int = 2
    backoff_initial: float = 0.5
    backoff_max: float = 8.0
    retry_after_max: float = 60.0
    retry_statuses: frozenset[int] = frozenset({429, 502, 503, 504})
    idempotent_methods: frozenset[str] = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE"})
    refused_statuses: frozenset[int] = frozenset({429})
    deadline: float | None = 300.0
    max_response_bytes: int | None = None

    def __post_init__(self) -> None:
        if self.max_retries < 0:
            raise ValueError("max_retries must be >= 0")
        if self.deadline is not None and not self.deadline > 0:
            raise ValueError("deadline must be > 0 seconds (or None)")
        if self.max_response_bytes is not None and self.max_response_bytes < 0:
            raise ValueError("max_response_bytes must be >= 0 (or None)")
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
    if _DELTA_SECONDS.fullmatch(value):  # ASCII digits only: "²".isdigit() is true but float("²") fails
        return float(value)  # a huge number becomes inf, which the policy's cap cuts down
    try:
        when = email.utils.parsedate_to_datetime(value)
        if when.tzinfo is None:
            when = when.replace(tzinfo=UTC)
        current = now or datetime.now(UTC)
        return max(0.0, (when - current).total_seconds())
    except (TypeError, ValueError, IndexError, OverflowError):  # a year or zone out of range, and so on
        return None


_DELTA_SECONDS = re.compile(r"[0-9]+")


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


class _Limits:
    """The limits one attempt reads its body under: the call's deadline and the size cap."""

    __slots__ = ("deadline", "max_bytes", "request", "size")

    def __init__(self, request: httpx.Request, deadline: float | None, max_bytes: int | None) -> None:
        self.request = request
        self.deadline = deadline
        self.max_bytes = max_bytes
        self.size = 0

    def check_time(self) -> None:
        if self.deadline is not None and time.monotonic() >= self.deadline:
            raise _deadline_error(self.request)

    def add(self, chunk: bytes) -> bytes:
        self.check_time()
        if self.max_bytes is not None:
            self.size += len(chunk)
            if self.size > self.max_bytes:
                raise ResponseTooLargeError(
                    f"{self.request.method} {self.request.url.path}: the response body is larger than "
                    f"max_response_bytes={self.max_bytes} (counted after decompression)",
                    limit=self.max_bytes,
                    request=self.request,
                )
        return chunk


def _deadline_error(request: httpx.Request) -> ApiTimeoutError:
    return ApiTimeoutError(
        f"{request.method} {request.url.path}: the call's overall deadline passed", request=request
    )


def _decoded(response: httpx.Response) -> bool:
    """Whether the body must be decoded here (to count its decoded size): a cap is set and it is encoded."""
    return "Content-Encoding" in response.headers


def _read_raw(response: httpx.Response, limits: _Limits) -> bytes | None:
    try:
        if limits.max_bytes is not None and _decoded(response):
            response.request = limits.request
            body = b"".join(limits.add(chunk) for chunk in response.iter_bytes())
            _drop_encoding(response)
            return body
        return b"".join(limits.add(chunk) for chunk in response.iter_raw())
    except httpx.StreamConsumed:
        return None
    finally:
        response.close()


async def _aread_raw(response: httpx.Response, limits: _Limits) -> bytes | None:
    try:
        if limits.max_bytes is not None and _decoded(response):
            response.request = limits.request
            body = b"".join([limits.add(chunk) async for chunk in response.aiter_bytes()])
            _drop_encoding(response)
            return body
        return b"".join([limits.add(chunk) async for chunk in response.aiter_raw()])
    except httpx.StreamConsumed:
        return None
    finally:
        await response.aclose()


def _drop_encoding(response: httpx.Response) -> None:
    """The body was decoded here: its headers must no longer say it is encoded (or how long it was)."""
    for name in ("Content-Encoding", "Content-Length"):
        if name in response.headers:
            del response.headers[name]


def _prepare(request: httpx.Request, origins: OriginPolicy | None, policy: RetryPolicy) -> float | None:
    """Gate checks before the first attempt; returns the call's deadline (absolute, monotonic)."""
    if origins is not None:
        origins.check(request.url, source="a request")
    scope = request.extensions.get(CREDENTIAL_EXTENSION)
    if isinstance(scope, CredentialScope):
        scope.enforce(request.url)
    keep_redacted(request)  # a followed redirect's headers are rebuilt by httpx without our masking
    deadline = request.extensions.get(deadlines.DEADLINE_EXTENSION)
    if not isinstance(deadline, int | float):
        deadline = None if policy.deadline is None else time.monotonic() + policy.deadline
        if deadline is not None:
            request.extensions[deadlines.DEADLINE_EXTENSION] = deadline
    return deadline


def _time_for(delay: float, deadline: float | None) -> bool:
    """Whether a retry after ``delay`` seconds still starts before the deadline."""
    return deadline is None or time.monotonic() + delay < deadline


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
        policy = _policy_for(request, self.policy)
        deadline = _prepare(request, self.origins, policy)
        limits = _Limits(request, deadline, policy.max_response_bytes)
        token = deadlines.current_deadline.set(deadline)
        try:
            return self._attempts(request, policy, limits)
        finally:
            deadlines.current_deadline.reset(token)

    def _attempts(self, request: httpx.Request, policy: RetryPolicy, limits: _Limits) -> httpx.Response:
        attempt = 0
        while True:
            attempt += 1
            limits.check_time()
            limits.size = 0
            started = time.monotonic()
            try:
                response = self._inner.handle_request(request)
                raw = _read_raw(response, limits)
            except httpx.TransportError as error:
                log_failure(request, error, attempt=attempt, duration_s=time.monotonic() - started)
                if attempt > policy.max_retries or not policy.should_retry_error(request.method, error):
                    raise
                delay = policy.backoff(attempt)
                if not _time_for(delay, limits.deadline):
                    raise
                log_retry(request, attempt=attempt, delay_s=delay, reason=type(error).__name__)
                self._sleep(delay)
                continue
            log_response(request, response, attempt=attempt, duration_s=time.monotonic() - started)
            if attempt <= policy.max_retries and policy.should_retry_status(
                request.method, response.status_code
            ):
                delay = policy.delay_for(response, attempt)
                if _time_for(delay, limits.deadline):
                    log_retry(
                        request, attempt=attempt, delay_s=delay, reason=f"status {response.status_code}"
                    )
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
        policy = _policy_for(request, self.policy)
        deadline = _prepare(request, self.origins, policy)
        limits = _Limits(request, deadline, policy.max_response_bytes)
        token = deadlines.current_deadline.set(deadline)
        try:
            return await self._attempts(request, policy, limits)
        finally:
            deadlines.current_deadline.reset(token)

    async def _attempts(self, request: httpx.Request, policy: RetryPolicy, limits: _Limits) -> httpx.Response:
        attempt = 0
        while True:
            attempt += 1
            limits.check_time()
            limits.size = 0
            started = time.monotonic()
            try:
                response = await self._inner.handle_async_request(request)
                raw = await _aread_raw(response, limits)
            except httpx.TransportError as error:
                log_failure(request, error, attempt=attempt, duration_s=time.monotonic() - started)
                if attempt > policy.max_retries or not policy.should_retry_error(request.method, error):
                    raise
                delay = policy.backoff(attempt)
                if not _time_for(delay, limits.deadline):
                    raise
                log_retry(request, attempt=attempt, delay_s=delay, reason=type(error).__name__)
                await anyio.sleep(delay)
                continue
            log_response(request, response, attempt=attempt, duration_s=time.monotonic() - started)
            if attempt <= policy.max_retries and policy.should_retry_status(
                request.method, response.status_code
            ):
                delay = policy.delay_for(response, attempt)
                if _time_for(delay, limits.deadline):
                    log_retry(
                        request, attempt=attempt, delay_s=delay, reason=f"status {response.status_code}"
                    )
                    await anyio.sleep(delay)
                    continue
            return _finish(response, raw, request, attempt)

    async def aclose(self) -> None:
        await self._inner.aclose()
