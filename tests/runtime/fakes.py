"""Stand-ins for what a generated package gives the runtime: a ``Response`` class and a client."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, MutableMapping
from typing import Generic, TypeVar

import httpx
from client_runtime.origins import OriginPolicy
from client_runtime.retries import AsyncRetryingTransport, RetryingTransport, RetryPolicy

T = TypeVar("T")

BASE_URL = "http://api.test"


@dataclasses.dataclass
class FakeResponse(Generic[T]):
    """Has the fields of the generated ``types.Response``."""

    status_code: int
    content: bytes
    headers: MutableMapping[str, str]
    parsed: T
    raw: httpx.Response


class FakeClient:
    """What ``Operation`` needs of the generated ``Client``, over one handler, with the retrying transport."""

    def __init__(
        self, handler: Callable[[httpx.Request], httpx.Response], policy: RetryPolicy | None = None
    ) -> None:
        self.retry_policy = policy or RetryPolicy(max_retries=0)
        origins = OriginPolicy([BASE_URL])
        transport = httpx.MockTransport(handler)
        self._sync = httpx.Client(
            base_url=BASE_URL, transport=RetryingTransport(transport, self.retry_policy, origins=origins)
        )
        self._async = httpx.AsyncClient(
            base_url=BASE_URL, transport=AsyncRetryingTransport(transport, self.retry_policy, origins=origins)
        )

    def get_httpx_client(self) -> httpx.Client:
        return self._sync

    def get_async_httpx_client(self) -> httpx.AsyncClient:
        return self._async
