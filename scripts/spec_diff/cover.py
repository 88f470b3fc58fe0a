"""Whether one schema alternative accepts every value of another, for listed (enum) values.

A listed value can simply be validated against each new alternative, which settles cases a keyword diff
cannot: an old enum value that a new pattern branch still matches is not removed. `format` is not checked
(jsonschema treats it as an annotation), so a value that passes only because its format went unchecked counts
as undecided.
"""

from __future__ import annotations

import re
from enum import IntEnum
from typing import Any

from jsonschema import Draft202012Validator
from referencing.exceptions import Unresolvable


class Cover(IntEnum):
    """How sure the tool is that a wider alternative holds a narrower one."""

    NO = 0
    UNKNOWN = 1
    YES = 2


def accepts(schema: dict[str, Any], value: Any) -> bool | None:
    """Does an alternative accept one value? None when it cannot tell (unchecked format, cycle marker)."""
    try:
        valid = Draft202012Validator(schema).is_valid(value)
    except (Unresolvable, re.error, TypeError):
        return None
    return None if valid and "format" in schema else valid


def enum_cover(values: list[Any], candidates: list[dict[str, Any]]) -> tuple[Cover, int]:
    """Cover of listed values by a union, value by value.

    The index names the candidate a change is reported against: for YES the one that accepts every value
    alone (-1 when only several together do); otherwise the one that accepts the most.
    """
    verdicts = [[accepts(c, v) for c in candidates] for v in values]
    if all(True in row for row in verdicts):
        alone = [i for i in range(len(candidates)) if all(row[i] is True for row in verdicts)]
        return Cover.YES, alone[0] if alone else -1
    hits = [sum(1 for row in verdicts if row[i] is True) for i in range(len(candidates))]
    index = max(range(len(candidates)), key=hits.__getitem__) if candidates else -1
    if any(all(v is False for v in row) for row in verdicts):
        return Cover.NO, index
    return Cover.UNKNOWN, index
