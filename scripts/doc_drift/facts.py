"""A page's documented facts as a flat map, and the semantic difference between two revisions of a page.

Why a flat map: `--since` and the history replay ask "what did this commit change that a client depends
on?". Comparing the facts the reader extracts (not the page text) is what lets a re-layout, a reworded
sentence or a renamed caption pass while a changed enum value, type, scope or requirement is named. Keys
read like the findings' subjects (`parameter query:pageSize default`), values are normalised the way the
pages vary without meaning to (type words and enum labels compared without case or trailing punctuation).
"""

from __future__ import annotations

import re

from .avepoint_layout import normal_label
from .json_samples import sample_fields
from .markdown_blocks import parse_sections, tables
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


_HEADED_OPERATION = re.compile(r"^\[(GET|POST|PUT|PATCH|DELETE)\]\s*(\S+)", re.IGNORECASE)


def _operation_key(method: str, path: str) -> str:
    path = path.split("?", 1)[0].strip().strip("`")
    return f"operation {method.upper()} {path if path.startswith('/') else '/' + path}"


def outline_facts(text: str) -> Facts:
    """What can still be named on a page whose layout the reader does not read (the 2024 pages): the
    operations its `[GET] /path` headings or method/endpoint tables name, and the scopes of its permission
    tables. Not a reading of the page, so the page stays unreadable; but a changed path or scope is named."""
    facts: Facts = {}
    for section in parse_sections(text):
        headed = _HEADED_OPERATION.match(section.title.text.strip())
        if headed:
            facts[_operation_key(headed.group(1), headed.group(2))] = "documented (outline)"
        for table in tables(section):
            method, endpoint = table.column("Method", "HTTP Method"), table.column("Endpoint")
            if method is not None and endpoint is not None:
                for row in table.rows:
                    if method < len(row) and endpoint < len(row) and row[method].text.strip():
                        key = _operation_key(row[method].text.strip(), row[endpoint].text.strip())
                        facts[key] = "documented (outline)"
            scope = table.column("Permission", "Permission required", "Permissions")
            if scope is not None:
                for row in table.rows:
                    for word in re.split(r"[\s,]+", row[scope].text.replace("`", "").strip()):
                        if word and word.lower() not in ("or", "and"):
                            facts[f"scope {word}"] = "required (outline)"
    return facts
