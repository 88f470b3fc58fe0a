"""AvePoint rules the schemas cannot express (spec/DECISIONS.md): paging through nextLink, filters, auth."""

from __future__ import annotations

import os
import time
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import spec_model
from contract_tests import api_paths
from contract_tests.expect import conforms, expect, expect_status, json_body
from contract_tests.fingerprint import Observation
from contract_tests.redaction import register_secret
from contract_tests.run_state import RunState
from contract_tests.targets import OTHER_SCOPE_TOKEN, AvePointTarget, max_wait, wait_hint

pytestmark = pytest.mark.api("avepoint")

API = "avepoint"
LIST = "listJobs"
# A whole result set in one page, to compare the walk with (no documented maximum page size, AVE-09).
ONE_PAGE = 100_000
# A walk longer than this many pages past the expected count is treated as not terminating.
SLACK_PAGES = 3


def _enum(schema_name: str) -> list[int]:
    values: list[int] = spec_model.spec(API).schemas[schema_name]["enum"]
    return values


@pytest.fixture(scope="module")
def ave(run_state: RunState) -> AvePointTarget:
    return run_state.require_avepoint()


@pytest.fixture(scope="module")
def client(run_state: RunState) -> httpx.Client:
    """Sends a valid bearer token."""
    return run_state.avepoint_client()


@pytest.fixture(scope="module")
def anon(run_state: RunState) -> httpx.Client:
    return run_state.bare_client(API)


@pytest.fixture(scope="module")
def time_anchor(client: httpx.Client) -> datetime:
    """A start time inside the data (the newest job's), so generated windows hit real jobs."""
    page = client.get(api_paths.path_of(API, LIST), params={"pageSize": 1})
    jobs = page.json().get("jobs", []) if page.status_code == 200 else []
    if jobs:
        return datetime.fromisoformat(jobs[0]["startTime"])
    return datetime.now(UTC)


def _filters(anchor: datetime) -> st.SearchStrategy[dict[str, Any]]:
    """Any combination of the documented filters, each optional (AVE-07, AVE-08)."""
    offsets = st.integers(min_value=-400 * 24, max_value=24).map(
        lambda hours: anchor + timedelta(hours=hours)
    )
    return st.fixed_dictionaries(
        {},
        optional={
            "appType": st.sampled_from(_enum("AppType")),
            "jobType": st.sampled_from(_enum("JobType")),
            "jobStatus": st.sampled_from(_enum("JobStatus")),
            "dataSource": st.sampled_from(_enum("DataSource")),
            "startTime": offsets,
            "finishTime": offsets,
        },
    ).map(_ordered_window)


def _ordered_window(filters: dict[str, Any]) -> dict[str, Any]:
    start, finish = filters.get("startTime"), filters.get("finishTime")
    if start is not None and finish is not None and start > finish:
        filters["startTime"], filters["finishTime"] = finish, start
    return {
        key: value.isoformat() if isinstance(value, datetime) else value for key, value in filters.items()
    }


# The .NET placeholder a running job may carry as its finishTime (AVE-10): not a real finish.
PLACEHOLDER_YEAR = 1


def _finished(job: dict[str, Any]) -> datetime | None:
    """The job's finish time, or None while it runs (absent, empty, null or the placeholder, AVE-10)."""
    value = job.get("finishTime")
    if not value:
        return None
    finished = datetime.fromisoformat(value)
    return None if finished.year == PLACEHOLDER_YEAR else finished


def _mismatches(job: dict[str, Any], filters: dict[str, Any]) -> list[str]:
    """Which filters ``job`` fails (AVE-08 single values; AVE-25 the time window under any reading).

    The pages do not say which of the job's times the window bounds (AVE-25: its start, its finish, or the
    whole run, variant ave.time-window), so a job passes when its run overlaps the window, inclusively:
    every reading selects only such jobs, and a job that ended before ``startTime`` or began after
    ``finishTime`` is outside all of them.
    """
    problems = []
    for name, field in (("appType", "appType"), ("jobType", "jobType"), ("jobStatus", "status")):
        if name in filters and job.get(field) != filters[name]:
            problems.append(f"{name}={filters[name]} but job has {field}={job.get(field)}")
    if job.get("dataSource") != filters.get("dataSource", 1):
        problems.append(f"dataSource={filters.get('dataSource', 1)} but job has {job.get('dataSource')}")
    started, finished = datetime.fromisoformat(job["startTime"]), _finished(job)
    if (
        "startTime" in filters
        and finished is not None
        and finished < datetime.fromisoformat(filters["startTime"])
    ):
        problems.append(f"window from {filters['startTime']} but job ended {job.get('finishTime')}")
    if "finishTime" in filters and started > datetime.fromisoformat(filters["finishTime"]):
        problems.append(f"window until {filters['finishTime']} but job started {job['startTime']}")
    return problems


