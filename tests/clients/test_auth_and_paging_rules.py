"""Edge cases of the token lifecycle and the paging rules, fast, over ``httpx.MockTransport``."""

from __future__ import annotations

import dataclasses
import gc
import inspect
from collections.abc import Callable
from datetime import UTC, datetime
from urllib.parse import parse_qs

import avepoint_graph_client as ave
import httpx
import olconnect_client as olc
import pytest
from avepoint_graph_client.data_centres import DATA_CENTRES
from avepoint_graph_client.models import JobsPage
from avepoint_graph_client.paging import resolve_next_link
from olconnect_client.api.job_entity import get_job_metadata

import spec_model


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def olc_server(
    *, expires_in: str | None = "100", data_status: Callable[[str], int] = lambda token: 200
) -> tuple[httpx.MockTransport, list[str]]:
    """A tiny OL Connect: numbered tokens, data calls answered with ``data_status(token)``."""
    log: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/authentication/login"):
            assert request.headers["Authorization"] == "Basic YWRtaW46cHc="
            assert request.headers["User-Agent"].startswith("olconnect-client/")
            assert "auth_token" not in request.headers
            assert "timeout" in request.extensions
            log.append("login")
            headers = {} if expires_in is None else {"Token-Expires-In": expires_in}
            return httpx.Response(200, text=f"token-{log.count('login')}", headers=headers)
        token = request.headers.get("auth_token", "")
        log.append(token)
        status = data_status(token)
        if status == 401:
            return httpx.Response(401, json={"error": {"status": 401, "message": "expired"}})
        return httpx.Response(status, json=[])

    return httpx.MockTransport(handler), log


def olc_client(transport: httpx.MockTransport, clock: FakeClock | None = None) -> olc.AuthenticatedClient:
    client = olc.connect("http://olc.test", "admin", "pw", transport=transport, max_retries=0)
    if clock is not None:
        assert isinstance(client.auth, olc.TokenAuth)
        client.auth._clock = clock
    return client


def test_token_is_renewed_shortly_before_token_expires_in() -> None:
    transport, log = olc_server(expires_in="100")
    clock = FakeClock()
    client = olc_client(transport, clock)
    get_job_metadata.sync(1, client=client)
    clock.now += 89  # 100 s lifetime, 10 s margin (a tenth of the lifetime): still fine
    get_job_metadata.sync(1, client=client)
    clock.now += 2
    get_job_metadata.sync(1, client=client)
    assert log == ["login", "token-1", "token-1", "login", "token-2"]


def test_missing_token_expires_in_means_an_hour() -> None:
    transport, log = olc_server(expires_in=None)
    clock = FakeClock()
    client = olc_client(transport, clock)
    get_job_metadata.sync(1, client=client)
    clock.now += 3500
    get_job_metadata.sync(1, client=client)
    clock.now += 100
    get_job_metadata.sync(1, client=client)
    assert log.count("login") == 2


def test_a_401_triggers_one_new_login_and_a_second_401_raises() -> None:
    transport, log = olc_server(data_status=lambda token: 401 if token == "token-1" else 200)
    client = olc_client(transport)
    response = get_job_metadata.sync_detailed(1, client=client, options=olc.RequestOptions(timeout=7.0))
    assert log == ["login", "token-1", "login", "token-2"]
    assert response.raw.request.headers["auth_token"] == "token-2"
    always, log_always = olc_server(data_status=lambda token: 401)
    with pytest.raises(olc.errors.AuthenticationError):
        get_job_metadata.sync(1, client=olc_client(always))
    assert log_always == ["login", "token-1", "login", "token-2"]


def test_an_empty_login_answer_is_an_authentication_error() -> None:
    transport = httpx.MockTransport(lambda request: httpx.Response(200, text=""))
    with pytest.raises(olc.errors.AuthenticationError, match="login: the token in the answer is not usable"):
        get_job_metadata.sync(1, client=olc_client(transport))


def test_basic_mode_and_static_token_send_the_right_headers() -> None:
    seen: list[httpx.Headers] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request.headers)
        return httpx.Response(200, json=[])

    basic = olc.connect(
        "http://olc.test", "admin", "pw", use_basic_auth=True, transport=httpx.MockTransport(handler)
    )
    get_job_metadata.sync(1, client=basic)
    assert seen[-1]["Authorization"] == "Basic YWRtaW46cHc="
    assert "auth_token" not in seen[-1]
    assert seen[-1]["User-Agent"].startswith("olconnect-client/")
    static = olc.AuthenticatedClient(
        base_url="http://olc.test",
        token="t0k",
        prefix="",
        auth_header_name="auth_token",
        transport=basic._transport,
    )
    get_job_metadata.sync(1, client=static)
    assert seen[-1]["auth_token"] == "t0k"
    assert "t0k" not in repr(static)


