"""Fixtures of the runtime tests, which import ``client_runtime`` where it is written (no generated copy)."""

from __future__ import annotations

import pytest


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"
