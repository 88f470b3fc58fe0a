"""The one shape every check reports in, so the CLI can print and count problems uniformly."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One finding: which file, where in it (a JSON pointer), which rule, and what is wrong."""

    file: str
    pointer: str
    rule: str
    message: str

    def render(self) -> str:
        """`FILE: POINTER: RULE: message` on one line; the root of a document is shown as `/`."""
        message = " ".join(self.message.split())
        return f"{self.file}: {self.pointer or '/'}: {self.rule}: {message}"


def escape_token(token: str | int) -> str:
    """Escape one reference token as RFC 6901 requires (`~` then `/`)."""
    return str(token).replace("~", "~0").replace("/", "~1")


def pointer(*tokens: str | int) -> str:
    """Build a JSON pointer from unescaped tokens: `pointer("paths", "/a/b", "get")` → `/paths/~1a~1b/get`."""
    return "".join("/" + escape_token(token) for token in tokens)


def pointer_from_path(tokens: Iterable[str | int]) -> str:
    """Same as `pointer`, for a path held in a sequence (jsonschema and Spectral give paths that way)."""
    return pointer(*tokens)
