"""The command line as users run it: startup line, clean stop, one-line errors, scenario generation."""

from __future__ import annotations

import json
import signal
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from mock_servers.core.scenario import load_scenario
from mock_servers.testing import MockStartError, mock_command, running_mock, stop_process

from .conftest import write_scenario

ROOT = Path(__file__).resolve().parents[2]


def _run(*args: str, timeout: float = 30) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mock_servers", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=ROOT,
        check=False,
    )


def _assert_one_line_error(result: subprocess.CompletedProcess[str], *fragments: str) -> None:
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("mock_servers: error: ")
    assert "Traceback" not in result.stderr
    for fragment in fragments:
        assert fragment in lines[0]


@pytest.fixture
def busy_port() -> Iterator[int]:
    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen(1)
        yield holder.getsockname()[1]


def test_busy_port_is_a_one_line_error(busy_port: int) -> None:
    result = _run("olconnect", "--port", str(busy_port))
    _assert_one_line_error(result, f"127.0.0.1:{busy_port}", "address already in use")


@pytest.mark.parametrize(
    ("content", "fragments"),
    [
        ("jobs: [\n", ("not valid YAML",)),
        ("clients: []\njobs: []\n", ("/clients", "should be non-empty")),
        (
            "clients: [{client_id: a, client_secret: b, scopes: []}]\njobs: [{jobId: j, appType: 3}]\n",
            ("/jobs/0",),
        ),
        ("- just\n- a list\n", ("/:", "not of type 'object'")),
    ],
)
def test_bad_scenario_is_a_one_line_error(tmp_path: Path, content: str, fragments: tuple[str, ...]) -> None:
    scenario = tmp_path / "scenario.yaml"
    scenario.write_text(content)
    _assert_one_line_error(
        _run("avepoint", "--port", "0", "--scenario", str(scenario)), str(scenario), *fragments
    )


def test_semantic_scenario_error_names_the_entry(tmp_path: Path) -> None:
    document, _ = load_scenario("olconnect", None)
    document["job_sets"][1]["jobs"][0]["segments"][0]["id"] = 3001
    scenario = write_scenario(tmp_path / "dup.json", document)
    result = _run("olconnect", "--port", "0", "--scenario", str(scenario))
    _assert_one_line_error(result, "/job_sets/1/jobs/0/segments/0/id: duplicate job segment id 3001")


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["--fault", "status=500"], "/status"),
        (["--fault", "drop"], "KEY=VALUE"),
        (["--scenario", "/nonexistent/scenario.yaml"], "cannot read scenario file"),
    ],
)
def test_bad_options_are_one_line_errors(args: list[str], fragment: str) -> None:
    _assert_one_line_error(_run("olconnect", "--port", "0", *args), fragment)


def test_usage_errors_exit_2() -> None:
    assert _run("olconnect", "--port", "70000").returncode == 2
    assert _run("nothing").returncode == 2


@pytest.mark.parametrize("stop_signal", [signal.SIGTERM, signal.SIGINT])
def test_startup_line_then_clean_stop(stop_signal: signal.Signals) -> None:
    process = subprocess.Popen(
        mock_command("olconnect"), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT
    )
    try:
        assert process.stdout is not None
        info: dict[str, Any] = json.loads(process.stdout.readline())
        summary = process.stdout.readline()
        assert summary.startswith("OL Connect Server mock listening on " + info["base_url"])
        assert info["users"][0] == {
            "username": "admin",
            "password": "admin-password",
            "roles": ["read", "write"],
        }
        assert info["ids"]["jobs"] == [2001, 2002, 2003, 2004, 2005]
        auth = ("admin", "admin-password")
        jobs_url = info["base_url"] + "/rest/serverengine/entity/jobs/2001"
        assert httpx.get(jobs_url, auth=auth, timeout=10).status_code == 200
        process.send_signal(stop_signal)
        assert process.wait(15) == 0
        assert process.stderr is not None
        assert "Traceback" not in process.stderr.read()
    finally:
        stop_process(process)


def test_running_mock_reports_start_failures(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("users: 1\n")
    expected = r"\(exit code 2\): mock_servers: error: .*bad\.yaml: /: 'media' is a required property"
    with pytest.raises(MockStartError, match=expected), running_mock("olconnect", bad):
        pass


def test_running_mock_rejects_unknown_options() -> None:
    with pytest.raises(TypeError, match="colour"):
        mock_command("avepoint", colour="red")


def test_running_mock_stops_the_process() -> None:
    with running_mock("avepoint", access_log=False) as mock:
        process = mock.process
        assert mock.token_url == mock.base_url + "/connect/token"
        assert mock.info["job_count"] == 72
    assert process.returncode == 0


@pytest.mark.parametrize(("api", "flag"), [("avepoint", "--jobs"), ("olconnect", "--documents")])
def test_generate_scenario_is_deterministic_and_loads(tmp_path: Path, api: str, flag: str) -> None:
    first, second, other = tmp_path / "a.json", tmp_path / "b.json", tmp_path / "c.yaml"
    for path, seed in ((first, "7"), (second, "7"), (other, "8")):
        result = _run("generate-scenario", api, flag, "250", "-o", str(path), "--seed", seed)
        assert result.returncode == 0, result.stderr
    assert first.read_bytes() == second.read_bytes()
    document, _ = load_scenario(api, other)
    assert document != json.loads(first.read_text())
    with running_mock(api, first, access_log=False) as mock:
        counts = mock.info.get("counts", {}).get("documents", mock.info.get("job_count"))
        assert counts == 250


@pytest.mark.anyio
async def test_running_mock_from_an_async_test() -> None:
    with running_mock("olconnect", access_log=False) as mock:
        async with httpx.AsyncClient(base_url=mock.base_url) as client:
            login = await client.post(
                "/rest/serverengine/authentication/login", auth=("admin", "admin-password")
            )
            assert login.status_code == 200
            jobs = await client.get("/rest/serverengine/entity/jobs/2001", headers={"auth_token": login.text})
            assert jobs.json() == {"identifiers": [3001, 3002]}
