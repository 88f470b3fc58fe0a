"""The faster generated `from_dict` (issue 8) keeps the stock behaviour: same values, types and round trips.

The model templates read the input directly, fill the slots of the exact class, parse unions inline and
look enum values up in the value map. These tests pin what users rely on: unknown members land in
additional_properties, a subclass is still built through its own __init__, union and nullable fields keep
their three states (value, null, absent), open enums keep unknown values, and to_dict(from_dict(x)) == x.
"""

from __future__ import annotations

import datetime
from typing import Any

import attrs
import pytest
from avepoint_graph_client.models import Job, JobStatus
from olconnect_client.models import DocumentStatistics, JobSetStatistics, StatisticsPropertyMap
from olconnect_client.types import UNSET as OLC_UNSET

DOCUMENT: dict[str, Any] = {
    "documentId": 5001,
    "contentItemId": 600000,
    "dataRecordId": 900000,
    "counts": {"sheets": 2, "pages": 3, "documents": 1},
    "media": {"0": 2, "2": 1},
}
JOB: dict[str, Any] = {
    "jobId": "GJOB20240101000100",
    "appType": 4,
    "jobType": 2,
    "dataSource": 1,
    "status": 2,
    "progress": 100.0,
    "startTime": "2024-01-01T00:01:00+00:00",
    "finishTime": "2024-01-01T00:05:00+00:00",
    "operator": "System",
}


@pytest.mark.parametrize("properties", [["customer=C000001"], {"customer": "C000001"}, None])
def test_document_round_trips_with_every_properties_shape(properties: object) -> None:
    data = dict(DOCUMENT) if properties is None else {**DOCUMENT, "properties": properties}
    document = DocumentStatistics.from_dict(data)
    assert document.to_dict() == data
    if properties is None:
        assert document.properties is OLC_UNSET
    elif isinstance(properties, dict):
        assert isinstance(document.properties, StatisticsPropertyMap)
        assert document.properties["customer"] == "C000001"
    else:
        assert document.properties == ["customer=C000001"]
    assert document.media.additional_properties == {"0": 2, "2": 1}


def test_unknown_members_go_to_additional_properties_only() -> None:
    document = DocumentStatistics.from_dict({**DOCUMENT, "pageRange": "1-3", "weight": None})
    assert document.additional_properties == {"pageRange": "1-3", "weight": None}
    assert DocumentStatistics.from_dict(DOCUMENT).additional_properties == {}
    assert document.to_dict()["pageRange"] == "1-3"


def test_a_bad_union_value_still_fails_to_parse() -> None:
    with pytest.raises(TypeError):
        DocumentStatistics.from_dict({**DOCUMENT, "properties": 7})
    with pytest.raises(KeyError):
        DocumentStatistics.from_dict({key: value for key, value in DOCUMENT.items() if key != "counts"})


def test_subclasses_are_built_through_their_own_init() -> None:
    @attrs.define
    class TaggedDocument(DocumentStatistics):
        tag: str = "from-init"

    document = TaggedDocument.from_dict(DOCUMENT)
    assert type(document) is TaggedDocument
    assert document.tag == "from-init"
    assert document.document_id == 5001


def test_job_set_statistics_builds_nested_models() -> None:
    data = {
        "jobSetId": 1001,
        "counts": {"sheets": 2, "pages": 3, "documents": 1},
        "media": [
            {
                "name": "A4",
                "type": "Plain",
                "size": {"width": "210mm", "height": "297mm"},
                "color": None,
                "weight": "80gsm",
                "count": 3,
            },
        ],
        "documents": [DOCUMENT],
    }
    statistics = JobSetStatistics.from_dict(data)
    assert statistics.to_dict() == data
    assert statistics.media[0].color is None
    assert isinstance(statistics.documents, list)
    assert isinstance(statistics.documents[0], DocumentStatistics)


@pytest.mark.parametrize(
    "properties", ["customer=ACME;run=2025-06", "", ["customer=ACME"], {"customer": "ACME"}]
)
def test_job_set_properties_decode_in_every_form_the_pages_allow(properties: object) -> None:
    """The Statistics page types the job set's `properties` as a string (OLC-11, variant
    olc.statistics-properties); the client decodes it, and the array and map forms, without a TypeError."""
    data = {"jobSetId": 1001, "counts": {"sheets": 0, "pages": 0}, "media": [], "properties": properties}
    statistics = JobSetStatistics.from_dict(data)
    if isinstance(properties, dict):
        assert isinstance(statistics.properties, StatisticsPropertyMap)
    else:
        assert statistics.properties == properties
    assert statistics.to_dict() == data


FINISHED = datetime.datetime(2024, 1, 1, 0, 5, tzinfo=datetime.UTC)


@pytest.mark.parametrize(
    ("finish", "expected"),
    [
        ("2024-01-01T00:05:00+00:00", FINISHED),
        ("2024-01-01T00:05:00", FINISHED),  # no offset: UTC (AVE-07)
        ("2024-01-01T01:05:00+01:00", FINISHED),
        (None, None),
        ("", None),
        ("0001-01-01T00:00:00+00:00", None),  # the .NET placeholder (variant ave.running-finish-time)
        ("absent", None),
    ],
)
def test_finish_time_is_an_aware_utc_datetime_or_none(finish: str | None, expected: object) -> None:
    # AVE-30: every way a running job can say "no finish time" reads as None, so `finish_time` is typed
    # `datetime | None` (no `str`, no `Unset`); a time is aware and in UTC whatever offset it came with.
    data = {key: value for key, value in JOB.items() if key != "finishTime"}
    if finish != "absent":
        data["finishTime"] = finish
    job = Job.from_dict(data)
    assert job.finish_time == expected
    if isinstance(job.finish_time, datetime.datetime):
        assert job.finish_time.tzinfo is datetime.UTC
    assert Job.from_dict(job.to_dict()) == job
    with_millis = Job.from_dict({**JOB, "finishTime": "2024-01-01T00:05:00.123+00:00"})
    assert with_millis.finish_time == FINISHED.replace(microsecond=123000)


def test_enum_fields_are_members_and_stay_open() -> None:
    job = Job.from_dict({**JOB, "status": 0})
    assert job.status is JobStatus(0)
    assert job.status.is_known
    unknown = Job.from_dict({**JOB, "status": 42})
    assert unknown.status == 42
    assert not unknown.status.is_known
    assert unknown.to_dict()["status"] == 42


def test_jobs_with_and_without_offsets_compare() -> None:
    # Before AVE-30 a time without an offset was naive and one with an offset aware: `<` raised TypeError.
    naive = Job.from_dict({**JOB, "startTime": "2024-01-01T00:01:00"})
    shifted = Job.from_dict({**JOB, "startTime": "2024-01-01T02:00:00+02:00"})
    assert naive.start_time.tzinfo is datetime.UTC
    assert shifted.start_time.tzinfo is datetime.UTC
    assert shifted.start_time < naive.start_time
    assert sorted([naive, shifted], key=lambda job: job.start_time)[0] is shifted


@pytest.mark.parametrize("value", ["not a time", "2024-13-01T00:00:00", 20240101])
def test_a_start_time_that_is_no_time_fails_to_parse(value: object) -> None:
    with pytest.raises((ValueError, TypeError)):
        Job.from_dict({**JOB, "startTime": value})
