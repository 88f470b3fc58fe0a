"""Contains all the data models used in inputs/outputs"""

from .api_error import ApiError
from .app_type import AppType
from .data_source import DataSource
from .dynamics_job import DynamicsJob
from .dynamics_job_status import DynamicsJobStatus
from .dynamics_job_type import DynamicsJobType
from .dynamics_jobs_page import DynamicsJobsPage
from .error_response import ErrorResponse
from .grant_type import GrantType
from .insights_export_status import InsightsExportStatus
from .insights_job_status import InsightsJobStatus
from .job import Job
from .job_status import JobStatus
from .job_type import JobType
from .jobs_page import JobsPage
from .m365_backup_details import M365BackupDetails
from .m365_envelope import M365Envelope
from .m365_job import M365Job
from .m365_job_envelope import M365JobEnvelope
from .m365_job_error import M365JobError
from .m365_job_state import M365JobState
from .m365_job_type import M365JobType
from .m365_jobs_page import M365JobsPage
from .m365_object_type import M365ObjectType
from .m365_response_metadata import M365ResponseMetadata
from .m365_restore_envelope import M365RestoreEnvelope
from .m365_restore_request import M365RestoreRequest
from .m365_restore_result import M365RestoreResult
from .m365_restore_service_type import M365RestoreServiceType
from .oauth_error import OAuthError
from .oauth_error_code import OAuthErrorCode
from .one_drive_restore_scope import OneDriveRestoreScope
from .restore_target import RestoreTarget
from .restore_target_path import RestoreTargetPath
from .salesforce_job import SalesforceJob
from .salesforce_job_level import SalesforceJobLevel
from .salesforce_job_status import SalesforceJobStatus
from .salesforce_job_type import SalesforceJobType
from .salesforce_jobs_data import SalesforceJobsData
from .salesforce_jobs_envelope import SalesforceJobsEnvelope
from .scan_category import ScanCategory
from .scan_job import ScanJob
from .scan_job_state import ScanJobState
from .scan_job_type import ScanJobType
from .scan_jobs_page import ScanJobsPage
from .scan_sort_order import ScanSortOrder
from .site_restore_scope import SiteRestoreScope
from .token_request import TokenRequest
from .token_response import TokenResponse
from .vm_job import VmJob
from .vm_job_status import VmJobStatus
from .vm_job_type import VmJobType
from .vm_jobs_page import VmJobsPage
from .vm_service_type import VmServiceType

__all__ = (
    "ApiError",
    "AppType",
    "DataSource",
    "DynamicsJob",
    "DynamicsJobsPage",
    "DynamicsJobStatus",
    "DynamicsJobType",
    "ErrorResponse",
    "GrantType",
    "InsightsExportStatus",
    "InsightsJobStatus",
    "Job",
    "JobsPage",
    "JobStatus",
    "JobType",
    "M365BackupDetails",
    "M365Envelope",
    "M365Job",
    "M365JobEnvelope",
    "M365JobError",
    "M365JobsPage",
    "M365JobState",
    "M365JobType",
    "M365ObjectType",
    "M365ResponseMetadata",
    "M365RestoreEnvelope",
    "M365RestoreRequest",
    "M365RestoreResult",
    "M365RestoreServiceType",
    "OAuthError",
    "OAuthErrorCode",
    "OneDriveRestoreScope",
    "RestoreTarget",
    "RestoreTargetPath",
    "SalesforceJob",
    "SalesforceJobLevel",
    "SalesforceJobsData",
    "SalesforceJobsEnvelope",
    "SalesforceJobStatus",
    "SalesforceJobType",
    "ScanCategory",
    "ScanJob",
    "ScanJobsPage",
    "ScanJobState",
    "ScanJobType",
    "ScanSortOrder",
    "SiteRestoreScope",
    "TokenRequest",
    "TokenResponse",
    "VmJob",
    "VmJobsPage",
    "VmJobStatus",
    "VmJobType",
    "VmServiceType",
)
