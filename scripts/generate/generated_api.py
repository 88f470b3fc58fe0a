"""Read the generated package's endpoint modules with `ast` (never importing them).

The README examples need the exact Python names the generator chose (module, argument and class names).
Reading them from the generated code, instead of re-implementing the generator's naming rules, keeps the
examples right whatever names the generator or a class override picks.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass, field
from pathlib import Path

from spec_model import path_shape


@dataclass(frozen=True)
class Argument:
    name: str
    annotation: str
    required: bool
    default: str | None = None


@dataclass(frozen=True)
class GeneratedEndpoint:
    tag_module: str
    module: str
    method: str
    path_shape: str
    positional: tuple[Argument, ...]
    keywords: tuple[Argument, ...]
    returns: str


@dataclass
class GeneratedApi:
    """What the README renderer needs to know about one generated import package."""

    endpoints: dict[tuple[str, str], GeneratedEndpoint] = field(default_factory=dict)
    model_names: set[str] = field(default_factory=set)
    enum_members: dict[str, dict[object, str]] = field(default_factory=dict)


def read_generated_api(package_dir: Path) -> GeneratedApi:
    api = GeneratedApi()
    for module_path in sorted((package_dir / "api").glob("*/*.py")):
        if module_path.name == "__init__.py":
            continue
        endpoint = _read_endpoint(module_path)
        if endpoint is not None:
            api.endpoints[(endpoint.method, endpoint.path_shape)] = endpoint
    for module_path in sorted((package_dir / "models").glob("*.py")):
        tree = ast.parse(module_path.read_text(encoding="utf-8"))
        for node in tree.body:
            if isinstance(node, ast.ClassDef):
                api.model_names.add(node.name)
                members = _enum_members(node)
                if members is not None:
                    api.enum_members[node.name] = members
    return api


def _read_endpoint(module_path: Path) -> GeneratedEndpoint | None:
    tree = ast.parse(module_path.read_text(encoding="utf-8"))
    functions = {node.name: node for node in tree.body if isinstance(node, ast.FunctionDef)}
    get_kwargs, sync = functions.get("build_request"), functions.get("sync")
    if get_kwargs is None or sync is None:
        return None
    request = _request_literal(get_kwargs)
    if request is None:
        return None
    method, url = request
    args = sync.args
    positional = tuple(
        Argument(a.arg, ast.unparse(a.annotation) if a.annotation else "", True) for a in args.args
    )
    keywords = tuple(
        Argument(
            a.arg,
            ast.unparse(a.annotation) if a.annotation else "",
            default is None,
            None if default is None else ast.unparse(default),
        )
        for a, default in zip(args.kwonlyargs, args.kw_defaults, strict=True)
        if a.arg != "options"  # every operation takes it; the reference lists it once per signature
    )
    return GeneratedEndpoint(
        tag_module=module_path.parent.name,
        module=module_path.stem,
        method=method,
        path_shape=path_shape(url),
        positional=positional,
        keywords=keywords,
        returns=ast.unparse(sync.returns) if sync.returns else "",
    )


def _request_literal(function: ast.FunctionDef) -> tuple[str, str] | None:
    """The `method` and `url` of the `_kwargs` dict literal the template writes in `build_request`."""
    for node in ast.walk(function):
        if isinstance(node, ast.Dict):
            entries = {
                key.value: value
                for key, value in zip(node.keys, node.values, strict=True)
                if isinstance(key, ast.Constant) and isinstance(key.value, str)
            }
            method, url = entries.get("method"), entries.get("url")
            if isinstance(url, ast.Call) and isinstance(url.func, ast.Attribute):
                url = url.func.value  # "...{job_id}...".format(...)
            if (
                isinstance(method, ast.Constant)
                and isinstance(method.value, str)
                and isinstance(url, ast.Constant)
                and isinstance(url.value, str)
            ):
                return method.value, url.value
    return None


def _enum_members(node: ast.ClassDef) -> dict[object, str] | None:
    base_names = {base.id for base in node.bases if isinstance(base, ast.Name)}
    if not base_names & {"StrEnum", "IntEnum", "Enum", "OpenStrEnum", "OpenIntEnum"}:
        return None
    members: dict[object, str] = {}
    for statement in node.body:
        if (
            isinstance(statement, ast.Assign)
            and len(statement.targets) == 1
            and isinstance(statement.targets[0], ast.Name)
            and isinstance(statement.value, ast.Constant)
        ):
            members[statement.value.value] = statement.targets[0].id
    return members
