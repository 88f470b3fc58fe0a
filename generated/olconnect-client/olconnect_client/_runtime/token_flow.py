"""The token *flow*: cache a token until shortly before expiry, attach it, refresh once on 401.

Where the token comes from is a ``TokenGrant`` (``token_grant.py``: the OL Connect login, the OAuth
client-credentials grant); this class owns what every grant shares:

- the token is reused until ``refresh_margin`` seconds (at most a tenth of its lifetime) before it
  expires, then fetched again before the call instead of waiting for a 401;
- a 401 on a call made with the cached token drops it, fetches a new one and repeats the call once;
- concurrent callers share one fetch: threads wait on a ``threading.Lock``, asyncio tasks on a per-loop
  ``asyncio.Lock``; whoever gets the lock second finds the fresh token and uses it. A waiter waits no
  longer than its own call could have taken (its deadline, else the sum of its timeouts), then raises
  ``ApiTimeoutError``; when the fetch it waited for failed, it raises that same failure instead of
  sending the login again (one failing login per burst of callers, not one per caller);
- token requests go through the same client, so they get the client's retries (POSTs only before
  sending), timeouts and logging;
- a token is checked when it arrives: empty, non-ASCII or holding characters an HTTP header cannot carry
  raises ``AuthenticationError`` with a text that does not quote it (sending it would fail later, inside
  h11, with an error message that does);
- what a request needs is read from the security its operation recorded on it (``security.py``, from the
  spec): the operation that issues the grant's token (``login``, ``request_token``) goes to the token URL
  with the grant's credentials, never with a token, and its answer is checked like an automatic fetch; an
  operation whose security does not name the grant's scheme goes without a token; any other request gets it;
- once a client bound its origin (``ClientAuth.bind_origin``), the flow refuses to attach a token to a
  request for any other origin;
- every request that carries credentials records where they may go (``CredentialScope``: the token's
  origin, or the one login/token URL); the retrying transport refuses a redirect that would take them
  anywhere else, whatever ``follow_redirects`` says;
- a login or token request sent by hand that fails raises the same ``AuthenticationError`` (any 4xx
  but 429) as the automatic one.
"""

from __future__ import annotations

import asyncio
import dataclasses
import threading
import time
import weakref
from collections.abc import AsyncGenerator, Callable, Generator

import httpx

from .client_auth import ClientAuth
from .deadlines import DEADLINE_EXTENSION
from .errors import (
    ApiConnectionError,
    ApiError,
    ApiTimeoutError,
    AuthenticationError,
    ResponseParseError,
    decode_error_body,
    error_for_response,
)
from .failures import PARSE_ERRORS
from .origins import CREDENTIAL_EXTENSION, CredentialScope, OriginPolicy
from .redaction import redact_headers_holding
from .security import security_of
from .token_grant import TokenGrant, UnusableTokenError, check_token

__all__ = ["CachedToken", "TokenFlow", "bind_to_endpoint"]


def bind_to_endpoint(request: httpx.Request, *, what: str) -> httpx.Request:
    """Record that ``request``'s credentials go to its URL only (no redirect may take them elsewhere)."""
    request.extensions[CREDENTIAL_EXTENSION] = CredentialScope.for_endpoint(request.url, what=what)
    return request


def _wait_limit(request: httpx.Request) -> float | None:
    """How long a call may wait for another call's token fetch: what its own fetch could have taken."""
    limit: float | None = None
    timeout = request.extensions.get("timeout")
    if isinstance(timeout, dict):
        phases = [timeout.get(phase) for phase in ("connect", "read", "write", "pool")]
        numbers = [float(value) for value in phases if isinstance(value, int | float)]
        if len(numbers) == len(phases):
            limit = sum(numbers)
    deadline = request.extensions.get(DEADLINE_EXTENSION)
    if isinstance(deadline, int | float):
        left = max(0.0, deadline - time.monotonic())
        limit = left if limit is None else min(limit, left)
    return limit


def _waited_too_long(request: httpx.Request, limit: float | None) -> ApiTimeoutError:
    return ApiTimeoutError(
        f"{request.method} {request.url.path}: gave up after waiting {limit:.1f} s for another call's "
        "login or token request to finish",
        request=request,
    )


# The token flow needs to read the token response body, and must resend the original request after a 401.
_Flow = Generator[httpx.Request, httpx.Response, None]
_AsyncFlow = AsyncGenerator[httpx.Request, httpx.Response]


