"""The generated Job Set, Document Set and Document functions against the OL Connect mock over real HTTP.

The entity services and the statistics read one entity tree in the mock (OLC-40): walking it down with the
generated list functions must reach exactly the documents the statistics count; the replacing PUTs must
round-trip; deleting a job set must remove what it owns (OLC-42).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from olconnect_client import errors
from olconnect_client.api.document_entity import get_document_metadata, update_document_metadata
from olconnect_client.api.document_set_entity import (
    get_document_ids,
    get_document_set_metadata,
    update_document_set_metadata,
)
from olconnect_client.api.job_entity import get_job_segment_ids
from olconnect_client.api.job_segment_entity import get_document_set_ids
from olconnect_client.api.job_set_entity import (
    delete_job_set,
    get_job_ids,
    get_job_set_ids,
    get_job_set_metadata,
    get_job_set_properties,
    update_job_set_metadata,
    update_job_set_properties,
)
from olconnect_client.api.statistics import get_job_set_statistics
from olconnect_client.client import AuthenticatedClient
from olconnect_client.factory import connect
from olconnect_client.models import LevelMode, NameValueList, Property

from mock_servers.testing import MockProcess, running_mock


@pytest.fixture(scope="module")
def olc_mock() -> Iterator[MockProcess]:
    with running_mock("olconnect", access_log=False) as mock:
        yield mock


@pytest.fixture
def client(olc_mock: MockProcess) -> Iterator[AuthenticatedClient]:
    olc_mock.reset()
    user = next(u for u in olc_mock.info["users"] if "write" in u["roles"])
    with connect(olc_mock.base_url, user["username"], user["password"]) as client:
        yield client


def _tree(client: AuthenticatedClient, job_set_id: int) -> tuple[list[int], list[int], list[int], list[int]]:
    """(jobs, segments, document sets, documents) of one job set, through the generated list functions."""
    jobs = list(get_job_ids.sync(job_set_id, client=client).identifiers)
    segments = [s for j in jobs for s in get_job_segment_ids.sync(j, client=client).identifiers]
    sets = [d for s in segments for d in get_document_set_ids.sync(s, client=client).identifiers]
    documents = [d for s in sets for d in get_document_ids.sync(s, client=client).identifiers]
    return jobs, segments, sets, documents


def test_the_entity_lists_reach_exactly_what_the_statistics_count(
    client: AuthenticatedClient, olc_mock: MockProcess
) -> None:
    job_sets = list(get_job_set_ids.sync(client=client).identifiers)
    assert job_sets == [int(i) for i in olc_mock.info["ids"]["job_sets"]]
    walked_documents = 0
    for job_set_id in job_sets:
        _, _, sets, documents = _tree(client, job_set_id)
        walked_documents += len(documents)
        stats = get_job_set_statistics.sync(job_set_id, client=client)
        assert sorted(d.document_id for d in stats.documents or []) == sorted(documents)
        by_set = get_job_set_statistics.sync(
            job_set_id, client=client, level_mode=LevelMode.DOCUMENT_SET_ONLY
        )
        assert sorted(s.document_set_id for s in by_set.document_sets or []) == sorted(sets)
        for document_id in documents:
            assert isinstance(get_document_metadata.sync(document_id, client=client), list)
        for document_set_id in sets:
            assert isinstance(get_document_set_metadata.sync(document_set_id, client=client), list)
    assert walked_documents == olc_mock.info["counts"]["documents"]


@pytest.mark.parametrize(
    ("update", "read", "ids_key"),
    [
        (update_job_set_metadata, get_job_set_metadata, "job_sets"),
        (update_job_set_properties, get_job_set_properties, "job_sets"),
        (update_document_set_metadata, get_document_set_metadata, "document_sets"),
        (update_document_metadata, get_document_metadata, "documents"),
    ],
    ids=["job-set-metadata", "job-set-properties", "document-set-metadata", "document-metadata"],
)
def test_each_update_replaces_the_set_it_names(
    client: AuthenticatedClient, olc_mock: MockProcess, update: object, read: object, ids_key: str
) -> None:
    entity_id = int(olc_mock.info["ids"][ids_key][0])
    pairs = [Property(name="b", value="2"), Property(name="a", value="1"), Property(name="b", value="3")]
    assert update.sync(entity_id, client=client, body=NameValueList(id=entity_id, properties=pairs)) is True  # type: ignore[attr-defined]
    got = read.sync(entity_id, client=client)  # type: ignore[attr-defined]
    assert [(p.name, p.value) for p in got] == [("b", "2"), ("a", "1"), ("b", "3")]


def test_a_document_update_shows_in_the_statistics(
    client: AuthenticatedClient, olc_mock: MockProcess
) -> None:
    job_set_id = int(olc_mock.info["ids"]["job_sets"][0])
    document_id = _tree(client, job_set_id)[3][0]
    body = NameValueList(id=document_id, properties=[Property(name="tray", value="2")])
    update_document_metadata.sync(document_id, client=client, body=body)
    stats = get_job_set_statistics.sync(job_set_id, client=client)
    document = next(d for d in stats.documents or [] if d.document_id == document_id)
    assert document.properties == ["tray=2"]


def test_deleting_a_job_set_removes_what_it_owns(client: AuthenticatedClient, olc_mock: MockProcess) -> None:
    job_set_id = int(olc_mock.info["ids"]["job_sets"][0])
    jobs, segments, sets, documents = _tree(client, job_set_id)
    assert documents, "the first seeded job set owns documents"
    assert delete_job_set.sync(job_set_id, client=client) is True
    assert job_set_id not in get_job_set_ids.sync(client=client).identifiers
    calls: list[Callable[[], object]] = [
        lambda: get_job_ids.sync(job_set_id, client=client),
        lambda: get_job_set_statistics.sync(job_set_id, client=client),
        lambda: delete_job_set.sync(job_set_id, client=client),
        *(lambda j=j: get_job_segment_ids.sync(j, client=client) for j in jobs),
        *(lambda s=s: get_document_set_ids.sync(s, client=client) for s in segments),
        *(lambda s=s: get_document_ids.sync(s, client=client) for s in sets),
        *(lambda d=d: get_document_metadata.sync(d, client=client) for d in documents),
    ]
    for call in calls:
        with pytest.raises(errors.NotFoundError):
            call()
    # The other job sets are untouched.
    others = [int(i) for i in olc_mock.info["ids"]["job_sets"] if int(i) != job_set_id]
    assert list(get_job_set_ids.sync(client=client).identifiers) == others
