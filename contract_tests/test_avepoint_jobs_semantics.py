"""Rules of the other AvePoint job endpoints (issue 22) that the schemas cannot express (AVE-41..56).

Every rule passes on every documented variant: where the pages leave a choice open, the alternatives are
accepted and the one the server showed is reported as an informational line.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest

from contract_tests import api_paths
from contract_tests.expect import conforms, expect, expect_status, json_body
from contract_tests.fingerprint import Observation
from contract_tests.run_state import RunState
from contract_tests.targets import RESTORE_TARGET, AvePointTarget

pytestmark = pytest.mark.api("avepoint")

API = "avepoint"
M365_LIST, M365_JOB, RESTORE = "listM365Jobs", "getM365Job", "startM365Restore"
WALK_PAGE_SIZE = 4
MAX_PAGES = 200  # far more than any mock page count; a walk past it does not end
MOCK_RESTORE_SECONDS = 2.0  # how long a bundled mock's restore job runs (settings.restore_seconds default)
RESTORE_VISIBLE_WITHIN = 5.0  # seconds the suite waits for a new restore job to be listed (AVE-47)
UNKNOWN_JOB_ID = "NO-SUCH-JOB-contract-suite"
# The job-list jobState values and the label a job's state text carries for each (AVE-43).
M365_STATE_LABELS = {1: "inprogress", 2: "finished", 3: "failed", 4: "finishedwithexception"}


@pytest.fixture(scope="module")
def ave(run_state: RunState) -> AvePointTarget:
    return run_state.require_avepoint()


@pytest.fixture(scope="module")
def client(run_state: RunState) -> httpx.Client:
    return run_state.avepoint_client()


def _path(operation_id: str) -> str:
    return api_paths.path_of(API, operation_id)


def _ids(jobs: list[dict[str, Any]]) -> list[str]:
    return [str(job.get("id") or job.get("jobId")) for job in jobs]


Step = Callable[[dict[str, Any], dict[str, Any]], tuple[str, dict[str, Any]] | None]


def _link_or_next_index(link_of: Callable[[dict[str, Any]], Any], index_name: str, path: str) -> Step:
    """A URL is requested as it is; an opaque value repeats the query with the next index (AVE-44)."""

    def step(body: dict[str, Any], query: dict[str, Any]) -> tuple[str, dict[str, Any]] | None:
        link = link_of(body)
        if not link:
            return None
        if str(link).startswith(("http://", "https://")):
            return str(link), {}
        return path, {**query, index_name: int(query.get(index_name, 0)) + 1}

    return step


def _vm_step(body: dict[str, Any], query: dict[str, Any]) -> tuple[str, dict[str, Any]] | None:
    token = body.get("nextLink") or body.get("nextlink")  # AVE-51: either spelling
    return (_path("listVmJobs"), {**query, "skiptoken": token}) if token else None


def _dynamics_step(body: dict[str, Any], query: dict[str, Any]) -> tuple[str, dict[str, Any]] | None:
    """AVE-52: the page number is read out of the link (relative or absolute), never the link requested."""
    link = body.get("nextLink")
    if not link:
        return None
    named = parse_qs(urlsplit(str(link)).query).get("pageIndex")
    number = int(named[0]) if named and named[0].isdigit() else int(query.get("pageIndex", 1)) + 1
    return _path("listDynamicsJobs"), {**query, "pageIndex": number}


def _jobs_of(body: dict[str, Any]) -> list[dict[str, Any]]:
    data = body.get("data")
    if isinstance(data, list):
        return data
    if isinstance(data, dict):
        return list(data.get("jobs") or [])
    return list(body.get("jobs") or [])


WALKS: dict[str, tuple[dict[str, Any], Step]] = {
    "listM365Jobs": (
        {"pageSize": WALK_PAGE_SIZE},
        _link_or_next_index(
            lambda b: (b.get("metadata") or {}).get("nextLink"), "pageIndex", _path(M365_LIST)
        ),
    ),
    "listSalesforceJobs": (
        {"pageSize": WALK_PAGE_SIZE, "startTime": "2000-01-01", "finishTime": "2099-12-31"},
        _link_or_next_index(
            lambda b: (b.get("data") or {}).get("nextLink"), "pageIndex", _path("listSalesforceJobs")
        ),
    ),
    "listVmJobs": ({"pageSize": WALK_PAGE_SIZE}, _vm_step),
    "listDynamicsJobs": (
        {
            "pageSize": WALK_PAGE_SIZE,
            "type": 0,
            "startTime": "2000-01-01T00:00:00Z",
            "finishTime": "2099-12-31T00:00:00Z",
        },
        _dynamics_step,
    ),
    "listScanJobs": (
        {"top": WALK_PAGE_SIZE},
        _link_or_next_index(lambda b: b.get("nextLink"), "skip", _path("listScanJobs")),
    ),
}


def _skip_without_scope(response: httpx.Response, operation_id: str) -> None:
    """A live token may hold only some services' scopes (AVEPOINT_SCOPE); their rules are then not judged."""
    if response.status_code == 403:
        pytest.skip(f"the token lacks the scope of {operation_id} (set AVEPOINT_SCOPE to include it)")


