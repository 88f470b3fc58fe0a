"""The record of what the last reviewed vendor pages documented: how removals and renames become visible.

Comparing pages with the spec alone cannot tell "the vendor dropped status 401" from "the spec adds a 404 the
pages never had" — both are elements only the spec has. `spec/doc-drift-pages.yaml` lists, per operation, the
elements the pages showed when the spec was last brought in line with them. An element the record lists, the
spec still has and the page no longer shows was removed by the vendor: that is a failing `*-removed` finding,
not an "only in spec" note. A removal next to an addition of the same kind at the same place (a field, a
parameter, an operation on the same page under the same title) is reported once as a rename or path change.

The record depends only on the pages, so spec edits (constraints dropped, alternatives admitted, `x-*` marks)
never invalidate it. `python -m scripts.doc_drift --record` rewrites it; `--propose`
includes the rewrite in its patch.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

import yaml

from .model import DocOperation, Finding, Severity

RECORD_NAME = "doc-drift-pages.yaml"

# Only-in-spec finding kind -> the kind it becomes when the record shows the page used to document it.
REMOVED_KIND = {
    "status-only-in-spec": "status-removed",
    "parameter-only-in-spec": "parameter-removed",
    "enum-value-only-in-spec": "enum-value-removed",
    "response-field-only-in-spec": "response-field-removed",
    "request-field-only-in-spec": "request-field-removed",
    "operation-only-in-spec": "operation-removed",
}
_FACT_PREFIX = {kind: kind.removesuffix("-only-in-spec") for kind in REMOVED_KIND}


class RecordError(Exception):
    """The record file is malformed; the message names the file."""


@dataclass
class RecordedOperation:
    page: str
    title: str
    spec_operation: str
    elements: set[str] = field(default_factory=set)


def page_elements(op: DocOperation) -> set[str]:
    """The elements of one page operation, written `KIND SUBJECT` in the subjects the findings use."""
    elements = {f"status {status}" for status in op.responses}
    for param in op.parameters:
        elements.add(f"parameter {param.location}:{param.name}")
        elements.update(f"enum-value {param.location}:{param.name}={v}" for v in param.enum or [])
    for side, fields in (("request", op.request_fields), ("response", op.response_fields)):
        for path, doc_field in (fields or {}).items():
            if path and not path.endswith("[]"):
                elements.add(f"{side}-field {path}")
            elements.update(f"enum-value {path or '(body)'}={v}" for v in doc_field.enum or [])
    return elements


def build_record(
    operations: Iterable[DocOperation], spec_keys: dict[str, str]
) -> dict[str, RecordedOperation]:
    """The record for the pages just read; `spec_keys` maps a page operation key to its spec `METHOD PATH`."""
    record: dict[str, RecordedOperation] = {}
    for op in operations:
        record[op.key] = RecordedOperation(
            page=op.page,
            title=op.title,
            spec_operation=spec_keys.get(op.key, ""),
            elements=page_elements(op),
        )
    return record


def render_record(record: dict[str, RecordedOperation]) -> str:
    """YAML text of the record, sorted so a re-recording only shows real changes in a diff."""
    body = {
        "operations": {
            key: {
                "page": item.page,
                "title": item.title,
                "spec_operation": item.spec_operation,
                "elements": sorted(item.elements),
            }
            for key, item in sorted(record.items())
        }
    }
    header = (
        "# What the vendor pages documented when the spec was last brought in line with them (doc drift's\n"
        "# memory: an element listed here that a page drops is reported as removed). Written by\n"
        "# `python -m scripts.doc_drift DOCS_DIR --record`; never edit by hand.\n"
    )
    return header + yaml.safe_dump(body, sort_keys=False, allow_unicode=True, width=110)


def load_record(path: Path) -> dict[str, RecordedOperation] | None:
    """The record in `path`, or None when there is none (removals are then not checked)."""
    if not path.exists():
        return None
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise RecordError(f"{path}: cannot read ({exc.strerror})") from exc
    return parse_record_text(text, str(path))


def parse_record_text(text: str, path: str) -> dict[str, RecordedOperation]:
    """Parse a record's YAML text; `path` names it in error messages."""
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise RecordError(f"{path}: cannot read as YAML ({exc.__class__.__name__})") from exc
    operations = data.get("operations") if isinstance(data, dict) else None
    if not isinstance(operations, dict):
        raise RecordError(f"{path}: expected a mapping with an 'operations' mapping")
    record: dict[str, RecordedOperation] = {}
    for key, item in operations.items():
        if not isinstance(item, dict) or not isinstance(item.get("elements"), list):
            raise RecordError(f"{path}: operation {key!r} lacks an 'elements' list")
        record[str(key)] = RecordedOperation(
            page=str(item.get("page", "")),
            title=str(item.get("title", "")),
            spec_operation=str(item.get("spec_operation", "")),
            elements={str(e) for e in item["elements"]},
        )
    return record


