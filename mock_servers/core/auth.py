"""Credential helpers: constant-time secret comparison, HTTP Basic parsing and an expiring token store."""

from __future__ import annotations

import base64
import binascii
import hmac
import secrets
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Generic, TypeVar

Principal = TypeVar("Principal")


def secrets_equal(given: str, expected: str) -> bool:
    """Compare secrets in constant time so response timing does not leak how much of a secret matched."""
    return hmac.compare_digest(given.encode("utf-8"), expected.encode("utf-8"))


def parse_basic_credentials(header: str | None) -> tuple[str, str] | None:
    """Return (username, password) from an ``Authorization: Basic`` header, or None when it is not one."""
    if not header:
        return None
    scheme, _, encoded = header.strip().partition(" ")
    if scheme.lower() != "basic" or not encoded.strip():
        return None
    try:
        decoded = base64.b64decode(encoded.strip(), validate=True).decode("utf-8")
    except (binascii.Error, UnicodeDecodeError, ValueError):
        return None
    username, separator, password = decoded.partition(":")
    if not separator:
        return None
    return username, password


def parse_bearer_token(header: str | None) -> str | None:
    """Return the token of an ``Authorization: Bearer`` header (scheme matched case-insensitively)."""
    if not header:
        return None
    scheme, _, token = header.strip().partition(" ")
    token = token.strip()
    if scheme.lower() != "bearer" or not token or " " in token:
        return None
    return token


@dataclass(frozen=True)
class IssuedToken:
    value: str
    expires_in: int


@dataclass
class _Entry(Generic[Principal]):
    principal: Principal
    expires_at: float


DEFAULT_MAX_TOKENS = 100_000


class TokenStore(Generic[Principal]):
    """Tokens issued by a mock, each bound to a principal and expiring ``ttl_seconds`` after issue.

    A lock guards the dict: uvicorn runs handlers on one event loop, but tests and the admin endpoint may use
    the store from other threads. The store is bounded and never rescans itself: tokens are kept in issue
    order, and since they share one TTL the expired ones are always the oldest, so each login drops expired
    tokens from the front (amortised O(1)) and, past ``max_tokens`` live ones, forgets the oldest live token
    (a client that logs in per request must not grow the mock without bound). Expired entries met by a
    lookup are dropped then.
    """

    EXPIRED_MEMORY = 10_000  # how many expired tokens are remembered, so "expired" differs from "unknown"

    def __init__(
        self,
        ttl_seconds: int,
        token_factory: Callable[[], str] = lambda: secrets.token_hex(16),
        clock: Callable[[], float] = time.monotonic,
        max_tokens: int = DEFAULT_MAX_TOKENS,
    ) -> None:
        if ttl_seconds < 1:
            raise ValueError("token TTL must be at least one second")
        if max_tokens < 1:
            raise ValueError("the token store must hold at least one token")
        self.ttl_seconds = ttl_seconds
        self.max_tokens = max_tokens
        self._token_factory = token_factory
        self._clock = clock
        self._entries: OrderedDict[str, _Entry[Principal]] = OrderedDict()  # issue order
        self._expired: OrderedDict[str, None] = OrderedDict()  # an ordered set, oldest dropped first
        self._lock = threading.Lock()

    def issue(self, principal: Principal) -> IssuedToken:
        token = self._token_factory()
        with self._lock:
            now = self._clock()
            self._drop_oldest(now)
            self._entries[token] = _Entry(principal, now + self.ttl_seconds)
        return IssuedToken(token, self.ttl_seconds)

    def lookup(self, token: str) -> Principal | None:
        """The principal of a live token; None for unknown and expired tokens alike."""
        entry = self._entries.get(token)
        if entry is None:
            return None
        if self._clock() >= entry.expires_at:
            with self._lock:
                self._entries.pop(token, None)
                self._remember_expired([token])
            return None
        return entry.principal

    def has_expired(self, token: str) -> bool:
        """Whether the token was issued here and has expired (a variant tells these from unknown ones)."""
        if token in self._expired:
            return True
        entry = self._entries.get(token)
        return entry is not None and self._clock() >= entry.expires_at

    def __len__(self) -> int:
        return len(self._entries)

    def _drop_oldest(self, now: float) -> None:
        """Called with the lock held: expired tokens from the front, then the oldest beyond the cap."""
        entries = self._entries
        while entries:
            oldest, entry = next(iter(entries.items()))
            if entry.expires_at <= now:
                self._remember_expired([oldest])
            elif len(entries) < self.max_tokens:
                break
            del entries[oldest]

    def _remember_expired(self, tokens: Iterable[str]) -> None:
        """Called with the lock held."""
        for token in tokens:
            self._expired[token] = None
        while len(self._expired) > self.EXPIRED_MEMORY:
            self._expired.popitem(last=False)

    def expire_all(self) -> int:
        """Forced expiry (fault injection): every token issued so far stops working. Returns how many."""
        with self._lock:
            now = self._clock()
            live = sum(1 for entry in self._entries.values() if entry.expires_at > now)
            self._remember_expired(self._entries)
            self._entries.clear()
        return live
