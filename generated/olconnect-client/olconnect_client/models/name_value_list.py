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
        "properties",
        "id",
    }
)


T = TypeVar("T", bound="NameValueList")


@_attrs_define
class NameValueList:
    """JSON Name/Value List – the ID of one entity together with a list of name/value pairs (see OLC-08 in
    spec/DECISIONS.md).

    """

    properties: list[Property]
    """ JSON Name/Value List (Properties Only) – a bare array of name/value pairs, in stored order. Duplicate names
    are possible (see OLC-16 in spec/DECISIONS.md). """
    id: int | Unset = UNSET
    """ Numeric identifier of a data entity (job, job segment, document set, content item …). The pages say only
    "number"; the server stores IDs as Java longs, but neither a range nor a sign is documented, so none is set here
    (see OLC-05 and OLC-20 in spec/DECISIONS.md). """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        properties = []
        for componentsschemas_property_list_item_data in self.properties:
            componentsschemas_property_list_item = componentsschemas_property_list_item_data.to_dict()
            properties.append(componentsschemas_property_list_item)

        id = self.id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "properties": properties,
            }
        )
        if id is not UNSET:
            field_dict["id"] = id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        _properties_item = Property.from_dict
        properties = [
            _properties_item(componentsschemas_property_list_item_data)
            for componentsschemas_property_list_item_data in src_dict["properties"]
        ]

        id = src_dict.get("id", UNSET)

        # Usually no member is left over, and telling that is cheaper than the comprehension.
        additional_properties: dict[str, Any] = (
            {}
            if len(src_dict) == 1 + (id is not UNSET)
            else {k: v for k, v in src_dict.items() if k not in _PROPERTY_NAMES}
        )

        if cls is NameValueList:
            # The exact generated class: fill the slots directly. attrs' __init__ would make the same assignments,
            # and skipping the keyword call saves about a third of the construction time on big responses.
            _parsed_model_ = _object_new(cls)
            _parsed_model_.properties = properties
            _parsed_model_.id = id
        else:
            # A user subclass may add fields or an __init__ of its own: build it the ordinary way.
            _parsed_model_ = cls(
                properties=properties,
                id=id,
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


# Imported at the end, not inside every method call as the stock template does: models that refer to each
# other would import circularly at the top, and an import statement run on each from_dict call costs about a
# microsecond, a large share of decoding a big response.
from ..models.property_ import Property  # noqa: E402
