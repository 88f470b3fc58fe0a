"""Shared fixtures for the client tests: import the generated packages, capture logs, start mocks.

The generated packages live in ``generated/<dist>/``; nox installs them, but a plain ``pytest`` run from a
checkout should work too, so their folders are put on ``sys.path`` when they are not importable yet.
"""

from __future__ import annotations

import importlib.util
import logging
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
# A checkout without `pip install -e .`: the project root must come before tests/, whose mock_servers/ test
# folder would otherwise be imported as a namespace package of the same name.
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
if getattr(sys.modules.get("mock_servers"), "__file__", "") is None:
    del sys.modules["mock_servers"]
for dist, package in (
    ("olconnect-client", "olconnect_client"),
    ("avepoint-graph-client", "avepoint_graph_client"),
):
    folder = ROOT / "generated" / dist
    if importlib.util.find_spec(package) is None and folder.is_dir():
        sys.path.insert(0, str(folder))


@pytest.fixture
def debug_logs(caplog: pytest.LogCaptureFixture) -> pytest.LogCaptureFixture:
    """Capture every logger (ours, httpx, httpcore) at DEBUG, so secret scans see everything."""
    caplog.set_level(logging.DEBUG)
    return caplog


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"
