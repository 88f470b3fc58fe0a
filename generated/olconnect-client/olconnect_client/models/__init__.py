"""Contains all the data models used in inputs/outputs"""

from .all_in_one_content_creation import AllInOneContentCreation
from .all_in_one_data_mapping import AllInOneDataMapping
from .all_in_one_job_creation import AllInOneJobCreation
from .all_in_one_output_creation import AllInOneOutputCreation
from .all_in_one_request import AllInOneRequest
from .content_item_identifier import ContentItemIdentifier
from .content_item_identifier_list import ContentItemIdentifierList
from .document_set_statistics import DocumentSetStatistics
from .document_statistics import DocumentStatistics
from .identifier_list import IdentifierList
from .job_creation_request import JobCreationRequest
from .job_set_statistics import JobSetStatistics
from .json_error import JsonError
from .json_error_detail import JsonErrorDetail
from .level_mode import LevelMode
from .media import Media
from .media_size import MediaSize
from .media_usage import MediaUsage
from .name_value_list import NameValueList
from .operation_list_entry import OperationListEntry
from .output_creation_by_job_set_request import OutputCreationByJobSetRequest
from .output_creation_by_jobs_request import OutputCreationByJobsRequest
from .property_ import Property
from .runtime_parameters import RuntimeParameters
from .statistics_counts import StatisticsCounts
from .statistics_property_map import StatisticsPropertyMap

__all__ = (
    "AllInOneContentCreation",
    "AllInOneDataMapping",
    "AllInOneJobCreation",
    "AllInOneOutputCreation",
    "AllInOneRequest",
    "ContentItemIdentifier",
    "ContentItemIdentifierList",
    "DocumentSetStatistics",
    "DocumentStatistics",
    "IdentifierList",
    "JobCreationRequest",
    "JobSetStatistics",
    "JsonError",
    "JsonErrorDetail",
    "LevelMode",
    "Media",
    "MediaSize",
    "MediaUsage",
    "NameValueList",
    "OperationListEntry",
    "OutputCreationByJobSetRequest",
    "OutputCreationByJobsRequest",
    "Property",
    "RuntimeParameters",
    "StatisticsCounts",
    "StatisticsPropertyMap",
)
