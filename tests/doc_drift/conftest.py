"""Fixtures for the doc-drift tests: the shared vendor pages, a private copy of them, the tool's command line.

`tool` and `git_repo` are the tooling tests' own (tests/tooling/conftest.py), imported so both folders run the
tools the same way (`python -m scripts.<tool>` from the checkout root).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.tooling.conftest import ROOT, SHARED_DOCS, GitRunner, git_repo, tool

FIXTURES = Path(__file__).resolve().parent / "fixtures"

__all__ = ["FIXTURES", "ROOT", "SHARED_DOCS", "GitRunner", "docs_copy", "git_repo", "shared_docs", "tool"]


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