def _follow(client: httpx.Client, next_link: str, same_query: dict[str, Any]) -> httpx.Response:
    """The next page: a URL (absolute or relative) as-is; an opaque token (variant ave.next-link=opaque,
    as in the vendor sample) by repeating the request with the next pageIndex, since no page documents
    how to send a token back (AVE-03)."""
    if next_link.startswith(("http://", "https://", "/")):
        return client.get(next_link)
    return client.get(api_paths.path_of(API, LIST), params=same_query)


@pytest.mark.operations(LIST)
def test_next_link_walk_is_complete_and_filtered(
    run_state: RunState, client: httpx.Client, time_anchor: datetime
) -> None:
    """Following nextLink from any filters terminates, never repeats or skips a job, honours pageSize, has no
    nextLink on the last page, and every job matches every filter (AVE-03, AVE-04, AVE-07..09, AVE-25).
    Whether pages before the last are full and the order is the same for every page size is reported
    (AVE-26): no page promises either; so is whether the envelope's `status` repeats the HTTP status
    (AVE-05: the sample shows it equal, no page says so)."""

    # Each single-value filter alone, always: a server that ignores one of them is caught in every run,
    # not only when the drawn combinations happen to exclude a job.
    @given(filters=_filters(time_anchor), page_size=st.integers(min_value=1, max_value=7))
    @example(filters={"jobType": _enum("JobType")[0]}, page_size=7)
    @example(filters={"appType": _enum("AppType")[0]}, page_size=7)
    @example(filters={"jobStatus": _enum("JobStatus")[0]}, page_size=7)
    def check(filters: dict[str, Any], page_size: int) -> None:
        whole = client.get(api_paths.path_of(API, LIST), params={**filters, "pageSize": ONE_PAGE})
        expect_status(whole, LIST, 200, "a valid filter combination answers 200")
        expected = [job["jobId"] for job in json_body(whole, LIST)["jobs"]]
        if json_body(whole, LIST).get("nextLink"):
            observed["huge pageSize"] = f"capped at {len(expected)} jobs"
            return  # a server may cap the page size (AVE-26): the big page is no complete reference
        max_pages = len(expected) // page_size + SLACK_PAGES

        seen: list[str] = []
        response = client.get(api_paths.path_of(API, LIST), params={**filters, "pageSize": page_size})
        for page_index in range(1, max_pages + 1):
            expect_status(response, LIST, 200, "every page of a walk answers 200")
            conforms(API, LIST, response)
            page = json_body(response, LIST)
            jobs = page["jobs"]
            if "status" not in page:  # reported, not judged: no page says what `status` holds (AVE-05)
                observed.setdefault("envelope status", "absent")
            elif page["status"] != response.status_code:
                observed["envelope status"] = f"{page['status']!r} on HTTP {response.status_code}"
            else:
                observed.setdefault("envelope status", "equal to the HTTP status")
            expect(
                len(jobs) <= page_size,
                LIST,
                "a page holds at most pageSize jobs (AVE-09)",
                response,
                f"{len(jobs)} jobs",
            )
            for job in jobs:
                expect(
                    job["jobId"] not in seen,
                    LIST,
                    "a walk never repeats a job",
                    response,
                    f"job {job['jobId']} again",
                )
                problems = _mismatches(job, filters)
                expect(
                    not problems,
                    LIST,
                    "every job on every page matches every filter",
                    response,
                    "; ".join(problems),
                )
                seen.append(job["jobId"])
            next_link = page.get("nextLink")
            if not next_link:
                expect(
                    page.get("nextLink") in (None, ""),
                    LIST,
                    "the last page has no nextLink: absent, null or empty (AVE-04)",
                    response,
                    repr(page.get("nextLink")),
                )
                break
            if len(jobs) < page_size:  # reported, not judged: no page promises full pages (AVE-26)
                observed["short page before the last"] = f"{len(jobs)} of pageSize {page_size}"
            response = _follow(client, next_link, {**filters, "pageSize": page_size, "pageIndex": page_index})
        else:
            expect(
                False, LIST, f"the nextLink walk must terminate (gave up after {max_pages} pages)", response
            )
        expect(
            sorted(seen) == sorted(expected),
            LIST,
            "the walk returns exactly the jobs of one big page (no skips, nothing extra)",
            response,
            f"missing {sorted(set(expected) - set(seen))[:5]}, extra {sorted(set(seen) - set(expected))[:5]}",
        )
        if seen != expected:  # reported, not judged: no page documents an order (AVE-26)
            observed["order differs across page sizes"] = f"pageSize {page_size} vs {ONE_PAGE}"

    observed: dict[str, str] = {}
    check()
    for topic in ("short page before the last", "order differs across page sizes", "huge pageSize"):
        shown = observed.get(topic, "never seen")
        run_state.note(Observation(API, "AVE-26", topic, shown, f"nextLink walks of GET {LIST}", shown))
    shown = observed.get("envelope status", "never seen")
    run_state.note(Observation(API, "AVE-05", "envelope status", shown, f"200 pages of GET {LIST}", shown))


