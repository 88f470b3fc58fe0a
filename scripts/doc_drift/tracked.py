"""The operations a tracked page backs (from the sources file) checked against what the page documents.

Why declared by method and path: the page record names the operations a page backs the way the page prints
them, so it holds before, during and after the spec gains them (no operationId to agree on). A page that
documents an operation it was not recorded for, or no longer documents one it was, fails; a recorded
operation the spec does not have yet is "not transcribed": listed on its own, not a failure and not hidden,
until the spec gains it and the full comparison takes over.
"""

from __future__ import annotations

from .compare import SpecSet
from .model import Finding, PageResult, Severity


def operation_findings(pages: list[PageResult], declared: dict[str, tuple[str, ...]]) -> list[Finding]:
    """Failing findings for every difference between a page's documented and declared operations."""
    findings = []
    for page in pages:
        expected = declared.get(page.page)
        if expected is None or page.error:
            continue
        documented = {op.key for op in page.operations}
        for key in sorted(documented - set(expected)):
            findings.append(
                Finding(
                    operation=key,
                    kind="page-operation-added",
                    subject=page.page,
                    severity=Severity.MISSING,
                    message=f"{page.page} documents {key}, which the sources file does not list for it",
                    page=page.page,
                    page_value=key,
                )
            )
        for key in sorted(set(expected) - documented):
            findings.append(
                Finding(
                    operation=key,
                    kind="page-operation-removed",
                    subject=page.page,
                    severity=Severity.DIFFERENT,
                    message=f"the sources file lists {key} for {page.page}, which no longer documents it",
                    page=page.page,
                    spec_value=key,
                )
            )
    return findings


def not_transcribed(
    pages: list[PageResult], declared: dict[str, tuple[str, ...]], specs: SpecSet
) -> dict[str, str]:
    """Declared operations of the pages read that no spec has yet: operation key -> page."""
    pending = {}
    for page in pages:
        for op in page.operations:
            if op.key in declared.get(page.page, ()) and specs.find(op.method, op.path) is None:
                pending[op.key] = page.page
    return pending
