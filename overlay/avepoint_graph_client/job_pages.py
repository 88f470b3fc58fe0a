"""Walk the job lists of every AvePoint service, each by its own paging style (issue 22, AVE-44, AVE-51..53).

The services page in five ways, and one generic walk (the runtime's ``PageWalk``, with its loop guard, page
cap and origin check) serves them all once each style says two things: how to ask for page ``n``, and what
a page's next-page member means.

- Microsoft 365 (``metadata.nextLink``) and Salesforce (``data.nextLink``): a URL is followed as it is; any
  other value (an opaque token) asks for ``pageIndex + 1`` with the same filters (AVE-44).
- IaaS + PaaS: the token in ``nextLink`` (or the table's ``nextlink``, AVE-51) goes back as ``skiptoken``
  with the same filters; ``pageNumber`` then no longer matters.
- Dynamics 365: pages count from 1, and the sample's ``nextLink`` is relative to the service without its
  ``/dynamicsbackup`` prefix, so it is never requested: the page number is read out of it, or the next one
  asked for (AVE-52).
- AOS scans: ``top``/``skip``; ``nextLink`` is a URL and followed as it is, so it does not matter whether a
  server counts ``skip`` in jobs or in pages (AVE-53).

The Google Workspace walk stays in ``paging.py``; this module is separate so both can change on their own.
"""

from __future__ import annotations

import dataclasses
from collections.abc import AsyncIterator, Callable, Hashable, Iterator, Mapping, Sequence
from typing import Any, Generic, TypeVar
from urllib.parse import parse_qs, urlsplit

import httpx
from avepoint_graph_client._runtime.operation import Operation
from avepoint_graph_client._runtime.options import RequestOptions
from avepoint_graph_client._runtime.pager import PageRules, PageWalk, aiter_pages, iter_pages
from avepoint_graph_client.api.aos_scan_jobs import list_scan_jobs
from avepoint_graph_client.api.dynamics_365_jobs import list_dynamics_jobs
from avepoint_graph_client.api.microsoft_365_jobs import list_m365_jobs
from avepoint_graph_client.api.salesforce_jobs import list_salesforce_jobs
from avepoint_graph_client.api.vm_jobs import list_vm_jobs
from avepoint_graph_client.client import AuthenticatedClient
from avepoint_graph_client.models.dynamics_job import DynamicsJob
from avepoint_graph_client.models.dynamics_jobs_page import DynamicsJobsPage
from avepoint_graph_client.models.m365_job import M365Job
from avepoint_graph_client.models.m365_jobs_page import M365JobsPage
from avepoint_graph_client.models.salesforce_job import SalesforceJob
from avepoint_graph_client.models.salesforce_jobs_envelope import SalesforceJobsEnvelope
from avepoint_graph_client.models.scan_job import ScanJob
from avepoint_graph_client.models.scan_jobs_page import ScanJobsPage
from avepoint_graph_client.models.vm_job import VmJob
from avepoint_graph_client.models.vm_jobs_page import VmJobsPage
from avepoint_graph_client.paging import DEFAULT_MAX_PAGES

__all__ = [
    "PagingStyle",
    "aiter_dynamics_jobs",
    "aiter_m365_jobs",
    "aiter_salesforce_jobs",
    "aiter_scan_jobs",
    "aiter_vm_jobs",
    "iter_dynamics_jobs",
    "iter_m365_jobs",
    "iter_salesforce_jobs",
    "iter_scan_jobs",
    "iter_vm_jobs",
]

PageT = TypeVar("PageT")
ItemT = TypeVar("ItemT")
# Asked for when a link names no page of its own: PageWalk then requests page n + 1 (an opaque value).
NEXT_PAGE = "next-page"


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) else None


@dataclasses.dataclass(frozen=True)
class PagingStyle(Generic[PageT, ItemT]):
    """How one job list pages.

    Attributes:
        operation: the generated operation that fetches and parses a page.
        build_request: the generated request builder; called with the filters plus the paging arguments.
        page_arguments: the paging arguments of page ``n`` (``n`` counts from ``first_page``).
        first_page: the number of the first page (1 for Dynamics 365).
        items: the items of a page.
        item_id: the ID of an item (for the loop guard).
        next_link: the page's next-page member turned into what ``PageWalk`` follows: a URL, a relative URL
            on the same endpoint, ``NEXT_PAGE`` for "the next number", or ``None`` at the end.
    """

    operation: Operation[PageT, Any]
    build_request: Callable[..., dict[str, Any]]
    page_arguments: Callable[[int, int], dict[str, Any]]
    first_page: int
    items: Callable[[PageT], Sequence[ItemT]]
    item_id: Callable[[ItemT], Hashable]
    next_link: Callable[[PageT, Mapping[str, Any], int], str | None]