@pytest.mark.operations(LIST)
def test_missing_token_answers_401(anon: httpx.Client) -> None:
    """No bearer token answers 401 with WWW-Authenticate: Bearer and the error envelope (AVE-11)."""
    got = anon.get(api_paths.path_of(API, LIST))
    expect_status(got, LIST, 401, "a request without a token answers 401 (AVE-11)")
    expect(
        "bearer" in got.headers.get("www-authenticate", "").lower(),
        LIST,
        "the 401 challenges Bearer (AVE-11)",
        got,
    )
    conforms(API, LIST, got)


@pytest.mark.operations(LIST)
def test_invalid_token_answers_401(anon: httpx.Client) -> None:
    """Malformed or unknown bearer tokens answer 401 with WWW-Authenticate: Bearer (AVE-11)."""

    @given(token=st.text(st.characters(min_codepoint=33, max_codepoint=126), min_size=1, max_size=60))
    def check(token: str) -> None:
        got = anon.get(api_paths.path_of(API, LIST), headers={"Authorization": f"Bearer {token}"})
        expect_status(got, LIST, 401, "an unknown or malformed token answers 401 (AVE-11)")
        expect(
            "bearer" in got.headers.get("www-authenticate", "").lower(),
            LIST,
            "the 401 challenges Bearer",
            got,
        )
        conforms(API, LIST, got)

    check()


@pytest.mark.operations("requestToken")
def test_token_endpoint_issues_tokens(ave: AvePointTarget, anon: httpx.Client) -> None:
    """Client credentials get a bearer token of type Bearer (AVE-13).

    Live too: it is the same one request the suite sends to get its own token, made here where its answer
    is judged (only a run given a static AVEPOINT_TOKEN has no token endpoint to ask)."""
    if not (ave.token_url and ave.client_id and ave.client_secret):
        pytest.skip("a static token was given: no token endpoint or client credentials to ask with")
    form = {"grant_type": "client_credentials", "client_id": ave.client_id, "scope": ave.scope}
    good = anon.post(ave.token_url, data={**form, "client_secret": ave.client_secret})
    expect_status(good, "requestToken", 200, "valid client credentials get a token (AVE-13)")
    conforms(API, "requestToken", good)
    body = json_body(good, "requestToken")
    expect(
        str(body.get("token_type")).lower() == "bearer", "requestToken", "token_type is Bearer (AVE-13)", good
    )


WRONG_SECRET_RULE = "a wrong client secret gets no token: 400 or 401 invalid_client (AVE-13, AVE-16)"


