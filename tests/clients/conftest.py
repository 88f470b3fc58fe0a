"""Shared fixtures for the client tests: capture logs, pick the anyio backend.

The generated packages live in ``generated/<dist>/`` and are imported as installed: nox installs them editable
(noxfile.py ``install_project``), so the tests see each regeneration without any import-path edits.
"""

from __future__ import annotations

import logging

import pytest


@pytest.fixture
def debug_logs(caplog: pytest.LogCaptureFixture) -> pytest.LogCaptureFixture:
    """Capture every logger (ours, httpx, httpcore) at DEBUG, so secret scans see everything."""
    caplog.set_level(logging.DEBUG)
    return caplog


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"
