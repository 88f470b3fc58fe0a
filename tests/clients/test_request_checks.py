"""What the clients refuse to send (OLC-08, OLC-12) and the typed single-PUT result (OLC-10).

Every refusal must happen before any request: the transport below counts the requests it sees, and the
refusal tests assert it saw none.
"""

from __future__ import annotations

import json

import httpx
import pytest
from olconnect_client import errors
from olconnect_client.api.job_entity import (
    update_job_metadata,
    update_job_properties,
    update_multiple_job_properties,
)
from olconnect_client.api.job_segment_entity import update_job_segment_metadata
from olconnect_client.api.statistics import get_job_set_statistics
from olconnect_client.client import AuthenticatedClient
from olconnect_client.models import LevelMode, NameValueList, Property

STATISTICS = {"jobSetId": 5, "properties": [], "counts": {"sheets": 0, "pages": 0}, "media": []}


class Recorder:
    """A MockTransport handler that records each request and answers with a fixed response."""

    def __init__(self, status: int = 200, text: str = "true", body: object = None) -> None:
        self.requests: list[httpx.Request] = []
        self.status, self.text, self.body = status, text, body

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        if self.body is not None:
            return httpx.Response(self.status, json=self.body)
        return httpx.Response(self.status, text=self.text, headers={"Content-Type": "text/plain"})

    def client(self) -> AuthenticatedClient:
        return AuthenticatedClient(
            base_url="http://olc.test", transport=httpx.MockTransport(self), max_retries=0
        )

    def sent_json(self) -> object:
        assert len(self.requests) == 1
        return json.loads(self.requests[0].content)


def props(*names: str) -> list[Property]:
    return [Property(name=name, value="v") for name in names]


@pytest.mark.parametrize("update", [update_job_metadata, update_job_properties, update_job_segment_metadata])
def test_the_path_id_fills_a_missing_body_id(update: object) -> None:
    recorder = Recorder()
    result = update.sync(7, client=recorder.client(), body=NameValueList(properties=props("a")))  # type: ignore[attr-defined]
    assert result is True
    assert recorder.sent_json() == {"id": 7, "properties": [{"name": "a", "value": "v"}]}


def test_a_matching_body_id_is_sent_as_given() -> None:
    recorder = Recorder()
    assert (
        update_job_metadata.sync(7, client=recorder.client(), body=NameValueList(id=7, properties=[])) is True
    )
    assert recorder.sent_json() == {"id": 7, "properties": []}


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda c: update_job_metadata.sync(7, client=c, body=NameValueList(id=8, properties=[])), "differs"),
        (
            lambda c: update_job_properties.sync(7, client=c, body=NameValueList(properties=props(""))),
            "empty name",
        ),
        (
            lambda c: update_job_segment_metadata.sync(
                3, client=c, body=NameValueList(id=4, properties=props("a"))
            ),
            "differs",
        ),
        (lambda c: update_multiple_job_properties.sync_detailed(client=c, body=[]), "at least one entry"),
        (
            lambda c: update_multiple_job_properties.sync_detailed(
                client=c, body=[NameValueList(id=1, properties=props("a", ""))]
            ),
            "empty name",
        ),
        (
            lambda c: update_multiple_job_properties.sync_detailed(
                client=c, body=[NameValueList(properties=props("a"))]
            ),
            "no 'id'",
        ),
        (lambda c: get_job_set_statistics.sync(5, client=c, level_mode="documentSetAl"), "level_mode"),
        (lambda c: get_job_set_statistics.sync(5, client=c, level_mode=""), "level_mode"),
        (lambda c: get_job_set_statistics.sync(5, client=c, level_mode=LevelMode("bogus")), "level_mode"),
    ],
)
def test_a_request_that_cannot_be_right_is_refused_before_sending(call: object, message: str) -> None:
    recorder = Recorder()
    with pytest.raises(errors.InvalidRequestError, match=message) as caught:
        call(recorder.client())  # type: ignore[operator]
    assert recorder.requests == [], "nothing may be sent"
    assert isinstance(caught.value, errors.ApiError)
    assert isinstance(caught.value, ValueError)
    assert type(caught.value).__module__ == "olconnect_client.errors"


@pytest.mark.anyio
async def test_the_async_twins_refuse_too() -> None:
    recorder = Recorder()
    with pytest.raises(errors.InvalidRequestError):
        await update_job_metadata.asyncio(
            7, client=recorder.client(), body=NameValueList(id=8, properties=[])
        )
    with pytest.raises(errors.InvalidRequestError):
        await update_multiple_job_properties.asyncio_detailed(client=recorder.client(), body=[])
    assert recorder.requests == []


@pytest.mark.parametrize(
    ("given", "sent"),
    [
        ("DOCUMENTSETALL", "documentSetAll"),
        ("documentonly", "documentOnly"),
        (LevelMode.DOCUMENT_SET_ONLY, "documentSetOnly"),
    ],
)
def test_level_mode_is_matched_in_any_case_and_sent_canonically(given: object, sent: str) -> None:
    recorder = Recorder(body=STATISTICS)
    get_job_set_statistics.sync(5, client=recorder.client(), level_mode=given)  # type: ignore[arg-type]
    assert recorder.requests[0].url.params["levelMode"] == sent


def test_left_out_level_mode_is_not_sent() -> None:
    recorder = Recorder(body=STATISTICS)
    get_job_set_statistics.sync(5, client=recorder.client())
    assert "levelMode" not in recorder.requests[0].url.params


@pytest.mark.parametrize("text", ["true", "", "true\n"])
def test_a_single_put_answers_true(text: str) -> None:
    recorder = Recorder(text=text)
    assert update_job_properties.sync(7, client=recorder.client(), body=NameValueList(properties=[])) is True
    detailed = update_job_properties.sync_detailed(
        7, client=recorder.client(), body=NameValueList(properties=[])
    )
    assert detailed.parsed is True


def test_a_false_answer_raises_update_rejected() -> None:
    recorder = Recorder(text="false")
    with pytest.raises(errors.UpdateRejectedError, match="false") as caught:
        update_job_metadata.sync(7, client=recorder.client(), body=NameValueList(properties=[]))
    assert isinstance(caught.value, errors.ApiError)
    assert len(recorder.requests) == 1


@pytest.mark.parametrize("text", ["<html><body>sign in</body></html>", "yes", "TRUE!"])
def test_any_other_answer_is_a_parse_error(text: str) -> None:
    recorder = Recorder(text=text)
    with pytest.raises(errors.ResponseParseError) as caught:
        update_job_metadata.sync(7, client=recorder.client(), body=NameValueList(properties=[]))
    assert "sign in" not in str(caught.value)
