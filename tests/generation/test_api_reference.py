"""Each package's `api.md` (scripts/generate/api_reference.py) covers every operation of its spec.

The drift check (test_drift.py) keeps the file equal to what `nox -s generate` writes; these tests check
what it must contain, and that the generated endpoint docstrings it complements describe every parameter.
"""

from __future__ import annotations

import ast
import re

import pytest

from .conftest import PACKAGES, ClientPackage
from .operations import spec_operations

SECTION = re.compile(r"^### `(?P<operation_id>[^`]+)`\n(?P<body>.*?)(?=^### |\Z)", re.S | re.M)


def sections(package: ClientPackage) -> dict[str, str]:
    text = (package.project_dir / "api.md").read_text(encoding="utf-8")
    return {match["operation_id"]: match["body"] for match in SECTION.finditer(text)}


@pytest.mark.parametrize("package", PACKAGES, ids=[p.api for p in PACKAGES])
def test_api_md_has_a_complete_section_per_operation(package: ClientPackage) -> None:
    found = sections(package)
    assert set(found) == {op.operation_id for op in spec_operations(package)}
    for operation_id, body in found.items():
        assert re.search(r"^def sync\(.*\) -> \S", body, re.M), operation_id
        assert re.search(r"^async def asyncio\(.*\) -> \S", body, re.M), operation_id
        assert "Returns `" in body, operation_id
        assert "Errors (classes of" in body, operation_id
        assert "ResponseParseError" in body, operation_id
        assert ".sync(" in body.split("Example:", 1)[-1], operation_id
    readme = (package.project_dir / "README.md").read_text(encoding="utf-8")
    assert "](api.md)" in readme


def test_the_update_sections_name_their_typed_result_and_errors() -> None:
    olconnect = next(p for p in PACKAGES if p.api == "olconnect")
    body = sections(olconnect)["updateJobMetadata"]
    assert "-> bool" in body
    assert "`InvalidRequestError`" in body
    assert "`UpdateRejectedError`" in body
    assert "`InvalidRequestError`" in sections(olconnect)["getJobSetStatistics"]
    assert "UpdateRejectedError" not in sections(olconnect)["getJobMetadata"]


def _docstrings(package: ClientPackage) -> list[tuple[str, str]]:
    found = []
    for module in sorted((package.project_dir / package.import_package / "api").glob("*/*.py")):
        tree = ast.parse(module.read_text(encoding="utf-8"))
        for node in tree.body:
            if isinstance(node, ast.FunctionDef) and node.name in ("sync", "sync_detailed"):
                docstring = ast.get_docstring(node) or ""
                if "Args:" in docstring:
                    found.append((f"{module.stem}.{node.name}", docstring))
    return found


@pytest.mark.parametrize("package", PACKAGES, ids=[p.api for p in PACKAGES])
def test_endpoint_docstrings_describe_every_parameter_without_pointing_into_the_repository(
    package: ClientPackage,
) -> None:
    docstrings = _docstrings(package)
    assert len(docstrings) == len(spec_operations(package))
    for where, docstring in docstrings:
        assert "DECISIONS" not in docstring, where
        assert not re.search(r"\b(?:OLC|AVE)-\d+\b", docstring), where
        arguments = docstring.split("Args:", 1)[1].split("Raises:", 1)[0]
        for line in re.findall(r"^    (\w+) \([^)]*\):(.*)$", arguments, re.M):
            name, text = line
            assert text.strip(), f"{where}: {name} has no description"
