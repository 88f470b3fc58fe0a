"""Unit tests of the AvePoint domain: query parsing, filters, time window, ordering and paging."""

from __future__ import annotations

import json
from typing import Any

import pytest

from mock_servers.avepoint.domain import Job, JobCatalog, JobQuery, load_jobs
from mock_servers.avepoint.query import QueryRules
from mock_servers.core.http import ApiError
from mock_servers.core.scenario import ScenarioError, load_scenario, packaged_schema
from mock_servers.core.timeparse import parse_rfc3339
from mock_servers.generate import avepoint_scenario
from spec_model import spec


@pytest.fixture(scope="module")
def rules() -> QueryRules:
    return QueryRules(spec("avepoint"))


@pytest.fixture(scope="module")
def scenario() -> dict[str, Any]:
    document, _ = load_scenario("avepoint", None)
    return document


@pytest.fixture(scope="module")
def catalog(scenario: dict[str, Any]) -> JobCatalog:
    return JobCatalog(load_jobs(scenario, "default"))


def _all(catalog: JobCatalog, **filters: Any) -> list[Job]:
    jobs, more = catalog.page(JobQuery(page_size=10_000, **filters))
    assert not more
    return jobs


def _ts(text: str) -> float:
    parsed = parse_rfc3339(text)
    assert parsed is not None
    return parsed.timestamp()


def test_scenario_enums_match_the_spec() -> None:
    """The scenario schema repeats the spec's enums; this keeps the two in step."""
    operation = spec("avepoint").operation("listJobs")
    job = packaged_schema("avepoint")["$defs"]["job"]["properties"]
    for field, parameter in (("appType", "appType"), ("jobType", "jobType"), ("dataSource", "dataSource")):
        assert set(job[field]["enum"]) == set(operation.parameter(parameter).schema["enum"])
    assert set(job["status"]["enum"]) == set(operation.parameter("jobStatus").schema["enum"])


@pytest.mark.parametrize(
    ("field", "name"),
    [
        ("app_type", "appType"),
        ("job_type", "jobType"),
        ("status", "jobStatus"),
        ("data_source", "dataSource"),
    ],
)
def test_every_filter_value_selects_and_excludes(
    catalog: JobCatalog, rules: QueryRules, field: str, name: str
) -> None:
    admin_jobs = _all(catalog)
    for value in rules.enums[name]:
        keyword = {"app_type": "app_type", "job_type": "job_type", "status": "job_status"}.get(field)
        selected = _all(catalog, data_source=value) if keyword is None else _all(catalog, **{keyword: value})
        assert selected, f"{name}={value} selects nothing"
        assert all(getattr(job, field) == value for job in selected)
        if keyword is not None:
            assert len(selected) < len(admin_jobs), f"{name}={value} excludes nothing"


def test_running_jobs_have_null_finish_time(scenario: dict[str, Any]) -> None:
    running = [job for job in scenario["jobs"] if job["status"] == 0]
    assert running
    assert all(job["finishTime"] is None and job["progress"] < 100 for job in running)


def test_order_is_newest_start_first_with_job_id_tiebreak() -> None:
    jobs = [
        {
            "jobId": jid,
            "appType": 1,
            "jobType": 1,
            "dataSource": 1,
            "status": 2,
            "progress": 100,
            "startTime": start,
            "finishTime": "2025-01-01T00:00:00Z",
            "operator": "System",
        }
        for jid, start in (
            ("A", "2024-01-01T00:00:00Z"),
            ("C", "2024-06-01T00:00:00Z"),
            ("B", "2024-06-01T00:00:00Z"),
        )
    ]
    catalog = JobCatalog(load_jobs({"jobs": jobs}, "t"))
    assert [job.job_id for job in catalog.jobs] == ["C", "B", "A"]


