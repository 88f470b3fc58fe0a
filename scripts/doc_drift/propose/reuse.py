"""Reusing what the spec already has: shared error responses, named component schemas and their examples."""

from __future__ import annotations

import copy
import re
from collections import Counter
from typing import Any

from ..model import DocResponse
from ..yaml_edit import SpecFile
from .nodes import common_prefix, operations


def reusable_response(sf: SpecFile, path: str, response: DocResponse) -> str | None:
    """The `components/responses` entry other operations use for this error status, nearest path first.

    Only error statuses are shared this way: a success response carries operation-specific links and bodies.
    The component must offer what the page lists (content types, headers) and have no body where the page
    says there is none."""
    if not response.status.startswith(("4", "5")):
        return None
    scores: Counter[str] = Counter()
    nearest: dict[str, int] = {}
    for other_path, op in operations(sf):
        ref = ((op.get("responses") or {}).get(response.status) or {}).get("$ref")
        if isinstance(ref, str) and ref.startswith("#/components/responses/"):
            name = ref.rsplit("/", 1)[1]
            scores[name] += 1
            nearest[name] = max(nearest.get(name, 0), len(common_prefix(other_path, path)))
    if not scores:
        return None
    best = max(scores, key=lambda n: (nearest[n], scores[n]))
    component = sf.deref({"$ref": f"#/components/responses/{best}"})
    media = set(component.get("content") or {})
    if response.content_types - media or (response.no_body and media):
        return None
    headers = {re.sub(r"[^a-z0-9]", "", str(h).lower()) for h in component.get("headers") or {}}
    if {re.sub(r"[^a-z0-9]", "", h.lower()) for h in response.headers} - headers:
        return None
    return best


_JSON_NAME = re.compile(r"JSON(?: [A-Z][\w/]*)+(?: \([^)]*\))?")


def named_component(sf: SpecFile, text: str) -> str | None:
    """The component schema whose vendor name ("JSON Name/Value List ...") the page's text contains."""
    if not text:
        return None
    best: tuple[int, str] | None = None
    for key, schema in (sf.doc.get("components", {}).get("schemas") or {}).items():
        for phrase in _JSON_NAME.findall(str(schema.get("description") or "")):
            if re.search(rf"(?<![\w/]){re.escape(phrase)}(?![\w/])", text) and (
                best is None or len(phrase) > best[0]
            ):
                best = (len(phrase), str(key))
    return best[1] if best else None


def examples_for(sf: SpecFile, schema: dict[str, Any]) -> tuple[str, Any] | None:
    """`examples`/`example` of another media object that uses the same component schema."""
    ref = schema.get("$ref")
    if not isinstance(ref, str):
        return None

    def walk(node: Any) -> tuple[str, Any] | None:
        if isinstance(node, dict):
            inner = node.get("schema")
            if isinstance(inner, dict) and inner.get("$ref") == ref:
                for key in ("examples", "example"):
                    if key in node:
                        return key, copy.deepcopy(node[key])
            for value in node.values():
                found = walk(value)
                if found:
                    return found
        elif isinstance(node, list):
            for value in node:
                found = walk(value)
                if found:
                    return found
        return None

    return walk(sf.doc)


def example(sf: SpecFile, schema: Any) -> Any:
    node = sf.deref(schema)
    if not isinstance(node, dict):
        return None
    if node.get("examples"):
        return copy.deepcopy(node["examples"][0])
    if "enum" in node:
        return node["enum"][0]
    kind = node.get("type")
    kind = kind[0] if isinstance(kind, list) else kind
    if kind == "object":
        return {name: example(sf, prop) for name, prop in (node.get("properties") or {}).items()}
    if kind == "array":
        return [example(sf, node["items"])] if isinstance(node.get("items"), dict) else []
    return {"integer": 0, "number": 0, "boolean": True, "null": None}.get(str(kind), "text")


def shared_note(raw: Any) -> str:
    ref = raw.get("$ref") if isinstance(raw, dict) else None
    return f" (in the shared {ref.rsplit('/', 1)[1]}: every operation using it gets it)" if ref else ""
