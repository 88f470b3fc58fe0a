"""Shared by the vendor-client tests: one installation, one mock for all selections, one "live" mock."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from mock_servers.testing import MockProcess, running_mock
from scripts import vendor_client
from scripts.vendor_client import DriverRun, Selection, SetupError


@pytest.fixture(scope="session")
def installed() -> None:
    """The client and shim are installed; a missing tool or bundle fails in CI and skips elsewhere."""
    try:
        vendor_client.install()
    except SetupError as exc:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"the vendor-client cross-check cannot run in CI: {exc}")
        pytest.skip(str(exc))


@pytest.fixture(scope="session")
def mock_runs(installed: None) -> dict[str, tuple[Selection, DriverRun]]:
    """One driver run per selection (every profile, every non-default variant value) on one mock."""
    return {
        selection.label: (selection, run)
        for selection, run in vendor_client.run_on_mock(vendor_client.selections())
    }


@pytest.fixture(scope="session")
def _live_mock_process(installed: None) -> Iterator[MockProcess]:
    with (
        vendor_client.crosscheck_scenario() as scenario,
        running_mock("olconnect", scenario, access_log=False) as mock,
    ):
        yield mock


@pytest.fixture
def live_mock(_live_mock_process: MockProcess) -> MockProcess:
    """The "live" mock, reset: a live run with writes deletes its disposable (last seeded) job set."""
    _live_mock_process.reset()
    return _live_mock_process
