"""The configured HTTP client every operation function takes as ``client=``.

It lives here, not in the generator's ``client.py`` template, so that it is ordinary Python that ruff,
mypy and the tests check in place; each package's ``client.py`` only re-exports it.

Compared with the stock openapi-python-client ``Client`` this one adds: default timeouts (connect 5 s,
read 30 s), a retrying transport (``max_retries`` / ``retry_policy``), per-attempt logging, an
``httpx.Auth`` slot for token lifecycles, ``with_*`` builders that never mutate a client somebody else is
using, a ``repr`` that shows no headers or credentials, and origin pinning: the transports refuse any
request for an origin other than ``base_url``'s and the auth's token URL (a redirect to another host,
followed with ``follow_redirects=True``, raises ``ForeignOriginError``). The client owns its origin: it
binds a ``ClientAuth`` to it when built and hands ``api_origin`` to pagers, so the base URL is told once.

No httpx option takes the retrying transport out of the chain: a ``proxy`` (or ``trust_env=True`` for the
environment's proxies, see ``routing.py``) is applied below it, and ``mounts`` from ``httpx_args`` are
each wrapped in it.
"""

from __future__ import annotations

import ssl
import threading
from types import TracebackType
from typing import Any, Self

import httpx
from attrs import define, evolve, field

from .client_auth import ClientAuth
from .options import DEFAULT_TIMEOUT
from .origins import OriginPolicy
from .retries import DEFAULT_RETRY_POLICY, AsyncRetryingTransport, RetryingTransport, RetryPolicy
from .routing import ProxyChoice, async_router, sync_router

__all__ = ["AuthenticatedClient", "Client"]

#: ``httpx_args`` keys the client applies itself, below its retrying transport (never through httpx).
_OWN_ARGS = ("proxy", "trust_env", "mounts")


def _policy(max_retries: int | None, retry_policy: RetryPolicy | None) -> RetryPolicy:
    if retry_policy is not None:
        return retry_policy
    if max_retries is not None:
        return RetryPolicy(max_retries=max_retries)
    return DEFAULT_RETRY_POLICY


