from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

_object_new = object.__new__

# The JSON member names this model declares; any other member goes to additional_properties.
_PROPERTY_NAMES = frozenset(
    {
        "datamining",
        "contentcreation",
        "jobcreation",
        "outputcreation",
    }
)


T = TypeVar("T", bound="AllInOneRequest")


@_attrs_define
class AllInOneRequest:
    """JSON All-In-One Configuration, one section per step."""

    datamining: AllInOneDataMapping
    """ The data mapping step. """
    contentcreation: AllInOneContentCreation
    """ The content creation step and its template. """
    jobcreation: AllInOneJobCreation
    """ The job creation step; its preset is optional. """
    outputcreation: AllInOneOutputCreation
    """ The output creation step. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        datamining = self.datamining.to_dict()

        contentcreation = self.contentcreation.to_dict()

        jobcreation = self.jobcreation.to_dict()

        outputcreation = self.outputcreation.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "datamining": datamining,
                "contentcreation": contentcreation,
                "jobcreation": jobcreation,
                "outputcreation": outputcreation,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        datamining = AllInOneDataMapping.from_dict(src_dict["datamining"])

        contentcreation = AllInOneContentCreation.from_dict(src_dict["contentcreation"])

        jobcreation = AllInOneJobCreation.from_dict(src_dict["jobcreation"])

        outputcreation = AllInOneOutputCreation.from_dict(src_dict["outputcreation"])

        # Usually no member is left over, and telling that is cheaper than the comprehension.
        additional_properties: dict[str, Any] = (
            {} if len(src_dict) == 4 else {k: v for k, v in src_dict.items() if k not in _PROPERTY_NAMES}
        )

        if cls is AllInOneRequest:
            # The exact generated class: fill the slots directly. attrs' __init__ would make the same assignments,
            # and skipping the keyword call saves about a third of the construction time on big responses.
            _parsed_model_ = _object_new(cls)
            _parsed_model_.datamining = datamining
            _parsed_model_.contentcreation = contentcreation
            _parsed_model_.jobcreation = jobcreation
            _parsed_model_.outputcreation = outputcreation
        else:
            # A user subclass may add fields or an __init__ of its own: build it the ordinary way.
            _parsed_model_ = cls(
                datamining=datamining,
                contentcreation=contentcreation,
                jobcreation=jobcreation,
                outputcreation=outputcreation,
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
from ..models.all_in_one_content_creation import AllInOneContentCreation  # noqa: E402
from ..models.all_in_one_data_mapping import AllInOneDataMapping  # noqa: E402
from ..models.all_in_one_job_creation import AllInOneJobCreation  # noqa: E402
from ..models.all_in_one_output_creation import AllInOneOutputCreation  # noqa: E402
