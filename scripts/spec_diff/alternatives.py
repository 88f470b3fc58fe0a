"""A schema as the list of alternatives it admits, so that `anyOf`/`oneOf` are compared as unions.

Flattening every branch into one view (what `speclib.openapi.schema_view` does for the generator) mixes the
constraints of different branches: `anyOf: [{enum: [...]}, {pattern: ...}]` looks like an enum *with* a
pattern, which a diff would call a narrowing. Here each branch becomes one alternative, with the sibling
keywords of its parent merged in and one alternative per JSON type, so two versions can be compared branch by
branch: the union accepts everything the old one did when every old alternative is covered by a new one.
`oneOf` is read as `anyOf` (its exclusivity only matters to branches that overlap).
"""

from __future__ import annotations

from typing import Any

from ..speclib.openapi import JsonDict
from ..speclib.openapi import _json_type_of as _json_type  # one JSON-type rule for speclib and the diff

COMBINATORS = ("anyOf", "oneOf")

# Keywords that only restrict values of one JSON type; dropped from the alternatives of other types.
_TYPE_KEYWORDS: dict[str, tuple[str, ...]] = {
    "string": ("minLength", "maxLength", "pattern", "format", "contentEncoding", "contentMediaType"),
    "number": ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf", "format"),
    "array": ("items", "prefixItems", "minItems", "maxItems", "uniqueItems", "contains"),
    "object": (
        "properties",
        "required",
        "additionalProperties",
        "patternProperties",
        "minProperties",
        "maxProperties",
    ),
}
_TYPE_KEYWORDS["integer"] = _TYPE_KEYWORDS["number"]
_ALL_TYPE_KEYWORDS = frozenset(k for keys in _TYPE_KEYWORDS.values() for k in keys)

# Text that says nothing about which values are accepted; reported once for the whole union, not per branch.
_ANNOTATIONS = ("description", "title", "examples", "example", "$comment", "default")


def is_composed(schema: Any) -> bool:
    return isinstance(schema, dict) and any(isinstance(schema.get(c), list) for c in COMBINATORS)


def alternatives(schema: Any, depth: int = 0) -> list[JsonDict]:
    """The alternatives a resolved schema admits: no `anyOf`/`oneOf` at the top and one JSON type each."""
    if not isinstance(schema, dict):
        return [{}]
    if "$ref" in schema or depth > 8:
        return [schema]
    base = {k: v for k, v in schema.items() if k not in COMBINATORS and k not in _ANNOTATIONS}
    branches = [b for c in COMBINATORS for b in schema.get(c) or [] if isinstance(b, dict)]
    if not branches:
        return _split_by_type(base)
    out: list[JsonDict] = []
    for branch in branches:
        for alternative in alternatives({**base, **branch}, depth + 1):
            if alternative not in out:
                out.append(alternative)
    return out


def _split_by_type(schema: JsonDict) -> list[JsonDict]:
    types = _types(schema)
    if len(types) <= 1:
        return [_without_annotations(schema)]
    out: list[JsonDict] = []
    for name in types:
        own = set(_TYPE_KEYWORDS.get(name, ()))
        alternative = {
            k: v
            for k, v in schema.items()
            if k not in ("type", "nullable") and (k in own or k not in _ALL_TYPE_KEYWORDS)
        }
        alternative["type"] = name
        if isinstance(schema.get("enum"), list):
            alternative["enum"] = [v for v in schema["enum"] if _json_type(v) in (name, _wider(name))]
            if not alternative["enum"]:
                continue
        out.append(_without_annotations(alternative))
    return out


def _types(schema: JsonDict) -> list[str]:
    declared = schema.get("type")
    types = [declared] if isinstance(declared, str) else [str(t) for t in declared or []]
    if schema.get("nullable") is True and "null" not in types:
        types.append("null")
    if not types and isinstance(schema.get("enum"), list):
        types = list(dict.fromkeys(_json_type(v) for v in schema["enum"]))
    return types


def _wider(name: str) -> str:
    return "integer" if name == "number" else name


def _without_annotations(schema: JsonDict) -> JsonDict:
    return {k: v for k, v in schema.items() if k not in _ANNOTATIONS}


def type_of(alternative: JsonDict) -> str | None:
    types = _types(alternative)
    return types[0] if len(types) == 1 else None


def describe(alternative: JsonDict) -> str:
    """A short label of one alternative for a change message: its type and the keywords that restrict it."""
    parts = [type_of(alternative) or "any value"]
    for key in sorted(alternative):
        if key in ("type", "nullable") or key.startswith("x-"):
            continue
        parts.append(f"{key} {shorten(alternative[key])}")
    return " ".join(parts)


def shorten(value: Any, limit: int = 60) -> str:
    """`repr` of a value cut to about `limit` characters: a long regex in a CHANGELOG line helps nobody."""
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"
