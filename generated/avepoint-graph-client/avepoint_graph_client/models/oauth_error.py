from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._runtime.open_enums import ValueLookup as _ValueLookup  # noqa: E402
from ..models.oauth_error_code import OAuthErrorCode
from ..types import UNSET, Unset

_OAuthErrorCode_BY_VALUE = _ValueLookup(OAuthErrorCode)
_object_new = object.__new__

# The JSON member names this model declares; any other member goes to additional_properties.
_PROPERTY_NAMES = frozenset(
    {
        "error",
        "error_description",
        "error_uri",
    }
)


T = TypeVar("T", bound="OAuthError")


@_attrs_define
class OAuthError:
    """Error body of the token endpoint (RFC 6749 §5.2). Unknown members are allowed."""

    error: OAuthErrorCode | str
    """ The error code; one of RFC 6749's codes or an extension code. """
    error_description: str | Unset = UNSET
    """ Human-readable explanation. """
    error_uri: str | Unset = UNSET
    """ Page that explains the error. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        error: str
        if isinstance(self.error, OAuthErrorCode):
            error = OAuthErrorCode(self.error).value
        else:
            error = self.error

        error_description = self.error_description

        error_uri = self.error_uri

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "error": error,
            }
        )
        if error_description is not UNSET:
            field_dict["error_description"] = error_description
        if error_uri is not UNSET:
            field_dict["error_uri"] = error_uri

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        _error_data = src_dict["error"]
        error: OAuthErrorCode | str
        _error_found = False
        if isinstance(_error_data, str):
            try:
                error_type_0 = _OAuthErrorCode_BY_VALUE[_error_data]

                error = error_type_0
                _error_found = True
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
        if not _error_found:
            error = cast("OAuthErrorCode | str", _error_data)

        error_description = src_dict.get("error_description", UNSET)

        error_uri = src_dict.get("error_uri", UNSET)

        # Usually no member is left over, and telling that is cheaper than the comprehension.
        additional_properties: dict[str, Any] = (
            {}
            if len(src_dict) == 1 + (error_description is not UNSET) + (error_uri is not UNSET)
            else {k: v for k, v in src_dict.items() if k not in _PROPERTY_NAMES}
        )

        if cls is OAuthError:
            # The exact generated class: fill the slots directly. attrs' __init__ would make the same assignments,
            # and skipping the keyword call saves about a third of the construction time on big responses.
            _parsed_model_ = _object_new(cls)
            _parsed_model_.error = error
            _parsed_model_.error_description = error_description
            _parsed_model_.error_uri = error_uri
        else:
            # A user subclass may add fields or an __init__ of its own: build it the ordinary way.
            _parsed_model_ = cls(
                error=error,
                error_description=error_description,
                error_uri=error_uri,
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
