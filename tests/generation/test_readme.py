"""The package READMEs show one example per operation, and every example runs against a real server."""

from __future__ import annotations

import re
from typing import Any

import pytest

from .conftest import PACKAGES, ClientPackage
from .example_server import ExampleApp
from .operations import spec_operations
from .test_operations import make_client

SECTION = re.compile(r"^#### `(?P<operation_id>[^`]+)`.*?```python\n(?P<code>.*?)```", re.S | re.M)


def readme_examples(package: ClientPackage) -> dict[str, str]:
    text = (package.project_dir / "README.md").read_text(encoding="utf-8")
    return {match["operation_id"]: match["code"] for match in SECTION.finditer(text)}


@pytest.mark.parametrize("package", PACKAGES, ids=[p.api for p in PACKAGES])
def test_every_operation_has_a_readme_example(package: ClientPackage) -> None:
    documented = set(readme_examples(package))
    assert documented == {op.operation_id for op in spec_operations(package)}


CASES = [(package, op) for package in PACKAGES for op in spec_operations(package)]


@pytest.mark.parametrize(("package", "op"), CASES, ids=[op.test_id for _, op in CASES])
def test_readme_example_runs(
    package: ClientPackage, op: Any, example_servers: dict[str, tuple[str, ExampleApp]]
) -> None:
    code = readme_examples(package)[op.operation_id]
    base_url, app = example_servers[package.api]
    before = len(app.requests)
    with make_client(op, base_url) as client:
        namespace: dict[str, Any] = {"client": client}
        exec(compile(code, f"README:{op.operation_id}", "exec"), namespace)
    assert "result" in namespace
    (request,) = app.requests[before:]
    assert (request.method, app.examples.find(request.method, request.path)) == (
        op.method.upper(),
        op.operation,
    )


@pytest.mark.parametrize("package", PACKAGES, ids=[p.api for p in PACKAGES])
def test_connecting_example_builds_a_client(package: ClientPackage) -> None:
    """The README's "Connecting" block runs as written (no request is sent before the first call)."""
    text = (package.project_dir / "README.md").read_text(encoding="utf-8")
    section = text.split("## Connecting", 1)[1].split("\n## ", 1)[0]
    code = section.split("```python\n", 1)[1].split("```", 1)[0]
    namespace: dict[str, Any] = {}
    exec(compile(code, "README:Connecting", "exec"), namespace)
    module = __import__(package.import_package)
    assert isinstance(namespace["client"], module.AuthenticatedClient)
