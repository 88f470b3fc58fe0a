"""The OL Connect mock's production line over HTTP: job creation -> job set in the entity services and
statistics -> output creation -> a real PDF; progress over time, cancel, the operations list, and every
documented status of the workflow operations (OLC-50..58)."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml

from mock_servers.olconnect.production import minimal_pdf
from mock_servers.testing import MockProcess, running_mock

from .conftest import Conformance, write_scenario

ROOT = "/rest/serverengine"
JC = f"{ROOT}/workflow/jobcreation"
OC = f"{ROOT}/workflow/outputcreation"
AIO = f"{ROOT}/workflow/print"
ADMIN = ("admin", "admin-password")
VIEWER = ("viewer", "viewer-password")
NOROLE = ("norole", "norole-password")
SECONDS = 0.4
SCENARIO = Path(__file__).resolve().parents[2] / "mock_servers" / "scenarios" / "olconnect.yaml"
AIO_BODY: dict[str, Any] = {
    "datamining": {"config": "invoices.OL-datamapper", "identifier": "invoices.csv", "persistDataset": True},
    "contentcreation": {"config": "invoice.OL-template"},
    "jobcreation": {"config": "invoice-preset"},
    "outputcreation": {"config": "print-preset", "createOnly": True},
}
# Every (operationId, status) the spec documents for the workflow services; the recipe test below
# produces each one, and test_olconnect_http's completeness check counts them as covered.
WORKFLOW_OPERATIONS = frozenset(
    f"{verb}{service}{noun}"
    for service in ("JobCreation", "OutputCreation", "AllInOne")
    for verb, noun in (
        ("submit", ""),
        ("get", "Operations"),
        ("get", "Progress"),
        ("get", "Result"),
        ("cancel", ""),
    )
) | {"submitOutputCreationByJobs"}


def _scenario(tmp: Path, **variants: str) -> Path:
    data = yaml.safe_load(SCENARIO.read_text(encoding="utf-8"))
    data["settings"]["operation_seconds"] = SECONDS
    if variants:
        data["variants"] = variants
    return write_scenario(tmp / "scenario.json", data)


@pytest.fixture(scope="module")
def line(tmp_path_factory: pytest.TempPathFactory) -> Iterator[MockProcess]:
    with running_mock("olconnect", _scenario(tmp_path_factory.mktemp("workflow"))) as mock:
        yield mock


@pytest.fixture(scope="module")
def http(line: MockProcess) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=line.base_url, timeout=10, auth=ADMIN) as client:
        yield client


def _submit(http: httpx.Client, path: str, body: Any) -> str:
    response = http.post(path, json=body)
    assert response.status_code == 202, response.text
    return response.headers["operationId"]


def _wait_done(http: httpx.Client, service: str, operation_id: str) -> list[str]:
    seen = []
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        progress = http.get(f"{service}/getProgress/{operation_id}")
        assert progress.status_code == 200, progress.text
        seen.append(progress.text)
        if progress.text == "done":
            return seen
        time.sleep(0.05)
    raise AssertionError(f"operation {operation_id} never finished: {seen[-3:]}")


def test_job_creation_to_pdf_end_to_end(http: httpx.Client) -> None:
    before = set(http.get(f"{ROOT}/entity/jobsets").json()["identifiers"])
    operation_id = _submit(
        http, f"{JC}/invoice-preset", {"identifiers": [8001, 8002], "parameters": {"x": 1}}
    )
    progress = _wait_done(http, JC, operation_id)
    numbers = [float(value) for value in progress[:-1]]
    assert numbers == sorted(numbers)
    assert all(0 <= n <= 100 for n in numbers)
    assert len(progress) > 2, "progress is seen running before it is done"
    result = http.post(f"{JC}/getResult/{operation_id}")
    assert result.status_code == 200
    assert result.headers["content-type"].startswith("text/plain")
    job_set_id = int(result.text)
    assert set(http.get(f"{ROOT}/entity/jobsets").json()["identifiers"]) == before | {job_set_id}
    jobs = http.get(f"{ROOT}/entity/jobsets/{job_set_id}").json()["identifiers"]
    assert len(jobs) == 2  # one job per content set
    contents = [http.get(f"{ROOT}/entity/jobs/{job}/contents").json()["identifiers"] for job in jobs]
    assert [[pair["item"] for pair in pairs] for pairs in contents] == [[6101, 6102, 6103], [6201, 6202]]
    statistics = http.get(f"{ROOT}/statistics/jobset/{job_set_id}").json()
    assert len(statistics["documents"]) == 5
    # output of the job set: a PDF with one page per document
    output_id = _submit(http, f"{OC}/print-preset", {"identifier": job_set_id, "createOnly": True})
    _wait_done(http, OC, output_id)
    pdf = http.post(f"{OC}/getResult/{output_id}")
    assert pdf.status_code == 200
    assert pdf.headers["content-type"] == "application/octet-stream"
    assert pdf.content.startswith(b"%PDF-1.4")
    assert pdf.content.rstrip().endswith(b"%%EOF")
    assert pdf.content.count(b"/Type /Page ") == 5
    # and of one job only
    by_jobs = _submit(http, f"{OC}/print-preset/jobs", {"identifiers": [jobs[1]], "createOnly": False})
    _wait_done(http, OC, by_jobs)
    assert http.post(f"{OC}/getResult/{by_jobs}").content.count(b"/Type /Page ") == 2


def test_all_in_one_maps_the_data_file_into_a_pdf(http: httpx.Client) -> None:
    operation_id = _submit(http, f"{AIO}/submit", AIO_BODY)
    listed = http.get(f"{AIO}/getOperations").json()
    assert [entry["type"] for entry in listed if entry["id"] == operation_id] == ["PrintRestService"]
    _wait_done(http, AIO, operation_id)
    pdf = http.post(f"{AIO}/getResult/{operation_id}").content
    assert pdf.count(b"/Type /Page ") == 3  # invoices.csv holds three records


def test_cancel_stops_the_operation_and_lands_nothing(http: httpx.Client) -> None:
    before = http.get(f"{ROOT}/entity/jobsets").json()["identifiers"]
    operation_id = _submit(http, f"{JC}/invoice-preset", {"identifiers": [8001]})
    listed = [entry["id"] for entry in http.get(f"{JC}/getOperations").json()]
    assert operation_id in listed
    assert http.post(f"{JC}/cancel/{operation_id}").status_code == 204
    time.sleep(SECONDS + 0.1)
    assert http.get(f"{JC}/getProgress/{operation_id}").status_code == 404
    assert operation_id not in [entry["id"] for entry in http.get(f"{JC}/getOperations").json()]
    assert http.get(f"{ROOT}/entity/jobsets").json()["identifiers"] == before


def test_link_header_names_the_three_urls(http: httpx.Client, line: MockProcess) -> None:
    response = http.post(f"{JC}/invoice-preset", json={"identifiers": [8002]})
    operation_id = response.headers["operationid"]  # header names are case-insensitive (OLC-50)
    links = dict(
        (rel, url) for url, rel in re.findall(r'<([^>]+)>; rel="([a-z]+)"', response.headers["link"])
    )
    assert links == {
        "progress": f"{line.base_url}{JC}/getProgress/{operation_id}",
        "result": f"{line.base_url}{JC}/getResult/{operation_id}",
        "cancel": f"{line.base_url}{JC}/cancel/{operation_id}",
    }
    http.post(f"{JC}/cancel/{operation_id}")


def test_every_documented_workflow_response_is_produced_and_conforms(
    http: httpx.Client, olconnect_spec: Conformance
) -> None:
    running = _submit(http, f"{JC}/invoice-preset", {"identifiers": [8001]})
    out_running = _submit(http, f"{OC}/print-preset", {"identifier": 1001, "createOnly": True})
    aio_running = _submit(http, f"{AIO}/submit", AIO_BODY)
    done = {JC: running, OC: out_running, AIO: aio_running}
    recipes: list[tuple[str, str, str, dict[str, Any], int]] = []
    for service, prefix in ((JC, "JobCreation"), (OC, "OutputCreation"), (AIO, "AllInOne")):
        recipes += [
            (f"get{prefix}Operations", "GET", f"{service}/getOperations", {}, 200),
            (f"get{prefix}Operations", "GET", f"{service}/getOperations", {"auth": None}, 401),
            (f"get{prefix}Operations", "GET", f"{service}/getOperations", {"auth": NOROLE}, 403),
            (f"get{prefix}Progress", "GET", f"{service}/getProgress/{done[service]}", {}, 200),
            (f"get{prefix}Progress", "GET", f"{service}/getProgress/nope", {"auth": None}, 401),
            (f"get{prefix}Progress", "GET", f"{service}/getProgress/nope", {"auth": NOROLE}, 403),
            (f"get{prefix}Progress", "GET", f"{service}/getProgress/nope", {}, 404),
            (f"get{prefix}Result", "POST", f"{service}/getResult/nope", {"auth": None}, 401),
            (f"get{prefix}Result", "POST", f"{service}/getResult/nope", {"auth": NOROLE}, 403),
            (f"get{prefix}Result", "POST", f"{service}/getResult/{done[service]}", {}, 404),  # not finished
            (f"cancel{prefix}", "POST", f"{service}/cancel/nope", {"auth": None}, 401),
            (f"cancel{prefix}", "POST", f"{service}/cancel/nope", {"auth": VIEWER}, 403),
            (f"cancel{prefix}", "POST", f"{service}/cancel/nope", {}, 404),
        ]
    jc_body = {"identifiers": [8001]}
    oc_body = {"identifier": 1001, "createOnly": True}
    jobs_body = {"identifiers": [2001], "createOnly": True}
    recipes += [
        ("submitJobCreation", "POST", f"{JC}/invoice-preset", {"json": {"identifiers": "x"}}, 400),
        ("submitJobCreation", "POST", f"{JC}/invoice-preset", {"json": jc_body, "auth": None}, 401),
        ("submitJobCreation", "POST", f"{JC}/invoice-preset", {"json": jc_body, "auth": VIEWER}, 403),
        ("submitJobCreation", "POST", f"{JC}/no-such-preset", {"json": jc_body}, 404),
        ("submitJobCreation", "POST", f"{JC}/invoice-preset", {"json": {"identifiers": [987654]}}, 404),
        ("submitOutputCreation", "POST", f"{OC}/print-preset", {"json": oc_body, "auth": None}, 401),
        ("submitOutputCreation", "POST", f"{OC}/print-preset", {"json": oc_body, "auth": VIEWER}, 403),
        (
            "submitOutputCreation",
            "POST",
            f"{OC}/print-preset",
            {"json": {**oc_body, "identifier": 987654}},
            404,
        ),
        ("submitOutputCreation", "POST", f"{OC}/print-preset", {"json": {"identifier": "x"}}, 500),
        (
            "submitOutputCreationByJobs",
            "POST",
            f"{OC}/print-preset/jobs",
            {"json": jobs_body, "auth": None},
            401,
        ),
        (
            "submitOutputCreationByJobs",
            "POST",
            f"{OC}/print-preset/jobs",
            {"json": jobs_body, "auth": VIEWER},
            403,
        ),
        ("submitOutputCreationByJobs", "POST", f"{OC}/no-such-preset/jobs", {"json": jobs_body}, 404),
        ("submitOutputCreationByJobs", "POST", f"{OC}/print-preset/jobs", {"json": {"identifiers": 1}}, 500),
        ("submitAllInOne", "POST", f"{AIO}/submit", {"json": {"datamining": {}}}, 400),
        ("submitAllInOne", "POST", f"{AIO}/submit", {"json": AIO_BODY, "auth": None}, 401),
        ("submitAllInOne", "POST", f"{AIO}/submit", {"json": AIO_BODY, "auth": VIEWER}, 403),
    ]
    produced: set[tuple[str, int]] = {("submitJobCreation", 202), ("submitOutputCreation", 202)}
    produced.add(("submitAllInOne", 202))
    for operation_id, method, path, options, expected in recipes:
        request = dict(options)
        auth = request.pop("auth", ADMIN)
        response = http.request(method, path, auth=auth, **request)
        assert response.status_code == expected, f"{method} {path}: {response.status_code} {response.text}"
        olconnect_spec.check(operation_id, response)
        produced.add((operation_id, expected))
    by_jobs = http.post(f"{OC}/print-preset/jobs", json=jobs_body)
    olconnect_spec.check("submitOutputCreationByJobs", by_jobs)
    produced.add(("submitOutputCreationByJobs", by_jobs.status_code))
    for service, prefix in ((JC, "JobCreation"), (OC, "OutputCreation"), (AIO, "AllInOne")):
        _wait_done(http, service, done[service])
        result = http.post(f"{service}/getResult/{done[service]}")
        olconnect_spec.check(f"get{prefix}Result", result)
        produced.add((f"get{prefix}Result", result.status_code))
        cancelled = http.post(f"{service}/cancel/{_submit_again(http, service)}")
        olconnect_spec.check(f"cancel{prefix}", cancelled)
        produced.add((f"cancel{prefix}", cancelled.status_code))
    documented = {
        (operation_id, status)
        for operation_id in WORKFLOW_OPERATIONS
        for status in olconnect_spec.documented(operation_id)
    }
    assert documented - produced == ELSEWHERE


# Documented answers this module's default server does not give: the 400 for a missing job set or job is
# olc.missing-input=400 (test_workflow_variants); no step of the mock's All-In-One ever fails.
ELSEWHERE = {("submitOutputCreation", 400), ("submitOutputCreationByJobs", 400), ("submitAllInOne", 500)}


def _submit_again(http: httpx.Client, service: str) -> str:
    bodies: dict[str, tuple[str, Any]] = {
        JC: (f"{JC}/invoice-preset", {"identifiers": [8002]}),
        OC: (f"{OC}/print-preset", {"identifier": 1001, "createOnly": True}),
        AIO: (f"{AIO}/submit", AIO_BODY),
    }
    path, body = bodies[service]
    return _submit(http, path, body)


@pytest.mark.parametrize(
    ("variants", "progress_after_result", "missing_input", "unknown_type"),
    [
        ({"olc.finished-operation": "gone", "olc.missing-input": "400"}, 404, 400, "application/json"),
        ({"olc.operation-error-body": "text"}, 200, 404, "text/plain"),
    ],
)
def test_workflow_variants(
    tmp_path: Path,
    variants: dict[str, str],
    progress_after_result: int,
    missing_input: int,
    unknown_type: str,
) -> None:
    with (
        running_mock("olconnect", _scenario(tmp_path, **variants)) as mock,
        httpx.Client(base_url=mock.base_url, timeout=10, auth=ADMIN) as http,
    ):
        operation_id = _submit(http, f"{JC}/invoice-preset", {"identifiers": [8001]})
        _wait_done(http, JC, operation_id)
        http.post(f"{JC}/getResult/{operation_id}")
        assert http.get(f"{JC}/getProgress/{operation_id}").status_code == progress_after_result
        assert http.post(f"{JC}/invoice-preset", json={"identifiers": [987654]}).status_code == missing_input
        unknown = http.get(f"{JC}/getProgress/nope")
        assert unknown.status_code == 404
        assert unknown.headers["content-type"].startswith(unknown_type)
        by_jobs = http.post(f"{OC}/print-preset/jobs", json={"identifiers": [987654], "createOnly": True})
        assert by_jobs.status_code == missing_input


def test_minimal_pdf_offsets_are_exact() -> None:
    pdf = minimal_pdf(["one", "two (2)"])
    assert len(pdf) < 1500
    start = int(pdf.rsplit(b"startxref\n", 1)[1].split(b"\n", 1)[0])
    assert pdf[start:].startswith(b"xref\n")
    entries = pdf[start:].split(b"\n")[3:]
    for number, entry in enumerate(entries[: 2 + 2 * 2 + 1], start=1):
        offset = int(entry.split(b" ")[0])
        assert pdf[offset:].startswith(b"%d 0 obj" % number)
