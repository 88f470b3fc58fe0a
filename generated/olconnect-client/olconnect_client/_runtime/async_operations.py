"""Running a server-side asynchronous operation: submit once, poll its progress, fetch its result.

Some APIs start long work with a request that answers at once with an operation ID, and then expect the
caller to poll a progress URL until it says ``done`` and fetch the result from another (OL Connect's workflow
services: ``spec/DECISIONS.md`` OLC-50..OLC-56). Every caller would otherwise write the same loop, and most
would get the edges wrong, so this module owns it:

- the submit runs exactly once, never retried: it is not idempotent, a repeat would start a second operation;
- each progress reading goes to a callback, so a caller can draw a progress bar;
- a deadline or Ctrl+C cancels the operation on the server before the error propagates, so nothing is left
  running that nobody waits for;
- an operation the server does not know, and one that fails, raise their own error types.

The module knows no API: the four steps are callables the package's overlay binds to its endpoints.
:func:`stream_to_file` writes a large result to disk chunk by chunk instead of holding it in memory.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

import httpx

from .errors import (
    ApiConnectionError,
    ApiStatusError,
    ErrorText,
    NotFoundError,
    decode_error_body,
    error_for_response,
    no_error_text,
)

__all__ = [
    "AsyncOperation",
    "OperationError",
    "OperationFailedError",
    "OperationNotFoundError",
    "OperationTimeoutError",
    "Progress",
    "run_operation",
    "stream_to_file",
]

T = TypeVar("T")
DONE = "done"
DEFAULT_POLL_INTERVAL = 0.5
STREAM_CHUNK_BYTES = 64 * 1024


class OperationError(Exception):
    """Base of the errors of an asynchronous operation; ``operation_id`` is None when the submit failed."""

    def __init__(self, message: str, operation_id: str | None) -> None:
        super().__init__(message)
        self.operation_id = operation_id


class OperationNotFoundError(OperationError):
    """The server does not know the operation (never started, cancelled elsewhere, or already collected)."""


class OperationFailedError(OperationError):
    """The server reported that the operation failed, or its progress or result could not be read."""


class OperationTimeoutError(OperationError):
    """The operation did not finish in time; it was cancelled on the server (``cancelled`` says if that
    worked)."""

    def __init__(self, message: str, operation_id: str, cancelled: bool) -> None:
        super().__init__(message, operation_id)
        self.cancelled = cancelled


@dataclass(frozen=True)
class Progress:
    """One progress reading: ``percent`` from 0 to 100; ``done`` once the server says the work is over."""

    operation_id: str
    percent: float
    done: bool


@dataclass(frozen=True)
class AsyncOperation(Generic[T]):
    """The four steps of one operation kind, bound to an API's endpoints.

    ``submit`` starts the work and returns the operation ID; ``progress`` returns the server's progress text
    (a number or ``done``); ``result`` fetches what the finished operation produced; ``cancel`` stops it.
    """

    submit: Callable[[], str]
    progress: Callable[[str], str]
    result: Callable[[str], T]
    cancel: Callable[[str], None]


def run_operation(
    operation: AsyncOperation[T],
    *,
    on_progress: Callable[[Progress], None] | None = None,
    timeout: float | None = None,
    poll_interval: float = DEFAULT_POLL_INTERVAL,
    clock: Callable[[], float] = time.monotonic,
    sleep: Callable[[float], None] = time.sleep,
) -> T:
    """Submit once, poll until done (reporting each reading), then return the result.

    ``timeout`` bounds the time from the submit to ``done``; when it runs out, or on ``KeyboardInterrupt``,
    the operation is cancelled on the server and the error propagates (:class:`OperationTimeoutError`, or
    the interrupt itself). A 404 from the progress call after the operation was seen running means it
    finished and left the server's active list (OLC-51): the result is fetched then.
    """
    operation_id = operation.submit()
    polling = _Polling(on_progress, timeout, poll_interval, clock(), clock, sleep)
    try:
        _wait(operation, operation_id, polling)
        return _result(operation, operation_id)
    except KeyboardInterrupt:
        _cancel_quietly(operation, operation_id)
        raise


@dataclass(frozen=True)
class _Polling:
    on_progress: Callable[[Progress], None] | None
    timeout: float | None
    poll_interval: float
    started: float
    clock: Callable[[], float]
    sleep: Callable[[float], None]


def _wait(operation: AsyncOperation[Any], operation_id: str, polling: _Polling) -> None:
    timeout = polling.timeout
    seen_running = False
    while True:
        try:
            text = operation.progress(operation_id).strip()
        except NotFoundError as error:
            if seen_running:
                return  # finished and dropped from the active list; the result call tells the rest
            message = f"operation {operation_id} is not known to the server"
            raise OperationNotFoundError(message, operation_id) from error
        except ApiStatusError as error:
            raise OperationFailedError(f"operation {operation_id} failed: {error}", operation_id) from error
        seen_running = True
        reading = _reading(operation_id, text)
        if polling.on_progress is not None:
            polling.on_progress(reading)
        if reading.done:
            return
        if timeout is not None and polling.clock() - polling.started >= timeout:
            cancelled = _cancel_quietly(operation, operation_id)
            message = f"operation {operation_id} did not finish within {timeout:g} s; cancel sent"
            raise OperationTimeoutError(message, operation_id, cancelled)
        polling.sleep(polling.poll_interval)


def _reading(operation_id: str, text: str) -> Progress:
    if text.lower() == DONE:
        return Progress(operation_id, 100.0, True)
    try:
        percent = float(text)
    except ValueError:
        raise OperationFailedError(
            f"operation {operation_id}: progress {text[:40]!r} is neither a number nor 'done'", operation_id
        ) from None
    return Progress(operation_id, max(0.0, min(100.0, percent)), False)


def _result(operation: AsyncOperation[T], operation_id: str) -> T:
    try:
        return operation.result(operation_id)
    except NotFoundError as error:
        message = f"operation {operation_id} has no result on the server"
        raise OperationNotFoundError(message, operation_id) from error
    except ApiStatusError as error:
        raise OperationFailedError(f"operation {operation_id} failed: {error}", operation_id) from error


def _cancel_quietly(operation: AsyncOperation[Any], operation_id: str) -> bool:
    """Best effort: the caller's own error matters more than a failed cancel."""
    try:
        operation.cancel(operation_id)
    except (ApiStatusError, ApiConnectionError):
        return False
    return True


def stream_to_file(
    client: httpx.Client,
    method: str,
    url: str,
    destination: str | os.PathLike[str],
    *,
    error_text: ErrorText = no_error_text,
) -> Path:
    """Send one request and write its success body to ``destination`` chunk by chunk.

    The body goes to a temporary file next to ``destination`` that replaces it only when complete, so a
    broken transfer never leaves a truncated file under the final name. A non-2xx answer raises the
    package's typed error (its body is read for the message by ``error_text``, the package's reader of its
    error bodies, bounded by the client's limits).
    """
    target = Path(destination)
    with client.stream(method, url) as response:
        if not 200 <= response.status_code <= 299:
            response.read()
            raise error_for_response(response, body=decode_error_body(response), error_text=error_text)
        handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent or ".")
        try:
            with os.fdopen(handle, "wb") as sink:
                for chunk in response.iter_bytes(STREAM_CHUNK_BYTES):
                    sink.write(chunk)
            os.replace(temporary, target)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
            raise
    return target