def walk(client: httpx.Client, operation_id: str) -> list[str]:
    """Every job ID a walk of ``operation_id`` yields, checking each page against the spec on the way."""
    query, step = WALKS[operation_id]
    url, params = _path(operation_id), dict(query)
    ids: list[str] = []
    for _ in range(MAX_PAGES):
        page = client.get(url, params=params or None)  # a followed URL carries its own query
        _skip_without_scope(page, operation_id)
        expect_status(page, operation_id, 200, "every page of a walk answers 200")
        conforms(API, operation_id, page)
        body = json_body(page, operation_id)
        jobs = _jobs_of(body)
        size = params.get("pageSize", params.get("top", WALK_PAGE_SIZE))
        expect(len(jobs) <= int(size), operation_id, "a page holds at most the page size", page)
        seen = set(ids)
        again = [job for job in _ids(jobs) if job in seen]
        expect(not again, operation_id, "a walk never repeats a job", page, f"repeated: {again[:5]}")
        ids += _ids(jobs)
        following = step(body, params)
        if following is None:
            return ids
        url, params = following
        expect(bool(jobs), operation_id, "a page that names a next page holds jobs", page)
    raise AssertionError(f"{operation_id}: the walk did not end within {MAX_PAGES} pages")


@pytest.mark.operations(*WALKS)
@pytest.mark.parametrize("operation_id", list(WALKS))
def test_each_list_walk_ends_and_never_repeats_a_job(client: httpx.Client, operation_id: str) -> None:
    """Walking each job list by its own next-page rule ends, never repeats a job and keeps every page within
    its size (AVE-44, AVE-51, AVE-52, AVE-53)."""
    ids = walk(client, operation_id)
    repeated = sorted({job for job in ids if ids.count(job) > 1})
    assert not repeated, f"{operation_id}: a walk never repeats a job, but it repeated {repeated[:5]}"


@pytest.mark.operations(M365_LIST, M365_JOB)
def test_m365_job_details_answer_the_job_asked_for(run_state: RunState, client: httpx.Client) -> None:
    """Job details of a listed job hold that job; an unknown ID answers 404 or 200 without a job, never
    another job (AVE-45)."""
    listed = client.get(_path(M365_LIST), params={"pageSize": 3})
    _skip_without_scope(listed, M365_LIST)
    expect_status(listed, M365_LIST, 200, "the job list answers 200")
    jobs = _jobs_of(json_body(listed, M365_LIST))
    if not jobs:
        pytest.skip("the tenant has no Microsoft 365 job to ask for")
    for job_id in _ids(jobs):
        details = client.get(f"{_path(M365_LIST)}/{job_id}")
        expect_status(details, M365_JOB, 200, "a listed job's details answer 200")
        conforms(API, M365_JOB, details)
        data = json_body(details, M365_JOB).get("data") or {}
        expect(data.get("id") == job_id, M365_JOB, "job details hold the job asked for", details)
    unknown = client.get(f"{_path(M365_LIST)}/{UNKNOWN_JOB_ID}")
    expect_status(
        unknown, M365_JOB, {200, 404}, "an unknown job ID answers 404 or 200 without a job (AVE-45)"
    )
    if unknown.status_code == 200:
        data = json_body(unknown, M365_JOB).get("data")
        expect(not data, M365_JOB, "an unknown job ID never answers another job (AVE-45)", unknown)
    shown = "404" if unknown.status_code == 404 else "empty-200"
    run_state.note(
        Observation(
            API, "AVE-45", "ave.m365-unknown-job", shown, f"GET …/{UNKNOWN_JOB_ID}", str(unknown.status_code)
        )
    )


