"""Start a mock server from an installed package (not from the checkout) and read its startup line."""

from __future__ import annotations

import subprocess
import threading
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from mock_servers.testing import startup_json, stop_process

STARTUP_TIMEOUT_S = 60.0


@contextmanager
def started_mock(
    command: Sequence[str | Path], env: Mapping[str, str], cwd: Path
) -> Iterator[dict[str, Any]]:
    """Run ``command`` (``olc-mock API --port 0`` or ``contract-suite mock ...``); yield its startup JSON."""
    process = subprocess.Popen(
        [str(part) for part in command],
        env=dict(env),
        cwd=cwd,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        info = startup_json(process, STARTUP_TIMEOUT_S, " ".join(str(part) for part in command))
        # Keep reading so a chatty server never blocks on a full pipe.
        threading.Thread(target=process.stdout.read, daemon=True).start()  # type: ignore[union-attr]
        yield info
    finally:
        stop_process(process)


def live_env(olconnect: Mapping[str, Any], avepoint: Mapping[str, Any]) -> dict[str, str]:
    """The suite's live-mode variables for two running mocks (what a team keeps in its CI secrets)."""
    writer = next(u for u in olconnect["users"] if {"read", "write"} <= set(u["roles"]))
    ids = olconnect["ids"]
    client = avepoint["clients"][0]
    return {
        "OLCONNECT_BASE_URL": olconnect["base_url"],
        "OLCONNECT_USERNAME": writer["username"],
        "OLCONNECT_PASSWORD": writer["password"],
        "OLCONNECT_JOB_ID": str(ids["jobs"][0]),
        "OLCONNECT_JOB_SEGMENT_ID": str(ids["job_segments"][0]),
        "OLCONNECT_JOB_SET_ID": str(ids["job_sets"][0]),
        "AVEPOINT_BASE_URL": avepoint["base_url"],
        "AVEPOINT_TOKEN_URL": f"{avepoint['base_url']}/connect/token",
        "AVEPOINT_CLIENT_ID": client["client_id"],
        "AVEPOINT_CLIENT_SECRET": client["client_secret"],
        "CONTRACT_ALLOW_WRITES": "1",
    }
