from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._runtime.open_enums import ValueLookup as _ValueLookup  # noqa: E402
from ..models.grant_type import GrantType

_GrantType_BY_VALUE = _ValueLookup(GrantType)
_object_new = object.__new__

# The JSON member names this model declares; any other member goes to additional_properties.
_PROPERTY_NAMES = frozenset(
    {
        "grant_type",
        "client_id",
        "client_secret",
        "scope",
    }
)


T = TypeVar("T", bound="TokenRequest")


@_attrs_define
class TokenRequest:
    """Form fields of the client-credentials grant with a client secret (AVE-13). `scope` holds one or more scope names
    separated by spaces; our mock matches them case-insensitively, which no page promises (RFC 6749 §3.3 calls scope
    values case-sensitive).

    """

    grant_type: GrantType
    """ OAuth 2.0 grant type; only the client-credentials grant is offered. """
    client_id: str
    """ Application (client) ID from the app registration. """
    client_secret: str
    """ Client secret created for the app registration. """
    scope: str
    """ Space-separated scopes to request. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        grant_type = GrantType(self.grant_type).value

        client_id = self.client_id

        client_secret = self.client_secret

        scope = self.scope

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "grant_type": grant_type,
                "client_id": client_id,
                "client_secret": client_secret,
                "scope": scope,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        grant_type = _GrantType_BY_VALUE[src_dict["grant_type"]]

        client_id = src_dict["client_id"]

        client_secret = src_dict["client_secret"]

        scope = src_dict["scope"]

        # Usually no member is left over, and telling that is cheaper than the comprehension.
        additional_properties: dict[str, Any] = (
            {} if len(src_dict) == 4 else {k: v for k, v in src_dict.items() if k not in _PROPERTY_NAMES}
        )

        if cls is TokenRequest:
            # The exact generated class: fill the slots directly. attrs' __init__ would make the same assignments,
            # and skipping the keyword call saves about a third of the construction time on big responses.
            _parsed_model_ = _object_new(cls)
            _parsed_model_.grant_type = grant_type
            _parsed_model_.client_id = client_id
            _parsed_model_.client_secret = client_secret
            _parsed_model_.scope = scope
        else:
            # A user subclass may add fields or an __init__ of its own: build it the ordinary way.
            _parsed_model_ = cls(
                grant_type=grant_type,
                client_id=client_id,
                client_secret=client_secret,
                scope=scope,
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
