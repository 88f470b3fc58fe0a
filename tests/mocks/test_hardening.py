"""Mocks under hostile load, as real processes: admin protection, body limits, slow clients, shutdown.

Timings are asserted with generous bounds only (the machine is shared); the figures themselves are measured
by the benchmarks and reported in the closing note of issue 12.
"""

from __future__ import annotations

import http.client
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx
import pytest

from mock_servers.core.admin_access import ADMIN_TOKEN_ENV, ADMIN_TOKEN_HEADER
from mock_servers.testing import MockProcess, running_mock

ROOT = Path(__file__).resolve().parents[2]
AUTH = ("admin", "admin-password")
JOBS = "/rest/serverengine/entity/jobs"


def _address(mock: MockProcess) -> tuple[str, int]:
    parts = urlsplit(mock.base_url)
    return parts.hostname or "127.0.0.1", parts.port or 80


def _put_json(mock: MockProcess, path: str, body: bytes) -> httpx.Response:
    """A PUT of raw JSON bytes as the admin user (big bodies: a generous timeout)."""
    headers = {"Content-Type": "application/json"}
    return httpx.put(mock.base_url + path, auth=AUTH, content=body, headers=headers, timeout=120)


def _no_traceback(mock: MockProcess) -> None:
    bad = [line for line in mock.stderr_lines() if "Traceback" in line or "Exception in ASGI" in line]
    assert not bad, bad[:5]


# -- admin routes


def test_admin_routes_need_the_token_from_the_startup_line() -> None:
    with running_mock("avepoint", access_log=False) as mock:
        token = mock.info["admin_token"]
        assert len(token) >= 24
        url = mock.base_url + "/_mock/expire-tokens"
        assert httpx.post(url).status_code == 401
        assert httpx.post(url, headers={ADMIN_TOKEN_HEADER: token + "x"}).status_code == 401
        assert httpx.post(url, headers={ADMIN_TOKEN_HEADER: token}).status_code == 200
        assert httpx.get(mock.base_url + "/_mock/health").status_code == 200  # the health check stays open
        simple = httpx.post(
            mock.base_url + "/_mock/faults",
            content=b'{"status": 503}',
            headers={
                "Origin": "http://evil.example",
                "Content-Type": "text/plain",
                ADMIN_TOKEN_HEADER: token,
            },
        )
        assert simple.status_code == 403
        assert httpx.get(mock.base_url + "/backup/google/admin/jobs").status_code == 401  # no fault was set


def test_configured_admin_token_and_non_loopback_bind(tmp_path: Path) -> None:
    refused = subprocess.run(
        [sys.executable, "-m", "mock_servers", "olconnect", "--host", "0.0.0.0", "--port", "0"],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
        env={k: v for k, v in os.environ.items() if k != ADMIN_TOKEN_ENV},
        check=False,
    )
    assert refused.returncode == 2
    assert refused.stderr.count("\n") == 1
    assert "non-loopback" in refused.stderr
    assert "Traceback" not in refused.stderr
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "mock_servers",
            "olconnect",
            "--host",
            "0.0.0.0",
            "--port",
            "0",
            "--no-access-log",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env={**os.environ, ADMIN_TOKEN_ENV: "configured-admin-token-123"},
    )
    try:
        assert process.stdout is not None
        info = json.loads(process.stdout.readline())
        assert info["admin_token"] == "configured-admin-token-123"
        deadline = time.monotonic() + 20
        while True:
            try:
                answer = httpx.get(
                    info["base_url"] + "/_mock/faults", headers={ADMIN_TOKEN_HEADER: info["admin_token"]}
                )
                break
            except httpx.TransportError:
                assert time.monotonic() < deadline
                time.sleep(0.1)
        assert answer.status_code == 200
        assert httpx.get(info["base_url"] + "/_mock/faults").status_code == 401
    finally:
        process.terminate()
        assert process.wait(20) == 0


# -- bodies


def test_a_body_over_the_limit_is_refused_before_it_is_read() -> None:
    with running_mock("olconnect", access_log=False, extra_args=["--max-body-bytes", "1000"]) as mock:
        answer = _put_json(
            mock, JOBS + "/2001/metadata", b'{"id": 2001, "properties": [' + b" " * 2000 + b"]}"
        )
        assert answer.status_code == 413
        assert answer.json()["error"]["status"] == 413
        assert answer.headers["connection"] == "close"
        fits = httpx.put(
            mock.base_url + JOBS + "/2001/metadata",
            auth=AUTH,
            json={"id": 2001, "properties": [{"name": "a", "value": "b"}]},
        )
        assert fits.status_code == 200
        _no_traceback(mock)


