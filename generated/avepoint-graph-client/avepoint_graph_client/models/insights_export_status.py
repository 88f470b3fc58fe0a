from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._runtime.open_enums import ValueLookup as _ValueLookup  # noqa: E402
from ..models.insights_job_status import InsightsJobStatus
from ..types import UNSET, Unset

_InsightsJobStatus_BY_VALUE = _ValueLookup(InsightsJobStatus)
_object_new = object.__new__

# The JSON member names this model declares; any other member goes to additional_properties.
_PROPERTY_NAMES = frozenset(
    {
        "jobStatus",
        "status",
        "message",
    }
)


T = TypeVar("T", bound="InsightsExportStatus")


@_attrs_define
class InsightsExportStatus:
    """The state of an Insights export job, with the HTTP status and a message."""

    job_status: InsightsJobStatus
    """ State of an Insights export job. """
    status: int | Unset = UNSET
    """ The HTTP status code. """
    message: None | str | Unset = UNSET
    """ A message, empty on success. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        job_status = InsightsJobStatus(self.job_status).value

        status = self.status

        message: None | str | Unset
        if isinstance(self.message, Unset):
            message = UNSET
        else:
            message = self.message

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "jobStatus": job_status,
            }
        )
        if status is not UNSET:
            field_dict["status"] = status
        if message is not UNSET:
            field_dict["message"] = message

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        job_status = _InsightsJobStatus_BY_VALUE[src_dict["jobStatus"]]

        status = src_dict.get("status", UNSET)

        _message_data = src_dict.get("message", UNSET)
        message: None | str | Unset
        if _message_data is None:
            message = None
        elif isinstance(_message_data, Unset):
            message = UNSET
        else:
            message = cast("None | str | Unset", _message_data)

        # Usually no member is left over, and telling that is cheaper than the comprehension.
        additional_properties: dict[str, Any] = (
            {}
            if len(src_dict) == 1 + (status is not UNSET) + (message is not UNSET)
            else {k: v for k, v in src_dict.items() if k not in _PROPERTY_NAMES}
        )

        if cls is InsightsExportStatus:
            # The exact generated class: fill the slots directly. attrs' __init__ would make the same assignments,
            # and skipping the keyword call saves about a third of the construction time on big responses.
            _parsed_model_ = _object_new(cls)
            _parsed_model_.job_status = job_status
            _parsed_model_.status = status
            _parsed_model_.message = message
        else:
            # A user subclass may add fields or an __init__ of its own: build it the ordinary way.
            _parsed_model_ = cls(
                job_status=job_status,
                status=status,
                message=message,
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