def job(n: int) -> dict[str, object]:
    return {
        "jobId": f"J{n:05d}",
        "appType": 1,
        "jobType": 3,
        "dataSource": 1,
        "status": 2,
        "progress": 100,
        "startTime": "2024-01-01T00:00:00Z",
        "operator": "System",
    }


def ave_server(
    next_link: Callable[[int], str | None], pages: int = 3, *, endless: bool = False
) -> tuple[httpx.MockTransport, list[str]]:
    """Pages of two jobs; ``next_link(index)`` decides what each page points to (``endless``: also the
    empty pages past the end, as a misbehaving server might)."""
    seen: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/connect/token":
            form = parse_qs(request.content.decode())
            assert form["grant_type"] == ["client_credentials"]
            assert form["scope"] == ["gsuite.graph.read.all"]
            return httpx.Response(200, json={"access_token": "a", "token_type": "Bearer", "expires_in": 3600})
        assert request.headers["Authorization"] == "Bearer a"
        seen.append(str(request.url))
        index = int(request.url.params.get("pageIndex", "0"))
        body: dict[str, object] = {"jobs": [job(2 * index), job(2 * index + 1)] if index < pages else []}
        link = next_link(index) if endless or index < pages - 1 else None
        if link is not None:
            body["nextLink"] = link
        return httpx.Response(200, json=body)

    return httpx.MockTransport(handler), seen


def ave_client(transport: httpx.MockTransport) -> ave.AuthenticatedClient:
    return ave.connect("id", "secret", base_url="http://ave.test", transport=transport, max_retries=0)


def test_next_link_urls_are_followed_as_sent_and_foreign_origins_are_refused() -> None:
    current = httpx.URL("http://ave.test/backup/google/admin/jobs?pageIndex=0")
    same = "http://ave.test/backup/google/admin/jobs?pageIndex=1&pageSize=2"
    assert resolve_next_link(same, current=current, base_url="http://ave.test") == httpx.URL(same)
    for foreign in ("https://evil.example/backup/x?pageIndex=1", "//evil.example:81/x", "https://ave.test/x"):
        with pytest.raises(ave.errors.ForeignOriginError, match="refusing to send") as caught:
            resolve_next_link(foreign, current=current, base_url="http://ave.test")
        assert caught.value.allowed == ("http://ave.test:80",)
        assert "pageIndex" not in str(caught.value)
    assert resolve_next_link("/backup/x?a=1", current=current, base_url="http://ave.test") == httpx.URL(
        "http://ave.test/backup/x?a=1"
    )
    assert resolve_next_link("5Q4WjfOaJ0Yw%2BxgR7l", current=current, base_url="http://ave.test") is None


def test_iterators_follow_links_and_fall_back_to_page_index_for_opaque_tokens() -> None:
    transport, seen = ave_server(lambda i: f"http://ave.test/backup/google/admin/jobs?pageIndex={i + 1}&x=1")
    ids = [j.job_id for j in ave.iter_jobs(ave_client(transport), job_status=2)]
    assert ids == [f"J{n:05d}" for n in range(6)]
    assert seen[0].startswith("http://ave.test/backup/google/admin/jobs?")
    assert "jobStatus=2" in seen[0]
    assert seen[1:] == [f"http://ave.test/backup/google/admin/jobs?pageIndex={n}&x=1" for n in (1, 2)]
    endless, seen_endless = ave_server(lambda i: f"opaque-token-{i}", pages=2, endless=True)
    assert sum(1 for _ in ave.iter_jobs(ave_client(endless))) == 4
    assert len(seen_endless) == 3  # two full pages, one empty page, then stop
    opaque, seen_opaque = ave_server(lambda i: f"opaque-token-{i}")
    pages = list(ave.iter_job_pages(ave_client(opaque), ave.JobFilters(app_type=1), page_size=2))
    assert len(pages) == 3
    assert [httpx.URL(u).params["pageIndex"] for u in seen_opaque] == ["0", "1", "2"]
    assert all(httpx.URL(u).params["appType"] == "1" for u in seen_opaque)


