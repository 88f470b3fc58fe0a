"""A token-fetching ``httpx.Auth`` base: cache until shortly before expiry, refresh once on 401.

Both APIs work the same way at this level: send one request to get a token with a lifetime, then send
the token on every call. Subclasses say how to ask for a token, how to read the answer and how to attach
it; this class owns the lifecycle:

- the token is reused until ``refresh_margin`` seconds (at most a tenth of its lifetime) before it
  expires, then fetched again before the call instead of waiting for a 401;
- a 401 on a call made with the cached token drops it, fetches a new one and repeats the call once;
- concurrent callers share one fetch: threads wait on a ``threading.Lock``, asyncio tasks on a per-loop
  ``asyncio.Lock``; whoever gets the lock second finds the fresh token and uses it;
- token requests go through the same client, so they get the client's retries (POSTs only before
  sending), timeouts and logging.
"""

from __future__ import annotations

import asyncio
import dataclasses
import threading
import time
import weakref
from collections.abc import AsyncGenerator, Callable, Generator

import httpx

from .errors import ApiError, ResponseParseError, error_for_response

__all__ = ["RefreshingTokenAuth", "TokenGrant"]

# The token flow needs to read the token response body, and must resend the original request after a 401.
_Flow = Generator[httpx.Request, httpx.Response, None]
_AsyncFlow = AsyncGenerator[httpx.Request, httpx.Response]


@dataclasses.dataclass(frozen=True, repr=False)
class TokenGrant:
    """A token and when (on the monotonic clock) it stops being usable."""

    value: str
    expires_at: float

    def __repr__(self) -> str:
        return f"TokenGrant(value='***', expires_at={self.expires_at!r})"


class RefreshingTokenAuth(httpx.Auth):
    """Base class; subclasses implement ``build_token_request``, ``read_token`` and ``apply_token``."""

    requires_request_body = True
    requires_response_body = True

    def __init__(self, *, refresh_margin: float = 30.0, clock: Callable[[], float] = time.monotonic) -> None:
        self.refresh_margin = refresh_margin
        self._clock = clock
        self._grant: TokenGrant | None = None
        self._thread_lock = threading.Lock()
        self._loop_locks: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, asyncio.Lock] = (
            weakref.WeakKeyDictionary()
        )
        self._loop_locks_guard = threading.Lock()
        #: How many tokens this object fetched; tests and metrics read it.
        self.token_fetches = 0

    # --- what subclasses provide -------------------------------------------------------------------------

    def build_token_request(self, request: httpx.Request) -> httpx.Request:
        """The request that fetches a token; ``request`` is the call that needs one (for URL and timeout)."""
        raise NotImplementedError

    def read_token(self, response: httpx.Response) -> tuple[str, float]:
        """(token, lifetime in seconds) from a 2xx token response."""
        raise NotImplementedError

    def apply_token(self, request: httpx.Request, token: str) -> None:
        """Attach the token to ``request``."""
        raise NotImplementedError

    # --- cache ---------------------------------------------------------------------------------------------

    def invalidate(self) -> None:
        """Forget the cached token; the next call fetches a new one."""
        self._grant = None

    def _usable_token(self) -> str | None:
        grant = self._grant
        if grant is None or self._clock() >= grant.expires_at:
            return None
        return grant.value

    def _accept(self, response: httpx.Response) -> str:
        """Turn a token response into the cached token, or raise the typed error it deserves."""
        if not 200 <= response.status_code <= 299:
            raise error_for_response(response, credentials_request=True)
        try:
            token, lifetime = self.read_token(response)
        except ApiError:
            raise
        except (KeyError, TypeError, ValueError) as exc:
            raise ResponseParseError(
                f"token response from {response.request.url.path} is not usable: {type(exc).__name__}",
                response=response,
            ) from None
        margin = min(self.refresh_margin, lifetime / 10)
        self._grant = TokenGrant(token, self._clock() + max(0.0, lifetime - margin))
        self.token_fetches += 1
        return token

    async def _accept_async(self, response: httpx.Response) -> str:
        await response.aread()
        return self._accept(response)

    def _token_request(self, request: httpx.Request) -> httpx.Request:
        token_request = self.build_token_request(request)
        # Requests built inside an auth flow skip the client's defaults: carry the call's timeout and
        # User-Agent over (never its other headers, which may hold credentials meant for the API host).
        if "timeout" in request.extensions and "timeout" not in token_request.extensions:
            token_request.extensions["timeout"] = request.extensions["timeout"]
        if "User-Agent" in request.headers and "User-Agent" not in token_request.headers:
            token_request.headers["User-Agent"] = request.headers["User-Agent"]
        return token_request

    # --- sync flow -----------------------------------------------------------------------------------------

    def _fetch_sync(
        self, request: httpx.Request, stale: str | None
    ) -> Generator[httpx.Request, httpx.Response, str]:
        with self._thread_lock:
            current = self._usable_token()
            if current is not None and current != stale:
                return current  # another thread refreshed while we waited
            response = yield self._token_request(request)
            response.read()
            return self._accept(response)

    def sync_auth_flow(self, request: httpx.Request) -> _Flow:
        # Overriding the *_auth_flow methods skips httpx's own body handling, so it is done here.
        request.read()  # the request may be sent twice (after a 401)
        token = self._usable_token()
        if token is None:
            token = yield from self._fetch_sync(request, None)
        self.apply_token(request, token)
        response = yield request
        if response.status_code == 401:
            token = yield from self._fetch_sync(request, token)
            self.apply_token(request, token)
            yield request

    # --- async flow ----------------------------------------------------------------------------------------

    def _loop_lock(self) -> asyncio.Lock:
        loop = asyncio.get_running_loop()
        with self._loop_locks_guard:
            lock = self._loop_locks.get(loop)
            if lock is None:
                lock = self._loop_locks[loop] = asyncio.Lock()
            return lock

    async def async_auth_flow(self, request: httpx.Request) -> _AsyncFlow:
        await request.aread()
        token = self._usable_token()
        if token is None:
            async with self._loop_lock():
                token = self._usable_token()
                if token is None:
                    token = await self._accept_async((yield self._token_request(request)))
        self.apply_token(request, token)
        response = yield request
        if response.status_code == 401:
            stale = token
            async with self._loop_lock():
                current = self._usable_token()
                if current is not None and current != stale:
                    token = current
                else:
                    token = await self._accept_async((yield self._token_request(request)))
            self.apply_token(request, token)
            yield request
