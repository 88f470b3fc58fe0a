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
        "identifiers",
        "parameters",
    }
)


T = TypeVar("T", bound="JobCreationRequest")


@_attrs_define
class JobCreationRequest:
    """JSON Identifier List (with Runtime Parameters): the content sets to put in the job set, and optional runtime
    parameters.

    """

    identifiers: list[int]
    """ IDs of the content sets. """
    parameters: RuntimeParameters | Unset = UNSET
    """ Runtime parameters by name; each value is a string, a number or a boolean. A subset of the preset's
    parameters may be given. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        identifiers = self.identifiers

        parameters: dict[str, Any] | Unset = UNSET
        if not isinstance(self.parameters, Unset):
            parameters = self.parameters.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "identifiers": identifiers,
            }
        )
        if parameters is not UNSET:
            field_dict["parameters"] = parameters

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        identifiers: list[int] = src_dict["identifiers"]

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

        if cls is JobCreationRequest:
            # The exact generated class: fill the slots directly. attrs' __init__ would make the same assignments,
            # and skipping the keyword call saves about a third of the construction time on big responses.
            _parsed_model_ = _object_new(cls)
            _parsed_model_.identifiers = identifiers
            _parsed_model_.parameters = parameters
        else:
            # A user subclass may add fields or an __init__ of its own: build it the ordinary way.
            _parsed_model_ = cls(
                identifiers=identifiers,
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
