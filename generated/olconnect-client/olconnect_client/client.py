"""The configured HTTP client every operation function takes as ``client=``.

``Client`` and ``AuthenticatedClient`` are defined in ``_runtime.http_client`` (default timeouts, retries,
an ``httpx.Auth`` slot, ``with_*`` builders, a ``repr`` without credentials, origin pinning).
"""

from ._runtime.http_client import AuthenticatedClient, Client

__all__ = ["AuthenticatedClient", "Client"]
