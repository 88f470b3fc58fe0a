from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

_object_new = object.__new__

# The JSON member names this model declares; any other member goes to additional_properties.
_PROPERTY_NAMES = frozenset(
    {
        "name",
        "type",
        "size",
        "weight",
        "count",
        "color",
    }
)


T = TypeVar("T", bound="Media")


@_attrs_define
class Media:
    """One media (paper stock) used in the job set, with the number of pages printed on it. Documents and document sets
    refer to a media by its zero-based position in the job set's `media` array (see OLC-11 and OLC-19 in
    spec/DECISIONS.md).

    """

    name: str
    """ Name of the media. """
    type_: str
    """ Type of the media. """
    size: MediaSize
    """ Dimensions of a media, as text including the unit. """
    weight: str
    """ Weight of the media, as text including the unit. """
    count: int
    """ Number of pages that use this media in the whole job set. """
    color: None | str | Unset = UNSET
    """ Colour of the media, or null when none is set. Servers may also leave it out. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        type_ = self.type_

        size = self.size.to_dict()

        weight = self.weight

        count = self.count

        color: None | str | Unset
        if isinstance(self.color, Unset):
            color = UNSET
        else:
            color = self.color

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "type": type_,
                "size": size,
                "weight": weight,
                "count": count,
            }
        )
        if color is not UNSET:
            field_dict["color"] = color

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        name = src_dict["name"]

        type_ = src_dict["type"]

        size = MediaSize.from_dict(src_dict["size"])

        weight = src_dict["weight"]

        count = src_dict["count"]

        _color_data = src_dict.get("color", UNSET)
        color: None | str | Unset
        if _color_data is None:
            color = None
        elif isinstance(_color_data, Unset):
            color = UNSET
        else:
            color = cast("None | str | Unset", _color_data)

        # Usually no member is left over, and telling that is cheaper than the comprehension.
        additional_properties: dict[str, Any] = (
            {}
            if len(src_dict) == 5 + (color is not UNSET)
            else {k: v for k, v in src_dict.items() if k not in _PROPERTY_NAMES}
        )

        if cls is Media:
            # The exact generated class: fill the slots directly. attrs' __init__ would make the same assignments,
            # and skipping the keyword call saves about a third of the construction time on big responses.
            _parsed_model_ = _object_new(cls)
            _parsed_model_.name = name
            _parsed_model_.type_ = type_
            _parsed_model_.size = size
            _parsed_model_.weight = weight
            _parsed_model_.count = count
            _parsed_model_.color = color
        else:
            # A user subclass may add fields or an __init__ of its own: build it the ordinary way.
            _parsed_model_ = cls(
                name=name,
                type_=type_,
                size=size,
                weight=weight,
                count=count,
                color=color,
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
from ..models.media_size import MediaSize  # noqa: E402
