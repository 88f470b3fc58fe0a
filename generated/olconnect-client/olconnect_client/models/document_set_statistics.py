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
        "documentSetId",
        "counts",
        "media",
        "properties",
        "documents",
    }
)


T = TypeVar("T", bound="DocumentSetStatistics")


@_attrs_define
class DocumentSetStatistics:
    """Statistics of one document set. `documents` is present only with `levelMode=documentSetAll` (see OLC-11 in
    spec/DECISIONS.md).

    """

    document_set_id: int
    """ Numeric identifier of a data entity (job, job segment, document set, content item …). The pages say only
    "number"; the server stores IDs as Java longs, but neither a range nor a sign is documented, so none is set here
    (see OLC-05 and OLC-20 in spec/DECISIONS.md). """
    counts: StatisticsCounts
    """ Totals of a job set, document set or document. `documents` is not in the cookbook; only the vendor's client
    typings have it, so a server may leave it out (see OLC-11 in spec/DECISIONS.md). """
    media: MediaUsage
    """ How often each media is used: the keys are zero-based indexes into the job set's `media` array, written as
    decimal strings, and the values are usage counts. The pages describe the keys in prose only, so the schema does
    not pin their spelling. """
    properties: list[str] | StatisticsPropertyMap | Unset = UNSET
    """ Metadata properties of a job set, document set or document, present only when it has any. Documented as an
    array of strings; the vendor's client types them as an object of strings, so both are accepted (see OLC-11 in
    spec/DECISIONS.md). """
    documents: list[DocumentStatistics] | Unset = UNSET
    """ The documents of the set (only with `levelMode=documentSetAll`). """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        document_set_id = self.document_set_id

        counts = self.counts.to_dict()

        media = self.media.to_dict()

        properties: dict[str, Any] | list[str] | Unset
        if isinstance(self.properties, Unset):
            properties = UNSET
        elif isinstance(self.properties, list):
            properties = self.properties

        else:
            properties = self.properties.to_dict()

        documents: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.documents, Unset):
            documents = []
            for documents_item_data in self.documents:
                documents_item = documents_item_data.to_dict()
                documents.append(documents_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "documentSetId": document_set_id,
                "counts": counts,
                "media": media,
            }
        )
        if properties is not UNSET:
            field_dict["properties"] = properties
        if documents is not UNSET:
            field_dict["documents"] = documents

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        document_set_id = src_dict["documentSetId"]

        counts = StatisticsCounts.from_dict(src_dict["counts"])

        media = MediaUsage.from_dict(src_dict["media"])

        _properties_data = src_dict.get("properties", UNSET)
        properties: list[str] | StatisticsPropertyMap | Unset
        if isinstance(_properties_data, Unset):
            properties = UNSET
        else:
            _properties_found = False
            if isinstance(_properties_data, list):
                try:
                    componentsschemas_statistics_properties_type_0: list[str] = _properties_data

                    properties = componentsschemas_statistics_properties_type_0
                    _properties_found = True
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
            if not _properties_found:
                if not isinstance(_properties_data, dict):
                    raise TypeError()
                componentsschemas_statistics_properties_type_1 = StatisticsPropertyMap.from_dict(
                    _properties_data
                )

                properties = componentsschemas_statistics_properties_type_1
                _properties_found = True

        _documents = src_dict.get("documents", UNSET)
        documents: list[DocumentStatistics] | Unset = UNSET
        if _documents is not UNSET:
            documents = []
            for documents_item_data in _documents:
                documents_item = DocumentStatistics.from_dict(documents_item_data)

                documents.append(documents_item)

        # Usually no member is left over, and telling that is cheaper than the comprehension.
        additional_properties: dict[str, Any] = (
            {}
            if len(src_dict) == 3 + (properties is not UNSET) + (documents is not UNSET)
            else {k: v for k, v in src_dict.items() if k not in _PROPERTY_NAMES}
        )

        if cls is DocumentSetStatistics:
            # The exact generated class: fill the slots directly. attrs' __init__ would make the same assignments,
            # and skipping the keyword call saves about a third of the construction time on big responses.
            _parsed_model_ = _object_new(cls)
            _parsed_model_.document_set_id = document_set_id
            _parsed_model_.counts = counts
            _parsed_model_.media = media
            _parsed_model_.properties = properties
            _parsed_model_.documents = documents
        else:
            # A user subclass may add fields or an __init__ of its own: build it the ordinary way.
            _parsed_model_ = cls(
                document_set_id=document_set_id,
                counts=counts,
                media=media,
                properties=properties,
                documents=documents,
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
from ..models.document_statistics import DocumentStatistics  # noqa: E402
from ..models.media_usage import MediaUsage  # noqa: E402
from ..models.statistics_counts import StatisticsCounts  # noqa: E402
from ..models.statistics_property_map import StatisticsPropertyMap  # noqa: E402
