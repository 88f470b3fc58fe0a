"""One token fetch at a time, shared by every caller that needs it: threads and asyncio tasks alike.

When many calls find no usable token at once, one of them fetches and the others wait for its outcome:
threads on a ``threading.Lock``, tasks on a per-event-loop ``asyncio.Lock``. Whoever gets the lock second
finds the fresh token and uses it, or, when the fetch it waited for failed, raises that same failure
instead of sending the login again (one failing login per burst of callers, not one per caller). A waiter
waits no longer than its own call could have taken (its deadline, else the sum of its timeouts), then
raises ``ApiTimeoutError``.
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
import time
import weakref
from collections.abc import AsyncIterator, Iterator

import httpx

from .deadlines import DEADLINE_EXTENSION
from .errors import ApiConnectionError, ApiError, ApiTimeoutError

__all__ = ["SharedFetch"]


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


def _no_answer(request: httpx.Request) -> ApiConnectionError:
    return ApiConnectionError(
        f"the login or token request made for {request.method} {request.url.path} got no usable answer "
        "(the call that sent it raised the details)",
        request=None,
    )


class SharedFetch:
    """The turn-taking of one token flow's fetches, and the outcome of the last one."""

    def __init__(self) -> None:
        self._thread_lock = threading.Lock()
        self._loop_locks: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, asyncio.Lock] = (
            weakref.WeakKeyDictionary()
        )
        self._loop_locks_guard = threading.Lock()
        #: How many fetches finished (well or not), and how the last one failed (``None``: it did not).
        self._done = 0
        self._last_failure: ApiError | None = None

    @contextlib.contextmanager
    def thread_turn(self, request: httpx.Request) -> Iterator[int]:
        """Hold the fetch for this thread; yields the count of fetches finished before waiting."""
        seen = self._done
        limit = _wait_limit(request)
        if not self._thread_lock.acquire(timeout=-1 if limit is None else limit):
            raise _waited_too_long(request, limit)
        try:
            yield seen
        finally:
            self._thread_lock.release()

    def _loop_lock(self) -> asyncio.Lock:
        loop = asyncio.get_running_loop()
        with self._loop_locks_guard:
            lock = self._loop_locks.get(loop)
            if lock is None:
                lock = self._loop_locks[loop] = asyncio.Lock()
            return lock

    @contextlib.asynccontextmanager
    async def task_turn(self, request: httpx.Request) -> AsyncIterator[int]:
        """The async twin of ``thread_turn``, for the tasks of one event loop."""
        seen = self._done
        lock = self._loop_lock()
        limit = _wait_limit(request)
        try:
            await asyncio.wait_for(lock.acquire(), limit)
        except TimeoutError:
            raise _waited_too_long(request, limit) from None
        try:
            yield seen
        finally:
            lock.release()

    def outcome(self, seen: int, current: str | None, stale: str | None) -> str | None:
        """With the turn held: the token another call fetched meanwhile, or the failure it met, else None."""
        if current is not None and current != stale:
            return current
        if self._done != seen and self._last_failure is not None:
            # Each waiter raises it afresh, without the traceback of the call that met it first.
            raise self._last_failure.with_traceback(None)
        return None

    @contextlib.contextmanager
    def recording(self, request: httpx.Request) -> Iterator[None]:
        """Run one fetch and record how it ended, for the callers waiting on it."""
        failure: ApiError | None = _no_answer(request)  # kept if the fetch ends without an answer
        try:
            yield
            failure = None
        except ApiError as exc:
            failure = exc
            raise
        finally:
            self._done += 1
            self._last_failure = failure
