"""Plain-text answers checked against the string schema the spec gives them.

Why: a ``text/plain`` success was handed back as whatever text arrived, so a proxy's or portal's page in its
place became the result. The spec's string schemas say what the text looks like (a handshake's message has a
``pattern``); a body that does not fit raises ``ValueError``, which the request path reports as
``ResponseParseError``, as for a JSON body that does not fit its model. The ``true``/``false`` answers of the
writes have their own parser (``request_checks.update_answer``), and a schema without a pattern (a version
string, a login token) admits any text.
"""

from __future__ import annotations

import re
from collections.abc import Callable

__all__ = ["text_matching"]


def text_matching(pattern: str) -> Callable[[str], str]:
    """A parser that returns the text when ``pattern`` occurs in it (JSON Schema patterns are unanchored)."""
    compiled = re.compile(pattern)

    def parse(text: str) -> str:
        if compiled.search(text) is None:
            # The text itself is not quoted: a page in its place may carry anything.
            raise ValueError(f"the text answer ({len(text)} characters) does not have the documented form")
        return text

    return parse
