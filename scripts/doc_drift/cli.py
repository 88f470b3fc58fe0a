"""Doc drift: compare the vendor's API pages with our OpenAPI specs.

    python -m scripts.doc_drift [DOCS_DIR] [--spec-dir spec] [--allowlist spec/doc-drift-allowlist.yaml]
                                [--sources spec/doc-drift-sources.yaml] [--verbose] [--suggest-allowlist]
                                [--format text|json] [--propose PATCH_FILE] [--record]
                                [--rev [NAME=]REV] [--repo NAME=PATH] [--since [NAME=]REV]

Reads every Markdown page under DOCS_DIR (default ../shared/vendor-docs) and, with --sources, the pages a
sources file tracks in git bundles or clones at a pinned commit (sources.py; `--rev`/`--repo` read another
revision or clone, `--since` reports the semantic changes between two revisions instead), extracts
operations, parameters, status codes, response headers and body fields, and compares them with the specs
and with the record of the last reviewed pages (spec/doc-drift-pages.yaml, which makes removals and renames
visible). The default report has one line per finding that needs action and one summary line; --verbose
shows every finding with its explanation. --propose writes a `git apply`-able patch against spec/ for the
additions it can express.
Exit codes: 0 no unexplained drift; 1 drift the allowlist does not cover, a page that could not be parsed, or
a stale allowlist entry; 2 bad arguments or files.
See docs/doc-update-workflow.md.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..speclib.openapi import SpecError, is_openapi_file, load_spec, resolve_refs
from .allowlist import AllowlistError, apply_allowlist, known_decisions, load_allowlist
from .compare import SpecSet, compare
from .model import DocOperation, Finding, SpecTarget
from .page_record import (
    RECORD_NAME,
    RecordError,
    apply_record,
    build_record,
    load_record,
    render_record,
)
from .pages import read_folder
from .propose import ProposalError, write_proposal
from .report import Outcome, render, render_json, render_quiet
from .repository import Repository, RepositoryError
from .since import render as render_history
from .since import replay
from .sources import FOLDER, PREFIX, SourcesError, load_sources, override, read_sources, source_of
from .tracked import not_transcribed, operation_findings

ROOT = Path(__file__).resolve().parents[2]


def _arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Compare vendor API pages with spec/ (see the module doc).")
    parser.add_argument("docs_dir", nargs="?", type=Path, default=ROOT.parent / "shared" / "vendor-docs")
    parser.add_argument("--spec-dir", type=Path, default=ROOT / "spec")
    parser.add_argument(
        "--allowlist", type=Path, default=None, help="default: SPEC_DIR/doc-drift-allowlist.yaml"
    )
    parser.add_argument(
        "--sources",
        type=Path,
        default=None,
        help="also read the bundle pages this file pins (e.g. spec/doc-drift-sources.yaml)",
    )
    parser.add_argument("--verbose", "-v", action="store_true", help="every finding, grouped by operation")
    parser.add_argument(
        "--hide-only-in-spec", action="store_true", help="with --verbose: leave out spec-only items"
    )
    parser.add_argument(
        "--propose", type=Path, metavar="PATCH_FILE", help="write a patch against spec/ for the additions"
    )
    parser.add_argument(
        "--record", action="store_true", help="rewrite SPEC_DIR/doc-drift-pages.yaml from these pages"
    )
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.add_argument(
        "--rev",
        action="append",
        default=[],
        metavar="[NAME=]REV",
        help="read source NAME (or every one) at REV",
    )
    parser.add_argument(
        "--repo",
        action="append",
        default=[],
        metavar="NAME=PATH",
        help="read source NAME from this clone/bundle",
    )
    parser.add_argument(
        "--since",
        metavar="[NAME=]REV",
        help="report the semantic changes of the tracked pages of source NAME (or the only one) since REV",
    )
    parser.add_argument(
        "--suggest-allowlist",
        action="store_true",
        help="also print allowlist entries (reason to fill in) for every failing finding",
    )
    return parser.parse_args(argv)


class DriftSetupError(Exception):
    """A missing folder or a malformed spec or allowlist: reported as one line, exit code 2."""


def analyse(  # noqa: PLR0917 - tests and doc_update call it positionally with the first four
    docs_dir: Path,
    spec_dir: Path,
    allowlist: Path | None = None,
    sources: Path | None = None,
    revs: dict[str, str] | None = None,
    repos: dict[str, Path] | None = None,
) -> Outcome:
    """Parse the pages (DOCS_DIR's and the bundle pages ``sources`` pins), compare them with the specs and
    apply the allowlist (default: SPEC_DIR's)."""
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
        record = load_record(spec_dir / RECORD_NAME)
        bundles = load_sources(sources, ROOT.parent / "shared") if sources is not None else []
        bundles = override(bundles, revs or {}, repos or {})
    except (SpecError, AllowlistError, RecordError, SourcesError) as exc:
        raise DriftSetupError(str(exc)) from exc
    pages = read_folder(docs_dir)
    if not pages:
        raise DriftSetupError(f"no Markdown pages (*.md) in {docs_dir}")
    try:
        pages += read_sources(bundles)
    except SourcesError as exc:
        raise DriftSetupError(str(exc)) from exc
    declared = {s.label(page): ops for s in bundles for page, ops in s.operations.items()}
    findings = operation_findings(pages, declared)
    pending = not_transcribed(pages, declared, specs)
    compared = [op for page in pages for op in page.operations if op.key not in pending]
    more, matched = compare(compared, specs)
    findings += more
    read_from = {FOLDER, *(f"{PREFIX}{bundle.name}" for bundle in bundles)}
    unread = {}
    if record is not None:
        # Record entries of a source this run did not read are neither checked nor forgotten (--record).
        unread = {key: item for key, item in record.items() if source_of(item.page) not in read_from}
        record = {key: item for key, item in record.items() if key not in unread}
        findings = apply_record(findings, record)
    stale = apply_allowlist(findings, [entry for entry in entries if entry.source in read_from])
    targets = {}
    for op in (op for page in pages for op in page.operations):
        hit = specs.find(op.method, op.path)
        if hit is not None:
            targets[op.key] = SpecTarget(hit[0], hit[1].method.lower(), hit[1].path)
    return Outcome(
        findings=findings,
        pages=pages,
        stale=stale,
        matched=matched,
        record_used=record is not None,
        targets=targets,
        unread_record=unread,
        not_transcribed=pending,
    )


def page_record_text(outcome: Outcome) -> str:
    """The page record these pages give (what `--record` writes), keeping the entries of unread sources."""
    spec_keys = {key: f"{t.method.upper()} {t.path}" for key, t in outcome.targets.items()}
    # Not-transcribed operations have no spec to be in line with yet; an operation two pages document (a
    # saved page and the same page in the vendor's repository) is recorded from the first page read.
    operations: dict[str, DocOperation] = {}
    for op in (op for p in outcome.pages for op in p.operations):
        if op.key not in outcome.not_transcribed:
            operations.setdefault(op.key, op)
    record = build_record(operations.values(), spec_keys)
    return render_record({**outcome.unread_record, **record})


def _named(values: list[str], option: str) -> dict[str, str]:
    out = {}
    for value in values:
        name, sep, rest = value.partition("=")
        if not sep or not name or not rest:
            raise DriftSetupError(f"{option} expects NAME=VALUE, got {value!r}")
        out[name] = rest
    return out


def _source_revs(values: list[str], sources: Path | None) -> dict[str, str]:
    """`--rev NAME=REV` for one source, `--rev REV` for the sources that track operations (the vendor
    repositories; the pinned client bundles keep their pin)."""
    named = _named([v for v in values if "=" in v], "--rev")
    plain = [v for v in values if "=" not in v]
    if plain and sources is not None:
        try:
            bundles = load_sources(sources, ROOT.parent / "shared")
        except SourcesError as exc:
            raise DriftSetupError(str(exc)) from exc
        for bundle in bundles:
            if bundle.operations:
                named.setdefault(bundle.name, plain[-1])
    elif plain:
        raise DriftSetupError("--rev needs --sources (it names a revision of a tracked repository)")
    return named


def _since(args: argparse.Namespace, repos: dict[str, Path], revs: dict[str, str]) -> int:
    if args.sources is None:
        raise DriftSetupError("--since needs --sources (it reads the tracked pages of a repository)")
    try:
        bundles = override(load_sources(args.sources, ROOT.parent / "shared"), revs, repos)
    except SourcesError as exc:
        raise DriftSetupError(str(exc)) from exc
    name, sep, rev = str(args.since).rpartition("=")
    chosen = [b for b in bundles if b.name == name] if sep else [b for b in bundles if b.operations]
    if len(chosen) != 1:
        names = ", ".join(b.name for b in bundles)
        raise DriftSetupError(f"--since: name one source as NAME=REV (sources: {names})")
    try:
        with Repository(chosen[0].bundle) as repo:
            histories = replay(repo, chosen[0], rev)
    except (RepositoryError, SourcesError) as exc:
        raise DriftSetupError(str(exc)) from exc
    print(render_history(histories, chosen[0], rev))
    return 0


def run(argv: list[str] | None = None) -> int:
    args = _arguments(argv)
    try:
        repos = {name: Path(path) for name, path in _named(args.repo, "--repo").items()}
        revs = _source_revs(args.rev, args.sources)
        if args.since is not None:
            return _since(args, repos, revs)
        outcome = analyse(args.docs_dir, args.spec_dir, args.allowlist, args.sources, revs, repos)
    except DriftSetupError as exc:
        print(f"doc_drift: {exc}", file=sys.stderr)
        return 2
    if args.record:
        if outcome.broken_pages:
            print("doc_drift: not recording: some pages could not be parsed", file=sys.stderr)
            return 1
        (args.spec_dir / RECORD_NAME).write_text(page_record_text(outcome), encoding="utf-8")
    if args.propose is not None:
        try:
            proposal = write_proposal(outcome, args.spec_dir, args.propose, page_record_text)
        except ProposalError as exc:
            print(f"doc_drift: {exc}", file=sys.stderr)
            return 2
        if args.format != "json":
            print(proposal.describe(args.propose))
    if args.format == "json":
        print(render_json(outcome))
        return 0 if outcome.ok else 1
    if args.verbose:
        print(render(outcome, show_only_in_spec=not args.hide_only_in_spec))
    else:
        print(render_quiet(outcome))
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
