"""OL Connect workflow rules (Job Creation, Output Creation, All-In-One; spec/DECISIONS.md OLC-50..58).

The line is followed end to end: a job creation answers 202 with its operation ID, its progress is a
percentage and then ``done``, its result names a job set that the entity services list with its jobs, and an
output creation of that job set delivers bytes. Against a live server these tests start real work, so they
run only with CONTRACT_ALLOW_WRITES=1 and the presets named; every job set they make is deleted afterwards,
and one that could not be is named in the report's cleanup line.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator

import httpx
import pytest

from contract_tests import api_paths
from contract_tests.expect import conforms, error_body_ok, expect, expect_status, json_body
from contract_tests.fingerprint import Observation
from contract_tests.run_state import RunState
from contract_tests.targets import OLConnectTarget
from contract_tests.workflow import UNKNOWN_OPERATION, all_in_one_body, require_inputs

pytestmark = pytest.mark.api("olconnect")

API = "olconnect"
WAIT_SECONDS = 120.0  # how long an operation of the suite's small inputs may run before the test gives up
PROGRESS = re.compile(r"(done|[0-9]{1,3}(\.[0-9]+)?)")
SERVICES = {
    "JobCreation": ("getJobCreationProgress", "getJobCreationResult", "cancelJobCreation"),
    "OutputCreation": ("getOutputCreationProgress", "getOutputCreationResult", "cancelOutputCreation"),
    "AllInOne": ("getAllInOneProgress", "getAllInOneResult", "cancelAllInOne"),
}


@pytest.fixture(scope="module")
def olc(run_state: RunState) -> OLConnectTarget:
    return run_state.require_olconnect()


@pytest.fixture(scope="module")
def client(run_state: RunState) -> httpx.Client:
    return run_state.olconnect_client()


@pytest.fixture
def made(run_state: RunState, client: httpx.Client) -> Iterator[list[int]]:
    """Job sets a test made; deleted afterwards, and named in the report when that fails."""
    job_sets: list[int] = []
    yield job_sets
    for job_set_id in job_sets:
        got = client.post(_path("deleteJobSet", jobSetId=job_set_id))
        if got.status_code != 200:
            left = f"job set {job_set_id} is left on the server: delete it by hand"
            run_state.note(Observation(API, "cleanup", "workflow", "not deleted", "deleteJobSet", left))


def _path(operation_id: str, **params: object) -> str:
    return api_paths.path_of(API, operation_id, **params)


def _submit(client: httpx.Client, operation_id: str, path: str, body: object) -> str:
    got = client.post(path, json=body)
    expect_status(got, operation_id, 202, "a workflow submit answers 202 Accepted (OLC-50)")
    conforms(API, operation_id, got)
    operation = str(got.headers.get("operationId", "")).strip()
    expect(
        bool(operation), operation_id, "a workflow submit answers with the operationId header (OLC-50)", got
    )
    expect(
        "link" in got.headers, operation_id, "a workflow submit answers with the Link header (OLC-50)", got
    )
    return operation


def _follow(client: httpx.Client, progress_op: str, operation_id: str) -> list[str]:
    """Poll until `done`: every answer is a percentage from 0 to 100 or `done` (OLC-51)."""
    readings: list[str] = []
    deadline = time.monotonic() + WAIT_SECONDS
    while True:
        got = client.get(_path(progress_op, operationId=operation_id))
        if got.status_code == 404 and readings:
            return readings  # finished and left the active list (OLC-51, variant olc.finished-operation)
        expect_status(got, progress_op, 200, "the progress of a running operation answers 200 (OLC-51)")
        conforms(API, progress_op, got)
        text = got.text.strip()
        matched = PROGRESS.fullmatch(text)
        in_range = matched is not None and (text == "done" or float(text) <= 100)
        expect(in_range, progress_op, "progress is a percentage from 0 to 100 or `done` (OLC-51)", got)
        readings.append(text)
        if text == "done":
            return readings
        expect(
            time.monotonic() < deadline, progress_op, f"the operation ends within {WAIT_SECONDS:.0f} s", got
        )
        time.sleep(0.1)


@pytest.mark.writes
@pytest.mark.operations(
    "submitJobCreation", "getJobCreationOperations", "getJobCreationProgress", "getJobCreationResult",
    "getJobSetIds", "getJobIds", "submitOutputCreation", "getOutputCreationProgress",
    "getOutputCreationResult",
)  # fmt: skip
def test_job_creation_to_output_end_to_end(
    run_state: RunState, olc: OLConnectTarget, client: httpx.Client, made: list[int]
) -> None:
    """Job creation makes a job set the entity services list with one or more jobs; output creation of that
    job set delivers its output as bytes (OLC-50, OLC-51, OLC-54, OLC-56)."""
    job_preset, output_preset, content_sets = require_inputs(olc)
    path = _path("submitJobCreation", configId=job_preset)
    operation = _submit(client, "submitJobCreation", path, {"identifiers": list(content_sets[:1])})
    listed = client.get(_path("getJobCreationOperations"))
    expect_status(listed, "getJobCreationOperations", 200, "the operations list answers 200 (OLC-54)")
    conforms(API, "getJobCreationOperations", listed)
    shown = operation in {entry.get("id") for entry in json_body(listed, "getJobCreationOperations")}
    seen = f"the new operation {'is' if shown else 'is not'} in the list right after the submit"
    run_state.note(Observation(API, "OLC-54", "operations list", "listed" if shown else "absent", path, seen))
    readings = _follow(client, "getJobCreationProgress", operation)
    numbers = [float(text) for text in readings if text != "done"]
    rising = "never goes down" if numbers == sorted(numbers) else "goes down at times"
    run_state.note(Observation(API, "OLC-51", "progress", rising, path, f"{len(readings)} readings"))
    result = client.post(_path("getJobCreationResult", operationId=operation))
    expect_status(result, "getJobCreationResult", 200, "a finished job creation gives its result (OLC-56)")
    conforms(API, "getJobCreationResult", result)
    job_set_id = int(result.text.strip())
    made.append(job_set_id)
    job_sets = json_body(client.get(_path("getJobSetIds")), "getJobSetIds")["identifiers"]
    expect(job_set_id in job_sets, "getJobSetIds", "the job set a job creation made is listed", result)
    jobs = client.get(_path("getJobIds", jobSetId=job_set_id))
    conforms(API, "getJobIds", jobs)
    expect(bool(json_body(jobs, "getJobIds")["identifiers"]), "getJobIds", "the new job set holds jobs", jobs)
    body = {"identifier": job_set_id, "createOnly": True}
    output = _submit(
        client, "submitOutputCreation", _path("submitOutputCreation", configId=output_preset), body
    )
    _follow(client, "getOutputCreationProgress", output)
    got = client.post(_path("getOutputCreationResult", operationId=output))
    expect_status(got, "getOutputCreationResult", 200, "a finished output creation gives its output (OLC-56)")
    conforms(API, "getOutputCreationResult", got)
    expect(bool(got.content), "getOutputCreationResult", "the output of a job set is not empty (OLC-56)", got)
    kind = "a PDF" if got.content.startswith(b"%PDF") else "not a PDF (paths or another format)"
    run_state.note(
        Observation(
            API, "OLC-56", "output result", kind, "getOutputCreationResult", f"{len(got.content)} bytes"
        )
    )


@pytest.mark.writes
@pytest.mark.operations(
    "submitJobCreation", "cancelJobCreation", "getJobCreationProgress", "getJobCreationResult"
)
def test_cancelled_job_creation_makes_no_job_set(
    run_state: RunState, olc: OLConnectTarget, client: httpx.Client, made: list[int]
) -> None:
    """A cancel answers 204, and an operation cancelled while it ran gives no job set (OLC-53)."""
    job_preset, _, content_sets = require_inputs(olc)
    path = _path("submitJobCreation", configId=job_preset)
    operation = _submit(client, "submitJobCreation", path, {"identifiers": list(content_sets[:1])})
    got = client.post(_path("cancelJobCreation", operationId=operation))  # at once: the job is still running
    expect_status(got, "cancelJobCreation", 204, "cancelling a running operation answers 204")
    conforms(API, "cancelJobCreation", got)
    deadline = time.monotonic() + WAIT_SECONDS
    while time.monotonic() < deadline:  # until the server forgets it, or (wrongly) finishes it
        after = client.get(_path("getJobCreationProgress", operationId=operation))
        if after.status_code != 200 or after.text.strip() == "done":
            break
        time.sleep(0.1)
    result = client.post(_path("getJobCreationResult", operationId=operation))
    if result.status_code == 200 and result.text.strip().isdigit():
        made.append(int(result.text.strip()))
    expect(
        result.status_code == 404,
        "getJobCreationResult",
        "an operation cancelled while it ran gives no job set: its result answers 404 (OLC-53)",
        result,
    )
    conforms(API, "getJobCreationResult", result)


@pytest.mark.writes
@pytest.mark.operations("submitAllInOne", "getAllInOneProgress", "getAllInOneResult")
def test_all_in_one_delivers_output(olc: OLConnectTarget, client: httpx.Client) -> None:
    """All-In-One runs to `done` and delivers its output as bytes (OLC-50, OLC-51, OLC-56)."""
    if olc.live:
        pytest.skip("All-In-One needs a data mapping configuration, template and data file: mock only")
    operation = _submit(client, "submitAllInOne", _path("submitAllInOne"), all_in_one_body(olc))
    _follow(client, "getAllInOneProgress", operation)
    got = client.post(_path("getAllInOneResult", operationId=operation))
    expect_status(got, "getAllInOneResult", 200, "a finished All-In-One gives its output (OLC-56)")
    conforms(API, "getAllInOneResult", got)
    expect(bool(got.content), "getAllInOneResult", "the output is not empty (OLC-56)", got)


@pytest.mark.parametrize("service", SERVICES)
@pytest.mark.operations(*(op for ops in SERVICES.values() for op in ops))
def test_unknown_operation_answers_404(olc: OLConnectTarget, client: httpx.Client, service: str) -> None:
    """Progress, result and cancel of an operation the server does not know answer 404 with a JSON Error, a
    plain-text message or no body (OLC-53). Nothing is started; a read-only live run sends only the GET."""
    for operation_id in SERVICES[service]:
        method = "GET" if "Progress" in operation_id else "POST"
        if method == "POST" and olc.live and not olc.writes_allowed:
            continue
        got = client.request(method, _path(operation_id, operationId=UNKNOWN_OPERATION))
        expect_status(got, operation_id, 404, "an unknown operation answers 404 (OLC-53)")
        conforms(API, operation_id, got)
        expect(
            error_body_ok(got), operation_id, "the 404 body is a JSON Error, a message or empty (OLC-53)", got
        )
