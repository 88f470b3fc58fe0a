"""Default timeouts and per-call options.

Every generated operation function takes ``options=RequestOptions(...)``. The options become arguments of
that one ``httpx`` request (``timeout=``, ``headers=``, ``extensions=``), so a call can use a longer timeout,
extra headers or a different retry policy without touching the client other threads and tasks share.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import Any

import httpx

from .retries import RETRY_EXTENSION, RetryPolicy

__all__ = ["DEFAULT_TIMEOUT", "RequestOptions", "apply_options"]

#: 5 s to connect, 30 s for each read/write, 5 s to get a pooled connection.
DEFAULT_TIMEOUT = httpx.Timeout(30.0, connect=5.0, pool=5.0)


@dataclasses.dataclass(frozen=True)
class RequestOptions:
    """Options for a single call.

    Attributes:
        timeout: seconds (one number for every phase) or an ``httpx.Timeout``; ``None`` keeps the client's.
        headers: extra headers for this request only; they win over the client's headers of the same name.
        max_retries: retries for this call (``0`` = none); ``None`` keeps the client's retry policy.
        retry_policy: a full ``RetryPolicy`` for this call; wins over ``max_retries``.
    """

    timeout: float | httpx.Timeout | None = None
    headers: Mapping[str, str] = dataclasses.field(default_factory=dict)
    max_retries: int | None = None
    retry_policy: RetryPolicy | None = None

    def __repr__(self) -> str:
        # Header values may be credentials (a caller-supplied Authorization); show names only.
        return (
            f"RequestOptions(timeout={self.timeout!r}, headers={sorted(self.headers)!r}, "
            f"max_retries={self.max_retries!r}, retry_policy={self.retry_policy!r})"
        )


def apply_options(
    kwargs: dict[str, Any], options: RequestOptions | None, *, client_policy: RetryPolicy | None
) -> dict[str, Any]:
    """Merge ``options`` into the keyword arguments of ``httpx.Client.request`` (returns ``kwargs``)."""
    if options is None:
        return kwargs
    if options.headers:
        kwargs["headers"] = {**kwargs.get("headers", {}), **options.headers}
    if options.timeout is not None:
        kwargs["timeout"] = options.timeout
    policy = options.retry_policy
    if policy is None and options.max_retries is not None:
        policy = dataclasses.replace(client_policy or RetryPolicy(), max_retries=options.max_retries)
    if policy is not None:
        kwargs["extensions"] = {**kwargs.get("extensions", {}), RETRY_EXTENSION: policy}
    return kwargs
