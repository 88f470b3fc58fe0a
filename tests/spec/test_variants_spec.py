"""spec/variants.yaml is read and typed strictly; the `variants` spec check holds DECISIONS.md's table to it.

The check runs in ``python -m scripts.check_specs``; these tests show it passing on the checked-in files and
failing, naming the row, on a table that differs in a value, an entry, a docs-literal cell or a row.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import spec_model
from spec_checks.variants import check_variants, read_table
from spec_model.variants import VariantError, load_variants

ROOT = Path(__file__).resolve().parents[2]
DECISIONS = ROOT / "spec" / "DECISIONS.md"
VARIANTS = ROOT / "spec" / "variants.yaml"


def _decisions_with(tmp_path: Path, old: str, new: str) -> Path:
    text = DECISIONS.read_text(encoding="utf-8")
    assert old in text, old
    changed = tmp_path / "DECISIONS.md"
    changed.write_text(text.replace(old, new, 1), encoding="utf-8")
    return changed


def test_the_checked_in_table_matches_the_file() -> None:
    assert check_variants(DECISIONS, VARIANTS, "DECISIONS.md") == []
    rows = read_table(DECISIONS.read_text(encoding="utf-8"))
    assert sorted(row.name for row in rows) == sorted(spec_model.variants().variants)


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            "| `olc.multi-update` | OLC-09 | `merge` · `replace` |",
            "| `olc.multi-update` | OLC-09 | `merge` |",
            "values",
        ),
        ("| `olc.multi-update` | OLC-09 |", "| `olc.multi-update` | OLC-19 |", "cites"),
        (
            "| `olc.multi-update` | OLC-09 | `merge` · `replace` | `merge` |",
            "| `olc.multi-update` | OLC-09 | `merge` · `replace` | `replace` |",
            "docs-literal",
        ),
        ("| `olc.multi-update` |", "| `olc.multi-updates` |", "is no variant"),
    ],
    ids=["value", "entry", "docs-literal", "renamed"],
)
def test_a_mismatched_table_fails_the_check(tmp_path: Path, old: str, new: str, message: str) -> None:
    problems = check_variants(_decisions_with(tmp_path, old, new), VARIANTS, "DECISIONS.md")
    assert problems, "the mismatch went unnoticed"
    assert any(message in problem.message and "olc.multi-update" in problem.message for problem in problems)


def test_check_specs_runs_the_variants_check_and_fails_on_a_mismatch(tmp_path: Path) -> None:
    decisions = _decisions_with(
        tmp_path,
        "`olc.token-expires-in` | OLC-03 | `present` · `absent`",
        "`olc.token-expires-in` | OLC-03 | `absent` · `present`",
    )
    command = [sys.executable, "-m", "scripts.check_specs", "--skip-lint", "--decisions", str(decisions)]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=300, check=False)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "variants-table" in result.stdout
    assert "olc.token-expires-in" in result.stdout


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ('values: ["401", "403"]', "values: [401, 403]", "quoted strings"),
        ('values: ["present", "absent"]', 'values: ["present"]', "at least two"),
        ('    docs-literal: "403"', '    docs-literal: "402"', "is not one of"),
        ("  olc.multi-update:\n    api: olconnect", "  olc.multi-update:\n    api: avepoint", "does not fit"),
        ("decisions: [OLC-09]", "decisions: [olc-9]", "DECISIONS.md IDs"),
    ],
)
def test_a_malformed_variants_file_is_refused(tmp_path: Path, old: str, new: str, message: str) -> None:
    text = VARIANTS.read_text(encoding="utf-8")
    assert old in text, old
    path = tmp_path / "variants.yaml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(VariantError, match=message):
        load_variants(path)


def test_the_catalog_answers_typed_questions() -> None:
    catalog = spec_model.variants()
    variant = catalog.variant("olc.unknown-id", "olconnect")
    assert (variant.default, variant.decision, variant.values) == ("404", "OLC-04", ("404", "empty-200"))
    assert catalog.profile("docs-literal")["olc.unknown-id"] == "empty-200"
    assert (
        catalog.resolve("olconnect", overrides={"olc.unknown-id": "empty-200"})["olc.unknown-id"]
        == "empty-200"
    )
    with pytest.raises(VariantError, match=r"valid variants: .*olc\.unknown-id"):
        catalog.variant("olc.unknown-ids")
    with pytest.raises(VariantError, match="unknown avepoint variant"):
        catalog.variant("olc.unknown-id", "avepoint")
    with pytest.raises(VariantError, match="valid values: 404, empty-200"):
        variant.check("empty")
    with pytest.raises(VariantError, match="valid profiles: project, docs-literal"):
        catalog.profile("strict")
