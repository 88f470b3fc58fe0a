"""The base of every auth object a client runs: the client tells it its origin, and asks where else it goes.

The base URL is told once, to the client. When a client is built with an auth of this kind it calls
``bind_origin`` with the origin of its base URL, so the auth attaches credentials only to requests for that
origin, and reads ``credential_urls`` (a token URL on another host) to widen the set of origins its
transports accept. No ``getattr`` probing: an auth that is not a ``ClientAuth`` (a plain ``httpx.Auth``)
simply gets neither.
"""

from __future__ import annotations

import httpx

from .origins import OriginPolicy

__all__ = ["ClientAuth"]


class ClientAuth(httpx.Auth):
    """An ``httpx.Auth`` bound to the origin of the client that runs it."""

    _api_origin: OriginPolicy | None = None

    def bind_origin(self, origin: OriginPolicy) -> None:
        """Record the client's origin; one auth object serves one API origin (a second one is refused)."""
        if self._api_origin is not None and self._api_origin.allowed != origin.allowed:
            raise ValueError(
                f"this auth object already serves {', '.join(self._api_origin.allowed)}; "
                "create another one for a client of another origin"
            )
        self._api_origin = origin

    @property
    def api_origin(self) -> OriginPolicy | None:
        """The origin credentials may be attached for, once a client has bound it."""
        return self._api_origin

    def credential_urls(self) -> tuple[str, ...]:
        """URLs besides the API's that this auth sends requests to (a token URL), for origin pinning."""
        return ()
