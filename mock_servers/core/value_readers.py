"""Readers of parameter text compiled from a JSON Schema: what a path or query value means, or what is wrong.

Shapes understood (all the two specs use, and the common ones besides): ``type: integer`` with ``enum``,
``minimum`` and ``maximum``; a string ``enum``; ``format: date-time`` (RFC 3339, a missing offset meaning UTC,
AVE-07); ``pattern``; and ``anyOf`` of these, where the first branch that takes the text decides and an enum
beside a looser spelling of its members (OLC-12's any-case ``levelMode``) reads to the enum member. Any other
schema takes the text as it is. A reader raises :class:`Rejected` with a :class:`Problem` and a message in the
AvePoint wording (``Invalid value for parameter <name>: ...``), which the docs and clients quote.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from enum import Enum
from typing import Any

from mock_servers.core.timeparse import parse_rfc3339
from spec_model import SpecModel

TIME_HINT = "(for example 2024-12-12T00:00:00Z; no offset means UTC; encode '+' as %2B)"


class Problem(Enum):
    MISSING = "missing"
    CONFLICT = "conflict"  # repeated with values that differ
    NOT_INTEGER = "not-integer"
    OUT_OF_RANGE = "out-of-range"  # an integer outside the spec's bounds or the server's integer width
    NOT_ALLOWED = "not-allowed"  # not in the enum, or no branch of an ``anyOf`` takes it


Read = Callable[[str, str], Any]  # (name, text) -> value, or raise Rejected


class Rejected(Exception):
    """Raised by a reader: the problem, a message naming the parameter, the integer read if any."""

    def __init__(self, problem: Problem, message: str, value: Any = None) -> None:
        super().__init__(message)
        self.problem = problem
        self.message = message
        self.value = value


def _expected(low: int | None, high: int | None) -> str:
    if low is not None and high is not None:
        return f"{low}..{high}"
    return f"at least {low}" if low is not None else f"at most {high}"


class _EnumRead:
    """A string enum; an object rather than a closure so that an ``anyOf`` can name its members."""

    def __init__(self, members: tuple[str, ...]) -> None:
        self.members = members
        self._set = frozenset(members)

    def __call__(self, name: str, text: str) -> str:
        if text not in self._set:
            expected = ", ".join(self.members)
            message = f"Invalid value for parameter {name}: {text!r}. Expected one of {expected}."
            raise Rejected(Problem.NOT_ALLOWED, message)
        return text


def _read_date_time(name: str, text: str) -> datetime:
    """``format: date-time`` as the mocks read it: RFC 3339, a missing offset meaning UTC (AVE-07)."""
    parsed = parse_rfc3339(text)
    if parsed is None:
        message = f"Invalid value for parameter {name}: {text!r} is not an ISO 8601 date-time {TIME_HINT}."
        raise Rejected(Problem.NOT_ALLOWED, message)
    return parsed


@dataclass(frozen=True)
class IntegerText:
    """How a server writes integers: the text it takes, its integer width, whether blanks around are fine."""

    pattern: re.Pattern[str]
    low: int | None = None
    high: int | None = None
    strip: bool = False


class SchemaReaders:
    """Compiles a parameter schema into a reader (see the module docstring for the shapes understood)."""

    def __init__(self, model: SpecModel, integers: IntegerText) -> None:
        self.model = model
        self.integers = integers

    def compile(self, schema: Mapping[str, Any]) -> Read:
        schema = self.model.refs.follow_schema(schema)
        if "anyOf" in schema:
            return self._any_of([self.compile(branch) for branch in schema["anyOf"]])
        if schema.get("type") == "integer":
            return self._integer(schema)
        if "enum" in schema:
            return _EnumRead(tuple(str(value) for value in schema["enum"]))
        if schema.get("format") == "date-time":
            return _read_date_time
        if isinstance(schema.get("pattern"), str):
            return self._pattern(re.compile(schema["pattern"]))
        return lambda _name, text: text

    def _integer(self, schema: Mapping[str, Any]) -> Read:
        integers = self.integers
        enum = frozenset(int(value) for value in schema["enum"]) if "enum" in schema else None
        choices = ", ".join(str(value) for value in sorted(enum)) if enum is not None else ""
        low = schema.get("minimum", integers.low)
        high = schema.get("maximum", integers.high)
        strip = integers.strip
        fullmatch = integers.pattern.fullmatch

        def read(name: str, text: str) -> int:
            candidate = text.strip() if strip else text
            if fullmatch(candidate) is None:
                message = f"Invalid value for parameter {name}: {text!r} is not an integer."
                raise Rejected(Problem.NOT_INTEGER, message)
            value = int(candidate)
            if enum is not None and value not in enum:
                message = f"Invalid value for parameter {name}: {value}. Expected one of {choices}."
                raise Rejected(Problem.NOT_ALLOWED, message, value)
            if (low is not None and value < low) or (high is not None and value > high):
                message = f"Invalid value for parameter {name}: {value}. Expected {_expected(low, high)}."
                raise Rejected(Problem.OUT_OF_RANGE, message, value)
            return value

        return read

    @staticmethod
    def _pattern(pattern: re.Pattern[str]) -> Read:
        def read(name: str, text: str) -> str:
            # JSON Schema's `$` ends the text; Python's also matches before a final newline.
            if pattern.search(text) is None or text.endswith("\n"):
                message = f"Invalid value for parameter {name}: {text!r} does not match {pattern.pattern}."
                raise Rejected(Problem.NOT_ALLOWED, message)
            return text

        return read

    @staticmethod
    def _any_of(branches: list[Read]) -> Read:
        """The first branch that takes the text decides; an enum beside a looser spelling of its members
        (OLC-12: the canonical ``levelMode`` and the same words in any case) reads to the enum member."""
        members = tuple(
            member for branch in branches if isinstance(branch, _EnumRead) for member in branch.members
        )
        canonical = {member.lower(): member for member in members}
        times = _read_date_time in branches

        def read(name: str, text: str) -> Any:
            first: Rejected | None = None
            for branch in branches:
                try:
                    value = branch(name, text)
                except Rejected as rejected:
                    first = first or rejected
                    continue
                return canonical.get(value.lower(), value) if isinstance(value, str) else value
            if times and first is not None:
                raise first
            expected = f"one of {', '.join(members)}" if members else "a value the spec allows"
            message = f"Invalid value for parameter {name}: {text!r}. Expected {expected}."
            raise Rejected(Problem.NOT_ALLOWED, message)

        return read
