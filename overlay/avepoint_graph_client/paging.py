"""Walk every job that matches some filters, sync or async, one page in memory at a time.

``GET /backup/google/admin/jobs`` answers one page plus a ``nextLink``. The iterators here ask for the
first page with the filters as typed arguments, then follow ``nextLink`` as the server sent it (so every
filter and the page size carry over, DECISIONS AVE-03) until it is absent, ``null`` or empty (AVE-04).

The walk is the runtime's generic pager (``_runtime/pager.py``); this module adds only the job list's
facts: the typed filters, where a page keeps its link and its job IDs, and how to ask for page ``n``.
Its defensive rules, because the server decides where the walk goes:
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
import itertools
import operator
from collections.abc import AsyncIterator, Hashable, Iterator
from typing import Any, TypedDict, Unpack

import httpx
from avepoint_graph_client._runtime.options import RequestOptions
from avepoint_graph_client._runtime.origins import OriginPolicy
from avepoint_graph_client._runtime.pager import PageRules, PageWalk, aiter_pages, iter_pages, resolve_link
from avepoint_graph_client.api.jobs import list_jobs
from avepoint_graph_client.client import AuthenticatedClient
from avepoint_graph_client.models.app_type import AppType
from avepoint_graph_client.models.data_source import DataSource
from avepoint_graph_client.models.job import Job
from avepoint_graph_client.models.job_status import JobStatus
from avepoint_graph_client.models.job_type import JobType
from avepoint_graph_client.models.jobs_page import JobsPage
from avepoint_graph_client.types import UNSET

__all__ = [
    "DEFAULT_MAX_PAGES",
    "JobFilterKeywords",
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
        """Keyword arguments for ``list_jobs``, ``UNSET`` for a filter not set (``list_jobs`` checks them)."""
        return {
            field.name: UNSET if (value := getattr(self, field.name)) is None else value
            for field in dataclasses.fields(self)
        }


class JobFilterKeywords(TypedDict, total=False):
    """The filters of ``JobFilters`` as keyword arguments of the iterators (the same names and types).

    A test holds the two to the same names; the iterators hand the keywords to ``JobFilters``, which
    checks them.
    """

    app_type: AppType | int | None
    job_type: JobType | int | None
    job_status: JobStatus | int | None
    data_source: DataSource | int | None
    start_time: datetime.datetime | None
    finish_time: datetime.datetime | None


def _filters(filters: JobFilters | None, keywords: JobFilterKeywords) -> JobFilters:
    """One ``JobFilters`` from either a ready object or the keyword filters (not both)."""
    if filters is None:
        return JobFilters(**keywords)
    if any(value is not None for value in keywords.values()):
        raise TypeError("pass either a JobFilters object or filter keywords, not both")
    return filters


def _next_link(page: JobsPage) -> str | None:
    link = page.next_link
    return link if isinstance(link, str) else None


_job_id = operator.attrgetter("job_id")


def _job_ids(page: JobsPage) -> frozenset[Hashable]:
    return frozenset(map(_job_id, page.jobs))


def resolve_next_link(link: str, *, current: httpx.URL, base_url: str) -> httpx.URL | None:
    """The URL to fetch for ``link``, or ``None`` when ``link`` is an opaque token rather than a URL.

    A URL (absolute, scheme-relative or relative) is resolved against ``current`` and must be on
    ``base_url``'s origin, else ``ForeignOriginError``.
    """
    return resolve_link(link, current=current, origins=OriginPolicy([base_url]))


def _walk(
    client: AuthenticatedClient, filters: JobFilters, page_size: int, first_page: int, max_pages: int | None
) -> PageWalk[JobsPage]:
    """The walk over ``list_jobs``: page ``n`` is the filters plus ``pageIndex=n`` and the page size."""
    if page_size < 1:
        raise ValueError("page_size must be at least 1")
    arguments = filters.as_arguments()

    def page_request(index: int) -> dict[str, Any]:
        return list_jobs.build_request(**arguments, page_index=index, page_size=page_size)

    rules = PageRules(next_link=_next_link, item_ids=_job_ids, page_request=page_request, item="job")
    return PageWalk(rules, origins=client.origin_policy(), first_page=first_page, max_pages=max_pages)


def iter_job_pages(
    client: AuthenticatedClient,
    filters: JobFilters | None = None,
    *,
    page_size: int = 100,
    first_page: int = 0,
    max_pages: int | None = DEFAULT_MAX_PAGES,
    options: RequestOptions | None = None,
    **keywords: Unpack[JobFilterKeywords],
) -> Iterator[JobsPage]:
    """Yield each page of jobs (``JobsPage``), following ``nextLink`` until the last page.

    Filter with keywords (``app_type=AppType.DRIVE, start_time=...``) or with a reusable ``JobFilters``;
    an omitted filter means "any" (``data_source`` defaults to the Admin portal on the server).

    Raises ``PagingLoopError`` when the server repeats pages, ``PageLimitError`` after ``max_pages``
    pages, ``ForeignOriginError`` for a ``nextLink`` off the client's origin, and the errors of ``list_jobs``.
    """
    chosen = _filters(filters, keywords)
    walk = _walk(client, chosen, page_size, first_page, max_pages)
    yield from iter_pages(client, list_jobs.OPERATION, walk, options)


def iter_jobs(
    client: AuthenticatedClient,
    filters: JobFilters | None = None,
    *,
    page_size: int = 100,
    first_page: int = 0,
    max_pages: int | None = DEFAULT_MAX_PAGES,
    options: RequestOptions | None = None,
    **keywords: Unpack[JobFilterKeywords],
) -> Iterator[Job]:
    """Yield every matching ``Job`` in server order (newest first), fetching pages as needed.

    Takes the same filters as ``iter_job_pages``; only the page being read is held in memory.
    """
    pages = iter_job_pages(
        client,
        filters,
        page_size=page_size,
        first_page=first_page,
        max_pages=max_pages,
        options=options,
        **keywords,
    )
    # chain hands out the jobs of a page without resuming a Python frame per job (paging speed, issue 19).
    return itertools.chain.from_iterable(_jobs_of(pages))


def _jobs_of(pages: Iterator[JobsPage]) -> Iterator[list[Job]]:
    """Each page's jobs; the page itself is dropped before the next one is fetched."""
    for page in pages:
        jobs = page.jobs
        del page
        yield jobs
        del jobs


