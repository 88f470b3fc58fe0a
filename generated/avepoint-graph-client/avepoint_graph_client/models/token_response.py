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
        "access_token",
        "token_type",
        "expires_in",
        "ext_expires_in",
        "scope",
    }
)


T = TypeVar("T", bound="TokenResponse")


@_attrs_define
class TokenResponse:
    """A successful token answer (RFC 6749 §5.1). `expires_in` is in the vendor sample but RFC 6749 only
    recommends it, so it is optional (clients assume 3600 seconds without it); `ext_expires_in` appears in the
    vendor sample and `scope` in the vendor's client code, both optional. Unknown members are allowed.

    """

    access_token: str
    """ The bearer token to send in `Authorization`. """
    token_type: str
    """ Token type; `Bearer` (compare case-insensitively, RFC 6749 §7.1). """
    expires_in: int | Unset = UNSET
    """ Seconds until the token expires (3600 in the vendor sample). """
    ext_expires_in: int | Unset = UNSET
    """ Extended lifetime in seconds, as in the vendor sample; clients rely on `expires_in`. """
    scope: str | Unset = UNSET
    """ Space-separated scopes the token grants. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        access_token = self.access_token

        token_type = self.token_type

        expires_in = self.expires_in

        ext_expires_in = self.ext_expires_in

        scope = self.scope

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "access_token": access_token,
                "token_type": token_type,
            }
        )
        if expires_in is not UNSET:
            field_dict["expires_in"] = expires_in
        if ext_expires_in is not UNSET:
            field_dict["ext_expires_in"] = ext_expires_in
        if scope is not UNSET:
            field_dict["scope"] = scope

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        access_token = src_dict["access_token"]

        token_type = src_dict["token_type"]

        expires_in = src_dict.get("expires_in", UNSET)

        ext_expires_in = src_dict.get("ext_expires_in", UNSET)

        scope = src_dict.get("scope", UNSET)

        # Usually no member is left over, and telling that is cheaper than the comprehension.
        additional_properties: dict[str, Any] = (
            {}
            if len(src_dict)
            == 2 + (expires_in is not UNSET) + (ext_expires_in is not UNSET) + (scope is not UNSET)
            else {k: v for k, v in src_dict.items() if k not in _PROPERTY_NAMES}
        )

        if cls is TokenResponse:
            # The exact generated class: fill the slots directly. attrs' __init__ would make the same assignments,
            # and skipping the keyword call saves about a third of the construction time on big responses.
            _parsed_model_ = _object_new(cls)
            _parsed_model_.access_token = access_token
            _parsed_model_.token_type = token_type
            _parsed_model_.expires_in = expires_in
            _parsed_model_.ext_expires_in = ext_expires_in
            _parsed_model_.scope = scope
        else:
            # A user subclass may add fields or an __init__ of its own: build it the ordinary way.
            _parsed_model_ = cls(
                access_token=access_token,
                token_type=token_type,
                expires_in=expires_in,
                ext_expires_in=ext_expires_in,
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
