"""Whether a response's ``Content-Type`` is one the spec documents for it.

A body that parses is not necessarily the answer the operation describes. A captive portal or a login page
in front of the server answers every request ``200 text/html`` with a sign-in page: read as text, that
page would pass for an OL Connect login token, and for the result of an update. So a success body must
come with a media type the spec lists for that status, or parsing stops with ``ResponseParseError``
(``UnexpectedMediaTypeError`` is a ``ValueError``, which ``failures.parse_failures`` and the token flow
already map).

What is compared is the media type only: type and subtype, case-insensitively (RFC 9110, section 8.3.1),
so parameters such as ``; charset=utf-8`` never matter. An empty body is not checked: it has no type to
check, and where the spec allows one (``x-body-optional``, e.g. an update's 200 without a body) the
server may well send no ``Content-Type`` with it. A non-empty body without a ``Content-Type`` does not fit a
documented type and is refused like any other.
"""

from __future__ import annotations

import httpx

__all__ = ["UnexpectedMediaTypeError", "check_media_type", "media_type"]

#: How much of an unexpected Content-Type value an error message shows (the value comes from the server).
_SHOWN = 60


class UnexpectedMediaTypeError(ValueError):
    """A success body whose media type is not one the spec documents for it."""


def media_type(value: str | None) -> str | None:
    """``type/subtype`` of a ``Content-Type`` value, lower-cased and without parameters; None if absent."""
    if value is None:
        return None
    main = value.split(";", 1)[0].strip().lower()
    return main or None


def check_media_type(response: httpx.Response, allowed: tuple[str, ...]) -> None:
    """Raise ``UnexpectedMediaTypeError`` unless ``response``'s non-empty body has one of ``allowed``.

    ``allowed`` holds lower-case ``type/subtype`` strings; an empty tuple means the spec names none.
    """
    if not allowed or not response.content:
        return
    found = media_type(response.headers.get("content-type"))
    if found in allowed:
        return
    expected = " or ".join(allowed)
    if found is None:
        raise UnexpectedMediaTypeError(f"the body has no Content-Type; the spec documents {expected}")
    shown = found if len(found) <= _SHOWN else found[:_SHOWN] + "..."
    raise UnexpectedMediaTypeError(f"the body is {shown!r}; the spec documents {expected}")
