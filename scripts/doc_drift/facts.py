"""A page's documented facts as a flat map, and the semantic difference between two revisions of a page.

Why a flat map: `--since` and the history replay ask "what did this commit change that a client depends
on?". Comparing the facts the reader extracts (not the page text) is what lets a re-layout, a reworded
sentence or a renamed caption pass while a changed enum value, type, scope or requirement is named. Keys
read like the findings' subjects (`parameter query:pageSize default`), values are normalised the way the
pages vary without meaning to (type words and enum labels compared without case or trailing punctuation).
"""

from __future__ import annotations

import re

from .avepoint_layout import normal_label, sample_fields
from .model import DocField, DocOperation, PageResult

Facts = dict[str, str]
UNREADABLE = "page"


def _word(text: str | None) -> str:
    return re.sub(r"\s+", " ", (text or "").replace("`", "")).strip().lower()


def _field_facts(side: str, path: str, field: DocField) -> Facts:
    facts = {f"{side}-field {path} type": _word(field.doc_type) or "unstated"}
    if field.required:
        facts[f"{side}-field {path} required"] = field.required
    if field.default is not None:
        facts[f"{side}-field {path} default"] = field.default
    for value in field.enum or []:
        facts[f"{side}-field {path} enum {value}"] = normal_label(field.enum_labels.get(value, ""))
    return facts


def operation_facts(op: DocOperation) -> Facts:
    """Every fact one operation of a page documents (what a client or the spec depends on)."""
    facts: Facts = {"operation": op.key}
    facts.update({f"scope {scope}": "required" for scope in op.scopes})
    facts.update({f"status {status}": "documented" for status in op.responses})
    for param in op.parameters:
        key = f"parameter {param.location}:{param.name}"
        facts[f"{key} type"] = _word(param.doc_type) or "unstated"
        facts[f"{key} required"] = param.requirement or "unstated"
        if param.default is not None:
            facts[f"{key} default"] = param.default
        for value in param.enum or []:
            facts[f"{key} enum {value}"] = normal_label(param.enum_labels.get(value, ""))
    for path, doc_field in (op.request_fields or {}).items():
        if path and not path.endswith("[]"):
            facts.update(_field_facts("request", path, doc_field))
    for path, doc_field in (op.response_fields or {}).items():
        if path and not path.endswith("[]") and doc_field.source == "table":
            facts.update(_field_facts("response", path, doc_field))
    if op.has_response_sample:
        for path, doc_field in sample_fields(op.response_sample).items():
            if path and not path.endswith("[]"):
                facts[f"sample-field {path} type"] = doc_field.doc_type or "null"
    facts.update({f"sample-query {name}": "sent" for name in op.sample_query_names})
    if op.sample_host:
        facts["sample-host"] = op.sample_host
    return facts


def page_facts(result: PageResult) -> Facts:
    """The facts of a parsed page; an unreadable page is one fact saying why (so it is never silent)."""
    if result.error:
        return {UNREADABLE: f"unreadable ({result.error})"}
    facts: Facts = {}
    for index, op in enumerate(result.operations):
        prefix = "" if len(result.operations) == 1 else f"[{index}] "
        facts.update({f"{prefix}{key}": value for key, value in operation_facts(op).items()})
    return facts


def changes(old: Facts | None, new: Facts | None) -> list[str]:
    """One line per changed fact: `+ KEY = VALUE`, `- KEY = VALUE` or `~ KEY: OLD -> NEW`."""
    before, after = old or {}, new or {}
    lines = []
    for key in sorted(before.keys() | after.keys()):
        if key not in before:
            lines.append(f"+ {key} = {after[key]}")
        elif key not in after:
            lines.append(f"- {key} = {before[key]}")
        elif before[key] != after[key]:
            lines.append(f"~ {key}: {before[key]} -> {after[key]}")
    return lines
