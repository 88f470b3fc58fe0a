"""Hostile and broken requests against both mocks, as raw HTTP over a socket to real processes on 127.0.0.1.

Every input must get a status its operation documents in the spec (checked with the spec's body schema too),
or one of the limits the spec does not cover (413 body too large, 415 admin media type, 421 admin Host,
404/405 for paths and methods outside the spec, all listed in docs/mock-servers.md); an error must carry a
JSON body; and the server's stderr must never show a traceback. Raw sockets, because httpx would refuse to
send many of these (bad encodings, odd methods, repeated or oversized headers).
"""

from __future__ import annotations

import base64
import contextlib
import datetime
import http.client
import json
import socket
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

import httpx
import pytest

from mock_servers import APIS
from mock_servers.testing import MockProcess, running_mock

from .conftest import Conformance, conformance

OLC = "/rest/serverengine"
JOBS = f"{OLC}/entity/jobs"
SEGMENTS = f"{OLC}/entity/jobsegments"
STATS = f"{OLC}/statistics/jobset"
AVE_JOBS = "/backup/google/admin/jobs"
TOKEN = "/connect/token"
BASIC = "Basic " + base64.b64encode(b"admin:admin-password").decode()
NOT_IN_SPEC = {404, 405, 413}  # paths/methods the spec lacks, and the body limit
LIMITS = {413, 415, 421}
ADMIN_STATUSES = {400, 401, 403, 404, 405, 413, 415, 421}
DEEP = b"[" * 100_000 + b"]" * 100_000
BIG = 2 * 1024 * 1024  # above the default 1 MiB limit


@dataclass(frozen=True)
class Case:
    """One raw request: ``operation`` names the spec operation it targets (None: outside the spec)."""

    name: str
    method: str
    path: str
    headers: tuple[tuple[str, str], ...] = ()
    body: bytes = b""
    operation: str | None = None
    admin: bool = False
    chunked: bool = False
    omit_body: bool = False  # announce Content-Length but send nothing: the limit must answer first
    extra: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)


def _json(payload: Any) -> tuple[tuple[str, str], bytes]:
    return ("Content-Type", "application/json"), json.dumps(payload).encode()


# -- OL Connect -------------------------------------------------------------------------------------------

