"""HTTP tests of the AvePoint mock's other job endpoints (issue 22, DECISIONS AVE-40..56)."""

from __future__ import annotations

import io
import time
import zipfile
from collections.abc import Iterator
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest

from mock_servers.testing import MockProcess, running_mock

from .conftest import Conformance

TOKEN = "/connect/token"
M365 = "/backup/m365/cloudbackupjobs"
RESTORE = "/backup/m365/restore/jobs"
SALESFORCE = "/backup/sfbapi/jobs"
VM = "/backup/vm/jobs"
DYNAMICS = "/dynamicsbackup/jobs"
SCANS = "/aos/jobs"
SCOPES = {
    "listM365Jobs": "microsoft365backup.jobInfo.read.all",
    "startM365Restore": "microsoft365backup.restore.readwrite.all",
    "listSalesforceJobs": "salesforce.public.read.all",
    "listVmJobs": "PlatformBackup.ReadWrite.All",
    "listDynamicsJobs": "Dynamics.ReadWrite.All",
    "listScanJobs": "autodiscovery.readwrite.all",
    "getInsightsExportStatus": "insights.graph.readwrite.all",
}
Params = dict[str, Any]
YEAR: Params = {"startTime": "2025-01-01", "finishTime": "2025-12-31"}
DYNAMICS_QUERY: Params = {
    "type": 0,
    "startTime": "2025-01-01T00:00:00Z",
    "finishTime": "2025-12-31T00:00:00Z",
}
SHAREPOINT_RESTORE = {
    "serviceType": 1,
    "recoveryDateTime": "2026-02-27T03:54:22Z",
    "siteRestoreScope": {
        "siteUrl": "https://contoso.sharepoint.com/sites/Finance",
        "restoreTargets": [{"libraryName": "Documents", "files": [{"relativePath": "Reports/2025.xlsx"}]}],
    },
}


@pytest.fixture(scope="module")
def avepoint() -> Iterator[MockProcess]:
    with running_mock("avepoint") as mock:
        yield mock


@pytest.fixture(scope="module")
def http(avepoint: MockProcess) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=avepoint.base_url, timeout=10) as client:
        yield client


def _token(http: httpx.Client, scope: str) -> dict[str, str]:
    form = {
        "grant_type": "client_credentials",
        "client_id": "mock-client",
        "client_secret": "mock-client-secret",
        "scope": scope,
    }
    response = http.post(TOKEN, data=form)
    assert response.status_code == 200, response.text
    return {"Authorization": f"Bearer {response.json()['access_token']}"}


@pytest.fixture
def fresh(avepoint: MockProcess) -> Iterator[None]:
    """Restore jobs and variants back to the start before and after a test that changes them (a reset also
    expires tokens, so ``bearer`` is asked for after it)."""
    avepoint.reset()
    yield
    avepoint.reset()
    avepoint.admin("POST", "/_mock/variants", {"profile": "project"})


@pytest.fixture
def bearer(http: httpx.Client, fresh: None) -> dict[str, str]:
    return _token(http, " ".join(SCOPES.values()))


def _variant(avepoint: MockProcess, values: dict[str, str]) -> None:
    avepoint.admin("POST", "/_mock/variants", {"variants": values})


def test_every_endpoint_answers_its_documented_200(
    http: httpx.Client, bearer: dict[str, str], avepoint_spec: Conformance
) -> None:
    calls: dict[str, tuple[str, Params]] = {
        "listM365Jobs": (M365, {}),
        "listSalesforceJobs": (SALESFORCE, YEAR),
        "listVmJobs": (VM, {}),
        "listDynamicsJobs": (DYNAMICS, DYNAMICS_QUERY),
        "listScanJobs": (SCANS, {"top": 2}),
        "getInsightsExportStatus": ("/insights/job/169/exportstatus", {}),
        "getInsightsExportFile": ("/insights/job/169/exportfile", {}),
    }
    for operation_id, (path, params) in calls.items():
        response = http.get(path, params=params, headers=bearer)
        assert response.status_code == 200, (operation_id, response.text)
        avepoint_spec.check(operation_id, response)
    first = http.get(M365, headers=bearer).json()["data"][0]["id"]
    details = http.get(f"{M365}/{first}", headers=bearer)
    avepoint_spec.check("getM365Job", details)
    assert details.json()["data"]["id"] == first


def test_each_operation_needs_its_own_scope(http: httpx.Client) -> None:
    google_only = _token(http, "gsuite.graph.read.all")
    for operation_id, scope in SCOPES.items():
        path = {
            "listM365Jobs": M365,
            "startM365Restore": RESTORE,
            "listSalesforceJobs": SALESFORCE,
            "listVmJobs": VM,
            "listDynamicsJobs": DYNAMICS,
            "listScanJobs": SCANS,
            "getInsightsExportStatus": "/insights/job/169/exportstatus",
        }[operation_id]
        method = "POST" if operation_id == "startM365Restore" else "GET"
        response = http.request(method, path, headers=google_only, json=SHAREPOINT_RESTORE)
        assert response.status_code == 403, operation_id
        assert scope in response.text
        assert http.request(method, path, json=SHAREPOINT_RESTORE).status_code == 401


