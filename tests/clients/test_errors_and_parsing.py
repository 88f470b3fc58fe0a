"""Typed errors, forward-compatible parsing, per-call options and raw responses (``httpx.MockTransport``)."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable

import httpx
import pytest
from avepoint_graph_client import errors as ave_errors
from avepoint_graph_client.api.jobs import list_jobs
from avepoint_graph_client.client import AuthenticatedClient as AveClient
from avepoint_graph_client.models import AppType, Job, JobsPage, JobStatus
from olconnect_client import errors
from olconnect_client._runtime.options import RequestOptions
from olconnect_client.api.job_entity import (
    get_job_entity_handshake,
    get_job_entity_version,
    get_job_metadata,
    update_multiple_job_properties,
)
from olconnect_client.api.job_set_entity import delete_job_set
from olconnect_client.client import AuthenticatedClient
from olconnect_client.models import NameValueList

Handler = Callable[[httpx.Request], httpx.Response]

JOB = {
    "jobId": "GJOB1",
    "appType": 2,
    "jobType": 3,
    "dataSource": 1,
    "status": 2,
    "progress": 100.0,
    "startTime": "2024-01-01T00:00:00Z",
    "finishTime": None,
    "operator": "System",
}


def olc(handler: Handler, headers: dict[str, str] | None = None) -> AuthenticatedClient:
    return AuthenticatedClient(
        base_url="http://olc.test",
        transport=httpx.MockTransport(handler),
        max_retries=0,
        headers=headers or {},
    )


def answer(status: int, body: object = None, **headers: str) -> Handler:
    def handler(request: httpx.Request) -> httpx.Response:
        if body is None:
            return httpx.Response(status, headers=headers)
        return httpx.Response(status, json=body, headers=headers)

    return handler


@pytest.mark.parametrize(
    ("status", "kind"),
    [
        (400, errors.BadRequestError),
        (401, errors.AuthenticationError),
        (403, errors.PermissionDeniedError),
        (404, errors.NotFoundError),
        (429, errors.RateLimitError),
        (500, errors.ServerError),
        (503, errors.ServerError),
        (520, errors.ServerError),
        (499, errors.UnexpectedStatusError),
        (418, errors.UnexpectedStatusError),
    ],
)
def test_each_status_raises_its_typed_error(status: int, kind: type[errors.ApiStatusError]) -> None:
    body = {"error": {"status": status, "message": "Job 77 not found", "parameter": "77"}}
    with pytest.raises(kind) as caught:
        get_job_metadata.sync(77, client=olc(answer(status, body)))
    error = caught.value
    assert isinstance(error, errors.ApiStatusError)
    assert error.status_code == status
    assert (error.message, error.parameter) == ("Job 77 not found", "77")
    assert error.response.status_code == status
    assert "GET /rest/serverengine/entity/jobs/77/metadata" in str(error)


def test_documented_error_carries_the_parsed_error_model() -> None:
    body = {"error": {"status": 404, "message": "missing", "parameter": "5"}, "traceId": "abc"}
    with pytest.raises(errors.NotFoundError) as caught:
        get_job_metadata.sync(5, client=olc(answer(404, body)))
    assert caught.value.model is not None
    assert caught.value.model.error.message == "missing"


def test_non_json_error_body_and_undocumented_success_status_still_raise() -> None:
    with pytest.raises(errors.ServerError) as caught:
        get_job_metadata.sync(1, client=olc(lambda r: httpx.Response(502, text="<html>bad gateway</html>")))
    assert caught.value.message is None
    assert caught.value.body is None
    with pytest.raises(errors.UnexpectedStatusError):
        get_job_metadata.sync(1, client=olc(answer(204)))


def test_a_success_body_that_does_not_fit_raises_a_parse_error() -> None:
    with pytest.raises(errors.ResponseParseError) as caught:
        get_job_metadata.sync(1, client=olc(lambda r: httpx.Response(200, text="not json")))
    assert caught.value.status_code == 200


def test_connection_problems_raise_api_connection_errors() -> None:
    def refuse(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("connection refused", request=request)

    def slow(request: httpx.Request) -> httpx.Response:
        raise httpx.ReadTimeout("timed out", request=request)

    with pytest.raises(errors.ApiConnectionError) as refused:
        get_job_metadata.sync(1, client=olc(refuse))
    assert not isinstance(refused.value, errors.ApiTimeoutError)
    with pytest.raises(errors.ApiTimeoutError):
        get_job_metadata.sync(1, client=olc(slow))


def test_multi_update_returns_none_for_its_empty_200() -> None:
    seen: list[object] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(json.loads(request.content))
        return httpx.Response(200)

    body = [NameValueList.from_dict({"id": 3, "properties": [{"name": "a", "value": "b"}]})]
    detailed = update_multiple_job_properties.sync_detailed(client=olc(handler), body=body)
    assert detailed.parsed is None
    assert seen == [[{"id": 3, "properties": [{"name": "a", "value": "b"}]}]]


def test_unknown_enum_values_and_extra_fields_survive_parsing() -> None:
    job = Job.from_dict({**JOB, "appType": 65536, "status": 42, "vendorAddedField": {"x": 1}})
    assert job.app_type == 65536
    assert not job.app_type.is_known
    assert isinstance(job.app_type, AppType)
    assert job.status == 42
    assert not job.status.is_known
    assert job.additional_properties["vendorAddedField"] == {"x": 1}
    assert job.to_dict()["appType"] == 65536  # round trip keeps the unknown value
    known = Job.from_dict(JOB)
    assert known.app_type is AppType.DRIVE
    assert known.app_type.is_known
    assert known.status is JobStatus(2)


def test_unknown_values_arrive_through_a_real_call_and_non_standard_status_raises() -> None:
    page = {"status": 200, "message": "", "jobs": [{**JOB, "jobType": 99}], "nextLink": None, "newTop": 1}
    client = AveClient(
        base_url="http://ave.test", transport=httpx.MockTransport(answer(200, page)), token="t"
    )
    parsed = list_jobs.sync(client=client)
    assert isinstance(parsed, JobsPage)
    assert parsed.jobs[0].job_type == 99
    assert parsed.additional_properties == {"newTop": 1}
    bad = AveClient(base_url="http://ave.test", transport=httpx.MockTransport(answer(520)), max_retries=0)
    with pytest.raises(ave_errors.ServerError) as caught:
        list_jobs.sync_detailed(client=bad)
    assert caught.value.status_code == 520
    with pytest.raises(ave_errors.UnexpectedStatusError):
        list_jobs.sync(
            client=AveClient(base_url="http://ave.test", transport=httpx.MockTransport(answer(499)))
        )


def test_per_call_options_reach_one_request_only_and_raw_response_is_exposed() -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json=[{"name": "k", "value": "v"}], headers={"X-Request-Id": "r-1"})

    client = olc(handler, headers={"X-Team": "ops"})
    detailed = get_job_metadata.sync_detailed(
        9, client=client, options=RequestOptions(timeout=1.5, headers={"X-Trace": "abc", "X-Team": "qa"})
    )
    get_job_metadata.sync(9, client=client)
    first, second = seen
    assert first.headers["X-Trace"] == "abc"
    assert first.headers["X-Team"] == "qa"
    assert first.extensions["timeout"] == {"connect": 1.5, "read": 1.5, "write": 1.5, "pool": 1.5}
    assert "X-Trace" not in second.headers
    assert second.headers["X-Team"] == "ops"
    assert second.extensions["timeout"] == {"connect": 5.0, "read": 30.0, "write": 30.0, "pool": 5.0}
    assert detailed.status_code == 200
    assert detailed.headers["X-Request-Id"] == "r-1"
    assert detailed.raw.request.url.path == "/rest/serverengine/entity/jobs/9/metadata"
    assert detailed.attempts == 1
    assert [(p.name, p.value) for p in detailed.parsed] == [("k", "v")]


def test_per_call_max_retries_overrides_the_client_policy() -> None:
    calls: list[int] = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(1)
        return httpx.Response(503, headers={"Retry-After": "0"})

    client = AuthenticatedClient(base_url="http://olc.test", transport=httpx.MockTransport(handler))
    with pytest.raises(errors.ServerError):
        get_job_metadata.sync(1, client=client, options=RequestOptions(max_retries=0))
    assert len(calls) == 1
    with pytest.raises(errors.ServerError):
        get_job_metadata.sync(1, client=client)
    assert len(calls) == 1 + 3


def test_with_builders_leave_the_shared_client_untouched() -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json=[])

    client = olc(handler)
    get_job_metadata.sync(1, client=client)  # the shared httpx.Client exists now
    tagged = client.with_headers({"X-Tenant": "a"}).with_timeout(2.0).with_retries(5)
    get_job_metadata.sync(1, client=tagged)
    get_job_metadata.sync(1, client=client)
    assert [r.headers.get("X-Tenant") for r in seen] == [None, "a", None]
    assert seen[1].extensions["timeout"]["read"] == 2.0
    assert seen[2].extensions["timeout"]["read"] == 30.0
    assert (tagged.retry_policy.max_retries, client.retry_policy.max_retries) == (5, 0)


def test_each_attempt_is_logged_with_its_fields(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG, logger="olconnect_client")
    statuses = [503, 200]

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(statuses.pop(0), json=[], headers={"Retry-After": "0"})

    client = AuthenticatedClient(base_url="http://olc.test", transport=httpx.MockTransport(handler))
    get_job_metadata.sync(4, client=client)
    attempts = [r for r in caplog.records if r.name == "olconnect_client" and hasattr(r, "http_status")]
    fields = [(r.http_method, r.http_path, r.http_status, r.attempt) for r in attempts]  # type: ignore[attr-defined]
    path = "/rest/serverengine/entity/jobs/4/metadata"
    assert fields == [("GET", path, 503, 1), ("GET", path, 200, 2)]
    assert all(isinstance(r.duration_ms, float) for r in attempts)  # type: ignore[attr-defined]
    retries = [r.getMessage() for r in caplog.records if "retrying" in r.getMessage()]
    assert retries == [f"HTTP GET {path}: retrying in 0.00 s after attempt 1 (status 503)"]


def text(body: str, content_type: str = "text/plain; charset=utf-8") -> Handler:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=body.encode(), headers={"Content-Type": content_type})

    return handler


HANDSHAKE = "Server Engine REST Service available: JobEntityRestService"


def test_text_answers_have_their_schema_types_and_a_body_that_does_not_fit_raises() -> None:
    # The job set delete answers the update schema (`true|false`): a bool, and `false` is an error (issue 19).
    assert delete_job_set.sync(7, client=olc(text("true"))) is True
    with pytest.raises(errors.UpdateRejectedError, match="false"):
        delete_job_set.sync(7, client=olc(text("false")))
    with pytest.raises(errors.ResponseParseError):
        delete_job_set.sync(7, client=olc(text("<html>sign in</html>")))
    # A handshake's message has a pattern in the spec; text that does not fit is not returned as the answer.
    assert get_job_entity_handshake.sync(client=olc(text(HANDSHAKE))) == HANDSHAKE
    with pytest.raises(errors.ResponseParseError) as caught:
        get_job_entity_handshake.sync(client=olc(text("Welcome to the portal")))
    assert "Welcome" not in str(caught.value)  # the text itself is not quoted
    # A version string has no pattern: any text is the version.
    assert get_job_entity_version.sync(client=olc(text("2025.2.0.12345"))) == "2025.2.0.12345"
