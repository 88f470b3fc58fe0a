"""docs/doc-update-workflow.md: the walkthrough's commands still print what the document shows.

The commands run in a sandbox checkout on the same page change (tests/doc_drift/walkthrough.py); outputs are
compared line by line, with only the sandbox path and the figures that follow the spec rather than the page
change (versions, counts of spec-only items) normalised.
"""

from __future__ import annotations

from pathlib import Path

from .walkthrough import DOC, comparable, make_sandbox, page_cases, run_document


def test_walkthrough_output_matches_the_document(shared_docs: Path, tmp_path: Path) -> None:
    text = DOC.read_text(encoding="utf-8")
    box = make_sandbox(tmp_path, page_cases(text))
    results = run_document(text, box)
    assert len(results) >= 9, "the walkthrough lost its commands"
    for command, output in results:
        assert comparable(command.command, output) == comparable(command.command, command.shown), (
            f"`{command.command}` now prints:\n{output}"
        )
    # The round ends where a release starts: the spec passes the strict checks and names its new version.
    spec = (box / "spec" / "avepoint.yaml").read_text(encoding="utf-8")
    assert "TODO-" not in spec
    assert "AVE-19" in spec


def test_walkthrough_commands_are_the_documented_ones() -> None:
    text = DOC.read_text(encoding="utf-8")
    for command in ("python -m scripts.doc_drift pages --propose", "python -m scripts.doc_update pages"):
        assert f"$ {command}" in text