def test_a_restore_creates_a_job_the_list_and_details_show(
    http: httpx.Client, bearer: dict[str, str], avepoint_spec: Conformance, avepoint: MockProcess
) -> None:
    created = http.post(RESTORE, json=SHAREPOINT_RESTORE, headers=bearer, params={"location": "NAM"})
    avepoint_spec.check("startM365Restore", created)
    job_id = created.json()["data"]["jobId"]
    details = http.get(f"{M365}/{job_id}", headers=bearer).json()["data"]
    assert (details["id"], details["state"]) == (job_id, "In Progress")
    listed = http.get(M365, params={"jobType": 2, "jobState": 1, "pageSize": 500}, headers=bearer).json()
    assert job_id in [job["id"] for job in listed["data"]]


def test_three_running_restores_refuse_the_fourth_with_429(
    http: httpx.Client, bearer: dict[str, str], avepoint_spec: Conformance, avepoint: MockProcess
) -> None:
    for _ in range(3):
        assert http.post(RESTORE, json=SHAREPOINT_RESTORE, headers=bearer).status_code == 200
    refused = http.post(RESTORE, json=SHAREPOINT_RESTORE, headers=bearer)
    assert refused.status_code == 429
    avepoint_spec.check("startM365Restore", refused)
    assert "errors" not in refused.json()


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"siteRestoreScope": None}, "siteRestoreScope"),
        ({"serviceType": 2}, "oneDriveRestoreScope"),
        ({"recoveryDateTime": "2026-02-27 03:54"}, "recoveryDateTime"),
        (
            {
                "siteRestoreScope": {
                    "siteUrl": "https://contoso.sharepoint.com/sites/Finance",
                    "restoreTargets": [
                        {
                            "libraryName": "Documents",
                            "folders": [{"relativePath": "A"}, {"relativePath": "A/B"}],
                        }
                    ],
                }
            },
            "siteRestoreScope",
        ),
        (
            {
                "siteRestoreScope": {
                    "siteUrl": "https://contoso.sharepoint.com/sites/Finance",
                    "restoreTargets": [
                        {"libraryName": f"L{n}", "files": [{"relativePath": f"f{i}"} for i in range(11)]}
                        for n in range(2)
                    ],
                }
            },
            "siteRestoreScope",
        ),
    ],
    ids=["no-scope", "onedrive-without-its-scope", "bad-time", "parent-and-child", "over-20-paths"],
)
def test_an_invalid_restore_body_answers_400_naming_the_field(
    http: httpx.Client, bearer: dict[str, str], avepoint_spec: Conformance, change: dict[str, Any], field: str
) -> None:
    body = {**SHAREPOINT_RESTORE, **change}
    body = {key: value for key, value in body.items() if value is not None}
    response = http.post(RESTORE, json=body, headers=bearer)
    assert response.status_code == 400, response.text
    avepoint_spec.check("startM365Restore", response)
    assert field.lower() in response.text.lower()


def _walk(
    http: httpx.Client, bearer: dict[str, str], path: str, params: dict[str, Any], follow: Any
) -> list[str]:
    """Every job ID of a walk; ``follow(body)`` gives the next request's (url, params) or None."""
    ids: list[str] = []
    url, query = path, params
    for _ in range(100):
        body = http.get(url, params=query, headers=bearer).json()
        jobs = body["data"] if isinstance(body.get("data"), list) else body.get("data", body)["jobs"]
        ids += [job.get("id") or job.get("jobId") for job in jobs]
        step = follow(body, query)
        if step is None:
            return ids
        url, query = step
    raise AssertionError("the walk did not end")


def _all(
    http: httpx.Client, bearer: dict[str, str], path: str, params: dict[str, Any], key: str
) -> list[str]:
    body = http.get(path, params={**params, key: 1000}, headers=bearer).json()
    jobs = body["data"] if isinstance(body.get("data"), list) else body.get("data", body)["jobs"]
    return [job.get("id") or job.get("jobId") for job in jobs]


