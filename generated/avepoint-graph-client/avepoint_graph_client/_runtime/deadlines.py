"""An overall deadline per call, enforced down to each socket read, sync and async.

httpx's timeouts bound one phase each (connect, one read, one write): a server that sends one byte a
second, an endless chunked body or an endless stream of ``102 Processing`` answers keeps every single read
short and so never times out. The call's deadline (``RetryPolicy.deadline``) is an absolute time on the
monotonic clock; the retrying transport puts it in a context variable for the duration of each attempt,
and the network streams below httpcore clamp every read and write to the time left, failing with httpcore's
own ``ReadTimeout``/``WriteTimeout`` once it has passed. httpx maps those to ``httpx.ReadTimeout`` and
``httpx.WriteTimeout``, which the client maps to ``ApiTimeoutError``.

A context variable (not an attribute of the connection) because a pooled connection serves many calls,
each with its own deadline, and asyncio tasks each see their own value.

httpx offers no public way to hand a network backend to ``HTTPTransport``; ``install`` sets the one
attribute of the httpcore pool that holds it and does nothing when the attribute is missing (a future
httpx), in which case the deadline is still checked between attempts and between body chunks.
"""

from __future__ import annotations

import contextvars
import ssl
import time
import typing
from collections.abc import Iterable

import httpcore
import httpx

__all__ = ["DEADLINE_EXTENSION", "clamp", "current_deadline", "install", "remaining"]

#: ``request.extensions`` key holding the call's deadline (seconds on ``time.monotonic``'s clock).
DEADLINE_EXTENSION = "deadline_at"

current_deadline: contextvars.ContextVar[float | None] = contextvars.ContextVar(
    "client_runtime_deadline", default=None
)

_SocketOptions = Iterable[
    tuple[int, int, int] | tuple[int, int, bytes | bytearray] | tuple[int, int, None, int]
]


def remaining() -> float | None:
    """Seconds left before the current call's deadline (``None``: no deadline)."""
    deadline = current_deadline.get()
    return None if deadline is None else deadline - time.monotonic()


def clamp(timeout: float | None, *, write: bool = False) -> float | None:
    """``timeout`` cut to the time left; the httpcore timeout error when nothing is left."""
    left = remaining()
    if left is None:
        return timeout
    if left <= 0:
        error = httpcore.WriteTimeout if write else httpcore.ReadTimeout
        raise error("the call's overall deadline has passed")
    return left if timeout is None else min(timeout, left)


class _Stream(httpcore.NetworkStream):
    def __init__(self, inner: httpcore.NetworkStream) -> None:
        self._inner = inner

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._inner.read(max_bytes, clamp(timeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._inner.write(buffer, clamp(timeout, write=True))

    def close(self) -> None:
        self._inner.close()

    def start_tls(
        self, ssl_context: ssl.SSLContext, server_hostname: str | None = None, timeout: float | None = None
    ) -> httpcore.NetworkStream:
        return _Stream(self._inner.start_tls(ssl_context, server_hostname, clamp(timeout)))

    def get_extra_info(self, info: str) -> typing.Any:
        return self._inner.get_extra_info(info)


class _Backend(httpcore.NetworkBackend):
    def __init__(self, inner: httpcore.NetworkBackend) -> None:
        self._inner = inner

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: _SocketOptions | None = None,
    ) -> httpcore.NetworkStream:
        stream = self._inner.connect_tcp(host, port, clamp(timeout), local_address, socket_options)
        return _Stream(stream)

    def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: _SocketOptions | None = None
    ) -> httpcore.NetworkStream:
        return _Stream(self._inner.connect_unix_socket(path, clamp(timeout), socket_options))

    def sleep(self, seconds: float) -> None:
        self._inner.sleep(seconds)


class _AsyncStream(httpcore.AsyncNetworkStream):
    def __init__(self, inner: httpcore.AsyncNetworkStream) -> None:
        self._inner = inner

    async def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return await self._inner.read(max_bytes, clamp(timeout))

    async def write(self, buffer: bytes, timeout: float | None = None) -> None:
        await self._inner.write(buffer, clamp(timeout, write=True))

    async def aclose(self) -> None:
        await self._inner.aclose()

    async def start_tls(
        self, ssl_context: ssl.SSLContext, server_hostname: str | None = None, timeout: float | None = None
    ) -> httpcore.AsyncNetworkStream:
        return _AsyncStream(await self._inner.start_tls(ssl_context, server_hostname, clamp(timeout)))

    def get_extra_info(self, info: str) -> typing.Any:
        return self._inner.get_extra_info(info)


class _AsyncBackend(httpcore.AsyncNetworkBackend):
    def __init__(self, inner: httpcore.AsyncNetworkBackend) -> None:
        self._inner = inner

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: _SocketOptions | None = None,
    ) -> httpcore.AsyncNetworkStream:
        stream = await self._inner.connect_tcp(host, port, clamp(timeout), local_address, socket_options)
        return _AsyncStream(stream)

    async def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: _SocketOptions | None = None
    ) -> httpcore.AsyncNetworkStream:
        return _AsyncStream(await self._inner.connect_unix_socket(path, clamp(timeout), socket_options))

    async def sleep(self, seconds: float) -> None:
        await self._inner.sleep(seconds)


def install(transport: httpx.BaseTransport | httpx.AsyncBaseTransport) -> None:
    """Make ``transport``'s connections honour the call deadline (httpx's own transports only)."""
    pool = getattr(transport, "_pool", None)
    backend = getattr(pool, "_network_backend", None)
    if isinstance(backend, httpcore.NetworkBackend) and not isinstance(backend, _Backend):
        pool._network_backend = _Backend(backend)  # type: ignore[union-attr]
    elif isinstance(backend, httpcore.AsyncNetworkBackend) and not isinstance(backend, _AsyncBackend):
        pool._network_backend = _AsyncBackend(backend)  # type: ignore[union-attr]
