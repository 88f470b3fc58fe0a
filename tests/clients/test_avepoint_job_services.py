"""The AvePoint client's issue-22 parts against the mock over real HTTP: a pager per paging style (with the
loop guard and page cap), the restore that is never retried and its distinct busy error (AVE-44..53)."""

from __future__ import annotations

import asyncio
import datetime
from collections.abc import Iterator
from typing import Any

import avepoint_graph_client as ave
import httpx
import pytest
from avepoint_graph_client import errors, job_pages
from avepoint_graph_client.api.microsoft_365_jobs import get_m365_job, list_m365_jobs
from avepoint_graph_client.client import AuthenticatedClient
from avepoint_graph_client.errors import PageLimitError, PagingLoopError
from avepoint_graph_client.models import DynamicsJobType, M365Job, M365JobType, M365RestoreRequest

from mock_servers.testing import MockProcess, running_mock

from .live import AVE_QUICK_RETRIES, access_log, requests_to, start_log

SCOPES = (
    "microsoft365backup.jobInfo.read.all microsoft365backup.restore.readwrite.all salesforce.public.read.all "
    "PlatformBackup.ReadWrite.All Dynamics.ReadWrite.All autodiscovery.readwrite.all"
)
YEAR = {"start_time": datetime.date(2025, 1, 1), "finish_time": datetime.date(2025, 12, 31)}
RESTORE = {
    "serviceType": 1,
    "recoveryDateTime": "2026-02-27T03:54:22Z",
    "siteRestoreScope": {
        "siteUrl": "https://contoso.sharepoint.com/sites/Finance",
        "restoreTargets": [{"libraryName": "Documents", "files": [{"relativePath": "Reports/2025.xlsx"}]}],
    },
}


@pytest.fixture(scope="module")
def mock() -> Iterator[MockProcess]:
    with running_mock("avepoint") as process:
        yield process


@pytest.fixture
def client(mock: MockProcess) -> Iterator[AuthenticatedClient]:
    mock.reset()
    mock.admin("POST", "/_mock/variants", {"profile": "project"})
    start_log(mock)
    with ave.connect(
        "mock-client",
        "mock-client-secret",
        base_url=mock.base_url,
        token_url=mock.token_url,
        scope=SCOPES,
        retry_policy=AVE_QUICK_RETRIES,
    ) as connected:
        yield connected


def _one_page(client: AuthenticatedClient, style: Any, filters: dict[str, Any]) -> list[Any]:
    """Every ID in one page of 1000, the reference a walk is compared with."""
    request = style.build_request(**filters, **style.page_arguments(style.first_page, 1000))
    page = style.operation.parse(client.get_httpx_client().request(**request))
    return [style.item_id(item) for item in style.items(page)]


@pytest.mark.parametrize(
    ("walker", "style", "filters"),
    [
        (ave.iter_m365_jobs, "M365", {}),
        (ave.iter_salesforce_jobs, "SALESFORCE", YEAR),
        (ave.iter_vm_jobs, "VM", {}),
        (ave.iter_dynamics_jobs, "DYNAMICS", {"type_": DynamicsJobType.ALL, **YEAR}),
        (ave.iter_scan_jobs, "SCANS", {}),
    ],
    ids=["m365-metadata-link", "salesforce-data-link", "vm-skiptoken", "dynamics-1-based", "scans-top-skip"],
)
def test_each_paging_style_walks_every_job_once(
    client: AuthenticatedClient, walker: Any, style: str, filters: dict[str, Any]
) -> None:
    walked = [job_pages.__dict__[style].item_id(job) for job in walker(client, page_size=3, **filters)]
    assert walked == _one_page(client, job_pages.__dict__[style], filters)
    assert len(walked) > 6


