"""Unit tests of the OL Connect domain: statistics, replace versus merge, all-or-nothing, scenario checks."""

from __future__ import annotations

import copy
import re
import threading
from typing import Any

import pytest

from mock_servers.core.scenario import ScenarioError, load_scenario
from mock_servers.generate import olconnect_scenario
from mock_servers.olconnect.domain import (
    DuplicateEntityError,
    OLConnectStore,
    UnknownEntityError,
    as_map,
    merge_properties,
)
from mock_servers.olconnect.statistics import LevelMode, job_set_statistics

DOC0 = "/job_sets/0/jobs/0/segments/0/document_sets/0/documents/0"


@pytest.fixture
def scenario() -> dict[str, Any]:
    document, _ = load_scenario("olconnect", None)
    return document


@pytest.fixture
def store(scenario: dict[str, Any]) -> OLConnectStore:
    return OLConnectStore(scenario, "test")


def _check_invariants(stats: dict[str, Any], documents: list[dict[str, Any]]) -> None:
    assert stats["counts"]["sheets"] == sum(d["counts"]["sheets"] for d in documents)
    assert stats["counts"]["pages"] == sum(d["counts"]["pages"] for d in documents)
    assert stats["counts"]["documents"] == len(documents)
    for index, media in enumerate(stats["media"]):
        assert media["count"] == sum(d["media"].get(str(index), 0) for d in documents)


@pytest.mark.parametrize("job_set_id", [1001, 1002, 1003])
def test_statistics_add_up_at_every_level(store: OLConnectStore, job_set_id: int) -> None:
    job_set = store.job_set(job_set_id)
    only_documents = job_set_statistics(job_set, store.media, LevelMode.DOCUMENT_ONLY)
    _check_invariants(only_documents, only_documents["documents"])
    assert "documentSets" not in only_documents

    with_sets = job_set_statistics(job_set, store.media, LevelMode.DOCUMENT_SET_ALL)
    assert "documents" not in with_sets
    nested = [doc for document_set in with_sets["documentSets"] for doc in document_set["documents"]]
    assert nested == only_documents["documents"]
    for document_set in with_sets["documentSets"]:
        documents = document_set["documents"]
        assert document_set["counts"]["pages"] == sum(d["counts"]["pages"] for d in documents)
        assert document_set["counts"]["sheets"] == sum(d["counts"]["sheets"] for d in documents)
        for key, count in document_set["media"].items():
            assert count == sum(d["media"].get(key, 0) for d in documents)

    sets_only = job_set_statistics(job_set, store.media, LevelMode.DOCUMENT_SET_ONLY)
    assert all("documents" not in document_set for document_set in sets_only["documentSets"])
    assert [ds["counts"] for ds in sets_only["documentSets"]] == [
        ds["counts"] for ds in with_sets["documentSets"]
    ]


def test_statistics_of_the_default_job_set_by_hand(store: OLConnectStore) -> None:
    stats = job_set_statistics(store.job_set(1001), store.media, LevelMode.DOCUMENT_ONLY)
    assert stats["counts"] == {"documents": 5, "sheets": 9, "pages": 16}
    assert [(m["name"], m["count"]) for m in stats["media"]] == [
        ("Letter", 12),
        ("A4 Letterhead", 3),
        ("Envelope C5", 1),
    ]
    assert stats["properties"] == ["source=invoices-2024-12.csv", "template=invoice.OL-template"]
    assert stats["documents"][1]["media"] == {"0": 1, "1": 1}
    assert stats["documents"][0]["properties"] == ["customer=C0001"]
    assert "properties" not in stats["documents"][2]


def test_statistics_follow_the_entities_not_a_canned_answer(scenario: dict[str, Any]) -> None:
    changed = copy.deepcopy(scenario)
    document = changed["job_sets"][0]["jobs"][0]["segments"][0]["document_sets"][0]["documents"][0]
    document.update(sheets=5, pages=10, media={"Envelope C5": 10})
    store = OLConnectStore(changed, "test")
    stats = job_set_statistics(store.job_set(1001), store.media, LevelMode.DOCUMENT_ONLY)
    assert stats["counts"]["pages"] == 16 - 3 + 10
    assert {m["name"]: m["count"] for m in stats["media"]}["Envelope C5"] == 11


def test_empty_job_set_has_zero_counts_and_no_media(store: OLConnectStore) -> None:
    stats = job_set_statistics(store.job_set(1003), store.media, LevelMode.DOCUMENT_SET_ALL)
    assert stats == {
        "jobSetId": 1003,
        "counts": {"documents": 0, "sheets": 0, "pages": 0},
        "media": [],
        "documentSets": [],
    }


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (None, LevelMode.DOCUMENT_ONLY),
        ("documentsetall", LevelMode.DOCUMENT_SET_ALL),
        ("DOCUMENTSETONLY", LevelMode.DOCUMENT_SET_ONLY),
        ("DocumentOnly", LevelMode.DOCUMENT_ONLY),
        ("", None),
        ("documents", None),
    ],
)
def test_level_mode_is_case_insensitive(raw: str | None, expected: LevelMode | None) -> None:
    assert LevelMode.parse(raw) is expected


