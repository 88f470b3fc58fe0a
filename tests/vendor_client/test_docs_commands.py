"""Every command in docs/vendor-client-crosscheck.md is run by a test, and its call counts are current.

``python -m scripts.vendor_client`` lines run here as written (``live`` with the contract suite's variables
pointing at a mock process). ``mock --all`` and the bare ``nox -s vendor-client`` are what
``test_vendor_client.py`` runs selection by selection; this module checks that the claim holds. The other
``nox`` lines' arguments are parsed with the tool's own parser.
"""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from mock_servers.testing import MockProcess
from scripts import vendor_client
from scripts.vendor_client import DriverRun, Selection
from tests.contract.harness import clean_env, olconnect_env

ROOT = Path(__file__).resolve().parents[2]

# One worker runs them all, so the installation and the selection matrix are made once (--dist loadgroup).
pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("vendor-client")]
GUIDE = ROOT / "docs" / "vendor-client-crosscheck.md"
TOOL = "python -m scripts.vendor_client"


def _commands() -> list[str]:
    blocks = re.findall(r"```bash\n(.*?)```", GUIDE.read_text(encoding="utf-8"), flags=re.DOTALL)
    lines = [line.partition("#")[0].strip() for block in blocks for line in block.splitlines()]
    return [line for line in lines if line.startswith((TOOL, "nox "))]


def _run_as_written() -> list[str]:
    return [
        line for line in _commands() if line.startswith(TOOL) and shlex.split(line)[3:] != ["mock", "--all"]
    ]


def test_the_guide_lists_the_commands() -> None:
    commands = _commands()
    assert f"{TOOL} mock --all" in commands
    assert "nox -s vendor-client" in commands
    assert len(_run_as_written()) >= 4, commands


@pytest.mark.parametrize("line", _run_as_written())
def test_command_runs(line: str, installed: None, live_mock: MockProcess) -> None:
    words = shlex.split(line)
    env = clean_env(olconnect_env(live_mock.info, live_mock.base_url) if words[3] == "live" else {})
    completed = subprocess.run(
        [sys.executable, *words[1:]],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert completed.returncode == 0, completed.stdout + completed.stderr
    assert "DISAGREE" not in completed.stdout


def test_mock_all_and_bare_nox_are_the_selection_matrix(
    mock_runs: dict[str, tuple[Selection, DriverRun]],
) -> None:
    args = vendor_client.build_parser().parse_args(["mock", "--all"])
    assert args.all
    assert list(mock_runs) == [selection.label for selection in vendor_client.selections()]
    assert 'session.posargs or ["mock", "--all"]' in (ROOT / "noxfile.py").read_text(encoding="utf-8")


@pytest.mark.parametrize("line", [line for line in _commands() if line.startswith("nox ")])
def test_nox_lines_parse(line: str) -> None:
    words = shlex.split(line)
    assert words[:3] == ["nox", "-s", "vendor-client"]
    posargs = words[words.index("--") + 1 :] if "--" in words else ["mock", "--all"]
    vendor_client.build_parser().parse_args(posargs)  # exits 2 on a bad line


def test_the_counts_in_the_guide_are_current(mock_runs: dict[str, tuple[Selection, DriverRun]]) -> None:
    text = GUIDE.read_text(encoding="utf-8")
    row = re.search(r"\| mock, each of the (\d+) selections .*?\| (\d+) \| (\d+) \|", text)
    assert row is not None
    assert int(row.group(1)) == len(mock_runs)
    assert {run.report["calls"] for _, run in mock_runs.values()} == {int(row.group(2))}
    assert all(f"`{label.removeprefix('profile ')}`" in row.group(0) for label in mock_runs)
