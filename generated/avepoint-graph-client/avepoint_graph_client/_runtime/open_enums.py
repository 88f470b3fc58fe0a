"""Base classes of the generated enums: open, so a value the spec does not list yet still parses.

Vendors add enum values before the spec (and the client built from it) knows them. A closed ``StrEnum``
would make the whole response fail with ``ValueError``; these bases turn such a value into a member named
``UNKNOWN_<value>`` whose ``is_known`` is ``False``, created once per value and cached like any member.
String values also match a known member case-insensitively, because the servers compare them that way
(spec/DECISIONS.md, OLC-12): ``LevelMode("documentonly")`` is ``LevelMode.DOCUMENT_ONLY``.

The generator's enum templates only name the base class; everything else stays as the stock templates
write it, so a generated enum is still an ordinary ``StrEnum``/``IntEnum`` (members compare equal to their
values, ``json.dumps`` writes the value).
"""

from __future__ import annotations

from enum import IntEnum, StrEnum
from typing import Self

__all__ = ["OpenIntEnum", "OpenStrEnum"]


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
        member = str.__new__(cls, value)
        member._name_ = f"UNKNOWN_{value}"
        member._value_ = value
        return cls._value2member_map_.setdefault(value, member)  # type: ignore[return-value]

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
        return cls._value2member_map_.setdefault(value, member)  # type: ignore[return-value]

    @property
    def is_known(self) -> bool:
        """False for a value the server sent that this client version does not know."""
        return self._name_ in type(self).__members__
