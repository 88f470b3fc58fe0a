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
        "isErrorCode",
        "value",
        "url",
        "number",
    }
)


T = TypeVar("T", bound="M365JobError")


@_attrs_define
class M365JobError:
    """One error of a Microsoft 365 job."""

    is_error_code: bool | Unset = UNSET
    """ Whether `value` is an error code rather than a message. """
    value: str | Unset = UNSET
    """ The error code or message. """
    url: str | Unset = UNSET
    """ Where the error happened. """
    number: int | Unset = UNSET
    """ How many items hit this error. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        is_error_code = self.is_error_code

        value = self.value

        url = self.url

        number = self.number

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if is_error_code is not UNSET:
            field_dict["isErrorCode"] = is_error_code
        if value is not UNSET:
            field_dict["value"] = value
        if url is not UNSET:
            field_dict["url"] = url
        if number is not UNSET:
            field_dict["number"] = number

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        is_error_code = src_dict.get("isErrorCode", UNSET)

        value = src_dict.get("value", UNSET)

        url = src_dict.get("url", UNSET)

        number = src_dict.get("number", UNSET)

        # Usually no member is left over, and telling that is cheaper than the comprehension.
        additional_properties: dict[str, Any] = (
            {}
            if len(src_dict)
            == 0
            + (is_error_code is not UNSET)
            + (value is not UNSET)
            + (url is not UNSET)
            + (number is not UNSET)
            else {k: v for k, v in src_dict.items() if k not in _PROPERTY_NAMES}
        )

        if cls is M365JobError:
            # The exact generated class: fill the slots directly. attrs' __init__ would make the same assignments,
            # and skipping the keyword call saves about a third of the construction time on big responses.
            _parsed_model_ = _object_new(cls)
            _parsed_model_.is_error_code = is_error_code
            _parsed_model_.value = value
            _parsed_model_.url = url
            _parsed_model_.number = number
        else:
            # A user subclass may add fields or an __init__ of its own: build it the ordinary way.
            _parsed_model_ = cls(
                is_error_code=is_error_code,
                value=value,
                url=url,
                number=number,
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
