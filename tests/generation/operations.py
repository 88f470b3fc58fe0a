"""Turn a spec operation into a call of the generated client: module, arguments and expected result type.

Names are derived from the spec the way the package README promises them (operationId → snake_case module
under `api/<tag>`), so a test failure here also means the README would be wrong.
"""

from __future__ import annotations

import datetime
import enum
import importlib
import inspect
import re
import types
import typing
from dataclasses import dataclass
from typing import Any

import spec_model
from spec_model import Operation

from .conftest import ClientPackage
from .example_server import NO_EXAMPLE, SpecExamples


@dataclass(frozen=True)
class SpecOperation:
    """One operation of a package's spec (from ``spec_model``), named as the generated client names it."""

    package: ClientPackage
    operation: Operation

    @property
    def operation_id(self) -> str:
        return self.operation.name

    @property
    def method(self) -> str:
        return self.operation.method

    @property
    def tag(self) -> str:
        return (self.operation.tags or ("default",))[0]

    @property
    def test_id(self) -> str:
        return f"{self.package.api}-{self.operation_id}"


def spec_operations(package: ClientPackage) -> list[SpecOperation]:
    return [SpecOperation(package, op) for op in spec_model.spec(package.api).operations.values()]


def snake_case(name: str) -> str:
    words = re.sub(r"([a-z0-9])([A-Z])", r"\1 \2", name)
    return re.sub(r"[^a-z0-9]+", "_", words.lower()).strip("_")


def endpoint_module(op: SpecOperation) -> types.ModuleType:
    return importlib.import_module(
        f"{op.package.import_package}.api.{snake_case(op.tag)}.{snake_case(op.operation_id)}"
    )


def loose(name: str) -> str:
    return re.sub(r"[^a-z0-9]", "", name.lower())


def _strip_optional(annotation: Any) -> Any:
    args = [arg for arg in typing.get_args(annotation) if arg is not type(None) and arg.__name__ != "Unset"]
    if isinstance(annotation, types.UnionType) or typing.get_origin(annotation) is typing.Union:
        return args[0] if len(args) == 1 else annotation
    return annotation


def convert(value: object, annotation: Any) -> object:
    """A JSON example value as the Python type the generated function expects."""
    target = _strip_optional(annotation)
    origin = typing.get_origin(target)
    if origin is list and isinstance(value, list):
        (item_type,) = typing.get_args(target)
        return [convert(item, item_type) for item in value]
    if isinstance(target, type):
        if issubclass(target, enum.Enum):
            return target(value)
        if target is datetime.datetime:
            return datetime.datetime.fromisoformat(str(value))
        if hasattr(target, "from_dict") and isinstance(value, dict):
            return target.from_dict(value)
    return value


def call_arguments(op: SpecOperation, examples: SpecExamples) -> tuple[list[object], dict[str, object]]:
    """Positional and keyword arguments (without `client`) built from the spec's examples."""
    function = endpoint_module(op).sync
    hints = typing.get_type_hints(function)
    parameters = {loose(p.name): p for p in op.operation.parameters}
    positional: list[object] = []
    keywords: dict[str, object] = {}
    for name, parameter in inspect.signature(function).parameters.items():
        if name == "client":
            continue
        if name not in hints or (name != "body" and loose(name) not in parameters):
            # Not from the spec (e.g. the runtime's per-call `options`): must be optional.
            assert parameter.default is not inspect.Parameter.empty, f"{op.test_id}: unknown argument {name}"
            continue
        if name == "body":
            body = op.operation.request_body
            assert body is not None, f"{op.test_id}: a body argument but no documented request body"
            value = examples.example_of(next(iter(body.content.values())).raw)
        else:
            spec_parameter = parameters[loose(name)]
            value = examples.example_of(spec_parameter.raw)
            if value is NO_EXAMPLE and "default" in spec_parameter.schema:
                value = spec_parameter.schema["default"]
        if value is NO_EXAMPLE:
            assert parameter.default is not inspect.Parameter.empty, f"{op.test_id}: no example for {name}"
            continue
        converted = convert(value, hints[name])
        if parameter.kind is inspect.Parameter.POSITIONAL_OR_KEYWORD:
            positional.append(converted)
        else:
            keywords[name] = converted
    return positional, keywords


