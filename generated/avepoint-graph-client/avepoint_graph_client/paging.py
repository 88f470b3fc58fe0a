"""Walk every job that matches some filters, sync or async, one page in memory at a time.

``GET /backup/google/admin/jobs`` answers one page plus a ``nextLink``. The iterators here ask for the
first page with the filters as typed arguments, then follow ``nextLink`` as the server sent it (so every
filter and the page size carry over, DECISIONS AVE-03) until it is absent, ``null`` or empty (AVE-04).

Defensive rules, because the server decides where the walk goes:
- a ``nextLink`` is resolved against the URL of the page it came on and must stay on the client's origin
  (scheme, host and port): a link elsewhere, also a scheme-relative ``//host:port/...``, raises
  ``ForeignOriginError`` before any request (and so any token) leaves;
- a ``nextLink`` that is not a URL (the vendor sample shows an opaque token) falls back to asking for
  ``pageIndex + 1`` with the same filters, since no way to send such a token back is documented;
- loops stop with ``PagingLoopError``, in constant memory: a page whose jobs are all on the previous page,
  a link that names the page just fetched, and (Brent's cycle detection over a fingerprint of each page's
  job IDs) a page equal to an earlier one, however the URLs differ (a server that appends a nonce, or
  ignores ``pageIndex``);
- a walk fetches at most ``max_pages`` pages (default ``DEFAULT_MAX_PAGES``, 10 000, a million jobs at the
  default page size) and then raises ``PageLimitError``; pass a larger cap, or ``None`` for none.
"""

from __future__ import annotations

import dataclasses
import datetime
from collections.abc import AsyncIterator, Iterator
from typing import Any
from urllib.parse import urlsplit

import httpx

from ._runtime.errors import PageLimitError, PagingLoopError
from ._runtime.failures import request_failures
from ._runtime.options import RequestOptions, apply_options
from ._runtime.origins import OriginPolicy
from .api.jobs import list_jobs
from .client import AuthenticatedClient
from .models.app_type import AppType
from .models.data_source import DataSource
from .models.job import Job
from .models.job_status import JobStatus
from .models.job_type import JobType
from .models.jobs_page import JobsPage
from .types import UNSET, Response

__all__ = [
    "DEFAULT_MAX_PAGES",
    "JobFilters",
    "aiter_job_pages",
    "aiter_jobs",
    "iter_job_pages",
    "iter_jobs",
    "resolve_next_link",
]

#: Pages one walk fetches at most unless the caller passes ``max_pages``.
DEFAULT_MAX_PAGES = 10_000


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


def resolve_next_link(link: str, *, current: httpx.URL, base_url: str) -> httpx.URL | None:
    """The URL to fetch for ``link``, or ``None`` when ``link`` is an opaque token rather than a URL.

    A URL (absolute, scheme-relative or relative) is resolved against ``current`` and must be on
    ``base_url``'s origin, else ``ForeignOriginError``.
    """
    return _resolve(link, current=current, origins=OriginPolicy([base_url]))


def _resolve(link: str, *, current: httpx.URL, origins: OriginPolicy) -> httpx.URL | None:
    parts = urlsplit(link)
    if parts.netloc or parts.scheme or link.startswith(("/", "?")) or "?" in link:
        return origins.resolve(link, current=current, source="the request for the nextLink")
    return None


def _job_ids(page: JobsPage) -> frozenset[str]:
    return frozenset([job.job_id for job in page.jobs])


class _LoopGuard:
    """Stops a walk that repeats itself, in constant memory (no set of every link or ID seen).

    Brent's algorithm: the fingerprint of the page at each power-of-two position is kept, and every later
    page is compared with it; a cycle of any length that starts anywhere is found within about twice
    the number of pages before it closes. The previous page's IDs are kept as well (one page), so a page
    made only of jobs already seen on it is caught at once.
    """

    __slots__ = ("_power", "_previous_ids", "_saved_fingerprint", "_saved_page", "_steps", "pages")

    def __init__(self) -> None:
        self.pages = 0
        self._previous_ids: frozenset[str] = frozenset()
        self._saved_fingerprint: int | None = None
        self._saved_page = 0
        self._power = 1
        self._steps = 0

    def observe(self, ids: frozenset[str]) -> None:
        """Record one non-empty page; ``PagingLoopError`` when it repeats an earlier one."""
        self.pages += 1
        if ids <= self._previous_ids:
            raise PagingLoopError(
                f"page {self.pages} of the walk holds only jobs of page {self.pages - 1} "
                f"({len(ids)} job IDs repeated); the server is looping, stopping"
            )
        fingerprint = hash(ids)
        if fingerprint == self._saved_fingerprint:
            raise PagingLoopError(
                f"page {self.pages} of the walk has the same {len(ids)} job IDs as page {self._saved_page}; "
                "the server is looping (its links differ but the pages repeat), stopping"
            )
        self._steps += 1
        if self._steps == self._power:
            self._saved_fingerprint, self._saved_page = fingerprint, self.pages
            self._power *= 2
            self._steps = 0
        self._previous_ids = ids


