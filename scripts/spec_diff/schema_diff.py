"""Classify the differences between two versions of one schema.

The direction decides the level: in a *request* the client sends and the server must accept, so narrowing what
is accepted breaks clients; in a *response* the client receives, so widening what may arrive breaks them.
This follows oasdiff's rules, including its choice that a new enum value in a response is a WARN (it breaks
clients with closed enums; our generated clients keep unknown values, decision AVE-08).

`anyOf`/`oneOf` are compared as unions of alternatives (see `alternatives`): a new branch beside the old
schema widens it, and a constraint that only a new branch carries narrows nothing. When neither union provably
holds the other, the change is reported once for review instead of being guessed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..speclib.openapi import SchemaView, schema_view
from .alternatives import alternatives, describe, is_composed, shorten, type_of
from .changes import Kind, Level
from .cover import Cover, enum_cover

Emit = Callable[[Level, Kind, str, str, str], None]

_LOWER_BOUNDS = ("minimum", "exclusiveMinimum", "minLength", "minItems")
_UPPER_BOUNDS = ("maximum", "exclusiveMaximum", "maxLength", "maxItems")

# Request-side ERR rules that do not prove a narrowing: a changed regex or format may still accept every old
# value. A renamed enum member changes generated code, not the values.
_UNDECIDED = ("request-pattern-narrowed", "request-format-narrowed", "request-schema-ref-changed")
_NOT_VALUES = ("request-enum-member-renamed",)


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
        return ", ".join(sorted(shorten(v) for v in values)) or "any"
    return shorten(values)


def _same_kind(alternative: dict[str, Any], types: set[str]) -> bool:
    """True when the alternative's type still exists on the other side (type changes are reported apart)."""
    name = type_of(alternative)
    numeric = {"integer", "number"}
    return name is None or not types or name in types or (name in numeric and bool(types & numeric))


def cover(narrower: Any, wider: Any, depth: int = 0) -> Cover:
    """Does `wider` accept every value `narrower` accepts? Decided by diffing them as a request."""
    found: list[tuple[Level, str]] = []

    def collect(level: Level, kind: Kind, rule: str, where: str, message: str) -> None:
        found.append((level, rule))

    SchemaDiff("request", collect).run_at(narrower, wider, depth)
    errors = [rule for level, rule in found if level is Level.ERR and rule not in _NOT_VALUES]
    if any(rule not in _UNDECIDED for rule in errors):
        return Cover.NO
    if errors or any(rule == "request-composition-changed" for _, rule in found):
        return Cover.UNKNOWN
    return Cover.YES


def _comparable(old: dict[str, Any], new: dict[str, Any]) -> bool:
    """Listed values held by an unlisted alternative (a pattern, a plain type) were checked one by one; a
    keyword diff of the two would only call the lost `enum` a change."""
    return not isinstance(old.get("enum"), list) or isinstance(new.get("enum"), list)


def _best(narrower: dict[str, Any], candidates: list[dict[str, Any]], depth: int) -> tuple[Cover, int]:
    """The candidate that covers `narrower` best (an identical one first) and how well."""
    if narrower in candidates:
        return Cover.YES, candidates.index(narrower)
    if isinstance(narrower.get("enum"), list) and narrower["enum"]:
        return enum_cover(narrower["enum"], candidates)
    best = (Cover.NO, -1)
    for index, candidate in enumerate(candidates):
        verdict = cover(narrower, candidate, depth)
        if verdict > best[0] or best[1] < 0:
            best = (verdict, index)
    return best


