"""Classify the differences between two versions of one schema.

The direction decides the level: in a *request* the client sends and the server must accept, so narrowing what
is accepted breaks clients; in a *response* the client receives, so widening what may arrive breaks them.
This follows oasdiff's rules, including its choice that a new enum value in a response is a WARN (it breaks
clients with closed enums; our generated clients keep unknown values, decision AVE-08).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from speclib.openapi import SchemaView, schema_view

from specdiff_lib.changes import Kind, Level

Emit = Callable[[Level, Kind, str, str, str], None]

_LOWER_BOUNDS = ("minimum", "exclusiveMinimum", "minLength", "minItems")
_UPPER_BOUNDS = ("maximum", "exclusiveMaximum", "maxLength", "maxItems")


def _covers(wider: set[str], narrower: set[str]) -> bool:
    """True when every type in `narrower` is accepted by `wider` (an empty set accepts anything)."""
    if not wider:
        return True
    if not narrower:
        return False
    accepted = wider | ({"integer"} if "number" in wider else set())
    return narrower <= accepted


def _fmt(values: Any) -> str:
    if isinstance(values, (set, list, tuple)):
        return ", ".join(sorted(repr(v) for v in values)) or "any"
    return repr(values)


class SchemaDiff:
    """Walks two schema versions in parallel and reports each difference through `emit`."""

    def __init__(self, direction: str, emit: Emit) -> None:
        self.direction = direction
        self.emit = emit

    def run(self, old: Any, new: Any, where: str) -> None:
        self._walk(old, new, where, depth=0)

    def _walk(self, old: Any, new: Any, where: str, depth: int) -> None:
        if depth > 16 or not isinstance(old, dict) or not isinstance(new, dict):
            return
        if "$ref" in old or "$ref" in new:  # a cycle left by resolve_refs: compare the reference only
            if old.get("$ref") != new.get("$ref"):
                self._change(
                    Level.ERR, Kind.CHANGE, "schema-ref-changed", where, "recursive reference changed"
                )
            return
        before, after = schema_view(old), schema_view(new)
        self._types(before, after, where)
        self._enum(before, after, where)
        self._member_names(old, new, where)
        self._constraints(before, after, where)
        self._properties(before, after, where, depth)
        if before.items and after.items:
            self._walk(_one(before.items), _one(after.items), f"{where}[]", depth + 1)
        if old.get("description") != new.get("description") and depth > 0:
            self.emit(Level.INFO, Kind.DOC, "description-changed", where, "description changed")

    def _change(self, level: Level, kind: Kind, rule: str, where: str, message: str) -> None:
        self.emit(level, kind, f"{self.direction}-{rule}", where, message)

    def _types(self, before: SchemaView, after: SchemaView, where: str) -> None:
        old, new = before.types, after.types
        if old == new:
            return
        if self.direction == "request":
            if not _covers(new, old):
                self._change(
                    Level.ERR, Kind.CHANGE, "type-narrowed", where, f"type {_fmt(old)} became {_fmt(new)}"
                )
            else:
                self._change(
                    Level.INFO, Kind.ADDITION, "type-widened", where, f"type {_fmt(old)} became {_fmt(new)}"
                )
        elif not _covers(old, new):
            rule = "became-nullable" if new - old == {"null"} else "type-widened"
            self._change(Level.ERR, Kind.CHANGE, rule, where, f"type {_fmt(old)} became {_fmt(new)}")
        else:
            self._change(
                Level.INFO, Kind.CHANGE, "type-narrowed", where, f"type {_fmt(old)} became {_fmt(new)}"
            )

    def _enum(self, before: SchemaView, after: SchemaView, where: str) -> None:
        old, new = before.enum, after.enum
        if old == new or (
            old is not None and new is not None and sorted(map(repr, old)) == sorted(map(repr, new))
        ):
            return
        request = self.direction == "request"
        if old is None and new is not None:
            level = Level.ERR if request else Level.INFO
            self._change(level, Kind.CHANGE, "enum-added", where, f"now restricted to {_fmt(new)}")
            return
        if old is not None and new is None:
            level = Level.INFO if request else Level.WARN
            self._change(level, Kind.CHANGE, "enum-removed", where, f"no longer restricted to {_fmt(old)}")
            return
        assert old is not None
        assert new is not None
        added = [v for v in new if v not in old]
        removed = [v for v in old if v not in new]
        if added:
            level = Level.INFO if request else Level.WARN
            self._change(level, Kind.ADDITION, "enum-value-added", where, f"new enum value(s) {_fmt(added)}")
        if removed:
            level = Level.ERR if request else Level.INFO
            self._change(
                level, Kind.REMOVAL, "enum-value-removed", where, f"enum value(s) {_fmt(removed)} removed"
            )

    def _member_names(self, old: dict[str, Any], new: dict[str, Any], where: str) -> None:
        """`x-enum-varnames` name the generated enum members: renaming one breaks code that uses it."""
        before, after = _varnames(old), _varnames(new)
        renamed = sorted(
            f"{value!r}: {before[value]} -> {after[value]}"
            for value in set(before) & set(after)
            if before[value] != after[value]
        )
        if renamed:
            self._change(
                Level.ERR,
                Kind.CHANGE,
                "enum-member-renamed",
                where,
                "generated enum member(s) renamed: " + "; ".join(renamed),
            )

    def _constraints(self, before: SchemaView, after: SchemaView, where: str) -> None:
        old, new = before.constraints, after.constraints
        for key in sorted(set(old) | set(new)):
            if old.get(key) == new.get(key):
                continue
            narrowed = self._narrowed(key, old.get(key), new.get(key))
            message = f"{key} {old.get(key, 'unset')!r} became {new.get(key, 'unset')!r}"
            if self.direction == "request":
                level = Level.ERR if narrowed else Level.INFO
            else:
                level = Level.INFO if narrowed else Level.WARN
            rule = f"{_kebab(key)}-{'narrowed' if narrowed else 'widened'}"
            self._change(level, Kind.CHANGE, rule, where, message)

    @staticmethod
    def _narrowed(key: str, old: Any, new: Any) -> bool:
        """True when the new value accepts fewer values than the old one (unknown cases count as narrowed)."""
        if new is None:
            return False
        if old is None:
            return True
        if key in _LOWER_BOUNDS and isinstance(old, (int, float)) and isinstance(new, (int, float)):
            return bool(new > old)
        if key in _UPPER_BOUNDS and isinstance(old, (int, float)) and isinstance(new, (int, float)):
            return bool(new < old)
        return True  # a changed pattern or format: cannot prove it accepts everything it did

    def _properties(self, before: SchemaView, after: SchemaView, where: str, depth: int) -> None:
        request = self.direction == "request"
        for name in sorted(set(before.properties) | set(after.properties)):
            path = f"{where}.{name}" if where else name
            in_old, in_new = name in before.properties, name in after.properties
            was_required, is_required = name in before.required, name in after.required
            if in_old and not in_new:
                if request:
                    self._change(Level.WARN, Kind.REMOVAL, "property-removed", path, "property removed")
                elif was_required:
                    self._change(
                        Level.ERR, Kind.REMOVAL, "required-property-removed", path, "property removed"
                    )
                else:
                    self._change(
                        Level.WARN, Kind.REMOVAL, "optional-property-removed", path, "property removed"
                    )
                continue
            if in_new and not in_old:
                if request and is_required:
                    self._change(
                        Level.ERR, Kind.ADDITION, "new-required-property", path, "new required property"
                    )
                else:
                    self._change(Level.INFO, Kind.ADDITION, "property-added", path, "new optional property")
                continue
            if was_required != is_required:
                breaks = is_required if request else was_required
                rule = "property-became-required" if is_required else "property-became-optional"
                level = Level.ERR if breaks else Level.INFO
                self._change(level, Kind.CHANGE, rule, path, rule.replace("-", " ").replace("property ", ""))
            self._walk(before.properties[name], after.properties[name], path, depth + 1)


def _varnames(schema: dict[str, Any]) -> dict[Any, str]:
    values, names = schema.get("enum"), schema.get("x-enum-varnames")
    if not isinstance(values, list) or not isinstance(names, list):
        return {}
    return {
        value: str(name) for value, name in zip(values, names, strict=False) if isinstance(value, (int, str))
    }


def _one(items: list[dict[str, Any]]) -> dict[str, Any]:
    return items[0] if len(items) == 1 else {"anyOf": items}


def _kebab(name: str) -> str:
    out = "".join(f"-{c.lower()}" if c.isupper() else c for c in name)
    return out.lstrip("-")
