"""Path and query parameters read from the spec: one reader per parameter, compiled once from its schema.

The spec says what a parameter may hold (``type: integer``, an ``enum``, bounds, a default, an ``anyOf`` such
as OLC-12's any-case ``levelMode`` or AVE-07's two date-time forms, ``required``); a :class:`ParameterPlan`
turns that into readers (``value_readers``) when an app is built, so a request pays for a dict lookup and a
regex, and a new parameter in the spec reaches the handlers without a line of parsing code.

What the spec cannot say is how a server spells things, so an API passes that in :class:`ReadingRules`:
the integer text it takes (OL Connect IDs are Java longs, AVE-09 allows any width), whether query names
match case-insensitively (AVE-02), its aliases (AVE-01) and when a repeated parameter conflicts.

A reader reports *what* is wrong (:class:`ParameterIssue`, with a :class:`Problem`); whether that is a 400 or
a 404 stays with the API module and its documented variants (OLC-05). :meth:`ParameterIssue.error` is the
plain 400 naming the parameter that both APIs answer by default.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import Enum
from typing import Any
from urllib.parse import parse_qsl

from mock_servers.core.http import ApiError
from mock_servers.core.value_readers import IntegerText, Problem, Read, Rejected, SchemaReaders
from spec_model import Operation, SpecModel

__all__ = ["JAVA_LONG", "Arguments", "ParameterIssue", "ParameterPlan", "Problem", "ReadingRules", "Repeats"]

JAVA_LONG = (-(2**63), 2**63 - 1)


@dataclass(frozen=True)
class ParameterIssue:
    """What is wrong with one parameter; ``value`` is the integer read when only its range is wrong."""

    name: str
    raw: str | None
    problem: Problem
    message: str
    value: Any = None

    def error(self) -> ApiError:
        return ApiError(400, self.message, self.name)


class Repeats(Enum):
    """When a parameter sent twice conflicts: its texts differ, or the values they read to differ."""

    SAME_TEXT = "text"
    SAME_VALUE = "value"


@dataclass(frozen=True)
class ReadingRules:
    """How one API's server spells what its spec leaves open."""

    integer_text: re.Pattern[str]
    integer_range: tuple[int | None, int | None] = (None, None)
    strip_integers: bool = False
    case_insensitive_names: bool = False
    aliases: Mapping[str, str] = field(default_factory=dict)  # lower-case alias -> parameter name
    repeats: Repeats = Repeats.SAME_TEXT


@dataclass(frozen=True)
class _Rule:
    name: str
    required: bool
    default: Any
    read: Read


class Readings:
    """The outcome for one request: typed values, issues, and the text each parameter was sent with."""

    __slots__ = ("issues", "raw", "values")

    def __init__(self) -> None:
        self.values: dict[str, Any] = {}
        self.issues: dict[str, ParameterIssue] = {}
        self.raw: dict[str, str] = {}

    def first_issue(self) -> ParameterIssue | None:
        """A conflict first (the values are ambiguous before they are wrong), then in the spec's order."""
        conflicts = (issue for issue in self.issues.values() if issue.problem is Problem.CONFLICT)
        return next(conflicts, None) or next(iter(self.issues.values()), None)

    def check(self) -> None:
        issue = self.first_issue()
        if issue is not None:
            raise issue.error()


