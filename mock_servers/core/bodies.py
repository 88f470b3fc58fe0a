"""Request bodies checked against the spec: validators compiled once per app from ``spec_model``.

A body's schema is named by its JSON pointer in the document (``MediaType.schema_pointer``) and resolved
through the model's ``referencing`` registry, so shared components are compiled the way the spec links them.
Each check has a jsonschema-rs twin for the common valid case (pure-Python jsonschema needs about 1 s per
10 000 multi-update items); only an invalid body runs the Python validator, for its best match and pointer.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError, best_match

from mock_servers.core.http import JSON_MEDIA_TYPE, ApiError
from mock_servers.core.scenario import json_pointer
from spec_model import MediaType, Operation, SpecModel

try:
    import jsonschema_rs
except ImportError:  # optional speed-up; the pure-Python validator gives the same verdict
    jsonschema_rs = None  # type: ignore[assignment]

MESSAGE_LIMIT = 200


def body_media_type(operation: Operation, media_type: str = JSON_MEDIA_TYPE) -> MediaType:
    """The documented request body of ``operation`` in ``media_type``; a KeyError names what is missing."""
    body = operation.request_body
    if body is None or media_type not in body.content:
        raise KeyError(f"{operation.name} has no {media_type} request body")
    return body.content[media_type]


class SchemaCheck:
    """One compiled request-body schema; calling it raises the documented 400 for an invalid document."""

    def __init__(self, model: SpecModel, pointer: str) -> None:
        self.pointer = pointer
        self.validator = Draft202012Validator(model.refs.schema_ref(pointer), registry=model.refs.registry)
        self._fast: Any = None
        if jsonschema_rs is not None:
            # The same schema, self-contained for the Rust validator: the document's own refs resolve in it.
            parts: dict[str, Any] = {
                key: model.raw[key] for key in ("paths", "components") if key in model.raw
            }
            self._fast = jsonschema_rs.validator_for({"$ref": f"#{pointer}", **parts})

    @classmethod
    def for_body(cls, model: SpecModel, operation_id: str, media_type: str = JSON_MEDIA_TYPE) -> SchemaCheck:
        return cls(model, body_media_type(model.operation(operation_id), media_type).schema_pointer)

    def violations(self, document: Any) -> Iterator[ValidationError]:
        """Every schema violation in ``document`` (none, quickly, when the fast twin calls it valid)."""
        if self._fast is not None and self._fast.is_valid(document):
            return iter(())
        return self.validator.iter_errors(document)

    def __call__(self, document: Any) -> None:
        """Raise a 400 naming the JSON pointer of the first (most relevant) violation in ``document``."""
        error = best_match(self.violations(document))
        if error is not None:
            where = json_pointer(error.absolute_path) or "/"
            message = " ".join(error.message.split())
            if len(message) > MESSAGE_LIMIT:
                message = message[: MESSAGE_LIMIT - 3] + "..."
            raise ApiError(400, f"Invalid request body at {where}: {message}", where)


def body_checks(model: SpecModel, media_type: str = JSON_MEDIA_TYPE) -> dict[str, SchemaCheck]:
    """A check for every operation whose request body documents a schema in ``media_type``, by operationId."""
    checks: dict[str, SchemaCheck] = {}
    for name, operation in model.operations.items():
        body = operation.request_body
        entry = body.content.get(media_type) if body is not None else None
        if entry is not None and entry.schema is not None:
            checks[name] = SchemaCheck(model, entry.schema_pointer)
    return checks