@pytest.mark.operations(M365_LIST)
def test_m365_state_filter_selects_jobs_of_that_state(run_state: RunState, client: httpx.Client) -> None:
    """A jobState filter lists only jobs whose state text is that state's label, where the server writes the
    labels the filter's values carry (AVE-43); any other text is reported, not judged."""
    other_texts: set[str] = set()
    for value, label in M365_STATE_LABELS.items():
        page = client.get(_path(M365_LIST), params={"jobState": value, "pageSize": 50})
        _skip_without_scope(page, M365_LIST)
        expect_status(page, M365_LIST, 200, "a documented jobState answers 200")
        for job in _jobs_of(json_body(page, M365_LIST)):
            text = "".join(str(job.get("state", "")).lower().split())
            known = set(M365_STATE_LABELS.values()) | {"partiallyfinished"}
            if text not in known:
                other_texts.add(str(job.get("state")))
                continue
            expect(text == label, M365_LIST, f"jobState={value} lists only {label} jobs", page, str(job))
    if other_texts:
        run_state.note(
            Observation(
                API, "AVE-43", "-", "other state texts", "GET jobState=1..4", ", ".join(sorted(other_texts))
            )
        )


@pytest.mark.writes
@pytest.mark.operations(RESTORE, M365_LIST, M365_JOB)
def test_a_restore_starts_a_job_that_details_and_list_show(
    run_state: RunState, ave: AvePointTarget, client: httpx.Client
) -> None:
    """A restore answers 200 with a job ID (or 429 while three run, AVE-48); the job details then show that
    job, and the job list shows it too (a listing that lags is reported, AVE-47). Live runs start a restore
    only when AVEPOINT_RESTORE_TARGET names it, and the summary lists the job."""
    if ave.restore_body is None:
        pytest.skip(f"needs {RESTORE_TARGET} (a restore body naming the site or OneDrive to restore into)")
    started = client.post(_path(RESTORE), json=dict(ave.restore_body))
    expect_status(
        started, RESTORE, {200, 429}, "a valid restore answers 200, or 429 while three run (AVE-48)"
    )
    conforms(API, RESTORE, started)
    if started.status_code == 429 and ave.mock is not None:
        time.sleep(MOCK_RESTORE_SECONDS + 0.5)  # fuzzing filled the bundled mock's three slots; they free up
        started = client.post(_path(RESTORE), json=dict(ave.restore_body))
        conforms(API, RESTORE, started)
    if started.status_code == 429:
        pytest.skip("three restore or export jobs already run (AVE-48); no job was started")
    job_id = str((json_body(started, RESTORE).get("data") or {}).get("jobId") or "")
    expect(bool(job_id), RESTORE, "a started restore answers its job ID in data.jobId", started)
    run_state.created.append(f"AvePoint restore job {job_id} at {ave.base_url} (POST {_path(RESTORE)})")
    deadline = time.monotonic() + RESTORE_VISIBLE_WITHIN
    while True:
        details = client.get(f"{_path(M365_LIST)}/{job_id}")
        data = json_body(details, M365_JOB).get("data") if details.status_code == 200 else None
        if data or time.monotonic() > deadline:
            break
        time.sleep(0.25)
    expect(
        isinstance(data, dict) and data.get("id") == job_id,
        M365_JOB,
        f"the new restore job's details are there within {RESTORE_VISIBLE_WITHIN:.0f} s (AVE-47)",
        details,
    )
    listed = client.get(_path(M365_LIST), params={"jobType": 2, "pageSize": 200})
    expect_status(listed, M365_LIST, 200, "the job list answers 200")
    shown = "immediate" if job_id in _ids(_jobs_of(json_body(listed, M365_LIST))) else "not yet listed"
    run_state.note(Observation(API, "AVE-47", "ave.restore-listing", shown, "GET jobType=2", shown))
