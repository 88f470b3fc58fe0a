"""Operation paths and labels read from the specs, so no test hard-codes a URL the spec owns."""

from __future__ import annotations

from functools import cache
from typing import Any

import yaml

from spec_model import spec_path

# One lookup for the whole project: the copy packaged in the wheel when installed, the checkout's spec/
# when run from the repository. The suite judges a server by the same documents the mocks serve.
SPEC_FILES = {api: spec_path(api) for api in ("olconnect", "avepoint")}
HTTP_METHODS = ("get", "put", "post", "delete", "patch", "head", "options")


@cache
def document(api: str) -> dict[str, Any]:
    """The parsed spec of ``api`` (cached; the suite never modifies it)."""
    loaded = yaml.safe_load(SPEC_FILES[api].read_text(encoding="utf-8"))
    assert isinstance(loaded, dict)
    return loaded


@cache
def operations(api: str) -> dict[str, tuple[str, str]]:
    """``{operationId: (METHOD, path)}`` in document order."""
    found: dict[str, tuple[str, str]] = {}
    for path, item in (document(api).get("paths") or {}).items():
        for method in HTTP_METHODS:
            operation = item.get(method)
            if isinstance(operation, dict):
                found[str(operation.get("operationId", f"{method} {path}"))] = (method.upper(), path)
    return found


def labels(api: str) -> dict[str, str]:
    """``{"GET /path": operationId}`` - the label is how Schemathesis names an operation."""
    return {f"{method} {path}": operation_id for operation_id, (method, path) in operations(api).items()}


def path_of(api: str, operation_id: str, **params: object) -> str:
    """The path of ``operation_id`` with ``{name}`` placeholders filled from ``params``."""
    path = operations(api)[operation_id][1]
    for name, value in params.items():
        path = path.replace("{" + name + "}", str(value))
    return path


def label_of(api: str, operation_id: str) -> str:
    method, path = operations(api)[operation_id]
    return f"{method} {path}"


def _resolve(api: str, node: Any) -> Any:
    """Follow a local ``$ref`` (``#/components/...``) to what it names."""
    while isinstance(node, dict) and isinstance(node.get("$ref"), str) and node["$ref"].startswith("#/"):
        target: Any = document(api)
        for part in node["$ref"][2:].split("/"):
            target = target.get(part, {}) if isinstance(target, dict) else {}
        node = target
    return node


def body_optional(api: str, operation_id: str, status: int) -> bool:
    """Whether the spec marks the documented ``status`` answer of the operation ``x-body-optional``: the
    pages show some answers (a 401, a 500, a PUT's 200) with no body, so an empty one conforms there."""
    if operation_id not in operations(api):
        return False
    method, path = operations(api)[operation_id]
    responses = document(api)["paths"][path][method.lower()].get("responses", {})
    response = responses.get(str(status)) or responses.get(f"{str(status)[0]}XX") or responses.get("default")
    resolved = _resolve(api, response)
    return isinstance(resolved, dict) and resolved.get("x-body-optional") is True
