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
        "totalCount",
        "nextLink",
    }
)


T = TypeVar("T", bound="ScanJobsPage")


@_attrs_define
class ScanJobsPage:
    """Some scan jobs, the total, and the URL of the next ones (absent, null or empty at the end, AVE-53)."""

    jobs: list[ScanJob]
    """ The jobs of this page. """
    total_count: int | Unset = UNSET
    """ How many jobs match. """
    next_link: None | str | Unset = UNSET
    """ URL of the next jobs, repeating the query with a larger `skip`. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        jobs = []
        for jobs_item_data in self.jobs:
            jobs_item = jobs_item_data.to_dict()
            jobs.append(jobs_item)

        total_count = self.total_count

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
        if total_count is not UNSET:
            field_dict["totalCount"] = total_count
        if next_link is not UNSET:
            field_dict["nextLink"] = next_link

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        _jobs_item = ScanJob.from_dict
        jobs = [_jobs_item(jobs_item_data) for jobs_item_data in src_dict["jobs"]]

        total_count = src_dict.get("totalCount", UNSET)

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
            if len(src_dict) == 1 + (total_count is not UNSET) + (next_link is not UNSET)
            else {k: v for k, v in src_dict.items() if k not in _PROPERTY_NAMES}
        )

        if cls is ScanJobsPage:
            # The exact generated class: fill the slots directly. attrs' __init__ would make the same assignments,
            # and skipping the keyword call saves about a third of the construction time on big responses.
            _parsed_model_ = _object_new(cls)
            _parsed_model_.jobs = jobs
            _parsed_model_.total_count = total_count
            _parsed_model_.next_link = next_link
        else:
            # A user subclass may add fields or an __init__ of its own: build it the ordinary way.
            _parsed_model_ = cls(
                jobs=jobs,
                total_count=total_count,
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
from ..models.scan_job import ScanJob  # noqa: E402
