"""The allowlist of intentional differences between vendor pages and our specs.

Each entry names one finding exactly (operation, finding kind, subject) and gives a reason that cites an entry
of spec/DECISIONS.md. Entries are exact on purpose: a pattern would quietly swallow the next real drift at the
same place. An entry that matches no finding is stale and fails the run — the page or the spec changed, so the
decision it points to must be looked at again (and the entry removed or updated).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from .model import Finding

DECISION_ID = re.compile(r"\b([A-Z]{2,5}-\d{2,3})\b")


class AllowlistError(Exception):
    """The allowlist file is malformed; the message names the file and the entry."""


@dataclass
class AllowEntry:
    operation: str
    finding: str
    subject: str
    reason: str
    decision: str
    used: bool = False
    # Where the page comes from: "folder" (DOCS_DIR) or "bundle:NAME" (sources.py). An entry is only judged
    # (applied, or reported stale) in a run that reads its source.
    source: str = "folder"

    def matches(self, finding: Finding) -> bool:
        return (
            finding.operation == self.operation
            and finding.kind == self.finding
            and finding.subject == self.subject
        )

    def describe(self) -> str:
        return f"{self.operation} | {self.finding} | {self.subject}"


def known_decisions(decisions_file: Path) -> set[str]:
    """Decision IDs defined as headings (`### OLC-01 — ...`) in DECISIONS.md."""
    try:
        text = decisions_file.read_text(encoding="utf-8")
    except OSError as exc:
        raise AllowlistError(f"{decisions_file}: cannot read ({exc.strerror})") from exc
    return set(re.findall(r"^#{2,4}\s+([A-Z]{2,5}-\d{2,3})\b", text, flags=re.MULTILINE))


def load_allowlist(path: Path, decisions: set[str]) -> list[AllowEntry]:
    """Read and check the allowlist; a missing file is an empty list."""
    if not path.exists():
        return []
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise AllowlistError(f"{path}: cannot read as YAML ({exc.__class__.__name__})") from exc
    raw_entries = (data or {}).get("entries", []) if isinstance(data, dict) else None
    if not isinstance(raw_entries, list):
        raise AllowlistError(f"{path}: expected a mapping with an 'entries' list")
    entries: list[AllowEntry] = []
    for number, raw in enumerate(raw_entries, start=1):
        if not isinstance(raw, dict):
            raise AllowlistError(f"{path}: entry {number} is not a mapping")
        values = {key: raw.get(key) for key in ("operation", "finding", "subject", "reason")}
        missing = [key for key, value in values.items() if not isinstance(value, str) or not value.strip()]
        if missing:
            raise AllowlistError(f"{path}: entry {number} lacks {', '.join(missing)}")
        reason = str(values["reason"])
        cited = DECISION_ID.findall(reason)
        if not cited:
            raise AllowlistError(f"{path}: entry {number}'s reason cites no decision ID (e.g. OLC-15)")
        unknown = [c for c in cited if c not in decisions]
        if unknown:
            raise AllowlistError(
                f"{path}: entry {number} cites {', '.join(unknown)}, which spec/DECISIONS.md does not define"
            )
        source = raw.get("source", "folder")
        if not isinstance(source, str) or not (source == "folder" or source.startswith("bundle:")):
            raise AllowlistError(f"{path}: entry {number}'s source must be 'folder' or 'bundle:NAME'")
        entries.append(
            AllowEntry(
                operation=str(values["operation"]),
                finding=str(values["finding"]),
                subject=str(values["subject"]),
                reason=reason.strip(),
                decision=cited[0],
                source=source,
            )
        )
    return entries


def apply_allowlist(findings: list[Finding], entries: list[AllowEntry]) -> list[AllowEntry]:
    """Mark findings covered by an entry; return the stale entries (those that matched nothing)."""
    for finding in findings:
        for entry in entries:
            if entry.matches(finding):
                finding.allowed_by = entry.decision
                finding.allowed_reason = entry.reason
                entry.used = True
                break
    return [e for e in entries if not e.used]