BAD_BODIES: list[tuple[str, bytes, str]] = [
    ("empty", b"", "application/json"),
    ("whitespace", b"   \n\t ", "application/json"),
    ("truncated-object", b'{"id": 2001, "properties": [', "application/json"),
    ("truncated-string", b'{"id": 2001, "properties": [{"name": "a', "application/json"),
    ("trailing-garbage", b'{"id":2001,"properties":[]} xyz', "application/json"),
    ("single-quotes", b"{'id': 2001, 'properties': []}", "application/json"),
    ("nan", b'{"id": NaN, "properties": []}', "application/json"),
    ("infinity", b'{"id": Infinity, "properties": []}', "application/json"),
    ("overflowing-float", b'{"id": 1e400, "properties": []}', "application/json"),
    ("invalid-utf8", b'{"id": 2001, "properties": [{"name": "\xff\xfe", "value": "x"}]}', "application/json"),
    ("utf16", '{"id": 2001, "properties": []}'.encode("utf-16"), "application/json"),
    ("nul-bytes", b'{"id": 2001,\x00 "properties": []}', "application/json"),
    ("deep-array", DEEP, "application/json"),
    ("deep-object", b'{"a":' * 50_000 + b"1" + b"}" * 50_000, "application/json"),
    (
        "deep-in-value",
        b'{"id":2001,"properties":[{"name":"a","value":' + b"[" * 5000 + b"]" * 5000 + b"}]}",
        "application/json",
    ),
    ("moderately-deep", b'{"id":2001,"properties":' + b"[" * 200 + b"]" * 200 + b"}", "application/json"),
    ("json-scalar", b"42", "application/json"),
    ("json-null", b"null", "application/json"),
    ("json-string", b'"hello"', "application/json"),
    ("wrong-types", b'{"id": "2001", "properties": {"name": "a"}}', "application/json"),
    ("id-2^63", b'{"id": 9223372036854775808, "properties": []}', "application/json"),
    ("id-negative-huge", b'{"id": -9223372036854775809, "properties": []}', "application/json"),
    ("id-float", b'{"id": 2001.5, "properties": []}', "application/json"),
    ("id-bool", b'{"id": true, "properties": []}', "application/json"),
    ("huge-int-literal", b'{"id": 1' + b"0" * 5000 + b', "properties": []}', "application/json"),
    ("text-plain", b'{"id": 2001, "properties": []}', "text/plain"),
    ("form", b"id=2001", "application/x-www-form-urlencoded"),
    ("no-content-type", b'{"id": 2001, "properties": []}', ""),
    ("missing-properties", b'{"id": 2001}', "application/json"),
    ("property-not-string", b'{"id": 2001, "properties": [{"name": 1, "value": 2}]}', "application/json"),
]
MULTI_BAD_BODIES: list[tuple[str, bytes]] = [
    ("object-not-array", b'{"id": 2001, "properties": []}'),
    ("ids-2^63", b'[{"id": 9223372036854775808, "properties": []}]'),
    ("ids-2^64", b'[{"id": 18446744073709551616, "properties": []}]'),
    ("id-string", b'[{"id": "2001", "properties": []}]'),
    ("duplicate-ids", b'[{"id": 2001, "properties": []}, {"id": 2001, "properties": []}]'),
    ("unknown-id", b'[{"id": 987654321, "properties": []}]'),
    ("nan-id", b'[{"id": NaN, "properties": []}]'),
    ("deep", DEEP),
    (
        "many-unknown-ids",
        json.dumps([{"id": 10_000_000 + i, "properties": []} for i in range(20_000)]).encode(),
    ),
    ("item-null", b"[null]"),
]
ODD_IDS = [
    "-1",
    "1.0",
    "2001.0",
    "1e3",
    "0x10",
    "+1",
    "%201",
    "1%20",
    "%00",
    "%FF",
    "%C3%A9",
    "%D9%A1%D9%A2",
    "9223372036854775808",
    "99999999999999999999999",
    "1" * 5000,
    "abc",
    "%2e%2e",
    "null",
    "true",
]
ID_TEMPLATES = [
    (JOBS + "/{}", "getJobSegmentIds"),
    (JOBS + "/{}/metadata", "getJobMetadata"),
    (SEGMENTS + "/{}/metadata", "getJobSegmentMetadata"),
    (STATS + "/{}?levelMode=documentOnly", "getJobSetStatistics"),
]
AUTH_HEADERS: list[tuple[str, tuple[tuple[str, str], ...]]] = [
    ("none", ()),
    ("basic-no-credentials", (("Authorization", "Basic"),)),
    ("basic-not-base64", (("Authorization", "Basic !!!not base64!!!"),)),
    ("basic-no-colon", (("Authorization", "Basic " + base64.b64encode(b"adminpassword").decode()),)),
    ("basic-not-utf8", (("Authorization", "Basic " + base64.b64encode(b"\xff\xfe:\xff").decode()),)),
    ("basic-wrong-password", (("Authorization", "Basic " + base64.b64encode(b"admin:nope").decode()),)),
    ("bearer-instead", (("Authorization", "Bearer abc"),)),
    ("auth-token-empty", (("auth_token", ""),)),
    ("auth-token-spaces", (("auth_token", "   "),)),
    ("auth-token-long", (("auth_token", "a" * 20_000),)),
    ("auth-token-latin1", (("auth_token", "t\xe9st\xff"),)),
    ("auth-token-unknown", (("auth_token", "0" * 32),)),
    ("two-auth-tokens", (("auth_token", "a"), ("auth_token", "b"))),
    ("norole-user", (("Authorization", "Basic " + base64.b64encode(b"norole:norole-password").decode()),)),
    ("viewer-writes", (("Authorization", "Basic " + base64.b64encode(b"viewer:viewer-password").decode()),)),
]
LEVEL_MODES = [
    "",
    "DOCUMENT",
    "jobset%00",
    "%FF",
    "x" * 5000,
    "documentOnly&levelMode=documentSetOnly",
    "documentOnly%20",
    "documentOnly%00",
]


