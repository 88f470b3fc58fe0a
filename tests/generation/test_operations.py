"""Every operation of both APIs, called once sync and once async through the generated client.

The example server answers with the spec's examples, so these tests prove that each generated function
builds a request the server can route and parses every documented response shape into the documented
type: JSON models, lists, text/plain bodies (login token, `true`), empty bodies, and JSON error bodies.
"""

from __future__ import annotations

import asyncio
import importlib
import json
from typing import Any

import pytest

import spec_model

from .conftest import PACKAGES, PACKAGES_BY_API
from .example_server import STATUS_HEADER, ExampleApp
from .operations import (
    SpecOperation,
    assert_documented_type,
    call_arguments,
    documented_statuses,
    endpoint_module,
    spec_operations,
)

OPERATIONS = [op for package in PACKAGES for op in spec_operations(package)]


def make_client(op: SpecOperation, base_url: str, status: int | None = None) -> Any:
    """An AuthenticatedClient (it fits secured and open operations alike) for the example server."""
    package = importlib.import_module(op.package.import_package)
    headers = {STATUS_HEADER: str(status)} if status is not None else {}
    return package.AuthenticatedClient(base_url=base_url, token="example-token", headers=headers)


def server_for(op: SpecOperation, servers: dict[str, tuple[str, ExampleApp]]) -> tuple[str, ExampleApp]:
    return servers[op.package.api]


@pytest.mark.parametrize("op", OPERATIONS, ids=[op.test_id for op in OPERATIONS])
def test_sync_call_parses_the_documented_success_type(
    op: SpecOperation, example_servers: dict[str, tuple[str, ExampleApp]]
) -> None:
    base_url, app = server_for(op, example_servers)
    args, kwargs = call_arguments(op, app.examples)
    success = min(code for code in documented_statuses(op) if 200 <= code < 300)
    before = len(app.requests)
    with make_client(op, base_url) as client:
        response = endpoint_module(op).sync_detailed(*args, client=client, **kwargs)
    assert response.status_code == success
    assert_documented_type(op, app.examples, success, response.parsed)
    (request,) = app.requests[before:]
    assert request.method == op.method.upper()
    if "body" in kwargs:
        sent = request.body.decode()
        body: Any = kwargs["body"]
        expected = [item.to_dict() for item in body] if isinstance(body, list) else body.to_dict()
        if request.headers["content-type"].startswith("application/json"):
            assert json.loads(sent) == expected
        else:
            assert sent  # form bodies: exact encoding is httpx's business, but it must not be empty


@pytest.mark.parametrize("op", OPERATIONS, ids=[op.test_id for op in OPERATIONS])
def test_async_call_parses_the_documented_success_type(
    op: SpecOperation, example_servers: dict[str, tuple[str, ExampleApp]]
) -> None:
    base_url, app = server_for(op, example_servers)
    args, kwargs = call_arguments(op, app.examples)
    success = min(code for code in documented_statuses(op) if 200 <= code < 300)

    async def call() -> Any:
        async with make_client(op, base_url) as client:
            return await endpoint_module(op).asyncio_detailed(*args, client=client, **kwargs)

    response = asyncio.run(call())
    assert response.status_code == success
    assert_documented_type(op, app.examples, success, response.parsed)


ERROR_CASES = [(op, status) for op in OPERATIONS for status in documented_statuses(op) if 400 <= status < 600]


@pytest.mark.parametrize(
    ("op", "status"), ERROR_CASES, ids=[f"{op.test_id}-{status}" for op, status in ERROR_CASES]
)
def test_documented_error_body_is_parsed(
    op: SpecOperation, status: int, example_servers: dict[str, tuple[str, ExampleApp]]
) -> None:
    """Documented 4xx/5xx statuses raise the package's typed error, carrying the parsed error model."""
    base_url, app = server_for(op, example_servers)
    args, kwargs = call_arguments(op, app.examples)
    errors = importlib.import_module(f"{op.package.import_package}.errors")
    with make_client(op, base_url, status) as client, pytest.raises(errors.ApiStatusError) as raised:
        endpoint_module(op).sync_detailed(*args, client=client, **kwargs)
    assert raised.value.status_code == status
    assert_documented_type(op, app.examples, status, raised.value.model)


