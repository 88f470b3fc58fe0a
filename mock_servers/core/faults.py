"""Fault injection for client tests: added latency, 429/503 with Retry-After, dropped connections.

Faults are off by default. The same settings can come from the CLI (``--fault KEY=VALUE``), from a scenario
file (``settings.faults``) or from the admin endpoint (``POST /_mock/faults``); all three go through
:data:`FAULTS_SCHEMA`, so a typo is reported the same way everywhere. Admin paths (``/_mock/...``) are never
faulted, so a test can always switch faults off again.
"""

from __future__ import annotations

import asyncio
import math
import threading
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass
from typing import Any

from jsonschema import Draft202012Validator
from jsonschema.exceptions import best_match
from starlette.types import ASGIApp, Receive, Scope, Send

from mock_servers.core.http import ErrorRenderer

ADMIN_PREFIX = "/_mock/"
DROPPED_SCOPE_KEY = "mock_servers.dropped"
MAX_COUNT = 1_000_000  # more requests than any test sends; 1e20 would be a typo, not a plan

FAULTS_SCHEMA: dict[str, Any] = {
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "latency_ms": {"type": "number", "minimum": 0, "maximum": 600000},
        "status": {"enum": [429, 503]},
        "count": {"type": "integer", "minimum": 0, "maximum": MAX_COUNT},
        "retry_after": {"type": "integer", "minimum": 0, "maximum": 86400},
        "drop": {"type": "integer", "minimum": 0, "maximum": MAX_COUNT},
    },
    "dependentRequired": {"count": ["status"], "retry_after": ["status"]},
}
_VALIDATOR = Draft202012Validator(FAULTS_SCHEMA)


class FaultConfigError(ValueError):
    """A fault setting is invalid; the message names the key."""


@dataclass(frozen=True)
class FaultConfig:
    """What to inject: ``status`` answers the next ``count`` requests; ``drop`` counts down the same way."""

    latency_ms: float = 0.0
    status: int | None = None
    count: int = 0
    retry_after: int = 1
    drop: int = 0

    @classmethod
    def from_mapping(cls, data: Any) -> FaultConfig:
        if isinstance(data, dict):
            for key, value in data.items():
                # JSON Schema bounds never fail for NaN (every comparison is false), so check first.
                if isinstance(value, float) and not math.isfinite(value):
                    raise FaultConfigError(f"fault setting /{key}: {value} is not a finite number")
        error = best_match(_VALIDATOR.iter_errors(data))
        if error is not None:
            where = "/" + "/".join(str(part) for part in error.absolute_path)
            raise FaultConfigError(f"fault setting {where}: {error.message}")
        status = data.get("status")
        return cls(
            latency_ms=float(data.get("latency_ms", 0)),
            status=status,
            count=int(data.get("count", 1 if status is not None else 0)),
            retry_after=int(data.get("retry_after", 1)),
            drop=int(data.get("drop", 0)),
        )

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def parse_cli_faults(pairs: Iterable[str]) -> FaultConfig:
    """Turn repeated ``--fault KEY=VALUE`` options into a config (values are numbers)."""
    data: dict[str, Any] = {}
    for pair in pairs:
        key, separator, value = pair.partition("=")
        if not separator or not key.strip():
            raise FaultConfigError(f"--fault expects KEY=VALUE, got {pair!r}")
        try:
            number = float(value)
        except ValueError:
            raise FaultConfigError(f"--fault {key}: {value!r} is not a number") from None
        data[key.strip()] = int(number) if number.is_integer() and key.strip() != "latency_ms" else number
    return FaultConfig.from_mapping(data)


@dataclass(frozen=True)
class FaultAction:
    """What the middleware does to one request."""

    latency_seconds: float = 0.0
    drop: bool = False
    status: int | None = None
    retry_after: int = 1


class FaultState:
    """The live fault settings of one server; counters decrement atomically per request."""

    def __init__(self, initial: FaultConfig | None = None) -> None:
        self._lock = threading.Lock()
        self._config = initial or FaultConfig()
        self.connections: Callable[[], Iterable[Any]] | None = None

    @property
    def config(self) -> FaultConfig:
        return self._config

    @property
    def active(self) -> bool:
        config = self._config
        return config.latency_ms > 0 or config.drop > 0 or (config.status is not None and config.count > 0)

    def replace(self, config: FaultConfig) -> None:
        with self._lock:
            self._config = config

    def clear(self) -> None:
        self.replace(FaultConfig())

    def next_action(self) -> FaultAction:
        with self._lock:
            config = self._config
            latency = config.latency_ms / 1000.0
            if config.drop > 0:
                self._config = _replace(config, drop=config.drop - 1)
                return FaultAction(latency_seconds=latency, drop=True)
            if config.status is not None and config.count > 0:
                self._config = _replace(config, count=config.count - 1)
                return FaultAction(
                    latency_seconds=latency, status=config.status, retry_after=config.retry_after
                )
            return FaultAction(latency_seconds=latency)


def _replace(config: FaultConfig, **changes: Any) -> FaultConfig:
    return FaultConfig(**{**config.to_dict(), **changes})


class FaultMiddleware:
    """ASGI middleware applying the current :class:`FaultState` to every non-admin request."""

    def __init__(self, app: ASGIApp, state: FaultState, render_error: ErrorRenderer) -> None:
        self.app = app
        self.state = state
        self.render_error = render_error

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not self.state.active or scope["path"].startswith(ADMIN_PREFIX):
            await self.app(scope, receive, send)
            return
        action = self.state.next_action()
        if action.latency_seconds > 0:
            await asyncio.sleep(action.latency_seconds)
        if action.drop and await self._drop_connection(scope):
            return
        if action.status is not None:
            message = (
                "Too many requests (injected fault); retry later"
                if action.status == 429
                else "Service unavailable (injected fault); retry later"
            )
            response = self.render_error(action.status, message, {"Retry-After": str(action.retry_after)})
            await response(scope, receive, send)
            return
        await self.app(scope, receive, send)

    async def _drop_connection(self, scope: Scope) -> bool:
        """Abort the TCP connection of this request without a response, as a crashed proxy would.

        uvicorn hands the app the same scope dict its connection object holds, so the connection is found by
        identity among the server's open connections (the runner registers them in ``state.connections``).
        """
        if self.state.connections is None:
            return False
        for connection in list(self.state.connections()):
            if getattr(connection, "scope", None) is scope:
                scope[DROPPED_SCOPE_KEY] = True
                connection.transport.abort()
                # Let the loop run connection_lost so uvicorn marks the cycle disconnected and sends nothing.
                await asyncio.sleep(0)
                await asyncio.sleep(0)
                return True
        return False
