"""The asynchronous-operation runner: one submit, progress to a callback, cancel on timeout or Ctrl+C, typed
errors for unknown and failed operations, and downloads streamed to disk in bounded memory."""

from __future__ import annotations

import tracemalloc
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from client_runtime.async_operations import (
    AsyncOperation,
    OperationFailedError,
    OperationNotFoundError,
    OperationTimeoutError,
    Progress,
    run_operation,
    stream_to_file,
)
from client_runtime.errors import NotFoundError, ServerError


def _status_error(kind: type[Exception], status: int) -> Exception:
    request = httpx.Request("GET", "http://server.test/x")
    return kind(httpx.Response(status, request=request, text="nope"))


class FakeServer:
    """Scripted progress answers; records every call so a test can see what the runner sent."""

    def __init__(self, answers: list[str | BaseException], result: object = 1001) -> None:
        self.answers = iter(answers)
        self.result = result
        self.calls: list[str] = []

    def operation(self) -> AsyncOperation[object]:
        return AsyncOperation(self.submit, self.progress, self.fetch, self.cancel)

    def submit(self) -> str:
        self.calls.append("submit")
        return "op-1"

    def progress(self, operation_id: str) -> str:
        self.calls.append("progress")
        answer = next(self.answers)
        if isinstance(answer, BaseException):
            raise answer
        return answer

    def fetch(self, operation_id: str) -> object:
        self.calls.append("result")
        if isinstance(self.result, Exception):
            raise self.result
        return self.result

    def cancel(self, operation_id: str) -> None:
        self.calls.append("cancel")


def test_submit_once_report_every_reading_then_result() -> None:
    server = FakeServer(["0", "12.5", "80", "done"])
    readings: list[Progress] = []
    result = run_operation(server.operation(), on_progress=readings.append, sleep=lambda _: None)
    assert result == 1001
    assert [(r.percent, r.done) for r in readings] == [(0, False), (12.5, False), (80, False), (100, True)]
    assert server.calls == ["submit", "progress", "progress", "progress", "progress", "result"]


def test_a_failing_submit_is_not_repeated() -> None:
    calls: list[str] = []

    def submit() -> str:
        calls.append("submit")
        raise _status_error(ServerError, 503)

    operation: AsyncOperation[int] = AsyncOperation(submit, lambda _: "done", lambda _: 1, lambda _: None)
    with pytest.raises(ServerError):
        run_operation(operation, sleep=lambda _: None)
    assert calls == ["submit"]


def test_timeout_cancels_on_the_server() -> None:
    server = FakeServer(["10"] * 50)
    now = iter(range(100))
    with pytest.raises(OperationTimeoutError) as caught:
        run_operation(server.operation(), timeout=3, clock=lambda: float(next(now)), sleep=lambda _: None)
    assert caught.value.cancelled
    assert caught.value.operation_id == "op-1"
    assert server.calls[-1] == "cancel"
    assert "result" not in server.calls


def test_keyboard_interrupt_cancels_then_propagates() -> None:
    server = FakeServer(["5", KeyboardInterrupt()])
    with pytest.raises(KeyboardInterrupt):
        run_operation(server.operation(), sleep=lambda _: None)
    assert server.calls == ["submit", "progress", "progress", "cancel"]


def test_unknown_operation_is_a_typed_error() -> None:
    server = FakeServer([_status_error(NotFoundError, 404)])
    with pytest.raises(OperationNotFoundError):
        run_operation(server.operation(), sleep=lambda _: None)


def test_a_404_after_running_means_finished_and_dropped() -> None:
    """OLC-51 `gone`: progress answers 404 once a finished operation left the active list."""
    server = FakeServer(["50", _status_error(NotFoundError, 404)])
    assert run_operation(server.operation(), sleep=lambda _: None) == 1001


def test_failed_operation_is_a_typed_error() -> None:
    server = FakeServer(["50", "done"], result=_status_error(ServerError, 500))
    with pytest.raises(OperationFailedError):
        run_operation(server.operation(), sleep=lambda _: None)
    with pytest.raises(OperationFailedError, match="neither a number"):
        run_operation(FakeServer(["half"]).operation(), sleep=lambda _: None)


def test_download_streams_to_disk_in_bounded_memory(tmp_path: Path) -> None:
    """50 MB through the client while Python's allocations stay under 4 MB: nothing holds the whole body."""
    size = 50 * 1024 * 1024
    chunk = b"%PDF" + b"x" * (64 * 1024 - 4)

    def body() -> Iterator[bytes]:
        for _ in range(size // len(chunk)):
            yield chunk

    transport = httpx.MockTransport(lambda request: httpx.Response(200, content=body()))
    with httpx.Client(transport=transport, base_url="http://server.test") as client:
        tracemalloc.start()
        try:
            path = stream_to_file(client, "POST", "/result", tmp_path / "out.pdf")
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
    assert path.stat().st_size == size
    assert peak < 4 * 1024 * 1024, f"peak {peak} bytes"
    assert [p.name for p in tmp_path.iterdir()] == ["out.pdf"]


def test_a_failed_download_raises_and_leaves_no_file(tmp_path: Path) -> None:
    transport = httpx.MockTransport(lambda request: httpx.Response(404, json={"error": {"message": "gone"}}))
    with (
        httpx.Client(transport=transport, base_url="http://server.test") as client,
        pytest.raises(NotFoundError),
    ):
        stream_to_file(client, "POST", "/result", tmp_path / "out.pdf")
    assert list(tmp_path.iterdir()) == []
