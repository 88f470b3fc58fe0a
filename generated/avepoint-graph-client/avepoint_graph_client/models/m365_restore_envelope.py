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
        "data",
        "statusCode",
        "message",
        "errors",
        "requestId",
        "timestamp",
        "traceId",
    }
)


T = TypeVar("T", bound="M365RestoreEnvelope")


@_attrs_define
class M365RestoreEnvelope:
    """The restore call's success answer in the service envelope."""

    data: M365RestoreResult
    """ The created restore job. """
    status_code: int | Unset = UNSET
    """ The HTTP status code. """
    message: None | str | Unset = UNSET
    """ A message, empty on success. """
    errors: list[ApiError] | None | Unset = UNSET
    """ Field-level errors. """
    request_id: str | Unset = UNSET
    """ ID of the request. """
    timestamp: str | Unset = UNSET
    """ When the request was served. """
    trace_id: str | Unset = UNSET
    """ Trace ID of the request. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        data = self.data.to_dict()

        status_code = self.status_code

        message: None | str | Unset
        if isinstance(self.message, Unset):
            message = UNSET
        else:
            message = self.message

        errors: list[dict[str, Any]] | None | Unset
        if isinstance(self.errors, Unset):
            errors = UNSET
        elif isinstance(self.errors, list):
            errors = []
            for errors_type_0_item_data in self.errors:
                errors_type_0_item = errors_type_0_item_data.to_dict()
                errors.append(errors_type_0_item)

        else:
            errors = self.errors

        request_id = self.request_id

        timestamp = self.timestamp

        trace_id = self.trace_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "data": data,
            }
        )
        if status_code is not UNSET:
            field_dict["statusCode"] = status_code
        if message is not UNSET:
            field_dict["message"] = message
        if errors is not UNSET:
            field_dict["errors"] = errors
        if request_id is not UNSET:
            field_dict["requestId"] = request_id
        if timestamp is not UNSET:
            field_dict["timestamp"] = timestamp
        if trace_id is not UNSET:
            field_dict["traceId"] = trace_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        data = M365RestoreResult.from_dict(src_dict["data"])

        status_code = src_dict.get("statusCode", UNSET)

        _message_data = src_dict.get("message", UNSET)
        message: None | str | Unset
        if _message_data is None:
            message = None
        elif isinstance(_message_data, Unset):
            message = UNSET
        else:
            message = cast("None | str | Unset", _message_data)

        _errors_data = src_dict.get("errors", UNSET)
        errors: list[ApiError] | None | Unset
        if _errors_data is None:
            errors = None
        elif isinstance(_errors_data, Unset):
            errors = UNSET
        else:
            _errors_found = False
            if isinstance(_errors_data, list):
                try:
                    _errors_type_0_item = ApiError.from_dict
                    errors_type_0 = [
                        _errors_type_0_item(errors_type_0_item_data)
                        for errors_type_0_item_data in _errors_data
                    ]

                    errors = errors_type_0
                    _errors_found = True
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
            if not _errors_found:
                errors = cast("list[ApiError] | None | Unset", _errors_data)

        request_id = src_dict.get("requestId", UNSET)

        timestamp = src_dict.get("timestamp", UNSET)

        trace_id = src_dict.get("traceId", UNSET)

        # Usually no member is left over, and telling that is cheaper than the comprehension.
        additional_properties: dict[str, Any] = (
            {}
            if len(src_dict)
            == 1
            + (status_code is not UNSET)
            + (message is not UNSET)
            + (errors is not UNSET)
            + (request_id is not UNSET)
            + (timestamp is not UNSET)
            + (trace_id is not UNSET)
            else {k: v for k, v in src_dict.items() if k not in _PROPERTY_NAMES}
        )

        if cls is M365RestoreEnvelope:
            # The exact generated class: fill the slots directly. attrs' __init__ would make the same assignments,
            # and skipping the keyword call saves about a third of the construction time on big responses.
            _parsed_model_ = _object_new(cls)
            _parsed_model_.data = data
            _parsed_model_.status_code = status_code
            _parsed_model_.message = message
            _parsed_model_.errors = errors
            _parsed_model_.request_id = request_id
            _parsed_model_.timestamp = timestamp
            _parsed_model_.trace_id = trace_id
        else:
            # A user subclass may add fields or an __init__ of its own: build it the ordinary way.
            _parsed_model_ = cls(
                data=data,
                status_code=status_code,
                message=message,
                errors=errors,
                request_id=request_id,
                timestamp=timestamp,
                trace_id=trace_id,
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
from ..models.api_error import ApiError  # noqa: E402
from ..models.m365_restore_result import M365RestoreResult  # noqa: E402
