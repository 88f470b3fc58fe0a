"""The one request path of every generated operation (``client_runtime.operation``), tested in place.

A small parser table stands in for a generated endpoint: JSON that becomes a dict-built object, a text
answer, an empty success, and a documented error model. The client is a stand-in with the real retrying
transport over ``httpx.MockTransport``.
"""

from __future__ import annotations

import dataclasses
import json
from typing import Any

import httpx
import pytest
from client_runtime import errors, json_body
from client_runtime.operation import Operation, no_body, unchanged
from client_runtime.options import RequestOptions
from client_runtime.retries import RETRY_EXTENSION, RetryPolicy
from client_runtime.types_base import status_of

from .fakes import FakeClient, FakeResponse


@dataclasses.dataclass
class Item:
    name: str

    @classmethod
    def from_dict(cls, data: Any) -> Item:
        return cls(name=data["name"])


@dataclasses.dataclass
class Problem:
    message: str

    @classmethod
    def from_dict(cls, data: Any) -> Problem:
        return cls(message=data["message"])


def message_field(body: Any) -> tuple[str | None, str | None]:
    """This stand-in API's error shape: ``{"message": ...}`` (a real package supplies its own)."""
    return (body.get("message"), None) if isinstance(body, dict) else (None, None)


ITEM: Operation[Item | str | None, FakeResponse[Item | str | None]] = Operation(
    FakeResponse,
    error_text=message_field,
    success=(
        (200, 200, "json", Item.from_dict),
        (203, 203, "text", unchanged),
        (204, 204, "none", no_body),
    ),
    failure=((404, 404, "json", Problem.from_dict), (400, 499, "json", Problem.from_dict)),
)
GET: dict[str, Any] = {"method": "GET", "url": "/items/1"}


def answer(status: int, body: Any = None, **kwargs: Any) -> FakeClient:
    def handler(request: httpx.Request) -> httpx.Response:
        if isinstance(body, bytes | str):
            return httpx.Response(status, content=body, **kwargs)
        return httpx.Response(status, json=body, **kwargs)

    return FakeClient(handler)


def test_each_documented_success_is_parsed_by_its_row() -> None:
    assert ITEM.sync(answer(200, {"name": "a"}), dict(GET)) == Item("a")
    assert ITEM.sync(answer(203, "plain text"), dict(GET)) == "plain text"
    assert ITEM.sync(answer(204, b""), dict(GET)) is None


def test_detailed_wraps_the_parsed_body_with_status_headers_and_raw_response() -> None:
    response = ITEM.sync_detailed(answer(200, {"name": "a"}, headers={"X-Id": "7"}), dict(GET))
    assert response.parsed == Item("a")
    assert response.status_code == 200
    assert response.headers["x-id"] == "7"
    assert response.raw.request.url.path == "/items/1"
    assert json.loads(response.content) == {"name": "a"}


def test_other_statuses_raise_typed_errors_with_the_documented_model() -> None:
    with pytest.raises(errors.NotFoundError) as caught:
        ITEM.sync(answer(404, {"message": "no item 1"}), dict(GET))
    assert caught.value.model == Problem("no item 1")
    assert caught.value.message == "no item 1"
    with pytest.raises(errors.BadRequestError) as bad:  # the 4xx range row still applies
        ITEM.sync(answer(400, {"message": "bad"}), dict(GET))
    assert bad.value.model == Problem("bad")
    with pytest.raises(errors.NotFoundError) as unfit:  # a body that does not fit: no model, same error
        ITEM.sync(answer(404, b"<html>"), dict(GET))
    assert unfit.value.model is None
    with pytest.raises(errors.UnexpectedStatusError):  # an undocumented 2xx is not a success
        ITEM.sync(answer(201, {"name": "a"}), dict(GET))
    with pytest.raises(errors.ServerError):
        ITEM.sync(answer(520, b""), dict(GET))
    assert status_of(520) == 520
    assert status_of(404) is not None


def test_a_success_body_that_does_not_fit_raises_a_parse_error() -> None:
    for body in ({"other": 1}, b"not json", b"[" * 100_000):
        with pytest.raises(errors.ResponseParseError, match="200 response to GET /items/1") as caught:
            ITEM.sync(answer(200, body), dict(GET))
        assert caught.value.status_code == 200


def test_transport_failures_become_connection_errors() -> None:
    def refuse(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("refused", request=request)

    def slow(request: httpx.Request) -> httpx.Response:
        raise httpx.ReadTimeout("slow", request=request)

    with pytest.raises(errors.ApiConnectionError, match="GET /items/1 failed: ConnectError"):
        ITEM.sync(FakeClient(refuse), dict(GET))
    with pytest.raises(errors.ApiTimeoutError):
        ITEM.sync(FakeClient(slow), dict(GET))


def test_options_reach_the_one_request_they_were_given_to() -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json={"name": "a"})

    client = FakeClient(handler, RetryPolicy(max_retries=4))
    options = RequestOptions(timeout=3.5, headers={"X-Trace": "t1"}, max_retries=1)
    ITEM.sync(client, dict(GET), options)
    ITEM.sync(client, dict(GET))
    assert seen[0].headers["x-trace"] == "t1"
    assert "x-trace" not in seen[1].headers
    assert seen[0].extensions["timeout"]["read"] == 3.5
    assert seen[0].extensions[RETRY_EXTENSION] == RetryPolicy(max_retries=1)
    assert RETRY_EXTENSION not in seen[1].extensions


