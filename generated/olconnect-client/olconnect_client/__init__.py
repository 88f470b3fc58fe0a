"""A client library for accessing OL Connect Server REST API (server engine)"""

from . import errors
from ._runtime.options import DEFAULT_TIMEOUT, RequestOptions
from ._runtime.retries import NO_RETRIES, RetryPolicy
from ._runtime.version import SpecInfo
from ._spec_info import SPEC_INFO, __version__
from .auth import BasicAuth, TokenAuth
from .client import AuthenticatedClient, Client
from .factory import connect

__all__ = (
    "DEFAULT_TIMEOUT",
    "NO_RETRIES",
    "SPEC_INFO",
    "AuthenticatedClient",
    "BasicAuth",
    "Client",
    "RequestOptions",
    "RetryPolicy",
    "SpecInfo",
    "TokenAuth",
    "__version__",
    "connect",
    "errors",
)