def _link_or_next(link: str | None) -> str | None:
    """AVE-44: a URL as it is, anything else non-empty as "the next page"."""
    if not link or not link.strip():
        return None
    return link if "://" in link or link.startswith("/") or "?" in link else NEXT_PAGE


def _m365_link(page: M365JobsPage, _: Mapping[str, Any], __: int) -> str | None:
    metadata = page.metadata
    return _link_or_next(_text(getattr(metadata, "next_link", None)))


def _salesforce_link(page: SalesforceJobsEnvelope, _: Mapping[str, Any], __: int) -> str | None:
    return _link_or_next(_text(page.data.next_link))


def _vm_link(page: VmJobsPage, filters: Mapping[str, Any], size: int) -> str | None:
    """AVE-51: the token (either spelling) goes back as ``skiptoken`` with the same filters."""
    token = _text(page.next_link) or _text(page.nextlink)
    if not token or not token.strip():
        return None
    request = list_vm_jobs.build_request(**filters, page_size=size, skiptoken=token.strip())
    return str(httpx.URL(request["url"], params=request["params"]))


def _dynamics_link(page: DynamicsJobsPage, filters: Mapping[str, Any], size: int) -> str | None:
    """AVE-52: the page number out of the (relative, prefix-less) link, on our own endpoint URL."""
    link = _text(page.next_link)
    if not link or not link.strip():
        return None
    named = parse_qs(urlsplit(link).query).get("pageIndex") or parse_qs(urlsplit(link).query).get("PageIndex")
    if not named or not named[0].isdigit():
        return NEXT_PAGE
    request = list_dynamics_jobs.build_request(**filters, page_index=int(named[0]), page_size=size)
    return str(httpx.URL(request["url"], params=request["params"]))


def _scan_link(page: ScanJobsPage, _: Mapping[str, Any], __: int) -> str | None:
    link = _text(page.next_link)
    return link.strip() if link and link.strip() else None


M365: PagingStyle[M365JobsPage, M365Job] = PagingStyle(
    list_m365_jobs.OPERATION,
    list_m365_jobs.build_request,
    lambda index, size: {"page_index": index, "page_size": size},
    0,
    lambda page: page.data,
    lambda job: job.id,
    _m365_link,
)
SALESFORCE: PagingStyle[SalesforceJobsEnvelope, SalesforceJob] = PagingStyle(
    list_salesforce_jobs.OPERATION,
    list_salesforce_jobs.build_request,
    lambda index, size: {"page_index": index, "page_size": size},
    0,
    lambda page: page.data.jobs,
    lambda job: job.job_id,
    _salesforce_link,
)
VM: PagingStyle[VmJobsPage, VmJob] = PagingStyle(
    list_vm_jobs.OPERATION,
    list_vm_jobs.build_request,
    lambda index, size: {"page_number": index, "page_size": size},
    0,
    lambda page: page.jobs,
    lambda job: job.job_id,
    _vm_link,
)
DYNAMICS: PagingStyle[DynamicsJobsPage, DynamicsJob] = PagingStyle(
    list_dynamics_jobs.OPERATION,
    list_dynamics_jobs.build_request,
    lambda index, size: {"page_index": index, "page_size": size},
    1,
    lambda page: page.jobs,
    lambda job: job.job_id,
    _dynamics_link,
)
SCANS: PagingStyle[ScanJobsPage, ScanJob] = PagingStyle(
    list_scan_jobs.OPERATION,
    list_scan_jobs.build_request,
    lambda index, size: {"top": size, "skip": index * size},
    0,
    lambda page: page.jobs,
    lambda job: job.id,
    _scan_link,
)


def _walk(
    client: AuthenticatedClient,
    style: PagingStyle[PageT, ItemT],
    filters: Mapping[str, Any],
    page_size: int,
    max_pages: int | None,
) -> PageWalk[PageT]:
    if page_size < 1:
        raise ValueError("page_size must be at least 1")

    def page_request(index: int) -> dict[str, Any]:
        return style.build_request(**filters, **style.page_arguments(index, page_size))

    rules: PageRules[PageT] = PageRules(
        next_link=lambda page: style.next_link(page, filters, page_size),
        item_ids=lambda page: frozenset(style.item_id(item) for item in style.items(page)),
        page_request=page_request,
        item="job",
    )
    return PageWalk(rules, origins=client.origin_policy(), first_page=style.first_page, max_pages=max_pages)


