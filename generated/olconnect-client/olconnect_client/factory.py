"""The one obvious way to get a ready OL Connect client: ``connect(base_url, username, password)``."""

from __future__ import annotations

import ssl
from typing import Any

import httpx

from ._runtime.options import DEFAULT_TIMEOUT
from ._runtime.retries import RetryPolicy
from ._spec_info import SPEC_INFO
from .auth import LOGIN_PATH, BasicAuth, TokenAuth
from .client import AuthenticatedClient

__all__ = ["connect"]


def connect(
    base_url: str,
    username: str,
    password: str,
    *,
    use_basic_auth: bool = False,
    timeout: httpx.Timeout | float | None = DEFAULT_TIMEOUT,
    max_retries: int | None = None,
    retry_policy: RetryPolicy | None = None,
    headers: dict[str, str] | None = None,
    verify_ssl: str | bool | ssl.SSLContext = True,
    transport: httpx.BaseTransport | None = None,
    async_transport: httpx.AsyncBaseTransport | None = None,
    httpx_args: dict[str, Any] | None = None,
) -> AuthenticatedClient:
    """A client for every operation of the package, sync and async, safe to share across threads and tasks.

    Arguments:
        base_url: the server root, e.g. ``http://ol-server:9340`` (without ``/rest/serverengine``).
        username / password: an OL Connect user; the password never appears in logs, reprs or errors.
        use_basic_auth: send Basic credentials on every request instead of logging in for a token.
        timeout: default per-request timeout (connect 5 s, read 30 s unless you pass another).
        max_retries / retry_policy: retry settings (default 2 retries; ``max_retries=0`` turns them off).
        headers: extra headers for every request (a ``User-Agent`` naming this package is added).
        verify_ssl: TLS verification (``True``, ``False``, a CA bundle path or an ``ssl.SSLContext``).
        transport / async_transport: innermost httpx transports, e.g. ``httpx.MockTransport`` in tests.
        httpx_args: further keyword arguments for ``httpx.Client``/``httpx.AsyncClient``.

    No request is sent until the first call; the first call logs in (token mode).
    """
    root = base_url.rstrip("/")
    auth: httpx.Auth = (
        BasicAuth(username, password)
        if use_basic_auth
        else TokenAuth(username, password, login_url=root + LOGIN_PATH, api_url=root)
    )
    return AuthenticatedClient(
        base_url=root,
        auth=auth,
        timeout=timeout,
        max_retries=max_retries,
        retry_policy=retry_policy,
        headers={"User-Agent": SPEC_INFO.user_agent, **(headers or {})},
        verify_ssl=verify_ssl,
        transport=transport,
        async_transport=async_transport,
        httpx_args=httpx_args or {},
    )
