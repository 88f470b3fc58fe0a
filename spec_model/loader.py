"""The one YAML loader for spec files: the data a JSON tool would see.

PyYAML's safe loader turns an unquoted ``2026-01-01`` into a ``date`` and ``200:`` into an integer key; an
OpenAPI document is JSON data, so this loader keeps timestamps as strings and makes every mapping key a
string. A key that appears twice in one mapping is refused (YAML forbids it; PyYAML would keep the last one
silently). Every failure is a ``SpecLoadError`` with a one-line reason a user can act on.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml


class SpecLoadError(Exception):
    """The file is missing, unreadable or not a YAML/JSON mapping; the message is one line for the user."""


class _JsonLikeLoader(yaml.SafeLoader):
    """SafeLoader without timestamp resolution, with string keys and a duplicate-key check."""


_JsonLikeLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _construct_mapping(loader: _JsonLikeLoader, node: yaml.MappingNode) -> dict[str, Any]:
    loader.flatten_mapping(node)
    mapping: dict[str, Any] = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        # JSON keys are strings: YAML `200:` becomes "200" and `true:` becomes "true", as in JSON converters.
        key_text = str(key).lower() if isinstance(key, bool) else str(key)
        if key_text in mapping:
            mark = key_node.start_mark
            raise SpecLoadError(
                f"duplicate key {key_text!r} at line {mark.line + 1}, column {mark.column + 1}"
            )
        mapping[key_text] = loader.construct_object(value_node, deep=True)
    return mapping


_JsonLikeLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def parse_document(text: str) -> dict[str, Any]:
    """Parse spec text into plain JSON-like data, or raise ``SpecLoadError`` with a one-line reason."""
    try:
        data = yaml.load(text, Loader=_JsonLikeLoader)  # a SafeLoader subclass
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark is not None else ""
        raise SpecLoadError(f"YAML syntax error{where}: {exc.problem or exc.context}") from None
    except yaml.YAMLError as exc:
        raise SpecLoadError(f"YAML error: {exc}") from None
    if not isinstance(data, dict):
        raise SpecLoadError("the document is not a mapping (an OpenAPI document is a JSON/YAML object)")
    return data


def load_document(path: Path) -> dict[str, Any]:
    """Read and parse one spec file (see ``parse_document``); the reason says what went wrong, not where."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise SpecLoadError("file not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise SpecLoadError(f"cannot read file: {exc}") from None
    return parse_document(text)
