from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._runtime.open_enums import ValueLookup as _ValueLookup  # noqa: E402
from ..models.app_type import AppType
from ..models.data_source import DataSource
from ..models.job_status import JobStatus
from ..models.job_type import JobType

_AppType_BY_VALUE = _ValueLookup(AppType)
_JobType_BY_VALUE = _ValueLookup(JobType)
_DataSource_BY_VALUE = _ValueLookup(DataSource)
_JobStatus_BY_VALUE = _ValueLookup(JobStatus)
from .._runtime.timestamps import UTC as _UTC  # noqa: E402
from .._runtime.timestamps import optional_utc_datetime as _optional_utc_datetime  # noqa: E402
from .._runtime.timestamps import parse_iso as _from_iso  # noqa: E402
from .._runtime.timestamps import utc_datetime as _utc_datetime  # noqa: E402 (aware UTC, AVE-30)

_object_new = object.__new__

# The JSON member names this model declares; any other member goes to additional_properties.
_PROPERTY_NAMES = frozenset(
    {
        "jobId",
        "appType",
        "jobType",
        "dataSource",
        "status",
        "progress",
        "startTime",
        "finishTime",
        "operator",
    }
)


T = TypeVar("T", bound="Job")


@_attrs_define
class Job:
    """One Cloud Backup for Google Workspace job. What `finishTime` holds while the job runs is not documented:
    absent, empty or a placeholder time (AVE-10).
    Unknown members are allowed for forward compatibility.

    """

    job_id: str
    """ Unique job identifier (in the samples a prefix followed by the start time as yyyyMMddHHmmss). """
    app_type: AppType
    """ Google service a job covers; the values are powers of two and a job carries one (AVE-08). 256, 512, 8192,
    16384 and 32768 were added to the vendor page on 2025-08-09 (Google Directory and Google Vault). Servers
    may add values later; clients keep unknown values (AVE-08).
     """
    job_type: JobType
    """ Kind of work a job does. """
    data_source: DataSource
    """ Portal a job was started from. 1 = Admin (the Cloud Backup admin portal), 2 = ReCenter. """
    status: JobStatus
    """ State of a job. The documented codes skip 1, 4, 5 and 6, which are evidently reserved; servers may send
    them one day and clients keep unknown values (AVE-08).
     """
    progress: float
    """ Percentage of the job's tasks that are done (100.0 = all). """
    start_time: datetime.datetime
    """ When the job started, in UTC (a time without an offset is UTC). """
    finish_time: datetime.datetime | None
    """ When the job ended, an ISO 8601 string. The pages say nothing about running jobs; a server may leave
    the member out, send an empty string or a placeholder time (variant `ave.running-finish-time`). `null`
    is admitted as well, although the pages type the member as a string, so that clients tolerate it
    (AVE-10). Clients return it as a UTC time, or none while the job runs (AVE-30).
     """
    operator: str
    """ Who ran the job (`System` for scheduled jobs). """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        job_id = self.job_id

        app_type = AppType(self.app_type).value

        job_type = JobType(self.job_type).value

        data_source = DataSource(self.data_source).value

        status = JobStatus(self.status).value

        progress = self.progress

        start_time = self.start_time.isoformat()

        finish_time: None | str
        if isinstance(self.finish_time, datetime.datetime):
            finish_time = self.finish_time.isoformat()
        else:
            finish_time = self.finish_time

        operator = self.operator

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "jobId": job_id,
                "appType": app_type,
                "jobType": job_type,
                "dataSource": data_source,
                "status": status,
                "progress": progress,
                "startTime": start_time,
                "finishTime": finish_time,
                "operator": operator,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        job_id = src_dict["jobId"]

        app_type = _AppType_BY_VALUE[src_dict["appType"]]

        job_type = _JobType_BY_VALUE[src_dict["jobType"]]

        data_source = _DataSource_BY_VALUE[src_dict["dataSource"]]

        status = _JobStatus_BY_VALUE[src_dict["status"]]

        progress = src_dict["progress"]

        start_time = _from_iso(src_dict["startTime"])
        if start_time.tzinfo is not _UTC:
            start_time = _utc_datetime(src_dict["startTime"])

        _finish_time_raw = src_dict.get("finishTime")
        finish_time: datetime.datetime | None = None
        if _finish_time_raw.__class__ is str and _finish_time_raw:
            finish_time = _from_iso(_finish_time_raw)
            if finish_time.tzinfo is not _UTC or finish_time.year == 1:
                finish_time = _optional_utc_datetime(_finish_time_raw)
        elif _finish_time_raw is not None:
            finish_time = _optional_utc_datetime(_finish_time_raw)

        operator = src_dict["operator"]

        # Usually no member is left over, and telling that is cheaper than the comprehension.
        additional_properties: dict[str, Any] = (
            {}
            if len(src_dict) == 8 + ("finishTime" in src_dict)
            else {k: v for k, v in src_dict.items() if k not in _PROPERTY_NAMES}
        )

        if cls is Job:
            # The exact generated class: fill the slots directly. attrs' __init__ would make the same assignments,
            # and skipping the keyword call saves about a third of the construction time on big responses.
            _parsed_model_ = _object_new(cls)
            _parsed_model_.job_id = job_id
            _parsed_model_.app_type = app_type
            _parsed_model_.job_type = job_type
            _parsed_model_.data_source = data_source
            _parsed_model_.status = status
            _parsed_model_.progress = progress
            _parsed_model_.start_time = start_time
            _parsed_model_.finish_time = finish_time
            _parsed_model_.operator = operator
        else:
            # A user subclass may add fields or an __init__ of its own: build it the ordinary way.
            _parsed_model_ = cls(
                job_id=job_id,
                app_type=app_type,
                job_type=job_type,
                data_source=data_source,
                status=status,
                progress=progress,
                start_time=start_time,
                finish_time=finish_time,
                operator=operator,
            )
        _parsed_model_.additional_properties = additional_properties
        return _parsed_model_

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
