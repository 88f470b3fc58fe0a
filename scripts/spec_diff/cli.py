"""Spec diff: classify the changes of each spec since a git ref and say which version bump each client needs.

    python -m scripts.spec_diff BASE_REF [--spec FILE ...] [--fail-on ERR|WARN|INFO]
                                [--format text|markdown|json] [--apply]

Compares `git show BASE_REF:<spec>` with the working-tree file after resolving `$ref`s. Levels follow oasdiff:
ERR breaks clients written against the old spec, WARN may break some, INFO is safe. The bump is major for any
ERR, minor for WARN or additions, patch for text-only changes. `--apply` sets `info.version` to the bumped
version, resets `info.x-package-revision` to 0 and writes the CHANGELOG.md entry.

Exit codes: 0 done (and nothing at or above --fail-on); 1 a change at or above --fail-on; 2 bad input.
Why our own tool and not oasdiff/Optic: see docs/doc-update-workflow.md.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from ..speclib.openapi import JsonDict, SpecError, is_openapi_file, load_yaml_text, resolve_refs
from .changes import Change, Level, required_bump
from .release import (
    ReleaseEntry,
    ReleaseError,
    bump,
    package_name,
    parse_version,
    set_spec_version,
    write_changelog,
)
from .spec_compare import SpecComparison


class UsageError(Exception):
    """Bad arguments or repository state; printed as one line, exit code 2."""


@dataclass
class SpecReport:
    path: Path
    display: str
    package: str
    base_version: str | None
    current_version: str | None
    changes: list[Change] = field(default_factory=list)
    new_spec: bool = False

    @property
    def bump(self) -> str | None:
        return None if self.new_spec else required_bump(self.changes)

    @property
    def next_version(self) -> str | None:
        if self.bump is None or self.base_version is None:
            return None
        return bump(self.base_version, self.bump, self.display)


def _git(top: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", "-C", str(top), *args], capture_output=True, text=True, check=False)


def _repo_root(start: Path) -> Path:
    result = _git(start, "rev-parse", "--show-toplevel")
    if result.returncode != 0:
        raise UsageError(f"{start} is not inside a git repository")
    return Path(result.stdout.strip())


def _spec_at_ref(top: Path, ref: str, relative: str) -> JsonDict | None:
    result = _git(top, "show", f"{ref}:{relative}")
    if result.returncode != 0:
        return None
    return load_yaml_text(result.stdout, f"{ref}:{relative}")


def _version(doc: JsonDict | None) -> str | None:
    value = ((doc or {}).get("info") or {}).get("version")
    return None if value is None else str(value)


def build_report(top: Path, ref: str, spec: Path) -> SpecReport:
    relative = spec.resolve().relative_to(top.resolve()).as_posix()
    try:
        current = load_yaml_text(spec.read_text(encoding="utf-8"), relative)
    except OSError as exc:
        raise UsageError(f"{relative}: cannot read ({exc.strerror})") from exc
    base = _spec_at_ref(top, ref, relative)
    report = SpecReport(
        path=spec,
        display=relative,
        package=package_name(spec, top),
        base_version=_version(base),
        current_version=_version(current),
    )
    if base is None:
        report.new_spec = True
        return report
    report.changes = SpecComparison(resolve_refs(base), resolve_refs(current)).run()
    return report


def render_text(reports: list[SpecReport], ref: str) -> str:
    lines: list[str] = []
    for report in reports:
        lines.append(f"{report.display} ({report.package}): {ref} -> working tree")
        if report.new_spec:
            lines.append(f"   new spec (not present at {ref}); no bump, version {report.current_version}")
            continue
        for change in sorted(report.changes, key=lambda c: (-c.level, c.operation, c.location)):
            lines.append(
                f"   {change.level.name:<4} {change.rule:<42} {change.operation}  [{change.location}]  "
                f"{change.message}"
            )
        lines.append(f"   => {_counts(report.changes)}; {_verdict(report)}")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def render_markdown(reports: list[SpecReport], ref: str) -> str:
    lines = [f"# Spec changes since `{ref}`", ""]
    for report in reports:
        lines += [f"## `{report.display}` ({report.package})", ""]
        if report.new_spec:
            lines += [f"New spec (not present at `{ref}`).", ""]
            continue
        if report.changes:
            lines += ["| level | rule | operation | where | change |", "|---|---|---|---|---|"]
            for change in sorted(report.changes, key=lambda c: (-c.level, c.operation, c.location)):
                cells = (change.level.name, change.rule, change.operation, change.location, change.message)
                lines.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
            lines.append("")
        lines += [f"**{_verdict(report)}** ({_counts(report.changes)})", ""]
    return "\n".join(lines)


def render_json(reports: list[SpecReport], ref: str) -> str:
    payload = {
        "base_ref": ref,
        "specs": [
            {
                "spec": r.display,
                "package": r.package,
                "new_spec": r.new_spec,
                "base_version": r.base_version,
                "current_version": r.current_version,
                "bump": r.bump,
                "next_version": r.next_version,
                "changes": [c.as_dict() for c in r.changes],
            }
            for r in reports
        ],
    }
    return json.dumps(payload, indent=2) + "\n"


def _counts(changes: list[Change]) -> str:
    return ", ".join(
        f"{sum(1 for c in changes if c.level is level)} {level.name}" for level in reversed(Level)
    )


def _verdict(report: SpecReport) -> str:
    if report.bump is None:
        return f"no changes; {report.package} keeps {report.current_version}"
    return f"{report.package} needs a {report.bump} bump: {report.base_version} -> {report.next_version}"


def apply(reports: list[SpecReport], ref: str, changelog: Path) -> list[str]:
    """Bump versions and write CHANGELOG entries; returns one line per action for the user."""
    notes: list[str] = []
    today = datetime.now(UTC).date()
    for report in reports:
        target = report.next_version
        if target is None or report.bump is None or report.base_version is None:
            continue
        if report.current_version and parse_version(report.current_version, report.display) > parse_version(
            target, report.display
        ):
            target = report.current_version  # already bumped further by hand: keep it
        text = report.path.read_text(encoding="utf-8")
        report.path.write_text(set_spec_version(text, target, report.display), encoding="utf-8")
        entry = ReleaseEntry(
            package=report.package,
            spec=report.display,
            old_version=report.base_version,
            new_version=target,
            bump=report.bump,
            base_ref=ref,
            changes=report.changes,
        )
        write_changelog(changelog, entry, today)
        notes.append(
            f"{report.display}: info.version {report.base_version} -> {target}, x-package-revision 0"
        )
    if notes:
        notes.append(f"{changelog.name}: entries written; run `nox -s generate` to rebuild the packages")
    else:
        notes.append("nothing to apply: no spec changed")
    return notes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Classify spec changes since a git ref (see the module doc)."
    )
    parser.add_argument("base_ref")
    parser.add_argument(
        "--spec", nargs="+", type=Path, default=None, help="default: every OpenAPI file in spec/"
    )
    parser.add_argument("--fail-on", type=Level.parse, default=None, metavar="ERR|WARN|INFO")
    parser.add_argument("--format", choices=("text", "markdown", "json"), default="text")
    parser.add_argument("--apply", action="store_true", help="bump info.version and write CHANGELOG.md")
    args = parser.parse_args(argv)
    try:
        top = _repo_root(Path.cwd())
        if _git(top, "rev-parse", "--verify", "--quiet", f"{args.base_ref}^{{commit}}").returncode != 0:
            raise UsageError(f"git ref {args.base_ref!r} not found in {top}")
        specs: list[Path] = args.spec or sorted(
            p for p in (top / "spec").glob("*.y*ml") if is_openapi_file(p)
        )
        if not specs:
            raise UsageError(f"no OpenAPI documents in {top / 'spec'}; name them with --spec")
        for spec in specs:
            if not spec.is_file():
                raise UsageError(f"spec file {spec} does not exist")
            if not spec.resolve().is_relative_to(top.resolve()):
                raise UsageError(f"spec file {spec} is outside the repository {top}")
        reports = [build_report(top, args.base_ref, spec) for spec in specs]
        renderer = {"text": render_text, "markdown": render_markdown, "json": render_json}[args.format]
        sys.stdout.write(renderer(reports, args.base_ref))
        if args.apply:
            for note in apply(reports, args.base_ref, top / "CHANGELOG.md"):
                print(note, file=sys.stderr if args.format == "json" else sys.stdout)
    except (UsageError, SpecError, ReleaseError) as exc:
        print(f"spec_diff: {exc}", file=sys.stderr)
        return 2
    if args.fail_on is not None and any(c.level >= args.fail_on for r in reports for c in r.changes):
        return 1
    return 0
