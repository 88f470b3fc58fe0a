"""Where the AvePoint Graph API puts the message of an error answer.

The API's own errors are ``{"status", "message"}``; its token endpoint (``request_token``, on the identity
host) answers in the OAuth 2.0 shape (RFC 6749 section 5.2, ``error`` and ``error_description``), which the
runtime reads. Any other body carries no message the client trusts.
"""

from __future__ import annotations

from typing import Any

from avepoint_graph_client._runtime.client_credentials import oauth_error_text

__all__ = ["error_text"]


def error_text(body: Any) -> tuple[str | None, str | None]:
    """(message, None) from a decoded AvePoint or OAuth error body."""
    if isinstance(body, dict) and "error" in body:
        return oauth_error_text(body)
    message = body.get("message") if isinstance(body, dict) else None
    if isinstance(message, bool) or not isinstance(message, str | int | float):
        return None, None
    return str(message), None