def test_generated_large_job_set_keeps_the_invariants() -> None:
    store = OLConnectStore(olconnect_scenario(2500, seed=3), "generated")
    stats = job_set_statistics(store.job_set(1001), store.media, LevelMode.DOCUMENT_ONLY)
    assert len(stats["documents"]) == 2500
    _check_invariants(stats, stats["documents"])


def test_contents_pair_items_with_records_across_segments(store: OLConnectStore) -> None:
    assert store.job_contents(2001) == [{"item": 6000 + n, "record": 7000 + n} for n in (1, 2, 3, 4)]
    assert store.job_contents(2004) == []
    with pytest.raises(UnknownEntityError):
        store.job_contents(42)


def test_replace_keeps_order_and_duplicates(store: OLConnectStore) -> None:
    new = (("b", "1"), ("a", "2"), ("b", "3"))
    store.replace_job_properties(2001, new)
    assert store.job(2001).properties == new
    store.replace_job_metadata(2001, ())
    assert store.job(2001).metadata == ()


def test_merge_overwrites_in_place_and_appends_new_names() -> None:
    current = (("priority", "high"), ("printer", "tray-1"))
    merged = merge_properties(current, (("new", "x"), ("priority", "low")))
    assert merged == (("priority", "low"), ("printer", "tray-1"), ("new", "x"))


def test_multi_update_is_all_or_nothing(store: OLConnectStore) -> None:
    before = {job_id: store.job(job_id).properties for job_id in store.jobs}
    with pytest.raises(UnknownEntityError) as unknown:
        store.merge_job_properties([(2001, (("x", "1"),)), (99999, (("x", "1"),))])
    assert unknown.value.entity_id == 99999
    with pytest.raises(DuplicateEntityError) as duplicate:
        store.merge_job_properties([(2001, (("x", "1"),)), (2001, (("y", "1"),))])
    assert duplicate.value.index == 1
    assert {job_id: store.job(job_id).properties for job_id in store.jobs} == before


def test_parallel_merges_lose_no_update(store: OLConnectStore) -> None:
    def writer(worker: int) -> None:
        for step in range(50):
            store.merge_job_properties(
                [(2001, ((f"w{worker}-{step}", "v"),)), (2002, ((f"w{worker}", str(step)),))]
            )

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    names = {name for name, _ in store.job(2001).properties}
    assert {f"w{w}-{s}" for w in range(8) for s in range(50)} <= names
    assert {name: value for name, value in store.job(2002).properties if name.startswith("w")} == {
        f"w{w}": "49" for w in range(8)
    }


@pytest.mark.parametrize(
    ("mutate", "pointer"),
    [
        (
            lambda s: s["job_sets"][0]["jobs"][1].update(id=2001),
            "/job_sets/0/jobs/1/id: duplicate job id 2001",
        ),
        (lambda s: _first_document(s).update(media={"Nope": 3}), f"{DOC0}/media/Nope: unknown media 'Nope'"),
        (lambda s: _first_document(s).update(pages=7), f"{DOC0}/pages: pages must be between sheets"),
        (
            lambda s: _first_document(s).update(media={"Letter": 2}),
            f"{DOC0}/media: media page counts must add up",
        ),
        (
            lambda s: _second_document(s).update(content_item=6001),
            f"{DOC0[:-1]}1/data_record: content item 6001 is already paired with data record 7001",
        ),
        (lambda s: s["users"].append(dict(s["users"][0])), "/users/3/username: duplicate username 'admin'"),
    ],
)
def test_scenario_cross_checks_name_the_entry(scenario: dict[str, Any], mutate: Any, pointer: str) -> None:
    mutate(scenario)
    with pytest.raises(
        ScenarioError, match=re.escape(f"s.yaml: {pointer}") if pointer.startswith("/") else pointer
    ):
        OLConnectStore(scenario, "s.yaml")


def _first_document(scenario: dict[str, Any]) -> dict[str, Any]:
    document: dict[str, Any] = scenario["job_sets"][0]["jobs"][0]["segments"][0]["document_sets"][0][
        "documents"
    ][0]
    return document


def _second_document(scenario: dict[str, Any]) -> dict[str, Any]:
    document: dict[str, Any] = scenario["job_sets"][0]["jobs"][0]["segments"][0]["document_sets"][0][
        "documents"
    ][1]
    return document


def test_repeated_jobs_apply_in_order_and_a_map_store_keeps_one_entry_per_name(store: OLConnectStore) -> None:
    """Variants olc.multi-update-repeats=apply (OLC-33) and olc.property-store=map (OLC-30)."""
    store.merge_job_properties([(2001, (("x", "1"),)), (2001, (("x", "2"), ("y", "3")))], repeats=True)
    stored = dict(store.job(2001).properties)
    assert (stored["x"], stored["y"]) == ("2", "3")
    assert as_map((("a", "1"), ("b", "2"), ("a", "3"))) == (("a", "3"), ("b", "2"))
