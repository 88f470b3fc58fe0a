"""Helpers for the contract-suite tests: run ``python -m contract_tests`` in live mode against a URL.

Running the suite as a subprocess (not in-process) is deliberate: it is exactly what users and CI run,
its environment is isolated (live-mode variables, reports folder), and several runs can go in parallel.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

from contract_tests import api_paths
from contract_tests.targets import MOCK_RESTORE_BODY
from mock_servers.testing import startup_json, stop_process

ROOT = Path(__file__).resolve().parents[2]
PROXY = Path(__file__).resolve().parent / "deviation_proxy.py"
LIVE_PREFIXES = ("OLCONNECT_", "AVEPOINT_", "CONTRACT_")


# Failures the bundled OL Connect mock is known to cause (reported to its owner), keyed by JUnit test name.
@dataclass
class SuiteRun:
    """Outcome of one suite run: exit code, console output and the Markdown summary."""

    returncode: int
    output: str
    summary: str
    junit: str

    def failed_tests(self) -> list[str]:
        """Names of the JUnit test cases that failed or errored."""
        if not self.junit:
            return []
        root = ElementTree.fromstring(self.junit)
        return [
            case.get("name", "")
            for case in root.iter("testcase")
            if case.find("failure") is not None or case.find("error") is not None
        ]


def expect_pass(run: SuiteRun, what: str) -> None:
    """Assert the run passed, showing the tail of the suite's output when it did not."""
    assert run.returncode == 0, f"{what} failed:\n{run.output[-4000:]}"


def olconnect_env(info: Mapping[str, Any], base_url: str) -> dict[str, str]:
    """Live-mode variables for an OL Connect mock (``info``) reached at ``base_url``."""
    writer = next(u for u in info["users"] if {"read", "write"} <= set(u["roles"]))
    ids = info["ids"]
    return {
        "OLCONNECT_BASE_URL": base_url,
        "OLCONNECT_USERNAME": writer["username"],
        "OLCONNECT_PASSWORD": writer["password"],
        "OLCONNECT_JOB_ID": str(ids["jobs"][0]),
        "OLCONNECT_JOB_SEGMENT_ID": str(ids["job_segments"][0]),
        "OLCONNECT_JOB_SET_ID": str(ids["job_sets"][0]),
        "OLCONNECT_DOCUMENT_SET_ID": str(ids["document_sets"][0]),
        "OLCONNECT_DOCUMENT_ID": str(ids["documents"][0]),
        # The last seeded job set may be deleted; a test that lets the suite delete resets the mock first.
        "OLCONNECT_DISPOSABLE_JOB_SET_ID": str(ids["job_sets"][-1]),
        "OLCONNECT_DATA_SET_ID": str(ids["data_sets"][0]),
        # Likewise the last seeded data set (OLC-71).
        "OLCONNECT_DISPOSABLE_DATA_SET_ID": str(ids["data_sets"][-1]),
        "CONTRACT_ALLOW_WRITES": "1",
        # The workflow inputs (OLC-50..58) the mock announces: presets and a content set.
        "OLCONNECT_JOB_PRESET": str(info["workflow"]["job_preset"]),
        "OLCONNECT_OUTPUT_PRESET": str(info["workflow"]["output_preset"]),
        "OLCONNECT_CONTENT_SET_ID": str(info["workflow"]["content_sets"][0]),
    }


def avepoint_env(info: Mapping[str, Any], base_url: str) -> dict[str, str]:
    """Live-mode variables (client-credentials flavour) for an AvePoint mock reached at ``base_url``."""
    client = info["clients"][0]
    return {
        "AVEPOINT_BASE_URL": base_url,
        "AVEPOINT_TOKEN_URL": base_url + api_paths.path_of("avepoint", "requestToken"),
        "AVEPOINT_CLIENT_ID": client["client_id"],
        "AVEPOINT_CLIENT_SECRET": client["client_secret"],
        # every job scope (issue 22), and the one restore the suite may start on this mock (AVE-47)
        "AVEPOINT_SCOPE": str(info.get("request_scope") or info.get("scope", "gsuite.graph.read.all")),
        "CONTRACT_ALLOW_WRITES": "1",
        "AVEPOINT_RESTORE_TARGET": json.dumps(MOCK_RESTORE_BODY),
    }


def clean_env(extra: Mapping[str, str]) -> dict[str, str]:
    """The current environment without any live-mode variable, plus ``extra``."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(LIVE_PREFIXES)}
    env.update(extra)
    return env


def run_suite(args: list[str], env: Mapping[str, str], reports: Path, timeout: float = 300) -> SuiteRun:
    """Run ``python -m contract_tests ARGS --reports REPORTS`` and collect what it produced."""
    completed = subprocess.run(
        [sys.executable, "-m", "contract_tests", *args, "--reports", str(reports), "-q"],
        cwd=ROOT,
        env=dict(env),
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    summary_path, junit_path = reports / "contract-summary.md", reports / "contract-junit.xml"
    return SuiteRun(
        returncode=completed.returncode,
        output=completed.stdout + completed.stderr,
        summary=summary_path.read_text(encoding="utf-8") if summary_path.exists() else "",
        junit=junit_path.read_text(encoding="utf-8") if junit_path.exists() else "",
    )


@contextmanager
def deviation_proxy(upstream: str, deviation: str, env: Mapping[str, str] | None = None) -> Iterator[str]:
    """Start the deviation proxy in front of ``upstream``; yield its base URL."""
    process = subprocess.Popen(
        [sys.executable, str(PROXY), "--upstream", upstream, "--deviation", deviation],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=clean_env(env or {}),
    )
    try:
        yield str(startup_json(process, 30, f"deviation proxy ({deviation})")["base_url"])
    finally:
        stop_process(process)
