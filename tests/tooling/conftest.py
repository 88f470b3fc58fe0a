"""Fixtures for the tooling tests (doc drift).

The tools are modules of the `scripts` package: tests import them as `scripts.<tool>` and run them the way
nox and the docs do, `python -m scripts.<tool>` from the checkout root.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SHARED_DOCS = ROOT.parent / "shared" / "vendor-docs"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def tool(name: str) -> list[str]:
    """The command line of one tool, `python -m scripts.<name>` (run it with `cwd=ROOT`)."""
    return [sys.executable, "-m", f"scripts.{name}"]


@pytest.fixture
def shared_docs() -> Path:
    """The vendor pages CI runs doc drift against (a clean clone has ../shared beside it)."""
    if not SHARED_DOCS.is_dir():
        pytest.skip(f"vendor pages not found at {SHARED_DOCS}")
    return SHARED_DOCS


@pytest.fixture
def docs_copy(tmp_path: Path, shared_docs: Path) -> Path:
    """A private copy of the vendor pages that a test may edit."""
    target = tmp_path / "docs"
    shutil.copytree(shared_docs, target)
    return target
