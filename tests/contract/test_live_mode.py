"""Live mode works with nothing but environment variables, against a mock started by hand.

The mock stands in for a customer's server: the suite is pointed at it only through OLCONNECT_* /
AVEPOINT_* variables, exactly as a user would do in CI.
"""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

import spec_model
from contract_tests import api_paths, writes
from mock_servers.testing import MockProcess, running_mock

from .harness import ROOT, avepoint_env, clean_env, expect_pass, olconnect_env, run_suite

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


def _olconnect_sets(mock: MockProcess) -> dict[str, object]:
    """The sets the suite may change in live mode (those the spec's single PUTs replace), read straight
    from the mock."""
    env = olconnect_env(mock.info, mock.base_url)
    auth = (env["OLCONNECT_USERNAME"], env["OLCONNECT_PASSWORD"])
    ids = {
        "jobId": env["OLCONNECT_JOB_ID"],
        "jobSegmentId": env["OLCONNECT_JOB_SEGMENT_ID"],
        "jobSetId": env["OLCONNECT_JOB_SET_ID"],
        "documentSetId": env["OLCONNECT_DOCUMENT_SET_ID"],
        "documentId": env["OLCONNECT_DOCUMENT_ID"],
        "dataSetId": env["OLCONNECT_DATA_SET_ID"],
    }
    paths = [
        api_paths.path_of("olconnect", kind.read_operation, **{kind.id_parameter: ids[kind.id_parameter]})
        for kind in writes.restorable_sets(spec_model.spec("olconnect"))
    ]
    assert paths, "the OL Connect spec marks no single PUT"
    return {path: httpx.get(mock.base_url + path, auth=auth).json() for path in paths}


def test_only_olconnect_runs_when_only_its_url_is_set(olconnect_mock: MockProcess, tmp_path: Path) -> None:
    """Also: with CONTRACT_ALLOW_WRITES=1 every changed set is back as it was after the run."""
    before = _olconnect_sets(olconnect_mock)
    run = run_suite([], clean_env(olconnect_env(olconnect_mock.info, olconnect_mock.base_url)), tmp_path)
    assert _olconnect_sets(olconnect_mock) == before, "live data was not restored after the run"
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


def test_live_data_is_restored_when_the_run_is_terminated(tmp_path: Path) -> None:
    """SIGTERM in the middle of the writes still restores every set the suite changed."""
    with running_mock("olconnect", access_log=False) as mock:
        before = _olconnect_sets(mock)
        env = clean_env(olconnect_env(mock.info, mock.base_url))
        process = subprocess.Popen(
            [sys.executable, "-m", "contract_tests", "--reports", str(tmp_path), "-q"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            deadline = time.monotonic() + 60
            while _olconnect_sets(mock) == before:
                assert time.monotonic() < deadline, "the suite never wrote to the configured job"
                assert process.poll() is None, "the suite ended before it wrote anything"
                time.sleep(0.02)
            process.send_signal(signal.SIGTERM)
            process.wait(timeout=60)
        finally:
            if process.poll() is None:
                process.kill()
        assert process.returncode != 0
        assert _olconnect_sets(mock) == before, "live data was not restored after SIGTERM"
