from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

_object_new = object.__new__


T = TypeVar("T", bound="RuntimeParameters")


@_attrs_define
class RuntimeParameters:
    """Runtime parameters by name; each value is a string, a number or a boolean. A subset of the preset's parameters may
    be given.

    """

    additional_properties: dict[str, bool | float | str] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:

        field_dict: dict[str, Any] = {}
        for prop_name, prop in self.additional_properties.items():
            field_dict[prop_name] = prop

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        additional_properties: dict[str, bool | float | str] = {}
        for prop_name, prop_dict in src_dict.items():
            _additional_property_data = prop_dict
            additional_property: bool | float | str
            additional_property = cast("bool | float | str", _additional_property_data)

            additional_properties[prop_name] = additional_property

        if cls is RuntimeParameters:
            # The exact generated class: fill the slots directly. attrs' __init__ would make the same assignments,
            # and skipping the keyword call saves about a third of the construction time on big responses.
            _parsed_model_ = _object_new(cls)
        else:
            # A user subclass may add fields or an __init__ of its own: build it the ordinary way.
            _parsed_model_ = cls()
        _parsed_model_.additional_properties = additional_properties
        return _parsed_model_

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> bool | float | str:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: bool | float | str) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
