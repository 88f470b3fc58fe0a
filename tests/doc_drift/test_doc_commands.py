"""The doc-drift commands of docs/doc-update-workflow.md (the block after `<!-- doc-drift-commands -->`), run
as written from the checkout root. Only the vendor repository is swapped for one mirror clone made for this
module (`--repo`), so the four commands do not clone the 10 MB bundle four times.
"""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT

DOC = ROOT / "docs" / "doc-update-workflow.md"
SOURCE = "avepoint-cloud-api"
BUNDLE = ROOT.parent / "shared" / "vendor-sources" / "avepoint-cloud-api.bundle"


def documented_commands() -> list[str]:
    text = DOC.read_text(encoding="utf-8")
    match = re.search(r"<!-- doc-drift-commands -->\n```bash\n(.*?)```", text, re.S)
    assert match is not None, f"{DOC.name} lost its doc-drift command block"
    return [line for line in match.group(1).splitlines() if line.strip()]


@pytest.fixture(scope="module")
def clone(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not BUNDLE.is_file():
        pytest.skip(f"vendor bundle not found at {BUNDLE}")
    target = tmp_path_factory.mktemp("avepoint") / "repo.git"
    subprocess.run(["git", "clone", "--quiet", "--mirror", str(BUNDLE), str(target)], check=True)
    return target


def test_the_block_holds_the_documented_commands() -> None:
    commands = documented_commands()
    assert len(commands) == 4
    assert all(c.startswith("python -m scripts.doc_drift ") for c in commands)


@pytest.mark.parametrize("command", documented_commands())
def test_documented_command_passes(command: str, clone: Path) -> None:
    words = shlex.split(command)
    run = [sys.executable, *words[1:], "--repo", f"{SOURCE}={clone}"]
    done = subprocess.run(run, cwd=ROOT, capture_output=True, text=True, check=False, timeout=300)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    summary = done.stdout.strip().splitlines()[-1]
    if "--since" in words:
        assert re.fullmatch(r"Summary: [1-9]\d* of \d+ page revision\(s\) changed a documented fact", summary)
    else:
        assert summary.startswith("Summary: 0 failing"), summary
        assert summary.endswith("-> PASS"), summary
