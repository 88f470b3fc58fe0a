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
        "jobs",
        "status",
        "message",
        "nextLink",
    }
)


T = TypeVar("T", bound="JobsPage")


@_attrs_define
class JobsPage:
    """One page of the job list. `status` and `message` are optional (AVE-05): the vendor's sample shows
    `status` equal to the HTTP status code and `message` empty, but no page promises either. `nextLink` is present only
    when more pages follow; null and the empty string also mean
    "no more pages" (AVE-03, AVE-04).

    """

    jobs: list[Job]
    """ The jobs of this page. The pages give no order; the vendor sample and our mock list the newest start time
    first (AVE-09, AVE-26). """
    status: int | Unset = UNSET
    """ A status code; the vendor's sample shows the HTTP status (200), not promised (AVE-05). """
    message: str | Unset = UNSET
    """ Free-text message; empty on success. """
    next_link: None | str | Unset = UNSET
    """ URL of the next page, to be requested unchanged with the same token (the pages' prose), or an opaque
    token as in the vendor sample; if a server sends a value that is not a URL, clients repeat the request
    with `pageIndex + 1` (AVE-03). On the last page it is absent, or null or empty (AVE-04).
     """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        jobs = []
        for jobs_item_data in self.jobs:
            jobs_item = jobs_item_data.to_dict()
            jobs.append(jobs_item)

        status = self.status

        message = self.message

        next_link: None | str | Unset
        if isinstance(self.next_link, Unset):
            next_link = UNSET
        else:
            next_link = self.next_link

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "jobs": jobs,
            }
        )
        if status is not UNSET:
            field_dict["status"] = status
        if message is not UNSET:
            field_dict["message"] = message
        if next_link is not UNSET:
            field_dict["nextLink"] = next_link

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        _jobs_item = Job.from_dict
        jobs = [_jobs_item(jobs_item_data) for jobs_item_data in src_dict["jobs"]]

        status = src_dict.get("status", UNSET)

        message = src_dict.get("message", UNSET)

        _next_link_data = src_dict.get("nextLink", UNSET)
        next_link: None | str | Unset
        if _next_link_data is None:
            next_link = None
        elif isinstance(_next_link_data, Unset):
            next_link = UNSET
        else:
            next_link = cast("None | str | Unset", _next_link_data)

        # Usually no member is left over, and telling that is cheaper than the comprehension.
        additional_properties: dict[str, Any] = (
            {}
            if len(src_dict) == 1 + (status is not UNSET) + (message is not UNSET) + (next_link is not UNSET)
            else {k: v for k, v in src_dict.items() if k not in _PROPERTY_NAMES}
        )

        if cls is JobsPage:
            # The exact generated class: fill the slots directly. attrs' __init__ would make the same assignments,
            # and skipping the keyword call saves about a third of the construction time on big responses.
            _parsed_model_ = _object_new(cls)
            _parsed_model_.jobs = jobs
            _parsed_model_.status = status
            _parsed_model_.message = message
            _parsed_model_.next_link = next_link
        else:
            # A user subclass may add fields or an __init__ of its own: build it the ordinary way.
            _parsed_model_ = cls(
                jobs=jobs,
                status=status,
                message=message,
                next_link=next_link,
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
from ..models.job import Job  # noqa: E402