@pytest.mark.anyio
async def test_the_async_path_behaves_like_the_sync_one() -> None:
    assert await ITEM.asyncio(answer(200, {"name": "b"}), dict(GET)) == Item("b")
    detailed = await ITEM.asyncio_detailed(answer(203, "t"), dict(GET))
    assert detailed.parsed == "t"
    assert detailed.status_code == 203
    with pytest.raises(errors.NotFoundError):
        await ITEM.asyncio(answer(404, {"message": "gone"}), dict(GET))


TYPED: Operation[Item | str | None, FakeResponse[Item | str | None]] = Operation(
    FakeResponse,
    success=(
        (200, 200, "json", Item.from_dict, ("application/json",)),
        (203, 203, "text", unchanged, ("text/plain",)),
    ),
    failure=((404, 404, "json", Problem.from_dict, ("application/json",)),),
)


@pytest.mark.parametrize(
    ("status", "body", "content_type"),
    [
        (200, b'{"name": "a"}', "application/json"),
        (200, b'{"name": "a"}', "Application/JSON; charset=UTF-8"),
        (203, b"true", "text/plain; charset=utf-8"),
        (203, b"true", "TEXT/PLAIN"),
        (203, b"", None),  # an empty body has no type to check (an update's empty 200, OLC-10)
    ],
)
def test_a_documented_media_type_is_read_whatever_its_parameters(
    status: int, body: bytes, content_type: str | None
) -> None:
    headers = {} if content_type is None else {"Content-Type": content_type}
    expected = Item("a") if status == 200 else body.decode()
    assert TYPED.sync(answer(status, body, headers=headers), dict(GET)) == expected


@pytest.mark.parametrize(
    ("status", "body", "content_type"),
    [
        (200, b"<html><body>Please sign in</body></html>", "text/html; charset=utf-8"),
        (200, b'{"name": "a"}', "text/plain"),
        (200, b'{"name": "a"}', "application/problem+json"),
        (200, b'{"name": "a"}', None),  # a body without a type does not fit a documented type
        (203, b"<html>sign in</html>", "text/html"),
        (203, b"true", "application/json"),
        (203, b"true", "text/plain" + "x" * 500),
    ],
)
def test_a_success_of_another_media_type_is_a_parse_error(
    status: int, body: bytes, content_type: str | None
) -> None:
    headers = {} if content_type is None else {"Content-Type": content_type}
    with pytest.raises(errors.ResponseParseError, match="the spec documents") as caught:
        TYPED.sync(answer(status, body, headers=headers), dict(GET))
    assert len(str(caught.value)) < 400  # a long Content-Type value is cut, not quoted whole


def test_an_error_body_of_another_media_type_gives_the_typed_error_without_a_model() -> None:
    html = {"Content-Type": "text/html"}
    with pytest.raises(errors.NotFoundError) as caught:
        TYPED.sync(answer(404, b'{"message": "gone"}', headers=html), dict(GET))
    assert caught.value.model is None
    with pytest.raises(errors.NotFoundError) as documented:
        TYPED.sync(answer(404, {"message": "gone"}), dict(GET))
    assert documented.value.model == Problem("gone")


def test_an_error_body_is_decoded_once_for_model_and_message(monkeypatch: pytest.MonkeyPatch) -> None:
    decoded: list[bytes] = []
    real_loads = json_body.loads

    def counting_loads(content: bytes) -> Any:
        decoded.append(content)
        return real_loads(content)

    monkeypatch.setattr(json_body, "loads", counting_loads)
    with pytest.raises(errors.NotFoundError) as caught:
        ITEM.sync(answer(404, {"message": "no item 1"}), dict(GET))
    assert caught.value.model == Problem(message="no item 1")
    assert caught.value.message == "no item 1"
    assert len(decoded) == 1
    # The runtime reads no API's shape by itself: without the package's ErrorText there is no message.
    bare: Operation[Item, FakeResponse[Item]] = Operation(
        FakeResponse, success=((200, 200, "json", Item.from_dict),)
    )
    with pytest.raises(errors.NotFoundError) as caught:
        bare.sync(answer(404, {"message": "no item 1", "error": {"message": "x"}}), dict(GET))
    assert caught.value.message is None
    assert caught.value.body == {"message": "no item 1", "error": {"message": "x"}}