def test_time_window_bounds_start_time_inclusively(catalog: JobCatalog) -> None:
    jobs = _all(catalog)
    middle = jobs[len(jobs) // 2]
    fragment = json.loads(middle.fragment)
    exact = _all(catalog, start=middle.start, finish=middle.start)
    assert [job.job_id for job in exact] == [middle.job_id]
    assert fragment["startTime"]
    newer = _all(catalog, start=middle.start)
    older = _all(catalog, finish=middle.start)
    assert len(newer) + len(older) == len(jobs) + 1
    assert all(job.start >= middle.start for job in newer)


def test_window_keeps_running_jobs(catalog: JobCatalog) -> None:
    running = _all(catalog, job_status=0)
    window = _all(
        catalog, job_status=0, start=min(j.start for j in running), finish=max(j.start for j in running)
    )
    assert window == running


def test_paging_walks_every_match_once(catalog: JobCatalog) -> None:
    expected = _all(catalog, job_status=2)
    seen: list[Job] = []
    index = 0
    while True:
        page, more = catalog.page(JobQuery(job_status=2, page_index=index, page_size=4))
        seen += page
        if not more:
            break
        index += 1
    assert seen == expected
    assert catalog.page(JobQuery(job_status=2, page_index=index + 1, page_size=4)) == ([], False)


def test_exactly_full_last_page_has_no_more(catalog: JobCatalog) -> None:
    total = len(_all(catalog))
    page, more = catalog.page(JobQuery(page_size=total))
    assert len(page) == total
    assert not more
    page, more = catalog.page(JobQuery(page_size=total - 1))
    assert more


def test_query_names_are_case_insensitive_and_status_is_an_alias(rules: QueryRules) -> None:
    query, raw = rules.parse([("PAGESIZE", "5"), ("apptype", "2"), ("status", "3"), ("unknown", "x")])
    assert (query.page_size, query.app_type, query.job_status, query.data_source) == (5, 2, 3, 1)
    assert raw == {"pageSize": "5", "appType": "2", "jobStatus": "3"}


def test_same_value_twice_is_fine_but_conflicts_are_400(rules: QueryRules) -> None:
    query, _ = rules.parse([("jobStatus", "2"), ("status", "2")])
    assert query.job_status == 2
    with pytest.raises(ApiError) as caught:
        rules.parse([("jobStatus", "2"), ("status", "3")])
    assert caught.value.status == 400
    assert "jobStatus=2" in caught.value.message
    assert "status=3" in caught.value.message


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("appType", "3"),
        ("appType", "1,2"),
        ("appType", ""),
        ("jobType", "9"),
        ("jobStatus", "1"),
        ("dataSource", "3"),
        ("pageIndex", "-1"),
        ("pageIndex", "1" + "0" * 45),
        ("pageSize", "0"),
        ("pageSize", "ten"),
        ("startTime", "2024-12-12"),
        ("finishTime", "2024-12-12T00:00:00 00:00"),
    ],
)
def test_invalid_values_are_400_naming_the_parameter(rules: QueryRules, name: str, value: str) -> None:
    with pytest.raises(ApiError) as caught:
        rules.parse([(name, value)])
    assert caught.value.status == 400
    assert name in caught.value.message


def test_paging_bounds_are_not_int32_and_offsets_are_utc(rules: QueryRules, catalog: JobCatalog) -> None:
    """The pages give pageIndex/pageSize no width and times no mandatory offset (AVE-07, AVE-09)."""
    query, _ = rules.parse([("pageIndex", "2147483648"), ("pageSize", "9223372036854775808")])
    assert catalog.page(query) == ([], False)
    query, _ = rules.parse([("startTime", "2024-12-12T00:00:00"), ("finishTime", "2024-12-12T01:00:00.5")])
    assert query.start == _ts("2024-12-12T00:00:00Z")
    assert query.finish == _ts("2024-12-12T01:00:00.5Z")


def test_start_after_finish_is_400(rules: QueryRules) -> None:
    with pytest.raises(ApiError, match="startTime must not be later than finishTime"):
        rules.parse([("startTime", "2024-12-13T00:00:00Z"), ("finishTime", "2024-12-12T00:00:00Z")])
    query, _ = rules.parse(
        [("startTime", "2024-12-12T02:00:00+02:00"), ("finishTime", "2024-12-12T00:00:00Z")]
    )
    assert query.start == query.finish == _ts("2024-12-12T00:00:00Z")


def test_generator_is_deterministic() -> None:
    assert avepoint_scenario(300, seed=5) == avepoint_scenario(300, seed=5)
    assert avepoint_scenario(300, seed=5) != avepoint_scenario(300, seed=6)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"status": 0}, "a job in progress"),
        ({"finishTime": None}, "a finished job"),
        ({"finishTime": "2000-01-01T00:00:00Z"}, "must be a date-time not before startTime"),
    ],
)
def test_job_consistency_checks(change: dict[str, Any], message: str) -> None:
    job = {
        "jobId": "J",
        "appType": 1,
        "jobType": 1,
        "dataSource": 1,
        "status": 2,
        "progress": 100,
        "startTime": "2024-01-01T00:00:00Z",
        "finishTime": "2024-01-01T01:00:00Z",
        "operator": "System",
    }
    with pytest.raises(ScenarioError, match=f"/jobs/0/finishTime: {message}"):
        load_jobs({"jobs": [{**job, **change}]}, "s.yaml")


def test_duplicate_job_ids_are_rejected() -> None:
    job = avepoint_scenario(1, seed=1)["jobs"][0]
    with pytest.raises(ScenarioError, match="/jobs/1/jobId: duplicate jobId"):
        load_jobs({"jobs": [job, job]}, "s.yaml")


@pytest.mark.parametrize(
    ("window", "at_start", "at_finish"),
    [("start", True, False), ("finish", False, True), ("overlap", True, True), ("exclusive", False, False)],
)
def test_each_time_window_reading(catalog: JobCatalog, window: str, at_start: bool, at_finish: bool) -> None:
    """Variant ave.time-window (AVE-25): which one-instant windows hold a finished job."""
    job = next(job for job in catalog.jobs if job.end != float("inf") and job.end > job.start)
    for instant, expected in ((job.start, at_start), (job.end, at_finish)):
        query = JobQuery(data_source=job.data_source, start=instant, finish=instant, window=window)
        assert query.matches(job) is expected, (window, instant)
    running = next((j for j in catalog.jobs if j.end == float("inf")), None)
    if running is not None and window == "finish":
        assert not JobQuery(data_source=running.data_source, finish=running.start, window=window).matches(
            running
        )
