"""Compare two generated trees (drift check) and swap a freshly built tree into place."""

from __future__ import annotations

import shutil
import uuid
from dataclasses import dataclass, field
from pathlib import Path

# Files tools create next to the package while it is used (tests import it, builds, linters): not drift.
IGNORED_DIR_NAMES = {"__pycache__", ".mypy_cache", ".ruff_cache", ".pytest_cache"}
IGNORED_TOP_LEVEL_DIRS = {"dist", "build", ".venv"}
IGNORED_SUFFIXES = {".pyc", ".pyo"}


@dataclass
class Drift:
    changed: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)  # expected, but not in generated/
    extra: list[str] = field(default_factory=list)  # in generated/, but generation does not write it

    def __bool__(self) -> bool:
        return bool(self.changed or self.missing or self.extra)

    def lines(self, prefix: str) -> list[str]:
        return [
            *(f"drifted: {prefix}/{name}" for name in self.changed),
            *(f"missing: {prefix}/{name}" for name in self.missing),
            *(f"extra:   {prefix}/{name}" for name in self.extra),
        ]


def tree_files(root: Path) -> dict[str, Path]:
    if not root.is_dir():
        return {}
    files: dict[str, Path] = {}
    for path in root.rglob("*"):
        relative = path.relative_to(root)
        top = relative.parts[0]
        if top in IGNORED_TOP_LEVEL_DIRS or top.endswith(".egg-info"):
            continue
        if any(part in IGNORED_DIR_NAMES for part in relative.parts):
            continue
        if path.is_file() and path.suffix not in IGNORED_SUFFIXES:
            files[relative.as_posix()] = path
    return files


def compare_trees(expected_root: Path, actual_root: Path) -> Drift:
    expected, actual = tree_files(expected_root), tree_files(actual_root)
    drift = Drift()
    for name in sorted(expected.keys() | actual.keys()):
        if name not in actual:
            drift.missing.append(name)
        elif name not in expected:
            drift.extra.append(name)
        elif expected[name].read_bytes() != actual[name].read_bytes():
            drift.changed.append(name)
    return drift


def swap_in(built: dict[Path, Path]) -> None:
    """Replace each destination folder with its freshly built one.

    Every new tree is first copied next to its destination (same file system), so the final step per
    package is two renames; if copying fails, generated/ has not been touched.
    """
    token = uuid.uuid4().hex[:8]
    staged: list[tuple[Path, Path]] = []
    try:
        for source, destination in built.items():
            destination.parent.mkdir(parents=True, exist_ok=True)
            staging = destination.parent / f".{destination.name}.new-{token}"
            shutil.copytree(source, staging)
            staged.append((staging, destination))
    except BaseException:
        for staging, _ in staged:
            shutil.rmtree(staging, ignore_errors=True)
        raise
    for staging, destination in staged:
        retired = destination.parent / f".{destination.name}.old-{token}"
        if destination.exists():
            destination.rename(retired)
        staging.rename(destination)
        shutil.rmtree(retired, ignore_errors=True)