def olconnect_cases() -> list[Case]:
    cases: list[Case] = []
    single_puts = [
        (JOBS + "/2001/metadata", "updateJobMetadata"),
        (JOBS + "/2001/properties", "updateJobProperties"),
        (SEGMENTS + "/3001/metadata", "updateJobSegmentMetadata"),
    ]
    for path, operation in single_puts:
        for name, body, content_type in BAD_BODIES:
            typed = (("Content-Type", content_type),) if content_type else ()
            headers: tuple[tuple[str, str], ...] = (("Authorization", BASIC), *typed)
            cases.append(Case(f"olc-put-{operation}-{name}", "PUT", path, tuple(headers), body, operation))
        cases.append(
            Case(
                f"olc-put-{operation}-too-large",
                "PUT",
                path,
                (
                    ("Authorization", BASIC),
                    ("Content-Type", "application/json"),
                    ("Content-Length", str(94_000_000)),
                ),
                b"",
                operation,
                omit_body=True,
            )
        )
    for name, body in MULTI_BAD_BODIES:
        headers = (("Authorization", BASIC), ("Content-Type", "application/json"))
        cases.append(
            Case(
                f"olc-multi-{name}", "PUT", JOBS + "/properties", headers, body, "updateMultipleJobProperties"
            )
        )
    cases.append(
        Case(
            "olc-multi-chunked-too-large",
            "PUT",
            JOBS + "/properties",
            (("Authorization", BASIC), ("Content-Type", "application/json")),
            b"[" + b" " * BIG + b"]",
            "updateMultipleJobProperties",
            chunked=True,
        )
    )
    for template, operation in ID_TEMPLATES:
        for raw_id in ODD_IDS:
            cases.append(
                Case(
                    f"olc-id-{operation}-{raw_id[:20]}",
                    "GET",
                    template.format(raw_id),
                    (("Authorization", BASIC),),
                    operation=operation,
                )
            )
    for name, headers in AUTH_HEADERS:
        cases.append(
            Case(f"olc-auth-get-{name}", "GET", JOBS + "/2001/metadata", headers, operation="getJobMetadata")
        )
        content = (("Content-Type", "application/json"),)
        cases.append(
            Case(
                f"olc-auth-put-{name}",
                "PUT",
                JOBS + "/2001/metadata",
                headers + content,
                b'{"id": 2001, "properties": [{"name": 1}]}',
                "updateJobMetadata",
            )
        )
    for mode in LEVEL_MODES:
        cases.append(
            Case(
                f"olc-levelmode-{mode[:20]}",
                "GET",
                f"{STATS}/1001?levelMode={mode}",
                (("Authorization", BASIC),),
                operation="getJobSetStatistics",
            )
        )
    cases.append(
        Case(
            "olc-levelmode-conflict",
            "GET",
            f"{STATS}/1001?levelMode=documentOnly&levelMode=documentSetAll",
            (("Authorization", BASIC),),
            operation="getJobSetStatistics",
        )
    )
    cases.append(
        Case(
            "olc-levelmode-missing",
            "GET",
            f"{STATS}/1001",
            (("Authorization", BASIC),),
            operation="getJobSetStatistics",
        )
    )
    for method in ("DELETE", "PATCH", "POST", "OPTIONS", "TRACE"):
        cases.append(Case(f"olc-method-{method}-job", method, JOBS + "/2001", (("Authorization", BASIC),)))
    cases.append(
        Case("olc-method-GET-login", "GET", f"{OLC}/authentication/login", (("Authorization", BASIC),))
    )
    for name, path in [
        ("unknown", "/nope"),
        ("dotdot", f"{OLC}/../etc/passwd"),
        ("pct-ff", "/%FF%FE"),
        ("double-slash", f"{OLC}//entity/jobs"),
        ("long", "/" + "a" * 8000),
    ]:
        cases.append(Case(f"olc-path-{name}", "GET", path, (("Authorization", BASIC),)))
    for name, headers in AUTH_HEADERS[:8]:
        cases.append(
            Case(f"olc-login-{name}", "POST", f"{OLC}/authentication/login", headers, operation="login")
        )
    cases.append(
        Case(
            "olc-login-big-body",
            "POST",
            f"{OLC}/authentication/login",
            (("Content-Type", "application/json"), ("Content-Length", str(BIG))),
            b"",
            "login",
            omit_body=True,
        )
    )
    return cases


