"""A string holder that never shows its value in ``repr``/``str``, for passwords, tokens and client secrets.

Auth objects keep their credentials in ``Secret`` so a debugger, a log line with ``%r`` or an exception
message that formats the object cannot print them by accident. ``reveal()`` is the only way to the value.
"""

from __future__ import annotations

from typing import Any

from httpx import _models as _httpx_models

__all__ = ["REDACTED", "Secret", "mask_header_in_httpx_reprs"]

REDACTED = "***"


class Secret:
    """Wraps a secret string; compare with ``==`` against another ``Secret`` or use ``reveal()``."""

    __slots__ = ("_value",)

    def __init__(self, value: str) -> None:
        if not isinstance(value, str):
            raise TypeError("a secret must be a str")
        self._value = value

    def reveal(self) -> str:
        """The secret itself; pass it straight to the place that needs it and nowhere else."""
        return self._value

    def __repr__(self) -> str:
        return f"Secret({REDACTED!r})"

    __str__ = __repr__

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Secret) and other._value == self._value

    def __hash__(self) -> int:
        return hash(self._value)

    def __bool__(self) -> bool:
        return bool(self._value)

    def __reduce__(self) -> str:
        # Refuse pickling: a pickled auth object would carry the secret in plain bytes.
        raise TypeError("Secret values cannot be pickled")


def mask_header_in_httpx_reprs(name: str) -> bool:
    """Make ``repr(httpx.Headers)`` (and so request reprs and tracebacks) show ``[secure]`` for ``name``.

    httpx hides ``Authorization`` and ``Proxy-Authorization`` there, from a module-level set of names;
    OL Connect's token travels in ``auth_token`` instead, so it is added to that set. Returns whether the
    set was found (a future httpx may move it; a test watches for that).
    """
    sensitive: Any = getattr(_httpx_models, "SENSITIVE_HEADERS", None)
    if not isinstance(sensitive, set):
        return False
    sensitive.add(name.lower())
    return True
