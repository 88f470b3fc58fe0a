"""Schema hygiene the generators depend on: each schema is valid JSON Schema, and enums carry readable names.

openapi-spec-validator reports a broken schema with a path relative to that schema only; validating each
schema here against the 2020-12 meta-schema gives the full pointer. `x-enum-varnames` must list one name per
enum value (openapi-python-client silently falls back to `VALUE_1` names otherwise, and a shorter list
misnames members).
"""

from __future__ import annotations

import re
from typing import Any

from jsonschema import Draft202012Validator
from jsonschema.exceptions import best_match

from spec_model.walk import iter_all_schemas, iter_top_schemas

from .problems import Problem, pointer_from_path

SCHEMA_RULE = "schema-valid"
ENUM_RULE = "enum-varnames"
_IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_META = Draft202012Validator(Draft202012Validator.META_SCHEMA)


def check_schemas(file: str, document: dict[str, Any]) -> list[Problem]:
    """Meta-schema errors and enum naming problems, one problem each, with full pointers."""
    problems: list[Problem] = []
    # Top-level schemas only: the meta-schema descends into nested schemas itself and reports their paths.
    for where, schema in iter_top_schemas(document):
        for error in _META.iter_errors(schema):
            specific = best_match([error]) if error.context else error
            location = where + pointer_from_path(specific.absolute_path)
            problems.append(Problem(file, location, SCHEMA_RULE, specific.message))
    for where, schema in iter_all_schemas(document):
        problems.extend(_enum_problems(file, where, schema))
    return sorted(set(problems))


def _enum_problems(file: str, where: str, schema: dict[str, Any]) -> list[Problem]:
    enum = schema.get("enum")
    if not isinstance(enum, list):
        return []
    values = [value for value in enum if value is not None]
    if not values:
        return []
    names = schema.get("x-enum-varnames")
    if names is None:
        return [
            Problem(file, where, ENUM_RULE, "enum without x-enum-varnames: generated code gets VALUE_n names")
        ]
    if not isinstance(names, list) or len(names) != len(values):
        count = len(names) if isinstance(names, list) else "not a list"
        return [
            Problem(
                file,
                f"{where}/x-enum-varnames",
                ENUM_RULE,
                f"x-enum-varnames must name each of the {len(values)} enum values once (found {count})",
            )
        ]
    bad = [name for name in names if not (isinstance(name, str) and _IDENTIFIER.match(name))]
    duplicates = sorted({name for name in names if isinstance(name, str) and names.count(name) > 1})
    problems = [
        Problem(file, f"{where}/x-enum-varnames", ENUM_RULE, f"{name!r} is not a valid identifier")
        for name in bad
    ]
    problems += [
        Problem(file, f"{where}/x-enum-varnames", ENUM_RULE, f"name {name!r} is used twice")
        for name in duplicates
    ]
    return problems