# Media types the generator reads as a file (generator/avepoint.yaml maps application/zip to octet-stream).
BINARY_MEDIA_TYPES = ("application/zip", "application/octet-stream")


def documented_statuses(op: SpecOperation) -> list[int]:
    return sorted(int(code) for code in op.operation.responses if code.isdigit())


def expected_type(op: SpecOperation, examples: SpecExamples, status: int) -> tuple[str, str | None]:
    """("none" | "text" | "binary" | "bytes" | "model" | "list", class name) documented for one status."""
    response = op.operation.responses[str(status)]
    if not response.content:
        return "none", None
    media_type, media = next(iter(response.content.items()))
    if media_type.startswith("text/"):
        return "text", None
    if media_type == "application/octet-stream":
        return "binary", "File"  # the generator's File wrapper around the raw bytes
    if media_type in BINARY_MEDIA_TYPES:
        return "bytes", None  # a file answer (the Insights report, AVE-54): the client hands back its bytes
    schema = media.schema or {}
    overrides = op.package.class_overrides()
    if "$ref" in schema:
        target = examples.deref(schema)
        if target.get("type") == "array" and "$ref" in target.get("items", {}):
            name = str(target["items"]["$ref"]).rsplit("/", 1)[-1]
            return "list", overrides.get(name, name)
        name = str(schema["$ref"]).rsplit("/", 1)[-1]
        return "model", overrides.get(name, name)
    if schema.get("type") == "array" and "$ref" in schema.get("items", {}):
        name = str(schema["items"]["$ref"]).rsplit("/", 1)[-1]
        return "list", overrides.get(name, name)
    raise AssertionError(f"{op.test_id}: {status} has an inline JSON schema; give it a component name")


def _answers_true_or_false(op: SpecOperation, status: int) -> bool:
    """Whether the text answer is the shared ``UpdateResult`` (`true`/`false`: single PUTs and deletes)."""
    content = op.operation.responses[str(status)].content
    return any(
        str((media.schema or {}).get("$ref", "")).endswith("/UpdateResult") for media in content.values()
    )


def assert_documented_type(op: SpecOperation, examples: SpecExamples, status: int, parsed: object) -> None:
    kind, class_name = expected_type(op, examples, status)
    where = f"{op.test_id} {status}"
    if kind == "none":
        assert parsed is None, f"{where}: expected no body, parsed {parsed!r}"
    elif kind == "text" and _answers_true_or_false(op, status):
        # OLC-10: a single-entity PUT's or a delete's `true` answer is the typed result True (`false` raises).
        assert parsed is True, f"{where}: expected True, parsed {parsed!r}"
    elif kind == "bytes":
        assert isinstance(parsed, bytes), f"{where}: expected bytes, parsed {parsed!r}"
        assert parsed, f"{where}: the file is empty"
    elif kind == "text":
        assert isinstance(parsed, str), f"{where}: expected text, parsed {parsed!r}"
        assert parsed, f"{where}: the text body is empty"
    elif kind == "binary":
        assert type(parsed).__name__ == class_name, f"{where}: expected {class_name}, parsed {parsed!r}"
        assert parsed.payload.read(), f"{where}: the byte body is empty"  # type: ignore[attr-defined]
    elif kind == "model":
        assert type(parsed).__name__ == class_name, f"{where}: expected {class_name}, parsed {parsed!r}"
    else:
        assert isinstance(parsed, list), f"{where}: expected a list of {class_name}, parsed {parsed!r}"
        assert parsed, f"{where}: the example list is empty, nothing to check"
        assert all(type(item).__name__ == class_name for item in parsed), f"{where}: {parsed!r}"
