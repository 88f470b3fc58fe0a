"""docs/architecture.md names real things: its sessions exist, its folders and modules are where it says."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DOC = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")


def _nox_sessions() -> set[str]:
    listed = subprocess.run(
        [sys.executable, "-m", "nox", "--list"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    # "* tests -> ..." for a default session, "- spec -> ..." for the others, "- clients-3.12 -> ..." for one
    # parametrised by Python (the name ends before the version)
    return set(re.findall(r"^[*-] ([a-z](?:[a-z-]*[a-z])?)", listed.stdout, flags=re.MULTILINE))


def test_every_session_the_page_names_exists() -> None:
    named = set(re.findall(r"nox -s ([a-z][a-z-]*)", DOC))
    assert named >= {"spec", "generate", "tests", "contract", "build", "publish", "doc-drift", "doc-update"}
    missing = named - _nox_sessions()
    assert not missing, f"docs/architecture.md names nox sessions that noxfile.py lacks: {sorted(missing)}"


def test_every_folder_in_the_parts_table_exists() -> None:
    rows = [line for line in DOC.splitlines() if line.startswith("| `")]
    folders = [re.findall(r"`([a-z_]+/)(?:<package>/)?`", row.split("|")[1]) for row in rows]
    flat = [folder for found in folders for folder in found]
    assert len(flat) >= 10, flat
    assert [folder for folder in flat if not (ROOT / folder).is_dir()] == []


def test_modules_the_page_names_are_where_it_says() -> None:
    for folder in ("runtime/client_runtime/", "mock_servers/", "spec_model/"):
        row = next(line for line in DOC.splitlines() if line.startswith(f"| `{folder}`"))
        modules = set(re.findall(r"`((?:core/)?[a-z_]+\.py)`", row))
        assert len(modules) >= 4, row
        missing = sorted(m for m in modules if not (ROOT / folder / m).is_file())
        assert missing == [], f"{folder}: {missing}"


def test_the_tool_packages_the_page_names_exist() -> None:
    row = next(line for line in DOC.splitlines() if line.startswith("| `scripts/`"))
    packages = set(re.findall(r"`([a-z_]+)/`", row.split("|")[2]))
    assert {"generate", "spec_diff", "publish"} <= packages, row
    missing = sorted(p for p in packages if not (ROOT / "scripts" / p / "__init__.py").is_file())
    assert missing == [], f"scripts/: {missing}"
