"""The OL Connect client against the OL Connect mock over real HTTP: auth lifecycle, faults, concurrency."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest
from olconnect_client import errors
from olconnect_client._runtime.options import RequestOptions
from olconnect_client.api.authentication import login
from olconnect_client.api.job_entity import get_job_metadata, get_job_properties, update_job_properties
from olconnect_client.api.statistics import get_job_set_statistics
from olconnect_client.auth import TokenAuth
from olconnect_client.client import AuthenticatedClient
from olconnect_client.factory import connect
from olconnect_client.models import LevelMode, NameValueList, Property

from mock_servers.testing import MockProcess, running_mock

from .live import QUICK_RETRIES, access_log, requests_to, start_log

LOGIN = "/authentication/login"


@pytest.fixture(scope="module")
def olc_mock() -> Iterator[MockProcess]:
    with running_mock("olconnect") as mock:
        yield mock


@pytest.fixture
def mock(olc_mock: MockProcess) -> Iterator[MockProcess]:
    olc_mock.reset()
    olc_mock.clear_faults()
    start_log(olc_mock)
    yield olc_mock
    olc_mock.clear_faults()


def admin(mock: MockProcess) -> tuple[str, str]:
    user = next(u for u in mock.info["users"] if "write" in u["roles"])
    return user["username"], user["password"]


def job_id(mock: MockProcess) -> int:
    return int(mock.info["ids"]["jobs"][0])


def client_for(
    mock: MockProcess,
    *,
    use_basic_auth: bool = False,
    timeout: httpx.Timeout | None = None,
    max_retries: int | None = None,
) -> AuthenticatedClient:
    username, password = admin(mock)
    return connect(
        mock.base_url,
        username,
        password,
        use_basic_auth=use_basic_auth,
        timeout=timeout or httpx.Timeout(30.0, connect=5.0),
        retry_policy=QUICK_RETRIES if max_retries is None else None,
        max_retries=max_retries,
    )


def test_logs_in_once_and_reuses_the_token(mock: MockProcess) -> None:
    with client_for(mock) as client:
        for _ in range(3):
            assert all(isinstance(p, Property) for p in get_job_metadata.sync(job_id(mock), client=client))
    records = access_log(mock)
    assert len(requests_to(records, LOGIN, "POST")) == 1
    assert [r["status"] for r in requests_to(records, "/metadata")] == [200, 200, 200]


def test_token_expiry_mid_sequence_logs_in_again_once(mock: MockProcess) -> None:
    with client_for(mock) as client:
        before = get_job_properties.sync(job_id(mock), client=client)
        mock.expire_tokens()
        after = get_job_properties.sync(job_id(mock), client=client)
        assert [(p.name, p.value) for p in after] == [(p.name, p.value) for p in before]
        get_job_properties.sync(job_id(mock), client=client)
    records = access_log(mock)
    assert [r["status"] for r in requests_to(records, LOGIN)] == [200, 200]
    assert [r["status"] for r in requests_to(records, "/properties")] == [200, 401, 200, 200]


def test_refreshes_before_token_expires_in_runs_out() -> None:
    with running_mock("olconnect", token_ttl=1) as mock:
        with client_for(mock) as client:
            get_job_metadata.sync(job_id(mock), client=client)
            time.sleep(1.0)
            get_job_metadata.sync(job_id(mock), client=client)
        records = access_log(mock)
    assert len(requests_to(records, LOGIN, "POST")) == 2
    assert all(r["status"] == 200 for r in records), "the token was renewed before the server refused it"


def test_wrong_password_raises_authentication_error_without_the_password(mock: MockProcess) -> None:
    username, _ = admin(mock)
    with (
        connect(mock.base_url, username, "Wr0ng-Pa55word!") as client,
        pytest.raises(errors.AuthenticationError) as caught,
    ):
        get_job_metadata.sync(job_id(mock), client=client)
    assert caught.value.status_code == 401
    assert caught.value.response.request.url.path.endswith(LOGIN)
    assert "Wr0ng-Pa55word!" not in str(caught.value)


def test_basic_auth_mode_sends_credentials_on_every_request(mock: MockProcess) -> None:
    with client_for(mock, use_basic_auth=True) as client:
        get_job_metadata.sync(job_id(mock), client=client)
        get_job_metadata.sync(job_id(mock), client=client)
    records = access_log(mock)
    assert requests_to(records, LOGIN) == []
    assert [r["status"] for r in requests_to(records, "/metadata")] == [200, 200]


def test_not_found_carries_the_json_error(mock: MockProcess) -> None:
    with client_for(mock) as client, pytest.raises(errors.NotFoundError) as caught:
        get_job_metadata.sync(987654, client=client)
    assert caught.value.parameter == "987654"
    assert caught.value.message


@pytest.mark.parametrize("status", [429, 503])
def test_retry_after_is_honoured_for_gets(mock: MockProcess, status: int) -> None:
    with client_for(mock) as client:
        get_job_metadata.sync(job_id(mock), client=client)  # log in first
        mock.set_faults(status=status, count=2, retry_after=1)
        started = time.monotonic()
        detailed = get_job_metadata.sync_detailed(job_id(mock), client=client)
        waited = time.monotonic() - started
    assert detailed.status_code == 200
    assert detailed.attempts == 3
    assert 2.0 <= waited < 3.5  # two waits of Retry-After: 1 (the backoff alone would be ~0.1 s)
    assert [r["status"] for r in requests_to(access_log(mock), "/metadata")][-3:] == [status, status, 200]


def test_retries_give_up_with_a_typed_error(mock: MockProcess) -> None:
    with client_for(mock, max_retries=1) as client:
        get_job_metadata.sync(job_id(mock), client=client)
        mock.set_faults(status=429, count=5, retry_after=0)
        with pytest.raises(errors.RateLimitError) as caught:
            get_job_metadata.sync(job_id(mock), client=client)
    assert caught.value.headers["Retry-After"] == "0"
    assert [r["status"] for r in requests_to(access_log(mock), "/metadata")][-2:] == [429, 429]


def test_a_dropped_get_is_retried_but_a_dropped_login_is_not(mock: MockProcess) -> None:
    with client_for(mock) as client:
        mock.set_faults(drop=1)
        with pytest.raises(errors.ApiConnectionError):
            get_job_metadata.sync(job_id(mock), client=client)  # the login POST is dropped
        assert len(requests_to(access_log(mock), LOGIN)) == 1, "the server saw the login: never resend it"
        get_job_metadata.sync(job_id(mock), client=client)  # logs in
        mock.set_faults(drop=1)
        properties = get_job_metadata.sync(job_id(mock), client=client)  # dropped, then retried
    assert isinstance(properties, list)
    records = access_log(mock)
    assert [bool(r.get("dropped")) for r in requests_to(records, "/metadata")] == [False, True, False]


def test_a_put_is_retried_after_a_drop_and_applied_once(mock: MockProcess) -> None:
    body = NameValueList(id=job_id(mock), properties=[Property(name="retried", value="yes")])
    with client_for(mock) as client:
        get_job_properties.sync(job_id(mock), client=client)
        mock.set_faults(drop=1)
        assert update_job_properties.sync(job_id(mock), client=client, body=body) is True
        after = get_job_properties.sync(job_id(mock), client=client)
    assert [(p.name, p.value) for p in after] == [("retried", "yes")]


def test_read_timeouts_are_retried_then_raised(mock: MockProcess) -> None:
    with client_for(mock, timeout=httpx.Timeout(5.0, read=0.25)) as client:
        get_job_metadata.sync(job_id(mock), client=client)
        mock.set_faults(latency_ms=600)
        started = time.monotonic()
        with pytest.raises(errors.ApiTimeoutError):
            get_job_metadata.sync(job_id(mock), client=client)
        assert time.monotonic() - started < 2.0
        # A per-call timeout overrides the client's for this call only.
        ok = get_job_metadata.sync(job_id(mock), client=client, options=RequestOptions(timeout=3.0))
        assert isinstance(ok, list)
    assert len(requests_to(access_log(mock), "/metadata")) == 1 + 3 + 1


def test_a_login_that_times_out_is_not_resent(mock: MockProcess) -> None:
    with client_for(mock, timeout=httpx.Timeout(5.0, read=0.25)) as client:
        mock.set_faults(latency_ms=600)
        with pytest.raises(errors.ApiTimeoutError):
            get_job_metadata.sync(job_id(mock), client=client)
        mock.clear_faults()
        time.sleep(0.5)  # let the slow login finish on the server
    assert len(requests_to(access_log(mock), LOGIN)) == 1


def test_threads_share_one_login_and_one_refresh(mock: MockProcess) -> None:
    with client_for(mock) as client:
        auth = client.auth
        assert isinstance(auth, TokenAuth)

        def call(_: int) -> int:
            return len(get_job_metadata.sync(job_id(mock), client=client))

        with ThreadPoolExecutor(max_workers=8) as pool:
            list(pool.map(call, range(16)))
            mock.expire_tokens()
            list(pool.map(call, range(16)))
    assert auth.token_fetches == 2
    assert len(requests_to(access_log(mock), LOGIN, "POST")) == 2


def test_asyncio_tasks_share_one_login_and_one_refresh(mock: MockProcess) -> None:
    async def scenario() -> TokenAuth:
        async with client_for(mock) as client:
            auth = client.auth
            assert isinstance(auth, TokenAuth)
            await asyncio.gather(*(get_job_metadata.asyncio(job_id(mock), client=client) for _ in range(16)))
            mock.expire_tokens()
            await asyncio.gather(*(get_job_metadata.asyncio(job_id(mock), client=client) for _ in range(16)))
            return auth

    auth = asyncio.run(scenario())
    assert auth.token_fetches == 2
    assert len(requests_to(access_log(mock), LOGIN, "POST")) == 2


def test_basic_mode_with_a_wrong_password_fails_once_without_logging_in(mock: MockProcess) -> None:
    username, _ = admin(mock)
    with (
        connect(mock.base_url, username, "not-it", use_basic_auth=True) as client,
        pytest.raises(errors.AuthenticationError) as caught,
    ):
        get_job_metadata.sync(job_id(mock), client=client)
    assert caught.value.headers.get("WWW-Authenticate", "").upper().startswith("BASIC")
    records = access_log(mock)
    assert requests_to(records, LOGIN) == []
    assert [r["status"] for r in records] == [401]


def test_login_operation_works_on_a_client_from_connect(mock: MockProcess) -> None:
    """The package README's `login.sync(client=connect(...))`: Basic credentials, a usable token back."""
    with client_for(mock) as client:
        token = login.sync(client=client)
        assert token.isascii()
        assert token.strip() == token != ""
        get_job_metadata.sync(job_id(mock), client=client)  # the client's own login is still fine
    logins = requests_to(access_log(mock), LOGIN, "POST")
    assert [record["status"] for record in logins] == [200, 200]


@pytest.mark.parametrize("level", ["documentOnly", "DOCUMENTONLY", "documentonly", "documentSetAll"])
def test_level_mode_takes_a_plain_string_in_any_case(mock: MockProcess, level: str) -> None:
    job_set = int(mock.info["ids"]["job_sets"][0])
    with client_for(mock) as client:
        stats = get_job_set_statistics.sync(job_set, client=client, level_mode=level)
        typed = get_job_set_statistics.sync(job_set, client=client, level_mode=LevelMode(level))
    assert stats.to_dict() == typed.to_dict()
    assert LevelMode(level).is_known