class ParameterPlan:
    """The readers of one operation's path and query parameters (headers stay with authentication)."""

    def __init__(self, model: SpecModel, operation: Operation, rules: ReadingRules) -> None:
        integers = IntegerText(rules.integer_text, *rules.integer_range, strip=rules.strip_integers)
        readers = SchemaReaders(model, integers)
        self.operation = operation
        self.rules = rules

        def rule(parameter: Any) -> _Rule:
            schema = parameter.schema  # spec_model already followed its $ref and laid the siblings over
            return _Rule(parameter.name, parameter.required, schema.get("default"), readers.compile(schema))

        self.path_rules = tuple(rule(p) for p in operation.parameters_in("path"))
        self.query_rules = tuple(rule(p) for p in operation.parameters_in("query"))
        names = {r.name: r.name for r in self.query_rules}
        if rules.case_insensitive_names:
            names = {name.lower(): name for name in names}
        self._query_names = names
        self._aliases = {
            alias.lower(): target for alias, target in rules.aliases.items() if target in names.values()
        }

    @property
    def has_query(self) -> bool:
        return bool(self.query_rules)

    def read(self, path_params: Mapping[str, str], query_string: str) -> Readings:
        readings = Readings()
        values, raw = readings.values, readings.raw
        for rule in self.path_rules:  # the hot loop of every request with a path ID, so inlined
            name = rule.name
            text = path_params.get(name)
            if text is None:
                self._read_one(rule, None, readings)
                continue
            raw[name] = text
            try:
                values[name] = rule.read(name, text)
            except Rejected as rejected:
                readings.issues[name] = ParameterIssue(
                    name, text, rejected.problem, rejected.message, rejected.value
                )
        if self.query_rules:
            self.read_query(parse_qsl(query_string, keep_blank_values=True), readings)
        return readings

    def read_query(self, pairs: Iterable[tuple[str, str]], readings: Readings | None = None) -> Readings:
        """Query pairs as decoded; unknown names are ignored (AVE-02, and what JAX-RS does)."""
        readings = readings if readings is not None else Readings()
        sent: dict[str, list[tuple[str, str]]] = {}
        fold = self.rules.case_insensitive_names
        for sent_name, text in pairs:
            key = sent_name.lower() if fold else sent_name
            name = self._query_names.get(key) or self._aliases.get(sent_name.lower())
            if name is not None:
                sent.setdefault(name, []).append((sent_name, text))
        for rule in self.query_rules:
            given = sent.get(rule.name)
            if given is None:
                self._read_one(rule, None, readings)
                continue
            conflict = self._conflict(rule, given)
            if conflict is not None:
                readings.raw[rule.name] = given[0][1]
                readings.issues[rule.name] = conflict
                continue
            self._read_one(rule, given[0][1], readings)
        return readings

    def _conflict(self, rule: _Rule, given: list[tuple[str, str]]) -> ParameterIssue | None:
        first_name, first_text = given[0]
        for sent_name, text in given[1:]:
            if text == first_text:
                continue
            if self.rules.repeats is Repeats.SAME_VALUE:
                value = self._value_of(rule, text)
                if value is not None and value == self._value_of(rule, first_text):
                    continue
            message = (
                f"Conflicting values for parameter {rule.name}: {first_name}={first_text} "
                f"and {sent_name}={text}."
            )
            return ParameterIssue(rule.name, first_text, Problem.CONFLICT, message)
        return None

    @staticmethod
    def _value_of(rule: _Rule, text: str) -> Any:
        try:
            return rule.read(rule.name, text)
        except Rejected:
            return None

    @staticmethod
    def _read_one(rule: _Rule, text: str | None, readings: Readings) -> None:
        if text is None:
            if rule.required:
                message = f"Missing required parameter {rule.name}."
                readings.issues[rule.name] = ParameterIssue(rule.name, None, Problem.MISSING, message)
            elif rule.default is not None:
                readings.values[rule.name] = rule.default
            return
        readings.raw[rule.name] = text
        try:
            readings.values[rule.name] = rule.read(rule.name, text)
        except Rejected as rejected:
            readings.issues[rule.name] = ParameterIssue(
                rule.name, text, rejected.problem, rejected.message, rejected.value
            )


class Arguments:
    """A handler's view of its parameters, read on first use (a handler authenticates first, OLC order)."""

    __slots__ = ("_path", "_plan", "_readings", "query_string")

    def __init__(self, plan: ParameterPlan, path_params: Mapping[str, str], query_string: str) -> None:
        self._plan = plan
        self._path = path_params
        self.query_string = query_string
        self._readings: Readings | None = None

    @property
    def readings(self) -> Readings:
        if self._readings is None:
            self._readings = self._plan.read(self._path, self.query_string)
        return self._readings

    def issue(self, name: str) -> ParameterIssue | None:
        return self.readings.issues.get(name)

    def raw(self, name: str) -> str | None:
        return self.readings.raw.get(name)

    def value(self, name: str) -> Any:
        """The typed value (or the spec's default, or None); an issue with it is raised as its 400."""
        readings = self.readings
        issue = readings.issues.get(name)
        if issue is not None:
            raise issue.error()
        return readings.values.get(name)
