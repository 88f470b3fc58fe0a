"""Scratch copies of the project, so generation tests never write to the real generated/ folder."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from .conftest import GENERATE_SCRIPT, ROOT

COPIED = ("spec", "generator", "overlay", "runtime", "generated", "docs")
COPIED_FILES = ("pyproject.toml",)  # its [project.urls] go into every package's metadata and README
CACHE_DIRS = {"__pycache__", ".mypy_cache", ".ruff_cache", ".pytest_cache"}
IGNORE = shutil.ignore_patterns(*CACHE_DIRS, "*.pyc")


def copy_project(destination: Path) -> Path:
    """Copy what generate.py reads and writes (not scripts/: the copy is run with the real script)."""
    for name in COPIED:
        if (ROOT / name).exists():
            shutil.copytree(ROOT / name, destination / name, ignore=IGNORE)
    for name in COPIED_FILES:
        shutil.copy2(ROOT / name, destination / name)
    return destination


def run_generate(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")])
    return subprocess.run(
        [sys.executable, str(GENERATE_SCRIPT), "--root", str(root), *args],
        capture_output=True,
        text=True,
        check=False,
        env=env,
        timeout=240,
    )


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under `folder` with its bytes (caches left out), to prove a folder was not touched."""
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and not CACHE_DIRS & set(path.relative_to(folder).parts)
    }
