"""Contains all the data models used in inputs/outputs"""

from .app_type import AppType
from .data_source import DataSource
from .error_response import ErrorResponse
from .grant_type import GrantType
from .job import Job
from .job_status import JobStatus
from .job_type import JobType
from .jobs_page import JobsPage
from .oauth_error import OAuthError
from .oauth_error_code import OAuthErrorCode
from .token_request import TokenRequest
from .token_response import TokenResponse

__all__ = (
    "AppType",
    "DataSource",
    "ErrorResponse",
    "GrantType",
    "Job",
    "JobsPage",
    "JobStatus",
    "JobType",
    "OAuthError",
    "OAuthErrorCode",
    "TokenRequest",
    "TokenResponse",
)
