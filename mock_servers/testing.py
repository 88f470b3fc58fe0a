"""Start a real mock server process for tests: ``with running_mock("avepoint") as mock: mock.base_url``.

The server runs as ``python -m mock_servers <api> --port 0`` in a subprocess, so tests exercise the same
uvicorn stack users run. The context manager reads the JSON startup line, waits until ``/_mock/health``
answers, and stops the process with SIGTERM on exit. It blocks only briefly, so it is also fine as a fixture
for async tests. The access log (stderr) is collected in memory; read it with :meth:`MockProcess.log_records`.
"""

from __future__ import annotations

import http.client
import json
import os
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from mock_servers.core.admin_access import ADMIN_TOKEN_HEADER

STARTUP_TIMEOUT = 30.0


class MockStartError(RuntimeError):
    """The mock process exited or stayed silent instead of starting."""


@dataclass
class MockProcess:
    """A running mock server: its base URL, its startup info and its collected output."""

    api: str
    base_url: str
    info: dict[str, Any]
    process: subprocess.Popen[str]
    _stderr: list[str] = field(default_factory=list)
    _stdout: list[str] = field(default_factory=list)

    @property
    def token_url(self) -> str:
        return str(self.info.get("token_url", self.base_url))

    def stderr_lines(self) -> list[str]:
        return list(self._stderr)

    def stdout_lines(self) -> list[str]:
        return list(self._stdout)

    def log_records(self) -> list[dict[str, Any]]:
        """The JSON access-log records written so far (other stderr lines are skipped)."""
        records = []
        for line in self.stderr_lines():
            try:
                record = json.loads(line)
            except ValueError:
                continue
            if isinstance(record, dict) and "duration_ms" in record:
                records.append(record)
        return records

    @property
    def admin_headers(self) -> dict[str, str]:
        """The header admin routes require (the token comes from the startup line)."""
        return {ADMIN_TOKEN_HEADER: str(self.info.get("admin_token", ""))}

    def admin(self, method: str, path: str, body: Mapping[str, Any] | None = None) -> Any:
        """Call an admin endpoint (``/_mock/...``) with the admin token; return its decoded JSON answer."""
        parts = urlsplit(self.base_url)
        connection = http.client.HTTPConnection(parts.hostname or "127.0.0.1", parts.port, timeout=10)
        try:
            payload = json.dumps(body).encode() if body is not None else None
            headers = dict(self.admin_headers)
            if payload is not None:
                headers["Content-Type"] = "application/json"
            connection.request(method, path, body=payload, headers=headers)
            response = connection.getresponse()
            data = response.read()
            if response.status >= 400:
                raise RuntimeError(
                    f"{method} {path} answered {response.status}: {data.decode(errors='replace')}"
                )
            return json.loads(data) if data else None
        finally:
            connection.close()

    def set_faults(self, **settings: Any) -> Any:
        return self.admin("POST", "/_mock/faults", settings)

    def clear_faults(self) -> Any:
        return self.admin("DELETE", "/_mock/faults")

    def expire_tokens(self) -> Any:
        return self.admin("POST", "/_mock/expire-tokens")

    def reset(self) -> Any:
        return self.admin("POST", "/_mock/reset")


def mock_command(api: str, scenario: str | Path | None = None, **options: Any) -> list[str]:
    """The CLI call for ``running_mock``'s arguments (``token_ttl=``, ``faults={...}``, ``access_log=``,
    ``profile=``, ``variants={name: value}``, ``extra_args=[...]`` for any other CLI option)."""
    command = [sys.executable, "-m", "mock_servers", api, "--host", "127.0.0.1", "--port", "0"]
    if scenario is not None:
        command += ["--scenario", str(scenario)]
    if options.get("token_ttl") is not None:
        command += ["--token-ttl", str(options["token_ttl"])]
    for key, value in (options.get("faults") or {}).items():
        command += ["--fault", f"{key}={value}"]
    if options.get("access_log") is False:
        command.append("--no-access-log")
    if options.get("profile") is not None:
        command += ["--profile", str(options["profile"])]
    for key, value in (options.get("variants") or {}).items():
        command += ["--variant", f"{key}={value}"]
    command += [str(arg) for arg in options.get("extra_args") or ()]  # e.g. ["--max-body-bytes", "N"]
    unknown = set(options) - {"token_ttl", "faults", "access_log", "profile", "variants", "extra_args"}
    if unknown:
        raise TypeError(f"unknown running_mock options: {', '.join(sorted(unknown))}")
    return command


