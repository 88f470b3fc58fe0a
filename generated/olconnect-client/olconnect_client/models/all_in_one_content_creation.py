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
        "config",
        "parameters",
    }
)


T = TypeVar("T", bound="AllInOneContentCreation")


@_attrs_define
class AllInOneContentCreation:
    """The content creation step and its template."""

    config: int | str
    """ A configuration, template or file in the File Store inside a JSON body: its Managed File ID as a number, or
    its name as a string (the page types it "number | string"). """
    parameters: RuntimeParameters | Unset = UNSET
    """ Runtime parameters by name; each value is a string, a number or a boolean. A subset of the preset's
    parameters may be given. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        config: int | str
        config = self.config

        parameters: dict[str, Any] | Unset = UNSET
        if not isinstance(self.parameters, Unset):
            parameters = self.parameters.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "config": config,
            }
        )
        if parameters is not UNSET:
            field_dict["parameters"] = parameters

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        _config_data = src_dict["config"]
        config: int | str
        config = cast("int | str", _config_data)

        _parameters = src_dict.get("parameters", UNSET)
        parameters: RuntimeParameters | Unset
        if isinstance(_parameters, Unset):
            parameters = UNSET
        else:
            parameters = RuntimeParameters.from_dict(_parameters)

        # Usually no member is left over, and telling that is cheaper than the comprehension.
        additional_properties: dict[str, Any] = (
            {}
            if len(src_dict) == 1 + (parameters is not UNSET)
            else {k: v for k, v in src_dict.items() if k not in _PROPERTY_NAMES}
        )

        if cls is AllInOneContentCreation:
            # The exact generated class: fill the slots directly. attrs' __init__ would make the same assignments,
            # and skipping the keyword call saves about a third of the construction time on big responses.
            _parsed_model_ = _object_new(cls)
            _parsed_model_.config = config
            _parsed_model_.parameters = parameters
        else:
            # A user subclass may add fields or an __init__ of its own: build it the ordinary way.
            _parsed_model_ = cls(
                config=config,
                parameters=parameters,
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
from ..models.runtime_parameters import RuntimeParameters  # noqa: E402