@pytest.mark.anyio
async def test_async_iterator_matches_and_a_repeating_link_stops_with_an_error() -> None:
    transport, _ = ave_server(lambda i: f"/backup/google/admin/jobs?pageIndex={i + 1}")
    ids = [j.job_id async for j in ave.aiter_jobs(ave_client(transport))]
    assert ids == [f"J{n:05d}" for n in range(6)]
    stuck, _ = ave_server(lambda i: "/backup/google/admin/jobs?pageIndex=1", pages=5)
    with pytest.raises(ave.errors.PagingLoopError, match="names that page again"):
        [j async for j in ave.aiter_jobs(ave_client(stuck))]


def test_filters_refuse_naive_datetimes_and_double_filters() -> None:
    with pytest.raises(TypeError, match="not both"):
        next(ave.iter_jobs(ave_client(ave_server(lambda i: None)[0]), ave.JobFilters(app_type=1), job_type=3))
    with pytest.raises(ValueError, match="start_time must be timezone-aware"):
        ave.JobFilters(start_time=datetime(2024, 1, 1))
    assert (
        ave.JobFilters(finish_time=datetime(2024, 1, 1, tzinfo=UTC)).as_arguments()["finish_time"].tzinfo
        is UTC
    )


def test_the_filter_keywords_are_named_once_and_reach_the_request() -> None:
    # The six filters are JobFilters' fields; the iterators take them through JobFilterKeywords (issue 21).
    fields = [field.name for field in dataclasses.fields(ave.paging.JobFilters)]
    assert list(ave.paging.JobFilterKeywords.__annotations__) == fields
    for walk in (ave.iter_jobs, ave.iter_job_pages, ave.aiter_jobs, ave.aiter_job_pages):
        assert not set(inspect.signature(walk).parameters) & set(fields), walk.__name__
    transport, seen = ave_server(lambda i: None)
    start = datetime(2024, 1, 1, tzinfo=UTC)
    list(
        ave.iter_jobs(
            ave_client(transport), app_type=ave.models.AppType.DRIVE, job_status=0, start_time=start
        )
    )
    query = parse_qs(httpx.URL(seen[0]).query.decode())
    assert query["appType"] == [str(int(ave.models.AppType.DRIVE))]
    assert query["jobStatus"] == ["0"]
    assert "startTime" in query
    assert "jobType" not in query
    with pytest.raises(TypeError, match="app_typ"):
        next(ave.iter_jobs(ave_client(transport), app_typ=1))  # type: ignore[call-arg]


def test_only_one_page_is_alive_while_the_next_is_fetched() -> None:
    alive: list[int] = []
    transport, _ = ave_server(lambda i: f"/backup/google/admin/jobs?pageIndex={i + 1}", pages=6)

    def counting(request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/jobs"):
            alive.append(sum(1 for o in gc.get_objects() if isinstance(o, JobsPage)))
        return transport.handle_request(request)

    count = sum(1 for _ in ave.iter_jobs(ave_client(httpx.MockTransport(counting))))
    assert count == 12
    assert alive == [0, 0, 0, 0, 0, 0], "a page was still referenced when the next one was requested"


def test_token_endpoint_errors_are_typed_and_data_centres_resolve() -> None:
    refused = httpx.MockTransport(
        lambda r: httpx.Response(400, json={"error": "invalid_scope", "error_description": "scope x unknown"})
    )
    with pytest.raises(ave.errors.AuthenticationError, match="invalid_scope: scope x unknown") as caught:
        next(ave.iter_jobs(ave_client(refused)))
    assert caught.value.status_code == 400
    assert ave.data_centre("NE").base_url == "https://graph-ne.avepointonlineservices.com"
    assert (
        ave.data_centre("graph-gcp-we").token_url
        == "https://identity.avepointonlineservices.com/connect/token"
    )
    assert ave.data_centre("gov").token_url == "https://identity-gov.avepointonlineservices.com/connect/token"
    with pytest.raises(ValueError, match="unknown AvePoint data-centre code 'eu'"):
        ave.data_centre("eu")
    client = ave.connect("id", "s3cr3t-value", data_centre="uk")
    assert client.base_url == "https://graph-uk.avepointonlineservices.com"
    assert isinstance(client.auth, ave.ClientCredentialsAuth)
    assert client.auth.token_url == "https://identity.avepointonlineservices.com/connect/token"
    assert "s3cr3t-value" not in repr(client)


def test_data_centre_codes_cover_the_spec_server_variable() -> None:
    codes = spec_model.spec("avepoint").raw["servers"][0]["variables"]["dc"]["enum"]
    assert set(codes) <= set(DATA_CENTRES)
