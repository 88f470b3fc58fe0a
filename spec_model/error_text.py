"""Where each error schema of a spec puts its human message: the ``x-error-text`` marker, read once here.

``x-error-text`` sits on a schema of ``components/schemas`` and holds JSON pointers into a body of that
schema: ``message`` (required), ``parameter`` (the parameter the server blamed) and ``detail`` (appended to
the message). The generated clients read error bodies with these pointers, so the runtime knows no API's
error shape and a new error schema needs only its marker.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from spec_model.model import SpecModel

__all__ = ["ERROR_TEXT_KEYS", "ErrorTextPointers", "error_text_pointers", "error_text_problems"]

ERROR_TEXT_KEYS = ("message", "parameter", "detail")


@dataclass(frozen=True)
class ErrorTextPointers:
    """The pointers of one schema's ``x-error-text``."""

    schema: str
    message: str
    parameter: str | None = None
    detail: str | None = None


def error_text_problems(schema: Any, marker: Any) -> list[str]:
    """What is wrong with ``marker`` as the ``x-error-text`` of ``schema`` (empty: nothing)."""
    if not isinstance(marker, dict) or not isinstance(marker.get("message"), str):
        return ["x-error-text must be a mapping with a `message` JSON pointer"]
    problems = [f"x-error-text has an unknown key {key!r}" for key in marker if key not in ERROR_TEXT_KEYS]
    properties = schema.get("properties") if isinstance(schema, dict) else None
    for key, pointer in marker.items():
        if key not in ERROR_TEXT_KEYS:
            continue
        if not isinstance(pointer, str) or not pointer.startswith("/"):
            problems.append(f"x-error-text `{key}` must be a JSON pointer starting with `/`")
        elif not isinstance(properties, dict) or pointer.split("/")[1] not in properties:
            start = pointer.split("/")[1]
            problems.append(f"x-error-text `{key}` starts at {start!r}, which is no property of the schema")
    return problems


def error_text_pointers(model: SpecModel) -> tuple[ErrorTextPointers, ...]:
    """Every schema's ``x-error-text``, in document order."""
    found = []
    for name, schema in model.schemas.items():
        marker = schema.get("x-error-text") if isinstance(schema, dict) else None
        if isinstance(marker, dict) and not error_text_problems(schema, marker):
            found.append(
                ErrorTextPointers(str(name), marker["message"], marker.get("parameter"), marker.get("detail"))
            )
    return tuple(found)
