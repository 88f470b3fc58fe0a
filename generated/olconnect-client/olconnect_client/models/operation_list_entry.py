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
        "id",
        "type",
        "progress",
        "subTask",
        "startTime",
        "template",
    }
)


T = TypeVar("T", bound="OperationListEntry")


@_attrs_define
class OperationListEntry:
    """One active operation. Unknown extra members are allowed (OLC-54)."""

    id: str
    """ ID of an asynchronous operation. The operations list shows UUID-like strings and the pages type the path
    parameter as a number; the spec takes any non-empty text (OLC-52). """
    type_: str
    """ The service running it, e.g. `JobCreationRestService` or `OutputCreationRestService`. """
    progress: float
    """ How far it has come, 0 to 100. """
    sub_task: str | Unset = UNSET
    """ What the operation is doing now. """
    start_time: int | Unset = UNSET
    """ When it started, in milliseconds since the Unix epoch. """
    template: str | Unset = UNSET
    """ The template, on content creation and All-In-One operations only. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        type_ = self.type_

        progress = self.progress

        sub_task = self.sub_task

        start_time = self.start_time

        template = self.template

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "type": type_,
                "progress": progress,
            }
        )
        if sub_task is not UNSET:
            field_dict["subTask"] = sub_task
        if start_time is not UNSET:
            field_dict["startTime"] = start_time
        if template is not UNSET:
            field_dict["template"] = template

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        id = src_dict["id"]

        type_ = src_dict["type"]

        progress = src_dict["progress"]

        sub_task = src_dict.get("subTask", UNSET)

        start_time = src_dict.get("startTime", UNSET)

        template = src_dict.get("template", UNSET)

        # Usually no member is left over, and telling that is cheaper than the comprehension.
        additional_properties: dict[str, Any] = (
            {}
            if len(src_dict)
            == 3 + (sub_task is not UNSET) + (start_time is not UNSET) + (template is not UNSET)
            else {k: v for k, v in src_dict.items() if k not in _PROPERTY_NAMES}
        )

        if cls is OperationListEntry:
            # The exact generated class: fill the slots directly. attrs' __init__ would make the same assignments,
            # and skipping the keyword call saves about a third of the construction time on big responses.
            _parsed_model_ = _object_new(cls)
            _parsed_model_.id = id
            _parsed_model_.type_ = type_
            _parsed_model_.progress = progress
            _parsed_model_.sub_task = sub_task
            _parsed_model_.start_time = start_time
            _parsed_model_.template = template
        else:
            # A user subclass may add fields or an __init__ of its own: build it the ordinary way.
            _parsed_model_ = cls(
                id=id,
                type_=type_,
                progress=progress,
                sub_task=sub_task,
                start_time=start_time,
                template=template,
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
