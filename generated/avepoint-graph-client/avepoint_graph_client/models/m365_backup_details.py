from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

_object_new = object.__new__

# The JSON member names this model declares; any other member goes to additional_properties.
_PROPERTY_NAMES = frozenset(
    {
        "totalNumber",
        "failedNumber",
        "successfulNumber",
        "skippedNumber",
        "totalCount",
        "failedCount",
        "successfulCount",
        "skippedCount",
    }
)


T = TypeVar("T", bound="M365BackupDetails")


@_attrs_define
class M365BackupDetails:
    """Item counts of a Microsoft 365 job. The table (and the job-details sample) name them `totalNumber`, `failedNumber`,
    `successfulNumber`, `skippedNumber`; the job-list sample `totalCount`, `failedCount`, `successfulCount`,
    `skippedCount`. Both spellings are admitted and none is required (AVE-42, variant `ave.m365-detail-names`).

    """

    total_number: int | Unset = UNSET
    """ Items the job handled. """
    failed_number: int | Unset = UNSET
    """ Items that failed. """
    successful_number: int | Unset = UNSET
    """ Items that succeeded. """
    skipped_number: int | Unset = UNSET
    """ Items that were skipped. """
    total_count: int | Unset = UNSET
    """ The job-list sample's name for `totalNumber`. """
    failed_count: int | Unset = UNSET
    """ The job-list sample's name for `failedNumber`. """
    successful_count: int | Unset = UNSET
    """ The job-list sample's name for `successfulNumber`. """
    skipped_count: int | Unset = UNSET
    """ The job-list sample's name for `skippedNumber`. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        total_number = self.total_number

        failed_number = self.failed_number

        successful_number = self.successful_number

        skipped_number = self.skipped_number

        total_count = self.total_count

        failed_count = self.failed_count

        successful_count = self.successful_count

        skipped_count = self.skipped_count

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if total_number is not UNSET:
            field_dict["totalNumber"] = total_number
        if failed_number is not UNSET:
            field_dict["failedNumber"] = failed_number
        if successful_number is not UNSET:
            field_dict["successfulNumber"] = successful_number
        if skipped_number is not UNSET:
            field_dict["skippedNumber"] = skipped_number
        if total_count is not UNSET:
            field_dict["totalCount"] = total_count
        if failed_count is not UNSET:
            field_dict["failedCount"] = failed_count
        if successful_count is not UNSET:
            field_dict["successfulCount"] = successful_count
        if skipped_count is not UNSET:
            field_dict["skippedCount"] = skipped_count

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        total_number = src_dict.get("totalNumber", UNSET)

        failed_number = src_dict.get("failedNumber", UNSET)

        successful_number = src_dict.get("successfulNumber", UNSET)

        skipped_number = src_dict.get("skippedNumber", UNSET)

        total_count = src_dict.get("totalCount", UNSET)

        failed_count = src_dict.get("failedCount", UNSET)

        successful_count = src_dict.get("successfulCount", UNSET)

        skipped_count = src_dict.get("skippedCount", UNSET)

        # Usually no member is left over, and telling that is cheaper than the comprehension.
        additional_properties: dict[str, Any] = (
            {}
            if len(src_dict)
            == 0
            + (total_number is not UNSET)
            + (failed_number is not UNSET)
            + (successful_number is not UNSET)
            + (skipped_number is not UNSET)
            + (total_count is not UNSET)
            + (failed_count is not UNSET)
            + (successful_count is not UNSET)
            + (skipped_count is not UNSET)
            else {k: v for k, v in src_dict.items() if k not in _PROPERTY_NAMES}
        )

        if cls is M365BackupDetails:
            # The exact generated class: fill the slots directly. attrs' __init__ would make the same assignments,
            # and skipping the keyword call saves about a third of the construction time on big responses.
            _parsed_model_ = _object_new(cls)
            _parsed_model_.total_number = total_number
            _parsed_model_.failed_number = failed_number
            _parsed_model_.successful_number = successful_number
            _parsed_model_.skipped_number = skipped_number
            _parsed_model_.total_count = total_count
            _parsed_model_.failed_count = failed_count
            _parsed_model_.successful_count = successful_count
            _parsed_model_.skipped_count = skipped_count
        else:
            # A user subclass may add fields or an __init__ of its own: build it the ordinary way.
            _parsed_model_ = cls(
                total_number=total_number,
                failed_number=failed_number,
                successful_number=successful_number,
                skipped_number=skipped_number,
                total_count=total_count,
                failed_count=failed_count,
                successful_count=successful_count,
                skipped_count=skipped_count,
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