def test_each_paging_style_walks_every_job_once(http: httpx.Client, bearer: dict[str, str]) -> None:
    def m365(body: dict[str, Any], _: Any) -> Any:
        link = body["metadata"]["nextLink"]
        return (link, None) if link else None

    def salesforce(body: dict[str, Any], _: Any) -> Any:
        link = body["data"]["nextLink"]
        return (link, None) if link else None

    def vm(body: dict[str, Any], _: Any) -> Any:
        token = body.get("nextLink")
        return (VM, {"pageSize": 4, "skiptoken": token}) if token else None

    def dynamics(body: dict[str, Any], _: Any) -> Any:
        link = body.get("nextLink")
        if not link:
            return None
        query = {name: values[0] for name, values in parse_qs(urlsplit(link).query).items()}
        return (DYNAMICS, query)

    def scans(body: dict[str, Any], _: Any) -> Any:
        link = body.get("nextLink")
        return (link, None) if link else None

    cases: list[tuple[str, Params, Any, str]] = [
        (M365, {"pageSize": 7}, m365, "pageSize"),
        (SALESFORCE, {**YEAR, "pageSize": 4}, salesforce, "pageSize"),
        (VM, {"pageSize": 4}, vm, "pageSize"),
        (DYNAMICS, {**DYNAMICS_QUERY, "pageSize": 4}, dynamics, "pageSize"),
        (SCANS, {"top": 5}, scans, "top"),
    ]
    for path, params, follow, size in cases:
        walked = _walk(http, bearer, path, params, follow)
        everything = _all(http, bearer, path, {k: v for k, v in params.items() if k != size}, size)
        assert walked == everything, path
        assert len(walked) > 4, path


@pytest.mark.parametrize(
    "variants",
    [
        {"ave.m365-next-link": "opaque"},
        {"ave.vm-next-link-name": "lower-case"},
        {"ave.d365-next-link": "absolute"},
        {"ave.aos-skip-unit": "pages"},
    ],
    ids=lambda values: "+".join(f"{k}={v}" for k, v in values.items()),
)
def test_paging_variants_still_walk_every_job(
    http: httpx.Client, bearer: dict[str, str], variants: dict[str, str], avepoint: MockProcess
) -> None:
    _variant(avepoint, variants)
    if "ave.m365-next-link" in variants:
        page = http.get(M365, params={"pageSize": 7}, headers=bearer).json()
        assert not page["metadata"]["nextLink"].startswith("http")
        return
    if "ave.vm-next-link-name" in variants:
        page = http.get(VM, params={"pageSize": 4}, headers=bearer).json()
        assert "nextlink" in page
        assert "nextLink" not in page
        second = http.get(VM, params={"pageSize": 4, "skiptoken": page["nextlink"]}, headers=bearer).json()
        assert second["jobs"][0]["jobId"] not in [job["jobId"] for job in page["jobs"]]
        return
    if "ave.d365-next-link" in variants:
        page = http.get(DYNAMICS, params={**DYNAMICS_QUERY, "pageSize": 4}, headers=bearer).json()
        assert page["nextLink"].startswith("http")
        assert "pageIndex=2" in page["nextLink"]
        return
    first = http.get(SCANS, params={"top": 5}, headers=bearer).json()
    assert "skip=1" in first["nextLink"]
    second = http.get(first["nextLink"], headers=bearer).json()
    assert not {job["id"] for job in first["jobs"]} & {job["id"] for job in second["jobs"]}


def test_envelope_variants_change_the_member_names(
    http: httpx.Client, bearer: dict[str, str], avepoint_spec: Conformance, avepoint: MockProcess
) -> None:
    _variant(avepoint, {"ave.m365-total-name": "total-count", "ave.m365-detail-names": "count"})
    page = http.get(M365, headers=bearer)
    avepoint_spec.check("listM365Jobs", page)
    assert "totalCount" in page.json()["metadata"]
    assert "totalCount" in page.json()["data"][0]["backupDetails"]
    _variant(avepoint, {"ave.sf-status-name": "state"})
    job = http.get(SALESFORCE, params=YEAR, headers=bearer).json()["data"]["jobs"][0]
    assert "state" in job
    assert "status" not in job


def test_unknown_ids_answer_each_documented_reading(
    http: httpx.Client, bearer: dict[str, str], avepoint_spec: Conformance, avepoint: MockProcess
) -> None:
    missing = http.get(f"{M365}/NOSUCHJOB", headers=bearer)
    assert missing.status_code == 404
    avepoint_spec.check("getM365Job", missing)
    _variant(avepoint, {"ave.m365-unknown-job": "empty-200"})
    empty = http.get(f"{M365}/NOSUCHJOB", headers=bearer)
    avepoint_spec.check("getM365Job", empty)
    assert empty.json()["data"] is None
    assert http.get("/insights/job/999/exportstatus", headers=bearer).status_code == 404
    _variant(avepoint, {"ave.insights-unknown-job": "400"})
    assert http.get("/insights/job/999/exportstatus", headers=bearer).status_code == 400


