from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.app_type import AppType
from ..models.data_source import DataSource
from ..models.job_status import JobStatus
from ..models.job_type import JobType
from ..types import UNSET, Unset

_AppType_BY_VALUE = cast("dict[Any, AppType]", AppType._value2member_map_)
_JobType_BY_VALUE = cast("dict[Any, JobType]", JobType._value2member_map_)
_DataSource_BY_VALUE = cast("dict[Any, DataSource]", DataSource._value2member_map_)
_JobStatus_BY_VALUE = cast("dict[Any, JobStatus]", JobStatus._value2member_map_)
_fromisoformat = datetime.datetime.fromisoformat
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
        "operator",
        "finishTime",
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
    start_time: datetime.datetime | str
    """ A date-time in ISO 8601 format, UTC unless an offset says otherwise (the pages ask for no more). Either an
    RFC 3339 date-time with an offset (what the vendor sample shows and our mock sends) or the same without
    the offset (AVE-07). The second form's pattern admits real calendar dates only (leap years included),
    and not year 0000: ISO 8601 allows it only by mutual agreement, and .NET and Java dates cannot hold it.
     """
    operator: str
    """ Who ran the job (`System` for scheduled jobs). """
    finish_time: datetime.datetime | None | str | Unset = UNSET
    """ When the job ended, an ISO 8601 string. The pages say nothing about running jobs; a server may leave
    the member out, send an empty string or a placeholder time (variant `ave.running-finish-time`). `null`
    is admitted as well, although the pages type the member as a string, so that clients tolerate it
    (AVE-10).
     """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        job_id = self.job_id

        app_type = AppType(self.app_type).value

        job_type = JobType(self.job_type).value

        data_source = DataSource(self.data_source).value

        status = JobStatus(self.status).value

        progress = self.progress

        start_time: str
        if isinstance(self.start_time, datetime.datetime):
            start_time = self.start_time.isoformat()
        else:
            start_time = self.start_time

        operator = self.operator

        finish_time: None | str | Unset
        if isinstance(self.finish_time, Unset):
            finish_time = UNSET
        elif isinstance(self.finish_time, datetime.datetime):
            finish_time = self.finish_time.isoformat()
        else:
            finish_time = self.finish_time

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
                "operator": operator,
            }
        )
        if finish_time is not UNSET:
            field_dict["finishTime"] = finish_time

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        job_id = src_dict["jobId"]

        app_type = _AppType_BY_VALUE.get(src_dict["appType"]) or AppType(src_dict["appType"])

        job_type = _JobType_BY_VALUE.get(src_dict["jobType"]) or JobType(src_dict["jobType"])

        data_source = _DataSource_BY_VALUE.get(src_dict["dataSource"]) or DataSource(src_dict["dataSource"])

        status = _JobStatus_BY_VALUE.get(src_dict["status"]) or JobStatus(src_dict["status"])

        progress = src_dict["progress"]

        _start_time_data = src_dict["startTime"]
        start_time: datetime.datetime | str
        _start_time_found = False
        if isinstance(_start_time_data, str):
            try:
                componentsschemas_iso_date_time_type_0 = _fromisoformat(_start_time_data)

                start_time = componentsschemas_iso_date_time_type_0
                _start_time_found = True
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
        if not _start_time_found:
            start_time = cast("datetime.datetime | str", _start_time_data)

        operator = src_dict["operator"]

        _finish_time_data = src_dict.get("finishTime", UNSET)
        finish_time: datetime.datetime | None | str | Unset
        if _finish_time_data is None:
            finish_time = None
        elif isinstance(_finish_time_data, Unset):
            finish_time = UNSET
        else:
            _finish_time_found = False
            if isinstance(_finish_time_data, str):
                try:
                    componentsschemas_iso_date_time_type_0 = _fromisoformat(_finish_time_data)

                    finish_time = componentsschemas_iso_date_time_type_0
                    _finish_time_found = True
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
            if not _finish_time_found:
                finish_time = cast("datetime.datetime | None | str | Unset", _finish_time_data)

        # Usually no member is left over, and telling that is cheaper than the comprehension.
        additional_properties: dict[str, Any] = (
            {}
            if len(src_dict) == 8 + (finish_time is not UNSET)
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
            _parsed_model_.operator = operator
            _parsed_model_.finish_time = finish_time
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
                operator=operator,
                finish_time=finish_time,
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
