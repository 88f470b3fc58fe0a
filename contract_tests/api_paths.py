"""Operation paths and labels read from the spec model, so no test hard-codes a URL the spec owns.

A few short names over ``spec_model`` for what the suite asks most often; the documents are loaded and
their references resolved there (the packaged copy when installed, the checkout's ``spec/`` otherwise),
so the suite judges a server by the same documents the mocks serve.
"""

from __future__ import annotations

import spec_model


def operation_ids(api: str) -> tuple[str, ...]:
    """Every operationId of ``api`` in document order."""
    return tuple(spec_model.spec(api).operations)


def labels(api: str) -> dict[str, str]:
    """``{"GET /path": operationId}`` - the label is how Schemathesis names an operation."""
    return {operation.label: name for name, operation in spec_model.spec(api).operations.items()}


def label_of(api: str, operation_id: str) -> str:
    return spec_model.spec(api).operation(operation_id).label


def path_of(api: str, operation_id: str, **params: object) -> str:
    """The path of ``operation_id`` with ``{name}`` placeholders filled from ``params``."""
    return spec_model.spec(api).operation(operation_id).path_with(**params)


def body_optional(api: str, operation_id: str, status: int) -> bool:
    """Whether the spec marks the documented ``status`` answer of the operation ``x-body-optional``: the
    pages show some answers (a 401, a 500, a PUT's 200) with no body, so an empty one conforms there."""
    operation = spec_model.spec(api).operations.get(operation_id)
    response = operation.response_for(status) if operation is not None else None
    return response is not None and response.body_optional