def apply_record(findings: list[Finding], record: dict[str, RecordedOperation]) -> list[Finding]:
    """Turn only-in-spec findings the record explains into removals, then pair removals with additions."""
    by_spec_operation = {item.spec_operation: (key, item) for key, item in record.items()}
    out: list[Finding] = []
    for finding in findings:
        removed = REMOVED_KIND.get(finding.kind)
        if removed is None:
            out.append(finding)
            continue
        if finding.kind == "operation-only-in-spec":
            hit = by_spec_operation.get(finding.subject)
            if hit is None:
                out.append(finding)
                continue
            page_key, item = hit
            out.append(
                replace(
                    finding,
                    operation=page_key,
                    kind=removed,
                    severity=Severity.DIFFERENT,
                    page=item.page,
                    message=f"the reviewed page {item.page} documented {page_key} ({item.title!r}); no page "
                    f"documents it now, the spec still has {finding.subject}",
                )
            )
            continue
        recorded = record.get(finding.operation)
        element = f"{_FACT_PREFIX[finding.kind]} {finding.subject}"
        if recorded is None or element not in recorded.elements:
            out.append(finding)
            continue
        out.append(
            replace(
                finding,
                kind=removed,
                severity=Severity.DIFFERENT,
                message=f"the reviewed page documented {finding.subject}; the page no longer does, the spec "
                "still has it",
            )
        )
    return _pair_renames(out, record)


def _parent(path: str) -> str:
    for mark in (".", "[]"):
        if mark in path:
            return path[: path.rfind(mark)]
    return ""


def _pair_renames(findings: list[Finding], record: dict[str, RecordedOperation]) -> list[Finding]:
    """One `*-renamed` / `operation-path-changed` finding for each removal matched by an addition."""
    titles = {(item.page, item.title): key for key, item in record.items()}
    removed: dict[tuple[str, str], list[Finding]] = {}
    for f in findings:
        if f.kind in (
            "parameter-removed",
            "request-field-removed",
            "response-field-removed",
            "operation-removed",
        ):
            removed.setdefault((f.operation, f.kind), []).append(f)
    used: set[int] = set()
    out: list[Finding] = []
    for finding in findings:
        candidates: list[Finding] = []
        new_kind = ""
        if finding.kind == "operation-missing":
            old_key = titles.get((finding.page, finding.page_value))
            candidates = removed.get((old_key, "operation-removed"), []) if old_key else []
            new_kind = "operation-path-changed"
        elif finding.kind in ("parameter-missing", "request-field-missing", "response-field-missing"):
            kind = finding.kind.replace("-missing", "-removed")
            candidates = [
                c
                for c in removed.get((finding.operation, kind), [])
                if _same_place(c.subject, finding.subject, kind)
            ]
            new_kind = finding.kind.replace("-missing", "-renamed")
        partner = next((c for c in candidates if id(c) not in used), None)
        if partner is None:
            out.append(finding)
            continue
        used.add(id(partner))
        out.append(
            replace(
                finding,
                kind=new_kind,
                subject=f"{partner.subject} -> {finding.subject}",
                severity=Severity.DIFFERENT,
                spec_value=partner.subject,
                page_value=finding.subject,
                fact=None,
                message=f"the reviewed page had {partner.subject} where it now has {finding.subject} (spec "
                f"has {partner.subject}): a rename or move, for a person to decide",
            )
        )
    return [f for f in out if id(f) not in used]


def _same_place(old: str, new: str, kind: str) -> bool:
    if kind == "parameter-removed":
        return old.split(":", 1)[0] == new.split(":", 1)[0]
    return _parent(old) == _parent(new)
