"""Code that used to sit in templates as plain Python now lives in the runtime, checked where it is written.

client.py, types.py and errors.py of each package only re-export runtime modules; the open enums take their
behaviour from runtime base classes; the generated from_dict tells "no member left over" by counting; a
large decoded body goes to the collector's oldest generation without a young collection over it. These
tests run the runtime modules in place (client_runtime, installed editable) and check that the generated
packages expose the very same objects under their public names.
"""

from __future__ import annotations

import gc
import json
import pickle
from typing import Any

import olconnect_client
import pytest
from client_runtime import json_body
from client_runtime.collector_generations import promote_to_oldest_generation
from client_runtime.http_client import AuthenticatedClient, Client
from client_runtime.open_enums import OpenIntEnum, OpenStrEnum
from client_runtime.public_names import adopt_classes
from client_runtime.types_base import UNSET, Response, Unset, status_of
from olconnect_client import _runtime
from olconnect_client.models import DocumentStatistics, StatisticsCounts


class Colour(OpenStrEnum):
    DARK_RED = "darkRed"


class Level(OpenIntEnum):
    LOW = 1


def test_the_client_repr_shows_no_credentials_and_builders_leave_the_original_alone() -> None:
    client = AuthenticatedClient(base_url="http://127.0.0.1:9", token="s3cret", headers={"X-Key": "hidden"})
    text = repr(client)
    assert "s3cret" not in text
    assert "hidden" not in text
    assert "X-Key" in text
    other = client.with_headers({"X-Trace": "1"}).with_timeout(3.0)
    assert other is not client
    assert "X-Trace" not in repr(client)
    assert "X-Trace" in repr(other)
    assert client.origin_policy().allowed == ("http://127.0.0.1:9",)
    assert Client(base_url="http://127.0.0.1:9").origin_policy().allowed == client.origin_policy().allowed


def test_types_keep_unset_falsy_and_odd_statuses_plain() -> None:
    assert not UNSET
    assert isinstance(UNSET, Unset)
    assert repr(UNSET) == "UNSET"
    assert status_of(200) == 200
    assert type(status_of(520)) is int
    assert Response.__annotations__.keys() >= {"status_code", "content", "headers", "parsed", "raw"}


def test_open_enums_keep_unknown_values_and_fold_case() -> None:
    assert Colour("darkred") is Colour.DARK_RED
    unknown = Colour("brightBlue")
    assert not unknown.is_known
    assert unknown.name == "UNKNOWN_brightBlue"
    assert Colour("brightBlue") is unknown
    assert Colour.DARK_RED.is_known
    assert Level(-3).name == "UNKNOWN_NEGATIVE_3"
    assert not Level(7).is_known
    with pytest.raises(ValueError, match="False"):
        Level(False)
    with pytest.raises(ValueError, match="7"):
        Colour(7)  # type: ignore[arg-type]


def test_adopt_classes_renames_only_classes_bound_under_their_own_name() -> None:
    class Base(Exception):
        pass

    class Child(Base):
        pass

    class Other(Exception):
        pass

    namespace: dict[str, Any] = {"Base": Base, "Child": Child, "Alias": Child, "Renamed": Other, "x": 1}
    assert adopt_classes("public.errors", namespace, Base) == [Base, Child]
    assert Child.__module__ == "public.errors"
    assert Other.__module__ == __name__


def test_the_packages_expose_the_runtime_objects_under_their_public_names() -> None:
    assert olconnect_client.client.Client is _runtime.http_client.Client
    assert olconnect_client.types.UNSET is _runtime.types_base.UNSET
    error = olconnect_client.errors.NotFoundError
    assert error is _runtime.errors.NotFoundError
    assert error.__module__ == "olconnect_client.errors"
    assert pickle.loads(pickle.dumps(error)) is error


DOCUMENT: dict[str, Any] = {
    "documentId": 1,
    "contentItemId": 2,
    "dataRecordId": 3,
    "counts": {"sheets": 1, "pages": 2},
    "media": {"1": 1},
}


@pytest.mark.parametrize(
    ("extra", "left_over"),
    [
        ({}, {}),
        ({"properties": ["a=b"]}, {}),
        ({"pageRange": "1-2"}, {"pageRange": "1-2"}),
        ({"properties": ["a=b"], "pageRange": None}, {"pageRange": None}),
        ({"properties": None, "x": 1}, {"x": 1}),
    ],
)
def test_from_dict_finds_every_left_over_member(extra: dict[str, Any], left_over: dict[str, Any]) -> None:
    """The count (required members + optional ones found == body length) never hides an unknown member."""
    if extra.get("properties", []) is None:
        with pytest.raises(TypeError):
            DocumentStatistics.from_dict({**DOCUMENT, **extra})
        return
    document = DocumentStatistics.from_dict({**DOCUMENT, **extra})
    assert document.additional_properties == left_over


def test_an_explicit_unset_value_is_not_taken_for_a_member() -> None:
    counts = StatisticsCounts.from_dict({"sheets": 1, "pages": 2, "documents": olconnect_client.types.UNSET})
    assert counts.documents is olconnect_client.types.UNSET
    assert counts.additional_properties == {}
    with_extra = StatisticsCounts.from_dict({"sheets": 1, "pages": 2, "documents": 3, "colour": "red"})
    assert with_extra.additional_properties == {"colour": "red"}


def test_promotion_moves_young_objects_to_the_oldest_generation_unscanned() -> None:
    young = [[index] for index in range(5000)]
    assert promote_to_oldest_generation()
    assert gc.get_count()[0] < 100
    assert gc.get_freeze_count() == 0
    assert any(item is young[0] for item in gc.get_objects(generation=2))


def test_promotion_leaves_an_application_s_frozen_objects_alone() -> None:
    kept = [object()]
    gc.freeze()
    try:
        assert not promote_to_oldest_generation()
        assert gc.get_freeze_count() > 0
        assert not any(item is kept for item in gc.get_objects())  # still in the permanent generation
    finally:
        gc.unfreeze()
    assert any(item is kept for item in gc.get_objects())


def test_a_large_body_is_decoded_without_a_young_collection_afterwards() -> None:
    body = json.dumps([{"a": [index]} for index in range(100_000)]).encode()
    assert len(body) >= json_body.LARGE_BODY_BYTES
    gc.collect(1)  # no middle-generation collection is due during the test
    decoded = json_body.decode(body, list)
    # Without the promotion the decoded objects would sit in the youngest generation, and the next
    # allocation would start a collection that walks all 200 000 of them to move them one generation up.
    assert any(item is decoded for item in gc.get_objects(generation=2))
    assert gc.isenabled()
    assert len(decoded) == 100_000