@pytest.mark.parametrize(
    "variants",
    [
        {"ave.m365-next-link": "opaque"},
        {"ave.vm-next-link-name": "lower-case"},
        {"ave.d365-next-link": "absolute"},
        {"ave.aos-skip-unit": "pages"},
    ],
    ids=lambda values: "+".join(f"{k}={v}" for k, v in values.items()),
)
def test_walks_hold_under_every_paging_variant(
    client: AuthenticatedClient, mock: MockProcess, variants: dict[str, str]
) -> None:
    mock.admin("POST", "/_mock/variants", {"variants": variants})
    assert len({job.id for job in ave.iter_m365_jobs(client, page_size=4)}) == 30
    assert len({job.job_id for job in ave.iter_vm_jobs(client, page_size=4)}) == 23
    dynamics = ave.iter_dynamics_jobs(client, page_size=4, type_=DynamicsJobType.ALL, **YEAR)
    assert len({job.job_id for job in dynamics}) == 14
    assert len({job.id for job in ave.iter_scan_jobs(client, page_size=5)}) == 12


def test_async_walk_matches_the_sync_one(client: AuthenticatedClient) -> None:
    async def collect() -> list[str]:
        return [job.job_id async for job in ave.aiter_vm_jobs(client, page_size=4)]

    assert asyncio.run(collect()) == [job.job_id for job in ave.iter_vm_jobs(client, page_size=4)]


def test_a_token_that_leads_back_stops_the_walk() -> None:
    """The loop guard of today's pager holds for the skiptoken style: a server that answers every token with
    the same page is stopped with ``PagingLoopError``."""

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/connect/token":
            return httpx.Response(200, json={"access_token": "t", "token_type": "Bearer", "expires_in": 3600})
        body = {"totalCount": 9, "jobs": [{"jobId": "A", "status": 2}], "nextLink": "same-token"}
        return httpx.Response(200, json=body)

    transport = httpx.MockTransport(handler)
    with (
        ave.connect("id", "secret", base_url="http://vm.test", transport=transport, max_retries=0) as looping,
        pytest.raises(PagingLoopError),
    ):
        list(ave.iter_vm_jobs(looping, page_size=1))


def test_the_page_cap_stops_a_walk(client: AuthenticatedClient) -> None:
    with pytest.raises(PageLimitError):
        list(job_pages.iter_items(client, job_pages.M365, {}, page_size=2, max_pages=3))


def test_a_restore_returns_a_job_that_details_show(client: AuthenticatedClient) -> None:
    job_id = ave.start_restore(client, M365RestoreRequest.from_dict(RESTORE), location="NAM")
    job = get_m365_job.sync(client=client, job_id=job_id)
    assert isinstance(job.data, M365Job)
    assert job.data.id == job_id
    listed = list_m365_jobs.sync(client=client, job_type=M365JobType.RESTORE, page_size=100)
    assert job_id in [item.id for item in listed.data]


def test_the_fourth_running_restore_raises_busy_and_is_sent_once(
    client: AuthenticatedClient, mock: MockProcess
) -> None:
    body = M365RestoreRequest.from_dict(RESTORE)
    for _ in range(3):
        ave.start_restore(client, body)
    sent_before = _restore_posts(mock)
    with pytest.raises(ave.RestoreJobsBusyError) as raised:
        ave.start_restore(client, body)
    assert isinstance(raised.value, errors.RateLimitError)
    assert raised.value.status_code == 429
    assert _restore_posts(mock) == sent_before + 1  # the 429 was not retried


def test_an_invalid_restore_is_a_bad_request_naming_the_field(client: AuthenticatedClient) -> None:
    body = M365RestoreRequest.from_dict({**RESTORE, "serviceType": 2})
    with pytest.raises(errors.BadRequestError) as raised:
        ave.start_restore(client, body)
    assert "oneDriveRestoreScope" in str(raised.value.body)


def _restore_posts(mock: MockProcess) -> int:
    return len(requests_to(access_log(mock), "/backup/m365/restore/jobs", "POST"))
