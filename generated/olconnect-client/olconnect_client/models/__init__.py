"""Contains all the data models used in inputs/outputs"""

from .content_item_identifier import ContentItemIdentifier
from .content_item_identifier_list import ContentItemIdentifierList
from .document_set_statistics import DocumentSetStatistics
from .document_statistics import DocumentStatistics
from .identifier_list import IdentifierList
from .job_set_statistics import JobSetStatistics
from .json_error import JsonError
from .json_error_detail import JsonErrorDetail
from .level_mode import LevelMode
from .media import Media
from .media_size import MediaSize
from .media_usage import MediaUsage
from .name_value_list import NameValueList
from .property_ import Property
from .statistics_counts import StatisticsCounts
from .statistics_property_map import StatisticsPropertyMap

__all__ = (
    "ContentItemIdentifier",
    "ContentItemIdentifierList",
    "DocumentSetStatistics",
    "DocumentStatistics",
    "IdentifierList",
    "JobSetStatistics",
    "JsonError",
    "JsonErrorDetail",
    "LevelMode",
    "Media",
    "MediaSize",
    "MediaUsage",
    "NameValueList",
    "Property",
    "StatisticsCounts",
    "StatisticsPropertyMap",
)
