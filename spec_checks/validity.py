"""Check 1: the document is valid OpenAPI, as openapi-spec-validator judges it.

The validator yields two kinds of errors: JSON Schema errors against the OpenAPI meta-schema (they carry the
instance path, which becomes our pointer) and semantic errors (duplicate operationIds, undeclared path
parameters) that carry no path; for those the pointer is recovered from the method and path the message names.
"""

from __future__ import annotations

import re
from typing import Any

from jsonschema.exceptions import ValidationError, best_match
from openapi_spec_validator.validation.validators import (
    OpenAPIV30SpecValidator,
    OpenAPIV31SpecValidator,
)

from .problems import Problem, pointer, pointer_from_path

RULE = "openapi-valid"
_ROOT_KEYS = {
    "openapi",
    "info",
    "jsonSchemaDialect",
    "servers",
    "paths",
    "webhooks",
    "components",
    "security",
    "tags",
    "externalDocs",
}
_OPERATION_IN_MESSAGE = re.compile(r"for '(?P<method>\w+)'(?: operation)? in '(?P<path>[^']+)'")


def _most_specific(error: ValidationError) -> ValidationError:
    """Descend into `oneOf`/`anyOf` failures so the message names the real fault, not "not valid under"."""
    while error.context:
        deeper = best_match(error.context)
        if deeper is None or deeper is error:
            break
        error = deeper
    return error


def _first_part(message: str) -> str:
    """The validator may append the failing schema and the instance to a message; keep the first part."""
    return message.split("\n\nFailed validating", 1)[0].split("\n\nOn instance", 1)[0]


def _pointer_for(error: ValidationError) -> str:
    if error.absolute_path:
        return pointer_from_path(error.absolute_path)
    match = _OPERATION_IN_MESSAGE.search(str(error.message))
    if match:
        return pointer("paths", match["path"], match["method"])
    return ""


def check_validity(file: str, document: dict[str, Any]) -> list[Problem]:
    """Every error openapi-spec-validator finds, one problem each (3.0 documents are accepted too)."""
    version = str(document.get("openapi", ""))
    validator_class = OpenAPIV30SpecValidator if version.startswith("3.0") else OpenAPIV31SpecValidator
    if not version.startswith(("3.0", "3.1")):
        return [Problem(file, "/openapi", RULE, f"unsupported OpenAPI version {version or '(missing)'!r}")]
    problems: list[Problem] = []
    try:
        errors = list(validator_class(document).iter_errors())
    except Exception as exc:  # the validator can trip over a badly broken document; report, never crash
        return [Problem(file, "", RULE, f"validator failed on this document: {type(exc).__name__}: {exc}")]
    for error in errors:
        specific = _most_specific(error)
        message = _first_part(str(specific.message))
        path = list(specific.absolute_path)
        if path and path[0] not in _ROOT_KEYS:
            # A schema checked on its own: the path is relative to that schema, whose location the validator
            # does not give. The schema-valid check reports the same fault with the full pointer.
            problems.append(
                Problem(file, "", RULE, f"a schema is invalid at {'/'.join(map(str, path))}: {message}")
            )
            continue
        where = _pointer_for(specific) or _pointer_for(error)
        problems.append(Problem(file, where, RULE, message))
    return problems
