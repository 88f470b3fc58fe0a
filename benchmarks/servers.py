"""Start the servers a figure measures against, as real processes on loopback, and stop them afterwards.

The mock servers are started through their agreed command line (`python -m mock_servers API --port 0`),
whose first stdout line is a JSON object with the base URL and credentials. Prism is started from
tools/node_modules.
"""

from __future__ import annotations

import contextlib
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx

import spec_model
from benchmarks.environment import ROOT
from benchmarks.results import NotMeasuredError
from mock_servers import testing as mock_testing
from mock_servers.testing import stop_process

PRISM_BIN = ROOT / "tools" / "node_modules" / ".bin" / "prism"


@dataclass(frozen=True)
class RunningServer:
    base_url: str
    info: dict[str, Any]
    pid: int


def free_port() -> int:
    """A port the OS considers free right now (a tiny race remains; fine for a benchmark, never in tests)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def mock_servers_available() -> str | None:
    """None when `python -m mock_servers` can be started, else the reason it cannot."""
    if not (ROOT / "mock_servers" / "__main__.py").exists():
        return "mock_servers/__main__.py does not exist yet"
    return None


@contextlib.contextmanager
def running_mock(
    api: str, scenario: Path | None = None, startup_timeout: float = 120.0
) -> Iterator[RunningServer]:
    """One mock server process on a free loopback port, with its startup JSON (started the way tests
    start one, ``mock_servers.testing.running_mock``, with the access log off)."""
    missing = mock_servers_available()
    if missing:
        raise NotMeasuredError(missing)
    with contextlib.ExitStack() as stack:
        try:
            mock = stack.enter_context(
                mock_testing.running_mock(api, scenario, startup_timeout=startup_timeout, access_log=False)
            )
        except mock_testing.MockStartError as exc:
            raise NotMeasuredError(f"`python -m mock_servers {api}`: {exc}") from None
        yield RunningServer(base_url=mock.base_url.rstrip("/"), info=mock.info, pid=mock.process.pid)


def prism_available() -> str | None:
    if not PRISM_BIN.exists():
        return "Prism is not installed in tools/node_modules (run `npm ci --prefix tools`)"
    if shutil.which("node") is None:
        return "node is not on PATH"
    return None


def wait_until_answering(url: str, timeout: float, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise NotMeasuredError(f"the server process exited with code {process.returncode} while starting")
        try:
            httpx.get(url, timeout=2.0)
            return
        except httpx.TransportError:
            time.sleep(0.25)
    raise NotMeasuredError(f"nothing answered at {url} within {timeout:.0f} s")


@contextlib.contextmanager
def running_constant_server() -> Iterator[RunningServer]:
    """`benchmarks.constant_server` on a free port: the load generator's calibration target."""
    port = free_port()
    command = [sys.executable, "-m", "benchmarks.constant_server", str(port)]
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base_url = f"http://127.0.0.1:{port}"
    try:
        wait_until_answering(base_url + "/", 30, process)
        yield RunningServer(base_url=base_url, info={}, pid=process.pid)
    finally:
        stop_process(process)


@contextlib.contextmanager
def running_prism(api: str, startup_timeout: float = 90.0) -> Iterator[RunningServer]:
    """Prism's mock of the same spec file, static examples, logging reduced to errors."""
    missing = prism_available()
    if missing:
        raise NotMeasuredError(missing)
    port = free_port()
    spec = str(spec_model.spec_path(api))
    command = [str(PRISM_BIN), "mock", "-h", "127.0.0.1", "-p", str(port), "-v", "error", spec]
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base_url = f"http://127.0.0.1:{port}"
    try:
        wait_until_answering(base_url + "/", startup_timeout, process)
        yield RunningServer(base_url=base_url, info={"command": " ".join(command[1:])}, pid=process.pid)
    finally:
        stop_process(process)
