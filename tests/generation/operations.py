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

from .conftest import ClientPackage
from .example_server import HTTP_METHODS, NO_EXAMPLE, SpecExamples


@dataclass(frozen=True)
class SpecOperation:
    package: ClientPackage
    operation_id: str
    method: str
    path: str
    tag: str
    operation: dict[str, Any]
    path_item: dict[str, Any]

    @property
    def test_id(self) -> str:
        return f"{self.package.api}-{self.operation_id}"


def spec_operations(package: ClientPackage) -> list[SpecOperation]:
    spec = package.spec()
    return [
        SpecOperation(
            package=package,
            operation_id=item[method]["operationId"],
            method=method,
            path=path,
            tag=(item[method].get("tags") or ["default"])[0],
            operation=item[method],
            path_item=item,
        )
        for path, item in spec["paths"].items()
        for method in HTTP_METHODS
        if method in item
    ]


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
    parameters = {
        loose(p["name"]): p
        for raw in [*op.path_item.get("parameters", []), *op.operation.get("parameters", [])]
        if (p := examples.deref(raw))
    }
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
            body = examples.deref(op.operation["requestBody"])
            value = examples.example_of(next(iter(body["content"].values())))
        else:
            spec_parameter = parameters[loose(name)]
            value = examples.example_of(spec_parameter)
            if value is NO_EXAMPLE and "default" in examples.deref(spec_parameter.get("schema", {})):
                value = examples.deref(spec_parameter["schema"])["default"]
        if value is NO_EXAMPLE:
            assert parameter.default is not inspect.Parameter.empty, f"{op.test_id}: no example for {name}"
            continue
        converted = convert(value, hints[name])
        if parameter.kind is inspect.Parameter.POSITIONAL_OR_KEYWORD:
            positional.append(converted)
        else:
            keywords[name] = converted
    return positional, keywords


def documented_statuses(op: SpecOperation) -> list[int]:
    return sorted(int(code) for code in op.operation["responses"] if code.isdigit())


def expected_type(op: SpecOperation, examples: SpecExamples, status: int) -> tuple[str, str | None]:
    """("none" | "text" | "model" | "list", class name) documented for one status."""
    response = examples.deref(op.operation["responses"][str(status)])
    content = response.get("content") or {}
    if not content:
        return "none", None
    media_type, media = next(iter(content.items()))
    if media_type.startswith("text/"):
        return "text", None
    schema = media.get("schema") or {}
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


def assert_documented_type(op: SpecOperation, examples: SpecExamples, status: int, parsed: object) -> None:
    kind, class_name = expected_type(op, examples, status)
    where = f"{op.test_id} {status}"
    if kind == "none":
        assert parsed is None, f"{where}: expected no body, parsed {parsed!r}"
    elif kind == "text":
        assert isinstance(parsed, str), f"{where}: expected text, parsed {parsed!r}"
        assert parsed, f"{where}: the text body is empty"
    elif kind == "model":
        assert type(parsed).__name__ == class_name, f"{where}: expected {class_name}, parsed {parsed!r}"
    else:
        assert isinstance(parsed, list), f"{where}: expected a list of {class_name}, parsed {parsed!r}"
        assert parsed, f"{where}: the example list is empty, nothing to check"
        assert all(type(item).__name__ == class_name for item in parsed), f"{where}: {parsed!r}"
