"""Check 2: Spectral with the project ruleset (`spec/.spectral.yaml`), its JSON report turned into problems.

Spectral runs once for all files (it starts a Node process, which costs a few seconds). Its report goes to a
temporary file rather than stdout, because Spectral also prints a human summary on stdout. Errors and warnings
are problems; info and hint findings are advice and are not reported.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Any

from .problems import Problem, pointer_from_path

_SEVERITY_NAMES = {0: "error", 1: "warning"}


class LintUnavailableError(Exception):
    """Spectral cannot be run at all (not installed, or it failed before linting); a one-line reason."""


def find_spectral(root: Path) -> Path:
    """The project's pinned Spectral (tools/node_modules), else one on PATH."""
    pinned = root / "tools" / "node_modules" / ".bin" / "spectral"
    if pinned.exists():
        return pinned
    found = shutil.which("spectral")
    if found is None:
        raise LintUnavailableError(
            "Spectral is not installed: run `npm ci --prefix tools` (or use --skip-lint to skip this check)"
        )
    return Path(found)


def run_spectral(
    spectral: Path, ruleset: Path, files: dict[Path, str], timeout: float = 180
) -> list[Problem]:
    """Lint `files` (resolved path -> name to report); return Spectral's errors and warnings as problems."""
    if not ruleset.exists():
        raise LintUnavailableError(f"Spectral ruleset not found: {ruleset}")
    with tempfile.TemporaryDirectory(prefix="spectral-") as scratch:
        report = Path(scratch) / "report.json"
        command = [
            str(spectral),
            "lint",
            "--ruleset",
            str(ruleset),
            "--format",
            "json",
            "--output",
            str(report),
            "--fail-severity",
            "error",
            *(str(path) for path in files),
        ]
        try:
            completed = subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=False)
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise LintUnavailableError(f"Spectral could not run: {exc}") from None
        if not report.exists():
            detail = (completed.stderr or completed.stdout).strip().splitlines()
            reason = detail[0] if detail else f"exit code {completed.returncode}"
            raise LintUnavailableError(f"Spectral produced no report: {reason}")
        try:
            results = json.loads(report.read_text(encoding="utf-8") or "[]")
        except json.JSONDecodeError as exc:
            raise LintUnavailableError(f"Spectral's report is not JSON: {exc}") from None
    return _to_problems(results, files)


def _to_problems(results: Any, files: dict[Path, str]) -> list[Problem]:
    if not isinstance(results, list):
        raise LintUnavailableError("Spectral's report is not a list of results")
    problems = []
    for result in results:
        severity = result.get("severity")
        if severity not in _SEVERITY_NAMES:
            continue
        source = result.get("source")
        name = files.get(Path(source).resolve(), source) if isinstance(source, str) else "?"
        where = pointer_from_path(result.get("path") or [])
        line = (result.get("range") or {}).get("start", {}).get("line")
        at_line = f" (line {line + 1})" if isinstance(line, int) else ""
        message = f"{result.get('message', '')} [{_SEVERITY_NAMES[severity]}{at_line}]"
        problems.append(Problem(str(name), where, str(result.get("code", "spectral")), message))
    return problems
