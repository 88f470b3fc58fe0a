"""Write the proposal for one doc-drift outcome as a `git apply`-able patch (spec edits plus the page
record)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ..page_record import RECORD_NAME
from ..report import Outcome
from ..yaml_edit import text_diff
from .proposal import Proposal, ProposalError
from .proposer import Proposer
from .record_merge import merged_record


def write_proposal(
    outcome: Outcome, spec_dir: Path, patch_file: Path, record_text: Callable[[Outcome], str]
) -> Proposal:
    """Build the patch for `outcome` and write it to `patch_file` (nothing is written when there is none).

    `record_text` renders the page record; it is called after the edits, so new operations are recorded with
    the spec operation the patch gives them.
    """
    proposer = Proposer(outcome, spec_dir)
    proposal = proposer.run()
    parts = [sf.diff() for _, sf in sorted(proposer.files.items())]
    if proposal.proposed:
        record_path = spec_dir / RECORD_NAME
        old = record_path.read_text(encoding="utf-8") if record_path.exists() else ""
        parts.append(
            text_diff(f"{spec_dir.name}/{RECORD_NAME}", old, merged_record(old, record_text(outcome)))
        )
    proposal.patch = "".join(p for p in parts if p)
    if proposal.patch:
        try:
            patch_file.parent.mkdir(parents=True, exist_ok=True)
            patch_file.write_text(proposal.patch, encoding="utf-8")
        except OSError as exc:
            raise ProposalError(f"cannot write {patch_file}: {exc.strerror}") from exc
    return proposal
