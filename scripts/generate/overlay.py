"""The overlay hook: hand-written modules copied into the generated package after every generation.

- `overlay/<import_package>/**` → `<package>/**` (package-specific code);
- `runtime/client_runtime/**` → `<package>/_runtime/**` (the shared client runtime, vendored; a real
  package in place, see runtime/pyproject.toml).

An overlay file may add modules but never replace one the generator (or generate.py) wrote: behaviour of
generated modules is changed through templates in generator/templates/, so that both stay visible.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from .errors import GenerationError

IGNORED_PARTS = {"__pycache__", ".mypy_cache", ".ruff_cache", ".pytest_cache"}


def overlay_sources(overlay_dir: Path, import_package: str) -> list[tuple[Path, Path]]:
    """(source file, destination relative to the package dir) pairs, sorted for a stable order."""
    pairs: list[tuple[Path, Path]] = []
    for source_root, destination_root in (
        (overlay_dir / import_package, Path()),
        (overlay_dir.parent / "runtime" / "client_runtime", Path("_runtime")),
    ):
        if not source_root.is_dir():
            continue
        for source in sorted(source_root.rglob("*")):
            relative = source.relative_to(source_root)
            if source.is_file() and not IGNORED_PARTS & set(relative.parts) and source.suffix != ".pyc":
                pairs.append((source, destination_root / relative))
    return pairs


def apply_overlay(overlay_dir: Path, import_package: str, package_dir: Path) -> list[Path]:
    copied: list[Path] = []
    for source, relative in overlay_sources(overlay_dir, import_package):
        destination = package_dir / relative
        if destination.exists():
            raise GenerationError(
                f"overlay file {source} would replace the generated {import_package}/{relative.as_posix()}; "
                "change generator/templates/ instead, or pick another module name"
            )
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, destination)
        copied.append(destination)
    return copied
