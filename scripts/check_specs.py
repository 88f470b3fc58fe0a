"""Check the OpenAPI documents in spec/: validity, Spectral lint, documented inventory, examples and links.

Usage: python -m scripts.check_specs [SPEC ...] [--skip-lint] [--inventory FILE] [--ruleset FILE]
       [--constraints FILE] [--list-constraints]
With no SPEC, both project specs are checked. Each problem is printed on one line as
`FILE: JSON_POINTER: RULE: message`. The `OK: ...` line closes with the constraint count
(spec_checks.constraints); `--list-constraints` prints every constraint with its source first.
Exit status: 0 no problems, 1 problems found, 2 a file could not be read
or parsed, or a tool the check needs is missing (one line on stderr, never a traceback).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from spec_checks.constraints import (
    Decisions,
    RegisterError,
    Sourced,
    check_constraints,
    load_register,
    render_listing,
    summary,
)
from spec_checks.decisions import check_decisions, check_markers, decision_ids
from spec_checks.document import SpecLoadError, load_spec
from spec_checks.examples import check_examples
from spec_checks.inventory import InventoryError, check_inventory, load_inventory
from spec_checks.links import check_links
from spec_checks.lint import LintUnavailableError, find_spectral, run_spectral
from spec_checks.problems import Problem
from spec_checks.schemas import check_schemas
from spec_checks.validity import check_validity
from spec_checks.variants import check_variants
from spec_model import iter_operations

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SPECS = (ROOT / "spec" / "olconnect.yaml", ROOT / "spec" / "avepoint.yaml")
EXIT_OK, EXIT_PROBLEMS, EXIT_UNUSABLE = 0, 1, 2


@dataclass
class Run:
    """What one invocation checked, for the closing summary."""

    specs: dict[Path, tuple[str, dict[str, Any]]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    checks: list[str] = field(default_factory=list)
    constraints: list[Sourced] = field(default_factory=list)
    listing: list[str] = field(default_factory=list)


def _parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="check_specs.py",
        description="Validate, lint and inventory-check the project's OpenAPI documents.",
    )
    parser.add_argument(
        "specs", nargs="*", type=Path, metavar="SPEC", help="spec files (default: both in spec/)"
    )
    parser.add_argument("--skip-lint", action="store_true", help="do not run Spectral (faster; for tests)")
    parser.add_argument(
        "--inventory",
        type=Path,
        default=ROOT / "spec" / "inventory.yaml",
        help="documented inventory",
    )
    parser.add_argument(
        "--ruleset", type=Path, default=ROOT / "spec" / ".spectral.yaml", help="Spectral ruleset"
    )
    parser.add_argument(
        "--decisions",
        type=Path,
        default=ROOT / "spec" / "DECISIONS.md",
        help="decision log x-decision refers to",
    )
    parser.add_argument(
        "--constraints",
        type=Path,
        default=ROOT / "spec" / "constraints.yaml",
        help="register of where each constraint comes from",
    )
    parser.add_argument(
        "--variants",
        type=Path,
        default=ROOT / "spec" / "variants.yaml",
        help="documented variants the decisions' table must list exactly",
    )
    parser.add_argument(
        "--list-constraints", action="store_true", help="print every constraint with its source"
    )
    return parser.parse_args(argv)


def _display_name(path: Path) -> str:
    """Paths inside the repository are shown relative to it (stable output); others as given."""
    try:
        return str(path.resolve().relative_to(ROOT))
    except ValueError:
        return str(path)


def _check_one(
    run: Run,
    name: str,
    document: dict[str, Any],
    inventory: dict[str, Any],
    *,
    register: dict[str, list[dict[str, Any]]],
    args: Any,
) -> None:
    known_decisions = decision_ids(args.decisions)
    run.problems.extend(check_validity(name, document))
    run.problems.extend(check_schemas(name, document))
    run.problems.extend(check_inventory(name, document, inventory, Path(name).name))
    run.problems.extend(check_examples(name, document))
    run.problems.extend(check_links(name, document))
    run.problems.extend(check_decisions(name, document, known_decisions, args.decisions))
    run.problems.extend(check_markers(name, document))
    problems, sourced = check_constraints(name, document, register, Decisions.read(args.decisions), ROOT)
    run.problems.extend(problems)
    run.constraints.extend(sourced)
    run.listing.extend(render_listing(name, sourced))


def main(argv: Sequence[str] | None = None) -> int:
    args = _parse_args(argv)
    run = Run()
    try:
        inventory = load_inventory(args.inventory)
        register = load_register(args.constraints)
        for path in args.specs or list(DEFAULT_SPECS):
            name = _display_name(path)
            try:
                run.specs[path.resolve()] = (name, load_spec(path))
            except SpecLoadError as exc:
                print(f"{name}: cannot check: {exc}", file=sys.stderr)
                return EXIT_UNUSABLE
        run.checks = [
            "openapi-valid",
            "schemas",
            "inventory",
            "examples",
            "links",
            "decisions",
            "markers",
            "constraints",
        ]
        for name, document in run.specs.values():
            _check_one(run, name, document, inventory, register=register, args=args)
        run.problems.extend(check_variants(args.decisions, args.variants, _display_name(args.decisions)))
        run.checks.append("variants")
        if not args.skip_lint:
            spectral = find_spectral(ROOT)
            files = {path: name for path, (name, _) in run.specs.items()}
            run.problems.extend(run_spectral(spectral, args.ruleset, files))
            run.checks.insert(1, "spectral")
    except (InventoryError, LintUnavailableError, RegisterError) as exc:
        print(f"check_specs: {exc}", file=sys.stderr)
        return EXIT_UNUSABLE
    if args.list_constraints:
        print("\n".join(run.listing))
    for problem in run.problems:
        print(problem.render())
    names = ", ".join(name for name, _ in run.specs.values())
    if run.problems:
        print(f"{len(run.problems)} problem(s) in {names}", file=sys.stderr)
        return EXIT_PROBLEMS
    operations = sum(len(list(iter_operations(document))) for _, document in run.specs.values())
    print(
        f"OK: {names} ({operations} operations; checks: {', '.join(run.checks)}); {summary(run.constraints)}"
    )
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
