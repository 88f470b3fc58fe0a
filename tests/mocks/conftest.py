"""Fixtures for the mock-server tests: one real server per test module, and a spec conformance checker.

The folder is named ``mocks``, not ``mock_servers``: the package ``tests.mocks`` never shadows the real one.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import httpx
import pytest
import schemathesis
from jsonschema import Draft202012Validator

from mock_servers.testing import MockProcess, running_mock
from spec_model import spec, spec_path


class Conformance:
    """Checks a real response against the spec: documented status, media type, body schema, headers.

    Schemathesis' ``validate_response`` checks the body only and accepts undocumented statuses and missing
    required headers, so the status, content-type and header checks are done here; Schemathesis runs too, as a
    second opinion on the body.
    """

    def __init__(self, api: str) -> None:
        self.model = spec(api)
        self.schemathesis = schemathesis.openapi.from_path(str(spec_path(api)))
        self.checked: set[tuple[str, int]] = set()

    @cache  # noqa: B019 - one checker per API for the whole session
    def _validator(self, pointer: str) -> Draft202012Validator:
        return Draft202012Validator(self.model.refs.schema_ref(pointer), registry=self.model.refs.registry)

    def documented(self, operation_id: str) -> set[int]:
        return {int(code) for code in self.model.operation(operation_id).responses}

    def check(self, operation_id: str, response: httpx.Response) -> None:
        operation = self.model.operation(operation_id)
        responses = operation.responses
        status = str(response.status_code)
        assert status in responses, (
            f"{operation_id} answered undocumented status {status}: {response.text[:200]}"
        )
        declared = responses[status]
        content = declared.content
        content_type = response.headers.get("content-type")
        if not content:
            assert response.content == b"", f"{operation_id} {status} must have no body"
            assert content_type is None, f"{operation_id} {status} must have no content type"
        else:
            assert content_type is not None, f"{operation_id} {status} has no content type"
            media_type = content_type.split(";", 1)[0].strip()
            # an exact media type first, then a range (`text/*`, `*/*`: a body of unstated type, OLC-02)
            listed = next(
                (key for key in (media_type, media_type.split("/")[0] + "/*", "*/*") if key in content), None
            )
            assert listed is not None, f"{operation_id} {status}: {media_type} is not documented"
            body: Any = response.json() if media_type.endswith("json") else response.text
            errors = list(self._validator(content[listed].schema_pointer).iter_errors(body))
            assert not errors, f"{operation_id} {status} body: {errors[0].message}"
        for name, header in declared.headers.items():
            header_definition = self.model.refs.follow(header)
            value = response.headers.get(name)
            if header_definition.get("required"):
                assert value is not None, f"{operation_id} {status} lacks required header {name}"
            if value is not None:
                schema = self.model.refs.follow_schema(header_definition.get("schema", {}))
                typed: Any = int(value) if schema.get("type") == "integer" else value
                header_errors = list(Draft202012Validator(schema).iter_errors(typed))
                assert not header_errors, f"{operation_id} {status} header {name}: {header_errors[0].message}"
        self.schemathesis.find_operation_by_id(operation_id).validate_response(response)
        self.checked.add((operation_id, response.status_code))


@cache
def conformance(api: str) -> Conformance:
    return Conformance(api)


@pytest.fixture(scope="session")
def olconnect_spec() -> Conformance:
    return conformance("olconnect")


@pytest.fixture(scope="session")
def avepoint_spec() -> Conformance:
    return conformance("avepoint")


@pytest.fixture(scope="module")
def olconnect() -> Iterator[MockProcess]:
    with running_mock("olconnect") as mock:
        yield mock


@pytest.fixture(scope="module")
def avepoint() -> Iterator[MockProcess]:
    with running_mock("avepoint") as mock:
        yield mock


def write_scenario(path: Path, data: Any) -> Path:
    path.write_text(json.dumps(data), encoding="utf-8")
    return path
