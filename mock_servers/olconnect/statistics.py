"""Job Set Statistics computed from the entities (OLC-11), never canned.

The job set's counts are the sums over its documents, each media entry's ``count`` is the sum of that media's
usage over the documents, and in the document-set levels each set's counts are the sums over its documents.
Media indexes refer to the job set's own ``media`` list: the media it uses, in the scenario's media order.
"""

from __future__ import annotations

from collections import Counter
from enum import Enum
from typing import Any

from mock_servers.olconnect.domain import Document, DocumentSet, JobSet, Media, Properties


class LevelMode(Enum):
    DOCUMENT_ONLY = "documentOnly"
    DOCUMENT_SET_ONLY = "documentSetOnly"
    DOCUMENT_SET_ALL = "documentSetAll"

    @classmethod
    def parse(cls, raw: str | None) -> LevelMode | None:
        """Case-insensitive match (OLC-12); None when the value is not one of the three modes."""
        if raw is None:
            return cls.DOCUMENT_ONLY
        for mode in cls:
            if mode.value.lower() == raw.lower():
                return mode
        return None


def _strings(properties: Properties) -> list[str]:
    return [f"{name}={value}" for name, value in properties]


def _usage(documents: list[Document]) -> Counter[str]:
    usage: Counter[str] = Counter()
    for document in documents:
        for name, count in document.media:
            usage[name] += count
    return usage


def _counts(documents: list[Document]) -> dict[str, int]:
    return {
        "documents": len(documents),
        "sheets": sum(document.sheets for document in documents),
        "pages": sum(document.pages for document in documents),
    }


def _media_map(usage: Counter[str] | tuple[tuple[str, int], ...], index: dict[str, int]) -> dict[str, int]:
    pairs = usage.items() if isinstance(usage, Counter) else usage
    return {str(index[name]): count for name, count in sorted(pairs, key=lambda pair: index[pair[0]])}


def _document_entry(document: Document, index: dict[str, int]) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "documentId": document.id,
        "contentItemId": document.content_item,
        "dataRecordId": document.data_record,
    }
    if document.metadata:
        entry["properties"] = _strings(document.metadata)
    entry["counts"] = {"sheets": document.sheets, "pages": document.pages}
    entry["media"] = _media_map(document.media, index)
    return entry


def _document_set_entry(
    document_set: DocumentSet, index: dict[str, int], with_documents: bool
) -> dict[str, Any]:
    entry: dict[str, Any] = {"documentSetId": document_set.id}
    if document_set.metadata:
        entry["properties"] = _strings(document_set.metadata)
    entry["counts"] = _counts(document_set.documents)
    entry["media"] = _media_map(_usage(document_set.documents), index)
    if with_documents:
        entry["documents"] = [_document_entry(document, index) for document in document_set.documents]
    return entry


def job_set_statistics(
    job_set: JobSet, catalog: list[Media], mode: LevelMode, properties_as_text: bool = False
) -> dict[str, Any]:
    """The statistics of ``job_set`` at level ``mode``. ``properties_as_text``: the job set's properties as
    one string, the type the Statistics page gives the member (variant ``olc.statistics-properties``)."""
    document_sets = list(job_set.document_sets())
    documents = [document for document_set in document_sets for document in document_set.documents]
    usage = _usage(documents)
    used = [media for media in catalog if media.name in usage]
    index = {media.name: position for position, media in enumerate(used)}
    result: dict[str, Any] = {"jobSetId": job_set.id}
    if job_set.metadata:
        strings = _strings(job_set.metadata)
        result["properties"] = ";".join(strings) if properties_as_text else strings
    result["counts"] = _counts(documents)
    result["media"] = [
        {
            "name": media.name,
            "type": media.type,
            "size": {"width": media.width, "height": media.height},
            "color": media.color,
            "weight": media.weight,
            "count": usage[media.name],
        }
        for media in used
    ]
    if mode is LevelMode.DOCUMENT_ONLY:
        result["documents"] = [_document_entry(document, index) for document in documents]
    else:
        with_documents = mode is LevelMode.DOCUMENT_SET_ALL
        result["documentSets"] = [_document_set_entry(ds, index, with_documents) for ds in document_sets]
    return result