# -- AvePoint ---------------------------------------------------------------------------------------------

FORM = "application/x-www-form-urlencoded"
GOOD_FORM = "grant_type=client_credentials&client_id=mock-client&client_secret=mock-client-secret&scope=x"
TOKEN_BODIES: list[tuple[str, bytes, str]] = [
    ("empty", b"", FORM),
    ("json", b'{"grant_type": "client_credentials"}', "application/json"),
    ("text-plain", GOOD_FORM.encode(), "text/plain"),
    ("no-content-type", GOOD_FORM.encode(), ""),
    ("multipart", b"--x\r\n\r\n--x--", "multipart/form-data; boundary=x"),
    ("invalid-utf8", b"grant_type=client_credentials&client_id=\xff\xfe", FORM),
    ("pct-invalid-utf8", b"grant_type=client_credentials&client_id=%FF%FE&client_secret=x&scope=y", FORM),
    ("repeated-field", b"grant_type=client_credentials&grant_type=password", FORM),
    ("missing-secret", b"grant_type=client_credentials&client_id=mock-client&scope=x", FORM),
    ("password-grant", b"grant_type=password&client_id=a&client_secret=b&scope=c", FORM),
    ("unknown-client", b"grant_type=client_credentials&client_id=zz&client_secret=zz&scope=x", FORM),
    ("wrong-secret", b"grant_type=client_credentials&client_id=mock-client&client_secret=no&scope=x", FORM),
    (
        "bad-scope",
        b"grant_type=client_credentials&client_id=mock-client&client_secret=mock-client-secret"
        b"&scope=admin.everything",
        FORM,
    ),
    ("nul-bytes", b"grant_type=client_credentials\x00&client_id=\x00", FORM),
    ("semicolons", b"grant_type=client_credentials;client_id=mock-client", FORM),
    ("deep-json", DEEP, "application/json"),
    ("huge-field", b"grant_type=client_credentials&client_id=" + b"a" * 500_000, FORM),
    ("many-fields", b"&".join(b"f%d=1" % i for i in range(50_000)), FORM),
    ("only-ampersands", b"&" * 10_000, FORM),
    ("percent-garbage", b"%%%%%%=%%%", FORM),
]
QUERIES = [
    "pageIndex=-1",
    "pageIndex=1e3",
    "pageIndex=99999999999999999999",
    "pageSize=0",
    "pageSize=100000",
    "pageSize=%FF",
    "jobType=99",
    "jobType=abc",
    "appType=-5",
    "dataSource=0x1",
    "jobStatus=1&status=2",
    "status=%00",
    "startTime=yesterday",
    "startTime=2024-13-45T99:99:99Z",
    "finishTime=%FF%FE",
    "startTime=2025-01-02T00:00:00Z&finishTime=2024-01-01T00:00:00Z",
    "pageIndex=1&pageIndex=2",
    "PAGEINDEX=1&pageindex=3",
    "pageIndex=" + "9" * 5000,
    "x=" + "y" * 6000,
]
BEARERS: list[tuple[str, tuple[tuple[str, str], ...]]] = [
    ("none", ()),
    ("basic", (("Authorization", BASIC),)),
    ("bearer-empty", (("Authorization", "Bearer "),)),
    ("bearer-spaces", (("Authorization", "Bearer a b"),)),
    ("bearer-unknown", (("Authorization", "Bearer " + "x" * 43),)),
    ("bearer-long", (("Authorization", "Bearer " + "x" * 20_000),)),
    ("bearer-latin1", (("Authorization", "Bearer \xe9\xff"),)),
    ("two-authorizations", (("Authorization", "Bearer a"), ("Authorization", "Bearer b"))),
    ("lowercase-scheme-unknown", (("Authorization", "bearer abc"),)),
]


