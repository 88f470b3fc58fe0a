"""Check 3: the documented inventory (spec/inventory.yaml) is present in the spec.

The inventory is written by hand from the vendor pages and spec/DECISIONS.md, independently of the spec, so a
fact dropped from the spec by an edit (a status code, a parameter, a `WWW-Authenticate` header, a security
alternative) fails loudly with the name of what is missing. Extra responses or parameters in the spec are not
problems: the inventory lists what must be there, not everything that may be.

Expectations inside an operation are written as partial documents and matched by `_expect`: a mapping must
have at least the listed keys, `null` means "present, any value", a list must contain every listed item,
anything else must be equal. `$ref`s are followed on the spec side; header names compare case-insensitively.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from spec_model import HTTP_METHODS, iter_operations

from .document import SpecLoadError, load_spec, resolve
from .problems import Problem, pointer


class InventoryError(Exception):
    """The inventory file itself is missing or malformed; a one-line reason."""


def load_inventory(path: Path) -> dict[str, Any]:
    try:
        data = load_spec(path)
    except SpecLoadError as exc:
        raise InventoryError(f"{path}: {exc}") from None
    return data


@dataclass(frozen=True)
class _Context:
    file: str
    document: dict[str, Any]
    label: str  # e.g. "listJobs (GET /backup/google/admin/jobs)"
    source: str  # where the fact comes from, for the message


def _lookup_key(node: Any, key: str, case_insensitive: bool) -> Any:
    if not isinstance(node, dict):
        return None
    if key in node:
        return node[key]
    if case_insensitive:
        for candidate, value in node.items():
            if candidate.lower() == key.lower():
                return value
    return None


def _rule_for(trail: tuple[str, ...]) -> str:
    if "headers" in trail:
        return "inventory-header"
    if "content" in trail:
        return "inventory-content"
    if trail[:1] == ("responses",):
        return "inventory-status"
    if trail[:1] == ("requestBody",):
        return "inventory-request-body"
    if trail[:1] == ("parameters",):
        return "inventory-parameter"
    return "inventory-field"


def _describe(trail: tuple[str, ...]) -> str:
    if trail[:1] == ("responses",) and len(trail) == 2:
        return f"documented response {trail[1]}"
    if len(trail) >= 2 and trail[-2] == "headers":
        return f"documented header {trail[-1]!r} of response {trail[1]}"
    if len(trail) >= 2 and trail[-2] == "content":
        return f"documented content type {trail[-1]!r} at {'/'.join(trail[:-2])}"
    return f"documented {'/'.join(trail)}"


def _expect(
    ctx: _Context, actual: Any, where: str, expected: Any, trail: tuple[str, ...]
) -> Iterator[Problem]:
    """Yield a problem for each part of `expected` that `actual` (at pointer `where`) lacks or contradicts."""
    if expected is None:
        return
    if isinstance(expected, dict):
        for key, expected_value in expected.items():
            target, followed = resolve(ctx.document, actual)
            here = followed if followed is not None else where
            own = _lookup_key(actual, key, case_insensitive=trail[-1:] == ("headers",))
            value = own if own is not None else _lookup_key(target, key, trail[-1:] == ("headers",))
            location = here if own is None else where
            if value is None and expected_value is False:
                continue  # an absent boolean (`required`, `deprecated`) means false in OpenAPI
            if value is None:
                missing = (*trail, key)
                yield Problem(
                    ctx.file,
                    location,
                    _rule_for(missing),
                    f"{ctx.label}: {_describe(missing)} is missing (source: {ctx.source})",
                )
                continue
            yield from _expect(ctx, value, f"{location}{pointer(key)}", expected_value, (*trail, key))
        return
    actual_value, followed = resolve(ctx.document, actual)
    here = followed if followed is not None else where
    if isinstance(expected, list):
        present = actual_value if isinstance(actual_value, list) else []
        for item in expected:
            if item not in present:
                yield Problem(
                    ctx.file,
                    here,
                    _rule_for(trail),
                    f"{ctx.label}: documented value {item!r} missing from {'/'.join(trail)} "
                    f"(source: {ctx.source})",
                )
        return
    if actual_value != expected:
        yield Problem(
            ctx.file,
            here,
            _rule_for(trail),
            f"{ctx.label}: {'/'.join(trail)} is {actual_value!r}, documented {expected!r} "
            f"(source: {ctx.source})",
        )


def _parameters(
    document: dict[str, Any], path: str, method: str, path_item: dict[str, Any], operation: dict[str, Any]
) -> dict[tuple[str, str], tuple[dict[str, Any], str]]:
    """(name, in) -> (parameter, pointer of its definition); operation-level ones override path-level ones."""
    found: dict[tuple[str, str], tuple[dict[str, Any], str]] = {}
    levels = ((path_item, pointer("paths", path)), (operation, pointer("paths", path, method)))
    for level, base in levels:
        for index, raw in enumerate(level.get("parameters") or []):
            parameter, followed = resolve(document, raw)
            if isinstance(parameter, dict):
                where = followed if followed is not None else f"{base}/parameters/{index}"
                found[(str(parameter.get("name")), str(parameter.get("in")))] = (parameter, where)
    return found


def _check_parameters(
    ctx: _Context,
    op: tuple[str, str],
    path_item: dict[str, Any],
    operation: dict[str, Any],
    expected: list[Any],
) -> Iterator[Problem]:
    path, method = op
    op_pointer = pointer("paths", path, method)
    present = _parameters(ctx.document, path, method, path_item, operation)
    for item in expected:
        name, location = str(item["name"]), str(item["in"])
        key = (name, location)
        if location == "header":
            key = next((k for k in present if k[1] == "header" and k[0].lower() == name.lower()), key)
        if key not in present:
            yield Problem(
                ctx.file,
                f"{op_pointer}/parameters",
                "inventory-parameter",
                f"{ctx.label}: documented {location} parameter {name!r} is missing (source: {ctx.source})",
            )
            continue
        parameter, where = present[key]
        required = bool(parameter.get("required", False))
        if "required" in item and required != bool(item["required"]):
            yield Problem(
                ctx.file,
                where,
                "inventory-parameter",
                f"{ctx.label}: {location} parameter {name!r} has required={required}, documented "
                f"required={bool(item['required'])} (source: {ctx.source})",
            )
        if "schema" in item:
            trail = ("parameters", f"{location} parameter {name!r}", "schema")
            yield from _expect(ctx, parameter.get("schema"), f"{where}/schema", item["schema"], trail)


def _normalise_security(requirements: Any) -> set[tuple[tuple[str, tuple[str, ...]], ...]]:
    result = set()
    for requirement in requirements or []:
        if isinstance(requirement, dict):
            result.add(
                tuple(sorted((name, tuple(sorted(scopes or []))) for name, scopes in requirement.items()))
            )
    return result


def _render_security(requirement: tuple[tuple[str, tuple[str, ...]], ...]) -> str:
    if not requirement:
        return "{} (anonymous)"
    return " + ".join(f"{name}{list(scopes) if scopes else ''}" for name, scopes in requirement)


def _check_security(
    ctx: _Context, op_pointer: str, operation: dict[str, Any], expected: Any
) -> Iterator[Problem]:
    effective = operation["security"] if "security" in operation else ctx.document.get("security", [])
    have = _normalise_security(effective)
    want = _normalise_security(expected)
    for requirement in sorted(want - have):
        yield Problem(
            ctx.file,
            f"{op_pointer}/security",
            "inventory-security",
            f"{ctx.label}: documented security alternative {_render_security(requirement)} is missing "
            f"(source: {ctx.source})",
        )
    for requirement in sorted(have - want):
        yield Problem(
            ctx.file,
            f"{op_pointer}/security",
            "inventory-security",
            f"{ctx.label}: security alternative {_render_security(requirement)} is not documented "
            f"(source: {ctx.source})",
        )


def _check_operation(file: str, document: dict[str, Any], item: dict[str, Any]) -> Iterator[Problem]:
    method, path, operation_id = str(item["method"]).lower(), str(item["path"]), str(item["operationId"])
    label = f"{operation_id} ({method.upper()} {path})"
    source = str(item.get("source", "inventory"))
    ctx = _Context(file, document, label, source)
    found = (document.get("paths") or {}).get(path)
    path_item: dict[str, Any] = found if isinstance(found, dict) else {}
    operation = path_item.get(method)
    if method not in HTTP_METHODS or not isinstance(operation, dict):
        elsewhere = [op for op in iter_operations(document) if op.operation_id == operation_id]
        hint = f"; operationId {operation_id!r} is at {elsewhere[0].pointer}" if elsewhere else ""
        yield Problem(
            file,
            pointer("paths", path) if path_item else "/paths",
            "inventory-operation",
            f"documented operation {label} is missing{hint} (source: {source})",
        )
        return
    op_pointer = pointer("paths", path, method)
    if operation.get("operationId") != operation_id:
        yield Problem(
            file,
            f"{op_pointer}/operationId",
            "inventory-operation",
            f"{label}: operationId is {operation.get('operationId')!r}, agreed {operation_id!r} "
            f"(source: {source})",
        )
    for tag in item.get("tags", []):
        if tag not in (operation.get("tags") or []):
            yield Problem(
                file, f"{op_pointer}/tags", "inventory-operation", f"{label}: tag {tag!r} is missing"
            )
    yield from _check_parameters(ctx, (path, method), path_item, operation, item.get("parameters", []))
    if "security" in item:
        yield from _check_security(ctx, op_pointer, operation, item["security"])
    if item.get("requestBody") is not None:
        yield from _expect(ctx, operation, op_pointer, {"requestBody": item["requestBody"]}, ())
    for status, expected in (item.get("responses") or {}).items():
        yield from _expect(ctx, operation, op_pointer, {"responses": {str(status): expected}}, ())


def check_inventory(
    file: str, document: dict[str, Any], inventory: dict[str, Any], name: str
) -> list[Problem]:
    """All inventory facts for the spec called `name` (its file name), checked against `document`."""
    entry = inventory.get(name)
    if not isinstance(entry, dict):
        known = ", ".join(sorted(inventory)) or "none"
        return [Problem(file, "", "inventory-entry", f"no inventory entry for {name!r} (known: {known})")]
    problems: list[Problem] = []
    ctx = _Context(file, document, "components", str(entry.get("source", "inventory")))
    for scheme, expected in (entry.get("securitySchemes") or {}).items():
        problems.extend(
            _expect(ctx, document, "", {"components": {"securitySchemes": {scheme: expected}}}, ())
        )
    for item in entry.get("operations") or []:
        problems.extend(_check_operation(file, document, item))
    return problems
