"""Fixtures for the spec diff tests: a scratch git repository, and the tool's command line.

Spec diff compares a spec with its version at a git ref, so each test commits a spec and edits it.
"""

from __future__ import annotations

import sys

from tests.tooling.conftest import GitRunner, git_repo

#: `python -m scripts.spec_diff`, run with `cwd` at a checkout (or a scratch repository).
SPEC_DIFF = (sys.executable, "-m", "scripts.spec_diff")

__all__ = ["SPEC_DIFF", "GitRunner", "git_repo"]
