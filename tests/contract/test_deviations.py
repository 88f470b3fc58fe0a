"""Proof that the contract suite catches deviations: one deliberate deviation at a time must fail the
suite and name the broken rule; the same focused run without a deviation must pass.

Each case runs the real suite (``python -m contract_tests``, quick profile, live mode through the
deviation proxy in front of a bundled mock) focused on the operations the deviation touches, so a case
takes seconds. Cases are independent processes on free ports and can run in parallel (pytest-xdist).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import Any

import pytest

import spec_model
from mock_servers.testing import MockProcess, running_mock

from .harness import avepoint_env, clean_env, deviation_proxy, expect_pass, olconnect_env, run_suite

pytestmark = pytest.mark.slow

# deviation -> (API, operations to focus on, text the failure report must contain)
CASES: dict[str, tuple[str, tuple[str, ...], str]] = {
    "required-field-missing": ("avepoint", ("listJobs",), "response_schema_conformance"),
    "wrong-type": ("olconnect", ("getJobSegmentIds",), "response_schema_conformance"),
    "undocumented-status": ("olconnect", ("getJobContents",), "status_code_conformance"),
    "401-without-challenge": ("olconnect", ("getJobEntityVersion",), "WWW-Authenticate"),
    "auth-ignored": ("avepoint", ("listJobs",), "AVE-11"),
    "put-not-persisted": (
        "olconnect",
        ("updateJobMetadata",),
        "GET must return exactly the list that was put",
    ),
    "next-link-loops": ("avepoint", ("listJobs",), "a walk never repeats a job"),
    "filter-ignored": ("avepoint", ("listJobs",), "every job on every page matches every filter"),
    "wrong-content-type": ("olconnect", ("getJobMetadata",), "content_type_conformance"),
    "server-error-on-malformed-id": ("olconnect", ("getJobProperties",), "OLC-05"),
    "token-for-wrong-secret": ("avepoint", ("requestToken",), "a wrong client secret gets no token"),
    "2025-2-without-token-expires-in": ("olconnect", ("login",), "sends Token-Expires-In on login"),
    "statistics-miss-a-document": (
        "olconnect",
        ("getJobIds",),
        "the statistics count exactly the documents the entity services list",
    ),
    "delete-not-carried-out": ("olconnect", ("deleteJobSet",), "a deleted job set leaves the list within"),
    "job-set-missing-from-list": ("olconnect", ("getJobSetIds",), "is in the list of all job sets"),
    "data-set-delete-not-carried-out": (
        "olconnect",
        ("deleteDataSet",),
        "a deleted data set leaves the list within",
    ),
    "data-set-missing-from-list": ("olconnect", ("getDataSetIds",), "the known data set"),
    "record-in-every-data-set": ("olconnect", ("getDataRecordIds",), "is listed under one data set only"),
    "m365-details-wrong-job": ("avepoint", ("getM365Job",), "job details hold the job asked for"),
    "restore-job-not-shown": ("avepoint", ("startM365Restore",), "the new restore job's details are there"),
    "vm-token-ignored": ("avepoint", ("listVmJobs",), "a walk never repeats a job"),
}
# Deviations a profile cannot show: docs-literal plays a 2021.1 server, which has no statistics service.
NOT_IN_PROFILE = {("statistics-miss-a-document", "docs-literal"): "statistics exist only from server 2024.1"}
# Each deviation must be caught whichever documented reading the server behind it follows.
MOCK_PROFILES = ("project", "docs-literal")


@pytest.fixture(scope="module")
def mocks() -> Iterator[dict[tuple[str, str], MockProcess]]:
    """Both mocks in both profiles (started once per worker)."""
    with ExitStack() as stack:
        yield {
            (api, profile): stack.enter_context(running_mock(api, access_log=False, profile=profile))
            for api in spec_model.API_NAMES
            for profile in MOCK_PROFILES
        }


def _live_env(api: str, mock: MockProcess, base_url: str) -> dict[str, str]:
    return olconnect_env(mock.info, base_url) if api == "olconnect" else avepoint_env(mock.info, base_url)


def _proxy_env(mock: MockProcess) -> dict[str, Any]:
    clients = mock.info.get("clients")
    if not clients:
        return {}
    return {
        "DEVIATION_CLIENT_ID": clients[0]["client_id"],
        "DEVIATION_CLIENT_SECRET": clients[0]["client_secret"],
    }


def _focus(operations: tuple[str, ...]) -> list[str]:
    return [arg for op in operations for arg in ("--operation", op)]


@pytest.mark.parametrize("profile", MOCK_PROFILES)
@pytest.mark.parametrize("deviation", CASES)
def test_suite_fails_on_deviation(
    deviation: str, profile: str, mocks: dict[tuple[str, str], MockProcess], tmp_path: Path
) -> None:
    if (deviation, profile) in NOT_IN_PROFILE:
        pytest.skip(NOT_IN_PROFILE[deviation, profile])
    api, operations, rule = CASES[deviation]
    mock = mocks[api, profile]
    mock.reset()  # an earlier focused run may have deleted the disposable job set (OLC-42)
    with deviation_proxy(mock.base_url, deviation, _proxy_env(mock)) as url:
        run = run_suite(["--api", api, *_focus(operations)], clean_env(_live_env(api, mock, url)), tmp_path)
    assert run.returncode == 1, f"the suite did not fail on {deviation} ({profile}):\n{run.output[-3000:]}"
    assert rule in run.output, f"the failure for {deviation} does not name {rule!r}:\n{run.output[-4000:]}"
    assert "curl " in run.output, f"the failure for {deviation} shows no reproducing request"
    assert "**FAIL**" in run.summary


@pytest.mark.parametrize("profile", MOCK_PROFILES)
@pytest.mark.parametrize("api", spec_model.API_NAMES)
def test_suite_passes_without_deviation(
    api: str, profile: str, mocks: dict[tuple[str, str], MockProcess], tmp_path: Path
) -> None:
    """The same focused runs through the same proxy, with no deviation, pass."""
    operations = tuple(sorted({op for case_api, ops, _ in CASES.values() if case_api == api for op in ops}))
    mock = mocks[api, profile]
    mock.reset()  # an earlier focused run may have deleted the disposable job set (OLC-42)
    with deviation_proxy(mock.base_url, "none", _proxy_env(mock)) as url:
        run = run_suite(["--api", api, *_focus(operations)], clean_env(_live_env(api, mock, url)), tmp_path)
    expect_pass(run, f"the focused {api} run without any deviation ({profile})")
    assert "**FAIL**" not in run.summary
