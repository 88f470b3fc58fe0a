"""Default timeouts and per-call options.

Every generated operation function takes ``options=RequestOptions(...)``. The options become arguments of
that one ``httpx`` request (``timeout=``, ``headers=``, ``extensions=``), so a call can use a longer timeout,
extra headers or a different retry policy without touching the client other threads and tasks share.
"""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Mapping
from typing import Any

import httpx

from .deadlines import DEADLINE_EXTENSION
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
        deadline: seconds the whole call may take (login, retries and body included); ``None`` keeps the
            policy's (300 s by default).
        max_response_bytes: the largest body accepted for this call (decoded); ``None`` keeps the policy's.
    """

    timeout: float | httpx.Timeout | None = None
    headers: Mapping[str, str] = dataclasses.field(default_factory=dict)
    max_retries: int | None = None
    retry_policy: RetryPolicy | None = None
    deadline: float | None = None
    max_response_bytes: int | None = None

    def __repr__(self) -> str:
        # Header values may be credentials (a caller-supplied Authorization); show names only.
        return (
            f"RequestOptions(timeout={self.timeout!r}, headers={sorted(self.headers)!r}, "
            f"max_retries={self.max_retries!r}, retry_policy={self.retry_policy!r}, "
            f"deadline={self.deadline!r}, max_response_bytes={self.max_response_bytes!r})"
        )


def apply_options(
    kwargs: dict[str, Any], options: RequestOptions | None, *, client_policy: RetryPolicy | None
) -> dict[str, Any]:
    """Merge ``options`` into the keyword arguments of ``httpx.Client.request`` (returns ``kwargs``).

    The call's deadline starts here, when the call starts, so the login it may trigger counts against it.
    """
    if options is None:
        if client_policy is not None and client_policy.deadline is not None:
            _stamp_deadline(kwargs, client_policy.deadline)
        return kwargs
    if options.headers:
        kwargs["headers"] = {**kwargs.get("headers", {}), **options.headers}
    if options.timeout is not None:
        kwargs["timeout"] = options.timeout
    policy = options.retry_policy
    changes: dict[str, Any] = {}
    if options.max_retries is not None and policy is None:
        changes["max_retries"] = options.max_retries
    if options.deadline is not None:
        changes["deadline"] = options.deadline
    if options.max_response_bytes is not None:
        changes["max_response_bytes"] = options.max_response_bytes
    if changes:
        policy = dataclasses.replace(policy or client_policy or RetryPolicy(), **changes)
    if policy is not None:
        kwargs["extensions"] = {**kwargs.get("extensions", {}), RETRY_EXTENSION: policy}
    effective = policy or client_policy
    if effective is not None and effective.deadline is not None:
        _stamp_deadline(kwargs, effective.deadline)
    return kwargs


def _stamp_deadline(kwargs: dict[str, Any], seconds: float) -> None:
    kwargs["extensions"] = {**kwargs.get("extensions", {}), DEADLINE_EXTENSION: time.monotonic() + seconds}
