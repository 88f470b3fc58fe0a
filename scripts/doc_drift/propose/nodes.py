"""Placing and naming YAML nodes in a round-tripped spec: TODO marks, sorted inserts, new operation IDs
and tags."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from typing import Any

from spec_model import HTTP_METHODS

from ..model import DocOperation
from ..yaml_edit import SpecFile, to_node


def mark(node: Any, todo: str) -> None:
    """Put the TODO on a node; an existing decision ID is kept in a comment for the reviewer."""
    previous = node.get("x-decision")
    node["x-decision"] = todo
    if previous and hasattr(node, "yaml_add_eol_comment"):
        node.yaml_add_eol_comment(f"was {previous}", "x-decision")


def property_node(sf: SpecFile, node: Any, name: str) -> Any:
    props = node.get("properties") or {}
    if name in props:
        return props[name]
    for combinator in ("allOf", "anyOf", "oneOf"):
        for branch in node.get(combinator) or []:
            found = property_node(sf, sf.deref(branch), name)
            if found is not None:
                return found
    return None


def enum_node(sf: SpecFile, schema: Any) -> Any:
    node = sf.deref(schema)
    if not isinstance(node, dict):
        return None
    if isinstance(node.get("enum"), list):
        return node
    for combinator in ("allOf", "anyOf", "oneOf"):
        for branch in node.get(combinator) or []:
            found = enum_node(sf, branch)
            if found is not None:
                return found
    return None


def varname(value: str, label: str, taken: list[str]) -> str:
    if re.fullmatch(r"[A-Za-z][A-Za-z0-9]*", value):
        base = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", value).upper()
    elif label and len(label.split()) <= 4:
        base = re.sub(r"[^A-Za-z0-9]+", "_", label).strip("_").upper()
    else:
        base = f"VALUE_{re.sub(r'[^A-Za-z0-9]+', '_', value)}"
    name, number = base, 2
    while name in taken:
        name, number = f"{base}_{number}", number + 1
    return name


def insert_sorted(responses: Any, status: str, node: Any) -> None:
    keys = [str(k) for k in responses]
    position = next((i for i, k in enumerate(keys) if k > status and not k.startswith("x-")), len(keys))
    responses.insert(position, status, node)


def insert_path(paths: Any, path: str, item: Any) -> None:
    """Insert a path item after the existing path that shares the longest prefix with it (readable diff)."""
    keys = [str(k) for k in paths]
    best, best_len = len(keys), -1
    for index, key in enumerate(keys):
        common = len(common_prefix(key, path))
        if common >= best_len:
            best, best_len = index + 1, common
    paths.insert(best, path, item)


def common_prefix(a: str, b: str) -> str:
    out = []
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        out.append(x)
    return "".join(out)


def operations(sf: SpecFile) -> Iterator[tuple[str, Any]]:
    for path, item in (sf.doc.get("paths") or {}).items():
        for method in HTTP_METHODS:
            if isinstance(item, dict) and isinstance(item.get(method), dict):
                yield str(path), item[method]


def operation_id(sf: SpecFile, title: str) -> str:
    words = re.findall(r"[A-Za-z0-9]+", title)
    base = (words[0].lower() + "".join(w[:1].upper() + w[1:] for w in words[1:])) if words else "newOperation"
    taken = {str(op.get("operationId")) for _, op in operations(sf)}
    name, number = base, 2
    while name in taken:
        name, number = f"{base}{number}", number + 1
    return name


def sibling_tags(ops: list[Any]) -> Any:
    tags = Counter(str(op["tags"][0]) for op in ops if op.get("tags"))
    chosen = [tags.most_common(1)[0][0]] if tags else ["Proposed"]
    flow = next((op["tags"] for op in ops if op.get("tags")), None)
    seq = to_node(chosen)
    if flow is not None and getattr(flow, "fa", None) is not None and flow.fa.flow_style():
        seq.fa.set_flow_style()
    return seq


def operation_description(doc_op: DocOperation, todo: str) -> str:
    params = ", ".join(f"{p.location} {p.name}" for p in doc_op.parameters) or "no parameters"
    statuses = ", ".join(sorted(doc_op.responses)) or "no status"
    body = f"a body ({doc_op.request_content_type})" if doc_op.request_content_type else "no body"
    return (
        f"{doc_op.method.upper()} {doc_op.path}, newly documented on the vendor page {doc_op.page} "
        "under the title "
        f"'{doc_op.title}': takes {params} and {body}; answers {statuses}. Proposed by doc drift as {todo}; "
        "describe what it does when the decision is recorded."
    )
