"""Reading a spec file the way a JSON tool sees it, and following its local `$ref`s.

YAML 1.1 turns unquoted timestamps into `datetime` objects and unquoted `200:` keys into integers; an
OpenAPI document is JSON data, so this loader keeps timestamps as strings and every mapping key as a string.
A key that appears twice in one mapping is a load error: YAML forbids it and PyYAML would otherwise keep the
last one silently.
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


def load_spec(path: Path) -> dict[str, Any]:
    """Parse one spec file into plain JSON-like data, or raise `SpecLoadError` with a one-line reason."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise SpecLoadError("file not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise SpecLoadError(f"cannot read file: {exc}") from None
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
    if json_pointer == "":
        return document
    current = document
    for raw in json_pointer.split("/")[1:]:
        token = raw.replace("~1", "/").replace("~0", "~")
        if isinstance(current, dict) and token in current:
            current = current[token]
        elif isinstance(current, list) and token.isdigit() and int(token) < len(current):
            current = current[int(token)]
        else:
            return None
    return current
