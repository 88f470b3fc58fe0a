"""The generated Data Set Entity functions against the OL Connect mock over real HTTP (OLC-70, OLC-71).

Every data set the list names can be followed to its records and properties; the properties round-trip as
sent; deleting a data set takes its records with it, and unknown IDs raise the typed not-found error.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from olconnect_client import errors
from olconnect_client.api.data_set_entity import (
    delete_data_set,
    get_data_record_ids,
    get_data_set_ids,
    get_data_set_properties,
    update_data_set_properties,
)
from olconnect_client.client import AuthenticatedClient
from olconnect_client.factory import connect
from olconnect_client.models import NameValueList, Property

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


def test_every_listed_data_set_has_records_and_properties(
    client: AuthenticatedClient, olc_mock: MockProcess
) -> None:
    listed = list(get_data_set_ids.sync(client=client).identifiers)
    assert listed == olc_mock.info["ids"]["data_sets"]
    records = {
        data_set: list(get_data_record_ids.sync(data_set, client=client).identifiers) for data_set in listed
    }
    assert sum(len(ids) for ids in records.values()) == olc_mock.info["counts"]["data_records"]
    every = [record for ids in records.values() for record in ids]
    assert len(every) == len(set(every)), "a record belongs to one data set"
    for data_set in listed:
        assert all(isinstance(p, Property) for p in get_data_set_properties.sync(data_set, client=client))


def test_properties_round_trip_as_sent(client: AuthenticatedClient, olc_mock: MockProcess) -> None:
    data_set = int(olc_mock.info["ids"]["data_sets"][0])
    pairs = [Property(name="b", value="2"), Property(name="a", value="1"), Property(name="b", value="3")]
    body = NameValueList(id=data_set, properties=pairs)
    assert update_data_set_properties.sync(data_set, client=client, body=body) is True
    got = get_data_set_properties.sync(data_set, client=client)
    assert [(p.name, p.value) for p in got] == [("b", "2"), ("a", "1"), ("b", "3")]


def test_deleting_a_data_set_takes_its_records(client: AuthenticatedClient, olc_mock: MockProcess) -> None:
    data_set = int(olc_mock.info["ids"]["data_sets"][0])
    assert get_data_record_ids.sync(data_set, client=client).identifiers, (
        "the first seeded data set has records"
    )
    assert delete_data_set.sync(data_set, client=client) is True
    assert data_set not in get_data_set_ids.sync(client=client).identifiers
    for call in (get_data_record_ids, get_data_set_properties, delete_data_set):
        with pytest.raises(errors.NotFoundError):
            call.sync(data_set, client=client)
    others = [int(i) for i in olc_mock.info["ids"]["data_sets"] if int(i) != data_set]
    assert list(get_data_set_ids.sync(client=client).identifiers) == others
