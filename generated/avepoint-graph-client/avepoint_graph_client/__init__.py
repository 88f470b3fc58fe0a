"""A client library for accessing AvePoint Graph API - Cloud Backup for Google Workspace jobs"""

from . import errors
from ._runtime.options import DEFAULT_TIMEOUT, RequestOptions
from ._runtime.retries import NO_RETRIES, RetryPolicy
from ._runtime.version import SpecInfo
from ._spec_info import SPEC_INFO, __version__
from .auth import ClientCredentialsAuth
from .client import AuthenticatedClient, Client
from .data_centres import DataCentre, data_centre
from .factory import connect
from .paging import JobFilters, aiter_job_pages, aiter_jobs, iter_job_pages, iter_jobs

__all__ = (
    "DEFAULT_TIMEOUT",
    "NO_RETRIES",
    "SPEC_INFO",
    "AuthenticatedClient",
    "Client",
    "ClientCredentialsAuth",
    "DataCentre",
    "JobFilters",
    "RequestOptions",
    "RetryPolicy",
    "SpecInfo",
    "__version__",
    "aiter_job_pages",
    "aiter_jobs",
    "connect",
    "data_centre",
    "errors",
    "iter_job_pages",
    "iter_jobs",
)
