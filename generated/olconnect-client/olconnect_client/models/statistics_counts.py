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
        "sheets",
        "pages",
        "documents",
    }
)


T = TypeVar("T", bound="StatisticsCounts")


@_attrs_define
class StatisticsCounts:
    """Totals of a job set, document set or document. `documents` is not in the cookbook; only the vendor's client typings
    have it, so a server may leave it out (see OLC-11 in spec/DECISIONS.md).

    """

    sheets: int
    """ Number of sheets. """
    pages: int
    """ Number of pages. """
    documents: int | Unset = UNSET
    """ Number of documents (optional; only the vendor's client typings show it). """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        sheets = self.sheets

        pages = self.pages

        documents = self.documents

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "sheets": sheets,
                "pages": pages,
            }
        )
        if documents is not UNSET:
            field_dict["documents"] = documents

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        sheets = src_dict["sheets"]

        pages = src_dict["pages"]

        documents = src_dict.get("documents", UNSET)

        # Usually no member is left over, and telling that is cheaper than the comprehension.
        additional_properties: dict[str, Any] = (
            {}
            if len(src_dict) == 2 + (documents is not UNSET)
            else {k: v for k, v in src_dict.items() if k not in _PROPERTY_NAMES}
        )

        if cls is StatisticsCounts:
            # The exact generated class: fill the slots directly. attrs' __init__ would make the same assignments,
            # and skipping the keyword call saves about a third of the construction time on big responses.
            _parsed_model_ = _object_new(cls)
            _parsed_model_.sheets = sheets
            _parsed_model_.pages = pages
            _parsed_model_.documents = documents
        else:
            # A user subclass may add fields or an __init__ of its own: build it the ordinary way.
            _parsed_model_ = cls(
                sheets=sheets,
                pages=pages,
                documents=documents,
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