def avepoint_cases() -> list[Case]:
    cases: list[Case] = []
    for name, body, content_type in TOKEN_BODIES:
        form_headers: tuple[tuple[str, str], ...] = (("Content-Type", content_type),) if content_type else ()
        cases.append(Case(f"ave-token-{name}", "POST", TOKEN, form_headers, body, "requestToken"))
    cases.append(
        Case(
            "ave-token-too-large",
            "POST",
            TOKEN,
            (("Content-Type", FORM), ("Content-Length", str(94_000_000))),
            b"",
            "requestToken",
            omit_body=True,
        )
    )
    cases.append(
        Case(
            "ave-token-chunked-too-large",
            "POST",
            TOKEN,
            (("Content-Type", FORM),),
            b"a=" + b"b" * BIG,
            "requestToken",
            chunked=True,
        )
    )
    basic_cases: list[tuple[str, tuple[tuple[str, str], ...]]] = [
        ("basic-garbage", (("Authorization", "Basic %%%"),)),
        ("basic-not-utf8", (("Authorization", "Basic " + base64.b64encode(b"\xff:\xfe").decode()),)),
        ("basic-wrong", (("Authorization", "Basic " + base64.b64encode(b"mock-client:bad").decode()),)),
    ]
    for name, headers in basic_cases:
        body = b"grant_type=client_credentials&scope=gsuite.graph.read.all"
        cases.append(
            Case(f"ave-token-{name}", "POST", TOKEN, (*headers, ("Content-Type", FORM)), body, "requestToken")
        )
    for query in QUERIES:
        cases.append(
            Case(
                f"ave-query-{query[:24]}",
                "GET",
                f"{AVE_JOBS}?{query}",
                operation="listJobs",
                extra={"needs_token": True},
            )
        )
    for name, headers in BEARERS:
        cases.append(Case(f"ave-auth-{name}", "GET", AVE_JOBS, headers, operation="listJobs"))
    for method in ("DELETE", "PATCH", "PUT", "POST", "OPTIONS", "TRACE"):
        cases.append(Case(f"ave-method-{method}-jobs", method, AVE_JOBS))
    cases.append(Case("ave-method-GET-token", "GET", TOKEN))
    cases.append(
        Case(
            "ave-get-with-big-body",
            "GET",
            AVE_JOBS,
            (("Content-Length", str(BIG)),),
            operation="listJobs",
            omit_body=True,
        )
    )
    for name, path in [
        ("unknown", "/nope"),
        ("pct-ff", "/backup/%FF"),
        ("trailing-slash", AVE_JOBS + "/"),
        ("long", "/" + "b" * 8000),
    ]:
        cases.append(Case(f"ave-path-{name}", "GET", path))
    return cases


# -- admin routes (both mocks) ----------------------------------------------------------------------------

ADMIN_ROUTES = [
    ("POST", "/_mock/faults"),
    ("GET", "/_mock/faults"),
    ("DELETE", "/_mock/faults"),
    ("POST", "/_mock/expire-tokens"),
    ("POST", "/_mock/reset"),
    ("POST", "/_mock/variants"),
]


