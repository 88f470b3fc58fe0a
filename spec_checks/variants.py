"""DECISIONS.md's "Documented variants" table says exactly what ``spec/variants.yaml`` declares.

The table is what a reader of the decisions sees; the file is what the mocks play and the contract suite
names. A row copied by hand drifts (a value added to the file but not the table, a renamed variant left
behind), so this check compares them cell by cell: the same variant names, each row's entries equal to the
variant's ``decisions``, its values (the first backticked word of each ``·``-separated part) equal to the
variant's values in order, and its ``docs-literal`` cell equal to that profile's value.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from spec_model.variants import VariantCatalog, VariantError, load_variants

from .problems import Problem

RULE = "variants-table"
SECTION = "## Documented variants"
_ID = re.compile(r"[A-Z]+-\d+")
_FIRST_CODE = re.compile(r"`([^`]+)`")


@dataclass(frozen=True)
class TableRow:
    """One row of the table, as written: the variant name, the entry IDs, the values and docs-literal's."""

    line: int
    name: str
    decisions: frozenset[str]
    values: tuple[str, ...]
    docs_literal: str


def read_table(text: str) -> list[TableRow]:
    """The rows of the "Documented variants" table (those whose first cell is a backticked name)."""
    start = text.find(SECTION)
    if start < 0:
        return []
    rows = []
    first_line = text.count("\n", 0, start) + 1
    for number, line in enumerate(text[start:].splitlines(), first_line):
        if line.startswith("## ") and number != first_line:
            break
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) != 4 or not cells[0].startswith("`"):
            continue
        values = tuple(
            match.group(1) for part in cells[2].split(" · ") if (match := _FIRST_CODE.search(part))
        )
        rows.append(
            TableRow(
                number, cells[0].strip("`"), frozenset(_ID.findall(cells[1])), values, cells[3].strip("` ")
            )
        )
    return rows


def compare(catalog: VariantCatalog, rows: list[TableRow], where: str) -> list[Problem]:
    """Every difference between the table rows and the catalog, one problem each."""
    problems: list[Problem] = []

    def problem(line: int, message: str) -> None:
        problems.append(Problem(where, f"line {line}" if line else SECTION, RULE, message))

    seen: dict[str, TableRow] = {}
    for row in rows:
        if row.name in seen:
            problem(row.line, f"`{row.name}` has a second row (first at line {seen[row.name].line})")
            continue
        seen[row.name] = row
        variant = catalog.variants.get(row.name)
        if variant is None:
            problem(row.line, f"`{row.name}` is no variant of spec/variants.yaml")
            continue
        if row.decisions != frozenset(variant.decisions):
            problem(
                row.line, f"`{row.name}` cites {sorted(row.decisions)}, the file {list(variant.decisions)}"
            )
        if row.values != variant.values:
            problem(
                row.line, f"`{row.name}` lists values {list(row.values)}, the file {list(variant.values)}"
            )
        literal = catalog.profile("docs-literal")[row.name] if "docs-literal" in catalog.profile_names else ""
        if row.docs_literal != literal:
            problem(row.line, f"`{row.name}` gives docs-literal `{row.docs_literal}`, the file `{literal}`")
    for name in catalog.variants:
        if name not in seen:
            problem(0, f"`{name}` (spec/variants.yaml) has no row in the table")
    return problems


def check_variants(decisions: Path, variants_file: Path, where: str) -> list[Problem]:
    """The table of ``decisions`` against ``variants_file``; an unreadable file is one problem."""
    try:
        catalog = load_variants(variants_file)
    except VariantError as exc:
        return [Problem(str(variants_file.name), "", RULE, str(exc))]
    try:
        text = decisions.read_text(encoding="utf-8")
    except OSError as exc:
        return [Problem(where, "", RULE, f"cannot read: {exc}")]
    return compare(catalog, read_table(text), where)
