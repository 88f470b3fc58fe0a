"""Walk every job that matches some filters, sync or async, one page in memory at a time.

``GET /backup/google/admin/jobs`` answers one page plus a ``nextLink``. The iterators here ask for the
first page with the filters as typed arguments, then follow ``nextLink`` as the server sent it (so every
filter and the page size carry over, DECISIONS AVE-03) until it is absent, ``null`` or empty (AVE-04).

Two defensive rules:
- a ``nextLink`` on another host is re-rooted on the client's base URL, so the bearer token is never sent
  to a host the caller did not configure;
- a ``nextLink`` that is not a URL (the vendor sample shows an opaque token) falls back to asking for
  ``pageIndex + 1`` with the same filters, since no way to send such a token back is documented.
"""

from __future__ import annotations

import dataclasses
import datetime
from collections.abc import AsyncIterator, Iterator
from typing import Any
from urllib.parse import urlsplit

import httpx

from ._runtime.errors import ApiConnectionError, ApiError
from ._runtime.options import RequestOptions, apply_options
from .api.jobs import list_jobs
from .client import AuthenticatedClient
from .models.app_type import AppType
from .models.data_source import DataSource
from .models.job import Job
from .models.job_status import JobStatus
from .models.job_type import JobType
from .models.jobs_page import JobsPage
from .types import UNSET, Response

__all__ = ["JobFilters", "aiter_job_pages", "aiter_jobs", "iter_job_pages", "iter_jobs"]


@dataclasses.dataclass(frozen=True)
class JobFilters:
    """The documented filters of the job list; ``None`` means "not filtered" (the server's default)."""

    app_type: AppType | int | None = None
    job_type: JobType | int | None = None
    job_status: JobStatus | int | None = None
    data_source: DataSource | int | None = None
    start_time: datetime.datetime | None = None
    finish_time: datetime.datetime | None = None

    def __post_init__(self) -> None:
        # The server needs an offset (DECISIONS AVE-07); a naive datetime would be sent without one.
        for name in ("start_time", "finish_time"):
            value = getattr(self, name)
            if value is not None and value.utcoffset() is None:
                raise ValueError(f"{name} must be timezone-aware, e.g. datetime(..., tzinfo=timezone.utc)")

    def as_arguments(self) -> dict[str, Any]:
        """Keyword arguments for ``list_jobs`` (plain ints become the open enums)."""
        arguments: dict[str, Any] = {
            "app_type": UNSET if self.app_type is None else AppType(self.app_type),
            "job_type": UNSET if self.job_type is None else JobType(self.job_type),
            "job_status": UNSET if self.job_status is None else JobStatus(self.job_status),
            "data_source": UNSET if self.data_source is None else DataSource(self.data_source),
            "start_time": UNSET if self.start_time is None else self.start_time,
            "finish_time": UNSET if self.finish_time is None else self.finish_time,
        }
        return arguments


def _filters(
    filters: JobFilters | None,
    *,
    app_type: AppType | int | None,
    job_type: JobType | int | None,
    job_status: JobStatus | int | None,
    data_source: DataSource | int | None,
    start_time: datetime.datetime | None,
    finish_time: datetime.datetime | None,
) -> JobFilters:
    """One ``JobFilters`` from either a ready object or the keyword filters (not both)."""
    keywords = JobFilters(app_type, job_type, job_status, data_source, start_time, finish_time)
    if filters is None:
        return keywords
    if keywords != JobFilters():
        raise TypeError("pass either a JobFilters object or filter keywords, not both")
    return filters


def _next_link(page: JobsPage) -> str | None:
    link = page.next_link
    if not isinstance(link, str) or not link.strip():
        return None
    return link.strip()


def _same_origin(url: httpx.URL, base: httpx.URL) -> bool:
    return (url.scheme, url.host, url.port) == (base.scheme, base.host, base.port)


def resolve_next_link(link: str, *, current: httpx.URL, base_url: str) -> httpx.URL | None:
    """The URL to fetch for ``link``, or ``None`` when ``link`` is an opaque token rather than a URL."""
    parts = urlsplit(link)
    if parts.scheme in ("http", "https") and parts.netloc:
        url = httpx.URL(link)
        base = httpx.URL(base_url)
        return url if _same_origin(url, base) else base.copy_with(path=url.path, query=url.query or None)
    if link.startswith(("/", "?")) or "?" in link:
        return current.join(link)
    return None


class _Walk:
    """The bookkeeping shared by the sync and async iterators (no I/O here)."""

    def __init__(
        self, client: AuthenticatedClient, filters: JobFilters, page_size: int, first_page: int
    ) -> None:
        if page_size < 1:
            raise ValueError("page_size must be at least 1")
        if first_page < 0:
            raise ValueError("first_page must be >= 0")
        self.client = client
        self.arguments = filters.as_arguments()
        self.page_size = page_size
        self.page_index = first_page
        self.seen_links: set[str] = set()

    def first_call(self) -> dict[str, Any]:
        return {**self.arguments, "page_index": self.page_index, "page_size": self.page_size}

    def next_step(self, response: Response[JobsPage]) -> httpx.URL | dict[str, Any] | None:
        """What to fetch after ``response``: a URL, keyword arguments for ``list_jobs``, or nothing."""
        link = _next_link(response.parsed)
        if link is None or not response.parsed.jobs:
            return None  # an empty page is past the end, whatever its nextLink says (AVE-09)
        self.page_index += 1
        target = resolve_next_link(link, current=response.raw.request.url, base_url=self.client.base_url)
        if target is None:
            return {**self.arguments, "page_index": self.page_index, "page_size": self.page_size}
        if str(target) in self.seen_links:
            raise ApiError(f"the server's nextLink repeats an earlier page ({target.path}); stopping")
        self.seen_links.add(str(target))
        return target

    def request_kwargs(self, url: httpx.URL, options: RequestOptions | None) -> dict[str, Any]:
        return apply_options({"method": "GET", "url": url}, options, client_policy=self.client.retry_policy)