def admin_cases(api: str) -> list[Case]:
    cases: list[Case] = []
    for method, path in ADMIN_ROUTES:
        body = b'{"status": 503}' if method == "POST" else b""
        json_type = (("Content-Type", "application/json"),) if body else ()
        variants: list[tuple[str, tuple[tuple[str, str], ...], bytes]] = [
            ("no-token", json_type, body),
            ("wrong-token", (("X-Mock-Admin-Token", "guess"), *json_type), body),
            ("token-in-authorization", (("Authorization", "Bearer {token}"), *json_type), body),
            ("wrong-host", (("X-Mock-Admin-Token", "{token}"), ("Host", "evil.example"), *json_type), body),
            (
                "rebound-host",
                (("X-Mock-Admin-Token", "{token}"), ("Host", "attacker.test:{port}"), *json_type),
                body,
            ),
            (
                "evil-origin",
                (("X-Mock-Admin-Token", "{token}"), ("Origin", "http://evil.example"), *json_type),
                body,
            ),
            ("null-origin", (("X-Mock-Admin-Token", "{token}"), ("Origin", "null"), *json_type), body),
            ("simple-request", (("Origin", "http://evil.example"), ("Content-Type", "text/plain")), body),
            ("text-plain", (("X-Mock-Admin-Token", "{token}"), ("Content-Type", "text/plain")), body or b"x"),
            ("form", (("X-Mock-Admin-Token", "{token}"), ("Content-Type", FORM)), b"status=503"),
        ]
        for name, headers, payload in variants:
            cases.append(
                Case(f"{api}-admin-{method}{path}-{name}", method, path, headers, payload, admin=True)
            )
    token_json = (("X-Mock-Admin-Token", "{token}"), ("Content-Type", "application/json"))
    for name, payload in [
        ("count-1e20", b'{"status": 503, "count": 1e20}'),
        ("latency-nan", b'{"latency_ms": NaN}'),
        ("latency-infinity", b'{"latency_ms": Infinity}'),
        ("latency-negative", b'{"latency_ms": -5}'),
        ("drop-huge", b'{"drop": 99999999999999999999999}'),
        ("retry-after-huge", b'{"status": 429, "retry_after": 1e12}'),
        ("deep", DEEP),
        ("not-json", b"{status: 503"),
        ("array", b"[1, 2]"),
        ("invalid-utf8", b'{"status": "\xff"}'),
        ("too-large", b'{"x": "' + b"a" * BIG + b'"}'),
    ]:
        cases.append(
            Case(f"{api}-admin-faults-{name}", "POST", "/_mock/faults", token_json, payload, admin=True)
        )
    cases.append(Case(f"{api}-admin-variants-deep", "POST", "/_mock/variants", token_json, DEEP, admin=True))
    cases.append(Case(f"{api}-admin-unknown-route", "POST", "/_mock/shutdown", token_json, b"{}", admin=True))
    return cases


ALL_CASES = (
    [("olconnect", case) for case in olconnect_cases()]
    + [("avepoint", case) for case in avepoint_cases()]
    + [(api, case) for api in APIS for case in admin_cases(api)]
)


# -- running them -----------------------------------------------------------------------------------------


@dataclass
class RawAnswer:
    status: int
    headers: list[tuple[str, str]]
    body: bytes


def _encode_request(case: Case, host: str, mock: MockProcess, token: str | None) -> tuple[bytes, bytes]:
    port = urlsplit(mock.base_url).port
    admin_token = str(mock.info.get("admin_token", ""))
    names = {name.lower() for name, _ in case.headers}
    lines = [f"{case.method} {case.path} HTTP/1.1"]
    if "host" not in names:
        lines.append(f"Host: {host}")
    for name, value in case.headers:
        lines.append(f"{name}: {value.format(token=admin_token, port=port)}")
    if token is not None:
        lines.append(f"Authorization: Bearer {token}")
    if case.chunked:
        lines.append("Transfer-Encoding: chunked")
    elif "content-length" not in names and (case.body or case.method in ("POST", "PUT", "PATCH")):
        lines.append(f"Content-Length: {len(case.body)}")
    lines.append("Connection: close")
    head = ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")
    if case.omit_body:
        return head, b""
    if case.chunked:
        chunks = [case.body[i : i + 65536] for i in range(0, len(case.body), 65536)]
        body = b"".join(b"%x\r\n%s\r\n" % (len(chunk), chunk) for chunk in chunks) + b"0\r\n\r\n"
        return head, body
    return head, case.body


