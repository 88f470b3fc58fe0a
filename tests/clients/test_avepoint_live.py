"""The AvePoint client against the AvePoint mock over real HTTP: OAuth2 token lifecycle, paging, faults."""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from avepoint_graph_client import errors
from avepoint_graph_client.api.jobs import list_jobs
from avepoint_graph_client.auth import ClientCredentialsAuth
from avepoint_graph_client.client import AuthenticatedClient
from avepoint_graph_client.factory import connect
from avepoint_graph_client.models import AppType, Job
from avepoint_graph_client.paging import JobFilters, aiter_job_pages, aiter_jobs, iter_job_pages, iter_jobs

from mock_servers.testing import MockProcess, running_mock

from .live import AVE_QUICK_RETRIES, access_log, requests_to, start_log

TOKEN = "/connect/token"
JOBS = "/backup/google/admin/jobs"


@pytest.fixture(scope="module")
def ave_mock() -> Iterator[MockProcess]:
    with running_mock("avepoint") as mock:
        yield mock


@pytest.fixture
def mock(ave_mock: MockProcess) -> Iterator[MockProcess]:
    ave_mock.reset()
    ave_mock.clear_faults()
    start_log(ave_mock)
    yield ave_mock
    ave_mock.clear_faults()


def credentials(mock: MockProcess, scope: str = "gsuite.graph.read.all") -> tuple[str, str]:
    client = next(c for c in mock.info["clients"] if scope in c["scopes"])
    return client["client_id"], client["client_secret"]


def client_for(mock: MockProcess, *, client_secret: str | None = None) -> AuthenticatedClient:
    client_id, secret = credentials(mock)
    return connect(
        client_id,
        client_secret or secret,
        base_url=mock.base_url,
        token_url=mock.token_url,
        retry_policy=AVE_QUICK_RETRIES,
    )


def test_pages_follow_next_link_with_the_filters_kept(mock: MockProcess) -> None:
    filters = JobFilters(data_source=2)
    with client_for(mock) as client:
        pages = list(iter_job_pages(client, filters, page_size=5))
    jobs = [job for page in pages for job in page.jobs]
    assert len(pages) > 1
    assert all(job.data_source == 2 for job in jobs)
    assert len({job.job_id for job in jobs}) == len(jobs)
    records = access_log(mock)
    assert len(requests_to(records, TOKEN)) == 1
    assert len(requests_to(records, JOBS)) == len(pages)


def test_typed_filters_select_jobs_and_unfiltered_walk_matches_the_mock(mock: MockProcess) -> None:
    start = datetime.fromisoformat("2024-01-02T00:00:00+00:00")
    with client_for(mock) as client:
        every = list(iter_jobs(client, page_size=7))
        drive = list(iter_jobs(client, app_type=AppType.DRIVE, start_time=start, page_size=7))
    assert {j.job_id for j in every} <= set(mock.info["job_ids"])
    assert all(isinstance(j, Job) for j in every)
    assert drive, "the default scenario has Drive jobs after the start time"
    # start_time is an aware UTC datetime (AVE-30)
    assert all(j.app_type is AppType.DRIVE for j in drive)
    assert all(isinstance(j.start_time, datetime) and j.start_time >= start for j in drive)


def test_token_expiry_mid_walk_refreshes_once(mock: MockProcess) -> None:
    with client_for(mock) as client:
        pages = iter_job_pages(client, page_size=10)
        next(pages)
        mock.expire_tokens()
        rest = list(pages)
    assert rest
    records = access_log(mock)
    assert [r["status"] for r in requests_to(records, TOKEN)] == [200, 200]
    assert [r["status"] for r in requests_to(records, JOBS)][:3] == [200, 401, 200]


def test_bad_client_secret_raises_authentication_error(mock: MockProcess) -> None:
    with (
        client_for(mock, client_secret="not-the-secret-123") as client,
        pytest.raises(errors.AuthenticationError) as caught,
    ):
        list_jobs.sync(client=client)
    assert caught.value.status_code == 401
    assert caught.value.message
    assert caught.value.message.startswith("invalid_client")
    assert "not-the-secret-123" not in str(caught.value)


def test_missing_scope_is_permission_denied(mock: MockProcess) -> None:
    client_id, secret = credentials(mock, "audit.read.all")
    with (
        connect(client_id, secret, base_url=mock.base_url, scope="audit.read.all") as client,
        pytest.raises(errors.PermissionDeniedError),
    ):
        list_jobs.sync(client=client)


