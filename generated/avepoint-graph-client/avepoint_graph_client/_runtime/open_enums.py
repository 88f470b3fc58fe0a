"""Base classes of the generated enums: open, so a value the spec does not list yet still parses.

Vendors add enum values before the spec (and the client built from it) knows them. A closed ``StrEnum``
would make the whole response fail with ``ValueError``; these bases turn such a value into a member named
``UNKNOWN_<value>`` whose ``is_known`` is ``False``. String values also match a known member
case-insensitively, because the servers compare them that way
(spec/DECISIONS.md, OLC-12): ``LevelMode("documentonly")`` is ``LevelMode.DOCUMENT_ONLY``.

Unknown members are not kept in the class's own value map, where a stock enum would keep them for the
life of the process: the values come from servers, so a long-running client that sees many distinct ones
(or a few enormous ones, e.g. an 8 MiB OAuth ``error`` code) would grow without bound. A string member
is remembered in a per-class ``WeakValueDictionary`` only while something else still holds it, so the same
unknown value gives the same member (``is``) during that time and costs nothing once the results that
held it are gone. Integer enum members cannot be weakly referenced (``int`` subclasses do not support it),
and an integer value is small (at most a few thousand digits), so the last ``UNKNOWN_INT_CACHE`` unknown
integers are kept instead.

The generator's enum templates only name the base class; everything else stays as the stock templates
write it, so a generated enum is still an ordinary ``StrEnum``/``IntEnum`` (members compare equal to their
values, ``json.dumps`` writes the value).

Models look a value up in a ``ValueLookup`` first: a plain dict subscript for every known value, including a
member whose value is falsy (``0``, ``""``), which an ``or`` fallback used to send through the enum call; only
a value the map does not hold goes through the class call and so through ``_missing_``. The lookup never
stores what ``_missing_`` returns, so it stays as small as the enum.
"""

from __future__ import annotations

import threading
import weakref
from enum import Enum, IntEnum, StrEnum
from typing import Any, Self, TypeVar

__all__ = ["UNKNOWN_INT_CACHE", "OpenIntEnum", "OpenStrEnum", "ValueLookup"]

E = TypeVar("E", bound=Enum)

#: How many unknown integer values each open integer enum remembers (the oldest is forgotten first).
UNKNOWN_INT_CACHE = 256

_lock = threading.Lock()
#: Per enum class: its live unknown string members (weak) or its recent unknown integer members.
_unknown_strings: dict[type, weakref.WeakValueDictionary[str, Any]] = {}
_unknown_ints: dict[type, dict[int, Any]] = {}


def _remembered_string(cls: type, value: str) -> Any:
    with _lock:
        members = _unknown_strings.get(cls)
        return None if members is None else members.get(value)


def _remember_string(cls: type, value: str, member: Any) -> Any:
    with _lock:
        members = _unknown_strings.setdefault(cls, weakref.WeakValueDictionary())
        return members.setdefault(value, member)


def _remember_int(cls: type, value: int, member: Any) -> Any:
    with _lock:
        members = _unknown_ints.setdefault(cls, {})
        known = members.get(value)
        if known is not None:
            return known
        if len(members) >= UNKNOWN_INT_CACHE:
            del members[next(iter(members))]  # dicts keep insertion order: the oldest goes
        members[value] = member
        return member


class OpenStrEnum(StrEnum):
    """A ``StrEnum`` that matches known values case-insensitively and keeps unknown values."""

    @classmethod
    def _missing_(cls, value: object) -> Self | None:
        if not isinstance(value, str):
            return None
        folded = value.casefold()
        for known in cls.__members__.values():
            if known.value.casefold() == folded:
                return known
        remembered = _remembered_string(cls, value)
        if remembered is not None:
            return remembered  # type: ignore[no-any-return]
        member = str.__new__(cls, value)
        member._name_ = f"UNKNOWN_{value}"
        member._value_ = value
        return _remember_string(cls, value, member)  # type: ignore[no-any-return]

    @property
    def is_known(self) -> bool:
        """False for a value the server sent that this client version does not know."""
        return self._name_ in type(self).__members__


class OpenIntEnum(IntEnum):
    """An ``IntEnum`` that keeps unknown integer values (``bool`` is not taken for an integer)."""

    @classmethod
    def _missing_(cls, value: object) -> Self | None:
        if not isinstance(value, int) or isinstance(value, bool):
            return None
        member = int.__new__(cls, value)
        member._name_ = f"UNKNOWN_{value}".replace("-", "NEGATIVE_")
        member._value_ = value
        return _remember_int(cls, value, member)  # type: ignore[no-any-return]

    @property
    def is_known(self) -> bool:
        """False for a value the server sent that this client version does not know."""
        return self._name_ in type(self).__members__


class ValueLookup(dict[Any, E]):
    """An enum's members by value: ``lookup[value]`` is ``enum(value)``, a dict subscript when it is known.

    Why not ``value_map.get(value) or enum(value)``: a member whose value is falsy (``JobStatus`` 0) fails the
    ``or`` and paid the whole enum call, about a fifth of the jobs on a page. A subscript that misses calls
    ``__missing__``, which asks the class (case-insensitive strings, open unknown members, ``ValueError`` for
    a value of the wrong type) and keeps nothing, so unknown values are bounded as ``_missing_`` bounds them.
    """

    __slots__ = ("_enum",)

    def __init__(self, enum: type[E]) -> None:
        super().__init__(enum._value2member_map_)
        self._enum = enum

    def __missing__(self, value: Any) -> E:
        return self._enum(value)
