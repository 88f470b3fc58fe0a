"""What a proposal is: the patch, what it adds (each under a stable TODO ID) and what it leaves to a
person."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from ..model import Finding


class ProposalError(Exception):
    """The patch cannot be written (unwritable file, a spec that does not round-trip)."""


class Unplaceable(Exception):
    """This finding cannot be expressed as a safe spec edit; the message says why (shown to the person)."""


@dataclass
class Proposal:
    patch: str
    proposed: list[tuple[str, Finding, str]] = field(default_factory=list)  # (TODO id, finding, what)
    for_person: list[tuple[Finding, str]] = field(default_factory=list)  # (finding, why not patched)

    def describe(self, patch_file: Path) -> str:
        lines = [
            f"Proposal: {len(self.proposed)} addition(s) written to {patch_file}"
            if self.patch
            else "Proposal: nothing to patch (no patch file written)"
        ]
        for todo, finding, what in self.proposed:
            lines.append(f"  {todo}  {finding.operation} | {finding.kind} | {finding.subject}: {what}")
        if self.for_person:
            lines.append(f"For a person ({len(self.for_person)}; not patched):")
            for finding, why in self.for_person:
                lines.append(f"  {finding.operation} | {finding.kind} | {finding.subject}: {why}")
        return "\n".join(lines)


def todo_id(finding: Finding) -> str:
    """A stable short ID for the proposal made from one finding (digits, like the decision IDs)."""
    digest = hashlib.sha1(f"{finding.operation}|{finding.kind}|{finding.subject}".encode()).hexdigest()
    return f"TODO-{int(digest[:12], 16) % 1_000_000:06d}"
