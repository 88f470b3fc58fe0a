"""Proposals: each additive page change becomes a patch that round-trips; other changes are never patched.

Every test works on copies: the shared vendor pages with one fixture change (tests/doc_drift/fixtures/
drift_mutations.yaml) and a copy of the repository's spec/ in a temp folder. Nothing here depends on today's
spec text; the expectations are the page changes and what the tools must do with them.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import time
from pathlib import Path
from typing import Any

import pytest
import yaml

from scripts.doc_drift import analyse, run
from scripts.doc_update import check_specs_in_review

from .conftest import ROOT, tool
from .test_cases import CASES, _apply

SPEC_DIR = ROOT / "spec"
ADDITIONS = sorted(name for name, case in CASES.items() if case.get("addition"))
FOR_A_PERSON = sorted(name for name, case in CASES.items() if case["fails"] and not case.get("addition"))


def _spec_copy(tmp_path: Path) -> Path:
    target = tmp_path / "work" / "spec"
    shutil.copytree(SPEC_DIR, target)
    return target


def _inserted_sentences(case: dict[str, Any]) -> list[str]:
    """The vendor-style sentences a fixture adds (six words or more); a proposal must not copy them."""
    text = re.sub(r"[*_|#`<>]", " ", str(case.get("append") or case.get("replace") or ""))
    return [s.strip() for s in re.split(r"[.\n]", text) if len(s.split()) >= 6]


def _git_apply(patch: Path, cwd: Path) -> None:
    result = subprocess.run(
        ["git", "apply", str(patch)], cwd=cwd, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr


def _propose(case: dict[str, Any], docs: Path, tmp_path: Path) -> tuple[Path, Path]:
    """Apply one fixture change to the pages and run --propose against a spec copy (exit 1: drift)."""
    _apply(case, docs)
    spec_dir = _spec_copy(tmp_path)
    patch = tmp_path / "p.diff"
    assert run([str(docs), "--spec-dir", str(spec_dir), "--propose", str(patch)]) == 1
    return spec_dir, patch


def test_unchanged_pages_propose_nothing(shared_docs: Path, tmp_path: Path) -> None:
    spec_dir = _spec_copy(tmp_path)
    patch = tmp_path / "p.diff"
    assert run([str(shared_docs), "--spec-dir", str(spec_dir), "--propose", str(patch)]) == 0
    assert not patch.exists()


@pytest.mark.parametrize("name", ADDITIONS)
def test_addition_round_trips(
    name: str, docs_copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    case = CASES[name]
    spec_dir, patch = _propose(case, docs_copy, tmp_path)
    out = capsys.readouterr().out
    assert f"Proposal: {len(case['expect'])} addition(s)" in out
    assert "For a person" not in out
    text = patch.read_text(encoding="utf-8")
    # Minimal: only added lines, apart from a flow-style enum or a decision ID the TODO replaces.
    removed = [line for line in text.splitlines() if line.startswith("-") and not line.startswith("---")]
    assert all(re.search(r"enum|x-decision", line) for line in removed), removed
    assert re.search(r"^\+\s*x-decision: TODO-\d{6}", text, flags=re.M)
    for sentence in _inserted_sentences(case):
        assert sentence not in text, f"the proposal copies the page: {sentence!r}"
    _git_apply(patch, spec_dir.parent)
    pending = check_specs_in_review(spec_dir.parent, lint=False)
    assert pending, "the proposal must leave its TODO decisions for review"
    assert all("TODO-" in line for line in pending)
    after = analyse(docs_copy, spec_dir)
    assert after.failing == [], [(f.kind, f.subject) for f in after.failing]


def test_named_structures_reuse_the_spec_components(docs_copy: Path, tmp_path: Path) -> None:
    """A new status whose page row says "JSON Error" references the component the spec calls JSON Error."""
    case = CASES["olconnect-new-status-code"]
    _apply(case, docs_copy)
    spec_dir = _spec_copy(tmp_path)
    patch = tmp_path / "p.diff"
    run([str(docs_copy), "--spec-dir", str(spec_dir), "--propose", str(patch)])
    _git_apply(patch, spec_dir.parent)
    document = yaml.safe_load((spec_dir / "olconnect.yaml").read_text(encoding="utf-8"))
    operation = document["paths"]["/rest/serverengine/statistics/jobset/{jobSetId}"]["get"]
    response = operation["responses"]["429"]
    assert response["x-decision"].startswith("TODO-")
    media = response["content"]["application/json"]
    ref = media["schema"]["$ref"]
    component = document["components"]["schemas"][ref.rsplit("/", 1)[1]]
    assert "JSON Error" in component["description"]
    assert "examples" in media or "example" in media
    assert "Retry-After" in response["headers"]


def test_new_operation_uses_the_named_request_structure_and_shared_errors(
    docs_copy: Path, tmp_path: Path
) -> None:
    """ "Request takes a JSON Name/Value List" -> the component of that name; a 403 with an error body -> the
    component response the neighbouring operations use; a 401 or 500 without a body stays without one."""
    spec_dir, patch = _propose(CASES["olconnect-new-operation-with-body-and-errors"], docs_copy, tmp_path)
    _git_apply(patch, spec_dir.parent)
    document = yaml.safe_load((spec_dir / "olconnect.yaml").read_text(encoding="utf-8"))
    operation = document["paths"]["/rest/serverengine/entity/jobs/{jobId}/tags"]["put"]
    assert operation["x-decision"].startswith("TODO-")
    ref = operation["requestBody"]["content"]["application/json"]["schema"]["$ref"]
    component = document["components"]["schemas"][ref.rsplit("/", 1)[1]]
    assert component["description"].startswith("JSON Name/Value List ")
    assert operation["responses"]["403"]["$ref"].startswith("#/components/responses/")
    for status in ("401", "500"):
        assert "content" not in operation["responses"][status]
    assert "WWW-Authenticate" in operation["responses"]["401"]["headers"]


def test_new_request_field_round_trips_on_a_body_built_from_the_sketch(
    docs_copy: Path, tmp_path: Path
) -> None:
    """A request structure the page does not name is built from its sketch; a field the page adds to it later
    is proposed into that schema (two rounds on the same spec copy)."""
    case = dict(CASES["olconnect-new-operation-with-body-and-errors"])
    case["append"] = str(case["append"]).replace("a JSON Name/Value List as content", "a tag list as content")
    spec_dir, patch = _propose(case, docs_copy, tmp_path)
    _git_apply(patch, spec_dir.parent)
    assert analyse(docs_copy, spec_dir).failing == []
    page = docs_copy / case["page"]
    text = page.read_text(encoding="utf-8")
    page.write_text(
        text.replace("\tid: __the entity__, number", "\tid: __the entity__, number\n\tkeep: __x__ boolean")
    )
    second = tmp_path / "second.diff"
    assert run([str(docs_copy), "--spec-dir", str(spec_dir), "--propose", str(second)]) == 1
    assert "+                keep:" in second.read_text(encoding="utf-8")
    _git_apply(second, spec_dir.parent)
    assert analyse(docs_copy, spec_dir).failing == []
    document = yaml.safe_load((spec_dir / "olconnect.yaml").read_text(encoding="utf-8"))
    body = document["paths"]["/rest/serverengine/entity/jobs/{jobId}/tags"]["put"]["requestBody"]
    schema = body["content"]["application/json"]["schema"]
    assert schema["properties"]["keep"]["type"] == "boolean"
    assert schema["properties"]["keep"]["x-decision"].startswith("TODO-")


def test_proposing_twice_gives_the_same_patch(docs_copy: Path, tmp_path: Path) -> None:
    _apply(CASES["olconnect-new-operation"], docs_copy)
    spec_dir = _spec_copy(tmp_path)
    first, second = tmp_path / "1.diff", tmp_path / "2.diff"
    run([str(docs_copy), "--spec-dir", str(spec_dir), "--propose", str(first)])
    run([str(docs_copy), "--spec-dir", str(spec_dir), "--propose", str(second)])
    assert first.read_text(encoding="utf-8") == second.read_text(encoding="utf-8")


@pytest.mark.parametrize("name", FOR_A_PERSON)
def test_change_for_a_person_is_listed_never_patched(
    name: str, docs_copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    case = CASES[name]
    _, patch = _propose(case, docs_copy, tmp_path)
    out = capsys.readouterr().out
    assert not patch.exists()
    assert "Proposal: nothing to patch" in out
    for operation, kind, subject in case["expect"]:
        assert f"  {operation} | {kind} | {subject}: " in out


def _repo_copy(tmp_path: Path) -> Path:
    """A git checkout holding the tools (scripts/, spec_checks/, spec_model/: doc-update runs
    `python -m scripts.<tool>` inside it) and what generation and the spec checks read: spec/, generator/,
    overlay/, docs/, and pyproject.toml (generation takes the packages' project URLs from it)."""
    repo = tmp_path / "repo"
    repo.mkdir()
    tools = ("scripts", "spec_checks", "spec_model")
    for folder in (*tools, "spec", "generator", "overlay", "runtime", "generated", "docs"):
        shutil.copytree(ROOT / folder, repo / folder, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy2(ROOT / "pyproject.toml", repo / "pyproject.toml")
    (repo / "tools").mkdir()
    if (ROOT / "tools" / "node_modules").exists():  # Spectral, which the copy's spec checks look for here
        (repo / "tools" / "node_modules").symlink_to(ROOT / "tools" / "node_modules")
    (repo / ".gitignore").write_text("tools/\n__pycache__/\n", encoding="utf-8")
    git = ["git", "-c", "user.name=tests", "-c", "user.email=tests@example.invalid"]
    subprocess.run([*git, "init", "-q", "-b", "main"], cwd=repo, check=True)
    subprocess.run([*git, "add", "-A"], cwd=repo, check=True)
    subprocess.run([*git, "commit", "-qm", "base"], cwd=repo, check=True)
    return repo


def _doc_update(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*tool("doc_update"), *args], capture_output=True, text=True, check=False)


def test_all_additions_together_run_the_whole_loop(docs_copy: Path, tmp_path: Path) -> None:
    """One combined fixture goes through every step, Spectral and generation included, then through review."""
    for name in ADDITIONS:
        _apply(CASES[name], docs_copy)
    repo = _repo_copy(tmp_path)
    started = time.monotonic()
    result = _doc_update(str(docs_copy), "--root", str(repo), "--patch", str(tmp_path / "p.diff"))
    elapsed = time.monotonic() - started
    assert result.returncode == 0, result.stdout + result.stderr
    out = result.stdout
    assert "[6/6] spec diff against main" in out
    assert "0 finding(s) left for a person" in out
    assert re.search(r"olconnect-client: minor bump, \S+ -> \S+", out)
    assert re.search(r"avepoint-graph-client: minor bump, \S+ -> \S+", out)
    assert elapsed < 300, f"the loop took {elapsed:.0f} s"
    branch = subprocess.run(
        ["git", "branch", "--show-current"], cwd=repo, capture_output=True, text=True, check=True
    )
    assert branch.stdout.startswith("doc-update/")
    # The review step: each TODO becomes a recorded decision, and then the strict spec checks pass.
    decisions = repo / "spec" / "DECISIONS.md"
    decisions.write_text(
        decisions.read_text(encoding="utf-8")
        + "\n### OLC-99 — Reviewed doc-drift additions (test)\n"
        + "\n### AVE-99 — Reviewed doc-drift additions (test)\n",
        encoding="utf-8",
    )
    for name, decision in (("olconnect.yaml", "OLC-99"), ("avepoint.yaml", "AVE-99")):
        spec = repo / "spec" / name
        text = re.sub(r"TODO-\d{6}(  # was \S+)?", decision, spec.read_text(encoding="utf-8"))
        spec.write_text(text, encoding="utf-8")
    # ... and each new constraint gets its source in the register: the page the proposal came from.
    register = repo / "spec" / "constraints.yaml"
    register.write_text(
        register.read_text(encoding="utf-8").replace(
            "\navepoint.yaml:\n",
            '\n  - {match: "*", page: olconnect-statistics-service.md (reviewed doc-drift additions)}\n'
            "\navepoint.yaml:\n",
        )
        + '  - {match: "*", page: avepoint-gws-backup-retrieve-jobs.md (reviewed doc-drift additions)}\n',
        encoding="utf-8",
    )
    strict = subprocess.run(
        [
            *tool("check_specs"),
            str(repo / "spec" / "olconnect.yaml"),
            str(repo / "spec" / "avepoint.yaml"),
            "--decisions",
            str(decisions),
            "--constraints",
            str(register),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert strict.returncode == 0, strict.stdout + strict.stderr


def test_doc_update_without_drift_does_nothing(shared_docs: Path, tmp_path: Path) -> None:
    repo = _repo_copy(tmp_path)
    result = _doc_update(str(shared_docs), "--root", str(repo), "--skip-generate")
    assert result.returncode == 0, result.stdout
    assert "no drift" in result.stdout


def test_doc_update_stops_on_a_dirty_tree_naming_the_patch(docs_copy: Path, tmp_path: Path) -> None:
    _apply(CASES["avepoint-new-query-parameter"], docs_copy)
    repo = _repo_copy(tmp_path)
    guide = repo / "docs" / "clients.md"
    guide.write_text(guide.read_text(encoding="utf-8") + "\nAn edit not committed yet.\n", encoding="utf-8")
    patch = tmp_path / "p.diff"
    result = _doc_update(str(docs_copy), "--root", str(repo), "--patch", str(patch), "--skip-generate")
    assert result.returncode == 1
    assert f"STOPPED: the working tree has uncommitted changes: the patch is at {patch}" in result.stdout
    assert patch.exists()


def test_doc_update_outside_git_stops_with_the_patch_path(docs_copy: Path, tmp_path: Path) -> None:
    _apply(CASES["avepoint-new-query-parameter"], docs_copy)
    root = tmp_path / "plain"
    shutil.copytree(SPEC_DIR, root / "spec")
    patch = tmp_path / "p.diff"
    result = _doc_update(str(docs_copy), "--root", str(root), "--patch", str(patch))
    assert result.returncode == 1
    assert "is not a git checkout: the patch is at" in result.stdout
    assert patch.exists()


def test_doc_update_stops_when_nothing_can_be_patched(docs_copy: Path, tmp_path: Path) -> None:
    _apply(CASES["olconnect-changed-content-type"], docs_copy)
    repo = _repo_copy(tmp_path)
    result = _doc_update(str(docs_copy), "--root", str(repo), "--skip-generate")
    assert result.returncode == 1
    assert "STOPPED: doc drift found differences, but none is an addition it can patch" in result.stdout
    assert "response-content-type | 200 text/csv" in result.stdout
