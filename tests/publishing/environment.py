"""Fresh virtualenvs that see one package index only, and subprocesses that run in them.

The machine (and a developer's laptop) may have a pip.conf with extra indexes or find-links; a consumer's
CI has none of them. Every pip call here therefore runs with ``PIP_CONFIG_FILE`` set to the null device
(pip then reads no configuration file) and without any inherited ``PIP_*`` variable, so a package that the
index lacks makes the install fail instead of quietly coming from elsewhere.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# Variables that would leak the checkout, a configured index or a live target into a consumer's process.
DROPPED_PREFIXES = ("PIP_", "TWINE_", "PYTHON", "VIRTUAL_ENV", "NOX", "OLCONNECT_", "AVEPOINT_", "CONTRACT_")


def clean_env(extra: Mapping[str, str] | None = None, venv: Path | None = None) -> dict[str, str]:
    """The environment without pip/twine/live-mode settings, plus ``extra``; ``venv`` first on PATH."""
    env = {key: value for key, value in os.environ.items() if not key.startswith(DROPPED_PREFIXES)}
    env["PIP_CONFIG_FILE"] = os.devnull
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    env["PIP_NO_INPUT"] = "1"
    if venv is not None:
        env["PATH"] = os.pathsep.join([str(venv / "bin"), env.get("PATH", "")])
        env["VIRTUAL_ENV"] = str(venv)
    env.update(extra or {})
    return env


@dataclass
class Completed:
    returncode: int
    output: str
    seconds: float


def run(
    command: Sequence[str | Path],
    env: Mapping[str, str],
    cwd: Path | None = None,
    timeout: float = 300,
) -> Completed:
    """Run ``command`` with stdout and stderr together; the caller asserts on the exit code."""
    started = time.perf_counter()
    result = subprocess.run(
        [str(part) for part in command],
        env=dict(env),
        cwd=cwd,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        timeout=timeout,
        check=False,
    )
    return Completed(result.returncode, result.stdout, time.perf_counter() - started)


def expect_ok(result: Completed, what: str) -> str:
    assert result.returncode == 0, f"{what} exited {result.returncode}:\n{result.output[-4000:]}"
    return result.output


def fresh_venv(path: Path) -> Path:
    """An empty virtualenv (pip only), made with the interpreter that runs the tests."""
    expect_ok(run([sys.executable, "-m", "venv", path], clean_env()), "python -m venv")
    return path