@pytest.mark.operations("requestToken")
def test_wrong_client_secret_gets_no_token(run_state: RunState) -> None:
    """One token request with a wrong secret (live too, unless CONTRACT_SKIP_BAD_SECRET=1) gets no token."""
    bad = run_state.bad_secret_response()
    if not isinstance(bad, httpx.Response):
        pytest.skip(f"no wrong-secret request sent: {bad}")
    expect_status(bad, "requestToken", {400, 401}, WRONG_SECRET_RULE)
    body = json_body(bad, "requestToken")
    expect(
        isinstance(body, dict) and "access_token" not in body,
        "requestToken",
        WRONG_SECRET_RULE,
        bad,
        "the answer carries an access_token",
    )
    expect(body.get("error") == "invalid_client", "requestToken", WRONG_SECRET_RULE, bad, repr(body))
    conforms(API, "requestToken", bad)


# --- what needs a second identity or time (run when the environment provides them) ---------------------

# Seconds waited beyond a stated lifetime: clocks and rounding on the server side.
EXPIRY_MARGIN = 1.5


def _other_scope_token(ave: AvePointTarget, anon: httpx.Client) -> str | None:
    """A token without the read scope: AVEPOINT_OTHER_SCOPE_TOKEN, or one for the mock's other client."""
    if ave.other_scope_token:
        return ave.other_scope_token
    if ave.other_client is None or not ave.token_url:
        return None
    client_id, secret, scope = ave.other_client
    form = {
        "grant_type": "client_credentials",
        "client_id": client_id,
        "client_secret": secret,
        "scope": scope,
    }
    got = anon.post(ave.token_url, data=form)
    expect_status(got, "requestToken", 200, "the second client gets a token for its own scope (AVE-13)")
    token = str(json_body(got, "requestToken")["access_token"])
    register_secret(token)
    return token


@pytest.mark.operations(LIST)
def test_token_without_the_read_scope_answers_403(ave: AvePointTarget, anon: httpx.Client) -> None:
    """A valid token that lacks gsuite.graph.read.all answers 403 with the envelope (AVE-11)."""
    token = _other_scope_token(ave, anon)
    if token is None:
        pytest.skip(f"needs a second identity: set {OTHER_SCOPE_TOKEN} (a valid token for another scope)")
    got = anon.get(api_paths.path_of(API, LIST), headers={"Authorization": f"Bearer {token}"})
    expect_status(got, LIST, 403, "a token without the gsuite.graph.read.all scope answers 403 (AVE-11)")
    conforms(API, LIST, got)


@pytest.mark.operations(LIST, "requestToken")
def test_token_rejected_after_expires_in(ave: AvePointTarget, anon: httpx.Client) -> None:
    """A client-credentials token works before its expires_in and answers 401 once that many seconds have
    passed (AVE-11, AVE-13). Runs when CONTRACT_MAX_WAIT allows waiting that long."""
    if not (ave.token_url and ave.client_id and ave.client_secret):
        pytest.skip(
            "needs time and client credentials: AVEPOINT_TOKEN is used as is, its lifetime is unknown"
        )
    form = {"grant_type": "client_credentials", "client_id": ave.client_id, "scope": ave.scope}
    issued = anon.post(ave.token_url, data={**form, "client_secret": ave.client_secret})
    expect_status(issued, "requestToken", 200, "valid client credentials get a token (AVE-13)")
    body = json_body(issued, "requestToken")
    token, lifetime = str(body["access_token"]), body.get("expires_in")
    register_secret(token)
    if not isinstance(lifetime, int):
        pytest.skip("needs time: the token answer gave no integer expires_in to wait for")
    limit = max_wait(os.environ)
    if lifetime + EXPIRY_MARGIN > limit:
        pytest.skip(f"the token lives {lifetime} s: " + wait_hint(lifetime + EXPIRY_MARGIN))
    headers = {"Authorization": f"Bearer {token}"}
    before = anon.get(api_paths.path_of(API, LIST), headers=headers, params={"pageSize": 1})
    expect_status(before, LIST, 200, "the token works before it expires (AVE-13)")
    time.sleep(lifetime + EXPIRY_MARGIN)
    after = anon.get(api_paths.path_of(API, LIST), headers=headers, params={"pageSize": 1})
    expect_status(
        after, LIST, 401, f"a token is refused with 401 once its expires_in ({lifetime} s) has passed"
    )
    conforms(API, LIST, after)