def test_paging_survives_503_with_retry_after_and_a_dropped_connection(mock: MockProcess) -> None:
    with client_for(mock) as client:
        pages = iter_job_pages(client, page_size=20)
        first = next(pages)
        mock.set_faults(status=503, count=1, retry_after=1)
        second = next(pages)
        mock.set_faults(drop=1)
        rest = list(pages)
        ids = [j.job_id for page in (first, second, *rest) for j in page.jobs]
        assert ids == [j.job_id for j in iter_jobs(client, page_size=20)]
    statuses = [(r["status"], bool(r.get("dropped"))) for r in requests_to(access_log(mock), JOBS)]
    assert (503, False) in statuses
    assert any(dropped for _, dropped in statuses)


def test_concurrent_threads_and_tasks_share_one_token(mock: MockProcess) -> None:
    with client_for(mock) as client:
        auth = client.auth
        assert isinstance(auth, ClientCredentialsAuth)
        with ThreadPoolExecutor(max_workers=8) as pool:
            list(pool.map(lambda _: list_jobs.sync(client=client, page_size=1), range(16)))

        async def tasks() -> None:
            async with client_for(mock) as async_client:
                shared = async_client.auth
                assert isinstance(shared, ClientCredentialsAuth)
                await asyncio.gather(
                    *(list_jobs.asyncio(client=async_client, page_size=1) for _ in range(16))
                )
                mock.expire_tokens()
                await asyncio.gather(
                    *(list_jobs.asyncio(client=async_client, page_size=1) for _ in range(16))
                )
                assert shared.token_fetches == 2

        asyncio.run(tasks())
    assert auth.token_fetches == 1
    assert len(requests_to(access_log(mock), TOKEN)) == 1 + 2


@pytest.fixture(scope="module")
def big_scenario(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    """10 000 jobs, all in the Admin portal (the default ``dataSource``), and their expected order."""
    folder = tmp_path_factory.mktemp("big")
    raw = folder / "raw.json"
    command = [sys.executable, "-m", "mock_servers", "generate-scenario", "avepoint", "--jobs", "10000"]
    subprocess.run([*command, "--seed", "7", "-o", str(raw)], check=True, capture_output=True)
    scenario: dict[str, Any] = json.loads(raw.read_text())
    for job in scenario["jobs"]:
        job["dataSource"] = 1
    path = folder / "big.json"
    path.write_text(json.dumps(scenario))
    newest_first = sorted(
        scenario["jobs"], key=lambda j: (datetime.fromisoformat(j["startTime"]), j["jobId"]), reverse=True
    )
    return path, [j["jobId"] for j in newest_first]


def test_paging_through_10000_jobs_returns_each_once_in_order(big_scenario: tuple[Path, list[str]]) -> None:
    path, expected = big_scenario
    with running_mock("avepoint", path, access_log=False) as mock, client_for(mock) as client:
        started = time.monotonic()
        seen = [job.job_id for job in iter_jobs(client, page_size=250)]
        elapsed = time.monotonic() - started

        async def walk() -> list[str]:
            async with client_for(mock) as async_client:
                return [job.job_id async for job in aiter_jobs(async_client, page_size=500)]

        seen_async = asyncio.run(walk())
    assert len(seen) == 10_000
    assert seen == expected
    assert seen_async == expected
    assert elapsed < 20


def test_async_walk_survives_429_and_a_dropped_connection(mock: MockProcess) -> None:
    async def walk() -> tuple[list[str], list[str]]:
        async with client_for(mock) as client:
            faulted: list[str] = []
            pages = aiter_job_pages(client, page_size=20)
            async for page in pages:
                faulted += [j.job_id for j in page.jobs]
                if len(faulted) == 20:
                    mock.set_faults(status=429, count=2, retry_after=0)
                elif len(faulted) == 40:
                    mock.set_faults(drop=1)
            clean = [job.job_id async for job in aiter_jobs(client, page_size=20)]
            return faulted, clean

    faulted, clean = asyncio.run(walk())
    assert faulted == clean
    statuses = [(r["status"], bool(r.get("dropped"))) for r in requests_to(access_log(mock), JOBS)]
    assert statuses.count((429, False)) == 2
    assert sum(dropped for _, dropped in statuses) == 1
