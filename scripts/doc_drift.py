"""Doc drift: compare the vendor's API pages with our OpenAPI specs.

    python scripts/doc_drift.py [DOCS_DIR] [--spec-dir spec] [--allowlist spec/doc-drift-allowlist.yaml]
                                [--hide-only-in-spec] [--suggest-allowlist] [--format text|json]

Reads every Markdown page under DOCS_DIR (default ../shared/vendor-docs), extracts operations, parameters,
status codes, response headers and body fields, and prints per operation what is missing in the spec, what is
only in the spec and what differs. Exit codes: 0 no unexplained drift; 1 drift the allowlist does not cover, a
page that could not be parsed, or a stale allowlist entry; 2 bad arguments or files.
See docs/doc-update-workflow.md.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from drift_lib.allowlist import AllowlistError, apply_allowlist, known_decisions, load_allowlist
from drift_lib.compare import SpecSet, compare
from drift_lib.model import Finding
from drift_lib.pages import read_folder
from drift_lib.report import Outcome, render, render_json
from speclib.openapi import SpecError, is_openapi_file, load_spec, resolve_refs

ROOT = Path(__file__).resolve().parent.parent


def _arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Compare vendor API pages with spec/ (see the module doc).")
    parser.add_argument("docs_dir", nargs="?", type=Path, default=ROOT.parent / "shared" / "vendor-docs")
    parser.add_argument("--spec-dir", type=Path, default=ROOT / "spec")
    parser.add_argument(
        "--allowlist", type=Path, default=None, help="default: SPEC_DIR/doc-drift-allowlist.yaml"
    )
    parser.add_argument("--hide-only-in-spec", action="store_true", help="leave out what only the spec has")
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.add_argument(
        "--suggest-allowlist",
        action="store_true",
        help="also print allowlist entries (reason to fill in) for every failing finding",
    )
    return parser.parse_args(argv)


class DriftSetupError(Exception):
    """A missing folder or a malformed spec or allowlist: reported as one line, exit code 2."""


def analyse(docs_dir: Path, spec_dir: Path, allowlist: Path | None = None) -> Outcome:
    """Parse the pages, compare them with the specs and apply the allowlist (default: SPEC_DIR's)."""
    if not docs_dir.is_dir():
        raise DriftSetupError(f"docs folder {docs_dir} does not exist")
    spec_files = sorted(p for p in spec_dir.glob("*.y*ml") if is_openapi_file(p)) if spec_dir.is_dir() else []
    if not spec_files:
        raise DriftSetupError(f"no OpenAPI documents found in {spec_dir}")
    if allowlist is not None and not allowlist.exists():
        raise DriftSetupError(f"allowlist {allowlist} does not exist")
    try:
        specs = SpecSet({p.name: resolve_refs(load_spec(p)) for p in spec_files})
        entries = load_allowlist(
            allowlist or spec_dir / "doc-drift-allowlist.yaml", known_decisions(spec_dir / "DECISIONS.md")
        )
    except (SpecError, AllowlistError) as exc:
        raise DriftSetupError(str(exc)) from exc
    pages = read_folder(docs_dir)
    if not pages:
        raise DriftSetupError(f"no Markdown pages (*.md) in {docs_dir}")
    findings, matched = compare([op for page in pages for op in page.operations], specs)
    stale = apply_allowlist(findings, entries)
    return Outcome(findings=findings, pages=pages, stale=stale, matched=matched)


def run(argv: list[str] | None = None) -> int:
    args = _arguments(argv)
    try:
        outcome = analyse(args.docs_dir, args.spec_dir, args.allowlist)
    except DriftSetupError as exc:
        print(f"doc_drift: {exc}", file=sys.stderr)
        return 2
    if args.format == "json":
        print(render_json(outcome))
        return 0 if outcome.ok else 1
    print(render(outcome, show_only_in_spec=not args.hide_only_in_spec))
    if args.suggest_allowlist and outcome.failing:
        print("\n# Suggested allowlist entries (write each reason, citing a DECISIONS.md entry):")
        print(_suggestions(outcome.failing))
    return 0 if outcome.ok else 1


def _suggestions(findings: list[Finding]) -> str:
    lines = []
    for finding in findings:
        lines.append(f'  - operation: "{finding.operation}"')
        lines.append(f"    finding: {finding.kind}")
        lines.append(f'    subject: "{finding.subject}"')
        lines.append('    reason: "XXX-00: "')
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(run())
