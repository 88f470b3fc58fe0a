"""Reading a spec file for the checks, and following its local `$ref`s without stopping at a broken one.

Loading is spec_model's one strict loader (string keys, timestamps kept as text, duplicate keys refused) and
references are looked up through spec_model's resolver in its tolerant mode: the checks run on damaged
documents too, so a reference that names nothing comes back as `None` with the pointer it named, for the
check to report, instead of an exception.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from spec_model import RefResolver, SpecLoadError, load_document

__all__ = ["SpecLoadError", "load_spec", "lookup", "resolve"]

# The last few documents' resolvers: each check resolves hundreds of nodes of the same one or two documents.
_RESOLVERS: list[tuple[Any, RefResolver]] = []
_KEPT = 4


def load_spec(path: Path) -> dict[str, Any]:
    """Parse one spec file into plain JSON-like data, or raise `SpecLoadError` with a one-line reason."""
    return load_document(path)


def _resolver(document: Any) -> RefResolver:
    for known, resolver in _RESOLVERS:
        if known is document:
            return resolver
    resolver = RefResolver(document, strict=False)
    _RESOLVERS.insert(0, (document, resolver))
    del _RESOLVERS[_KEPT:]
    return resolver


def resolve(document: dict[str, Any], node: Any, max_hops: int = 32) -> tuple[Any, str | None]:
    """Follow local `$ref` chains (`#/...`) from `node`; return the target and the last pointer followed.

    Returns `(None, ref)` for a reference that does not resolve, so callers can report it instead of crashing;
    references to other files are left as they are (neither spec uses them).
    """
    followed: str | None = None
    for _ in range(max_hops):
        if not (isinstance(node, dict) and isinstance(node.get("$ref"), str)):
            return node, followed
        ref: str = node["$ref"]
        if not ref.startswith("#"):
            return node, followed
        followed = ref[1:]
        node = lookup(document, followed)
        if node is None:
            return None, followed
    return None, followed


def lookup(document: Any, json_pointer: str) -> Any:
    """The value at `json_pointer` in `document`, or None if there is none."""
    if not isinstance(document, dict):
        return None
    return _resolver(document).lookup(f"#{json_pointer}")
