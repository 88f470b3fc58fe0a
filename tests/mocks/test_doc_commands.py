"""The mock commands of README.md and docs/mock-servers.md, run as written: start, startup line, health, stop.

Only the port changes (``--port 0``, so parallel runs never collide), and ``nox`` gets a private
``--envdir`` so this test never touches a ``.nox/mock`` someone else is using.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import pytest

ROOT = Path(__file__).resolve().parents[2]
DOCS = [ROOT / "README.md", ROOT / "docs" / "mock-servers.md"]
COMMAND = re.compile(r"(?:python -m mock_servers|nox -s mock --|olc-mock) (?:olconnect|avepoint)\b[^`\n|]*")


def documented_commands() -> list[str]:
    found: dict[str, None] = {}
    for doc in DOCS:
        for match in COMMAND.finditer(doc.read_text(encoding="utf-8")):
            command = " ".join(re.sub(r"\[[^\]]*\]", " ", match.group(0)).split())
            found[command] = None
    return list(found)


def _runnable(command: str, envdir: Path) -> list[str]:
    words = shlex.split(command)
    if "--port" in words:
        words[words.index("--port") + 1] = "0"
    else:
        words += ["--port", "0"]
    if words[0] == "python":
        return [sys.executable, *words[1:]]
    if words[0] == "nox":
        nox = shutil.which("nox")
        assert nox is not None, "nox is needed to run the documented `nox -s mock` command"
        return [nox, "--envdir", str(envdir), *words[1:]]
    script = Path(sys.executable).with_name(words[0])
    assert script.exists(), f"console script {words[0]} is not installed beside {sys.executable}"
    return [str(script), *words[1:]]


def test_the_docs_show_mock_commands() -> None:
    commands = documented_commands()
    assert any(c.startswith("nox -s mock -- olconnect") for c in commands), commands
    assert any(c.startswith("python -m mock_servers avepoint") for c in commands), commands


@pytest.mark.parametrize("command", documented_commands())
def test_documented_mock_command_starts_a_mock(
    command: str, tmp_path_factory: pytest.TempPathFactory
) -> None:
    envdir = tmp_path_factory.getbasetemp() / "nox-envs"  # shared by the nox commands of this run
    process = subprocess.Popen(
        _runnable(command, envdir),
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # Ctrl+C goes to the whole group, as in a terminal
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    stderr: list[str] = []
    threading.Thread(target=lambda: stderr.extend(process.stderr or []), daemon=True).start()
    try:
        info = None
        deadline = time.monotonic() + 600  # nox may have to create its environment first
        assert process.stdout is not None
        while info is None and time.monotonic() < deadline:
            line = process.stdout.readline()
            assert line, f"{command!r} exited without a startup line: {''.join(stderr)[-800:]}"
            if line.startswith("{"):
                info = json.loads(line)
        assert info is not None
        api = "olconnect" if "olconnect" in command else "avepoint"
        assert info["api"] == api
        health = httpx.get(info["base_url"] + "/_mock/health", timeout=10)
        assert health.status_code == 200
        assert health.json()["status"] == "ok"
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGINT)
        try:
            process.wait(60)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
    assert "Traceback" not in "".join(stderr)
    if not command.startswith("nox"):
        assert process.returncode == 0


def _testing_example() -> str:
    """The Python block under "Using the mocks from tests" in docs/mock-servers.md, as written."""
    text = (ROOT / "docs" / "mock-servers.md").read_text(encoding="utf-8")
    section = text.split("## Using the mocks from tests", 1)[1]
    match = re.search(r"```python\n(.*?)```", section, flags=re.S)
    assert match is not None, "docs/mock-servers.md lost its running_mock example"
    return match.group(1)


def test_the_running_mock_example_runs_as_written() -> None:
    """The documented fixture pattern works: start, token request, fault switches, reset, access log."""
    namespace: dict[str, object] = {}
    exec(compile(_testing_example(), "docs/mock-servers.md", "exec"), namespace)
    test_function = namespace["test_something"]
    assert callable(test_function)
    test_function()
