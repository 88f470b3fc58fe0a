"""Assertions for the hand-written semantic tests that fail with the operation, the rule and the request.

A contract failure is only useful if someone can act on it without reading test code: every message
names the operationId, quotes the documented rule (with its DECISIONS.md entry), and ends with a curl line
that repeats the request (credentials masked) and the start of the response.
"""

from __future__ import annotations

import json
from functools import cache
from typing import Any

import httpx
import schemathesis

import spec_model
from contract_tests import api_paths
from contract_tests.redaction import curl_for, scrub

BODY_PREVIEW = 400


class ContractViolation(AssertionError):
    """A server broke a documented rule."""


def describe(response: httpx.Response) -> str:
    """Request as curl plus the response status, content type and the start of its body."""
    body = response.text[:BODY_PREVIEW]
    content_type = response.headers.get("content-type", "-")
    return scrub(
        f"  Request:  {curl_for(response.request)}\n"
        f"  Response: {response.status_code} ({content_type}) {body!r}"
    )


def expect(condition: bool, operation_id: str, rule: str, response: httpx.Response, detail: str = "") -> None:
    """Raise ContractViolation naming the operation, the rule and the request when ``condition`` is false."""
    if not condition:
        extra = f"\n  Found: {detail}" if detail else ""
        raise ContractViolation(scrub(f"{operation_id}: {rule}{extra}\n{describe(response)}"))


def expect_status(response: httpx.Response, operation_id: str, expected: int | set[int], rule: str) -> None:
    allowed = {expected} if isinstance(expected, int) else expected
    expect(response.status_code in allowed, operation_id, rule, response, f"HTTP {response.status_code}")


def json_body(response: httpx.Response, operation_id: str) -> Any:
    """The JSON body, or a ContractViolation saying it is not JSON."""
    try:
        return response.json()
    except (json.JSONDecodeError, UnicodeDecodeError):
        expect(False, operation_id, "the body must be JSON", response)
    return None


@cache
def _schema(api: str) -> Any:
    return schemathesis.openapi.from_path(str(spec_model.spec_path(api)))


def conforms(api: str, operation_id: str, response: httpx.Response) -> None:
    """Validate status, headers, content type and body of ``response`` against the spec (Schemathesis)."""
    if not response.content.strip() and api_paths.body_optional(api, operation_id, response.status_code):
        return  # a documented answer whose body the pages leave out (x-body-optional): nothing to validate
    documented = spec_model.spec(api).operation(operation_id)
    operation = _schema(api)[documented.path][documented.method]
    try:
        operation.validate_response(response)
    except AssertionError as exc:
        raise ContractViolation(
            scrub(f"{operation_id}: the response does not match the spec\n  {exc}\n{describe(response)}")
        ) from None


def error_body_ok(response: httpx.Response) -> bool:
    """OLC-02 alternatives (variant olc.error-body): a JSON Error, no body at all, or the older pages' "Error
    message" of unstated content type; a body that calls itself JSON must be a JSON Error."""
    if not response.content.strip():
        return True
    media_type = response.headers.get("content-type", "").split(";", 1)[0].strip().lower()
    if media_type != "application/json" and not media_type.endswith("+json"):
        return True
    try:
        return is_json_error(response.json())
    except ValueError:
        return False


def is_json_error(body: Any) -> bool:
    """OLC-06: ``{"error": {"status": int, "message": str, ...}}``."""
    error = body.get("error") if isinstance(body, dict) else None
    return (
        isinstance(error, dict)
        and isinstance(error.get("status"), int)
        and isinstance(error.get("message"), str)
    )
