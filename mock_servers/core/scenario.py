"""Scenario files: reading YAML/JSON, validating them against the packaged JSON Schema, naming bad entries.

A scenario seeds one mock's state (users or OAuth clients, entities, settings). Schema errors and the
cross-reference checks each API adds are reported as ``FILE: /json/pointer: problem``, one line, so a user can
find the entry without reading a traceback.
"""

from __future__ import annotations

import datetime
import json
import math
from collections.abc import Iterable
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from jsonschema import Draft202012Validator
from jsonschema.exceptions import best_match

try:
    import jsonschema_rs
except ImportError:  # optional speed-up; the pure-Python validator gives the same verdict
    jsonschema_rs = None  # type: ignore[assignment]

_SAFE_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
MAX_DEPTH = 64  # scenarios are at most 8 levels deep


class ScenarioError(ValueError):
    """The scenario cannot be used; the message is one line and names the file and the entry."""


def json_pointer(parts: Iterable[str | int]) -> str:
    """RFC 6901 pointer for a path of keys and indexes ("" is the whole document)."""
    return "".join("/" + str(part).replace("~", "~0").replace("/", "~1") for part in parts)


def packaged_text(name: str) -> str:
    """A file shipped in ``mock_servers/scenarios/`` (default scenarios and their schemas)."""
    return resources.files("mock_servers").joinpath("scenarios", name).read_text(encoding="utf-8")


def packaged_schema(api: str) -> dict[str, Any]:
    schema: dict[str, Any] = json.loads(packaged_text(f"{api}.schema.json"))
    return schema


def parse_document(text: str, source: str, as_json: bool) -> Any:
    kind = "JSON" if as_json else "YAML"
    try:
        document = json.loads(text) if as_json else yaml.load(text, Loader=_SAFE_LOADER)
    except (ValueError, yaml.YAMLError) as exc:
        summary = " ".join(str(exc).split())
        raise ScenarioError(f"{source}: not valid {kind}: {_short(summary)}") from None
    except RecursionError:
        raise ScenarioError(f"{source}: not valid {kind}: nested too deeply") from None
    return normalise_values(document, source)


def normalise_values(document: Any, source: str) -> Any:
    """Make a loaded scenario plain JSON data, or say which value is not (one line, with its pointer).

    YAML turns unquoted ``2024-01-01`` into a date and ``.nan``/``.inf`` into non-finite floats, which no JSON
    response may carry; both are refused with a hint. Whole floats become ints (``2001.0`` -> ``2001``),
    since JSON Schema counts them as integers and the servers would otherwise echo ``2001.0`` as an ID.
    Nesting deeper than :data:`MAX_DEPTH` is refused before any recursive validator sees it. Iterative.
    """

    def problem(pointer: str, message: str) -> ScenarioError:
        return ScenarioError(f"{source}: {pointer or '/'}: {message}")

    def convert(value: Any, pointer: str) -> Any:
        if isinstance(value, float):
            if not math.isfinite(value):
                return problem(pointer, f"{value} is not a JSON number (use a finite number)")
            return int(value) if value.is_integer() and abs(value) < 2**63 else value
        if isinstance(value, (datetime.date, datetime.datetime)):
            return problem(pointer, f"unquoted YAML date/timestamp {value}; quote it to use it as text")
        if value is None or isinstance(value, (str, int, bool, list, dict)):
            return value
        return problem(pointer, f"{type(value).__name__} values are not JSON data")

    root: list[Any] = [document]
    stack: list[tuple[list[Any] | dict[Any, Any], Any, str, int]] = [(root, 0, "", 0)]
    while stack:
        parent, key, pointer, depth = stack.pop()
        value = convert(parent[key], pointer)
        if isinstance(value, ScenarioError):
            raise value
        parent[key] = value
        if isinstance(value, (dict, list)):
            if depth >= MAX_DEPTH:
                raise problem(pointer, f"nested deeper than {MAX_DEPTH} levels")
            if isinstance(value, dict):
                for name in value:
                    if not isinstance(name, str):
                        raise problem(pointer, f"key {name!r} is not a string")
                    stack.append((value, name, pointer + json_pointer([name]), depth + 1))
            else:
                stack.extend((value, index, f"{pointer}/{index}", depth + 1) for index in range(len(value)))
    return root[0]


def read_scenario_file(path: Path) -> Any:
    """Load a scenario file: ``.json`` as JSON (fast for huge generated files), anything else as YAML."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ScenarioError(f"{path}: cannot read scenario file: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise ScenarioError(f"{path}: scenario file is not UTF-8 text") from None
    return parse_document(text, str(path), as_json=path.suffix.lower() == ".json")


def load_scenario(api: str, path: Path | None) -> tuple[dict[str, Any], str]:
    """Read and schema-check a scenario (packaged default when ``path`` is None); returns (data, source)."""
    if path is None:
        source = f"<default {api} scenario>"
        document = parse_document(packaged_text(f"{api}.yaml"), source, as_json=False)
    else:
        source = str(path)
        document = read_scenario_file(path)
    validate_document(document, packaged_schema(api), source)
    return document, source


def validate_document(document: Any, schema: dict[str, Any], source: str) -> None:
    """Check a scenario against its schema; the Rust validator answers the common "valid" case fast.

    jsonschema (pure Python) needs ~20 s for a 100 000-entry benchmark scenario, jsonschema-rs ~0.1 s. Only
    when the document is invalid does the Python validator run, for its best-match error and JSON pointer.
    """
    if jsonschema_rs is not None and jsonschema_rs.validator_for(schema).is_valid(document):
        return
    validator = Draft202012Validator(schema)
    error = best_match(validator.iter_errors(document))
    if error is not None:
        where = json_pointer(error.absolute_path) or "/"
        raise ScenarioError(f"{source}: {where}: {_short(error.message)}")


def _short(message: str, limit: int = 200) -> str:
    one_line = " ".join(message.split())
    return one_line if len(one_line) <= limit else one_line[: limit - 3] + "..."
