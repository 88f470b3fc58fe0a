"""Where OL Connect puts the message of an error answer: its JSON Error structure.

The cookbook's common JSON structures give ``{"error": {"status", "message", "parameter"}}``; the message
and the parameter the server blamed (an unknown ID, a bad value) become the typed error's ``message`` and
``parameter``. Any other body (text, HTML from a proxy) carries no message the client trusts.
"""

from __future__ import annotations

from typing import Any

__all__ = ["error_text"]


def error_text(body: Any) -> tuple[str | None, str | None]:
    """(message, parameter) from a decoded OL Connect error body; ``None`` for what it does not hold."""
    error = body.get("error") if isinstance(body, dict) else None
    if not isinstance(error, dict):
        return None, None
    message, parameter = error.get("message"), error.get("parameter")
    return (message if isinstance(message, str) else None, parameter if isinstance(parameter, str) else None)
