"""Regenerate the client packages in generated/ from spec/ (`nox -s generate`), or check them (`-- --check`).

Both packages are built in a temporary folder first. Only when every one of them was generated without a
single generator warning are they swapped into generated/; any failure leaves generated/ as it was.
`--check` builds the same way and lists every file that differs from generated/ (exit 1 on drift).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

try:
    from .errors import GenerationError
    from .opc import check_tool_versions
    from .pipeline import build_package
    from .targets import API_INPUTS, Target, load_targets
    from .trees import compare_trees, swap_in
except ImportError as missing:  # run outside `nox -s generate` without the `generate` group
    sys.exit(
        f"generate.py: error: {missing}; run `nox -s generate` or install the `generate` dependency group"
    )

ROOT = Path(__file__).resolve().parents[2]


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="generate.py", description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare with generated/ instead of writing")
    parser.add_argument(
        "--api",
        action="append",
        choices=sorted(API_INPUTS),
        help="only this API (repeatable; default: all)",
    )
    parser.add_argument(
        "--root",
        type=Path,
        default=ROOT,
        help="project root holding spec/, generator/, overlay/ and generated/ (default: this checkout)",
    )
    return parser.parse_args(argv)


def build_all(targets: list[Target], scratch: Path) -> dict[Path, Path]:
    """Fresh package folder -> its destination under generated/, for every target."""
    return {build_package(target, scratch / target.api): target.output_dir for target in targets}


def check(built: dict[Path, Path], root: Path) -> int:
    report: list[str] = []
    for fresh, destination in built.items():
        drift = compare_trees(fresh, destination)
        report.extend(drift.lines(destination.relative_to(root).as_posix()))
    if report:
        print("generated/ is out of date with spec/, generator/ or overlay/ (or was edited by hand):")
        print("\n".join(f"  {line}" for line in report))
        print("Run `nox -s generate` and commit the result.")
        return 1
    print(f"generated/ is up to date ({len(built)} packages)")
    return 0


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    root: Path = args.root.resolve()
    try:
        check_tool_versions()
        targets = load_targets(root, args.api)
        with tempfile.TemporaryDirectory(prefix="generate-") as scratch:
            built = build_all(targets, Path(scratch))
            if args.check:
                return check(built, root)
            swap_in(built)
    except GenerationError as exc:
        print(f"generate.py: error: {exc}", file=sys.stderr)
        print("generated/ was left unchanged.", file=sys.stderr)
        return 1
    for target in targets:
        print(f"wrote {target.output_dir.relative_to(root).as_posix()}/")
    return 0
