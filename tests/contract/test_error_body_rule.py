"""OLC-02's error-body rule as the suite applies it: a JSON Error, no body, or an "Error message" of another
content type pass; a body that calls itself JSON but is not a JSON Error fails (so the check can fail)."""

from __future__ import annotations

import httpx
import pytest

from contract_tests.expect import error_body_ok as _error_body_ok


def _response(content_type: str | None, body: bytes) -> httpx.Response:
    headers = {"content-type": content_type} if content_type else {}
    return httpx.Response(401, headers=headers, content=body)


@pytest.mark.parametrize(
    ("content_type", "body"),
    [
        ("application/json", b'{"error": {"status": 401, "message": "expired"}}'),
        (None, b""),
        ("text/plain; charset=utf-8", b"The authorization token has expired."),
        ("text/html", b"<html><body>Forbidden</body></html>"),
    ],
)
def test_documented_error_bodies_pass(content_type: str | None, body: bytes) -> None:
    assert _error_body_ok(_response(content_type, body))


@pytest.mark.parametrize(
    "body", [b'{"message": "expired"}', b"not json at all", b'{"error": "expired"}', b"[]"]
)
def test_a_json_labelled_body_that_is_no_json_error_fails(body: bytes) -> None:
    assert not _error_body_ok(_response("application/json", body))
