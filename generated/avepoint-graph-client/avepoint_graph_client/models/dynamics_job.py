from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._runtime.open_enums import ValueLookup as _ValueLookup  # noqa: E402
from ..models.dynamics_job_status import DynamicsJobStatus
from ..models.dynamics_job_type import DynamicsJobType
from ..types import UNSET, Unset

_DynamicsJobType_BY_VALUE = _ValueLookup(DynamicsJobType)
_DynamicsJobStatus_BY_VALUE = _ValueLookup(DynamicsJobStatus)
_object_new = object.__new__

# The JSON member names this model declares; any other member goes to additional_properties.
_PROPERTY_NAMES = frozenset(
    {
        "type",
        "jobId",
        "status",
        "module",
        "startTime",
        "finishTime",
        "durationHours",
        "successfulEntity",
        "failedEntity",
        "skippedEntity",
        "warningEntity",
        "totalEntity",
        "successfulRecord",
        "failedRecord",
        "skippedRecord",
        "warningRecord",
        "totalRecord",
        "backupSize",
        "organizationId",
        "organizationName",
    }
)


T = TypeVar("T", bound="DynamicsJob")


@_attrs_define
class DynamicsJob:
    """One Cloud Backup for Dynamics 365 job. `durationHours` is in hours, `backupSize` in bytes. Unknown members are
    allowed.

    """

    type_: DynamicsJobType
    """ Kind of Dynamics 365 job (0 matches every kind as a filter). """
    job_id: str
    """ Job ID. """
    status: DynamicsJobStatus
    """ State of a Dynamics 365 job (its own numbering, unlike the other services). """
    module: str | Unset = UNSET
    """ The Dynamics 365 module, such as `Customer Engagement`. """
    start_time: str | Unset = UNSET
    """ When the job started (UTC). """
    finish_time: None | str | Unset = UNSET
    """ When the job finished; empty, null or absent while it runs. """
    duration_hours: float | Unset = UNSET
    """ How long the job ran, in hours. """
    successful_entity: int | Unset = UNSET
    """ Entities that succeeded. """
    failed_entity: int | Unset = UNSET
    """ Entities that failed. """
    skipped_entity: int | Unset = UNSET
    """ Entities that were skipped. """
    warning_entity: int | Unset = UNSET
    """ Entities with warnings. """
    total_entity: int | Unset = UNSET
    """ Entities handled. """
    successful_record: int | Unset = UNSET
    """ Records that succeeded. """
    failed_record: int | Unset = UNSET
    """ Records that failed. """
    skipped_record: int | Unset = UNSET
    """ Records that were skipped. """
    warning_record: int | Unset = UNSET
    """ Records with warnings. """
    total_record: int | Unset = UNSET
    """ Records handled. """
    backup_size: int | Unset = UNSET
    """ Backup size in bytes. """
    organization_id: str | Unset = UNSET
    """ The organization (a GUID). """
    organization_name: str | Unset = UNSET
    """ The organization's name. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = DynamicsJobType(self.type_).value

        job_id = self.job_id

        status = DynamicsJobStatus(self.status).value

        module = self.module

        start_time = self.start_time

        finish_time: None | str | Unset
        if isinstance(self.finish_time, Unset):
            finish_time = UNSET
        else:
            finish_time = self.finish_time

        duration_hours = self.duration_hours

        successful_entity = self.successful_entity

        failed_entity = self.failed_entity

        skipped_entity = self.skipped_entity

        warning_entity = self.warning_entity

        total_entity = self.total_entity

        successful_record = self.successful_record

        failed_record = self.failed_record

        skipped_record = self.skipped_record

        warning_record = self.warning_record

        total_record = self.total_record

        backup_size = self.backup_size

        organization_id = self.organization_id

        organization_name = self.organization_name

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "jobId": job_id,
                "status": status,
            }
        )
        if module is not UNSET:
            field_dict["module"] = module
        if start_time is not UNSET:
            field_dict["startTime"] = start_time
        if finish_time is not UNSET:
            field_dict["finishTime"] = finish_time
        if duration_hours is not UNSET:
            field_dict["durationHours"] = duration_hours
        if successful_entity is not UNSET:
            field_dict["successfulEntity"] = successful_entity
        if failed_entity is not UNSET:
            field_dict["failedEntity"] = failed_entity
        if skipped_entity is not UNSET:
            field_dict["skippedEntity"] = skipped_entity
        if warning_entity is not UNSET:
            field_dict["warningEntity"] = warning_entity
        if total_entity is not UNSET:
            field_dict["totalEntity"] = total_entity
        if successful_record is not UNSET:
            field_dict["successfulRecord"] = successful_record
        if failed_record is not UNSET:
            field_dict["failedRecord"] = failed_record
        if skipped_record is not UNSET:
            field_dict["skippedRecord"] = skipped_record
        if warning_record is not UNSET:
            field_dict["warningRecord"] = warning_record
        if total_record is not UNSET:
            field_dict["totalRecord"] = total_record
        if backup_size is not UNSET:
            field_dict["backupSize"] = backup_size
        if organization_id is not UNSET:
            field_dict["organizationId"] = organization_id
        if organization_name is not UNSET:
            field_dict["organizationName"] = organization_name

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        type_ = _DynamicsJobType_BY_VALUE[src_dict["type"]]

        job_id = src_dict["jobId"]

        status = _DynamicsJobStatus_BY_VALUE[src_dict["status"]]

        module = src_dict.get("module", UNSET)

        start_time = src_dict.get("startTime", UNSET)

        _finish_time_data = src_dict.get("finishTime", UNSET)
        finish_time: None | str | Unset
        if _finish_time_data is None:
            finish_time = None
        elif isinstance(_finish_time_data, Unset):
            finish_time = UNSET
        else:
            finish_time = cast("None | str | Unset", _finish_time_data)

        duration_hours = src_dict.get("durationHours", UNSET)

        successful_entity = src_dict.get("successfulEntity", UNSET)

        failed_entity = src_dict.get("failedEntity", UNSET)

        skipped_entity = src_dict.get("skippedEntity", UNSET)

        warning_entity = src_dict.get("warningEntity", UNSET)

        total_entity = src_dict.get("totalEntity", UNSET)

        successful_record = src_dict.get("successfulRecord", UNSET)

        failed_record = src_dict.get("failedRecord", UNSET)

        skipped_record = src_dict.get("skippedRecord", UNSET)

        warning_record = src_dict.get("warningRecord", UNSET)

        total_record = src_dict.get("totalRecord", UNSET)

        backup_size = src_dict.get("backupSize", UNSET)

        organization_id = src_dict.get("organizationId", UNSET)

        organization_name = src_dict.get("organizationName", UNSET)

        # Usually no member is left over, and telling that is cheaper than the comprehension.
        additional_properties: dict[str, Any] = (
            {}
            if src_dict.keys() <= _PROPERTY_NAMES
            else {k: v for k, v in src_dict.items() if k not in _PROPERTY_NAMES}
        )

        if cls is DynamicsJob:
            # The exact generated class: fill the slots directly. attrs' __init__ would make the same assignments,
            # and skipping the keyword call saves about a third of the construction time on big responses.
            _parsed_model_ = _object_new(cls)
            _parsed_model_.type_ = type_
            _parsed_model_.job_id = job_id
            _parsed_model_.status = status
            _parsed_model_.module = module
            _parsed_model_.start_time = start_time
            _parsed_model_.finish_time = finish_time
            _parsed_model_.duration_hours = duration_hours
            _parsed_model_.successful_entity = successful_entity
            _parsed_model_.failed_entity = failed_entity
            _parsed_model_.skipped_entity = skipped_entity
            _parsed_model_.warning_entity = warning_entity
            _parsed_model_.total_entity = total_entity
            _parsed_model_.successful_record = successful_record
            _parsed_model_.failed_record = failed_record
            _parsed_model_.skipped_record = skipped_record
            _parsed_model_.warning_record = warning_record
            _parsed_model_.total_record = total_record
            _parsed_model_.backup_size = backup_size
            _parsed_model_.organization_id = organization_id
            _parsed_model_.organization_name = organization_name
        else:
            # A user subclass may add fields or an __init__ of its own: build it the ordinary way.
            _parsed_model_ = cls(
                type_=type_,
                job_id=job_id,
                status=status,
                module=module,
                start_time=start_time,
                finish_time=finish_time,
                duration_hours=duration_hours,
                successful_entity=successful_entity,
                failed_entity=failed_entity,
                skipped_entity=skipped_entity,
                warning_entity=warning_entity,
                total_entity=total_entity,
                successful_record=successful_record,
                failed_record=failed_record,
                skipped_record=skipped_record,
                warning_record=warning_record,
                total_record=total_record,
                backup_size=backup_size,
                organization_id=organization_id,
                organization_name=organization_name,
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