@dataclasses.dataclass(frozen=True, repr=False)
class CachedToken:
    """A token and when (on the monotonic clock) it stops being usable."""

    value: str
    expires_at: float

    def __repr__(self) -> str:
        return f"CachedToken(value='***', expires_at={self.expires_at!r})"


class TokenFlow(ClientAuth):
    """Run a ``TokenGrant``: cache, attach and refresh its token, by what each request's operation needs.

    Arguments:
        grant: how to get a token (and the credentials for it).
        refresh_margin: seconds before expiry at which the token is renewed (at most 10 % of its life).
        clock: the monotonic clock (tests pass a fake one).
    """

    requires_request_body = True
    requires_response_body = True

    def __init__(
        self,
        grant: TokenGrant,
        *,
        refresh_margin: float = 30.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.grant = grant
        self.refresh_margin = refresh_margin
        self._clock = clock
        self._cached: CachedToken | None = None
        self._thread_lock = threading.Lock()
        self._loop_locks: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, asyncio.Lock] = (
            weakref.WeakKeyDictionary()
        )
        self._loop_locks_guard = threading.Lock()
        #: How many tokens this object fetched; tests and metrics read it.
        self.token_fetches = 0
        #: How many fetches finished (well or not), and how the last one failed (``None``: it did not).
        self._fetches_done = 0
        self._last_failure: ApiError | None = None

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.grant!r})"

    def credential_urls(self) -> tuple[str, ...]:
        return self.grant.credential_urls()

    # --- what a request needs --------------------------------------------------------------------------

    def _issues_token(self, request: httpx.Request) -> bool:
        security = security_of(request)
        return security is not None and security.issues == self.grant.scheme

    def _takes_token(self, request: httpx.Request) -> bool:
        security = security_of(request)
        return security is None or security.admits(self.grant.scheme)

    # --- cache ---------------------------------------------------------------------------------------------

    def invalidate(self) -> None:
        """Forget the cached token; the next call fetches a new one."""
        self._cached = None

    def _usable_token(self) -> str | None:
        cached = self._cached
        if cached is None or self._clock() >= cached.expires_at:
            return None
        return cached.value

    def _read_grant(self, response: httpx.Response) -> tuple[str, float]:
        """(token, lifetime) from a token response, or the typed error it deserves (never quoting a token)."""
        if not 200 <= response.status_code <= 299:
            raise self._refusal(response)
        where = f"{response.request.method} {response.request.url.path}"
        try:
            token, lifetime = self.grant.read_token(response)
            return check_token(token), lifetime
        except UnusableTokenError as exc:
            raise AuthenticationError(
                response, message=f"the token in the answer is not usable: {exc}"
            ) from None
        except PARSE_ERRORS as exc:
            raise ResponseParseError(
                f"the answer to {where} holds no usable token ({type(exc).__name__})", response=response
            ) from None

    def _refusal(self, response: httpx.Response) -> ApiError:
        """The typed error of a failed login or token request, its message read the grant's way."""
        body = decode_error_body(response)
        error_text = self.grant.error_text
        return error_for_response(response, body=body, error_text=error_text, credentials_request=True)

    def _pin(self, request: httpx.Request) -> None:
        if self._api_origin is not None:
            self._api_origin.check(request.url, source="the token")

    def _accept(self, response: httpx.Response) -> str:
        """Turn a token response into the cached token, or raise the typed error it deserves."""
        token, lifetime = self._read_grant(response)
        margin = min(self.refresh_margin, lifetime / 10)
        self._cached = CachedToken(token, self._clock() + max(0.0, lifetime - margin))
        self.token_fetches += 1
        return token

    async def _accept_async(self, response: httpx.Response) -> str:
        await response.aread()
        return self._accept(response)

    def _token_request(self, request: httpx.Request) -> httpx.Request:
        token_request = self.grant.token_request(request)
        # Requests built inside an auth flow skip the client's defaults: carry the call's timeout, deadline
        # and User-Agent over (never its other headers, which may hold credentials meant for the API host).
        for key in ("timeout", DEADLINE_EXTENSION):
            if key in request.extensions and key not in token_request.extensions:
                token_request.extensions[key] = request.extensions[key]
        if "User-Agent" in request.headers and "User-Agent" not in token_request.headers:
            token_request.headers["User-Agent"] = request.headers["User-Agent"]
        return bind_to_endpoint(token_request, what="the login credentials")

    def _attach(self, request: httpx.Request, token: str) -> None:
        """Attach the token and record the origins it may travel to."""
        self.grant.apply_token(request, token)
        redact_headers_holding(request, token)
        origin = self._api_origin or OriginPolicy([request.url])
        scope = CredentialScope.for_origins(origin, what="the token")
        request.extensions[CREDENTIAL_EXTENSION] = scope

    def _credentials_request(self, request: httpx.Request) -> httpx.Request:
        return bind_to_endpoint(self.grant.issuing_request(request), what="the login credentials")

    def _check_credentials_answer(self, response: httpx.Response) -> None:
        """A login sent by hand: raise what the automatic login would, else let the caller parse it."""
        if response.is_success:
            self._read_grant(response)  # the caller gets the answer, but only with a usable token
        elif 400 <= response.status_code <= 499:
            raise self._refusal(response)

    def _shared_outcome(self, seen: int, stale: str | None) -> str | None:
        """After getting the lock: the token another call fetched meanwhile, or the failure it met."""
        current = self._usable_token()
        if current is not None and current != stale:
            return current
        if self._fetches_done != seen and self._last_failure is not None:
            # Each waiter raises it afresh, without the traceback of the call that met it first.
            raise self._last_failure.with_traceback(None)
        return None

    def _record(self, failure: ApiError | None) -> None:
        self._fetches_done += 1
        self._last_failure = failure

    def _no_answer(self, request: httpx.Request) -> ApiConnectionError:
        return ApiConnectionError(
            f"the login or token request made for {request.method} {request.url.path} got no usable answer "
            "(the call that sent it raised the details)",
            request=None,
        )

    # --- sync flow -----------------------------------------------------------------------------------------

    def _fetch_sync(
        self, request: httpx.Request, stale: str | None
    ) -> Generator[httpx.Request, httpx.Response, str]:
        seen = self._fetches_done
        limit = _wait_limit(request)
        if not self._thread_lock.acquire(timeout=-1 if limit is None else limit):
            raise _waited_too_long(request, limit)
        try:
            shared = self._shared_outcome(seen, stale)
            if shared is not None:
                return shared  # another thread refreshed while we waited
            failure: ApiError | None = self._no_answer(request)
            try:
                response = yield self._token_request(request)
                response.read()
                token = self._accept(response)
                failure = None
                return token
            except ApiError as exc:
                failure = exc
                raise
            finally:
                self._record(failure)
        finally:
            self._thread_lock.release()

    def sync_auth_flow(self, request: httpx.Request) -> _Flow:
        # Overriding the *_auth_flow methods skips httpx's own body handling, so it is done here.
        request.read()  # the request may be sent twice (after a 401)
        if self._issues_token(request):
            response = yield self._credentials_request(request)
            response.read()
            self._check_credentials_answer(response)
            return
        if not self._takes_token(request):
            yield request
            return
        self._pin(request)
        token = self._usable_token()
        if token is None:
            token = yield from self._fetch_sync(request, None)
        self._attach(request, token)
        response = yield request
        if response.status_code == 401:
            token = yield from self._fetch_sync(request, token)
            self._attach(request, token)
            yield request

    # --- async flow ----------------------------------------------------------------------------------------

    def _loop_lock(self) -> asyncio.Lock:
        loop = asyncio.get_running_loop()
        with self._loop_locks_guard:
            lock = self._loop_locks.get(loop)
            if lock is None:
                lock = self._loop_locks[loop] = asyncio.Lock()
            return lock

    async def _acquire(self, request: httpx.Request) -> asyncio.Lock:
        lock = self._loop_lock()
        limit = _wait_limit(request)
        try:
            await asyncio.wait_for(lock.acquire(), limit)
        except TimeoutError:
            raise _waited_too_long(request, limit) from None
        return lock

    async def async_auth_flow(self, request: httpx.Request) -> _AsyncFlow:
        await request.aread()
        if self._issues_token(request):
            response = yield self._credentials_request(request)
            await response.aread()
            self._check_credentials_answer(response)
            return
        if not self._takes_token(request):
            yield request
            return
        self._pin(request)
        token: str | None = self._usable_token()
        stale: str | None = None
        while True:
            if token is None:
                seen = self._fetches_done
                lock = await self._acquire(request)
                try:
                    token = self._shared_outcome(seen, stale)
                    if token is None:
                        failure: ApiError | None = self._no_answer(request)
                        try:
                            token = await self._accept_async((yield self._token_request(request)))
                            failure = None
                        except ApiError as exc:
                            failure = exc
                            raise
                        finally:
                            self._record(failure)
                finally:
                    lock.release()
            self._attach(request, token)
            response = yield request
            if response.status_code != 401 or stale is not None:
                return
            stale, token = token, None
