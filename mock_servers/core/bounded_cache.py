"""A least-recently-used cache bounded by entry count and by bytes, for memoising parses of client input.

``functools.lru_cache`` bounds only the number of entries; keyed by client-chosen strings (query strings of
up to the URL limit) 4096 entries can pin hundreds of megabytes. Here each entry is charged a caller-given
size and the oldest entries go once the byte budget is spent; inputs larger than ``max_item_bytes`` are
computed but never stored.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import Generic, TypeVar

Value = TypeVar("Value")


class BoundedCache(Generic[Value]):
    def __init__(
        self,
        compute: Callable[[str], Value],
        *,
        max_entries: int = 4096,
        max_bytes: int = 1024 * 1024,
        max_item_bytes: int = 4096,
    ) -> None:
        self._compute = compute
        self.max_entries = max_entries
        self.max_bytes = max_bytes
        self.max_item_bytes = max_item_bytes
        self._entries: OrderedDict[str, tuple[Value, int]] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()

    @property
    def size_bytes(self) -> int:
        return self._bytes

    def __len__(self) -> int:
        return len(self._entries)

    def __call__(self, key: str) -> Value:
        with self._lock:
            hit = self._entries.get(key)
            if hit is not None:
                self._entries.move_to_end(key)
                return hit[0]
        value = self._compute(key)  # errors propagate and are not cached
        cost = 2 * len(key) + 256  # the key plus what a parse of it holds, roughly
        if len(key) > self.max_item_bytes:
            return value
        with self._lock:
            if key not in self._entries:
                self._entries[key] = (value, cost)
                self._bytes += cost
            while len(self._entries) > self.max_entries or self._bytes > self.max_bytes:
                _, (_, dropped) = self._entries.popitem(last=False)
                self._bytes -= dropped
        return value
