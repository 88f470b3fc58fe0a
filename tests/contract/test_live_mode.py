"""Live mode works with nothing but environment variables, against a mock started by hand.

The mock stands in for a customer's server: the suite is pointed at it only through OLCONNECT_* /
AVEPOINT_* variables, exactly as a user would do in CI.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from mock_servers.testing import MockProcess, running_mock

from .harness import avepoint_env, clean_env, expect_pass, olconnect_env, run_suite

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def olconnect_mock() -> Iterator[MockProcess]:
    with running_mock("olconnect", access_log=False) as mock:
        yield mock


@pytest.fixture(scope="module")
def avepoint_mock() -> Iterator[MockProcess]:
    with running_mock("avepoint", access_log=False) as mock:
        yield mock


def _secrets(*mocks: MockProcess) -> list[str]:
    found = [u["password"] for m in mocks for u in m.info.get("users", [])]
    return found + [c["client_secret"] for m in mocks for c in m.info.get("clients", [])]


def test_only_olconnect_runs_when_only_its_url_is_set(olconnect_mock: MockProcess, tmp_path: Path) -> None:
    run = run_suite([], clean_env(olconnect_env(olconnect_mock.info, olconnect_mock.base_url)), tmp_path)
    assert "olconnect (live at" in run.summary
    assert "avepoint" not in run.junit.lower(), "AvePoint tests ran although only OLCONNECT_BASE_URL was set"
    for secret in _secrets(olconnect_mock):
        assert secret not in run.output + run.summary + run.junit, "a password leaked into the output"
    expect_pass(run, "the live-mode OL Connect run")


def test_only_avepoint_runs_with_a_static_token(avepoint_mock: MockProcess, tmp_path: Path) -> None:
    """AVEPOINT_TOKEN flavour: the user brings a token instead of client credentials."""
    client = avepoint_mock.info["clients"][0]
    token = httpx.post(
        f"{avepoint_mock.base_url}/connect/token",
        data={
            "grant_type": "client_credentials",
            "client_id": client["client_id"],
            "client_secret": client["client_secret"],
            "scope": avepoint_mock.info["scope"],
        },
    ).json()["access_token"]
    env = clean_env({"AVEPOINT_BASE_URL": avepoint_mock.base_url, "AVEPOINT_TOKEN": token})
    run = run_suite([], env, tmp_path)
    assert "avepoint (live at" in run.summary
    assert "olconnect" not in run.junit.lower(), (
        "OL Connect tests ran although only AVEPOINT_BASE_URL was set"
    )
    assert token not in run.output + run.summary + run.junit, "the bearer token leaked into the output"
    expect_pass(run, "the live-mode AvePoint run")


def test_avepoint_client_credentials_flavour(avepoint_mock: MockProcess, tmp_path: Path) -> None:
    run = run_suite([], clean_env(avepoint_env(avepoint_mock.info, avepoint_mock.base_url)), tmp_path)
    for secret in _secrets(avepoint_mock):
        assert secret not in run.output + run.summary + run.junit, "the client secret leaked into the output"
    expect_pass(run, "the live-mode AvePoint run (client credentials)")


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"OLCONNECT_BASE_URL": "http://127.0.0.1:9"}, "OLCONNECT_USERNAME and OLCONNECT_PASSWORD"),
        ({"AVEPOINT_BASE_URL": "http://127.0.0.1:9"}, "AVEPOINT_TOKEN"),
    ],
)
def test_incomplete_live_configuration_is_a_clear_error(
    env: dict[str, str], message: str, tmp_path: Path
) -> None:
    run = run_suite([], clean_env(env), tmp_path, timeout=60)
    assert run.returncode == 2
    assert message in run.output
    assert "Traceback" not in run.output


def test_writes_are_skipped_without_permission(tmp_path: Path) -> None:
    """Without CONTRACT_ALLOW_WRITES=1 only reads and the login reach a live server (write tests skip)."""
    with running_mock("olconnect") as mock:  # its own mock, with the access log on, to see every request
        env = olconnect_env(mock.info, mock.base_url)
        del env["CONTRACT_ALLOW_WRITES"]
        run = run_suite(["-rs"], clean_env(env), tmp_path)
        log = mock.log_records()
    assert "CONTRACT_ALLOW_WRITES=1" in run.output
    assert len(log) > 100, "the access log did not record the run"
    writes = [
        record
        for record in log
        if record.get("method") not in {"GET", "HEAD", "OPTIONS", "TRACE"}
        and not record["path"].endswith("/login")
    ]
    assert not writes, f"{len(writes)} request(s) that may write reached the server: {writes[:2]}"