async def aiter_job_pages(
    client: AuthenticatedClient,
    filters: JobFilters | None = None,
    *,
    page_size: int = 100,
    first_page: int = 0,
    max_pages: int | None = DEFAULT_MAX_PAGES,
    options: RequestOptions | None = None,
    **keywords: Unpack[JobFilterKeywords],
) -> AsyncIterator[JobsPage]:
    """The async twin of ``iter_job_pages``."""
    chosen = _filters(filters, keywords)
    walk = _walk(client, chosen, page_size, first_page, max_pages)
    async for page in aiter_pages(client, list_jobs.OPERATION, walk, options):
        yield page
        del page


async def aiter_jobs(
    client: AuthenticatedClient,
    filters: JobFilters | None = None,
    *,
    page_size: int = 100,
    first_page: int = 0,
    max_pages: int | None = DEFAULT_MAX_PAGES,
    options: RequestOptions | None = None,
    **keywords: Unpack[JobFilterKeywords],
) -> AsyncIterator[Job]:
    """The async twin of ``iter_jobs``."""
    chosen = _filters(filters, keywords)
    pages = aiter_job_pages(
        client, chosen, page_size=page_size, first_page=first_page, max_pages=max_pages, options=options
    )
    async for page in pages:
        jobs = page.jobs
        del page
        for job in jobs:
            yield job
        del jobs
