"""The fast decoding path (`_runtime/json_body.py`) gives the same objects and leaves the collector as it was.

It pauses Python's cyclic garbage collector while a large body becomes models; a mistake there would leave a
user's process without garbage collection, so the on/off bookkeeping is tested, including nesting, threads
and errors. Speed is measured by `nox -s bench` (BENCHMARKS.md, figure 2), never asserted here.
"""

from __future__ import annotations

import gc
import json
import threading
from collections.abc import Iterator

import pytest
from client_runtime import json_body

LARGE = json_body.LARGE_BODY_BYTES


@pytest.fixture(autouse=True)
def collector_on() -> Iterator[None]:
    was_enabled = gc.isenabled()
    gc.enable()
    yield
    if was_enabled:  # a test that turned it off must not leave it off for the tests after it
        gc.enable()
    else:
        gc.disable()


def body_of(size: int) -> bytes:
    """A JSON document of at least `size` bytes with nested objects, strings, numbers and nulls."""
    item = {"documentId": 1, "properties": ["k=v", "é"], "counts": {"sheets": 2, "pages": 3}, "color": None}
    encoded = json.dumps(item).encode()
    return json.dumps([item] * (size // len(encoded) + 1)).encode()


@pytest.mark.parametrize("size", [10, LARGE + 1])
def test_loads_gives_what_json_loads_gives(size: int) -> None:
    body = body_of(size)
    assert json_body.loads(body) == json.loads(body)
    assert json_body.loads(body.decode()) == json.loads(body)


def test_decoder_depends_on_size() -> None:
    assert json_body.decoder_for(LARGE) == "json"
    small = json_body.decoder_for(LARGE - 1)
    assert small == ("orjson" if json_body._orjson is not None else "json")


def test_large_body_pauses_the_collector_only_while_decoding() -> None:
    seen: list[bool] = []

    def build(value: object) -> object:
        seen.append(gc.isenabled())
        return value

    json_body.decode(body_of(LARGE), build)
    json_body.decode(body_of(100), build)
    assert seen == [False, True]
    assert gc.isenabled()


def test_collector_is_back_on_after_an_error_and_stays_off_if_it_was_off() -> None:
    def broken(_: object) -> object:
        raise KeyError("jobSetId")

    with pytest.raises(KeyError):
        json_body.decode(body_of(LARGE), broken)
    assert gc.isenabled()
    with pytest.raises(json.JSONDecodeError):
        json_body.decode(b"{not json" + b" " * LARGE, lambda value: value)
    assert gc.isenabled()
    gc.disable()
    json_body.decode(body_of(LARGE), lambda value: value)
    assert not gc.isenabled()


def test_nested_and_concurrent_pauses_turn_the_collector_on_once_at_the_end() -> None:
    with json_body.collector_paused():
        with json_body.collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()

    inside = threading.Barrier(2, timeout=10)
    first_left = threading.Event()
    states: list[bool] = []

    def first() -> None:
        with json_body.collector_paused():
            inside.wait()
        states.append(gc.isenabled())  # the second thread still decodes: collector must stay off
        first_left.set()

    def second() -> None:
        with json_body.collector_paused():
            inside.wait()
            first_left.wait(timeout=10)
            states.append(gc.isenabled())

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=10)
    assert states == [False, False]
    assert gc.isenabled()