class SchemaDiff:
    """Walks two schema versions in parallel and reports each difference through `emit`."""

    def __init__(self, direction: str, emit: Emit) -> None:
        self.direction = direction
        self._emit = emit
        self._seen: set[tuple[Level, Kind, str, str, str]] = set()

    def emit(self, level: Level, kind: Kind, rule: str, where: str, message: str) -> None:
        """Report a change once: the alternatives of one union may find the same difference twice."""
        key = (level, kind, rule, where, message)
        if key not in self._seen:
            self._seen.add(key)
            self._emit(level, kind, rule, where, message)

    def run(self, old: Any, new: Any, where: str) -> None:
        self._walk(old, new, where, depth=0)

    def run_at(self, old: Any, new: Any, depth: int) -> None:
        self._walk(old, new, "", depth)

    def _walk(self, old: Any, new: Any, where: str, depth: int) -> None:
        if depth > 16 or not isinstance(old, dict) or not isinstance(new, dict):
            return
        if "$ref" in old or "$ref" in new:  # a cycle left by resolve_refs: compare the reference only
            if old.get("$ref") != new.get("$ref"):
                self._change(
                    Level.ERR, Kind.CHANGE, "schema-ref-changed", where, "recursive reference changed"
                )
            return
        if is_composed(old) or is_composed(new):
            self._union(old, new, where, depth)
        else:
            self._single(old, new, where, depth)
        if old.get("description") != new.get("description") and depth > 0:
            self.emit(Level.INFO, Kind.DOC, "description-changed", where, "description changed")

    def _single(self, old: dict[str, Any], new: dict[str, Any], where: str, depth: int) -> None:
        before, after = schema_view(old), schema_view(new)
        self._types(before, after, where)
        self._enum(before, after, where)
        self._member_names(old, new, where)
        self._constraints(before, after, where)
        self._properties(before, after, where, depth)
        if before.items and after.items:
            self._walk(_one(before.items), _one(after.items), f"{where}[]", depth + 1)

    def _union(self, old: dict[str, Any], new: dict[str, Any], where: str, depth: int) -> None:
        """Compare two schemas of which at least one is an `anyOf`/`oneOf`, alternative by alternative.

        Each old alternative is kept (some new one holds it: its details are compared as usual), narrowed (a
        definite loss: reported with the usual rules against the new alternatives derived from it, or as
        removed) or undecided (one review WARN). New alternatives that hold values no old one did are reported
        as additions: a widening.
        """
        before, after = schema_view(old), schema_view(new)
        self._types(before, after, where)  # a type gained or lost by the whole union, with the usual rules
        olds = [a for a in alternatives(old) if _same_kind(a, after.types)]
        news = [a for a in alternatives(new) if _same_kind(a, before.types)]
        old_cover = [_best(o, news, depth + 1) for o in olds]
        new_cover = [_best(n, olds, depth + 1) for n in news]
        request = self.direction == "request"
        compared: set[int] = set()
        undecided = False
        for position, (alternative, (verdict, index)) in enumerate(zip(olds, old_cover, strict=True)):
            if verdict is Cover.UNKNOWN:
                undecided = True
                self._review(where)
            elif verdict is Cover.YES:
                if index >= 0 and _comparable(alternative, news[index]):
                    compared.add(index)
                    self._walk(alternative, news[index], where, depth + 1)
            else:
                kept = [j for j, (v, i) in enumerate(new_cover) if i == position and v is Cover.YES]
                if not kept:
                    self._change(
                        Level.ERR if request else Level.INFO,
                        Kind.REMOVAL,
                        "alternative-removed",
                        where,
                        f"{'no longer accepts' if request else 'can no longer be'} {describe(alternative)}",
                    )
                for j in kept:
                    compared.add(j)
                    self._walk(alternative, news[j], where, depth + 1)
        for index, alternative in enumerate(news):
            verdict = new_cover[index][0]
            if index in compared or verdict is Cover.YES or (undecided and verdict is Cover.UNKNOWN):
                continue
            self._change(
                Level.INFO if request else Level.WARN,
                Kind.ADDITION,
                "alternative-added",
                where,
                f"{'now also accepts' if request else 'may now also be'} {describe(alternative)}",
            )

    def _review(self, where: str) -> None:
        self._change(Level.WARN, Kind.CHANGE, "composition-changed", where, "composition changed (review)")

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
            message = f"{key} {shorten(old.get(key, 'unset'))} became {shorten(new.get(key, 'unset'))}"
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
