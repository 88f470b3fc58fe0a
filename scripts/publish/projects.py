"""The three distributions this repository publishes, and whether their files in dist/ are up to date.

dist/ is stale for a project when a wheel or sdist of its current version is missing, or when any of its
source files changed after the oldest of those two files was written. Other versions' files in dist/ are
left alone and never uploaded.
"""

from __future__ import annotations

import subprocess
import sys
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[2]
PROJECT_DIRS = (Path("."), Path("generated/olconnect-client"), Path("generated/avepoint-graph-client"))
SKIPPED_PARTS = {"__pycache__", ".mypy_cache", ".ruff_cache", ".pytest_cache"}


class PublishError(Exception):
    """A problem the user must fix; the message is the one line printed before a non-zero exit."""


@dataclass(frozen=True)
class Project:
    """One distribution: where its pyproject.toml is, its name and version, and what it is built from."""

    directory: Path
    name: str
    version: str
    sources: tuple[Path, ...]

    @property
    def file_stem(self) -> str:
        """How wheel and sdist file names start (PEP 427/625: normalised name, underscores)."""
        return f"{canonicalize_name(self.name).replace('-', '_')}-{self.version}"

    def artifacts(self, dist: Path) -> tuple[Path, Path]:
        """The wheel and the sdist of the current version (they may not exist yet)."""
        return dist / f"{self.file_stem}-py3-none-any.whl", dist / f"{self.file_stem}.tar.gz"


def load_project(directory: Path) -> Project:
    """Read name, version and the source paths (the sdist includes, else the whole folder)."""
    path = directory / "pyproject.toml"
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise PublishError(f"{path} not found (run `nox -s generate` for the client packages)") from None
    project = data["project"]
    includes = data.get("tool", {}).get("hatch", {}).get("build", {}).get("targets", {}).get("sdist", {})
    sources = tuple(directory / item for item in includes.get("include", [])) or (directory,)
    return Project(directory, str(project["name"]), str(project["version"]), (*sources, path))


def all_projects(root: Path = ROOT) -> list[Project]:
    return [load_project(root / directory) for directory in PROJECT_DIRS]


def _files(paths: tuple[Path, ...]) -> Iterator[Path]:
    for path in paths:
        if path.is_file():
            yield path
        elif path.is_dir():
            for child in path.rglob("*"):
                if child.is_file() and not SKIPPED_PARTS & set(child.parts):
                    yield child


def stale_reason(project: Project, dist: Path) -> str | None:
    """Why dist/ must be rebuilt for ``project`` (None: its wheel and sdist are current)."""
    artifacts = project.artifacts(dist)
    missing = [a.name for a in artifacts if not a.is_file()]
    if missing:
        return f"{', '.join(missing)} missing"
    built = min(a.stat().st_mtime for a in artifacts)
    newer = [f for f in _files(project.sources) if f.stat().st_mtime > built]
    if newer:
        shown = newer[0].relative_to(ROOT) if newer[0].is_relative_to(ROOT) else newer[0]
        return f"{shown} changed since the build"
    return None


def build(project: Project, dist: Path) -> None:
    """Wheel and sdist of ``project`` into ``dist`` (python -m build: sdist first, wheel from the sdist)."""
    for artifact in project.artifacts(dist):
        artifact.unlink(missing_ok=True)
    command = [sys.executable, "-m", "build", "--outdir", str(dist), str(project.directory)]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        tail = (result.stderr or result.stdout).strip().splitlines()[-1:] or ["no output"]
        raise PublishError(f"building {project.name} failed: {tail[0]}")
    print(f"built {project.name} {project.version} into {dist}")
