"""Fast unit tests of the retry rules and the retrying transport, over ``httpx.MockTransport``."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import httpx
import pytest
from client_runtime.retries import (
    NO_RETRIES,
    AsyncRetryingTransport,
    RetryingTransport,
    RetryPolicy,
    parse_retry_after,
)

FAST = RetryPolicy(backoff_initial=0.001, backoff_max=0.002)


def test_retry_after_accepts_seconds_and_http_dates() -> None:
    now = datetime(2026, 11, 23, 12, 0, 0, tzinfo=UTC)
    assert parse_retry_after("7", now=now) == 7.0
    assert parse_retry_after(format_datetime(now + timedelta(seconds=42), usegmt=True), now=now) == 42.0
    assert parse_retry_after(format_datetime(now - timedelta(seconds=5), usegmt=True), now=now) == 0.0
    assert parse_retry_after("soon", now=now) is None
    assert parse_retry_after("-3", now=now) is None


def test_retry_after_is_capped_and_backoff_grows_with_jitter() -> None:
    policy = RetryPolicy(retry_after_max=2.0, backoff_initial=1.0, backoff_max=4.0)
    far = httpx.Response(503, headers={"Retry-After": "3600"})
    assert policy.delay_for(far, 1) == 2.0
    assert policy.delay_for(httpx.Response(503, headers={"Retry-After": "1"}), 1) == 1.0
    for retry, ceiling in ((1, 1.0), (2, 2.0), (3, 4.0), (6, 4.0)):
        delays = {policy.delay_for(httpx.Response(503), retry) for _ in range(20)}
        assert all(ceiling / 2 <= delay <= ceiling for delay in delays)
        assert len(delays) > 1  # jitter


@pytest.mark.parametrize(
    ("method", "error", "expected"),
    [
        ("POST", httpx.ConnectError("refused"), True),
        ("POST", httpx.ConnectTimeout("slow"), True),
        ("POST", httpx.ReadTimeout("slow"), False),
        ("POST", httpx.RemoteProtocolError("dropped"), False),
        ("GET", httpx.ReadTimeout("slow"), True),
        ("PUT", httpx.RemoteProtocolError("dropped"), True),
        ("GET", httpx.UnsupportedProtocol("ftp"), False),
    ],
)
def test_only_errors_before_sending_are_retried_for_post(
    method: str, error: Exception, expected: bool
) -> None:
    assert RetryPolicy().should_retry_error(method, error) is expected


def test_statuses_are_retried_for_idempotent_methods_only() -> None:
    policy = RetryPolicy()
    assert [s for s in (429, 500, 502, 503, 504, 520) if policy.should_retry_status("GET", s)] == [
        429,
        502,
        503,
        504,
    ]
    assert not policy.should_retry_status("POST", 503)
    assert policy.should_retry_status("PUT", 429)


def _flaky(statuses: list[int]) -> tuple[httpx.MockTransport, list[str]]:
    seen: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request.method)
        status = statuses.pop(0) if statuses else 200
        return httpx.Response(status, json={"n": len(seen)})

    return httpx.MockTransport(handler), seen


def test_transport_retries_until_success_and_reports_attempts() -> None:
    inner, seen = _flaky([503, 429])
    with httpx.Client(transport=RetryingTransport(inner, FAST)) as client:
        response = client.get("http://x/a")
    assert response.status_code == 200
    assert response.json() == {"n": 3}
    assert response.extensions["attempts"] == 3
    assert seen == ["GET"] * 3


def test_transport_gives_up_after_max_retries_and_returns_last_answer() -> None:
    inner, seen = _flaky([503, 503, 503, 503])
    with httpx.Client(transport=RetryingTransport(inner, FAST)) as client:
        response = client.get("http://x/a")
    assert response.status_code == 503
    assert len(seen) == 3  # first try + max_retries (2)


def test_post_is_not_retried_on_a_status_and_retries_can_be_off() -> None:
    inner, seen = _flaky([503, 503])
    with httpx.Client(transport=RetryingTransport(inner, FAST)) as client:
        assert client.post("http://x/login").status_code == 503
    assert seen == ["POST"]
    inner, seen = _flaky([503])
    with httpx.Client(transport=RetryingTransport(inner, NO_RETRIES)) as client:
        assert client.get("http://x/a").status_code == 503
    assert seen == ["GET"]


def test_connection_errors_retry_then_raise() -> None:
    calls: list[int] = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(1)
        raise httpx.ConnectError("refused", request=request)

    with (
        httpx.Client(transport=RetryingTransport(httpx.MockTransport(handler), FAST)) as client,
        pytest.raises(httpx.ConnectError),
    ):
        client.post("http://x/login")
    assert len(calls) == 3


@pytest.mark.anyio
async def test_async_transport_follows_the_same_rules() -> None:
    inner, seen = _flaky([502, 504])
    async with httpx.AsyncClient(transport=AsyncRetryingTransport(inner, FAST)) as client:
        response = await client.get("http://x/a")
        assert response.status_code == 200
        assert response.extensions["attempts"] == 3
        inner_post, seen_post = _flaky([503])
    async with httpx.AsyncClient(transport=AsyncRetryingTransport(inner_post, FAST)) as client:
        assert (await client.post("http://x/login")).status_code == 503
    assert seen == ["GET"] * 3
    assert seen_post == ["POST"]


def test_policy_rejects_nonsense() -> None:
    with pytest.raises(ValueError, match="max_retries"):
        RetryPolicy(max_retries=-1)
