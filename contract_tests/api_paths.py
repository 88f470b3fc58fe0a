"""Operation paths and labels read from the specs, so no test hard-codes a URL the spec owns."""

from __future__ import annotations

from functools import cache
from typing import Any

import yaml

from mock_servers.core.specs import spec_path

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