def test_every_spec_operation_is_covered() -> None:
    """Guards the parametrisation itself: both specs contribute, and no operationId is missing."""
    for package in PACKAGES_BY_API.values():
        ids = {op.operation_id for op in OPERATIONS if op.package is package}
        assert ids, f"no operations found in {package.spec_path}"
        assert len(ids) == len([op for op in OPERATIONS if op.package is package])


def _operation(api: str, operation_id: str) -> SpecOperation:
    (op,) = [op for op in OPERATIONS if op.package.api == api and op.operation_id == operation_id]
    return op


def _example(op: SpecOperation, app: ExampleApp, status: int) -> Any:
    response = op.operation.responses[str(status)]
    return app.examples.example_of(next(iter(response.content.values())).raw)


def test_login_returns_the_token_as_plain_text(example_servers: dict[str, tuple[str, ExampleApp]]) -> None:
    op = _operation("olconnect", "login")
    base_url, app = server_for(op, example_servers)
    with make_client(op, base_url) as client:
        response = endpoint_module(op).sync_detailed(client=client)
    assert response.headers["content-type"].startswith("text/plain")
    assert response.parsed == _example(op, app, 200)
    assert type(response.parsed) is str


# The single-entity PUTs: x-write with the path parameter the body id must match.
SINGLE_UPDATES = [
    name
    for name, operation in spec_model.spec("olconnect").writes().items()
    if operation.write is not None and operation.write.id_parameter is not None
]


@pytest.mark.parametrize("operation_id", SINGLE_UPDATES)
def test_single_updates_return_true(
    operation_id: str, example_servers: dict[str, tuple[str, ExampleApp]]
) -> None:
    op = _operation("olconnect", operation_id)
    base_url, app = server_for(op, example_servers)
    args, kwargs = call_arguments(op, app.examples)
    with make_client(op, base_url) as client:
        parsed = endpoint_module(op).sync(*args, client=client, **kwargs)
    assert parsed is True  # the text `true`, typed (OLC-10)


def test_multi_update_accepts_the_empty_200(example_servers: dict[str, tuple[str, ExampleApp]]) -> None:
    op = _operation("olconnect", "updateMultipleJobProperties")
    base_url, app = server_for(op, example_servers)
    args, kwargs = call_arguments(op, app.examples)
    with make_client(op, base_url) as client:
        response = endpoint_module(op).sync_detailed(*args, client=client, **kwargs)
    assert (response.status_code, response.content, response.parsed) == (200, b"", None)
    assert "content-type" not in response.headers


@pytest.mark.parametrize(
    ("api", "operation_id", "status", "error_class"),
    [
        ("olconnect", "getJobMetadata", 404, "NotFoundError"),
        ("olconnect", "getJobSetStatistics", 400, "BadRequestError"),
        ("olconnect", "login", 401, "AuthenticationError"),
        ("avepoint", "listJobs", 403, "PermissionDeniedError"),
        ("avepoint", "requestToken", 400, "BadRequestError"),
    ],
)
def test_json_error_body_is_parsed_into_the_error_model(
    api: str,
    operation_id: str,
    status: int,
    error_class: str,
    example_servers: dict[str, tuple[str, ExampleApp]],
) -> None:
    op = _operation(api, operation_id)
    base_url, app = server_for(op, example_servers)
    args, kwargs = call_arguments(op, app.examples)
    errors = importlib.import_module(f"{op.package.import_package}.errors")
    with make_client(op, base_url, status) as client, pytest.raises(errors.ApiStatusError) as raised:
        endpoint_module(op).sync(*args, client=client, **kwargs)
    assert type(raised.value).__name__ == error_class
    assert raised.value.model.to_dict() == _example(op, app, status)
