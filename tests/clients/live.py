"""Helpers for the tests that talk to the mock servers over real HTTP."""

from __future__ import annotations

import time
from typing import Any

from avepoint_graph_client._runtime.retries import RetryPolicy as AveRetryPolicy
from olconnect_client._runtime.retries import RetryPolicy

from mock_servers.testing import MockProcess

#: Retries as the default policy does them, with waits short enough for a test suite.
QUICK_RETRIES = RetryPolicy(backoff_initial=0.01, backoff_max=0.05, retry_after_max=1.0)
#: The same for the AvePoint package (each package carries its own copy of the runtime classes).
AVE_QUICK_RETRIES = AveRetryPolicy(backoff_initial=0.01, backoff_max=0.05, retry_after_max=1.0)


_STARTS: dict[int, int] = {}


def start_log(mock: MockProcess) -> None:
    """Make ``access_log`` report only requests sent from now on (mocks are shared by a test module)."""
    _STARTS.pop(id(mock), None)
    _STARTS[id(mock)] = len(_all_records(mock))


def access_log(mock: MockProcess) -> list[dict[str, Any]]:
    """API requests since ``start_log``, read once every request sent before this call is in the log."""
    records = _all_records(mock)[_STARTS.get(id(mock), 0) :]
    return [r for r in records if not r["path"].startswith("/_mock/")]


def _all_records(mock: MockProcess) -> list[dict[str, Any]]:
    """The mock's access-log records up to now, once every request sent before this call is in the log.

    The log is read from the server's stderr by a background thread, so a marker request to the health
    endpoint is sent and awaited: the records of earlier requests were written before its record.
    """
    marker_count = sum(1 for r in mock.log_records() if r["path"] == "/_mock/health")
    mock.admin("GET", "/_mock/health")
    deadline = time.monotonic() + 5.0
    while time.monotonic() < deadline:
        records = mock.log_records()
        if sum(1 for r in records if r["path"] == "/_mock/health") > marker_count:
            return records
        time.sleep(0.01)
    raise AssertionError("the mock's access log did not catch up within 5 s")


def requests_to(
    records: list[dict[str, Any]], path_suffix: str, method: str | None = None
) -> list[dict[str, Any]]:
    return [
        r for r in records if r["path"].endswith(path_suffix) and (method is None or r["method"] == method)
    ]