class _Walk:
    """The bookkeeping shared by the sync and async iterators (no I/O here)."""

    def __init__(
        self,
        client: AuthenticatedClient,
        filters: JobFilters,
        page_size: int,
        first_page: int,
        max_pages: int | None,
    ) -> None:
        if page_size < 1:
            raise ValueError("page_size must be at least 1")
        if first_page < 0:
            raise ValueError("first_page must be >= 0")
        if max_pages is not None and max_pages < 1:
            raise ValueError("max_pages must be at least 1 (or None for no cap)")
        self.client = client
        self.arguments = filters.as_arguments()
        self.page_size = page_size
        self.page_index = first_page
        self.max_pages = max_pages
        self.origins = client.origin_policy()
        self.guard = _LoopGuard()
        self.fetched = 0

    def first_call(self) -> dict[str, Any]:
        return {**self.arguments, "page_index": self.page_index, "page_size": self.page_size}

    def before_fetch(self) -> None:
        """Called before each page is requested: enforce the page cap."""
        if self.max_pages is not None and self.fetched >= self.max_pages:
            raise PageLimitError(
                f"stopped after {self.fetched} pages (max_pages={self.max_pages}): the server still "
                "sends a nextLink; pass a larger max_pages (or None) to walk further"
            )
        self.fetched += 1

    def next_step(self, response: Response[JobsPage]) -> httpx.URL | dict[str, Any] | None:
        """What to fetch after ``response``: a URL, keyword arguments for ``list_jobs``, or nothing."""
        page = response.parsed
        link = _next_link(page)
        if link is None or not page.jobs:
            return None  # an empty page is past the end, whatever its nextLink says (AVE-09)
        self.guard.observe(_job_ids(page))
        self.page_index += 1
        current = response.raw.request.url
        target = _resolve(link, current=current, origins=self.origins)
        if target is None:
            return {**self.arguments, "page_index": self.page_index, "page_size": self.page_size}
        if target == current:
            raise PagingLoopError(f"the nextLink of page {self.guard.pages} names that page again; stopping")
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
    max_pages: int | None = DEFAULT_MAX_PAGES,
    options: RequestOptions | None = None,
) -> Iterator[JobsPage]:
    """Yield each page of jobs (``JobsPage``), following ``nextLink`` until the last page.

    Filter with keywords (``app_type=AppType.DRIVE, start_time=...``) or with a reusable ``JobFilters``;
    an omitted filter means "any" (``data_source`` defaults to the Admin portal on the server).

    Raises ``PagingLoopError`` when the server repeats pages, ``PageLimitError`` after ``max_pages``
    pages, ``ForeignOriginError`` for a ``nextLink`` off the client's origin, and the errors of ``list_jobs``.
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
    walk = _Walk(client, chosen, page_size, first_page, max_pages)
    step: httpx.URL | dict[str, Any] | None = walk.first_call()
    while step is not None:
        walk.before_fetch()
        if isinstance(step, dict):
            response = list_jobs.sync_detailed(client=client, options=options, **step)
        else:
            with request_failures():
                raw = client.get_httpx_client().request(**walk.request_kwargs(step, options))
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
    max_pages: int | None = DEFAULT_MAX_PAGES,
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
    pages = iter_job_pages(
        client, chosen, page_size=page_size, first_page=first_page, max_pages=max_pages, options=options
    )
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
    max_pages: int | None = DEFAULT_MAX_PAGES,
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
    walk = _Walk(client, chosen, page_size, first_page, max_pages)
    step: httpx.URL | dict[str, Any] | None = walk.first_call()
    while step is not None:
        walk.before_fetch()
        if isinstance(step, dict):
            response = await list_jobs.asyncio_detailed(client=client, options=options, **step)
        else:
            with request_failures():
                raw = await client.get_async_httpx_client().request(**walk.request_kwargs(step, options))
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
    max_pages: int | None = DEFAULT_MAX_PAGES,
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
    pages = aiter_job_pages(
        client, chosen, page_size=page_size, first_page=first_page, max_pages=max_pages, options=options
    )
    async for page in pages:
        jobs = page.jobs
        del page
        for job in jobs:
            yield job
        del jobs
