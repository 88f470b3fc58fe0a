"""Unit rules behind the hostile-server suite: token routing, token checks, 429 on login, loop detection."""

from __future__ import annotations

import asyncio
import pickle
import traceback
from urllib.parse import parse_qs

import avepoint_graph_client as ave
import httpx
import olconnect_client as olc
import pytest
from avepoint_graph_client.api.authentication import request_token
from avepoint_graph_client.api.jobs import list_jobs
from avepoint_graph_client.models import GrantType, TokenRequest
from avepoint_graph_client.paging import DEFAULT_MAX_PAGES
from olconnect_client.api.authentication import login
from olconnect_client.api.job_entity import get_job_metadata

from .test_auth_and_paging_rules import job

FORM = TokenRequest(
    grant_type=GrantType.CLIENT_CREDENTIALS,
    client_id="id",
    client_secret="secret",
    scope="gsuite.graph.read.all",
)


def test_request_token_goes_to_the_identity_host_without_a_bearer_header() -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json={"access_token": "t", "token_type": "Bearer", "expires_in": 60})

    for mode in ("sync", "async"):
        seen.clear()
        client = ave.connect("id", "secret", data_centre="ne", transport=httpx.MockTransport(handler))
        if mode == "sync":
            answer = request_token.sync(client=client, body=FORM)
        else:
            answer = asyncio.run(request_token.asyncio(client=client, body=FORM))
        assert answer.access_token == "t"
        (request,) = seen  # no token fetched first
        assert str(request.url) == ave.data_centre("ne").token_url
        assert "authorization" not in request.headers
        assert request.headers["host"] == request.url.host
        assert parse_qs(request.content.decode())["client_secret"] == ["secret"]


def test_login_operation_sends_basic_and_no_token() -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, text="fresh-token")

    client = olc.connect("http://olc.test", "u", "p", transport=httpx.MockTransport(handler))
    assert login.sync(client=client) == "fresh-token"
    (request,) = seen
    assert request.headers["authorization"].startswith("Basic ")
    assert "auth_token" not in request.headers


def test_a_429_on_login_is_retried_and_then_raises_rate_limit_error() -> None:
    statuses = iter([429, 200])
    log: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        log.append(request.url.path)
        if request.url.path.endswith("/login"):
            status = next(statuses, 429)
            return httpx.Response(status, text="tok", headers={"Retry-After": "0"})
        return httpx.Response(200, json=[])

    client = olc.connect("http://olc.test", "u", "p", transport=httpx.MockTransport(handler))
    assert get_job_metadata.sync(1, client=client) == []
    assert len([path for path in log if path.endswith("/login")]) == 2
    always = olc.connect(
        "http://olc.test",
        "u",
        "p",
        max_retries=1,
        transport=httpx.MockTransport(lambda r: httpx.Response(429)),
    )
    with pytest.raises(olc.errors.RateLimitError):
        get_job_metadata.sync(1, client=always)


@pytest.mark.parametrize(
    ("token_type", "expected"), [("mac", "token_type is 'mac', not Bearer"), (7, "token_type is int")]
)
def test_a_token_type_other_than_bearer_says_so(token_type: object, expected: str) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json={"access_token": "t", "token_type": token_type, "expires_in": 60})

    client = ave.connect("id", "secret", base_url="http://ave.test", transport=httpx.MockTransport(handler))
    with pytest.raises(ave.errors.AuthenticationError, match=expected):
        list_jobs.sync(client=client)


def test_bearer_in_any_case_is_accepted() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/connect/token":
            return httpx.Response(200, json={"access_token": "t", "token_type": "BEARER", "expires_in": 60})
        return httpx.Response(200, json={"jobs": []})

    client = ave.connect("id", "secret", base_url="http://ave.test", transport=httpx.MockTransport(handler))
    assert list_jobs.sync(client=client).jobs == []


def test_public_errors_name_their_public_module() -> None:
    for package in (olc, ave):
        error = package.errors.NotFoundError(httpx.Response(404, request=httpx.Request("GET", "http://x/y")))
        assert type(error).__module__ == f"{package.__name__}.errors"
        text = "".join(traceback.format_exception_only(error))
        assert text.startswith(f"{package.__name__}.errors.NotFoundError: 404 Not Found for GET /y")
        assert package.errors.ApiError.__module__ == f"{package.__name__}.errors"
        assert pickle.loads(pickle.dumps(package.errors.ApiError("x"))).args == ("x",)


def test_paging_cap_is_configurable_and_documented_default() -> None:
    assert DEFAULT_MAX_PAGES == 10_000

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/connect/token":
            return httpx.Response(200, json={"access_token": "t", "token_type": "Bearer", "expires_in": 60})
        index = int(request.url.params.get("pageIndex", "0"))
        return httpx.Response(200, json={"jobs": [job(index)], "nextLink": f"/j?pageIndex={index + 1}"})

    client = ave.connect("id", "secret", base_url="http://ave.test", transport=httpx.MockTransport(handler))
    walk = ave.iter_job_pages(client, max_pages=5)
    pages = [next(walk) for _ in range(5)]  # every page within the cap reaches the caller
    assert len(pages) == 5
    with pytest.raises(ave.errors.PageLimitError, match="max_pages=5"):
        next(walk)
    unlimited = ave.iter_job_pages(client, max_pages=None)
    assert sum(1 for _ in zip(range(DEFAULT_MAX_PAGES // 100 + 1), unlimited, strict=False)) == 101
    with pytest.raises(ValueError, match="max_pages"):
        next(ave.iter_jobs(client, max_pages=0))


def test_brent_finds_cycles_of_any_length_quickly() -> None:
    for cycle in (2, 3, 7, 50):

        def handler(request: httpx.Request, cycle: int = cycle) -> httpx.Response:
            if request.url.path == "/connect/token":
                return httpx.Response(
                    200, json={"access_token": "t", "token_type": "Bearer", "expires_in": 60}
                )
            nonce = int(request.url.params.get("nonce", "0"))
            link = f"/j?nonce={nonce + 1}"  # the URL never repeats; page content cycles
            return httpx.Response(200, json={"jobs": [job(nonce % cycle)], "nextLink": link})

        client = ave.connect(
            "id", "secret", base_url="http://ave.test", transport=httpx.MockTransport(handler)
        )
        pages: list[object] = []
        with pytest.raises(ave.errors.PagingLoopError, match="same 1 job IDs as page"):
            pages.extend(ave.iter_job_pages(client))
        assert len(pages) <= 3 * cycle + 2, (cycle, len(pages))
