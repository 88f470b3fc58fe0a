from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._runtime.open_enums import ValueLookup as _ValueLookup  # noqa: E402
from ..models.m365_restore_service_type import M365RestoreServiceType
from ..types import UNSET, Unset

_M365RestoreServiceType_BY_VALUE = _ValueLookup(M365RestoreServiceType)
_object_new = object.__new__

# The JSON member names this model declares; any other member goes to additional_properties.
_PROPERTY_NAMES = frozenset(
    {
        "serviceType",
        "recoveryDateTime",
        "siteRestoreScope",
        "oneDriveRestoreScope",
    }
)


T = TypeVar("T", bound="M365RestoreRequest")


@_attrs_define
class M365RestoreRequest:
    """What a restore covers. `siteRestoreScope` is needed for SharePoint Online, Microsoft 365 Groups and Teams,
    `oneDriveRestoreScope` for OneDrive; when both are sent, the one that matches `serviceType` is used.

    """

    service_type: M365RestoreServiceType
    """ Microsoft 365 service a restore covers. """
    recovery_date_time: str
    """ Upper bound of the recovery point, in UTC: the newest backup before it is used. Written `yyyy-MM-
    ddTHH:mm:ssZ` or `yyyy-MM-ddTHH:mm:ss.fffffffZ`. """
    site_restore_scope: SiteRestoreScope | Unset = UNSET
    """ The site (or subsite) whose backup holds the items, and what to restore from it. """
    one_drive_restore_scope: OneDriveRestoreScope | Unset = UNSET
    """ The OneDrive whose backup holds the items, and what to restore from it. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        service_type = M365RestoreServiceType(self.service_type).value

        recovery_date_time = self.recovery_date_time

        site_restore_scope: dict[str, Any] | Unset = UNSET
        if not isinstance(self.site_restore_scope, Unset):
            site_restore_scope = self.site_restore_scope.to_dict()

        one_drive_restore_scope: dict[str, Any] | Unset = UNSET
        if not isinstance(self.one_drive_restore_scope, Unset):
            one_drive_restore_scope = self.one_drive_restore_scope.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "serviceType": service_type,
                "recoveryDateTime": recovery_date_time,
            }
        )
        if site_restore_scope is not UNSET:
            field_dict["siteRestoreScope"] = site_restore_scope
        if one_drive_restore_scope is not UNSET:
            field_dict["oneDriveRestoreScope"] = one_drive_restore_scope

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        service_type = _M365RestoreServiceType_BY_VALUE[src_dict["serviceType"]]

        recovery_date_time = src_dict["recoveryDateTime"]

        _site_restore_scope = src_dict.get("siteRestoreScope", UNSET)
        site_restore_scope: SiteRestoreScope | Unset
        if isinstance(_site_restore_scope, Unset):
            site_restore_scope = UNSET
        else:
            site_restore_scope = SiteRestoreScope.from_dict(_site_restore_scope)

        _one_drive_restore_scope = src_dict.get("oneDriveRestoreScope", UNSET)
        one_drive_restore_scope: OneDriveRestoreScope | Unset
        if isinstance(_one_drive_restore_scope, Unset):
            one_drive_restore_scope = UNSET
        else:
            one_drive_restore_scope = OneDriveRestoreScope.from_dict(_one_drive_restore_scope)

        # Usually no member is left over, and telling that is cheaper than the comprehension.
        additional_properties: dict[str, Any] = (
            {}
            if len(src_dict) == 2 + (site_restore_scope is not UNSET) + (one_drive_restore_scope is not UNSET)
            else {k: v for k, v in src_dict.items() if k not in _PROPERTY_NAMES}
        )

        if cls is M365RestoreRequest:
            # The exact generated class: fill the slots directly. attrs' __init__ would make the same assignments,
            # and skipping the keyword call saves about a third of the construction time on big responses.
            _parsed_model_ = _object_new(cls)
            _parsed_model_.service_type = service_type
            _parsed_model_.recovery_date_time = recovery_date_time
            _parsed_model_.site_restore_scope = site_restore_scope
            _parsed_model_.one_drive_restore_scope = one_drive_restore_scope
        else:
            # A user subclass may add fields or an __init__ of its own: build it the ordinary way.
            _parsed_model_ = cls(
                service_type=service_type,
                recovery_date_time=recovery_date_time,
                site_restore_scope=site_restore_scope,
                one_drive_restore_scope=one_drive_restore_scope,
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
from ..models.one_drive_restore_scope import OneDriveRestoreScope  # noqa: E402
from ..models.site_restore_scope import SiteRestoreScope  # noqa: E402
