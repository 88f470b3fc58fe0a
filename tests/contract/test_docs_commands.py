"""Every command in docs/contract-suite.md is run by a test.

The ``python -m contract_tests`` lines of the guide's bash blocks run here as written (reports go to a
temporary folder), and must exit 0, or the code their comment promises ("exits 2"). Two kinds of line
are covered elsewhere, and this module checks that the claim holds: the bare ``python -m contract_tests``
(and ``nox -s contract``) is CI's main job and the ``project`` profile run of ``test_variants.py``; the
``nox`` lines' arguments are parsed here with the suite's own parser (the full profile takes minutes).
"""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from contract_tests.__main__ import pytest_arguments

from .harness import ROOT, clean_env

GUIDE = ROOT / "docs" / "contract-suite.md"
FRONT_DOOR = "python -m contract_tests"


def _commands() -> list[str]:
    blocks = re.findall(r"```bash\n(.*?)```", GUIDE.read_text(encoding="utf-8"), flags=re.DOTALL)
    lines = [line.strip() for block in blocks for line in block.splitlines()]
    return [line for line in lines if line.startswith((FRONT_DOOR, "nox "))]


def _split(line: str) -> tuple[list[str], int]:
    """The command's arguments without the comment, and the exit code the comment promises."""
    command, _, comment = line.partition("#")
    promised = re.search(r"exits (\d)", comment)
    return shlex.split(command), int(promised.group(1)) if promised else 0


def _suite_lines() -> list[str]:
    return [line for line in _commands() if line.startswith(FRONT_DOOR) and _split(line)[0][3:]]


def test_the_guide_has_commands_and_the_bare_run_is_covered() -> None:
    commands = _commands()
    assert len(_suite_lines()) >= 5, commands
    assert any(_split(line)[0] == ["python", "-m", "contract_tests"] for line in commands)
    matrix = (Path(__file__).parent / "test_variants.py").read_text(encoding="utf-8")
    assert '"--mock-profile", profile' in matrix, "the profile matrix no longer runs the bare suite"


@pytest.mark.parametrize("line", [line for line in _commands() if line.startswith("nox ")])
def test_nox_lines_parse(line: str) -> None:
    words, _ = _split(line)
    assert words[:3] == ["nox", "-s", "contract"] or words[:2] == ["nox", "-s"]
    posargs = words[words.index("--") + 1 :] if "--" in words else []
    if words[2] == "contract":
        pytest_arguments(posargs, env={})  # raises SelectionError on a bad selection


@pytest.mark.slow
@pytest.mark.parametrize("line", _suite_lines())
def test_suite_command_runs_as_documented(line: str, tmp_path: Path) -> None:
    words, promised = _split(line)
    args = ["--reports", str(tmp_path), *words[3:]]
    completed = subprocess.run(
        [sys.executable, "-m", "contract_tests", *args],
        cwd=ROOT,
        env=clean_env({}),
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    output = completed.stdout + completed.stderr
    assert completed.returncode == promised, f"{line}\nexit {completed.returncode}:\n{output[-3000:]}"
    assert "Traceback" not in output