def test_health_answers_while_a_10_mb_body_is_validated() -> None:
    properties = [{"name": f"name-{i}", "value": "v" * 40} for i in range(150_000)]
    valid = json.dumps({"id": 2001, "properties": properties}).encode()
    invalid = json.dumps({"id": 2001, "properties": [*properties, {"name": 1}]}).encode()  # slow path
    assert len(invalid) > 10_000_000
    with running_mock("olconnect", access_log=False, extra_args=["--max-body-bytes", str(32 << 20)]) as mock:
        results: dict[str, int] = {}

        def put(name: str, body: bytes) -> None:
            answer = _put_json(mock, JOBS + "/2001/properties", body)
            results[name] = answer.status_code

        def put_both() -> None:
            put("valid", valid)
            put("invalid", invalid)

        writer = threading.Thread(target=put_both)
        writer.start()
        slowest = 0.0
        with httpx.Client(base_url=mock.base_url, timeout=30) as client:
            while writer.is_alive():
                started = time.perf_counter()
                assert client.get("/_mock/health").status_code == 200
                slowest = max(slowest, time.perf_counter() - started)
                time.sleep(0.05)
        writer.join()
        assert results == {"valid": 200, "invalid": 400}
        assert slowest < 5, f"health took {slowest:.2f} s while a large body was validated"
        _no_traceback(mock)


def test_many_unknown_ids_in_a_multi_update_answer_404_without_stalling() -> None:
    body = json.dumps([{"id": 10_000_000 + i, "properties": []} for i in range(200_000)]).encode()
    with running_mock("olconnect", access_log=False) as mock:
        refused = _put_json(mock, JOBS + "/properties", body)
        assert refused.status_code == 413  # the default 1 MiB limit
    with running_mock("olconnect", access_log=False, extra_args=["--max-body-bytes", str(16 << 20)]) as mock:
        started = time.perf_counter()
        answer = _put_json(mock, JOBS + "/properties", body)
        assert answer.status_code == 404
        assert answer.json()["error"]["parameter"] == "10000000"
        assert time.perf_counter() - started < 30


# -- consistency


def test_auth_token_whitespace_level_mode_repeats_and_huge_body_ids() -> None:
    with running_mock("olconnect", access_log=False) as mock, httpx.Client(base_url=mock.base_url) as client:
        token = client.post("/rest/serverengine/authentication/login", auth=AUTH).text
        connection = http.client.HTTPConnection(*_address(mock), timeout=10)  # httpx refuses such a value
        connection.request("GET", JOBS + "/2001/metadata", headers={"auth_token": token + " \t "})
        assert connection.getresponse().status == 200
        connection.close()
        stats = "/rest/serverengine/statistics/jobset/1001"
        conflict = client.get(
            stats, params=[("levelMode", "documentOnly"), ("levelMode", "documentSetAll")], auth=AUTH
        )
        assert conflict.status_code == 400
        assert conflict.json()["error"]["parameter"] == "levelMode"
        same = client.get(
            stats, params=[("levelMode", "documentOnly"), ("levelMode", "DOCUMENTONLY")], auth=AUTH
        )
        assert same.status_code == 200
        for body in ([{"id": 2**63, "properties": []}], [{"id": 2**64 + 5, "properties": []}]):
            answer = client.put(JOBS + "/properties", json=body, auth=AUTH)
            assert answer.status_code == 400
            assert answer.json()["error"]["parameter"] == "/0/id"
        single = client.put(JOBS + "/2001/metadata", json={"id": 2**63, "properties": []}, auth=AUTH)
        assert single.status_code == 400
        _no_traceback(mock)


# -- slow clients and shutdown


def test_connections_that_never_finish_a_request_head_are_closed() -> None:
    with running_mock("olconnect", access_log=False, extra_args=["--header-timeout", "1"]) as mock:
        sockets = [socket.create_connection(_address(mock), timeout=15) for _ in range(50)]
        try:
            for index, sock in enumerate(sockets):
                sock.sendall(b"GET /rest/serv" if index % 2 else b"")
            for sock in sockets:
                assert sock.recv(1) == b""  # closed by the server within the socket timeout
            assert httpx.get(mock.base_url + "/_mock/health").status_code == 200
        finally:
            for sock in sockets:
                sock.close()


@pytest.mark.parametrize(
    "signals", [[signal.SIGTERM], [signal.SIGINT, signal.SIGINT]], ids=["term", "int-int"]
)
def test_a_request_running_at_shutdown_gets_json_not_a_traceback(signals: list[int]) -> None:
    with running_mock("olconnect", faults={"latency_ms": 60000}) as mock:
        outcome: dict[str, Any] = {}

        def call() -> None:
            answer = httpx.get(mock.base_url + JOBS, timeout=60)
            outcome.update(status=answer.status_code, body=answer.json())

        caller = threading.Thread(target=call)
        caller.start()
        time.sleep(1.0)
        for number in signals:
            mock.process.send_signal(number)
            time.sleep(0.3)
        assert mock.process.wait(30) == 0
        caller.join(30)
        assert outcome["status"] == 503
        assert outcome["body"]["error"]["status"] == 503
        time.sleep(0.3)  # let the stderr reader collect the last lines
        _no_traceback(mock)
