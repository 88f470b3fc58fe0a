"""Round 2 of the hostile-server tests (issue 19): credentials through redirects and proxies, typed errors,
an overall deadline, a size cap, and token logins shared between threads and tasks.

Four real processes: ``round2_server.py`` on 127.0.0.1 (the API host), on 127.0.0.2 (an identity host,
or simply "another host") and on [::1] (a third host that should never hear from the client), and
``forward_proxy.py`` on 127.0.0.1. Every server records what it received, so each test checks not only
the error the call raised but also where the credentials went. Each test stays under 3 s.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import dataclasses
import json
import threading
import time
from collections.abc import Callable, Iterator
from typing import Any

import avepoint_graph_client as ave
import httpx
import olconnect_client as olc
import pytest
from avepoint_graph_client.api.authentication import request_token
from avepoint_graph_client.api.jobs import list_jobs
from avepoint_graph_client.models import TokenRequest
from olconnect_client.api.authentication import login
from olconnect_client.api.job_entity import get_job_metadata

from .round2_server import MARKER, TOKEN
from .serving import start_server

PASSWORD = f"pw-{MARKER}-r2"
CLIENT_SECRET = f"cs-{MARKER}-r2"
BASIC = base64.b64encode(f"admin:{PASSWORD}".encode()).decode()
OLC_QUICK = olc.RetryPolicy(backoff_initial=0.01, backoff_max=0.02, retry_after_max=0.1)
AVE_QUICK = ave.RetryPolicy(backoff_initial=0.01, backoff_max=0.02, retry_after_max=0.1)
SECRETS = (PASSWORD, CLIENT_SECRET, BASIC, TOKEN)


class Server:
    """One recording server process, addressed by its base URL."""

    def __init__(self, script: str, *args: str, host: str = "127.0.0.1") -> None:
        self.process, port = start_server(script, *args)
        shown = f"[{host}]" if ":" in host else host
        self.url = f"http://{shown}:{port}"
        # One plain client for the control requests (never through an environment proxy).
        self._control = httpx.Client(base_url=self.url, timeout=10, trust_env=False)

    def get(self, path: str) -> Any:
        return self._control.get(path).json()

    def post(self, path: str, body: Any = None) -> None:
        self._control.post(path, json=body).raise_for_status()

    def stop(self) -> None:
        self._control.close()
        self.process.terminate()
        self.process.wait(timeout=10)


@dataclasses.dataclass
class Env:
    api: Server  # 127.0.0.1: the OL Connect server, the Graph host
    other: Server  # 127.0.0.2: the identity host, or a second host the API redirects to
    third: Server  # [::1]: a host nothing may reach
    proxy: Server

    def log(self, server: Server) -> list[dict[str, Any]]:
        return list(server.get("/_log"))

    def proxied(self) -> list[dict[str, Any]]:
        return list(self.proxy.get("/_proxy/log"))

    def secrets_at(self, server: Server) -> list[str]:
        """The paths of requests to ``server`` that carried any secret (in a header or the body)."""
        found = []
        for record in self.log(server):
            text = json.dumps(record["headers"]) + record["body"]
            if any(secret in text for secret in SECRETS):
                found.append(record["path"])
        return found


@pytest.fixture(scope="module")
def servers() -> Iterator[Env]:
    started: list[Server] = []
    try:
        for script, args, host in (
            ("round2_server", ("--host", "127.0.0.1"), "127.0.0.1"),
            ("round2_server", ("--host", "127.0.0.2"), "127.0.0.2"),
            ("round2_server", ("--host", "::1"), "::1"),
            ("forward_proxy", (), "127.0.0.1"),
        ):
            started.append(Server(script, *args, host=host))
        env = Env(*started)
        env.api.post("/_config", {"other": env.third.url})
        env.other.post("/_config", {"other": env.api.url})
        yield env
    finally:
        for server in started:
            server.stop()


@pytest.fixture
def env(servers: Env, monkeypatch: pytest.MonkeyPatch) -> Env:
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "NO_PROXY"):
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.lower(), raising=False)
    for server in (servers.api, servers.other, servers.third):
        server.post("/_reset")
    servers.proxy.post("/_proxy/reset")
    return servers


def olc_client(base: str, **options: Any) -> olc.AuthenticatedClient:
    options.setdefault("retry_policy", OLC_QUICK)
    options.setdefault("timeout", 5.0)
    return olc.connect(base, "admin", PASSWORD, **options)


def ave_client(base: str, token_url: str | None = None, **options: Any) -> ave.AuthenticatedClient:
    options.setdefault("retry_policy", AVE_QUICK)
    options.setdefault("timeout", 5.0)
    return ave.connect("r2-id", CLIENT_SECRET, base_url=base, token_url=token_url, **options)


def token_form() -> TokenRequest:
    return TokenRequest(
        grant_type=ave.models.GrantType.CLIENT_CREDENTIALS,
        client_id="r2-id",
        client_secret=CLIENT_SECRET,
        scope="gsuite.graph.read.all",
    )


def attempt(call: Callable[[], object]) -> BaseException | None:
    try:
        call()
    except BaseException as caught:  # the test inspects whatever was raised
        return caught
    return None


def expect(expected: str | None, call: Callable[[], object]) -> BaseException | None:
    """``call`` raises the ``ApiError`` subclass named ``expected`` (or succeeds), quoting no secret."""
    error = attempt(call)
    if expected is None:
        assert error is None, f"expected success, got {type(error).__name__}: {error}"
        return None
    assert error is not None, f"expected {expected}, the call succeeded"
    assert isinstance(error, olc.errors.ApiError | ave.errors.ApiError), (
        f"untyped {type(error).__name__}: {error}"
    )
    assert type(error).__name__ == expected, f"{type(error).__name__}: {error}"
    shown = f"{error} {error!r}"
    assert not any(secret in shown for secret in SECRETS), "a secret is in the error"
    return error


def walk(client: ave.AuthenticatedClient) -> int:
    return sum(1 for _ in ave.iter_job_pages(client, max_pages=20))


async def awalk(client: ave.AuthenticatedClient) -> int:
    pages = 0
    async for _ in ave.aiter_job_pages(client, max_pages=20):
        pages += 1
    return pages


# --- 1. credentials never follow a redirect or a proxy off where they belong ------------------------------


def test_token_post_307_to_the_graph_host_keeps_the_secret(env: Env) -> None:
    case = "token-307-other"
    client = ave_client(
        f"{env.api.url}/{case}",
        f"{env.other.url}/{case}/connect/token",
        httpx_args={"follow_redirects": True},
    )
    expect("CredentialRedirectError", lambda: list_jobs.sync(client=client))
    assert env.secrets_at(env.api) == [], "the client secret reached the Graph host"


def test_token_post_307_to_the_graph_host_keeps_the_secret_async(env: Env) -> None:
    case = "token-307-other"

    async def run() -> None:
        async with ave_client(
            f"{env.api.url}/{case}",
            f"{env.other.url}/{case}/connect/token",
            httpx_args={"follow_redirects": True},
        ) as client:
            await list_jobs.asyncio(client=client)

    expect("CredentialRedirectError", lambda: asyncio.run(run()))
    assert env.secrets_at(env.api) == []


def test_request_token_by_hand_307_to_the_graph_host_keeps_the_secret(env: Env) -> None:
    case = "token-307-other"
    client = ave_client(
        f"{env.api.url}/{case}",
        f"{env.other.url}/{case}/connect/token",
        httpx_args={"follow_redirects": True},
    )
    expect("CredentialRedirectError", lambda: request_token.sync(client=client, body=token_form()))
    assert env.secrets_at(env.api) == []
    assert [r["path"] for r in env.log(env.other)] == [f"/{case}/connect/token"]


def test_proxy_302_to_another_host_carries_no_auth_token(env: Env) -> None:
    client = olc_client(
        f"{env.api.url}/data-302-other", httpx_args={"proxy": env.proxy.url, "follow_redirects": True}
    )
    expect("ForeignOriginError", lambda: get_job_metadata.sync(2001, client=client))
    assert env.log(env.third) == [], "a request reached the third host"
    assert len(env.proxied()) == 2, "the login and the call go through the proxy"


def test_proxy_keeps_the_retries(env: Env) -> None:
    client = olc_client(f"{env.api.url}/flaky-503", httpx_args={"proxy": env.proxy.url})
    expect(None, lambda: get_job_metadata.sync(2001, client=client))
    data = [r for r in env.log(env.api) if "/entity/" in r["path"]]
    assert len(data) == 2, "the 503 was retried"
    assert len(env.proxied()) == 3  # login, the 503, the retry


def test_proxy_option_carries_a_whole_walk(env: Env) -> None:
    client = ave_client(f"{env.api.url}/well-behaved", proxy=env.proxy.url)
    assert walk(client) == 2
    methods = [r["method"] for r in env.proxied()]
    assert methods == ["POST", "GET", "GET"]


def test_proxy_302_with_basic_auth_stays_home(env: Env) -> None:
    client = olc_client(
        f"{env.api.url}/data-302-other",
        use_basic_auth=True,
        httpx_args={"proxy": env.proxy.url, "follow_redirects": True},
    )
    expect("ForeignOriginError", lambda: get_job_metadata.sync(2001, client=client))
    assert env.log(env.third) == []


def test_environment_proxy_is_ignored_by_default(env: Env, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HTTP_PROXY", env.proxy.url)
    client = olc_client(f"{env.api.url}/well-behaved")
    expect(None, lambda: get_job_metadata.sync(2001, client=client))
    assert env.proxied() == []


def test_environment_proxy_with_trust_env(env: Env, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HTTP_PROXY", env.proxy.url)
    client = olc_client(f"{env.api.url}/well-behaved", trust_env=True)
    expect(None, lambda: get_job_metadata.sync(2001, client=client))
    assert len(env.proxied()) == 2


def test_environment_proxy_with_trust_env_in_httpx_args(env: Env, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ALL_PROXY", env.proxy.url)
    client = ave_client(f"{env.api.url}/well-behaved", httpx_args={"trust_env": True})
    assert walk(client) == 2
    assert len(env.proxied()) == 3


def test_environment_no_proxy_exempts_the_host(env: Env, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HTTP_PROXY", env.proxy.url)
    monkeypatch.setenv("NO_PROXY", "localhost,127.0.0.1")
    client = olc_client(f"{env.api.url}/well-behaved", trust_env=True)
    expect(None, lambda: get_job_metadata.sync(2001, client=client))
    assert env.proxied() == []


def test_login_307_on_the_same_host_is_not_followed(env: Env) -> None:
    client = olc_client(f"{env.api.url}/login-307-same", httpx_args={"follow_redirects": True})
    expect("CredentialRedirectError", lambda: get_job_metadata.sync(2001, client=client))
    assert [r["path"] for r in env.log(env.api)] == ["/login-307-same/rest/serverengine/authentication/login"]


def test_login_by_hand_307_on_the_same_host_is_not_followed(env: Env) -> None:
    client = olc_client(f"{env.api.url}/login-307-same", httpx_args={"follow_redirects": True})
    expect("CredentialRedirectError", lambda: login.sync(client=client))
    assert len(env.log(env.api)) == 1


def test_token_307_on_the_same_host_is_not_followed(env: Env) -> None:
    client = ave_client(f"{env.api.url}/token-307-same", httpx_args={"follow_redirects": True})
    expect("CredentialRedirectError", lambda: list_jobs.sync(client=client))
    assert [r["path"] for r in env.log(env.api)] == ["/token-307-same/connect/token"]


# --- 2. every failure typed --------------------------------------------------------------------------------


@pytest.mark.parametrize("case", ["retry-after-superscript", "retry-after-zone", "retry-after-year"])
def test_unreadable_retry_after_falls_back_to_backoff(env: Env, case: str) -> None:
    client = olc_client(f"{env.api.url}/{case}")
    expect("ServerError", lambda: get_job_metadata.sync(2001, client=client))
    assert len([r for r in env.log(env.api) if "/entity/" in r["path"]]) == 3  # retried twice


def test_unreadable_retry_after_async(env: Env) -> None:
    async def run() -> None:
        async with olc_client(f"{env.api.url}/retry-after-superscript") as client:
            await get_job_metadata.asyncio(2001, client=client)

    expect("ServerError", lambda: asyncio.run(run()))


@pytest.mark.parametrize("case", ["next-tab", "next-newline", "next-too-long", "next-too-long-relative"])
def test_unusable_next_links_are_typed(env: Env, case: str) -> None:
    client = ave_client(f"{env.api.url}/{case}")
    expect("InvalidUrlError", lambda: walk(client))
    assert len([r for r in env.log(env.api) if r["method"] == "GET"]) == 1


def test_unusable_next_link_async(env: Env) -> None:
    expect("InvalidUrlError", lambda: asyncio.run(awalk(ave_client(f"{env.api.url}/next-tab"))))


def test_page_with_list_job_ids_is_a_parse_error(env: Env) -> None:
    expect("ResponseParseError", lambda: walk(ave_client(f"{env.api.url}/jobid-list")))
    expect("ResponseParseError", lambda: asyncio.run(awalk(ave_client(f"{env.api.url}/jobid-list"))))


# --- 3. an overall deadline and a size cap ------------------------------------------------------------------


def _timed(expected: str, call: Callable[[], object], within: float = 2.5) -> None:
    started = time.monotonic()
    expect(expected, call)
    assert time.monotonic() - started < within, "the deadline did not stop the call in time"


@pytest.mark.parametrize("case", ["endless-chunked", "slow-body", "endless-102"])
def test_deadline_stops_endless_answers(env: Env, case: str) -> None:
    client = olc_client(f"{env.api.url}/{case}")
    options = olc.RequestOptions(deadline=1.0)
    _timed("ApiTimeoutError", lambda: get_job_metadata.sync(2001, client=client, options=options))


@pytest.mark.parametrize("case", ["endless-chunked", "endless-102"])
def test_deadline_stops_endless_answers_async(env: Env, case: str) -> None:
    async def run() -> None:
        async with olc_client(f"{env.api.url}/{case}") as client:
            await get_job_metadata.asyncio(2001, client=client, options=olc.RequestOptions(deadline=1.0))

    _timed("ApiTimeoutError", lambda: asyncio.run(run()))


def test_deadline_from_the_client_policy(env: Env) -> None:
    policy = olc.RetryPolicy(backoff_initial=0.01, backoff_max=0.02, deadline=1.0)
    client = olc_client(f"{env.api.url}/endless-chunked", retry_policy=policy)
    _timed("ApiTimeoutError", lambda: get_job_metadata.sync(2001, client=client))


def test_deadline_is_on_by_default() -> None:
    assert olc.RetryPolicy().deadline == 300.0
    assert ave.RetryPolicy().deadline == 300.0


@pytest.mark.parametrize("case", ["big-body", "gzip-bomb"])
def test_size_cap_counts_the_decoded_body(env: Env, case: str) -> None:
    client = olc_client(f"{env.api.url}/{case}")
    options = olc.RequestOptions(max_response_bytes=2**20)
    _timed("ResponseTooLargeError", lambda: get_job_metadata.sync(2001, client=client, options=options))


def test_size_cap_async(env: Env) -> None:
    async def run() -> None:
        async with ave_client(f"{env.api.url}/well-behaved") as client:
            await list_jobs.asyncio(client=client, options=ave.RequestOptions(max_response_bytes=100))

    expect("ResponseTooLargeError", lambda: asyncio.run(run()))


# --- 4. logins shared between threads and tasks; lenient expiry; typed login failures ----------------------


def test_a_slow_login_does_not_hold_other_threads_past_their_timeout(env: Env) -> None:
    client = olc_client(f"{env.api.url}/slow-login")
    first = threading.Thread(target=attempt, args=(lambda: get_job_metadata.sync(2001, client=client),))
    first.start()
    time.sleep(0.3)  # the first thread is now inside its 2.5 s login
    quick = olc.RequestOptions(timeout=0.2)
    started = time.monotonic()
    expect("ApiTimeoutError", lambda: get_job_metadata.sync(2001, client=client, options=quick))
    assert time.monotonic() - started < 1.5
    first.join(timeout=5)


def test_a_slow_login_does_not_hold_other_tasks_past_their_timeout(env: Env) -> None:
    async def run() -> float:
        async with olc_client(f"{env.api.url}/slow-login") as client:
            first = asyncio.create_task(get_job_metadata.asyncio(2001, client=client))
            await asyncio.sleep(0.3)
            started = time.monotonic()
            try:
                quick = olc.RequestOptions(timeout=0.2)
                error = None
                try:
                    await get_job_metadata.asyncio(2001, client=client, options=quick)
                except olc.errors.ApiError as caught:
                    error = caught
                assert type(error).__name__ == "ApiTimeoutError", repr(error)
                return time.monotonic() - started
            finally:
                first.cancel()
                with contextlib.suppress(BaseException):
                    await first

    assert asyncio.run(run()) < 1.5


def test_an_ipv6_server_through_the_proxy(env: Env) -> None:
    client = olc_client(f"{env.third.url}/well-behaved", proxy=env.proxy.url)
    expect(None, lambda: get_job_metadata.sync(2001, client=client))
    assert [record["headers"]["Host"] for record in env.proxied()] == [env.third.url[7:]] * 2


def test_a_failing_login_is_sent_once_for_all_waiting_threads(env: Env) -> None:
    client = olc_client(f"{env.api.url}/failing-login")
    errors: list[BaseException | None] = []
    threads = [
        threading.Thread(
            target=lambda: errors.append(attempt(lambda: get_job_metadata.sync(2001, client=client)))
        )
        for _ in range(5)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=10)
    assert [type(error).__name__ for error in errors] == ["AuthenticationError"] * 5
    assert len(env.log(env.api)) == 1, "one login for five callers"


def test_a_failing_login_is_sent_once_for_all_waiting_tasks(env: Env) -> None:
    async def run() -> list[object]:
        async with olc_client(f"{env.api.url}/failing-login") as client:
            calls = (get_job_metadata.asyncio(2001, client=client) for _ in range(5))
            return list(await asyncio.gather(*calls, return_exceptions=True))

    results = asyncio.run(run())
    assert [type(result).__name__ for result in results] == ["AuthenticationError"] * 5
    assert len(env.log(env.api)) == 1


@pytest.mark.parametrize(
    "case", ["expires-superscript", "expires-garbage", "expires-negative", "expires-huge"]
)
def test_garbage_token_lifetime_falls_back(env: Env, case: str) -> None:
    client = olc_client(f"{env.api.url}/{case}")
    expect(None, lambda: get_job_metadata.sync(2001, client=client))
    expect(None, lambda: get_job_metadata.sync(2001, client=client))
    assert len([r for r in env.log(env.api) if r["path"].endswith("/login")]) == 1, "the token is reused"


def test_request_token_by_hand_invalid_client_is_an_authentication_error(env: Env) -> None:
    client = ave_client(f"{env.api.url}/token-invalid-client")
    error = expect("AuthenticationError", lambda: request_token.sync(client=client, body=token_form()))
    assert isinstance(error, ave.errors.AuthenticationError)
    assert error.message is not None
    assert error.message.startswith("invalid_client")


def test_the_proxy_and_servers_are_not_blind(env: Env) -> None:
    """The recorders see what they should: a secret sent on purpose is found, a proxied request logged."""
    httpx.get(f"{env.third.url}/x/steal", headers={"auth_token": TOKEN}, timeout=10)
    assert env.secrets_at(env.third) == ["/x/steal"]
    with httpx.Client(proxy=env.proxy.url, timeout=10) as plain:
        assert (
            plain.get(f"{env.api.url}/well-behaved/rest/serverengine/entity/jobs/1/metadata").status_code
            == 200
        )
    assert [r["method"] for r in env.proxied()] == ["GET"]
