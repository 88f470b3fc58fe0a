"""From the pages' type words, enum values and defaults to JSON Schema (`long` -> integer, `list` ->
array)."""

from __future__ import annotations

import re
from typing import Any

from ..model import DocField
from .proposal import Unplaceable

# --- schemas from the pages' type words ---------------------------------------------------------------------

_WORD_TYPES = {
    "number": "number",
    "double": "number",
    "float": "number",
    "decimal": "number",
    "integer": "integer",
    "int": "integer",
    "long": "integer",
    "string": "string",
    "boolean": "boolean",
    "bool": "boolean",
    "object": "object",
    "list": "array",
    "array": "array",
    "null": "null",
}


def typed(value: str, kind: str) -> Any:
    if kind == "integer" and re.fullmatch(r"-?\d+", value):
        return int(value)
    if kind == "number" and re.fullmatch(r"-?\d+(\.\d+)?", value):
        return float(value) if "." in value else int(value)
    if kind == "boolean" and value.lower() in ("true", "false"):
        return value.lower() == "true"
    return value


def schema_for(
    doc_type: str | None, enum: list[str] | None = None, default: str | None = None
) -> dict[str, Any]:
    """A JSON Schema for a page's type word, enum values and default; Unplaceable for an unknown word."""
    words = [w.strip().lower() for w in (doc_type or "").split("|") if w.strip()]
    if enum:
        kind = "integer" if all(re.fullmatch(r"-?\d+", v) for v in enum) else "string"
        schema: dict[str, Any] = {"type": kind, "enum": [typed(v, kind) for v in enum]}
    elif not words:
        raise Unplaceable("the page gives no type for it")
    else:
        types: list[str] = []
        items: dict[str, Any] | None = None
        for word in words:
            if word.endswith("[]"):
                types.append("array")
                items = schema_for(word[:-2])
            elif word == "enum":
                raise Unplaceable("the page calls it an enum but lists no values")
            elif word in _WORD_TYPES:
                types.append(_WORD_TYPES[word])
            else:
                raise Unplaceable(f"the page's type word {word!r} is not a known type")
        schema = {"type": types[0] if len(types) == 1 else types}
        if "array" in types:
            schema["items"] = items or {"type": "string"}
        kind = types[0]
    if default is not None:
        schema["default"] = typed(default, str(schema["type"]) if isinstance(schema["type"], str) else kind)
    return schema


def plain(value: Any) -> str:
    return str(value).lower() if isinstance(value, bool) else str(value)


def type_text(schema: dict[str, Any]) -> str:
    kind = schema.get("type", "any")
    text = " or ".join(kind) if isinstance(kind, list) else str(kind)
    if "enum" in schema:
        text += ", one of " + ", ".join(plain(v) for v in schema["enum"])
    if "default" in schema:
        text += f", default {plain(schema['default'])}"
    return text


def schema_from_fields(fields: dict[str, DocField], path: str = "") -> dict[str, Any]:
    """A nested schema from a page's flat field map (`jobs[].id` -> properties/items)."""
    here = fields.get(path)
    children = sorted(
        p[len(path) + 1 if path else 0 :]
        for p in fields
        if p != path
        and p.startswith(f"{path}." if path else "")
        and "." not in p[len(path) + 1 if path else 0 :]
        and "[]" not in p[len(path) + 1 if path else 0 :]
    )
    if f"{path}[]" in fields:
        return {"type": "array", "items": schema_from_fields(fields, f"{path}[]")}
    if children or (here is not None and (here.doc_type or "").lower() == "object"):
        props = {name: schema_from_fields(fields, f"{path}.{name}" if path else name) for name in children}
        return {"type": "object", "properties": props} if props else {"type": "object"}
    if here is None:
        return {}
    return schema_for(here.doc_type, here.enum)


# --- the editor ---------------------------------------------------------------------------------------------
