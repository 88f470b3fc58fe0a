"""Loading OpenAPI documents and reading operations, parameters and schemas in a flattened form."""

from __future__ import annotations

import copy
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
JsonDict = dict[str, Any]


class SpecError(Exception):
    """A spec file that cannot be read or is not an OpenAPI document; the message names the file."""


def load_yaml_text(text: str, source: str) -> JsonDict:
    """Parse YAML text that must hold a mapping; `source` names the origin in error messages."""
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise SpecError(f"{source}: not valid YAML ({exc.__class__.__name__})") from exc
    if not isinstance(data, dict):
        raise SpecError(f"{source}: expected a mapping at the top level")
    return data


def load_spec(path: Path) -> JsonDict:
    """Read one OpenAPI document from disk."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise SpecError(f"{path}: cannot read ({exc.strerror})") from exc
    doc = load_yaml_text(text, str(path))
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


def _pointer_get(doc: JsonDict, ref: str) -> Any:
    if not ref.startswith("#/"):
        raise SpecError(f"only local $refs are supported, found {ref!r}")
    node: Any = doc
    for raw in ref[2:].split("/"):
        part = raw.replace("~1", "/").replace("~0", "~")
        if isinstance(node, Mapping) and part in node:
            node = node[part]
        elif isinstance(node, list) and part.isdigit() and int(part) < len(node):
            node = node[int(part)]
        else:
            raise SpecError(f"$ref {ref!r} points at nothing")
    return node


def resolve_refs(doc: JsonDict) -> JsonDict:
    """Return a copy of `doc` with every local `$ref` replaced by its target.

    Siblings of a `$ref` (allowed in OpenAPI 3.1, e.g. a `default` next to a schema ref) override the target's
    members. A ref that would recurse into itself is left as `{"$ref": ...}` so cyclic schemas stay finite.
    """

    def walk(node: Any, active: tuple[str, ...]) -> Any:
        if isinstance(node, dict):
            ref = node.get("$ref")
            if isinstance(ref, str):
                if ref in active:
                    return {"$ref": ref}
                target = walk(copy.deepcopy(_pointer_get(doc, ref)), (*active, ref))
                siblings = {k: walk(v, active) for k, v in node.items() if k != "$ref"}
                if isinstance(target, dict):
                    return {**target, **siblings}
                return target
            return {k: walk(v, active) for k, v in node.items()}
        if isinstance(node, list):
            return [walk(item, active) for item in node]
        return node

    resolved = walk(doc, ())
    assert isinstance(resolved, dict)
    return resolved


def path_shape(path: str) -> str:
    """The path with every template variable blanked: `/jobs/{jobId}` -> `/jobs/{}`.

    Operations are matched on method and shape, so a renamed path parameter shows up as a named difference
    instead of as one removed and one added operation.
    """
    return re.sub(r"\{[^}]*\}", "{}", path.strip())


def path_variables(path: str) -> list[str]:
    return re.findall(r"\{([^}]*)\}", path)


@dataclass(frozen=True)
class Operation:
    """One operation of a resolved spec, with path-level parameters already merged in."""

    method: str
    path: str
    node: JsonDict
    parameters: tuple[JsonDict, ...]

    @property
    def key(self) -> str:
        return f"{self.method.upper()} {self.path}"

    @property
    def operation_id(self) -> str | None:
        value = self.node.get("operationId")
        return value if isinstance(value, str) else None

    def parameter(self, location: str, name: str) -> JsonDict | None:
        for param in self.parameters:
            if param.get("in") == location and param.get("name") == name:
                return param
        return None


def iter_operations(resolved: JsonDict) -> Iterator[Operation]:
    """Every operation of a document whose refs are already resolved."""
    paths = resolved.get("paths") or {}
    for path, item in paths.items():
        if not isinstance(item, dict):
            continue
        shared = [p for p in item.get("parameters") or [] if isinstance(p, dict)]
        for method in HTTP_METHODS:
            node = item.get(method)
            if not isinstance(node, dict):
                continue
            own = [p for p in node.get("parameters") or [] if isinstance(p, dict)]
            own_keys = {(p.get("in"), p.get("name")) for p in own}
            merged = [p for p in shared if (p.get("in"), p.get("name")) not in own_keys] + own
            yield Operation(method=method, path=str(path), node=node, parameters=tuple(merged))


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
