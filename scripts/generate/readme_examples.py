"""One short, runnable call example per spec operation, for the generated package's README.

Argument values come from the spec's own examples (parameter, schema or media-type examples), read through
spec_model (its operations, merged parameters and `$ref` resolver); names and types come from the generated
code (see generated_api.py). An operation the generator did not produce is an
error: `--fail-on-warning` should already have stopped the run, so this is a second safety net.
"""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass
from typing import Any

from spec_model import Operation, Parameter, RefResolver, SpecModel, SpecRefError, path_shape
from spec_model.security import operation_security

from .errors import GenerationError
from .generated_api import Argument, GeneratedApi, GeneratedEndpoint
from .opc import tool_env

NO_VALUE = object()


@dataclass(frozen=True)
class OperationExample:
    operation_id: str
    method: str
    path: str
    summary: str
    tag: str
    code: str
    scopes: tuple[str, ...] = ()  # the OAuth scopes the operation's security names (a token needs one)


def build_examples(spec: dict[str, Any], api: GeneratedApi, import_package: str) -> list[OperationExample]:
    try:
        model = SpecModel(spec)
    except SpecRefError as exc:
        raise GenerationError(f"the spec has a broken reference: {exc}") from None
    examples: list[OperationExample] = []
    for operation in model.operations.values():
        method = operation.method.lower()
        endpoint = api.endpoints.get((method, path_shape(operation.path)))
        if endpoint is None:
            raise GenerationError(
                f"the generator produced no module for {operation.name} ({method} {operation.path})"
            )
        parameters = {_loose(p.name): p for p in operation.parameters}
        body_example = _body_example(model.refs, operation)
        code = _call_code(endpoint, parameters, body_example, api, import_package, refs=model.refs)
        examples.append(
            OperationExample(
                operation_id=operation.name,
                method=operation.method,
                path=operation.path,
                summary=str(operation.raw.get("summary", "")).strip(),
                tag=(operation.tags or ("default",))[0],
                code=format_python(code),
                scopes=operation_security(model, operation).scopes,
            )
        )
    return examples


def _parameter_example(refs: RefResolver, parameter: Parameter | None) -> object:
    """The parameter's own example, else one from its schema (NO_VALUE when the spec gives none)."""
    if parameter is None:
        return NO_VALUE
    value = _first_example(parameter.raw, refs)
    if value is NO_VALUE:
        value = _schema_example(refs, parameter.schema)
    return value


def _schema_example(refs: RefResolver, schema: Any) -> object:
    schema = refs.follow(schema)
    if not isinstance(schema, dict):
        return NO_VALUE
    for key in ("example", "default", "const"):
        if key in schema:
            return schema[key]
    if isinstance(schema.get("examples"), list) and schema["examples"]:
        return schema["examples"][0]
    if isinstance(schema.get("enum"), list) and schema["enum"]:
        return schema["enum"][0]
    return NO_VALUE


def _body_example(refs: RefResolver, operation: Operation) -> object:
    body = operation.request_body
    if body is None:
        return NO_VALUE
    for media in body.content.values():
        value = _first_example(media.raw, refs)
        if value is NO_VALUE:
            value = _schema_example(refs, media.schema or {})
        return value
    return NO_VALUE


def _first_example(node: dict[str, Any], refs: RefResolver) -> object:
    if "example" in node:
        return node["example"]
    examples = node.get("examples")
    if isinstance(examples, dict):
        for raw in examples.values():
            example = refs.follow(raw)
            if isinstance(example, dict) and "value" in example:
                return example["value"]
    return NO_VALUE


def _loose(name: str) -> str:
    """`jobId`, `job_id` and `JobID` all become `jobid`: how spec names are matched to Python names."""
    return re.sub(r"[^a-z0-9]", "", name.lower())


def _base_type(annotation: str) -> str:
    parts = [part.strip() for part in annotation.split("|")]
    kept = [part for part in parts if part not in {"Unset", "None"}]
    return kept[0] if len(kept) == 1 else annotation


def _call_code(
    endpoint: GeneratedEndpoint,
    parameters: dict[str, Parameter],
    body_example: object,
    api: GeneratedApi,
    import_package: str,
    *,
    refs: RefResolver,
) -> str:
    imports = {f"from {import_package}.api.{endpoint.tag_module} import {endpoint.module}"}
    models: set[str] = set()
    arguments: list[str] = []
    resolver_value = _ValueWriter(api, models, imports)
    for argument in endpoint.positional:
        parameter = parameters.get(_loose(argument.name))
        arguments.append(resolver_value.literal(argument, _parameter_example(refs, parameter)))
    for argument in endpoint.keywords:
        if argument.name == "client":
            arguments.append("client=client")
        elif argument.name == "body":
            arguments.append(f"body={resolver_value.body(argument, body_example)}")
        else:
            parameter = parameters.get(_loose(argument.name))
            has_own_example = parameter is not None and _first_example(parameter.raw, refs) is not NO_VALUE
            if argument.required or has_own_example:
                value = resolver_value.literal(argument, _parameter_example(refs, parameter))
                arguments.append(f"{argument.name}={value}")
    if models:
        imports.add(f"from {import_package}.models import {', '.join(sorted(models))}")
    standard = sorted(line for line in imports if line.startswith("import "))
    own = sorted(line for line in imports if not line.startswith("import "))
    lines = [*standard, *([""] if standard else []), *own, "", f"# returns {endpoint.returns}"]
    lines.append(f"result = {endpoint.module}.sync({', '.join(arguments)})")
    return "\n".join(lines) + "\n"


class _ValueWriter:
    """Writes a Python expression of the annotated type for a JSON example value."""

    def __init__(self, api: GeneratedApi, models: set[str], imports: set[str]) -> None:
        self.api = api
        self.models = models
        self.imports = imports

    def literal(self, argument: Argument, value: object) -> str:
        base = _base_type(argument.annotation)
        if value is NO_VALUE:
            value = {"int": 1, "float": 1.0, "bool": True}.get(base, "...")
        if base in self.api.enum_members:
            member = self.api.enum_members[base].get(value)
            self.models.add(base)
            return f"{base}.{member}" if member else f"{base}({value!r})"
        if base in {"datetime.datetime", "datetime.date"}:
            self.imports.add("import datetime")
            return f"{base}.fromisoformat({str(value)!r})"
        return repr(value)

    def body(self, argument: Argument, value: object) -> str:
        base = _base_type(argument.annotation)
        item = base[len("list[") : -1] if base.startswith("list[") and base.endswith("]") else None
        if item in self.api.model_names and isinstance(value, list):
            self.models.add(item)
            return "[" + ", ".join(f"{item}.from_dict({entry!r})" for entry in value) + "]"
        if base in self.api.model_names and isinstance(value, dict):
            self.models.add(base)
            return f"{base}.from_dict({value!r})"
        return "..." if value is NO_VALUE else repr(value)


def format_python(code: str) -> str:
    """Format an example with the pinned ruff so the README reads like the package's code."""
    result = subprocess.run(
        ["ruff", "format", "--line-length", "100", "--stdin-filename", "example.py", "-"],
        input=code,
        env=tool_env(),
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise GenerationError(f"an README example is not valid Python:\n{code}\n{result.stderr.strip()}")
    return result.stdout.rstrip() + "\n"
