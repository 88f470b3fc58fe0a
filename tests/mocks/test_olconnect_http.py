"""HTTP tests of the OL Connect mock against a real uvicorn process (OLC-01..22)."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from mock_servers.testing import MockProcess, running_mock

from .conftest import Conformance
from .test_olconnect_workflow import WORKFLOW_OPERATIONS

ROOT = "/rest/serverengine"
JOBS = f"{ROOT}/entity/jobs"
SEGMENTS = f"{ROOT}/entity/jobsegments"
STATS = f"{ROOT}/statistics/jobset"
JOB_SETS = f"{ROOT}/entity/jobsets"
DOCUMENT_SETS = f"{ROOT}/entity/documentsets"
DOCUMENTS = f"{ROOT}/entity/documents"
DATA_SETS = f"{ROOT}/entity/datasets"
ADMIN = ("admin", "admin-password")
VIEWER = ("viewer", "viewer-password")
NOROLE = ("norole", "norole-password")


@pytest.fixture(scope="module")
def http(olconnect: MockProcess) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=olconnect.base_url, timeout=10) as client:
        yield client


def _login(http: httpx.Client, auth: tuple[str, str] = ADMIN) -> str:
    response = http.post(f"{ROOT}/authentication/login", auth=auth)
    assert response.status_code == 200
    return response.text


def _body(job_id: int, *pairs: tuple[str, str]) -> dict[str, Any]:
    return {"id": job_id, "properties": [{"name": name, "value": value} for name, value in pairs]}


# (operationId, method, path, request options, expected status); "auth" defaults to ADMIN.
RECIPES: list[tuple[str, str, str, dict[str, Any], int]] = [
    ("login", "POST", f"{ROOT}/authentication/login", {}, 200),
    ("login", "POST", f"{ROOT}/authentication/login", {"auth": None}, 401),
    ("login", "POST", f"{ROOT}/authentication/login", {"auth": ("admin", "wrong")}, 401),
]
for _op, _path in (
    ("getAuthenticationHandshake", f"{ROOT}/authentication"),
    ("getAuthenticationVersion", f"{ROOT}/authentication/version"),
    ("getJobEntityHandshake", JOBS),
    ("getJobEntityVersion", f"{JOBS}/version"),
    ("getJobSegmentEntityHandshake", SEGMENTS),
    ("getJobSegmentEntityVersion", f"{SEGMENTS}/version"),
):
    RECIPES += [
        (_op, "GET", _path, {}, 200),
        (_op, "GET", _path, {"auth": None}, 401),
        (_op, "GET", _path, {"auth": NOROLE}, 403),
    ]
for _op, _template, _known in (
    ("getJobSegmentIds", JOBS + "/{}", 2001),
    ("getJobContents", JOBS + "/{}/contents", 2001),
    ("getJobMetadata", JOBS + "/{}/metadata", 2001),
    ("getJobProperties", JOBS + "/{}/properties", 2001),
    ("getDocumentSetIds", SEGMENTS + "/{}", 3001),
    ("getJobSegmentMetadata", SEGMENTS + "/{}/metadata", 3001),
    ("getJobSetStatistics", STATS + "/{}", 1001),
    ("getJobIds", JOB_SETS + "/{}", 1001),
    ("getJobSetMetadata", JOB_SETS + "/{}/metadata", 1001),
    ("getJobSetProperties", JOB_SETS + "/{}/properties", 1001),
    ("getDocumentIds", DOCUMENT_SETS + "/{}", 4001),
    ("getDocumentSetMetadata", DOCUMENT_SETS + "/{}/metadata", 4001),
    ("getDocumentMetadata", DOCUMENTS + "/{}/metadata", 5001),
    ("getDataRecordIds", DATA_SETS + "/{}", 8001),
    ("getDataSetProperties", DATA_SETS + "/{}/properties", 8001),
):
    RECIPES += [
        (_op, "GET", _template.format(_known), {}, 200),
        (_op, "GET", _template.format("12x"), {}, 400),
        (_op, "GET", _template.format(_known), {"auth": None}, 401),
        (_op, "GET", _template.format(_known), {"auth": NOROLE}, 403),
        (_op, "GET", _template.format(987654), {}, 404),
    ]
RECIPES += [
    ("getJobSetStatistics", "GET", f"{STATS}/1001?levelMode=documentSetOnly", {}, 200),
    ("getJobSetStatistics", "GET", f"{STATS}/1001?levelMode=documentSetAll", {}, 200),
    ("getJobSetStatistics", "GET", f"{STATS}/1002?levelMode=DocumentSetAll", {}, 200),
    ("getJobSetStatistics", "GET", f"{STATS}/1001?levelMode=perPage", {}, 400),
]
for _op, _template, _known in (
    ("updateJobMetadata", JOBS + "/{}/metadata", 2003),
    ("updateJobProperties", JOBS + "/{}/properties", 2003),
    ("updateJobSegmentMetadata", SEGMENTS + "/{}/metadata", 3004),
    ("updateJobSetMetadata", JOB_SETS + "/{}/metadata", 1002),
    ("updateJobSetProperties", JOB_SETS + "/{}/properties", 1002),
    ("updateDocumentSetMetadata", DOCUMENT_SETS + "/{}/metadata", 4005),
    ("updateDocumentMetadata", DOCUMENTS + "/{}/metadata", 5006),
    ("updateDataSetProperties", DATA_SETS + "/{}/properties", 8002),
):
    _path = _template.format(_known)
    RECIPES += [
        (_op, "PUT", _path, {"json": _body(_known, ("k", "v"))}, 200),
        (_op, "PUT", _path, {"json": {"id": _known, "properties": "nope"}}, 400),
        (_op, "PUT", _template.format("x"), {"json": _body(_known)}, 400),
        (_op, "PUT", _path, {"json": _body(_known), "auth": None}, 401),
        (_op, "PUT", _path, {"json": _body(_known), "auth": VIEWER}, 403),
        (_op, "PUT", _template.format(987654), {"json": _body(987654)}, 404),
        (_op, "PUT", _path, {"json": _body(_known + 1)}, 500),
    ]
RECIPES += [
    ("getJobSetIds", "GET", JOB_SETS, {}, 200),
    ("getJobSetIds", "GET", JOB_SETS, {"auth": None}, 401),
    ("getJobSetIds", "GET", JOB_SETS, {"auth": NOROLE}, 403),
    # Job set 1003 owns nothing the other tests of this module read; its deletion comes last.
    ("deleteJobSet", "POST", f"{JOB_SETS}/12x/delete", {}, 400),
    ("deleteJobSet", "POST", f"{JOB_SETS}/1003/delete", {"auth": None}, 401),
    ("deleteJobSet", "POST", f"{JOB_SETS}/1003/delete", {"auth": VIEWER}, 403),
    ("deleteJobSet", "POST", f"{JOB_SETS}/987654/delete", {}, 404),
    ("deleteJobSet", "POST", f"{JOB_SETS}/1003/delete", {}, 200),
    ("getDataSetIds", "GET", DATA_SETS, {}, 200),
    ("getDataSetIds", "GET", DATA_SETS, {"auth": None}, 401),
    ("getDataSetIds", "GET", DATA_SETS, {"auth": NOROLE}, 403),
    # Data set 8003 holds no records; its deletion comes last.
    ("deleteDataSet", "POST", f"{DATA_SETS}/12x/delete", {}, 400),
    ("deleteDataSet", "POST", f"{DATA_SETS}/8003/delete", {"auth": None}, 401),
    ("deleteDataSet", "POST", f"{DATA_SETS}/8003/delete", {"auth": VIEWER}, 403),
    ("deleteDataSet", "POST", f"{DATA_SETS}/987654/delete", {}, 404),
    ("deleteDataSet", "POST", f"{DATA_SETS}/8003/delete", {}, 200),
]
_MULTI = f"{JOBS}/properties"
RECIPES += [
    ("updateMultipleJobProperties", "PUT", _MULTI, {"json": [_body(2003, ("m", "1"))]}, 200),
    ("updateMultipleJobProperties", "PUT", _MULTI, {"json": {"id": 2003, "properties": []}}, 400),
    ("updateMultipleJobProperties", "PUT", _MULTI, {"json": [_body(2003)], "auth": None}, 401),
    ("updateMultipleJobProperties", "PUT", _MULTI, {"json": [_body(2003)], "auth": VIEWER}, 403),
    ("updateMultipleJobProperties", "PUT", _MULTI, {"json": [_body(987654)]}, 404),
]


def test_every_documented_response_is_produced_and_conforms(
    http: httpx.Client, olconnect_spec: Conformance
) -> None:
    produced: set[tuple[str, int]] = set()
    for operation_id, method, path, options, expected in RECIPES:
        request = dict(options)
        auth = request.pop("auth", ADMIN)
        response = http.request(method, path, auth=auth, **request)
        assert response.status_code == expected, f"{method} {path}: {response.status_code} {response.text}"
        olconnect_spec.check(operation_id, response)
        produced.add((operation_id, expected))
    documented = {
        (operation_id, status)
        for operation_id in olconnect_spec.model.operations
        if operation_id not in WORKFLOW_OPERATIONS  # test_olconnect_workflow produces those
        for status in olconnect_spec.documented(operation_id)
    }
    assert documented - produced == set()


def test_login_token_works_and_reports_its_lifetime(http: httpx.Client, olconnect: MockProcess) -> None:
    response = http.post(f"{ROOT}/authentication/login", auth=ADMIN)
    assert response.headers["content-type"].startswith("text/plain")
    assert response.headers["Token-Expires-In"] == str(olconnect.info["token_ttl"])
    assert len(response.text) == 32
    assert http.get(f"{JOBS}/2001", headers={"auth_token": response.text}).json() == {
        "identifiers": [3001, 3002]
    }


@pytest.mark.parametrize(
    ("headers", "message"),
    [
        ({}, "Authentication required"),
        ({"auth_token": "0" * 32}, "unknown or has expired"),
        ({"Authorization": "Basic ???"}, "not valid HTTP Basic"),
        ({"Authorization": "Bearer abc"}, "not valid HTTP Basic"),
    ],
)
def test_every_401_has_challenge_and_json_error(
    http: httpx.Client, headers: dict[str, str], message: str
) -> None:
    response = http.get(f"{JOBS}/2001", headers=headers)
    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"] == "BASIC"
    error = response.json()["error"]
    assert error["status"] == 401
    assert message in error["message"]
    assert "parameter" not in error


def test_token_is_checked_before_basic_credentials(http: httpx.Client) -> None:
    token = _login(http)
    assert http.get(f"{JOBS}/2001", headers={"auth_token": token}, auth=("admin", "wrong")).status_code == 200
    assert http.get(f"{JOBS}/2001", headers={"auth_token": "f" * 32}, auth=ADMIN).status_code == 401


def test_login_accepts_basic_only(http: httpx.Client) -> None:
    token = _login(http)
    response = http.post(f"{ROOT}/authentication/login", headers={"auth_token": token})
    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"] == "BASIC"


def test_forced_token_expiry(http: httpx.Client, olconnect: MockProcess) -> None:
    token = _login(http)
    assert http.get(JOBS, headers={"auth_token": token}).status_code == 200
    assert olconnect.expire_tokens()["expired_tokens"] >= 1
    response = http.get(JOBS, headers={"auth_token": token})
    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"] == "BASIC"


def test_tokens_expire_after_the_configured_ttl() -> None:
    with running_mock("olconnect", token_ttl=1, access_log=False) as mock:
        assert mock.info["token_ttl"] == 1
        with httpx.Client(base_url=mock.base_url) as http:
            response = http.post(f"{ROOT}/authentication/login", auth=ADMIN)
            assert response.headers["Token-Expires-In"] == "1"
            assert http.get(JOBS, headers={"auth_token": response.text}).status_code == 200
            time.sleep(1.1)
            assert http.get(JOBS, headers={"auth_token": response.text}).status_code == 401


def test_roles(http: httpx.Client) -> None:
    viewer_token = _login(http, VIEWER)
    assert http.get(f"{JOBS}/2001/properties", headers={"auth_token": viewer_token}).status_code == 200
    denied = http.put(f"{JOBS}/2001/properties", headers={"auth_token": viewer_token}, json=_body(2001))
    assert denied.status_code == 403
    assert "write" in denied.json()["error"]["message"]
    assert _login(http, NOROLE)  # a user without roles may still log in
    assert http.get(f"{STATS}/1001", auth=NOROLE).status_code == 403


def test_handshake_texts_and_head(http: httpx.Client) -> None:
    assert http.get(JOBS, auth=ADMIN).text == "Server Engine REST Service available: JobEntityRestService"
    assert http.get(SEGMENTS, auth=ADMIN).text.endswith("JobSegmentEntityRestService")
    head = http.head(f"{ROOT}/authentication", auth=ADMIN)
    assert head.status_code == 200
    assert head.content == b""
    assert http.head(f"{ROOT}/authentication").status_code == 401
    assert http.get(f"{ROOT}/authentication/version", auth=ADMIN).text == "2025.2.0.1"


def test_entity_reads(http: httpx.Client) -> None:
    assert http.get(f"{JOBS}/2001/contents", auth=ADMIN).json() == {
        "identifiers": [{"item": 6000 + n, "record": 7000 + n} for n in (1, 2, 3, 4)]
    }
    assert http.get(f"{SEGMENTS}/3001", auth=ADMIN).json() == {"identifiers": [4001, 4002]}
    assert http.get(f"{JOBS}/2004", auth=ADMIN).json() == {"identifiers": []}
    assert http.get(f"{SEGMENTS}/3001/metadata", auth=ADMIN).json() == [{"name": "segment", "value": "first"}]


def test_single_put_replaces_exactly(http: httpx.Client) -> None:
    wanted = _body(2002, ("b", "2"), ("a", "1"), ("b", "3"))
    for kind in ("metadata", "properties"):
        response = http.put(f"{JOBS}/2002/{kind}", auth=ADMIN, json=wanted)
        assert response.status_code == 200
        assert response.text == "true"
        assert response.headers["content-type"].startswith("text/plain")
        assert http.get(f"{JOBS}/2002/{kind}", auth=ADMIN).json() == wanted["properties"]
    assert http.put(f"{JOBS}/2002/properties", auth=ADMIN, json=_body(2002)).status_code == 200
    assert http.get(f"{JOBS}/2002/properties", auth=ADMIN).json() == []
    segment = _body(3003, ("x", "y"))
    assert http.put(f"{SEGMENTS}/3003/metadata", auth=ADMIN, json=segment).text == "true"
    assert http.get(f"{SEGMENTS}/3003/metadata", auth=ADMIN).json() == segment["properties"]


def test_multi_update_merges(http: httpx.Client) -> None:
    http.put(f"{JOBS}/2004/properties", auth=ADMIN, json=_body(2004, ("keep", "1"), ("change", "old")))
    response = http.put(
        f"{JOBS}/properties", auth=ADMIN, json=[_body(2004, ("change", "new"), ("added", "yes"))]
    )
    assert response.status_code == 200
    assert response.content == b""
    assert "content-type" not in response.headers
    assert http.get(f"{JOBS}/2004/properties", auth=ADMIN).json() == [
        {"name": "keep", "value": "1"},
        {"name": "change", "value": "new"},
        {"name": "added", "value": "yes"},
    ]


def test_integral_float_ids_count_as_integers(http: httpx.Client) -> None:
    """JSON Schema treats 2004.0 as an integer; the mock must accept what the schema accepts."""
    response = http.put(f"{JOBS}/properties", auth=ADMIN, json=[{"id": 2004.0, "properties": []}])
    assert response.status_code == 200
    single = http.put(f"{JOBS}/2004/metadata", auth=ADMIN, json={"id": 2004.0, "properties": []})
    assert single.status_code == 200


def _snapshot(http: httpx.Client) -> dict[int, Any]:
    return {
        job_id: http.get(f"{JOBS}/{job_id}/properties", auth=ADMIN).json() for job_id in (2001, 2002, 2004)
    }


@pytest.mark.parametrize(
    ("body", "status", "parameter"),
    [
        ([_body(2001, ("z", "1")), _body(5555, ("z", "1"))], 404, "5555"),
        ([_body(2001, ("z", "1")), _body(2001, ("y", "1"))], 400, "/1/id"),
        ([_body(5555, ("z", "1")), _body(5555, ("y", "1"))], 404, "5555"),
        ([_body(2001, ("z", "1")), {"id": 2002}], 400, "/1"),
        ([_body(2001, ("z", "1")), {"id": "2002", "properties": []}], 400, "/1/id"),
    ],
)
def test_multi_update_is_all_or_nothing(http: httpx.Client, body: Any, status: int, parameter: str) -> None:
    before = _snapshot(http)
    response = http.put(f"{JOBS}/properties", auth=ADMIN, json=body)
    assert response.status_code == status
    assert response.json()["error"]["parameter"] == parameter
    assert _snapshot(http) == before


@pytest.mark.parametrize(
    ("content", "headers", "parameter", "fragment"),
    [
        (b"{not json", {"Content-Type": "application/json"}, "body", "not valid JSON"),
        (b"", {"Content-Type": "application/json"}, "body", "empty"),
        (
            b'{"id": 2002, "properties": []}',
            {"Content-Type": "text/plain"},
            "Content-Type",
            "application/json",
        ),
        (b'{"id": 2002}', {"Content-Type": "application/json"}, "/", "'properties' is a required property"),
        (
            b'{"id": 2002, "properties": [{"name": 1, "value": "x"}]}',
            {"Content-Type": "application/json"},
            "/properties/0/name",
            "not of type 'string'",
        ),
        (b'{"id": "2002", "properties": []}', {"Content-Type": "application/json"}, "/id", "not of type"),
    ],
)
def test_malformed_bodies_are_400_naming_the_problem(
    http: httpx.Client, content: bytes, headers: dict[str, str], parameter: str, fragment: str
) -> None:
    response = http.put(f"{JOBS}/2002/metadata", auth=ADMIN, content=content, headers=headers)
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["parameter"] == parameter
    assert fragment in error["message"] or fragment in json.dumps(error)


def test_id_mismatch_is_500_and_changes_nothing(http: httpx.Client) -> None:
    before = http.get(f"{JOBS}/2001/metadata", auth=ADMIN).json()
    response = http.put(f"{JOBS}/2001/metadata", auth=ADMIN, json=_body(2002, ("x", "y")))
    assert response.status_code == 500
    assert "mismatch" in response.json()["error"]["message"]
    assert http.get(f"{JOBS}/2001/metadata", auth=ADMIN).json() == before


def test_statistics_level_modes(http: httpx.Client) -> None:
    documents = http.get(f"{STATS}/1001", auth=ADMIN).json()
    assert documents["counts"] == {"documents": 5, "sheets": 9, "pages": 16}
    assert len(documents["documents"]) == 5
    upper = http.get(f"{STATS}/1001", params={"levelMode": "DOCUMENTSETONLY"}, auth=ADMIN).json()
    assert [ds["documentSetId"] for ds in upper["documentSets"]] == [4001, 4002, 4003, 4004]
    assert "documents" not in upper
    everything = http.get(f"{STATS}/1001", params={"levelMode": "documentsetall"}, auth=ADMIN).json()
    nested = [doc for ds in everything["documentSets"] for doc in ds["documents"]]
    assert nested == documents["documents"]


@pytest.mark.parametrize("value", ["", "document", "documentOnly "])
def test_invalid_level_mode_is_400(http: httpx.Client, value: str) -> None:
    response = http.get(f"{STATS}/1001", params={"levelMode": value}, auth=ADMIN)
    assert response.status_code == 400
    assert response.json()["error"]["parameter"] == "levelMode"


def test_unknown_routes_and_methods_answer_json_errors(http: httpx.Client) -> None:
    missing = http.get(f"{ROOT}/entity/unknown", auth=ADMIN)
    assert missing.status_code == 404
    assert missing.json()["error"]["status"] == 404
    not_allowed = http.delete(f"{JOBS}/2001/metadata", auth=ADMIN)
    assert not_allowed.status_code == 405
    assert not_allowed.json()["error"]["status"] == 405


def test_parallel_writers_lose_no_update(olconnect: MockProcess) -> None:
    def writer(worker: int) -> None:
        with httpx.Client(base_url=olconnect.base_url, auth=ADMIN, timeout=30) as client:
            for step in range(15):
                body = [_body(2001, (f"p{worker}-{step}", "v")), _body(2002, (f"last{worker}", str(step)))]
                assert client.put(f"{JOBS}/properties", json=body).status_code == 200

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    with httpx.Client(base_url=olconnect.base_url, auth=ADMIN) as client:
        names = {p["name"] for p in client.get(f"{JOBS}/2001/properties").json()}
        last = {p["name"]: p["value"] for p in client.get(f"{JOBS}/2002/properties").json()}
    assert {f"p{w}-{s}" for w in range(6) for s in range(15)} <= names
    assert all(last[f"last{w}"] == "14" for w in range(6))


def test_access_log_has_records_and_no_secrets(http: httpx.Client, olconnect: MockProcess) -> None:
    token = _login(http)
    http.get(f"{JOBS}/2001", headers={"auth_token": token})
    http.get(f"{STATS}/1001", params={"levelMode": "documentOnly"}, auth=ADMIN)
    olconnect.admin("GET", "/_mock/health")
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline and not any(
        r["path"] == "/_mock/health" for r in olconnect.log_records()[-3:]
    ):
        time.sleep(0.02)
    records = olconnect.log_records()
    login = [r for r in records if r["path"].endswith("/authentication/login") and r["status"] == 200]
    assert login
    assert {"ts", "api", "method", "path", "status", "duration_ms"} <= set(login[-1])
    assert any(r["path"] == f"{STATS}/1001" and r["status"] == 200 for r in records)
    log_text = "\n".join(olconnect.stderr_lines())
    for secret in (token, "admin-password", "levelMode"):
        assert secret not in log_text


def test_reset_restores_the_scenario(olconnect: MockProcess, http: httpx.Client) -> None:
    token = _login(http)
    http.put(f"{SEGMENTS}/3002/metadata", auth=ADMIN, json=_body(3002, ("temp", "1")))
    olconnect.reset()
    assert http.get(f"{SEGMENTS}/3002/metadata", auth=ADMIN).json() == []
    assert http.get(JOBS, headers={"auth_token": token}).status_code == 401


@pytest.mark.parametrize(
    ("method", "path", "content", "status"),
    [
        ("PUT", f"{JOBS}/2002/metadata", b"[" * 100_000 + b"]" * 100_000, 400),
        ("PUT", f"{JOBS}/2002/metadata", b"\xff\xfe{}", 400),
        (
            "PUT",
            f"{JOBS}/2002/metadata",
            b'{"id": 2002, "properties": [{"name": "\\ud800", "value": "x"}]}',
            200,
        ),
        ("GET", f"{JOBS}/%FF%FE", None, 400),
        ("GET", f"{JOBS}/\u00b2", None, 400),
        ("GET", f"{JOBS}/99999999999999999999999", None, 400),
        ("GET", f"{STATS}/1001?levelMode=%FF", None, 400),
    ],
)
def test_hostile_input_never_causes_a_server_error(
    http: httpx.Client, method: str, path: str, content: bytes | None, status: int
) -> None:
    headers = {"Content-Type": "application/json"} if content is not None else {}
    response = http.request(method, path, content=content, headers=headers, auth=ADMIN)
    assert response.status_code == status, response.text
    if status != 200:
        assert response.json()["error"]["status"] == status
