"""Turn the additive doc-drift findings into one reviewable patch against spec/.

What is proposed: a new operation (path, parameters, request body, responses with content types and headers),
a new parameter (type, enum, default), a new status code, a response header, a content type next to the
spec's, a new body field and a new enum value. Each proposed element carries `x-decision: TODO-nnnnnn` (an ID
derived from the finding, so re-running gives the same patch) and a description assembled from the page's
structured facts — never a sentence copied from the page. Where the page names a structure the spec already
has as a component ("JSON Error", "JSON Name/Value List"), the proposal references it, and examples are reused
from other places that use the same component.

Everything else that fails (contradictions, removals, renames, findings a person must judge) is listed, never
patched. `nox -s spec` rejects the TODO IDs on purpose: the reviewer writes the DECISIONS.md entry and puts
its ID in place of each TODO (docs/doc-update-workflow.md).
"""

from .patch import write_proposal
from .proposal import Proposal, ProposalError

__all__ = ["Proposal", "ProposalError", "write_proposal"]
