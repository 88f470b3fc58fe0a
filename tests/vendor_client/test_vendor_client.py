"""The vendor's own Node.js client against our OL Connect mock: each call agrees with the pages and DECISIONS.

``@objectif-lune/connect-rest-client`` is installed from ``../shared/vendor-sources`` with our
``@objectif-lune/core`` shim (``python -m scripts.vendor_client install``) and driven by
``vendor_client/driver.cjs`` in every profile and every single variant value, in live mode against a mock
process that plays a live server, and against a deliberately broken server, where it must fail. Node.js is
on every CI machine: without it (or without the bundle) these tests fail under ``CI=true`` and skip elsewhere.
One mock serves all selections (a driver run takes ≈ 0.5 s); the folder uses ≈ 35 s of CPU in all.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import httpx
import pytest

import spec_model
from mock_servers.core.variants import variants_for
from mock_servers.testing import MockProcess
from scripts import vendor_client
from scripts.vendor_client import DriverRun, Selection
from tests.contract.harness import clean_env, deviation_proxy, olconnect_env

ROOT = Path(__file__).resolve().parents[2]

# One worker runs them all, so the installation and the selection matrix are made once (--dist loadgroup).
pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("vendor-client")]
REST = "/rest/serverengine"
# Variants the driver's expectations need not read because the client cannot see them.
CLIENT_NEUTRAL: dict[str, str] = {
    "olc.job-sets-root": "fetchAllJobSetIds sends no Accept header, so a negotiating server (OLC-41) gives it"
    " the list too; its case holds every selection to the list",
    "olc.empty-level-mode": "GetJobSetStatistics sends levelMode only for the two document-set scopes,"
    " never an empty one, so the client cannot tell a server that refuses it (OLC-12) from one that reads it"
    " as omitted",
    "olc.operation-links": "the client never reads the 202's Link header: createOperationDefinition builds"
    " the progress, result and cancel URLs from the operationId header and its own service paths, so absolute"
    " and relative links (OLC-50) lead it to the same requests",
    "olc.operation-error-body": "no handler of the client reads the body of an operation's 404: the fork's"
    " patched getProgress handler answers done without reading it, and getResult and cancel have no 404"
    " handler, so a JSON, text or empty body (OLC-53) all end in the same outcome; the unknown-operation"
    " cases hold every selection to it",
}
# Cases a live run cannot make: other users and the mock's token expiry are not in the live variables, and
# the workflow cases need presets and content sets that only the mock's scenario names (all but the
# release check of the 24 in the Job Creation, Output Creation and All-In-One tables).
LIVE_ONLY_MOCK = 3 + 23


def _explain(run: DriverRun) -> str:
    lines = [run.summary("run")]
    for r in run.disagreements:
        expected = " or ".join(r["expected"])
        lines.append(f"{r['service']}.{r['method']} [{r['case']}]: got {r['outcome']}; expected {expected}")
    return "\n".join(lines) + "\n" + run.log[-2000:]


@pytest.mark.parametrize("label", [selection.label for selection in vendor_client.selections()])
def test_every_call_agrees(label: str, mock_runs: dict[str, tuple[Selection, DriverRun]]) -> None:
    selection, run = mock_runs[label]
    report = run.report
    assert run.returncode == 0, _explain(run)
    assert report["disagree"] == 0, _explain(run)
    assert report["methods_without_case"] == [], _explain(run)
    assert report["not_run"] == 0, "every case runs against the mock"
    assert report["calls"] >= 50, report["calls"]
    assert report["variants"] == {**report["variants"], **selection.overrides}


def test_the_selections_cover_every_profile_and_variant_value() -> None:
    labels = {selection.label for selection in vendor_client.selections()}
    assert {"profile project", "profile docs-literal"} <= labels
    for variant in variants_for("olconnect"):
        assert {f"{variant.name}={value}" for value in variant.values[1:]} <= labels


def test_the_driver_reads_every_variant(mock_runs: dict[str, tuple[Selection, DriverRun]]) -> None:
    """A variant changes what the client sees unless listed as neutral; the expectations must then know it."""
    read = {name for _, run in mock_runs.values() for name in run.report["variants_read"]}
    missing = {variant.name for variant in variants_for("olconnect")} - read - set(CLIENT_NEUTRAL)
    assert not missing, f"vendor_client/cases.cjs has no expectation for variant(s) {sorted(missing)}"


def test_docs_literal_is_one_era(mock_runs: dict[str, tuple[Selection, DriverRun]]) -> None:
    """OLC-60: the 2021.1 profile has no statistics, and the client refuses to ask (the issue's 6 calls)."""
    _, run = mock_runs["profile docs-literal"]
    statistics = [r for r in run.report["results"] if r["service"] == "statistics"]
    assert len(statistics) == 5
    assert {r["outcome"] for r in statistics} == {
        "StatisticsServiceNotAvailable",
        "DocumentSetStatisticsNotAvailable",
    }


# What the driver must see fail when a server claims one reading and plays the other (issue 24): the mock
# plays the project defaults while the driver is told the variant's value. olc.property-store is left out:
# the client folds both readings into the same object, which its case shows.
CLAIMED_BUT_NOT_PLAYED = {
    "olc.error-body=text": {
        "authentication.login [wrong password]",
        "authentication.login [unknown user]",
        "client.requestWithToken [wrong password]",
    },
    "olc.entity-error-body=text": {
        "jobEntity.fetchContentItemDataRecordLinksForJob [unknown job]",
        "jobEntity.fetchJobMetadata [unknown job]",
        "jobEntity.fetchJobProperties [unknown job]",
        "jobSegmentEntity.fetchJobSegmentMetadata [unknown segment]",
        "documentSetEntity.fetchDocumentSetMetadata [unknown document set]",
        "documentEntity.fetchDocumentMetadata [unknown document]",
        "jobSetEntity.fetchJobSetMetadata [unknown job set]",
        "jobSetEntity.fetchJobSetProperties [unknown job set]",
        "jobSetEntity.deleteJobSet [unknown job set]",
        'jobSetEntity.deleteJobSet [malformed ID "abc"]',
        "dataSetEntity.fetchDataRecordIdsForDataSet [unknown data set]",
        "dataSetEntity.fetchDatatSetProperties [unknown data set]",
        "dataSetEntity.deleteDataSet [unknown data set]",
        "jobSetEntity.fetchJobMetadata [a job the deleted job set owned]",
    },
    "olc.security=off": {
        "authentication.login [wrong password]",
        "authentication.login [unknown user]",
        "client.handshake [unknown token]",
        "client.requestWithToken [unknown token: one re-login, then the read]",
        "client.requestWithToken [expired token: one re-login, then the read]",
        "client.requestWithToken [wrong password]",
        "client.requestWithToken [read-only user writes]",
        "client.requestWithToken [user without roles reads]",
    },
    "olc.statistics-properties=string": {
        "statistics.GetJobSetStatistics [default level]",
        "statistics.GetJobSetStatistics [documentOnly]",
        "statistics.GetJobSetStatistics [documentSetOnly]",
        "statistics.GetJobSetStatistics [documentSetAll]",
    },
    "olc.data-set-delete=deferred": {"dataSetEntity.fetchAllDataSetIds [right after the delete]"},
    "olc.job-set-owned=kept": {"jobSetEntity.fetchJobMetadata [a job the deleted job set owned]"},
    "olc.missing-input=400": {
        "jobCreation.createJobSetFromContentSets [unknown content set]",
        "outputCreation.createOutputFromJobSet [unknown job set]",
    },
    "olc.finished-operation=gone": {
        "jobCreation.getProgressOfOperation [the finished job creation, after its result]",
    },
    "olc.multi-update-repeats=apply": {
        "jobEntity.updateMultipleJobProperties [the same job twice]",
        "jobEntity.fetchJobProperties [read back after the same job twice]",
    },
}


@pytest.mark.parametrize("claim", sorted(CLAIMED_BUT_NOT_PLAYED))
def test_a_variant_claimed_but_not_played_fails(claim: str, live_mock: MockProcess) -> None:
    """Each new variant's expectations reject the default behaviour: exactly the cases it changes fail."""
    name, _, value = claim.partition("=")
    played = live_mock.admin("POST", "/_mock/variants", {"profile": "project", "variants": {}})["variants"]
    assert played[name] != value
    info = {**live_mock.info, "base_url": live_mock.base_url}
    run = vendor_client.run_driver(
        vendor_client.mock_config(info, {**played, name: value}, str(live_mock.info["admin_token"]))
    )
    assert run.returncode == 1, _explain(run)
    failed = {f"{r['service']}.{r['method']} [{r['case']}]" for r in run.disagreements}
    assert failed == CLAIMED_BUT_NOT_PLAYED[claim], _explain(run)


# -- live mode: the same driver against a mock process that plays a live server


def _live(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "scripts.vendor_client", "live", *args],
        cwd=ROOT,
        env=clean_env(env),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def _lists(mock: MockProcess) -> dict[str, Any]:
    ids = mock.info["ids"]
    paths = [
        f"/entity/jobs/{ids['jobs'][0]}/metadata",
        f"/entity/jobs/{ids['jobs'][0]}/properties",
        f"/entity/jobsegments/{ids['job_segments'][0]}/metadata",
        f"/entity/jobsets/{ids['job_sets'][0]}/metadata",
        f"/entity/jobsets/{ids['job_sets'][0]}/properties",
        f"/entity/documentsets/{ids['document_sets'][0]}/metadata",
        f"/entity/documents/{ids['documents'][0]}/metadata",
        f"/entity/datasets/{ids['data_sets'][0]}/properties",
    ]
    auth = ("admin", "admin-password")
    return {path: httpx.get(mock.base_url + REST + path, auth=auth, timeout=10).json() for path in paths}


def test_live_mode_writes_and_restores(live_mock: MockProcess) -> None:
    before = _lists(live_mock)
    completed = _live(olconnect_env(live_mock.info, live_mock.base_url), "--json")
    assert completed.returncode == 0, completed.stdout + completed.stderr
    report = json.loads(completed.stdout)
    assert report["mode"] == "live"
    assert report["variants"] == {}
    assert report["disagree"] == 0, completed.stderr
    assert report["not_run"] == LIVE_ONLY_MOCK, completed.stderr
    assert report["calls"] >= 45
    assert _lists(live_mock) == before, "the live run must put back what it changed"
    # The one thing it may not put back: the disposable job set it was allowed to delete (OLC-42), alone.
    job_sets = httpx.get(live_mock.base_url + REST + "/entity/jobsets", auth=("admin", "admin-password"))
    assert job_sets.json()["identifiers"] == live_mock.info["ids"]["job_sets"][:-1]
    data_sets = httpx.get(live_mock.base_url + REST + "/entity/datasets", auth=("admin", "admin-password"))
    assert data_sets.json()["identifiers"] == live_mock.info["ids"]["data_sets"][:-1]  # likewise (OLC-71)


def test_live_mode_without_writes_changes_nothing(live_mock: MockProcess) -> None:
    before = _lists(live_mock)
    env = {
        k: v
        for k, v in olconnect_env(live_mock.info, live_mock.base_url).items()
        if k != "CONTRACT_ALLOW_WRITES"
    }
    completed = _live(env, "--json")
    assert completed.returncode == 0, completed.stdout + completed.stderr
    report = json.loads(completed.stdout)
    skipped = [r for r in report["results"] if not r["run"]]
    assert len(skipped) > LIVE_ONLY_MOCK
    assert any("CONTRACT_ALLOW_WRITES=1" in r["reason"] for r in skipped)
    assert _lists(live_mock) == before
    assert not any(r["method"] == "deleteJobSet" for r in report["results"] if r["run"])


def test_live_mode_deletes_nothing_without_a_disposable_job_set(live_mock: MockProcess) -> None:
    """Writes on but no OLCONNECT_DISPOSABLE_JOB_SET_ID: the delete cases are reported as not run."""
    env = olconnect_env(live_mock.info, live_mock.base_url)
    del env["OLCONNECT_DISPOSABLE_JOB_SET_ID"]
    completed = _live(env, "--json")
    assert completed.returncode == 0, completed.stdout + completed.stderr
    report = json.loads(completed.stdout)
    skipped = [r for r in report["results"] if not r["run"]]
    assert {r["reason"] for r in skipped if r["service"] == "jobSetEntity"} == {
        "no disposable job set configured (OLCONNECT_DISPOSABLE_JOB_SET_ID)"
    }
    job_sets = httpx.get(live_mock.base_url + REST + "/entity/jobsets", auth=("admin", "admin-password"))
    assert job_sets.json()["identifiers"] == live_mock.info["ids"]["job_sets"]


def test_live_mode_names_missing_variables() -> None:
    completed = _live({"OLCONNECT_BASE_URL": "http://127.0.0.1:9"})
    assert completed.returncode == 2
    assert "OLCONNECT_USERNAME, OLCONNECT_PASSWORD" in completed.stderr
    assert "Traceback" not in completed.stderr


# -- the driver fails on a broken server


@pytest.mark.parametrize(
    ("deviation", "case"),
    [
        ("login-wrong-content-type", "authentication.login [good credentials]"),
        ("renamed-field", "jobEntity.fetchJobSegmentIdsForJob [known job]"),
        ("job-set-missing-from-list", "jobSetEntity.fetchAllJobSetIds [all job sets]"),
        # Slow by design: the driver gives a marked job set 10 s to go (OLC-42) before calling it a failure.
        ("delete-not-carried-out", "jobSetEntity.fetchAllJobSetIds [within 10 s of the delete]"),
        ("data-set-missing-from-list", "dataSetEntity.fetchAllDataSetIds [all data sets]"),
    ],
)
def test_driver_fails_on_a_broken_server(deviation: str, case: str, live_mock: MockProcess) -> None:
    with deviation_proxy(live_mock.base_url, deviation) as url:
        completed = _live(olconnect_env(live_mock.info, url), "--json")
    assert completed.returncode == 1, completed.stdout + completed.stderr
    report = json.loads(completed.stdout)
    failed = [
        f"{r['service']}.{r['method']} [{r['case']}]"
        for r in report["results"]
        if r["run"] and not r["agree"]
    ]
    assert case in failed, failed


def test_driver_passes_through_the_proxy_without_a_deviation(live_mock: MockProcess) -> None:
    """The control for the test above: the proxy alone changes nothing the driver sees."""
    with deviation_proxy(live_mock.base_url, "none") as url:
        completed = _live(olconnect_env(live_mock.info, url), "--json")
    assert completed.returncode == 0, completed.stdout + completed.stderr


# -- bad input: one line and exit 2, never a traceback


def _tool(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "scripts.vendor_client", *args],
        cwd=ROOT,
        env=clean_env(env),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["mock", "--variant", "olc.nope=1"], "unknown olconnect variant 'olc.nope'"),
        (["mock", "--profile", "strict"], "unknown profile 'strict'"),
        (["mock", "--variant", "olc.unknown-id"], "--variant needs NAME=VALUE"),
    ],
)
def test_bad_selection_exits_2(args: list[str], message: str) -> None:
    completed = _tool(args, {})
    assert completed.returncode == 2
    assert message in completed.stderr
    assert "Traceback" not in completed.stderr


