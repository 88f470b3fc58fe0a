"""A client call gives the same typed result whichever JSON decoder runs (issue 19, item 8).

The OL Connect IDs are plain integers of unstated width (OLC-05), so ``10**30 + 1`` is a valid ID; with orjson
installed a small body holding it used to come back as the float ``1e+30``. Each test runs with orjson and
with the standard library decoder (orjson hidden from the generated package's own runtime copy).
"""

from __future__ import annotations

import httpx
import olconnect_client as olc
import pytest
from olconnect_client._runtime import json_body
from olconnect_client.api.job_entity import get_job_segment_ids

BIG = 10**30 + 1


@pytest.fixture(params=["orjson", "json"])
def decoder(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    if request.param == "json":
        monkeypatch.setattr(json_body, "_orjson", None)
    assert json_body.decoder_for(100) == request.param
    return str(request.param)


def client_answering(body: bytes) -> olc.AuthenticatedClient:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/login"):
            return httpx.Response(200, text="token")
        return httpx.Response(200, content=body, headers={"Content-Type": "application/json"})

    return olc.connect("http://olc.test", "u", "p", transport=httpx.MockTransport(handler))


def test_a_big_id_comes_back_exact(decoder: str) -> None:
    body = b'{"identifiers": [%d, 7]}' % BIG
    result = get_job_segment_ids.sync(2001, client=client_answering(body))
    assert result.identifiers == [BIG, 7]
    assert type(result.identifiers[0]) is int


@pytest.mark.parametrize("body", [b'{"identifiers": [NaN]}', b'{"identifiers": [1e400]}'])
def test_non_numbers_are_rejected_by_both_decoders(decoder: str, body: bytes) -> None:
    with pytest.raises(olc.errors.ResponseParseError, match="JsonNumberError"):
        get_job_segment_ids.sync(2001, client=client_answering(body))


def test_a_utf16_body_is_rejected_by_both_decoders_whatever_its_charset(decoder: str) -> None:
    body = '{"identifiers": [1]}'.encode("utf-16")

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/login"):
            return httpx.Response(200, text="token")
        return httpx.Response(200, content=body, headers={"Content-Type": "application/json; charset=utf-16"})

    client = olc.connect("http://olc.test", "u", "p", transport=httpx.MockTransport(handler))
    with pytest.raises(olc.errors.ResponseParseError):
        get_job_segment_ids.sync(2001, client=client)