def test_the_insights_report_is_a_zip_and_only_for_a_finished_job(
    http: httpx.Client, bearer: dict[str, str], avepoint_spec: Conformance, avepoint: MockProcess
) -> None:
    report = http.get("/insights/job/169/exportfile", headers=bearer)
    assert report.headers["content-type"] == "application/zip"
    assert zipfile.ZipFile(io.BytesIO(report.content)).namelist() == ["report.xlsx"]
    assert http.get("/insights/job/170/exportfile", headers=bearer).status_code == 404
    _variant(avepoint, {"ave.insights-file-type": "octet-stream"})
    other = http.get("/insights/job/172/exportfile", headers=bearer)
    assert other.headers["content-type"] == "application/octet-stream"
    avepoint_spec.check("getInsightsExportFile", other)


def test_required_parameters_and_page_bounds_answer_400(http: httpx.Client, bearer: dict[str, str]) -> None:
    assert http.get(SALESFORCE, headers=bearer).status_code == 400
    assert http.get(DYNAMICS, params={"type": 1}, headers=bearer).status_code == 400
    assert http.get(DYNAMICS, params={**DYNAMICS_QUERY, "pageIndex": 0}, headers=bearer).status_code == 400
    assert http.get(M365, params={"pageIndex": -1}, headers=bearer).status_code == 400
    assert http.get(SCANS, params={"top": 1001}, headers=bearer).status_code == 400
    assert http.get(VM, params={"skiptoken": "not a token"}, headers=bearer).status_code == 400
    assert http.get(M365, params={"startTime": "yesterday"}, headers=bearer).status_code == 400


def test_a_delayed_restore_job_appears_a_second_later(
    http: httpx.Client, bearer: dict[str, str], avepoint: MockProcess
) -> None:
    _variant(avepoint, {"ave.restore-listing": "delayed"})
    job_id = http.post(RESTORE, json=SHAREPOINT_RESTORE, headers=bearer).json()["data"]["jobId"]
    assert http.get(f"{M365}/{job_id}", headers=bearer).status_code == 404
    time.sleep(1.1)
    assert http.get(f"{M365}/{job_id}", headers=bearer).status_code == 200


def test_every_documented_status_but_the_general_ones_is_produced(
    http: httpx.Client, bearer: dict[str, str], avepoint_spec: Conformance, avepoint: MockProcess
) -> None:
    """Each status an issue-22 operation documents is produced and conforms, except 500 (the general page's)
    and getM365Job's 400 (every job ID and location is well formed for it)."""
    produced: set[tuple[str, int]] = set()

    def record(operation_id: str, response: httpx.Response) -> None:
        avepoint_spec.check(operation_id, response)
        produced.add((operation_id, response.status_code))

    lists: dict[str, tuple[str, Params]] = {
        "listM365Jobs": (M365, {}),
        "listSalesforceJobs": (SALESFORCE, YEAR),
        "listVmJobs": (VM, {}),
        "listDynamicsJobs": (DYNAMICS, DYNAMICS_QUERY),
        "listScanJobs": (SCANS, {}),
        "getInsightsExportStatus": ("/insights/job/169/exportstatus", {}),
        "getInsightsExportFile": ("/insights/job/169/exportfile", {}),
        "getM365Job": (f"{M365}/NOSUCHJOB", {}),
    }
    google_only = _token(http, "gsuite.graph.read.all")
    for operation_id, (path, params) in lists.items():
        record(operation_id, http.get(path, params=params, headers=bearer))
        record(operation_id, http.get(path, params=params))
        record(operation_id, http.get(path, params=params, headers=google_only))
        if operation_id.startswith("list"):
            record(operation_id, http.get(path, params={**params, "pageSize": 0, "skip": -1}, headers=bearer))
    record(
        "getM365Job",
        http.get(M365 + "/" + http.get(M365, headers=bearer).json()["data"][0]["id"], headers=bearer),
    )
    record("getInsightsExportFile", http.get("/insights/job/999/exportfile", headers=bearer))
    record("getInsightsExportStatus", http.get("/insights/job/999/exportstatus", headers=bearer))
    _variant(avepoint, {"ave.insights-unknown-job": "400"})
    record("getInsightsExportStatus", http.get("/insights/job/999/exportstatus", headers=bearer))
    record("getInsightsExportFile", http.get("/insights/job/999/exportfile", headers=bearer))
    for body in (
        SHAREPOINT_RESTORE,
        {"serviceType": 1},
        SHAREPOINT_RESTORE,
        SHAREPOINT_RESTORE,
        SHAREPOINT_RESTORE,
    ):
        record("startM365Restore", http.post(RESTORE, json=body, headers=bearer))
    record("startM365Restore", http.post(RESTORE, json=SHAREPOINT_RESTORE))
    record("startM365Restore", http.post(RESTORE, json=SHAREPOINT_RESTORE, headers=google_only))
    documented = {
        (op, status)
        for op in (*lists, "startM365Restore")
        for status in avepoint_spec.documented(op)
        if status != 500
    }
    assert documented - produced == {("getM365Job", 400)}
