"""Every `x-decision: ID` in a spec names an entry that exists in spec/DECISIONS.md.

The spec's pointer to a decision is how a reader finds out why a schema looks the way it does; a pointer to an
entry that was renumbered or never written leaves them with nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .problems import Problem, escape_token

RULE = "decision-exists"
_HEADING = re.compile(r"^#{2,4}\s+([A-Z]+-\d+)\b", re.MULTILINE)


def decision_ids(decisions_file: Path) -> set[str]:
    """The IDs of the entries (`### AVE-03 — ...`) in the decisions file; empty if it is missing."""
    try:
        return set(_HEADING.findall(decisions_file.read_text(encoding="utf-8")))
    except OSError:
        return set()


def _references(node: Any, where: str = "") -> Iterator[tuple[str, Any]]:
    if isinstance(node, dict):
        for key, value in node.items():
            here = f"{where}/{escape_token(key)}"
            if key == "x-decision":
                yield here, value
            else:
                yield from _references(value, here)
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _references(value, f"{where}/{index}")


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
