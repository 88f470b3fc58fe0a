"""Fixtures for the tooling tests (shared: `tool` and `git_repo` serve tests/doc_drift and tests/spec_diff).

The tools are modules of the `scripts` package: tests import them as `scripts.<tool>` and run them the way
nox and the docs do, `python -m scripts.<tool>` from the checkout root.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SHARED_DOCS = ROOT.parent / "shared" / "vendor-docs"


def tool(name: str) -> list[str]:
    """The command line of one tool, `python -m scripts.<name>` (run it with `cwd=ROOT`)."""
    return [sys.executable, "-m", f"scripts.{name}"]


GitRunner = Callable[..., str]


@pytest.fixture
def git_repo(tmp_path: Path) -> tuple[Path, GitRunner]:
    """An empty git repository in a temp folder and a helper that runs git in it."""
    repo = tmp_path / "repo"
    repo.mkdir()

    def git(*args: str) -> str:
        result = subprocess.run(
            ["git", "-c", "user.name=tests", "-c", "user.email=tests@example.invalid", *args],
            cwd=repo,
            capture_output=True,
            text=True,
            check=True,
        )
        return result.stdout

    git("init", "-q", "-b", "main")
    return repo, git
