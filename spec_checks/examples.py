"""Check 4: every example in the document validates against the schema it illustrates.

Examples are where readers, mock servers and generated tests take their sample data from, so an example that
contradicts its own schema teaches everybody the wrong thing. Validation uses JSON Schema 2020-12 (the OpenAPI
3.1 dialect) with the whole document registered as one resource, so `$ref: '#/components/...'` resolves the
way it does in the spec, and formats (`date-time`, `int32`, ...) are asserted, not just annotated.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from urllib.parse import quote

from jsonschema import Draft202012Validator, FormatChecker
from jsonschema.exceptions import ValidationError, best_match
from referencing import Registry, Resource
from referencing.exceptions import Unresolvable
from referencing.jsonschema import DRAFT202012

from spec_model.walk import iter_all_schemas, iter_sites

from .document import resolve
from .problems import Problem, pointer, pointer_from_path

RULE = "example-valid"
BASE_URI = "urn:openapi-document"

_FORMATS = FormatChecker()


@_FORMATS.checks("int32")
def _is_int32(value: object) -> bool:
    return not isinstance(value, int) or isinstance(value, bool) or -(2**31) <= value < 2**31


@_FORMATS.checks("int64")
def _is_int64(value: object) -> bool:
    return not isinstance(value, int) or isinstance(value, bool) or -(2**63) <= value < 2**63


def _examples_at(
    site_pointer: str, node: dict[str, Any], document: dict[str, Any]
) -> Iterator[tuple[str, Any]]:
    """(pointer, value) of each example an OpenAPI object (parameter/header/media type) carries."""
    if "example" in node:
        yield f"{site_pointer}/example", node["example"]
    examples = node.get("examples")
    if isinstance(examples, dict):
        for name, example in examples.items():
            target, followed = resolve(document, example)
            where = followed if followed is not None else f"{site_pointer}{pointer('examples', name)}"
            if isinstance(target, dict) and "value" in target:
                yield f"{where}/value", target["value"]


def _schema_examples(schema_pointer: str, schema: dict[str, Any]) -> Iterator[tuple[str, Any]]:
    """(pointer, value) of the `example` and each of the `examples` of a schema object."""
    if "example" in schema:
        yield f"{schema_pointer}/example", schema["example"]
    examples = schema.get("examples")
    if isinstance(examples, list):
        for index, value in enumerate(examples):
            yield f"{schema_pointer}/examples/{index}", value


class ExampleChecker:
    """Validates values against schemas of one document, caching one validator per schema location."""

    def __init__(self, file: str, document: dict[str, Any]) -> None:
        self.file = file
        self.document = document
        resource: Resource[Any] = DRAFT202012.create_resource(document)
        self.registry: Registry[Any] = Registry().with_resource(BASE_URI, resource)
        self._validators: dict[str, Draft202012Validator] = {}

    def _validator(self, schema_pointer: str) -> Draft202012Validator:
        if schema_pointer not in self._validators:
            reference = {"$ref": f"{BASE_URI}#{quote(schema_pointer, safe='/~')}"}
            self._validators[schema_pointer] = Draft202012Validator(
                reference, registry=self.registry, format_checker=_FORMATS
            )
        return self._validators[schema_pointer]

    def check(self, value_pointer: str, value: Any, schema_pointer: str) -> list[Problem]:
        try:
            errors = list(self._validator(schema_pointer).iter_errors(value))
        except Unresolvable as exc:
            return [Problem(self.file, schema_pointer, RULE, f"schema reference does not resolve: {exc}")]
        except Exception as exc:  # a broken schema (unknown type, bad regex) is reported, never a traceback
            first_line = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            return [
                Problem(
                    self.file, value_pointer, RULE, f"cannot validate: the schema is broken: {first_line}"
                )
            ]
        return [self._problem(value_pointer, schema_pointer, error) for error in errors]

    def _problem(self, value_pointer: str, schema_pointer: str, error: ValidationError) -> Problem:
        specific = best_match([error]) if error.context else error
        where = value_pointer + pointer_from_path(specific.absolute_path)
        return Problem(
            self.file,
            where,
            RULE,
            f"{specific.message} (schema {schema_pointer}, keyword {specific.validator})",
        )


def check_examples(file: str, document: dict[str, Any]) -> list[Problem]:
    """Every parameter, header, media-type and schema example, validated against its own schema."""
    checker = ExampleChecker(file, document)
    problems: list[Problem] = []
    for site in iter_sites(document):
        if "schema" not in site.node:
            continue
        for value_pointer, value in _examples_at(site.pointer, site.node, document):
            problems.extend(checker.check(value_pointer, value, f"{site.pointer}/schema"))
    for schema_pointer, schema in iter_all_schemas(document):
        for value_pointer, value in _schema_examples(schema_pointer, schema):
            problems.extend(checker.check(value_pointer, value, schema_pointer))
    return sorted(set(problems), key=lambda problem: (problem.pointer, problem.message))
