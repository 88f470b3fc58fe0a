"""A client library for accessing AvePoint Graph API - Cloud Backup for Google Workspace jobs"""

from ._runtime.version import SPEC_INFO, SpecInfo, __version__
from .client import AuthenticatedClient, Client

__all__ = (
    "SPEC_INFO",
    "AuthenticatedClient",
    "Client",
    "SpecInfo",
    "__version__",
)
