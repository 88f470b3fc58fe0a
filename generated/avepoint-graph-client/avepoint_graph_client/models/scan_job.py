from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._runtime.open_enums import ValueLookup as _ValueLookup  # noqa: E402
from ..models.scan_category import ScanCategory
from ..models.scan_job_state import ScanJobState
from ..models.scan_job_type import ScanJobType
from ..types import UNSET, Unset

_ScanJobState_BY_VALUE = _ValueLookup(ScanJobState)
_ScanJobType_BY_VALUE = _ValueLookup(ScanJobType)
_ScanCategory_BY_VALUE = _ValueLookup(ScanCategory)
_object_new = object.__new__

# The JSON member names this model declares; any other member goes to additional_properties.
_PROPERTY_NAMES = frozenset(
    {
        "id",
        "state",
        "type",
        "startTime",
        "finishTime",
        "scanProfileName",
        "category",
        "extension",
    }
)


T = TypeVar("T", bound="ScanJob")


@_attrs_define
class ScanJob:
    """One AOS scan job. `extension` is reserved (null today). Unknown members are allowed."""

    id: str
    """ Job ID. """
    state: ScanJobState
    """ State of a scan job. """
    type_: ScanJobType | Unset = UNSET
    """ Kind of scan job. """
    start_time: str | Unset = UNSET
    """ When the scan started. """
    finish_time: None | str | Unset = UNSET
    """ When the scan finished; empty, null or absent while it runs. """
    scan_profile_name: str | Unset = UNSET
    """ The scan profile that ran. """
    category: ScanCategory | Unset = UNSET
    """ What a scan covers. """
    extension: Any | Unset = UNSET
    """ Reserved for more facts; null today. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        state = ScanJobState(self.state).value

        type_: int | Unset = UNSET
        if not isinstance(self.type_, Unset):
            type_ = ScanJobType(self.type_).value

        start_time = self.start_time

        finish_time: None | str | Unset
        if isinstance(self.finish_time, Unset):
            finish_time = UNSET
        else:
            finish_time = self.finish_time

        scan_profile_name = self.scan_profile_name

        category: int | Unset = UNSET
        if not isinstance(self.category, Unset):
            category = ScanCategory(self.category).value

        extension = self.extension

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "state": state,
            }
        )
        if type_ is not UNSET:
            field_dict["type"] = type_
        if start_time is not UNSET:
            field_dict["startTime"] = start_time
        if finish_time is not UNSET:
            field_dict["finishTime"] = finish_time
        if scan_profile_name is not UNSET:
            field_dict["scanProfileName"] = scan_profile_name
        if category is not UNSET:
            field_dict["category"] = category
        if extension is not UNSET:
            field_dict["extension"] = extension

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        id = src_dict["id"]

        state = _ScanJobState_BY_VALUE[src_dict["state"]]

        _type_ = src_dict.get("type", UNSET)
        type_: ScanJobType | Unset
        if isinstance(_type_, Unset):
            type_ = UNSET
        else:
            type_ = _ScanJobType_BY_VALUE[_type_]

        start_time = src_dict.get("startTime", UNSET)

        _finish_time_data = src_dict.get("finishTime", UNSET)
        finish_time: None | str | Unset
        if _finish_time_data is None:
            finish_time = None
        elif isinstance(_finish_time_data, Unset):
            finish_time = UNSET
        else:
            finish_time = cast("None | str | Unset", _finish_time_data)

        scan_profile_name = src_dict.get("scanProfileName", UNSET)

        _category = src_dict.get("category", UNSET)
        category: ScanCategory | Unset
        if isinstance(_category, Unset):
            category = UNSET
        else:
            category = _ScanCategory_BY_VALUE[_category]

        extension = src_dict.get("extension", UNSET)

        # Usually no member is left over, and telling that is cheaper than the comprehension.
        additional_properties: dict[str, Any] = (
            {}
            if len(src_dict)
            == 2
            + (type_ is not UNSET)
            + (start_time is not UNSET)
            + (finish_time is not UNSET)
            + (scan_profile_name is not UNSET)
            + (category is not UNSET)
            + (extension is not UNSET)
            else {k: v for k, v in src_dict.items() if k not in _PROPERTY_NAMES}
        )

        if cls is ScanJob:
            # The exact generated class: fill the slots directly. attrs' __init__ would make the same assignments,
            # and skipping the keyword call saves about a third of the construction time on big responses.
            _parsed_model_ = _object_new(cls)
            _parsed_model_.id = id
            _parsed_model_.state = state
            _parsed_model_.type_ = type_
            _parsed_model_.start_time = start_time
            _parsed_model_.finish_time = finish_time
            _parsed_model_.scan_profile_name = scan_profile_name
            _parsed_model_.category = category
            _parsed_model_.extension = extension
        else:
            # A user subclass may add fields or an __init__ of its own: build it the ordinary way.
            _parsed_model_ = cls(
                id=id,
                state=state,
                type_=type_,
                start_time=start_time,
                finish_time=finish_time,
                scan_profile_name=scan_profile_name,
                category=category,
                extension=extension,
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