def iter_job_pages(
    client: AuthenticatedClient,
    filters: JobFilters | None = None,
    *,
    app_type: AppType | int | None = None,
    job_type: JobType | int | None = None,
    job_status: JobStatus | int | None = None,
    data_source: DataSource | int | None = None,
    start_time: datetime.datetime | None = None,
    finish_time: datetime.datetime | None = None,
    page_size: int = 100,
    first_page: int = 0,
    options: RequestOptions | None = None,
) -> Iterator[JobsPage]:
    """Yield each page of jobs (``JobsPage``), following ``nextLink`` until the last page.

    Filter with keywords (``app_type=AppType.DRIVE, start_time=...``) or with a reusable ``JobFilters``;
    an omitted filter means "any" (``data_source`` defaults to the Admin portal on the server).
    """
    chosen = _filters(
        filters,
        app_type=app_type,
        job_type=job_type,
        job_status=job_status,
        data_source=data_source,
        start_time=start_time,
        finish_time=finish_time,
    )
    walk = _Walk(client, chosen, page_size, first_page)
    step: httpx.URL | dict[str, Any] | None = walk.first_call()
    while step is not None:
        if isinstance(step, dict):
            response = list_jobs.sync_detailed(client=client, options=options, **step)
        else:
            try:
                raw = client.get_httpx_client().request(**walk.request_kwargs(step, options))
            except httpx.TransportError as exc:
                raise ApiConnectionError.from_transport_error(exc) from exc
            response = list_jobs._build_response(client=client, response=raw)
        step = walk.next_step(response)
        page = response.parsed
        del response  # keep only the page the caller is reading
        yield page
        del page


def iter_jobs(
    client: AuthenticatedClient,
    filters: JobFilters | None = None,
    *,
    app_type: AppType | int | None = None,
    job_type: JobType | int | None = None,
    job_status: JobStatus | int | None = None,
    data_source: DataSource | int | None = None,
    start_time: datetime.datetime | None = None,
    finish_time: datetime.datetime | None = None,
    page_size: int = 100,
    first_page: int = 0,
    options: RequestOptions | None = None,
) -> Iterator[Job]:
    """Yield every matching ``Job`` in server order (newest first), fetching pages as needed.

    Takes the same filters as ``iter_job_pages``; only the page being read is held in memory.
    """
    chosen = _filters(
        filters,
        app_type=app_type,
        job_type=job_type,
        job_status=job_status,
        data_source=data_source,
        start_time=start_time,
        finish_time=finish_time,
    )
    pages = iter_job_pages(client, chosen, page_size=page_size, first_page=first_page, options=options)
    for page in pages:
        jobs = page.jobs
        del page  # drop the page before the next one is fetched
        yield from jobs
        del jobs


async def aiter_job_pages(
    client: AuthenticatedClient,
    filters: JobFilters | None = None,
    *,
    app_type: AppType | int | None = None,
    job_type: JobType | int | None = None,
    job_status: JobStatus | int | None = None,
    data_source: DataSource | int | None = None,
    start_time: datetime.datetime | None = None,
    finish_time: datetime.datetime | None = None,
    page_size: int = 100,
    first_page: int = 0,
    options: RequestOptions | None = None,
) -> AsyncIterator[JobsPage]:
    """The async twin of ``iter_job_pages``."""
    chosen = _filters(
        filters,
        app_type=app_type,
        job_type=job_type,
        job_status=job_status,
        data_source=data_source,
        start_time=start_time,
        finish_time=finish_time,
    )
    walk = _Walk(client, chosen, page_size, first_page)
    step: httpx.URL | dict[str, Any] | None = walk.first_call()
    while step is not None:
        if isinstance(step, dict):
            response = await list_jobs.asyncio_detailed(client=client, options=options, **step)
        else:
            try:
                raw = await client.get_async_httpx_client().request(**walk.request_kwargs(step, options))
            except httpx.TransportError as exc:
                raise ApiConnectionError.from_transport_error(exc) from exc
            response = list_jobs._build_response(client=client, response=raw)
        step = walk.next_step(response)
        page = response.parsed
        del response
        yield page
        del page


async def aiter_jobs(
    client: AuthenticatedClient,
    filters: JobFilters | None = None,
    *,
    app_type: AppType | int | None = None,
    job_type: JobType | int | None = None,
    job_status: JobStatus | int | None = None,
    data_source: DataSource | int | None = None,
    start_time: datetime.datetime | None = None,
    finish_time: datetime.datetime | None = None,
    page_size: int = 100,
    first_page: int = 0,
    options: RequestOptions | None = None,
) -> AsyncIterator[Job]:
    """The async twin of ``iter_jobs``."""
    chosen = _filters(
        filters,
        app_type=app_type,
        job_type=job_type,
        job_status=job_status,
        data_source=data_source,
        start_time=start_time,
        finish_time=finish_time,
    )
    pages = aiter_job_pages(client, chosen, page_size=page_size, first_page=first_page, options=options)
    async for page in pages:
        jobs = page.jobs
        del page
        for job in jobs:
            yield job
        del jobs
