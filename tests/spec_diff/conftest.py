"""Fixtures for the spec diff tests: a scratch git repository, and the tool's command line.

Spec diff compares a spec with its version at a git ref, so each test commits a spec and edits it.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

#: `python -m scripts.spec_diff`, run with `cwd` at a checkout (or a scratch repository).
SPEC_DIFF = (sys.executable, "-m", "scripts.spec_diff")

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
