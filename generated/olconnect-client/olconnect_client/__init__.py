"""A client library for accessing OL Connect Server REST API (server engine)"""

from ._runtime.version import SPEC_INFO, SpecInfo, __version__
from .client import AuthenticatedClient, Client

__all__ = (
    "SPEC_INFO",
    "AuthenticatedClient",
    "Client",
    "SpecInfo",
    "__version__",
)
