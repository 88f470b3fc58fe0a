"""The shared types of generated models and operation functions: ``UNSET``, ``File``, ``Response``.

Each package's ``types.py`` (the generator's module that models import ``UNSET``/``Unset`` from)
re-exports these, so there is one definition per package and it is checked where it is written. Unlike
the stock template, ``Response.status_code`` is a plain ``int`` when the code is not in ``HTTPStatus``
(499, 520 ...), and ``Response`` keeps the raw ``httpx.Response``.
"""

from collections.abc import Mapping, MutableMapping
from http import HTTPStatus
from typing import IO, BinaryIO, Generic, Literal, TypeVar

import httpx
from attrs import define, field


class Unset:
    """The type of ``UNSET``: a field the JSON document did not contain (falsy, unlike ``None``)."""

    def __bool__(self) -> Literal[False]:
        return False

    def __repr__(self) -> str:
        return "UNSET"


UNSET: Unset = Unset()

# The types that `httpx.Client(files=)` can accept, copied from that library.
FileContent = IO[bytes] | bytes | str
FileTypes = (
    # (filename, file (or bytes), content_type)
    tuple[str | None, FileContent, str | None]
    # (filename, file (or bytes), content_type, headers)
    | tuple[str | None, FileContent, str | None, Mapping[str, str]]
)
RequestFiles = list[tuple[str, FileTypes]]


@define
class File:
    """Contains information for file uploads"""

    payload: BinaryIO
    file_name: str | None = None
    mime_type: str | None = None

    def to_tuple(self) -> FileTypes:
        """Return a tuple representation that httpx will accept for multipart/form-data"""
        return self.file_name, self.payload, self.mime_type


T = TypeVar("T")


def status_of(code: int) -> int:
    """``HTTPStatus`` member when the code has one, else the plain int (499, 520 ... must not raise)."""
    try:
        return HTTPStatus(code)
    except ValueError:
        return code


@define
class Response(Generic[T]):
    """A success response: the parsed model plus the raw response it came from.

    Attributes:
        status_code: the status as an ``int`` (an ``HTTPStatus`` member when the code is a standard one).
        content: the raw body bytes.
        headers: the response headers (case-insensitive).
        parsed: the parsed body; calls raise typed errors instead of returning error bodies.
        raw: the ``httpx.Response`` itself (request, HTTP version, elapsed time, extensions).
    """

    status_code: int
    content: bytes
    headers: MutableMapping[str, str]
    parsed: T
    raw: httpx.Response = field(repr=False)

    @property
    def attempts(self) -> int:
        """How many times the request was sent (1 unless the retrying transport repeated it)."""
        value = self.raw.extensions.get("attempts", 1)
        return value if isinstance(value, int) else 1


__all__ = ["UNSET", "File", "FileTypes", "RequestFiles", "Response", "Unset", "status_of"]
