"""Every `x-decision: ID` in a spec names an entry of spec/DECISIONS.md, and the other markers are sound.

The spec's pointer to a decision is how a reader finds out why a schema looks the way it does; a pointer to an
entry that was renumbered or never written leaves them with nothing. Likewise `x-addition` (something beyond
the vendor pages) must name its source, and `x-body-optional` (a response that may come without a body) is
only meaningful as `true` on a response object. `x-client-datetime` (how a generated client types a date-time
member, scripts/generate/client_view.py) is `utc` or `optional-utc` on an object property, and
`x-client-optional` (a member the generated client lets the caller omit) says why, on an object property.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from spec_model import HTTP_METHODS, SpecModel, SpecRefError
from spec_model.error_text import error_text_problems

from .problems import Problem, escape_token

RULE = "decision-exists"
MARKER_RULE = "marker-valid"
_HEADING = re.compile(r"^#{2,4}\s+([A-Z]+-\d+)\b", re.MULTILINE)


def decision_ids(decisions_file: Path) -> set[str]:
    """The IDs of the entries (`### AVE-03 — ...`) in the decisions file; empty if it is missing."""
    try:
        return set(_HEADING.findall(decisions_file.read_text(encoding="utf-8")))
    except OSError:
        return set()


def _references(node: Any, where: str = "", marker: str = "x-decision") -> Iterator[tuple[str, Any]]:
    if isinstance(node, dict):
        for key, value in node.items():
            here = f"{where}/{escape_token(key)}"
            if key == marker:
                yield here, value
            else:
                yield from _references(value, here, marker)
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _references(value, f"{where}/{index}", marker)


def _is_response(pointer: str) -> bool:
    """``.../responses/<status or name>/x-body-optional``: the marker sits directly on a response object."""
    parts = pointer.split("/")
    return len(parts) >= 4 and parts[-3] == "responses"


def check_markers(file: str, document: dict[str, Any]) -> list[Problem]:
    problems = []
    for where, value in _references(document, marker="x-addition"):
        if not isinstance(value, str) or not value.strip():
            problems.append(Problem(file, where, MARKER_RULE, "x-addition must name its source (a string)"))
    for where, value in _references(document, marker="x-body-optional"):
        if value is not True or not _is_response(where):
            problems.append(
                Problem(file, where, MARKER_RULE, "x-body-optional must be true and sit on a response object")
            )
    for where, value in _references(document, marker="x-client-datetime"):
        parts = where.split("/")
        if value not in ("utc", "optional-utc") or len(parts) < 3 or parts[-3] != "properties":
            problems.append(
                Problem(
                    file,
                    where,
                    MARKER_RULE,
                    "x-client-datetime must be `utc` or `optional-utc` and sit on an object property",
                )
            )
    for where, value in _references(document, marker="x-client-optional"):
        parts = where.split("/")
        if not isinstance(value, str) or not value.strip() or len(parts) < 3 or parts[-3] != "properties":
            problems.append(
                Problem(
                    file,
                    where,
                    MARKER_RULE,
                    "x-client-optional must say why (a string) on an object property",
                )
            )
    for where, value in _references(document, marker="x-error-text"):
        parts = where.split("/")
        on_schema = len(parts) == 5 and parts[1:3] == ["components", "schemas"]
        schema = document.get("components", {}).get("schemas", {}).get(parts[3]) if on_schema else None
        messages = error_text_problems(schema, value) if on_schema else ["x-error-text must sit on a schema"]
        problems.extend(Problem(file, where, MARKER_RULE, message) for message in messages)
    for where, value in _references(document, marker="x-write"):
        problems.extend(
            Problem(file, where, MARKER_RULE, message)
            for message in _write_marker_problems(document, where, value)
        )
    return problems


def _write_marker_problems(document: dict[str, Any], where: str, value: Any) -> list[str]:
    """``x-write`` sits on an operation, names what it replaces; its ``idParameter`` or ``deletes`` (at most
    one of them) is a path parameter."""
    parts = where.split("/")
    if not (len(parts) == 5 and parts[1] == "paths" and parts[3] in HTTP_METHODS):
        return ["x-write must sit on an operation"]
    if (
        not isinstance(value, dict)
        or not isinstance(value.get("replaces"), str)
        or not value["replaces"].strip()
    ):
        return ["x-write must be a mapping whose `replaces` names what the request body replaces"]
    unknown = sorted(set(value) - {"replaces", "idParameter", "deletes"})
    if unknown:
        return [f"x-write has unknown keys {unknown} (allowed: replaces, idParameter, deletes)"]
    named = {key: value[key] for key in ("idParameter", "deletes") if value.get(key) is not None}
    if not named:
        return []
    if len(named) > 1:
        return ["x-write names either an idParameter (a body id to match) or deletes (no body), not both"]
    path = parts[2].replace("~1", "/").replace("~0", "~")
    try:
        operations = SpecModel(document).operations.values()
    except SpecRefError:
        return []  # a broken reference is reported by the reference check
    operation = next((op for op in operations if op.path == path and op.method == parts[3].upper()), None)
    path_names = {p.name for p in operation.parameters_in("path")} if operation is not None else set()
    for key, parameter in named.items():
        if parameter not in path_names:
            return [f"x-write {key} {parameter!r} is not a path parameter of this operation"]
    return []


def check_decisions(
    file: str, document: dict[str, Any], known: set[str], decisions_file: Path
) -> list[Problem]:
    problems = []
    for where, value in _references(document):
        ids = value if isinstance(value, list) else [value]
        for decision in ids:
            if not isinstance(decision, str) or decision not in known:
                problems.append(
                    Problem(
                        file, where, RULE, f"x-decision {decision!r} has no entry in {decisions_file.name}"
                    )
                )
    return problems
