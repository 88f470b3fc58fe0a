"""Where an API puts the message of an error answer, as JSON pointers the spec states (``x-error-text``).

The runtime knows no API's error shape. Each error schema of a spec may say where its human message, the
parameter the server blamed and a further detail sit (``x-error-text: {message: /error/message, parameter:
/error/parameter}``); the generated operations hand those pointers to ``PointerErrorText``, which reads the
first shape that holds a message. Only scalars count: a hostile server could put a huge structure there.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import Any

__all__ = ["ErrorPointers", "PointerErrorText"]


@dataclasses.dataclass(frozen=True)
class ErrorPointers:
    """One error shape: JSON pointers to its message and, optionally, the blamed parameter and a detail."""

    message: str
    parameter: str | None = None
    detail: str | None = None


def _at(body: Any, pointer: str | None) -> Any:
    """The value at ``pointer`` (RFC 6901) in ``body``, or ``None`` where there is none."""
    if pointer is None:
        return None
    node = body
    for token in pointer.split("/")[1:]:
        if not isinstance(node, dict):
            return None
        node = node.get(token.replace("~1", "/").replace("~0", "~"))
    return node


def _scalar(value: Any) -> str | None:
    if isinstance(value, bool) or not isinstance(value, str | int | float) or value == "":
        return None
    return str(value)


class PointerErrorText:
    """An ``ErrorText`` (``errors.py``) reading the shapes a spec's ``x-error-text`` marks, in order."""

    __slots__ = ("shapes",)

    def __init__(self, shapes: Sequence[ErrorPointers]) -> None:
        self.shapes = tuple(shapes)

    def __call__(self, body: Any) -> tuple[str | None, str | None]:
        for shape in self.shapes:
            message = _scalar(_at(body, shape.message))
            if message is None:
                continue
            detail = _scalar(_at(body, shape.detail))
            return (f"{message}: {detail}" if detail else message), _scalar(_at(body, shape.parameter))
        return None, None

    def __repr__(self) -> str:
        return f"PointerErrorText({list(self.shapes)!r})"
