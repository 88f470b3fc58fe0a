"""The spec as the client generator sees it: the contract's date-time unions folded into one Python type.

Why: the contract has to admit every form the pages allow (``IsoDateTime`` is an RFC 3339 date-time *or* the
same without an offset; a running job's ``finishTime`` may be missing, empty, ``null`` or a placeholder), and
openapi-python-client turns such a union into ``datetime | str | None | Unset``. A client user wants one type:
the property carries ``x-client-datetime`` and this view hands the generator a plain ``format: date-time``:

- ``utc``: the member is a ``datetime`` (the model template reads it through ``_runtime.timestamps``,
  which makes it aware UTC);
- ``optional-utc``: the member is ``datetime | None``, listed as required in the view so that no ``Unset`` is
  added; the model template reads it with ``src_dict.get`` and ``optional_utc_datetime`` (absent, ``null``,
  empty or the placeholder give ``None``).

A property marked ``x-client-optional`` (its value says why) is dropped from its object's ``required``
list in the view: the single-entity PUTs' body ``id`` may be left out by the caller, the endpoint fills
it from the path (``_runtime/request_checks.py``, OLC-08); on the wire it is still always sent.

An object schema whose ``anyOf`` branches only say which members must be present (the restore body: the
scope that matches ``serviceType``, at least one of ``files``/``folders``, AVE-47) keeps its one object in
the view: the generator would otherwise split it into numbered union classes. The server checks those rules.

Nothing else changes and spec/ is never written: the contract suite and the mocks keep the unions.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import yaml

from .errors import GenerationError

MARKER = "x-client-datetime"
KINDS = ("utc", "optional-utc")
OPTIONAL_MARKER = "x-client-optional"


def client_view(spec: dict[str, Any]) -> dict[str, Any]:
    """A copy of ``spec`` with every ``x-client-datetime`` property replaced as the module docstring says."""
    view = copy.deepcopy(spec)
    _walk(view, "")
    return view


def write_client_view(spec: dict[str, Any], destination: Path) -> Path:
    """Write the view as YAML (JSON-compatible data) and return its path."""
    destination.write_text(yaml.safe_dump(client_view(spec), sort_keys=False), encoding="utf-8")
    return destination


def _walk(node: Any, where: str) -> None:
    if isinstance(node, list):
        for index, item in enumerate(node):
            _walk(item, f"{where}/{index}")
        return
    if not isinstance(node, dict):
        return
    properties = node.get("properties")
    if node.get("type") == "object" and _only_presence_rules(node.get("anyOf")):
        del node["anyOf"]
    if isinstance(properties, dict):
        for name, schema in list(properties.items()):
            if isinstance(schema, dict) and MARKER in schema:
                properties[name] = _replace(node, name, schema, f"{where}/properties/{name}")
            if isinstance(schema, dict) and schema.get(OPTIONAL_MARKER):
                required = node.get("required")
                if isinstance(required, list) and name in required:
                    required.remove(name)
    for key, value in node.items():
        if key != "properties":
            _walk(value, f"{where}/{key}")
        elif isinstance(value, dict):
            for name, schema in value.items():
                _walk(schema, f"{where}/properties/{name}")


def _only_presence_rules(branches: Any) -> bool:
    """Whether ``branches`` is a list of schemas that add no type of their own, only ``required`` lists and
    constraints on members the object already declares."""
    if not isinstance(branches, list) or not branches:
        return False
    return all(
        isinstance(branch, dict) and set(branch) <= {"required", "properties"} and "required" in branch
        for branch in branches
    )


def _replace(parent: dict[str, Any], name: str, schema: dict[str, Any], where: str) -> dict[str, Any]:
    kind = schema[MARKER]
    if kind not in KINDS:
        raise GenerationError(f"{where}: {MARKER} must be one of {', '.join(KINDS)}, got {kind!r}")
    replaced: dict[str, Any] = {"type": "string" if kind == "utc" else ["string", "null"]}
    replaced["format"] = "date-time"
    if "description" in schema:
        replaced["description"] = schema["description"]
    if kind == "optional-utc":
        required = parent.setdefault("required", [])
        if name not in required:
            required.append(name)
    return replaced
