"""Doc drift end to end: the shared pages pass; each one-change fixture page is reported as it should be."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

from scripts.doc_drift import analyse, run
from scripts.doc_drift.model import Finding

from .conftest import FIXTURES, ROOT, tool

SPEC_DIR = ROOT / "spec"
CASES: dict[str, dict[str, Any]] = yaml.safe_load((FIXTURES / "drift_mutations.yaml").read_text())["cases"]


def _keys(findings: list[Finding]) -> set[tuple[str, str, str]]:
    return {(f.operation, f.kind, f.subject) for f in findings}


def _apply(case: dict[str, Any], docs: Path) -> None:
    page = docs / case["page"]
    text = page.read_text(encoding="utf-8")
    if "append" in case:
        text += case["append"]
    else:
        assert text.count(case["find"]) == 1, f"fixture anchor {case['find']!r} not found once in {page.name}"
        if case.get("drop_line"):
            text = "".join(line for line in text.splitlines(keepends=True) if case["find"] not in line)
        else:
            text = text.replace(case["find"], case["replace"])
    page.write_text(text, encoding="utf-8")


def test_shared_pages_pass_with_a_short_report(shared_docs: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run([str(shared_docs)]) == 0
    out = capsys.readouterr().out
    lines = out.strip().splitlines()
    assert len(lines) == 2, out  # the header and one summary line: nothing needs action
    assert lines[-1].startswith("Summary: 0 failing, ")
    assert "only in spec (--verbose lists them)" in lines[-1]
    assert lines[-1].endswith("-> PASS")


def test_verbose_report_shows_allowlisted_slips_and_spec_only_items(
    shared_docs: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run([str(shared_docs), "--verbose"]) == 0
    out = capsys.readouterr().out
    # Every known doc slip is visible in the report, explained by its decision — not silently normalised.
    assert "ok (OLC-15)" in out
    assert "path-parameter-renamed: {jobSetID}" in out
    assert "status-only-in-spec: 404" in out
    assert "-> PASS" in out


def test_unchanged_copy_has_no_failing_finding(docs_copy: Path) -> None:
    outcome = analyse(docs_copy, SPEC_DIR)
    assert outcome.ok
    assert outcome.failing == []
    assert outcome.stale == []
    assert outcome.record_used
    assert sum(len(p.operations) for p in outcome.pages) == 11


@pytest.mark.parametrize("name", sorted(CASES))
def test_one_change_is_reported(name: str, docs_copy: Path, shared_docs: Path) -> None:
    case = CASES[name]
    baseline = analyse(shared_docs, SPEC_DIR)
    _apply(case, docs_copy)
    outcome = analyse(docs_copy, SPEC_DIR)
    expected = {tuple(item) for item in case["expect"]}
    new = _keys(outcome.findings) - _keys(baseline.findings)
    assert expected <= new, f"{name}: expected {expected}, new findings {new}"
    assert outcome.broken_pages == []
    if case["fails"]:
        # Exactly the change fails the run: nothing else became a failure.
        assert _keys(outcome.failing) == expected
        assert not outcome.ok
        for finding in outcome.failing:  # each names the element and both values
            assert finding.spec_value, finding
            assert finding.page_value, finding
    else:
        assert outcome.ok
        assert outcome.failing == []


@pytest.mark.parametrize("name", sorted(n for n, c in CASES.items() if c["fails"]))
def test_one_change_fails_the_cli_with_one_line_naming_it(
    name: str, docs_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    case = CASES[name]
    _apply(case, docs_copy)
    assert run([str(docs_copy)]) == 1
    lines = capsys.readouterr().out.strip().splitlines()
    failing = [line for line in lines if line.startswith("FAIL ")]
    assert len(failing) == len(case["expect"]), lines
    for operation, kind, subject in case["expect"]:
        assert any(f"FAIL {operation} | {kind} | {subject} (spec: " in line for line in failing), lines
    assert lines[-1].endswith("-> FAIL; --verbose explains each finding")


def test_unparseable_page_is_named_and_fails(docs_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    broken = docs_copy / "olconnect-broken-page.md"
    broken.write_text(
        "### ++Some Service++\n\n#### ++Get Something++\n\nReturns something.\n\n"
        "| Method Type | Content Type | Additional Headers |\n| --- | --- | --- |\n| GET | - | - |\n\n"
        "#### Path parameters\n\n**id** - an identifier. number\n",
        encoding="utf-8",
    )
    notes = docs_copy / "notes.md"
    notes.write_text("# Release notes\n\nNothing about endpoints here.\n", encoding="utf-8")
    assert run([str(docs_copy), "--verbose"]) == 1
    out = capsys.readouterr().out
    assert "Pages that could not be parsed" in out
    assert "olconnect-broken-page.md: operation 'Get Something': no URI section" in out
    assert "notes.md: layout not recognised" in out


def test_unreadable_structure_sketch_is_a_parse_error(docs_copy: Path) -> None:
    page = docs_copy / "olconnect-statistics-service.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace('"counts": {', '"counts": {{ @', 1), encoding="utf-8")
    outcome = analyse(docs_copy, SPEC_DIR)
    broken = {p.page: p.error for p in outcome.broken_pages}
    assert "olconnect-statistics-service.md" in broken
    assert "Response JSON" in str(broken["olconnect-statistics-service.md"])
    assert not outcome.ok


def test_stale_allowlist_entry_is_reported_and_fails(
    shared_docs: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    allowlist = tmp_path / "allow.yaml"
    entries = yaml.safe_load((SPEC_DIR / "doc-drift-allowlist.yaml").read_text())["entries"]
    entries.append(
        {
            "operation": "GET /backup/google/admin/jobs",
            "finding": "parameter-missing",
            "subject": "query:noSuchParameter",
            "reason": "AVE-01: kept after the vendor dropped the parameter",
        }
    )
    allowlist.write_text(yaml.safe_dump({"entries": entries}), encoding="utf-8")
    assert run([str(shared_docs), "--allowlist", str(allowlist), "--verbose"]) == 1
    out = capsys.readouterr().out
    assert "Stale allowlist entries" in out
    assert "GET /backup/google/admin/jobs | parameter-missing | query:noSuchParameter  (AVE-01)" in out
    assert "0 failing" in out


def test_allowlist_entry_must_cite_a_known_decision(shared_docs: Path, tmp_path: Path) -> None:
    allowlist = tmp_path / "allow.yaml"
    entry = {
        "operation": "GET /x",
        "finding": "status-missing",
        "subject": "404",
        "reason": "ZZZ-99: invented",
    }

    allowlist.write_text(yaml.safe_dump({"entries": [entry]}), encoding="utf-8")
    result = subprocess.run(
        [*tool("doc_drift"), str(shared_docs), "--allowlist", str(allowlist)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    assert "ZZZ-99" in result.stderr
    assert "Traceback" not in result.stderr


def test_allowlisted_difference_fails_without_its_entry(shared_docs: Path, tmp_path: Path) -> None:
    allowlist = tmp_path / "allow.yaml"
    entries = yaml.safe_load((SPEC_DIR / "doc-drift-allowlist.yaml").read_text())["entries"]
    kept = [e for e in entries if e["finding"] != "path-parameter-renamed"]
    assert len(kept) == len(entries) - 1
    allowlist.write_text(yaml.safe_dump({"entries": kept}), encoding="utf-8")
    outcome = analyse(shared_docs, SPEC_DIR, allowlist)
    assert _keys(outcome.failing) == {
        ("GET /rest/serverengine/statistics/jobset/{jobSetID}", "path-parameter-renamed", "{jobSetID}")
    }


def test_json_format_carries_the_failing_finding(docs_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _apply(CASES["olconnect-renamed-path-parameter"], docs_copy)
    assert run([str(docs_copy), "--format", "json"]) == 1
    payload = json.loads(capsys.readouterr().out)
    assert payload["ok"] is False
    failing = [(f["operation"], f["kind"], f["subject"]) for f in payload["findings"] if f["fails"]]
    assert failing == [
        ("GET /rest/serverengine/entity/jobs/{jobKey}/contents", "path-parameter-renamed", "{jobKey}")
    ]
    assert payload["unparseable_pages"] == []
    assert payload["summary"].endswith("-> FAIL")
    assert failing_values(payload) == [("{jobId}", "{jobKey}")]


def failing_values(payload: dict[str, Any]) -> list[tuple[str, str]]:
    return [(f["spec_value"], f["page_value"]) for f in payload["findings"] if f["fails"]]


def _mark_and_widen(node: Any) -> None:
    """What the spec branch's edits look like: `x-addition` beside each decision, extension keys among the
    responses, and one more admitted status and media type everywhere."""
    if isinstance(node, dict):
        if "x-decision" in node:
            node["x-addition"] = node["x-decision"]
        if isinstance(node.get("content"), dict) and node["content"]:
            node["content"].setdefault("text/plain", {"schema": {"type": "string"}})
        for value in list(node.values()):
            _mark_and_widen(value)
        if isinstance(node.get("responses"), dict):
            node["responses"]["x-note"] = "extension keys are not statuses"
            node["responses"].setdefault("409", {"description": "an admitted alternative"})
    elif isinstance(node, list):
        for value in node:
            _mark_and_widen(value)


def test_spec_extensions_and_admitted_alternatives_cause_no_drift(docs_copy: Path, tmp_path: Path) -> None:
    spec_dir = tmp_path / "spec"
    shutil.copytree(SPEC_DIR, spec_dir)
    for name in ("olconnect.yaml", "avepoint.yaml"):
        document = yaml.safe_load((spec_dir / name).read_text(encoding="utf-8"))
        _mark_and_widen(document)
        (spec_dir / name).write_text(yaml.safe_dump(document, sort_keys=False), encoding="utf-8")
    outcome = analyse(docs_copy, spec_dir)
    assert outcome.failing == []
    assert not any(f.subject.startswith("x-") for f in outcome.findings)
    assert any(f.kind == "status-only-in-spec" and f.subject == "409" for f in outcome.findings)


def test_without_a_page_record_removals_are_only_notes(docs_copy: Path, tmp_path: Path) -> None:
    spec_dir = tmp_path / "spec"
    shutil.copytree(SPEC_DIR, spec_dir)
    (spec_dir / "doc-drift-pages.yaml").unlink()
    _apply(CASES["olconnect-removed-status-code"], docs_copy)
    outcome = analyse(docs_copy, spec_dir)
    assert outcome.ok
    assert not outcome.record_used


def test_record_option_rewrites_the_page_record(shared_docs: Path, tmp_path: Path) -> None:
    spec_dir = tmp_path / "spec"
    shutil.copytree(SPEC_DIR, spec_dir)
    record = spec_dir / "doc-drift-pages.yaml"
    kept = record.read_text(encoding="utf-8")
    record.write_text("operations: {}\n", encoding="utf-8")
    # The committed record also holds the pages pinned in the vendor bundle, so the rewrite reads them too.
    sources = ["--sources", str(spec_dir / "doc-drift-sources.yaml")]
    assert run([str(shared_docs), "--spec-dir", str(spec_dir), *sources, "--record"]) == 0
    assert record.read_text(encoding="utf-8") == kept  # the committed record is what the shared pages give
