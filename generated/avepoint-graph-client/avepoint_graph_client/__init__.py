"""A client library for accessing AvePoint Graph API - backup and restore jobs"""

from . import _public, errors
from ._public import *  # noqa: F403 - the package's own public names, listed in _public.__all__
from ._runtime.options import DEFAULT_TIMEOUT, RequestOptions
from ._runtime.retries import NO_RETRIES, RetryPolicy
from ._runtime.version import SpecInfo
from ._spec_info import SPEC_INFO, __version__
from .client import AuthenticatedClient, Client

# What every client package exports, then what this one adds (overlay/<package>/_public.py).
__all__ = [
    "DEFAULT_TIMEOUT",
    "NO_RETRIES",
    "SPEC_INFO",
    "AuthenticatedClient",
    "Client",
    "RequestOptions",
    "RetryPolicy",
    "SpecInfo",
    "__version__",
    "errors",
]
__all__ += _public.__all__
