"""The `constraints` spec check: every constraint on what a server may send or accept has a source.

Each test breaks one thing (a constraint no page states, a material one recorded without an alternative, a
register entry that matches nothing or names an unknown source) and expects the check to name it; the real
specs must pass with no material constraint recorded without an alternative, and the count line must say so.
The constraint listing itself is tested in-process: it is a pure function of the document.
"""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

import yaml

from spec_checks.constraints import Decisions, list_constraints
from spec_checks.document import load_spec

from .test_check_specs import (
    AVEPOINT,
    OLCONNECT,
    ROOT,
    assert_reported,
    damaged_copy,
    run_check,
)

REGISTER = ROOT / "spec" / "constraints.yaml"
COUNT_PREFIX = "constraints: "


def _count_line(result: subprocess.CompletedProcess[str]) -> str:
    """The constraint count at the end of the OK line."""
    counts = [
        line[line.index(COUNT_PREFIX) :]
        for line in (result.stdout + result.stderr).splitlines()
        if COUNT_PREFIX in line
    ]
    assert len(counts) == 1, result.stdout + result.stderr
    return counts[0]


def test_real_specs_have_no_constraint_without_a_source() -> None:
    result = run_check("--skip-lint")
    assert result.returncode == 0, result.stdout + result.stderr
    line = _count_line(result)
    assert result.stdout.splitlines()[-1].startswith("OK: ")
    assert result.stdout.splitlines()[-1].endswith(line)  # the count closes the OK summary
    assert "of which material 0," in line
    assert line.endswith("without a source 0)")


def test_listing_names_every_constraint_with_its_source() -> None:
    result = run_check("--skip-lint", "--list-constraints")
    assert result.returncode == 0, result.stdout + result.stderr
    listed = [
        line for line in result.stdout.splitlines() if ": constraint" not in line and line.startswith("spec/")
    ]
    documents = [load_spec(OLCONNECT), load_spec(AVEPOINT)]
    assert len(listed) == sum(len(list_constraints(document)) for document in documents)
    assert (
        "spec/avepoint.yaml: /components/parameters/PageSizeQuery: unbounded: alternative AVE-09"
        in "\n".join(listed)
    )
    assert all(
        line.split(": ", 3)[3].split(" ", 1)[0] in {"page", "alternative", "recorded"} for line in listed
    )


def test_a_constraint_no_page_states_fails(tmp_path: Path) -> None:
    def add_min_length(spec: dict[str, Any]) -> None:
        spec["components"]["schemas"]["Job"]["properties"]["jobId"]["minLength"] = 1

    copy = damaged_copy(tmp_path, AVEPOINT, add_min_length)
    result = run_check(copy, "--skip-lint")
    lines = assert_reported(result, copy, "/components/schemas/Job/properties/jobId", "constraint-source")
    assert "minLength" in lines[0]


def test_a_json_only_403_fails(tmp_path: Path) -> None:
    """The issue's first material case: a 403 that must carry an application/json JSON Error."""

    def json_only(spec: dict[str, Any]) -> None:
        forbidden = spec["components"]["responses"]["Forbidden"]
        del forbidden["x-body-optional"]
        del forbidden["content"]["*/*"]

    copy = damaged_copy(tmp_path, OLCONNECT, json_only)
    result = run_check(copy, "--skip-lint")
    lines = assert_reported(result, copy, "/components/responses/Forbidden", "constraint-source")
    assert {line.split(": ")[3].split(" ")[0] for line in lines} == {"body", "content-type"}


def test_a_page_bound_without_its_variant_fails(tmp_path: Path) -> None:
    """A register entry that records a material constraint without naming the variant playing it fails."""
    register = yaml.safe_load(REGISTER.read_text(encoding="utf-8"))
    for entry in register["avepoint.yaml"]:
        if entry["match"].startswith("/components/parameters/Page"):
            del entry["variant"]
    target = tmp_path / "constraints.yaml"
    target.write_text(yaml.safe_dump(register, sort_keys=False), encoding="utf-8")
    result = run_check(AVEPOINT, "--skip-lint", "--constraints", target)
    lines = assert_reported(
        result, Path("spec/avepoint.yaml"), "/components/parameters/PageSizeQuery", "constraint-source"
    )
    assert "AVE-09 records it without an alternative" in lines[0]
    listing = run_check(AVEPOINT, "--skip-lint", "--constraints", target, "--list-constraints").stdout
    assert "/components/parameters/PageSizeQuery: unbounded: recorded AVE-09" in listing


def test_register_entries_must_match_and_name_real_sources(tmp_path: Path) -> None:
    register = yaml.safe_load(REGISTER.read_text(encoding="utf-8"))
    register["avepoint.yaml"] += [
        {"match": "/components/schemas/NoSuchSchema *", "page": "avepoint-gws-backup-retrieve-jobs.md"},
        {"match": "/components/schemas/Job *", "page": "a-page-nobody-wrote.md"},
        {"match": "/components/schemas/Job *", "decision": "AVE-99"},
        {"match": "/components/schemas/Job *", "decision": "AVE-09", "variant": "ave.next-link"},
    ]
    target = tmp_path / "constraints.yaml"
    target.write_text(yaml.safe_dump(register, sort_keys=False), encoding="utf-8")
    result = run_check(AVEPOINT, "--skip-lint", "--constraints", target)
    lines = [line for line in result.stdout.splitlines() if ": constraint-register: " in line]
    assert result.returncode == 1
    text = "\n".join(lines)
    assert "matches no constraint" in text
    assert "is not a transcribed vendor page" in text
    assert "'AVE-99' has no entry" in text
    assert "'ave.next-link' is not a documented variant of AVE-09" in text


def test_decisions_reader_sees_alternatives_and_variant_rows() -> None:
    decisions = Decisions.read(ROOT / "spec" / "DECISIONS.md")
    assert decisions.plays("AVE-09", "ave.page-bounds")
    assert decisions.plays("OLC-02", "olc.error-body")
    assert not decisions.plays("AVE-11", "ave.page-bounds")
    assert "AVE-11" in decisions.known


def test_missing_register_gives_one_line_and_exit_2(tmp_path: Path) -> None:
    result = run_check(AVEPOINT, "--skip-lint", "--constraints", tmp_path / "none.yaml")
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1
    assert "constraint register" in result.stderr


def test_what_no_transcribed_page_shows_carries_x_addition() -> None:
    """Issue 20: the operations and values taken from pages other than the transcribed ones are marked."""
    olconnect, avepoint = load_spec(OLCONNECT), load_spec(AVEPOINT)
    paths = olconnect["paths"]
    for path, method in [
        ("/rest/serverengine/authentication/login", "post"),
        ("/rest/serverengine/authentication", "get"),
        ("/rest/serverengine/authentication/version", "get"),
    ]:
        assert str(paths[path][method].get("x-addition", "")).strip(), f"{method} {path}"
    assert str(avepoint["paths"]["/connect/token"]["post"].get("x-addition", "")).strip()
    components = avepoint["components"]
    assert "256, 512, 8192, 16384 and 32768" in components["schemas"]["AppType"]["x-addition"]
    for name in ("Unauthorized", "Forbidden"):
        assert str(components["responses"][name].get("x-addition", "")).strip(), name