def _drain(stream: Any, sink: list[str]) -> None:
    for line in stream:
        sink.append(line.rstrip("\n"))


def _wait_healthy(base_url: str, process: subprocess.Popen[str], deadline: float) -> None:
    parts = urlsplit(base_url)
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise MockStartError(f"mock exited with code {process.returncode} before it was ready")
        connection = http.client.HTTPConnection(parts.hostname or "127.0.0.1", parts.port, timeout=2)
        try:
            connection.request("GET", "/_mock/health")
            if connection.getresponse().status == 200:
                return
        except OSError:
            time.sleep(0.05)
        finally:
            connection.close()
    raise MockStartError(f"mock at {base_url} did not become healthy in time")


def read_first_line(process: subprocess.Popen[Any], timeout: float) -> str:
    """The child's first stdout line, or "" when it printed none within ``timeout`` (or exited first).

    The read runs on a daemon thread, so a child that never writes cannot hang the caller.
    """
    stream = process.stdout
    assert stream is not None, "start the process with stdout=subprocess.PIPE"
    holder: list[str | bytes] = []
    reader = threading.Thread(target=lambda: holder.append(stream.readline()), daemon=True)
    reader.start()
    reader.join(max(0.0, timeout))
    line = holder[0] if holder else ""
    return line.decode("utf-8", "replace") if isinstance(line, bytes) else line


def startup_json(
    process: subprocess.Popen[Any], timeout: float, what: str, detail: Callable[[], str] = lambda: ""
) -> dict[str, Any]:
    """The JSON object a server prints as its first stdout line (the convention of the mocks, the deviation
    proxy and the test servers); on silence or a non-JSON line the process is stopped and a
    ``MockStartError`` names ``what``, its exit code and ``detail()`` (say, the tail of its stderr)."""
    line = read_first_line(process, timeout)
    try:
        info = json.loads(line)
        if not isinstance(info, dict):
            raise ValueError(line)
    except ValueError:
        stop_process(process)
        extra = detail()
        raise MockStartError(
            f"{what} did not print its startup JSON line (exit code {process.returncode})"
            + (f": {extra}" if extra else "")
        ) from None
    return info


def stop_process(process: subprocess.Popen[Any], timeout: float = 10.0) -> int:
    """SIGTERM, then SIGKILL if the process does not stop within ``timeout``; returns the exit code."""
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    return process.returncode


@contextmanager
def running_mock(
    api: str, scenario: str | Path | None = None, startup_timeout: float = STARTUP_TIMEOUT, **options: Any
) -> Iterator[MockProcess]:
    """Run ``python -m mock_servers <api>`` on a free 127.0.0.1 port for the duration of the block."""
    # Make the child import the same mock_servers as this process, installed or from a checkout.
    package_parent = str(Path(__file__).resolve().parents[1])
    python_path = os.pathsep.join(filter(None, [package_parent, os.environ.get("PYTHONPATH")]))
    env = {**os.environ, "PYTHONUNBUFFERED": "1", "PYTHONPATH": python_path}
    process = subprocess.Popen(
        mock_command(api, scenario, **options),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        env=env,
    )
    stderr: list[str] = []
    stdout: list[str] = []
    stderr_reader = threading.Thread(target=_drain, args=(process.stderr, stderr), daemon=True)
    stderr_reader.start()
    deadline = time.monotonic() + startup_timeout

    def last_words() -> str:
        stderr_reader.join(2.0)  # the process is gone: let the reader collect its last words
        return " / ".join(line for line in stderr[-3:] if line.strip()) or "no output"

    try:
        info = startup_json(process, startup_timeout, "mock", last_words)
        threading.Thread(target=_drain, args=(process.stdout, stdout), daemon=True).start()
        _wait_healthy(info["base_url"], process, deadline)
        yield MockProcess(api, info["base_url"], info, process, stderr, stdout)
    finally:
        stop_process(process)
