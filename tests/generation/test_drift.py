"""`generate.py --check`: passes on the committed tree, and names every drifted, missing or extra file."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import PACKAGES, ROOT
from .workspace import copy_project, run_generate, snapshot


@pytest.mark.slow
def test_committed_tree_has_no_drift() -> None:
    result = run_generate(ROOT, "--check")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "up to date" in result.stdout


@pytest.mark.slow
def test_regeneration_is_deterministic(tmp_path: Path) -> None:
    """A write-mode run reproduces the committed files (made by an earlier run) byte for byte."""
    root = copy_project(tmp_path)
    result = run_generate(root)
    assert result.returncode == 0, result.stderr
    assert snapshot(root / "generated") == snapshot(ROOT / "generated")


@pytest.mark.slow
def test_hand_edits_are_reported_by_name(tmp_path: Path) -> None:
    root = copy_project(tmp_path)
    olconnect, avepoint = (root / "generated" / package.dist_name for package in PACKAGES)
    edited = olconnect / "olconnect_client" / "client.py"
    edited.write_text(edited.read_text(encoding="utf-8") + "\n# a quick local fix\n", encoding="utf-8")
    (avepoint / "avepoint_graph_client" / "types.py").unlink()
    (avepoint / "avepoint_graph_client" / "helpers.py").write_text("X = 1\n", encoding="utf-8")
    before = snapshot(root / "generated")

    result = run_generate(root, "--check")

    assert result.returncode == 1
    report = result.stdout
    assert "drifted: generated/olconnect-client/olconnect_client/client.py" in report
    assert "missing: generated/avepoint-graph-client/avepoint_graph_client/types.py" in report
    assert "extra:   generated/avepoint-graph-client/avepoint_graph_client/helpers.py" in report
    listed = [
        line for line in report.splitlines() if line.strip().startswith(("drifted:", "missing:", "extra:"))
    ]
    assert len(listed) == 3, report
    assert snapshot(root / "generated") == before, "--check must not write"


@pytest.mark.slow
def test_spec_change_without_regeneration_is_drift(tmp_path: Path) -> None:
    root = copy_project(tmp_path)
    spec = root / "spec" / "avepoint.yaml"
    spec.write_text(spec.read_text(encoding="utf-8") + "\n# a comment changes the recorded spec hash\n")

    result = run_generate(root, "--check", "--api", "avepoint")

    assert result.returncode == 1
    assert "drifted: generated/avepoint-graph-client/avepoint_graph_client/_spec_info.py" in result.stdout


@pytest.mark.slow
def test_guide_change_without_regeneration_is_drift_in_that_readme_only(tmp_path: Path) -> None:
    """docs/clients.md feeds the READMEs: an edit in an AvePoint-only region drifts only that README."""
    root = copy_project(tmp_path)
    guide = root / "docs" / "clients.md"
    text = guide.read_text(encoding="utf-8")
    paging = "<!-- readme: avepoint_graph_client -->\n## Paging (AvePoint)\n"
    assert paging in text
    guide.write_text(text.replace(paging, paging + "\nA sentence added to the guide.\n"), encoding="utf-8")

    result = run_generate(root, "--check")

    assert result.returncode == 1
    listed = [line.strip() for line in result.stdout.splitlines() if line.strip().startswith("drifted:")]
    assert listed == ["drifted: generated/avepoint-graph-client/README.md"], result.stdout