def test_missing_node_is_named() -> None:
    completed = _tool(["install"], {"PATH": str(Path(sys.executable).parent / "no-such-dir")})
    assert completed.returncode == 2
    assert "node, npm, git not found on PATH" in completed.stderr


# The service part of a spec path (after /rest/serverengine) -> the driver's table for it. A service the
# spec gains must get a table in vendor_client/cases.cjs (and its class in COVERED) before this passes.
SERVICE_TABLES = {
    "authentication": "authentication",
    "entity/jobs": "jobEntity",
    "entity/jobsegments": "jobSegmentEntity",
    "statistics/jobset": "statistics",
    "entity/jobsets": "jobSetEntity",
    "entity/documentsets": "documentSetEntity",
    "entity/documents": "documentEntity",
    "entity/datasets": "dataSetEntity",
    "workflow/jobcreation": "jobCreation",
    "workflow/outputcreation": "outputCreation",
    "workflow/print": "allInOne",
}


def _service_of(path: str) -> str:
    parts = [part for part in path.removeprefix(REST).split("/") if part and not part.startswith("{")]
    return "/".join(parts[:2]) if parts[0] in ("entity", "statistics", "workflow") else parts[0]


def test_every_service_of_the_spec_has_a_table(mock_runs: dict[str, tuple[Selection, DriverRun]]) -> None:
    services = {_service_of(operation.path) for operation in spec_model.spec("olconnect").operations.values()}
    missing = services - set(SERVICE_TABLES)
    assert not missing, f"the spec covers {sorted(missing)}: add a table to vendor_client/cases.cjs"
    _, run = mock_runs["profile project"]
    driven = {result["service"] for result in run.report["results"]}
    assert {SERVICE_TABLES[service] for service in services} <= driven


def test_the_shim_hides_nothing(installed: None) -> None:
    """vendor_client/shim.test.cjs: odd statuses and bodies reach the caller as sent, after one request,
    and an operation is polled to done before its one result call."""
    completed = subprocess.run(
        ["node", "--test", "shim.test.cjs"],
        cwd=ROOT / "vendor_client",
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert completed.returncode == 0, completed.stdout[-3000:] + completed.stderr[-1000:]
    assert "# pass 6" in completed.stdout
    assert "# fail 0" in completed.stdout
