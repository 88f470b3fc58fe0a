"""The connection settings every package's ``connect()`` takes, with their defaults in one place.

Both ``connect()`` helpers differ only in how they authenticate; the rest (timeout, retries, headers, TLS,
test transports, extra httpx arguments) is the same list with the same defaults. ``ConnectOptions`` is that
list, for ``connect(..., **options: Unpack[ConnectOptions])``, and ``client_settings`` turns it into the
keyword arguments of the package's ``AuthenticatedClient``, with a ``User-Agent`` naming the package.
"""

from __future__ import annotations

import ssl
from typing import Any, TypedDict

import httpx

from .options import DEFAULT_TIMEOUT
from .retries import RetryPolicy

__all__ = ["ConnectOptions", "client_settings"]


class ConnectOptions(TypedDict, total=False):
    """Keyword arguments of every ``connect()``; leave one out for its default.

    Attributes:
        timeout: default per-request timeout (connect 5 s, read 30 s unless you pass another).
        max_retries / retry_policy: retry settings (default 2 retries; ``max_retries=0`` turns them off).
        headers: extra headers for every request (a ``User-Agent`` naming the package is added).
        verify_ssl: TLS verification (``True``, ``False``, a CA bundle path or an ``ssl.SSLContext``).
        transport / async_transport: innermost httpx transports, e.g. ``httpx.MockTransport`` in tests.
        httpx_args: further keyword arguments for ``httpx.Client``/``httpx.AsyncClient`` (a ``proxy``,
            ``trust_env`` or ``mounts`` there is applied below the retrying transport, like the options).
        proxy: send every request through this HTTP proxy (URL or ``httpx.Proxy``).
        trust_env: honour ``HTTP_PROXY``/``HTTPS_PROXY``/``ALL_PROXY``/``NO_PROXY`` (default ``False``).
    """

    timeout: httpx.Timeout | float | None
    max_retries: int | None
    retry_policy: RetryPolicy | None
    headers: dict[str, str] | None
    verify_ssl: str | bool | ssl.SSLContext
    transport: httpx.BaseTransport | None
    async_transport: httpx.AsyncBaseTransport | None
    httpx_args: dict[str, Any] | None
    proxy: str | httpx.URL | httpx.Proxy | None
    trust_env: bool


def client_settings(options: ConnectOptions, *, user_agent: str) -> dict[str, Any]:
    """Keyword arguments for ``AuthenticatedClient`` (besides ``base_url`` and ``auth``) from ``options``."""
    unknown = set(options) - set(ConnectOptions.__annotations__)
    if unknown:
        raise TypeError(f"connect() got unexpected keyword arguments: {', '.join(sorted(unknown))}")
    return {
        "timeout": options.get("timeout", DEFAULT_TIMEOUT),
        "max_retries": options.get("max_retries"),
        "retry_policy": options.get("retry_policy"),
        "headers": {"User-Agent": user_agent, **(options.get("headers") or {})},
        "verify_ssl": options.get("verify_ssl", True),
        "transport": options.get("transport"),
        "async_transport": options.get("async_transport"),
        "httpx_args": options.get("httpx_args") or {},
        "proxy": options.get("proxy"),
        "trust_env": options.get("trust_env", False),
    }
