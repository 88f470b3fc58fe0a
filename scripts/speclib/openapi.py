"""OpenAPI documents as the doc tools read them: operations, parameters and schemas in a flattened form.

Loading and `$ref` resolution are spec_model's (one strict loader, one resolver for the whole project); this
module adds what doc drift and spec diff need on top: a whole-document inline of the references and
`SchemaView`, the flattened reading of a schema both tools compare. Operations and path templates are
spec_model's too (`iter_operations`, `path_shape`), so both tools pair operations the same way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from spec_model import (
    RefResolver,
    SpecLoadError,
    SpecRefError,
    load_document,
    parse_document,
)

JsonDict = dict[str, Any]


class SpecError(Exception):
    """A spec file that cannot be read or is not an OpenAPI document; the message names the file."""


def load_yaml_text(text: str, source: str) -> JsonDict:
    """Parse YAML text that must hold a mapping; `source` names the origin in error messages."""
    try:
        return parse_document(text)
    except SpecLoadError as exc:
        raise SpecError(f"{source}: not valid YAML ({exc})") from exc


def load_spec(path: Path) -> JsonDict:
    """Read one OpenAPI document from disk."""
    try:
        doc = load_document(path)
    except SpecLoadError as exc:
        raise SpecError(f"{path}: {exc}") from exc
    if "openapi" not in doc:
        raise SpecError(f"{path}: has no 'openapi' field, so it is not an OpenAPI document")
    return doc


def is_openapi_file(path: Path) -> bool:
    """True for YAML files in spec/ that are OpenAPI documents (not the allowlist or the Spectral ruleset)."""
    if path.suffix not in (".yaml", ".yml") or path.name.startswith("."):
        return False
    try:
        head = path.read_text(encoding="utf-8")[:4096]
    except OSError:
        return False
    return re.search(r"^openapi:\s*['\"]?3\.", head, flags=re.MULTILINE) is not None


def resolve_refs(doc: JsonDict) -> JsonDict:
    """Return a copy of `doc` with every local `$ref` replaced by its target (spec_model's `inline`).

    Siblings of a `$ref` (allowed in OpenAPI 3.1, e.g. a `default` next to a schema ref) override the target's
    members. A ref that would recurse into itself is left as `{"$ref": ...}` so cyclic schemas stay finite.
    """
    try:
        resolved = RefResolver(doc).inline(doc)
    except SpecRefError as exc:
        raise SpecError(str(exc)) from exc
    assert isinstance(resolved, dict)
    return resolved


@dataclass
class SchemaView:
    """What a schema says about one value once `allOf`/`anyOf`/`oneOf` branches are merged.

    `types` is empty when the schema does not restrict the type. Enum values are kept as their JSON values;
    `enum` is None when the schema lists none (any value of the types is allowed).
    """

    types: set[str] = field(default_factory=set)
    enum: list[Any] | None = None
    properties: dict[str, JsonDict] = field(default_factory=dict)
    required: set[str] = field(default_factory=set)
    items: list[JsonDict] = field(default_factory=list)
    default: Any = None
    has_default: bool = False
    constraints: dict[str, Any] = field(default_factory=dict)


CONSTRAINT_KEYS = (
    "minimum",
    "maximum",
    "exclusiveMinimum",
    "exclusiveMaximum",
    "minLength",
    "maxLength",
    "minItems",
    "maxItems",
    "pattern",
    "format",
)


def _json_type_of(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    return "object"


def schema_view(schema: Any) -> SchemaView:
    """Flatten a resolved schema into a SchemaView (see the class docstring)."""
    view = SchemaView()
    if not isinstance(schema, dict):
        return view
    _merge_into(view, schema)
    if view.enum is not None and not view.types:
        view.types = {_json_type_of(v) for v in view.enum}
    return view


def _merge_into(view: SchemaView, schema: JsonDict) -> None:
    declared = schema.get("type")
    if isinstance(declared, str):
        view.types.add(declared)
    elif isinstance(declared, list):
        view.types.update(str(t) for t in declared)
    if schema.get("nullable") is True:
        view.types.add("null")
    values: list[Any] = []
    if isinstance(schema.get("enum"), list):
        values.extend(schema["enum"])
    if "const" in schema:
        values.append(schema["const"])
    if values:
        view.enum = [*(view.enum or []), *(v for v in values if v not in (view.enum or []))]
    for name, prop in (schema.get("properties") or {}).items():
        if isinstance(prop, dict):
            view.properties.setdefault(str(name), prop)
    view.required.update(str(r) for r in schema.get("required") or [])
    if isinstance(schema.get("items"), dict):
        view.items.append(schema["items"])
    if "default" in schema and not view.has_default:
        view.default, view.has_default = schema["default"], True
    for key in CONSTRAINT_KEYS:
        if key in schema and key not in view.constraints:
            view.constraints[key] = schema[key]
    for combinator in ("allOf", "anyOf", "oneOf"):
        branches = [b for b in schema.get(combinator) or [] if isinstance(b, dict)]
        for branch in branches:
            required_before = set(view.required)
            _merge_into(view, branch)
            if combinator != "allOf":
                # A property required by only one alternative is not required overall.
                view.required = required_before | (view.required & _required_in_all(branches))
        if combinator != "allOf" and branches and any(_is_open_alternative(b) for b in branches):
            # `anyOf: [{enum: [...]}, {type: integer}]` is an open enum: any value of the type is accepted.
            view.enum = None


def _required_in_all(branches: list[JsonDict]) -> set[str]:
    sets = [set(map(str, b.get("required") or [])) for b in branches]
    return set.intersection(*sets) if sets else set()


def _is_open_alternative(branch: JsonDict) -> bool:
    """A branch that accepts values of its type without listing them (no enum, no const).

    A branch held to a ``pattern`` is not open: it spells listed values another way (``levelMode`` in any
    letter case, OLC-12), so the enum beside it still names every value the docs may list.
    """
    if "enum" in branch or "const" in branch or "pattern" in branch:
        return False
    return "type" in branch and branch["type"] != "null"


def flatten_fields(schema: Any, prefix: str = "") -> dict[str, SchemaView]:
    """Every field reachable in a schema, keyed by a dotted path (`jobs[].jobId`; `[]` is an array item).

    The key "" is the schema itself. Cyclic refs left by resolve_refs end the walk there.
    """
    out: dict[str, SchemaView] = {}

    def walk(node: Any, path: str, depth: int) -> None:
        view = schema_view(node)
        out[path] = view
        if depth > 12:
            return
        for name, prop in view.properties.items():
            walk(prop, f"{path}.{name}" if path else name, depth + 1)
        if view.items:
            merged: JsonDict = {"anyOf": view.items} if len(view.items) > 1 else view.items[0]
            walk(merged, f"{path}[]", depth + 1)

    walk(schema, prefix, 0)
    return out


def json_media_schema(content: Any) -> tuple[str, Any] | None:
    """The first JSON media type of a `content` map and its schema, or None."""
    if not isinstance(content, dict):
        return None
    for media, entry in content.items():
        if "json" in str(media) and isinstance(entry, dict):
            return str(media), entry.get("schema")
    return None