@define(repr=False)
class Client:
    """Holds connection settings and lazily builds one ``httpx.Client`` and one ``httpx.AsyncClient``.

    Arguments:
        base_url: the server root, e.g. ``http://127.0.0.1:9340`` (operation paths are absolute).
        timeout: an ``httpx.Timeout`` or seconds; defaults to connect 5 s, read/write 30 s.
        max_retries: retries per request (default 2, ``0`` turns retries off); ignored if ``retry_policy``.
        retry_policy: a full ``RetryPolicy`` (backoff, ``Retry-After`` cap, statuses).
        auth: an ``httpx.Auth`` run for every request (token login, OAuth2, Basic).
        headers / cookies: sent with every request.
        verify_ssl: ``True``, ``False`` or an ``ssl.SSLContext`` / CA bundle path.
        follow_redirects: follow 3xx answers (default ``False``).
        transport / async_transport: the innermost transports (for tests: ``httpx.MockTransport``, which
            serves both when passed as ``transport``); the retrying transport always wraps them.
        httpx_args: further keyword arguments for ``httpx.Client`` and ``httpx.AsyncClient``.
        proxy: a proxy URL (or ``httpx.Proxy``) for every request; also accepted in ``httpx_args``.
        trust_env: use the ``HTTP(S)_PROXY``/``ALL_PROXY``/``NO_PROXY`` environment variables (default
            ``False``: they are ignored unless you ask for them).
    """

    _base_url: str = field(alias="base_url")
    _timeout: httpx.Timeout | float | None = field(default=DEFAULT_TIMEOUT, kw_only=True, alias="timeout")
    _max_retries: int | None = field(default=None, kw_only=True, alias="max_retries")
    _retry_policy: RetryPolicy | None = field(default=None, kw_only=True, alias="retry_policy")
    _auth: httpx.Auth | None = field(default=None, kw_only=True, alias="auth")
    _cookies: dict[str, str] = field(factory=dict, kw_only=True, alias="cookies")
    _headers: dict[str, str] = field(factory=dict, kw_only=True, alias="headers")
    _verify_ssl: str | bool | ssl.SSLContext = field(default=True, kw_only=True, alias="verify_ssl")
    _follow_redirects: bool = field(default=False, kw_only=True, alias="follow_redirects")
    _transport: httpx.BaseTransport | None = field(default=None, kw_only=True, alias="transport")
    _async_transport: httpx.AsyncBaseTransport | None = field(
        default=None, kw_only=True, alias="async_transport"
    )
    _httpx_args: dict[str, Any] = field(factory=dict, kw_only=True, alias="httpx_args")
    _proxy: ProxyChoice = field(default=None, kw_only=True, alias="proxy")
    _trust_env: bool = field(default=False, kw_only=True, alias="trust_env")
    _client: httpx.Client | None = field(default=None, init=False)
    _async_client: httpx.AsyncClient | None = field(default=None, init=False)
    _build_lock: threading.Lock = field(factory=threading.Lock, init=False)

    def __repr__(self) -> str:
        # Headers and auth may hold credentials: show only what identifies the client.
        return (
            f"{type(self).__name__}(base_url={self._base_url!r}, timeout={self._timeout!r}, "
            f"retry_policy={self.retry_policy!r}, auth={self._auth!r}, headers={sorted(self._headers)!r})"
        )

    def __attrs_post_init__(self) -> None:
        if isinstance(self._auth, ClientAuth):
            self._auth.bind_origin(self.api_origin)

    @property
    def base_url(self) -> str:
        return self._base_url

    @property
    def api_origin(self) -> OriginPolicy:
        """The origin of ``base_url``: where credentials and followed page links may go."""
        return OriginPolicy([self._base_url])

    @property
    def retry_policy(self) -> RetryPolicy:
        """The policy the client's requests use unless a call passes its own."""
        return _policy(self._max_retries, self._retry_policy)

    @property
    def auth(self) -> httpx.Auth | None:
        return self._auth

    def with_headers(self, headers: dict[str, str]) -> Self:
        """A new client with these headers added; this one (and its connections) stays unchanged."""
        return evolve(self, headers={**self._headers, **headers})

    def with_cookies(self, cookies: dict[str, str]) -> Self:
        """A new client with these cookies added; this one stays unchanged."""
        return evolve(self, cookies={**self._cookies, **cookies})

    def with_timeout(self, timeout: httpx.Timeout | float) -> Self:
        """A new client with another default timeout; this one stays unchanged."""
        return evolve(self, timeout=timeout)

    def with_retries(
        self, max_retries: int | None = None, *, retry_policy: RetryPolicy | None = None
    ) -> Self:
        """A new client with another retry policy; this one stays unchanged."""
        return evolve(self, max_retries=max_retries, retry_policy=retry_policy)

    def _extra_headers(self) -> dict[str, str]:
        return {}

    def origin_policy(self) -> OriginPolicy:
        """The origins this client sends requests to: ``base_url``'s and those of the auth's token URLs."""
        extra = self._auth.credential_urls() if isinstance(self._auth, ClientAuth) else ()
        return OriginPolicy([self._base_url, *extra])

    def _client_kwargs(self) -> dict[str, Any]:
        return {
            "base_url": self._base_url,
            "cookies": self._cookies,
            "headers": {**self._headers, **self._extra_headers()},
            "timeout": self._timeout,
            "follow_redirects": self._follow_redirects,
            "auth": self._auth,
            **{key: value for key, value in self._httpx_args.items() if key not in _OWN_ARGS},
        }

    def _proxy_settings(self) -> tuple[ProxyChoice, bool]:
        proxy = self._proxy if self._proxy is not None else self._httpx_args.get("proxy")
        trust_env = self._trust_env or self._httpx_args.get("trust_env") is True
        if proxy is not None and (self._transport is not None or self._async_transport is not None):
            raise ValueError("pass either a proxy or your own transport (a transport has its own routing)")
        return proxy, trust_env

    def _mounts(self, wrap: Any) -> dict[str, Any]:
        mounts = self._httpx_args.get("mounts") or {}
        return {pattern: None if inner is None else wrap(inner) for pattern, inner in mounts.items()}

    def set_httpx_client(self, client: httpx.Client) -> Self:
        """Use a ready ``httpx.Client`` (it bypasses this object's retries, timeouts and auth settings)."""
        self._client = client
        return self

    def get_httpx_client(self) -> httpx.Client:
        """The shared ``httpx.Client``, built on first use (thread-safe)."""
        if self._client is None:
            with self._build_lock:
                if self._client is None:
                    origins = self.origin_policy()
                    proxy, trust_env = self._proxy_settings()
                    inner = self._transport or sync_router(
                        origins.allowed, verify=self._verify_ssl, proxy=proxy, trust_env=trust_env
                    )

                    def wrap(transport: httpx.BaseTransport) -> httpx.BaseTransport:
                        return RetryingTransport(transport, self.retry_policy, origins=origins)

                    self._client = httpx.Client(
                        transport=wrap(inner), mounts=self._mounts(wrap), **self._client_kwargs()
                    )
        return self._client

    def __enter__(self) -> Self:
        self.get_httpx_client().__enter__()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None = None,
        exc_value: BaseException | None = None,
        traceback: TracebackType | None = None,
    ) -> None:
        self.get_httpx_client().__exit__(exc_type, exc_value, traceback)

    def close(self) -> None:
        """Close the sync connection pool if one was opened."""
        if self._client is not None:
            self._client.close()

    def set_async_httpx_client(self, async_client: httpx.AsyncClient) -> Self:
        """Use a ready ``httpx.AsyncClient`` (bypasses this object's retries, timeouts and auth settings)."""
        self._async_client = async_client
        return self

    def get_async_httpx_client(self) -> httpx.AsyncClient:
        """The shared ``httpx.AsyncClient``, built on first use."""
        if self._async_client is None:
            with self._build_lock:
                if self._async_client is None:
                    origins = self.origin_policy()
                    proxy, trust_env = self._proxy_settings()
                    inner = self._async_transport
                    if inner is None and isinstance(self._transport, httpx.AsyncBaseTransport):
                        inner = self._transport  # e.g. one httpx.MockTransport for both
                    if inner is None:
                        inner = async_router(
                            origins.allowed, verify=self._verify_ssl, proxy=proxy, trust_env=trust_env
                        )

                    def wrap(transport: httpx.AsyncBaseTransport) -> httpx.AsyncBaseTransport:
                        return AsyncRetryingTransport(transport, self.retry_policy, origins=origins)

                    self._async_client = httpx.AsyncClient(
                        transport=wrap(inner), mounts=self._mounts(wrap), **self._client_kwargs()
                    )
        return self._async_client

    async def __aenter__(self) -> Self:
        await self.get_async_httpx_client().__aenter__()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None = None,
        exc_value: BaseException | None = None,
        traceback: TracebackType | None = None,
    ) -> None:
        await self.get_async_httpx_client().__aexit__(exc_type, exc_value, traceback)

    async def aclose(self) -> None:
        """Close the async connection pool if one was opened."""
        if self._async_client is not None:
            await self._async_client.aclose()


@define(repr=False)
class AuthenticatedClient(Client):
    """A ``Client`` for secured operations: pass ``auth=`` (preferred) or a static ``token``.

    ``token``/``prefix``/``auth_header_name`` send one fixed header (``"<prefix> <token>"``, or the bare
    token when ``prefix`` is empty), as the stock generator does; an ``auth`` object is what the package's
    ``connect()`` helper sets up, with login, expiry and refresh handled.
    """

    token: str = field(default="", kw_only=True)
    prefix: str = field(default="Bearer", kw_only=True)
    auth_header_name: str = field(default="Authorization", kw_only=True)

    def _extra_headers(self) -> dict[str, str]:
        if not self.token:
            return {}
        return {self.auth_header_name: f"{self.prefix} {self.token}" if self.prefix else self.token}
