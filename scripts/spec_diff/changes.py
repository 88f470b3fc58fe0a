"""The unit of a spec diff: one classified change."""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum


class Level(IntEnum):
    """oasdiff's three levels. ERR breaks a client that follows the old spec; WARN may break some clients
    (closed enums, code that reads a field that may now be absent); INFO is safe."""

    INFO = 1
    WARN = 2
    ERR = 3

    @classmethod
    def parse(cls, text: str) -> Level:
        try:
            return cls[text.upper()]
        except KeyError as exc:
            raise ValueError(f"unknown level {text!r} (use ERR, WARN or INFO)") from exc


class Kind(IntEnum):
    """What a change does to the API surface; decides the semver part when the level is INFO."""

    DOC = 0  # description or summary text only
    ADDITION = 1  # something new a client may use
    CHANGE = 2  # something existing changed
    REMOVAL = 3  # something existing went away


@dataclass(frozen=True)
class Change:
    level: Level
    kind: Kind
    rule: str
    operation: str
    location: str
    message: str

    def as_dict(self) -> dict[str, str]:
        return {
            "level": self.level.name,
            "rule": self.rule,
            "operation": self.operation,
            "location": self.location,
            "message": self.message,
        }


def required_bump(changes: list[Change]) -> str | None:
    """Semver part a client package built from the spec must bump.

    major for any ERR; minor for WARN or an INFO addition (new operation, parameter, field, enum value); patch
    for anything else (text only); None when nothing changed.
    """
    if not changes:
        return None
    if any(c.level is Level.ERR for c in changes):
        return "major"
    if any(c.level is Level.WARN or c.kind is not Kind.DOC for c in changes):
        return "minor"
    return "patch"
