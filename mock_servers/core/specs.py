"""The OpenAPI documents at run time: indexing operations, precompiling request validators.

Where a document lives (the installed copy or the checkout's ``spec/``) is ``spec_model``'s business.
Validators are compiled once when an app is built, so a request never pays for schema compilation.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

import yaml
from jsonschema import Draft202012Validator
from jsonschema.exceptions import best_match
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

try:
    import jsonschema_rs
except ImportError:  # optional speed-up; the pure-Python validator gives the same verdict
    jsonschema_rs = None  # type: ignore[assignment]

from mock_servers.core.http import ApiError
from mock_servers.core.scenario import json_pointer
from spec_model import SpecNotFoundError, spec_path

__all__ = ["SpecNotFoundError", "spec_path"]

SPEC_URI = "urn:mock-servers:spec"
HTTP_METHODS = ("get", "put", "post", "delete", "patch", "head", "options", "trace")


@cache
def load_spec(api: str) -> dict[str, Any]:
    with spec_path(api).open(encoding="utf-8") as handle:
        document: dict[str, Any] = yaml.safe_load(handle)
    return document


@dataclass(frozen=True)
class Operation:
    operation_id: str
    method: str
    path: str
    definition: dict[str, Any]
    pointer: str


class SpecIndex:
    """Operations by operationId, with ``$ref`` resolution against the whole document."""

    def __init__(self, document: dict[str, Any]) -> None:
        self.document = document
        self.registry: Registry[Any] = Registry().with_resource(
            SPEC_URI, Resource.from_contents(document, default_specification=DRAFT202012)
        )
        self.operations: dict[str, Operation] = {}
        for path, item in document.get("paths", {}).items():
            for method in HTTP_METHODS:
                operation = item.get(method)
                if isinstance(operation, dict) and "operationId" in operation:
                    pointer = json_pointer(["paths", path, method])
                    self.operations[operation["operationId"]] = Operation(
                        operation["operationId"], method.upper(), path, operation, pointer
                    )

    def resolve(self, node: Any) -> Any:
        """Follow local ``$ref`` chains (``#/components/...``) to the referenced node."""
        seen = 0
        while isinstance(node, dict) and "$ref" in node and seen < 20:
            ref = node["$ref"]
            if not ref.startswith("#/"):
                raise ValueError(f"only local references are supported, got {ref!r}")
            node = self.document
            for part in ref[2:].split("/"):
                node = node[part.replace("~1", "/").replace("~0", "~")]
            seen += 1
        return node

    def operation(self, operation_id: str) -> Operation:
        try:
            return self.operations[operation_id]
        except KeyError:
            raise KeyError(f"operationId {operation_id!r} is not in the spec") from None

    def parameter(self, operation_id: str, name: str) -> dict[str, Any]:
        for candidate in self.operation(operation_id).definition.get("parameters", []):
            parameter = self.resolve(candidate)
            if parameter.get("name") == name:
                resolved: dict[str, Any] = parameter
                return resolved
        raise KeyError(f"{operation_id} has no parameter {name!r}")

    def parameter_schema(self, operation_id: str, name: str) -> dict[str, Any]:
        """The parameter's schema with a top-level ``$ref`` merged in (siblings such as ``default`` kept)."""
        schema = dict(self.parameter(operation_id, name).get("schema", {}))
        if "$ref" in schema:
            target = dict(self.resolve({"$ref": schema.pop("$ref")}))
            target.update(schema)
            schema = target
        return schema

    def enum_values(self, operation_id: str, name: str) -> tuple[Any, ...]:
        """The parameter's enum; for an ``anyOf`` (a canonical enum beside a looser form) the first enum."""
        schema = self.parameter_schema(operation_id, name)
        if "enum" in schema:
            return tuple(schema["enum"])
        for branch in schema.get("anyOf", []):
            resolved = self.resolve(branch)
            if "enum" in resolved:
                return tuple(resolved["enum"])
        raise KeyError(f"{operation_id} parameter {name!r} has no enum")

    def request_body_schema(self, operation_id: str, media_type: str) -> dict[str, Any]:
        """The resolved schema of a request body (a top-level ``$ref`` followed)."""
        body = self.resolve(self.operation(operation_id).definition.get("requestBody", {}))
        schema: dict[str, Any] = self.resolve(body["content"][media_type]["schema"])
        return schema

    def body_validator(self, operation_id: str, media_type: str = "application/json") -> Draft202012Validator:
        """A compiled validator for the operation's request body (``$ref`` resolved through the registry)."""
        operation = self.operation(operation_id)
        body_pointer = f"{operation.pointer}/requestBody"
        body = operation.definition.get("requestBody", {})
        if "$ref" in body:  # a shared body under components/requestBodies
            body_pointer = body["$ref"][1:]
            body = self.resolve(body)
        if media_type not in body.get("content", {}):
            raise KeyError(f"{operation_id} has no {media_type} request body")
        pointer = body_pointer + json_pointer(["content", media_type, "schema"])
        validator = Draft202012Validator({"$ref": f"{SPEC_URI}#{pointer}"}, registry=self.registry)
        if jsonschema_rs is not None:
            # The same schema, self-contained for the Rust validator: the document's own refs resolve in it.
            parts: dict[str, Any] = {
                k: self.document[k] for k in ("paths", "components") if k in self.document
            }
            _FAST_VALIDATORS[id(validator)] = (
                validator,
                jsonschema_rs.validator_for({"$ref": f"#{pointer}", **parts}),
            )
        return validator


# Rust twins of the body validators: the common valid case in milliseconds (pure-Python jsonschema needs about
# 1 s per 10 000 multi-update items); only an invalid body runs the Python validator, for its best match.
_FAST_VALIDATORS: dict[int, tuple[Draft202012Validator, Any]] = {}


def validate_body(validator: Draft202012Validator, body: Any) -> None:
    """Raise a 400 naming the JSON pointer of the first (most relevant) schema violation in ``body``."""
    fast = _FAST_VALIDATORS.get(id(validator))
    if fast is not None and fast[1].is_valid(body):
        return
    error = best_match(validator.iter_errors(body))
    if error is not None:
        where = json_pointer(error.absolute_path) or "/"
        message = " ".join(error.message.split())
        if len(message) > 200:
            message = message[:197] + "..."
        raise ApiError(400, f"Invalid request body at {where}: {message}", where)
