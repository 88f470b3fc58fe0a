from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

_object_new = object.__new__

# The JSON member names this model declares; any other member goes to additional_properties.
_PROPERTY_NAMES = frozenset(
    {
        "siteUrl",
        "restoreTargets",
    }
)


T = TypeVar("T", bound="SiteRestoreScope")


@_attrs_define
class SiteRestoreScope:
    """The site (or subsite) whose backup holds the items, and what to restore from it."""

    site_url: str
    """ URL of the site collection or subsite. """
    restore_targets: list[RestoreTarget]
    """ What to restore, per library. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        site_url = self.site_url

        restore_targets = []
        for restore_targets_item_data in self.restore_targets:
            restore_targets_item = restore_targets_item_data.to_dict()
            restore_targets.append(restore_targets_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "siteUrl": site_url,
                "restoreTargets": restore_targets,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        site_url = src_dict["siteUrl"]

        _restore_targets_item = RestoreTarget.from_dict
        restore_targets = [
            _restore_targets_item(restore_targets_item_data)
            for restore_targets_item_data in src_dict["restoreTargets"]
        ]

        # Usually no member is left over, and telling that is cheaper than the comprehension.
        additional_properties: dict[str, Any] = (
            {} if len(src_dict) == 2 else {k: v for k, v in src_dict.items() if k not in _PROPERTY_NAMES}
        )

        if cls is SiteRestoreScope:
            # The exact generated class: fill the slots directly. attrs' __init__ would make the same assignments,
            # and skipping the keyword call saves about a third of the construction time on big responses.
            _parsed_model_ = _object_new(cls)
            _parsed_model_.site_url = site_url
            _parsed_model_.restore_targets = restore_targets
        else:
            # A user subclass may add fields or an __init__ of its own: build it the ordinary way.
            _parsed_model_ = cls(
                site_url=site_url,
                restore_targets=restore_targets,
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
from ..models.restore_target import RestoreTarget  # noqa: E402