def iter_items(
    client: AuthenticatedClient,
    style: PagingStyle[PageT, ItemT],
    filters: Mapping[str, Any],
    *,
    page_size: int,
    max_pages: int | None = DEFAULT_MAX_PAGES,
    options: RequestOptions | None = None,
) -> Iterator[ItemT]:
    """Every item of every page of ``style``'s list, one page in memory at a time."""
    walk = _walk(client, style, filters, page_size, max_pages)
    for page in iter_pages(client, style.operation, walk, options):
        yield from style.items(page)


async def aiter_items(
    client: AuthenticatedClient,
    style: PagingStyle[PageT, ItemT],
    filters: Mapping[str, Any],
    *,
    page_size: int,
    max_pages: int | None = DEFAULT_MAX_PAGES,
    options: RequestOptions | None = None,
) -> AsyncIterator[ItemT]:
    """The async twin of ``iter_items``."""
    walk = _walk(client, style, filters, page_size, max_pages)
    async for page in aiter_pages(client, style.operation, walk, options):
        for item in style.items(page):
            yield item


def iter_m365_jobs(client: AuthenticatedClient, *, page_size: int = 100, **filters: Any) -> Iterator[M365Job]:
    """Every Microsoft 365 job matching ``filters`` (``list_m365_jobs`` keyword arguments)."""
    return iter_items(client, M365, filters, page_size=page_size)


def iter_salesforce_jobs(
    client: AuthenticatedClient, *, page_size: int = 100, **filters: Any
) -> Iterator[SalesforceJob]:
    """Every Salesforce job in the (required) ``start_time``/``finish_time`` range matching ``filters``."""
    return iter_items(client, SALESFORCE, filters, page_size=page_size)


def iter_vm_jobs(client: AuthenticatedClient, *, page_size: int = 100, **filters: Any) -> Iterator[VmJob]:
    """Every IaaS + PaaS job matching ``filters``, page after page by ``skiptoken``."""
    return iter_items(client, VM, filters, page_size=page_size)


def iter_dynamics_jobs(
    client: AuthenticatedClient, *, page_size: int = 100, **filters: Any
) -> Iterator[DynamicsJob]:
    """Every Dynamics 365 job of the (required) ``type_`` and time range matching ``filters``."""
    return iter_items(client, DYNAMICS, filters, page_size=page_size)


def iter_scan_jobs(client: AuthenticatedClient, *, page_size: int = 100, **filters: Any) -> Iterator[ScanJob]:
    """Every AOS scan job matching ``filters``, ``page_size`` (``top``, at most 1000) at a time."""
    return iter_items(client, SCANS, filters, page_size=page_size)


def aiter_m365_jobs(
    client: AuthenticatedClient, *, page_size: int = 100, **filters: Any
) -> AsyncIterator[M365Job]:
    """The async twin of ``iter_m365_jobs``."""
    return aiter_items(client, M365, filters, page_size=page_size)


def aiter_salesforce_jobs(
    client: AuthenticatedClient, *, page_size: int = 100, **filters: Any
) -> AsyncIterator[SalesforceJob]:
    """The async twin of ``iter_salesforce_jobs``."""
    return aiter_items(client, SALESFORCE, filters, page_size=page_size)


def aiter_vm_jobs(
    client: AuthenticatedClient, *, page_size: int = 100, **filters: Any
) -> AsyncIterator[VmJob]:
    """The async twin of ``iter_vm_jobs``."""
    return aiter_items(client, VM, filters, page_size=page_size)


def aiter_dynamics_jobs(
    client: AuthenticatedClient, *, page_size: int = 100, **filters: Any
) -> AsyncIterator[DynamicsJob]:
    """The async twin of ``iter_dynamics_jobs``."""
    return aiter_items(client, DYNAMICS, filters, page_size=page_size)


def aiter_scan_jobs(
    client: AuthenticatedClient, *, page_size: int = 100, **filters: Any
) -> AsyncIterator[ScanJob]:
    """The async twin of ``iter_scan_jobs``."""
    return aiter_items(client, SCANS, filters, page_size=page_size)
