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
        "jobSetId",
        "counts",
        "media",
        "properties",
        "documents",
        "documentSets",
    }
)


T = TypeVar("T", bound="JobSetStatistics")


@_attrs_define
class JobSetStatistics:
    """JSON Job Set Statistics. One shape covers all three levels: `documents` is present with `levelMode=documentOnly`,
    `documentSets` with the two document-set levels. The pages do not say that a level's counts are the sums over the
    level below (a job set may count sheets no document lists); our mock keeps the sums and the contract suite only
    reports whether they add up (OLC-11, OLC-31).

    """

    job_set_id: int
    """ Numeric identifier of a data entity (job, job segment, document set, content item …). The pages say only
    "number"; the server stores IDs as Java longs, but neither a range nor a sign is documented, so none is set here
    (see OLC-05 and OLC-20 in spec/DECISIONS.md). """
    counts: StatisticsCounts
    """ Totals of a job set, document set or document. `documents` is not in the cookbook; only the vendor's client
    typings have it, so a server may leave it out (see OLC-11 in spec/DECISIONS.md). """
    media: list[Media]
    """ Every media used in the job set; breakdowns refer to entries by zero-based index. """
    properties: list[str] | StatisticsPropertyMap | str | Unset = UNSET
    """ Metadata properties of the job set, present only when it has any. The Statistics page calls them "an array
    of metadata properties" but types the member `string` (a document's `string[]`), so a single string is accepted
    besides the two forms of `StatisticsProperties` (see OLC-11 and OLC-15 in spec/DECISIONS.md, variant
    `olc.statistics-properties`). """
    documents: list[DocumentStatistics] | Unset = UNSET
    """ Per-document statistics (only with `levelMode=documentOnly`, the default). """
    document_sets: list[DocumentSetStatistics] | Unset = UNSET
    """ Per-document-set statistics (only with `levelMode=documentSetOnly` or `documentSetAll`). """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        job_set_id = self.job_set_id

        counts = self.counts.to_dict()

        media = []
        for media_item_data in self.media:
            media_item = media_item_data.to_dict()
            media.append(media_item)

        properties: dict[str, Any] | list[str] | str | Unset
        if isinstance(self.properties, Unset):
            properties = UNSET
        elif isinstance(self.properties, list):
            properties = self.properties

        elif isinstance(self.properties, StatisticsPropertyMap):
            properties = self.properties.to_dict()
        else:
            properties = self.properties

        documents: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.documents, Unset):
            documents = []
            for documents_item_data in self.documents:
                documents_item = documents_item_data.to_dict()
                documents.append(documents_item)

        document_sets: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.document_sets, Unset):
            document_sets = []
            for document_sets_item_data in self.document_sets:
                document_sets_item = document_sets_item_data.to_dict()
                document_sets.append(document_sets_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "jobSetId": job_set_id,
                "counts": counts,
                "media": media,
            }
        )
        if properties is not UNSET:
            field_dict["properties"] = properties
        if documents is not UNSET:
            field_dict["documents"] = documents
        if document_sets is not UNSET:
            field_dict["documentSets"] = document_sets

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        job_set_id = src_dict["jobSetId"]

        counts = StatisticsCounts.from_dict(src_dict["counts"])

        _media_item = Media.from_dict
        media = [_media_item(media_item_data) for media_item_data in src_dict["media"]]

        _properties_data = src_dict.get("properties", UNSET)
        properties: list[str] | StatisticsPropertyMap | str | Unset
        if isinstance(_properties_data, Unset):
            properties = UNSET
        else:
            _properties_found = False
            if isinstance(_properties_data, list):
                try:
                    componentsschemas_job_set_statistics_properties_type_0: list[str] = _properties_data

                    properties = componentsschemas_job_set_statistics_properties_type_0
                    _properties_found = True
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
            if not _properties_found and isinstance(_properties_data, dict):
                try:
                    componentsschemas_job_set_statistics_properties_type_1 = StatisticsPropertyMap.from_dict(
                        _properties_data
                    )

                    properties = componentsschemas_job_set_statistics_properties_type_1
                    _properties_found = True
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
            if not _properties_found:
                properties = cast("list[str] | StatisticsPropertyMap | str | Unset", _properties_data)

        _documents = src_dict.get("documents", UNSET)
        documents: list[DocumentStatistics] | Unset = UNSET
        if _documents is not UNSET:
            documents = []
            for documents_item_data in _documents:
                documents_item = DocumentStatistics.from_dict(documents_item_data)

                documents.append(documents_item)

        _document_sets = src_dict.get("documentSets", UNSET)
        document_sets: list[DocumentSetStatistics] | Unset = UNSET
        if _document_sets is not UNSET:
            document_sets = []
            for document_sets_item_data in _document_sets:
                document_sets_item = DocumentSetStatistics.from_dict(document_sets_item_data)

                document_sets.append(document_sets_item)

        # Usually no member is left over, and telling that is cheaper than the comprehension.
        additional_properties: dict[str, Any] = (
            {}
            if len(src_dict)
            == 3 + (properties is not UNSET) + (documents is not UNSET) + (document_sets is not UNSET)
            else {k: v for k, v in src_dict.items() if k not in _PROPERTY_NAMES}
        )

        if cls is JobSetStatistics:
            # The exact generated class: fill the slots directly. attrs' __init__ would make the same assignments,
            # and skipping the keyword call saves about a third of the construction time on big responses.
            _parsed_model_ = _object_new(cls)
            _parsed_model_.job_set_id = job_set_id
            _parsed_model_.counts = counts
            _parsed_model_.media = media
            _parsed_model_.properties = properties
            _parsed_model_.documents = documents
            _parsed_model_.document_sets = document_sets
        else:
            # A user subclass may add fields or an __init__ of its own: build it the ordinary way.
            _parsed_model_ = cls(
                job_set_id=job_set_id,
                counts=counts,
                media=media,
                properties=properties,
                documents=documents,
                document_sets=document_sets,
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
from ..models.document_set_statistics import DocumentSetStatistics  # noqa: E402
from ..models.document_statistics import DocumentStatistics  # noqa: E402
from ..models.media import Media  # noqa: E402
from ..models.statistics_counts import StatisticsCounts  # noqa: E402
from ..models.statistics_property_map import StatisticsPropertyMap  # noqa: E402
