"""Fault injection through the admin endpoint, the CLI and a scenario setting, on real servers."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from mock_servers.core.scenario import load_scenario
from mock_servers.testing import MockProcess, running_mock

from .conftest import Conformance, write_scenario

JOBS = "/backup/google/admin/jobs"
OLC_JOBS = "/rest/serverengine/entity/jobs"


@pytest.fixture
def faulty(avepoint: MockProcess) -> Iterator[MockProcess]:
    """The module's AvePoint server, with faults cleared after each test."""
    avepoint.clear_faults()
    yield avepoint
    avepoint.clear_faults()


def test_faults_are_off_by_default(faulty: MockProcess) -> None:
    assert faulty.admin("GET", "/_mock/faults") == {
        "latency_ms": 0.0,
        "status": None,
        "count": 0,
        "retry_after": 1,
        "drop": 0,
    }


@pytest.mark.parametrize("status", [429, 503])
def test_status_fault_for_the_next_n_requests(faulty: MockProcess, status: int) -> None:
    faulty.set_faults(status=status, count=2, retry_after=7)
    with httpx.Client(base_url=faulty.base_url) as http:
        answers = [http.get(JOBS) for _ in range(3)]
    assert [a.status_code for a in answers] == [status, status, 401]
    assert answers[0].headers["Retry-After"] == "7"
    assert answers[0].json() == {"status": status, "message": answers[0].json()["message"]}
    assert "injected" in answers[0].json()["message"]


def test_latency_is_added(faulty: MockProcess) -> None:
    with httpx.Client(base_url=faulty.base_url) as http:
        http.get(JOBS)
        faulty.set_faults(latency_ms=300)
        started = time.perf_counter()
        assert http.get(JOBS).status_code == 401
        assert time.perf_counter() - started >= 0.3
        started = time.perf_counter()
        assert http.get("/_mock/health").status_code == 200  # admin paths are never faulted
        assert time.perf_counter() - started < 0.3


def test_dropped_connections(faulty: MockProcess) -> None:
    faulty.set_faults(drop=2)
    for _ in range(2):
        with httpx.Client(base_url=faulty.base_url) as http, pytest.raises(httpx.RemoteProtocolError):
            http.get(JOBS)
    with httpx.Client(base_url=faulty.base_url) as http:
        assert http.get(JOBS).status_code == 401
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline and len([r for r in faulty.log_records() if r.get("dropped")]) < 2:
        time.sleep(0.02)
    records = [r for r in faulty.log_records() if r.get("dropped")]
    assert len(records) == 2
    assert all(r["status"] is None for r in records)


def test_forced_token_expiry_through_the_fault_endpoint(faulty: MockProcess) -> None:
    form = {
        "grant_type": "client_credentials",
        "client_id": "mock-client",
        "client_secret": "mock-client-secret",
        "scope": "gsuite.graph.read.all",
    }
    with httpx.Client(base_url=faulty.base_url) as http:
        headers = {"Authorization": "Bearer " + http.post("/connect/token", data=form).json()["access_token"]}
        assert http.get(JOBS, headers=headers).status_code == 200
        assert faulty.set_faults(expire_tokens=True)["expired_tokens"] >= 1
        assert http.get(JOBS, headers=headers).status_code == 401


@pytest.mark.parametrize(
    "body",
    [
        {"status": 500},
        {"latency_ms": "slow"},
        {"drop": -1},
        {"unknown": 1},
        {"status": 503, "count": 1e20},
        {"status": 429, "retry_after": 10**9},
        {"drop": 10**7},
    ],
)
def test_bad_fault_settings_are_400(faulty: MockProcess, body: dict[str, object]) -> None:
    response = httpx.post(faulty.base_url + "/_mock/faults", json=body, headers=faulty.admin_headers)
    assert response.status_code == 400
    assert "fault setting" in response.json()["error"]


def test_delete_clears_faults(faulty: MockProcess) -> None:
    faulty.set_faults(status=503, count=100)
    cleared = httpx.delete(faulty.base_url + "/_mock/faults", headers=faulty.admin_headers)
    assert cleared.json()["count"] == 0
    assert httpx.get(faulty.base_url + JOBS).status_code == 401


def test_cli_fault_flag_on_olconnect(olconnect_spec: Conformance) -> None:
    with running_mock(
        "olconnect", faults={"status": 503, "count": 1, "retry_after": 2}, access_log=False
    ) as mock:
        first = httpx.get(mock.base_url + OLC_JOBS, auth=("admin", "admin-password"))
        assert first.status_code == 503
        assert first.headers["Retry-After"] == "2"
        assert first.json()["error"]["status"] == 503
        assert httpx.get(mock.base_url + OLC_JOBS, auth=("admin", "admin-password")).status_code == 200
        mock.set_faults(status=429, count=1)
        assert httpx.get(mock.base_url + OLC_JOBS).status_code == 429
        mock.reset()  # back to the CLI's faults: one more 503
        assert httpx.get(mock.base_url + OLC_JOBS).status_code == 503


def test_scenario_fault_setting(tmp_path: Path) -> None:
    document, _ = load_scenario("avepoint", None)
    document["settings"]["faults"] = {"status": 429, "count": 1}
    with running_mock(
        "avepoint", write_scenario(tmp_path / "faulty.json", document), access_log=False
    ) as mock:
        assert httpx.get(mock.base_url + JOBS).status_code == 429
        assert httpx.get(mock.base_url + JOBS).status_code == 401
