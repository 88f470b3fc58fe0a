"""The OL Connect mock's data sets (OLC-70/OLC-71): reads agree with the state, a delete takes the records.

One mock process for the module; the tests that change state reset it afterwards.
"""

from __future__ import annotations

import time
from collections.abc import Iterator

import httpx
import pytest

from mock_servers.olconnect.data_content import FIRST_NEW_ID, DataContentStore
from mock_servers.testing import MockProcess, running_mock

DATA_SETS = "/rest/serverengine/entity/datasets"
ADMIN = ("admin", "admin-password")


@pytest.fixture(scope="module")
def mock() -> Iterator[MockProcess]:
    with running_mock("olconnect") as process:
        yield process


@pytest.fixture
def http(mock: MockProcess) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=mock.base_url, timeout=10, auth=ADMIN) as client:
        yield client
    mock.reset()


def test_lists_follow_the_seeded_data_sets(http: httpx.Client, mock: MockProcess) -> None:
    assert http.get(DATA_SETS).json() == {"identifiers": [8001, 8002, 8003]}
    assert http.get(f"{DATA_SETS}/8001").json() == {"identifiers": [7001, 7002, 7003, 7004, 7005]}
    assert http.get(f"{DATA_SETS}/8003").json() == {"identifiers": []}
    assert mock.info["ids"]["data_sets"] == [8001, 8002, 8003]


def test_properties_round_trip(http: httpx.Client) -> None:
    wanted = [{"name": "b", "value": "2"}, {"name": "a", "value": "1"}, {"name": "b", "value": "3"}]
    put = http.put(f"{DATA_SETS}/8002/properties", json={"id": 8002, "properties": wanted})
    assert (put.status_code, put.text) == (200, "true")
    assert http.get(f"{DATA_SETS}/8002/properties").json() == wanted
    mismatch = http.put(f"{DATA_SETS}/8002/properties", json={"id": 8001, "properties": []})
    assert mismatch.status_code == 500
    assert mismatch.json()["error"]["parameter"] == "/id"
    assert http.get(f"{DATA_SETS}/8002/properties").json() == wanted


def test_delete_removes_the_data_set_and_its_records(http: httpx.Client) -> None:
    got = http.post(f"{DATA_SETS}/8001/delete")
    assert (got.status_code, got.text) == (200, "true")
    assert 8001 not in http.get(DATA_SETS).json()["identifiers"]
    assert http.get(f"{DATA_SETS}/8001").status_code == 404
    assert http.get(f"{DATA_SETS}/8001/properties").status_code == 404
    assert http.post(f"{DATA_SETS}/8001/delete").status_code == 404


def test_reset_brings_a_deleted_data_set_back(http: httpx.Client, mock: MockProcess) -> None:
    assert http.post(f"{DATA_SETS}/8002/delete").status_code == 200
    mock.reset()
    assert http.get(f"{DATA_SETS}/8002").json() == {"identifiers": [7006]}


def test_deferred_delete_keeps_the_data_set_listed_for_a_moment() -> None:
    with (
        running_mock("olconnect", variants={"olc.data-set-delete": "deferred"}) as deferred,
        httpx.Client(base_url=deferred.base_url, timeout=10, auth=ADMIN) as http,
    ):
        started = time.monotonic()
        assert http.post(f"{DATA_SETS}/8002/delete").text == "true"
        still = [http.get(path).status_code for path in (f"{DATA_SETS}/8002", f"{DATA_SETS}/8002/properties")]
        if time.monotonic() - started < 0.9:  # a very slow machine may already have passed the due time
            assert still == [200, 200]
        deadline = started + 10
        while 8002 in http.get(DATA_SETS).json()["identifiers"]:
            assert time.monotonic() < deadline, "the deferred deletion never happened"
            time.sleep(0.1)
        assert time.monotonic() - started >= 0.9
        assert http.get(f"{DATA_SETS}/8002").status_code == 404


def test_create_data_set_is_what_data_mapping_calls() -> None:
    """The production line makes data sets through this one call; the entity reads then see them."""
    store = DataContentStore.from_scenario({"data_sets": [{"id": FIRST_NEW_ID, "records": []}]}, "test")
    made = store.create_data_set([{"customer": "C1"}, {"customer": "C2"}], (("origin", "upload.csv"),))
    assert made.id != FIRST_NEW_ID
    assert store.data_set(made.id) is made
    assert [store.records[record.id].fields for record in made.records] == [
        (("customer", "C1"),),
        (("customer", "C2"),),
    ]
    store.delete_data_set(made.id)
    assert made.id not in store.data_sets
    assert all(record.id not in store.records for record in made.records)
