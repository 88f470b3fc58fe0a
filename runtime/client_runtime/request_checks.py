"""Checks a generated endpoint runs on its arguments before anything is sent, and the PUT answer parser.

Why here and not in the schema: the contract describes what a *server* must accept, and the pages set no
minimum on property names or list lengths (OLC-08), so the spec cannot refuse them. What a client *sends*
is ours to choose. A request that can only be a caller's slip is refused with ``InvalidRequestError``
before any byte leaves the process, instead of a 400 or a 500 from the server (or, worse, a silent no-op):

- ``check_write_body``: the body of a name/value write (OLC-08). On a single-entity PUT the path ID fills a
  missing body ``id`` and a different one is refused; the multi-update must list at least one entry, each with
  an ``id``; no property may have an empty name.
- ``any_case_choice``: a parameter the server matches case-insensitively (OLC-12's ``levelMode``) must be one
  of its documented values in some letter case; it is sent in the documented spelling.

``update_answer`` parses the ``text/plain`` answer of a single-entity PUT (OLC-10): ``true`` or an empty body
is success, ``false`` raises ``UpdateRejectedError`` (the server took the request and changed nothing), and
anything else is not an answer the spec allows (``ValueError``, reported as ``ResponseParseError``).
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import Enum
from typing import Any, TypeVar

from .errors import ApiError

__all__ = [
    "InvalidRequestError",
    "UpdateRejectedError",
    "any_case_choice",
    "check_write_body",
    "update_answer",
]

T = TypeVar("T")


class InvalidRequestError(ApiError, ValueError):
    """The client refused to send a request whose arguments cannot be right; nothing was sent.

    Also a ``ValueError``: it is a bad argument, raised before any I/O.
    """


class UpdateRejectedError(ApiError):
    """A single-entity update answered 200 with ``false``: the server changed nothing (OLC-10).

    OL Connect servers answer ``false`` for an ID they do not know (variant ``olc.unknown-id=empty-200``).
    """


def _fail(message: str) -> InvalidRequestError:
    return InvalidRequestError(f"request not sent: {message}")


def _same_id(body_id: Any, path_id: Any) -> bool:
    if isinstance(body_id, bool) or isinstance(path_id, bool):
        return False
    return bool(body_id == path_id or str(body_id) == str(path_id))


def _check_entry(entry: Any, where: str) -> None:
    if not isinstance(entry, dict):
        return
    properties = entry.get("properties")
    if not isinstance(properties, list):
        return
    for index, item in enumerate(properties):
        if isinstance(item, dict) and item.get("name") in ("", None):
            raise _fail(f"{where}properties[{index}] has an empty name (OLC-08: our clients never send one)")


def check_write_body(data: T, *, path_id: object = None, id_field: str = "id") -> T:
    """``data`` (the JSON body, already built) checked and, for a single PUT, given the path ID.

    ``path_id`` is the entity ID of the URL for a single-entity PUT, ``None`` for the multi-update.
    """
    if isinstance(data, list):
        if not data:
            raise _fail("the multi-update needs at least one entry (OLC-08: an empty list is never sent)")
        for index, entry in enumerate(data):
            if isinstance(entry, dict) and entry.get(id_field) is None:
                raise _fail(f"entry [{index}] has no {id_field!r}")
            _check_entry(entry, f"entry [{index}] ")
        return data
    if isinstance(data, dict) and path_id is not None:
        body_id = data.get(id_field)
        if body_id is None:
            data[id_field] = path_id
        elif not _same_id(body_id, path_id):
            raise _fail(
                f"the body {id_field!r} ({body_id!r}) differs from the ID in the path ({path_id!r}); "
                "omit it and the path ID is used"
            )
    _check_entry(data, "")
    return data


def any_case_choice(value: T, choices: Sequence[str], *, name: str) -> T:
    """``value`` in the documented spelling when it equals one of ``choices`` ignoring case, else refused.

    An ``Unset``/``None`` value (the parameter left out) passes unchanged; an enum member is checked by value.
    """
    if value is None or not value:  # UNSET is falsy; "" is refused below only when it was given
        if isinstance(value, str):
            raise _fail(f"{name} must be one of {', '.join(choices)}, not an empty string")
        return value
    text = value.value if isinstance(value, Enum) else value
    if not isinstance(text, str):
        raise _fail(f"{name} must be one of {', '.join(choices)}, got {type(text).__name__}")
    folded = text.casefold()
    for choice in choices:
        if choice.casefold() == folded:
            return value if isinstance(value, Enum) and text == choice else choice  # type: ignore[return-value]
    raise _fail(f"{name} must be one of {', '.join(choices)} (any letter case), got {text[:60]!r}")


def update_answer(text: str) -> bool:
    """``True`` for ``true`` or no body; ``false`` raises ``UpdateRejectedError``; else ``ValueError``."""
    answer = text.strip()
    if answer in ("", "true"):
        return True
    if answer == "false":
        raise UpdateRejectedError("the server answered `false`: the update was not applied")
    # The text itself is not quoted: a proxy or portal page in its place may carry anything.
    raise ValueError(f"a single update answers `true` or `false`, got {len(answer)} characters of other text")
