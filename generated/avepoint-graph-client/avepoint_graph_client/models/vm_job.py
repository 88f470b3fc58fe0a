from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._runtime.open_enums import ValueLookup as _ValueLookup  # noqa: E402
from ..models.vm_job_status import VmJobStatus
from ..models.vm_job_type import VmJobType
from ..types import UNSET, Unset

_VmJobStatus_BY_VALUE = _ValueLookup(VmJobStatus)
_VmJobType_BY_VALUE = _ValueLookup(VmJobType)
_object_new = object.__new__

# The JSON member names this model declares; any other member goes to additional_properties.
_PROPERTY_NAMES = frozenset(
    {
        "jobId",
        "status",
        "jobType",
        "failedCount",
        "successfulCount",
        "skippedCount",
        "totalCount",
        "startTime",
        "finishTime",
        "duration",
        "comments",
    }
)


T = TypeVar("T", bound="VmJob")


@_attrs_define
class VmJob:
    """One Cloud Backup for IaaS + PaaS job. `duration` is a .NET time span (`hh:mm:ss`, or `d.hh:mm:ss` past a day).
    Unknown members are allowed.

    """

    job_id: str
    """ Job ID. """
    status: VmJobStatus
    """ State of an IaaS + PaaS job (bit values). """
    job_type: VmJobType | Unset = UNSET
    """ Kind of IaaS + PaaS job (48 values at c1b3210; the list grows with new services). """
    failed_count: int | Unset = UNSET
    """ Objects that failed. """
    successful_count: int | Unset = UNSET
    """ Objects that succeeded. """
    skipped_count: int | Unset = UNSET
    """ Objects that were skipped. """
    total_count: int | Unset = UNSET
    """ Objects handled. """
    start_time: str | Unset = UNSET
    """ When the job started (ISO 8601, UTC). """
    finish_time: None | str | Unset = UNSET
    """ When the job finished; empty, null or absent while it runs. """
    duration: str | Unset = UNSET
    """ How long the job ran, as a .NET time span. """
    comments: None | str | Unset = UNSET
    """ Comments on the job. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        job_id = self.job_id

        status = VmJobStatus(self.status).value

        job_type: int | Unset = UNSET
        if not isinstance(self.job_type, Unset):
            job_type = VmJobType(self.job_type).value

        failed_count = self.failed_count

        successful_count = self.successful_count

        skipped_count = self.skipped_count

        total_count = self.total_count

        start_time = self.start_time

        finish_time: None | str | Unset
        if isinstance(self.finish_time, Unset):
            finish_time = UNSET
        else:
            finish_time = self.finish_time

        duration = self.duration

        comments: None | str | Unset
        if isinstance(self.comments, Unset):
            comments = UNSET
        else:
            comments = self.comments

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "jobId": job_id,
                "status": status,
            }
        )
        if job_type is not UNSET:
            field_dict["jobType"] = job_type
        if failed_count is not UNSET:
            field_dict["failedCount"] = failed_count
        if successful_count is not UNSET:
            field_dict["successfulCount"] = successful_count
        if skipped_count is not UNSET:
            field_dict["skippedCount"] = skipped_count
        if total_count is not UNSET:
            field_dict["totalCount"] = total_count
        if start_time is not UNSET:
            field_dict["startTime"] = start_time
        if finish_time is not UNSET:
            field_dict["finishTime"] = finish_time
        if duration is not UNSET:
            field_dict["duration"] = duration
        if comments is not UNSET:
            field_dict["comments"] = comments

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        job_id = src_dict["jobId"]

        status = _VmJobStatus_BY_VALUE[src_dict["status"]]

        _job_type = src_dict.get("jobType", UNSET)
        job_type: VmJobType | Unset
        if isinstance(_job_type, Unset):
            job_type = UNSET
        else:
            job_type = _VmJobType_BY_VALUE[_job_type]

        failed_count = src_dict.get("failedCount", UNSET)

        successful_count = src_dict.get("successfulCount", UNSET)

        skipped_count = src_dict.get("skippedCount", UNSET)

        total_count = src_dict.get("totalCount", UNSET)

        start_time = src_dict.get("startTime", UNSET)

        _finish_time_data = src_dict.get("finishTime", UNSET)
        finish_time: None | str | Unset
        if _finish_time_data is None:
            finish_time = None
        elif isinstance(_finish_time_data, Unset):
            finish_time = UNSET
        else:
            finish_time = cast("None | str | Unset", _finish_time_data)

        duration = src_dict.get("duration", UNSET)

        _comments_data = src_dict.get("comments", UNSET)
        comments: None | str | Unset
        if _comments_data is None:
            comments = None
        elif isinstance(_comments_data, Unset):
            comments = UNSET
        else:
            comments = cast("None | str | Unset", _comments_data)

        # Usually no member is left over, and telling that is cheaper than the comprehension.
        additional_properties: dict[str, Any] = (
            {}
            if src_dict.keys() <= _PROPERTY_NAMES
            else {k: v for k, v in src_dict.items() if k not in _PROPERTY_NAMES}
        )

        if cls is VmJob:
            # The exact generated class: fill the slots directly. attrs' __init__ would make the same assignments,
            # and skipping the keyword call saves about a third of the construction time on big responses.
            _parsed_model_ = _object_new(cls)
            _parsed_model_.job_id = job_id
            _parsed_model_.status = status
            _parsed_model_.job_type = job_type
            _parsed_model_.failed_count = failed_count
            _parsed_model_.successful_count = successful_count
            _parsed_model_.skipped_count = skipped_count
            _parsed_model_.total_count = total_count
            _parsed_model_.start_time = start_time
            _parsed_model_.finish_time = finish_time
            _parsed_model_.duration = duration
            _parsed_model_.comments = comments
        else:
            # A user subclass may add fields or an __init__ of its own: build it the ordinary way.
            _parsed_model_ = cls(
                job_id=job_id,
                status=status,
                job_type=job_type,
                failed_count=failed_count,
                successful_count=successful_count,
                skipped_count=skipped_count,
                total_count=total_count,
                start_time=start_time,
                finish_time=finish_time,
                duration=duration,
                comments=comments,
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
