"""A real HTTP server that answers every operation of a spec with the spec's own examples.

It stands in for a vendor server in the generation tests: whatever the generated client sends to a
documented path and method gets the documented example back, with the documented media type and headers.
A request header `X-Example-Status: <code>` picks which documented response to send (default: the first
2xx). Every request is recorded so tests can also check what the client sent.

This is deliberately not the project's mock server (that one keeps state and checks credentials); it only
proves the generated code can talk HTTP and parse each documented response shape. It reads the spec
through ``spec_model``, like every other part, so references and keys mean the same thing here.
"""

from __future__ import annotations

import json
import re
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from spec_model import HTTP_METHODS, Operation, SpecModel, literal_segments, path_regex

STATUS_HEADER = "X-Example-Status"
NO_EXAMPLE = object()


@dataclass(frozen=True)
class RecordedRequest:
    method: str
    path: str
    query: dict[str, str]
    headers: dict[str, str]
    body: bytes


@dataclass(frozen=True)
class _Operation:
    method: str
    pattern: re.Pattern[str]
    literal_segments: int
    operation: Operation


class SpecExamples:
    """Looks up operations by method and concrete path, and the example response of each."""

    def __init__(self, model: SpecModel) -> None:
        self.model = model
        operations = [
            _Operation(op.method, path_regex(op.path), literal_segments(op.path), op)
            for op in model.operations.values()
        ]
        # A literal segment beats a template: /jobs/version must not match /jobs/{jobId}.
        self.operations = sorted(operations, key=lambda op: -op.literal_segments)

    def deref(self, node: Any) -> Any:
        """The node a ``$ref`` chain ends at (the node itself when it is no reference)."""
        return self.model.refs.follow(node)

    def find(self, method: str, path: str) -> Operation | None:
        for candidate in self.operations:
            if candidate.method == method and candidate.pattern.fullmatch(path):
                return candidate.operation
        return None

    def response(self, operation: Operation, status: int | None) -> Response:
        documented = operation.responses
        if status is None:
            status = min(int(code) for code in documented if code.startswith("2"))
        answer = documented.get(str(status))
        if answer is None:
            return JSONResponse({"detail": f"status {status} is not documented here"}, status_code=599)
        headers = {
            name: _text(example)
            for name, header in answer.headers.items()
            if (example := self.example_of(self.deref(header))) is not NO_EXAMPLE
        }
        if not answer.content:
            return Response(status_code=status, headers=headers)
        media_type, media = next(iter(answer.content.items()))
        example = self.example_of(media.raw)
        if example is NO_EXAMPLE:
            raise LookupError(f"no example for {status} {media_type} of {operation.name}")
        body = json.dumps(example) if "json" in media_type else _text(example)
        return Response(body, status_code=status, media_type=media_type, headers=headers)

    def example_of(self, node: dict[str, Any]) -> object:
        if "example" in node:
            return node["example"]
        for raw in (node.get("examples") or {}).values():
            example = self.deref(raw)
            if "value" in example:
                return example["value"]
        schema = self.deref(node.get("schema") or {})
        if "example" in schema:
            return schema["example"]
        if schema.get("examples"):
            return schema["examples"][0]
        return NO_EXAMPLE


def _text(value: object) -> str:
    return value if isinstance(value, str) else json.dumps(value)


class ExampleApp:
    def __init__(self, model: SpecModel) -> None:
        self.examples = SpecExamples(model)
        self.requests: list[RecordedRequest] = []
        self.app = Starlette(
            routes=[Route("/{path:path}", self.handle, methods=[m.upper() for m in HTTP_METHODS])]
        )

    async def handle(self, request: Request) -> Response:
        body = await request.body()
        self.requests.append(
            RecordedRequest(
                method=request.method,
                path=request.url.path,
                query=dict(request.query_params),
                headers={key.lower(): value for key, value in request.headers.items()},
                body=body,
            )
        )
        operation = self.examples.find(request.method, request.url.path)
        if operation is None:
            return JSONResponse({"detail": f"{request.method} {request.url.path} is not in the spec"}, 404)
        status_text = request.headers.get(STATUS_HEADER)
        return self.examples.response(operation, int(status_text) if status_text else None)


@contextmanager
def serve(app: ExampleApp) -> Iterator[str]:
    """Run the app with uvicorn in a thread on a free 127.0.0.1 port; yields the base URL."""
    config = uvicorn.Config(app.app, host="127.0.0.1", port=0, log_level="warning", lifespan="off")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, name="example-server", daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the example server did not start")
        time.sleep(0.01)
    port = server.servers[0].sockets[0].getsockname()[1]
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