def send_raw(mock: MockProcess, case: Case, token: str | None = None) -> RawAnswer:
    parts = urlsplit(mock.base_url)
    host = f"{parts.hostname}:{parts.port}"
    head, body = _encode_request(case, host, mock, token)
    with socket.create_connection((parts.hostname or "127.0.0.1", parts.port or 80), timeout=30) as sock:
        # Send from a thread while the main thread reads: a server that answers 413 before the body is all
        # sent must have its answer read before its close resets the connection.
        def write() -> None:
            with contextlib.suppress(OSError):
                sock.sendall(head + body)

        writer = threading.Thread(target=write, daemon=True)
        writer.start()
        response = http.client.HTTPResponse(sock, method=case.method)
        response.begin()
        data = response.read()
        writer.join(30)
        return RawAnswer(response.status, response.getheaders(), data)


@pytest.fixture(scope="module")
def mocks() -> Iterator[dict[str, MockProcess]]:
    with running_mock("olconnect") as olconnect, running_mock("avepoint") as avepoint:
        yield {"olconnect": olconnect, "avepoint": avepoint}


@pytest.fixture(scope="module")
def avepoint_token(mocks: dict[str, MockProcess]) -> str:
    client = mocks["avepoint"].info["clients"][0]
    form = {
        "grant_type": "client_credentials",
        "client_id": client["client_id"],
        "client_secret": client["client_secret"],
        "scope": "gsuite.graph.read.all",
    }
    token: str = httpx.post(mocks["avepoint"].token_url, data=form).json()["access_token"]
    return token


def _error_shape_ok(api: str, admin: bool, status: int, body: Any) -> bool:
    if admin and isinstance(body, dict) and isinstance(body.get("error"), str):
        return True  # refusals of the guard and the admin routes' own errors
    if api == "olconnect":  # an unknown /_mock/ path is answered like any unknown path
        return isinstance(body, dict) and body.get("error", {}).get("status") == status
    return isinstance(body, dict) and (body.get("status") == status or "error" in body)


def test_there_are_at_least_200_inputs() -> None:
    assert len(ALL_CASES) >= 200, len(ALL_CASES)


@pytest.mark.parametrize(("api", "case"), ALL_CASES, ids=[case.name for _, case in ALL_CASES])
def test_bad_input(api: str, case: Case, mocks: dict[str, MockProcess], avepoint_token: str) -> None:
    mock = mocks[api]
    answer = send_raw(mock, case, avepoint_token if case.extra.get("needs_token") else None)
    content_type = dict((k.lower(), v) for k, v in answer.headers).get("content-type", "")
    assert answer.status < 500 or case.operation is not None, f"{answer.status}: {answer.body[:200]!r}"
    if answer.status >= 400:
        assert content_type.startswith("application/json"), (answer.status, content_type, answer.body[:200])
        body = json.loads(answer.body)
        assert _error_shape_ok(api, case.admin, answer.status, body), body
    if case.admin:
        assert answer.status in ADMIN_STATUSES, (answer.status, answer.body[:200])
    elif case.operation is None:
        assert answer.status in NOT_IN_SPEC, (answer.status, answer.body[:200])
    elif answer.status not in LIMITS:
        spec: Conformance = conformance(api)
        url = mock.base_url + case.path
        request = httpx.Request(case.method, url if len(url) < 4000 else mock.base_url)
        response = httpx.Response(answer.status, headers=answer.headers, content=answer.body, request=request)
        response.elapsed = datetime.timedelta(0)  # read from a socket, not through httpx
        spec.check(case.operation, response)
    tracebacks = [line for line in mock.stderr_lines() if "Traceback" in line or "Exception in ASGI" in line]
    assert not tracebacks, tracebacks[:3]
