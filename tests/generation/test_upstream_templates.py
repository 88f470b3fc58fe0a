"""The record of upstream templates we override (generator/upstream-templates.json) is complete and current.

A generator upgrade that changes a stock template one of ours shadows must fail here, naming the template,
its kind of override and the installed version, so the upgrade shows exactly what needs a look.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .upstream_templates import (
    KINDS,
    ROOT,
    TEMPLATES,
    distance,
    load_records,
    overrides,
    upgrade_report,
    upstream_dir,
)


def test_every_override_is_recorded_with_its_kind() -> None:
    records = load_records()
    assert sorted(records["templates"]) == overrides()
    assert {record["kind"] for record in records["templates"].values()} <= set(KINDS)
    assert all(record["why"].strip() for record in records["templates"].values())


def test_the_installed_upstream_templates_are_the_recorded_ones() -> None:
    assert upgrade_report(load_records()) == ""


def test_a_changed_upstream_template_is_named_with_the_version(tmp_path: Path) -> None:
    upstream = tmp_path / "templates"
    shutil.copytree(upstream_dir(), upstream)
    (upstream / "model.py.jinja").write_text("changed upstream\n", encoding="utf-8")
    (upstream / "property_templates" / "union_property.py.jinja").unlink()
    report = upgrade_report(load_records(), upstream, installed="9.9.9")
    assert "openapi-python-client 9.9.9 (records written against 0.29.1)" in report
    assert "model.py.jinja (fork), property_templates/union_property.py.jinja (macros)." in report
    assert "str_enum.py.jinja" not in report


@pytest.mark.parametrize(
    "name", [name for name, record in load_records()["templates"].items() if record["kind"] == "macros"]
)
def test_macro_overrides_reuse_the_stock_macros(name: str) -> None:
    """A macro override imports the stock file and re-exports every stock macro it does not redefine."""
    ours = (TEMPLATES / name).read_text(encoding="utf-8")
    assert f'{{% import "upstream/{name}" as stock %}}' in ours
    stock_macros = set(re.findall(r"{% macro (\w+)\(", (upstream_dir() / name).read_text(encoding="utf-8")))
    ours_macros = set(re.findall(r"{% macro (\w+)\(", ours))
    reexported = set(re.findall(r"{% set (\w+) = stock\.\1 %}", ours))
    public = {macro for macro in stock_macros if not macro.startswith("_")}
    assert public <= ours_macros | reexported, (
        f"{name} drops stock macros {public - ours_macros - reexported}"
    )
    assert len(ours.splitlines()) < len((upstream_dir() / name).read_text(encoding="utf-8").splitlines()) + 50


def test_thin_templates_hold_no_plain_python_fork() -> None:
    """client.py, types.py and errors.py re-export the runtime: none copies a line of the stock template."""
    for name in ("client.py.jinja", "types.py.jinja", "errors.py.jinja"):
        assert distance(name).copied == 0, name
        assert "from ._runtime." in (TEMPLATES / name).read_text(encoding="utf-8")


def test_the_distance_script_runs_as_documented() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "tests.generation.upstream_templates"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "openapi-python-client 0.29.1" in result.stdout
    rows = {line.split()[0]: line.split()[1:] for line in result.stdout.splitlines()[2:]}
    assert set(rows) == {*overrides(), "all"}
    assert int(rows["str_enum.py.jinja"][2]) <= 4  # only the base class differs


def test_update_rewrites_the_hashes_of_a_record_file(tmp_path: Path) -> None:
    records = tmp_path / "records.json"
    stale = load_records()
    stale["version"] = "0.0.1"
    stale["templates"]["model.py.jinja"]["upstream_sha256"] = "0" * 64
    records.write_text(json.dumps(stale), encoding="utf-8")
    command = [
        sys.executable,
        "-m",
        "tests.generation.upstream_templates",
        "--update",
        "--records",
        str(records),
    ]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert load_records(records) == load_records()
