"""Plain-text report of a doc-drift run, grouped by operation."""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field

from .allowlist import AllowEntry
from .model import Finding, PageResult, Severity, SpecTarget
from .page_record import RecordedOperation


@dataclass
class Outcome:
    findings: list[Finding]
    pages: list[PageResult]
    stale: list[AllowEntry]
    matched: dict[str, str]
    record_used: bool = True
    targets: dict[str, SpecTarget] = field(default_factory=dict)  # page operation key -> its spec operation
    # Page-record entries of sources this run did not read (kept as they are by --record).
    unread_record: dict[str, RecordedOperation] = field(default_factory=dict)
    # Operations a tracked page backs that no spec has yet (tracked.py): listed, never compared or failing.
    not_transcribed: dict[str, str] = field(default_factory=dict)

    @property
    def failing(self) -> list[Finding]:
        return [f for f in self.findings if f.fails]

    @property
    def broken_pages(self) -> list[PageResult]:
        return [p for p in self.pages if p.error]

    @property
    def ok(self) -> bool:
        return not self.failing and not self.broken_pages and not self.stale


def finding_line(finding: Finding) -> str:
    """One line per finding: operation, kind, element, and the spec's and the page's value."""
    values = ""
    if finding.spec_value or finding.page_value:
        values = f" (spec: {finding.spec_value or '-'}; page: {finding.page_value or '-'})"
    return f"{finding.operation} | {finding.kind} | {finding.subject}{values}"


def render_quiet(outcome: Outcome) -> str:
    """The default report: one line per finding that needs action, then one summary line."""
    operations = sum(len(p.operations) for p in outcome.pages)
    lines = [f"Doc drift: {len(outcome.pages)} page(s), {operations} documented operation(s)"]
    lines.extend(f"FAIL {finding_line(f)}" for f in sorted(outcome.failing, key=_order))
    lines.extend(f"FAIL unparseable page {p.page}: {p.error}" for p in outcome.broken_pages)
    lines.extend(f"FAIL stale allowlist entry {e.describe()} ({e.decision})" for e in outcome.stale)
    lines.extend(_not_transcribed(outcome))
    lines.append(_summary(outcome) + ("" if outcome.ok else "; --verbose explains each finding"))
    return "\n".join(lines)


def _not_transcribed(outcome: Outcome) -> list[str]:
    return [
        f"NOT TRANSCRIBED {key} ({page}): the page backs it, no spec has it yet"
        for key, page in sorted(outcome.not_transcribed.items())
    ]


def _order(finding: Finding) -> tuple[str, str, str]:
    return (finding.operation, finding.kind, finding.subject)


def _summary(outcome: Outcome) -> str:
    allowed = sum(1 for f in outcome.findings if f.allowed_by)
    only = sum(1 for f in outcome.findings if f.severity is Severity.ONLY_IN_SPEC and not f.allowed_by)
    note = f"{only} only in spec (--verbose lists them)" if only else "0 only in spec"
    extra = [f"{len(outcome.broken_pages)} unparseable page(s)"] if outcome.broken_pages else []
    extra += [f"{len(outcome.stale)} stale allowlist entr(y/ies)"] if outcome.stale else []
    if outcome.not_transcribed:
        extra.append(f"{len(outcome.not_transcribed)} not transcribed")
    if not outcome.record_used:
        extra.append("no page record, removals not checked")
    return (
        f"Summary: {len(outcome.failing)} failing, {allowed} allowlisted, {note}"
        + "".join(f", {e}" for e in extra)
        + f" -> {'PASS' if outcome.ok else 'FAIL'}"
    )


def render(outcome: Outcome, show_only_in_spec: bool = True) -> str:
    """The --verbose report: every finding grouped by operation, with its explanation."""
    lines: list[str] = []
    operations = sum(len(p.operations) for p in outcome.pages)
    lines.append(f"Doc drift: {len(outcome.pages)} page(s), {operations} documented operation(s)")
    by_operation: dict[str, list[Finding]] = defaultdict(list)
    for finding in outcome.findings:
        by_operation[finding.operation].append(finding)
    order = [op.key for page in outcome.pages for op in page.operations]
    documented_keys = set(order)
    order += sorted(k for k in by_operation if k not in order)
    for key in dict.fromkeys(order):
        shown = [
            f
            for f in by_operation.get(key, [])
            if show_only_in_spec or f.severity is not Severity.ONLY_IN_SPEC
        ]
        documented = key in documented_keys
        if not shown and not documented:
            continue
        target = outcome.matched.get(
            key, "not transcribed" if key in outcome.not_transcribed else "no spec operation"
        )
        page = next((f.page for f in by_operation.get(key, []) if f.page), "")
        lines.append("")
        lines.append(f"== {key}" + (f"  [{page} -> {target}]" if documented else "  [spec only]"))
        if not shown:
            lines.append("   no differences")
        for finding in sorted(shown, key=lambda f: (_rank(f), f.kind, f.subject)):
            status = (
                "FAIL" if finding.fails else (f"ok ({finding.allowed_by})" if finding.allowed_by else "info")
            )
            lines.append(f"   {status:<12} {finding.severity.value:<16} {finding.kind}: {finding.subject}")
            lines.append(f"   {'':<12} {'':<16} {finding.message}")
            if finding.spec_value or finding.page_value:
                lines.append(
                    f"   {'':<29} spec: {finding.spec_value or '-'}; page: {finding.page_value or '-'}"
                )
            if finding.allowed_reason:
                lines.append(f"   {'':<12} {'':<16} allowlisted: {finding.allowed_reason}")
    if outcome.broken_pages:
        lines.append("")
        lines.append("Pages that could not be parsed (each fails the run):")
        for broken in outcome.broken_pages:
            lines.append(f"   {broken.page}: {broken.error}")
    if outcome.not_transcribed:
        lines.append("")
        lines.append("Operations the tracked pages back that no spec has yet (not compared, not failing):")
        lines.extend(f"   {line}" for line in _not_transcribed(outcome))
    if outcome.stale:
        lines.append("")
        lines.append("Stale allowlist entries (match no finding; each fails the run):")
        for entry in outcome.stale:
            lines.append(f"   {entry.describe()}  ({entry.decision})")
    lines.append("")
    lines.append(_summary(outcome))
    return "\n".join(lines)


def render_json(outcome: Outcome) -> str:
    """The same outcome for scripts and CI annotations."""
    payload = {
        "ok": outcome.ok,
        "summary": _summary(outcome),
        "findings": [
            {
                "operation": f.operation,
                "kind": f.kind,
                "subject": f.subject,
                "severity": f.severity.value,
                "fails": f.fails,
                "allowed_by": f.allowed_by,
                "page": f.page,
                "spec_value": f.spec_value,
                "page_value": f.page_value,
                "message": f.message,
            }
            for f in outcome.findings
        ],
        "unparseable_pages": [{"page": p.page, "reason": p.error} for p in outcome.broken_pages],
        "not_transcribed": [{"operation": k, "page": v} for k, v in sorted(outcome.not_transcribed.items())],
        "stale_allowlist_entries": [
            {"operation": e.operation, "finding": e.finding, "subject": e.subject, "decision": e.decision}
            for e in outcome.stale
        ],
    }
    return json.dumps(payload, indent=2)


def _rank(finding: Finding) -> int:
    if finding.fails:
        return 0
    return 1 if finding.allowed_by else 2
