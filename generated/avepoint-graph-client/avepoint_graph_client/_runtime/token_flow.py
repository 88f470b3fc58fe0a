"""The token *flow*: cache a token until shortly before expiry, attach it, refresh once on 401.

Where the token comes from is a ``TokenGrant`` (``token_grant.py``: the OL Connect login, the OAuth
client-credentials grant); this class owns what every grant shares:

- the token is reused until ``refresh_margin`` seconds (at most a tenth of its lifetime) before it
  expires, then fetched again before the call instead of waiting for a 401;
- a 401 on a call made with the cached token drops it, fetches a new one and repeats the call once;
- concurrent callers share one fetch, threads and asyncio tasks alike (``token_fetch.SharedFetch``: who
  waits, how long, and the failure a whole burst of callers gets from one failing login);
- token requests go through the same client, so they get the client's retries (POSTs only before
  sending), timeouts and logging;
- a token is checked when it arrives (``token_grant.read_grant_answer``): empty, non-ASCII or holding
  characters an HTTP header cannot carry raises ``AuthenticationError`` with a text that does not quote it
  (sending it would fail later, inside h11, with an error message that does);
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

import dataclasses
import time
from collections.abc import AsyncGenerator, Callable, Generator

import httpx

from .client_auth import ClientAuth
from .deadlines import DEADLINE_EXTENSION
from .origins import CREDENTIAL_EXTENSION, CredentialScope, OriginPolicy
from .redaction import redact_headers_holding
from .security import security_of
from .token_fetch import SharedFetch
from .token_grant import TokenGrant, grant_refusal, read_grant_answer

__all__ = ["CachedToken", "TokenFlow", "bind_to_endpoint"]


def bind_to_endpoint(request: httpx.Request, *, what: str) -> httpx.Request:
    """Record that ``request``'s credentials go to its URL only (no redirect may take them elsewhere)."""
    request.extensions[CREDENTIAL_EXTENSION] = CredentialScope.for_endpoint(request.url, what=what)
    return request


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
        self._fetch = SharedFetch()
        #: How many tokens this object fetched; tests and metrics read it.
        self.token_fetches = 0

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

    def _pin(self, request: httpx.Request) -> None:
        if self._api_origin is not None:
            self._api_origin.check(request.url, source="the token")

    def _accept(self, response: httpx.Response) -> str:
        """Turn a token response into the cached token, or raise the typed error it deserves."""
        token, lifetime = read_grant_answer(self.grant, response)
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
            read_grant_answer(
                self.grant, response
            )  # the caller gets the answer, but only with a usable token
        elif 400 <= response.status_code <= 499:
            raise grant_refusal(self.grant, response)

    # --- sync flow -----------------------------------------------------------------------------------------

    def _fetch_sync(
        self, request: httpx.Request, stale: str | None
    ) -> Generator[httpx.Request, httpx.Response, str]:
        with self._fetch.thread_turn(request) as seen:
            shared = self._fetch.outcome(seen, self._usable_token(), stale)
            if shared is not None:
                return shared  # another thread refreshed while we waited
            with self._fetch.recording(request):
                response = yield self._token_request(request)
                response.read()
                return self._accept(response)

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
                async with self._fetch.task_turn(request) as seen:
                    token = self._fetch.outcome(seen, self._usable_token(), stale)
                    if token is None:
                        with self._fetch.recording(request):
                            token = await self._accept_async((yield self._token_request(request)))
            self._attach(request, token)
            response = yield request
            if response.status_code != 401 or stale is not None:
                return
            stale, token = token, None
