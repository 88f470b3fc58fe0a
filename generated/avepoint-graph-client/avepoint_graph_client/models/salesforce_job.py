from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._runtime.open_enums import ValueLookup as _ValueLookup  # noqa: E402
from ..models.salesforce_job_status import SalesforceJobStatus
from ..models.salesforce_job_type import SalesforceJobType
from ..types import UNSET, Unset

_SalesforceJobType_BY_VALUE = _ValueLookup(SalesforceJobType)
_SalesforceJobStatus_BY_VALUE = _ValueLookup(SalesforceJobStatus)
_object_new = object.__new__

# The JSON member names this model declares; any other member goes to additional_properties.
_PROPERTY_NAMES = frozenset(
    {
        "type",
        "jobId",
        "startTime",
        "finishTime",
        "status",
        "state",
        "successfulRecords",
        "skippedRecords",
        "failedRecords",
        "totalRecords",
        "successfulMetadata",
        "failedMetadata",
        "totalMetadata",
        "successfulObjects",
        "skippedObjects",
        "failedObjects",
        "totalObjects",
        "dataSize",
        "apiCalls",
        "organizationId",
    }
)


T = TypeVar("T", bound="SalesforceJob")


@_attrs_define
class SalesforceJob:
    """One Cloud Backup for Salesforce job. The table calls its state `status`, the sample `state`; either is admitted
    (AVE-50, variant `ave.sf-status-name`). Counters are numbers of records, metadata items and objects; `dataSize` is
    in KB. Unknown members are allowed.

    """

    type_: SalesforceJobType
    """ Kind of Salesforce job (0 matches every kind). """
    job_id: str
    """ Job ID. """
    start_time: str | Unset = UNSET
    """ When the job started (UTC). """
    finish_time: None | str | Unset = UNSET
    """ When the job finished; empty, null or absent while it runs. """
    status: SalesforceJobStatus | Unset = UNSET
    """ State of a Salesforce job (0 matches every state as a filter). """
    state: SalesforceJobStatus | Unset = UNSET
    """ State of a Salesforce job (0 matches every state as a filter). """
    successful_records: int | Unset = UNSET
    """ Records that succeeded. """
    skipped_records: int | Unset = UNSET
    """ Records that were skipped. """
    failed_records: int | Unset = UNSET
    """ Records that failed. """
    total_records: int | Unset = UNSET
    """ Records handled. """
    successful_metadata: int | Unset = UNSET
    """ Metadata items that succeeded. """
    failed_metadata: int | Unset = UNSET
    """ Metadata items that failed. """
    total_metadata: int | Unset = UNSET
    """ Metadata items handled. """
    successful_objects: int | Unset = UNSET
    """ Objects that succeeded. """
    skipped_objects: int | Unset = UNSET
    """ Objects that were skipped. """
    failed_objects: int | Unset = UNSET
    """ Objects that failed. """
    total_objects: int | Unset = UNSET
    """ Objects handled. """
    data_size: int | Unset = UNSET
    """ Data size in KB. """
    api_calls: int | Unset = UNSET
    """ Salesforce API calls the job made. """
    organization_id: str | Unset = UNSET
    """ The source organization. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = SalesforceJobType(self.type_).value

        job_id = self.job_id

        start_time = self.start_time

        finish_time: None | str | Unset
        if isinstance(self.finish_time, Unset):
            finish_time = UNSET
        else:
            finish_time = self.finish_time

        status: int | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = SalesforceJobStatus(self.status).value

        state: int | Unset = UNSET
        if not isinstance(self.state, Unset):
            state = SalesforceJobStatus(self.state).value

        successful_records = self.successful_records

        skipped_records = self.skipped_records

        failed_records = self.failed_records

        total_records = self.total_records

        successful_metadata = self.successful_metadata

        failed_metadata = self.failed_metadata

        total_metadata = self.total_metadata

        successful_objects = self.successful_objects

        skipped_objects = self.skipped_objects

        failed_objects = self.failed_objects

        total_objects = self.total_objects

        data_size = self.data_size

        api_calls = self.api_calls

        organization_id = self.organization_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "jobId": job_id,
            }
        )
        if start_time is not UNSET:
            field_dict["startTime"] = start_time
        if finish_time is not UNSET:
            field_dict["finishTime"] = finish_time
        if status is not UNSET:
            field_dict["status"] = status
        if state is not UNSET:
            field_dict["state"] = state
        if successful_records is not UNSET:
            field_dict["successfulRecords"] = successful_records
        if skipped_records is not UNSET:
            field_dict["skippedRecords"] = skipped_records
        if failed_records is not UNSET:
            field_dict["failedRecords"] = failed_records
        if total_records is not UNSET:
            field_dict["totalRecords"] = total_records
        if successful_metadata is not UNSET:
            field_dict["successfulMetadata"] = successful_metadata
        if failed_metadata is not UNSET:
            field_dict["failedMetadata"] = failed_metadata
        if total_metadata is not UNSET:
            field_dict["totalMetadata"] = total_metadata
        if successful_objects is not UNSET:
            field_dict["successfulObjects"] = successful_objects
        if skipped_objects is not UNSET:
            field_dict["skippedObjects"] = skipped_objects
        if failed_objects is not UNSET:
            field_dict["failedObjects"] = failed_objects
        if total_objects is not UNSET:
            field_dict["totalObjects"] = total_objects
        if data_size is not UNSET:
            field_dict["dataSize"] = data_size
        if api_calls is not UNSET:
            field_dict["apiCalls"] = api_calls
        if organization_id is not UNSET:
            field_dict["organizationId"] = organization_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        type_ = _SalesforceJobType_BY_VALUE[src_dict["type"]]

        job_id = src_dict["jobId"]

        start_time = src_dict.get("startTime", UNSET)

        _finish_time_data = src_dict.get("finishTime", UNSET)
        finish_time: None | str | Unset
        if _finish_time_data is None:
            finish_time = None
        elif isinstance(_finish_time_data, Unset):
            finish_time = UNSET
        else:
            finish_time = cast("None | str | Unset", _finish_time_data)

        _status = src_dict.get("status", UNSET)
        status: SalesforceJobStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = _SalesforceJobStatus_BY_VALUE[_status]

        _state = src_dict.get("state", UNSET)
        state: SalesforceJobStatus | Unset
        if isinstance(_state, Unset):
            state = UNSET
        else:
            state = _SalesforceJobStatus_BY_VALUE[_state]

        successful_records = src_dict.get("successfulRecords", UNSET)

        skipped_records = src_dict.get("skippedRecords", UNSET)

        failed_records = src_dict.get("failedRecords", UNSET)

        total_records = src_dict.get("totalRecords", UNSET)

        successful_metadata = src_dict.get("successfulMetadata", UNSET)

        failed_metadata = src_dict.get("failedMetadata", UNSET)

        total_metadata = src_dict.get("totalMetadata", UNSET)

        successful_objects = src_dict.get("successfulObjects", UNSET)

        skipped_objects = src_dict.get("skippedObjects", UNSET)

        failed_objects = src_dict.get("failedObjects", UNSET)

        total_objects = src_dict.get("totalObjects", UNSET)

        data_size = src_dict.get("dataSize", UNSET)

        api_calls = src_dict.get("apiCalls", UNSET)

        organization_id = src_dict.get("organizationId", UNSET)

        # Usually no member is left over, and telling that is cheaper than the comprehension.
        additional_properties: dict[str, Any] = (
            {}
            if src_dict.keys() <= _PROPERTY_NAMES
            else {k: v for k, v in src_dict.items() if k not in _PROPERTY_NAMES}
        )

        if cls is SalesforceJob:
            # The exact generated class: fill the slots directly. attrs' __init__ would make the same assignments,
            # and skipping the keyword call saves about a third of the construction time on big responses.
            _parsed_model_ = _object_new(cls)
            _parsed_model_.type_ = type_
            _parsed_model_.job_id = job_id
            _parsed_model_.start_time = start_time
            _parsed_model_.finish_time = finish_time
            _parsed_model_.status = status
            _parsed_model_.state = state
            _parsed_model_.successful_records = successful_records
            _parsed_model_.skipped_records = skipped_records
            _parsed_model_.failed_records = failed_records
            _parsed_model_.total_records = total_records
            _parsed_model_.successful_metadata = successful_metadata
            _parsed_model_.failed_metadata = failed_metadata
            _parsed_model_.total_metadata = total_metadata
            _parsed_model_.successful_objects = successful_objects
            _parsed_model_.skipped_objects = skipped_objects
            _parsed_model_.failed_objects = failed_objects
            _parsed_model_.total_objects = total_objects
            _parsed_model_.data_size = data_size
            _parsed_model_.api_calls = api_calls
            _parsed_model_.organization_id = organization_id
        else:
            # A user subclass may add fields or an __init__ of its own: build it the ordinary way.
            _parsed_model_ = cls(
                type_=type_,
                job_id=job_id,
                start_time=start_time,
                finish_time=finish_time,
                status=status,
                state=state,
                successful_records=successful_records,
                skipped_records=skipped_records,
                failed_records=failed_records,
                total_records=total_records,
                successful_metadata=successful_metadata,
                failed_metadata=failed_metadata,
                total_metadata=total_metadata,
                successful_objects=successful_objects,
                skipped_objects=skipped_objects,
                failed_objects=failed_objects,
                total_objects=total_objects,
                data_size=data_size,
                api_calls=api_calls,
                organization_id=organization_id,
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
