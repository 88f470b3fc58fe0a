"""Fast unit tests of the issue-19 runtime parts: credential scopes, proxy choice, deadlines, odd headers.

The behaviour against real servers and a real proxy is in tests/clients/test_hostile_round2.py; these pin
the rules themselves, including the cases a server test cannot reach cheaply.
"""

from __future__ import annotations

import time
from datetime import UTC, datetime

import httpx
import pytest
from client_runtime import deadlines
from client_runtime.errors import (
    ApiTimeoutError,
    CredentialRedirectError,
    InvalidUrlError,
    ResponseTooLargeError,
)
from client_runtime.origins import CREDENTIAL_EXTENSION, CredentialScope, OriginPolicy
from client_runtime.retries import RetryingTransport, RetryPolicy, parse_retry_after
from client_runtime.routing import bypassed, environment_proxy

API = httpx.URL("http://127.0.0.1:9340/rest/x")


def recording(sent: list[httpx.Request]) -> httpx.MockTransport:
    def answer(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(200)

    return httpx.MockTransport(answer)


@pytest.mark.parametrize(
    "value",
    [
        "\u00b2",
        "\u0663",
        "Mon, 01 Jan 2025 00:00:00 +" + "9" * 20,
        "Mon, 01 Jan 99999 00:00:00 GMT",
        "1e3",
        "",
    ],
)
def test_unreadable_retry_after_is_none(value: str) -> None:
    assert parse_retry_after(value, now=datetime(2026, 1, 1, tzinfo=UTC)) is None


def test_huge_retry_after_seconds_are_capped() -> None:
    policy = RetryPolicy(retry_after_max=3.0)
    assert policy.delay_for(httpx.Response(503, headers={"Retry-After": "9" * 400}), 1) == 3.0


def test_an_endpoint_scope_admits_only_its_url() -> None:
    scope = CredentialScope.for_endpoint(httpx.URL("http://127.0.0.1:9340/login?x=1"), what="the login")
    scope.enforce(httpx.URL("http://127.0.0.1:9340/login"))
    for other in (
        "http://127.0.0.1:9340/elsewhere",
        "http://127.0.0.2:9340/login",
        "https://127.0.0.1:9340/login",
    ):
        with pytest.raises(CredentialRedirectError, match="the login"):
            scope.enforce(httpx.URL(other))


def test_an_origin_scope_admits_any_path_of_its_origins() -> None:
    scope = CredentialScope.for_origins(OriginPolicy(["http://127.0.0.1:9340"]), what="the token")
    scope.enforce(httpx.URL("http://127.0.0.1:9340/any/path"))
    with pytest.raises(CredentialRedirectError):
        scope.enforce(httpx.URL("http://[::1]:9340/any/path"))


def test_the_transport_refuses_a_request_outside_its_scope_unsent() -> None:
    sent: list[httpx.Request] = []
    transport = RetryingTransport(recording(sent))
    request = httpx.Request("POST", "http://127.0.0.1:9340/elsewhere")
    request.extensions[CREDENTIAL_EXTENSION] = CredentialScope.for_endpoint(
        httpx.URL("http://127.0.0.1:9340/login"), what="the login"
    )
    with pytest.raises(CredentialRedirectError):
        transport.handle_request(request)
    assert sent == []


def test_an_unreadable_link_is_not_called_foreign() -> None:
    with pytest.raises(InvalidUrlError):
        OriginPolicy([API]).resolve("/" + "a" * 70_000 + "?x=1", current=API, source="the nextLink")


@pytest.mark.parametrize(
    ("no_proxy", "url", "exempt"),
    [
        ("*", "http://127.0.0.1:1/", True),
        ("127.0.0.1", "http://127.0.0.1:1/", True),
        ("127.0.0.2", "http://127.0.0.1:1/", False),
        (".corp.example", "http://api.corp.example/", True),
        ("corp.example", "http://api.corp.example/", True),
        ("corp.example", "http://notcorp.example/", False),
        ("api.corp.example:8080", "http://api.corp.example:8080/", True),
        ("api.corp.example:8080", "http://api.corp.example/", False),
        ("", "http://127.0.0.1/", False),
    ],
)
def test_no_proxy_rules(no_proxy: str, url: str, exempt: bool) -> None:
    assert bypassed(httpx.URL(url), no_proxy) is exempt


def test_environment_proxy_by_scheme(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in (
        "HTTP_PROXY",
        "HTTPS_PROXY",
        "ALL_PROXY",
        "NO_PROXY",
        "http_proxy",
        "https_proxy",
        "all_proxy",
        "no_proxy",
    ):
        monkeypatch.delenv(name, raising=False)
    assert environment_proxy(API) is None
    monkeypatch.setenv("ALL_PROXY", "http://127.0.0.1:3128")
    assert environment_proxy(API) == "http://127.0.0.1:3128"
    monkeypatch.setenv("HTTP_PROXY", "http://127.0.0.1:3129")
    assert environment_proxy(API) == "http://127.0.0.1:3129"
    monkeypatch.setenv("NO_PROXY", "127.0.0.1")
    assert environment_proxy(API) is None


def test_a_passed_deadline_fails_before_sending() -> None:
    sent: list[httpx.Request] = []
    transport = RetryingTransport(recording(sent))
    request = httpx.Request("GET", API, extensions={deadlines.DEADLINE_EXTENSION: time.monotonic() - 1})
    with pytest.raises(ApiTimeoutError, match="deadline"):
        transport.handle_request(request)
    assert sent == []


def test_no_retry_starts_past_the_deadline() -> None:
    sent: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(503, headers={"Retry-After": "5"})

    transport = RetryingTransport(
        httpx.MockTransport(answer), RetryPolicy(deadline=1.0), sleep=lambda s: None
    )
    assert transport.handle_request(httpx.Request("GET", API)).status_code == 503
    assert len(sent) == 1  # a 5 s wait would end past the 1 s deadline


def test_clamp_cuts_timeouts_to_the_time_left() -> None:
    token = deadlines.current_deadline.set(time.monotonic() + 0.5)
    try:
        clamped = deadlines.clamp(30.0)
        assert clamped is not None
        assert clamped <= 0.5
    finally:
        deadlines.current_deadline.reset(token)
    assert deadlines.clamp(30.0) == 30.0


def test_size_cap_error_carries_the_limit() -> None:
    body = b"x" * 2000
    transport = RetryingTransport(
        httpx.MockTransport(lambda r: httpx.Response(200, stream=httpx.ByteStream(body))),
        RetryPolicy(max_response_bytes=1000),
    )
    with pytest.raises(ResponseTooLargeError) as caught:
        transport.handle_request(httpx.Request("GET", API))
    assert caught.value.limit == 1000


def test_policy_limits_are_validated() -> None:
    with pytest.raises(ValueError, match="deadline"):
        RetryPolicy(deadline=0)
    with pytest.raises(ValueError, match="max_response_bytes"):
        RetryPolicy(max_response_bytes=-1)
