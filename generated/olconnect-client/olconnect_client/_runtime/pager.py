"""A page walk that follows the server's next-page links safely, sync or async, one page in memory.

The server decides where a walk goes, so the walk defends itself; none of these rules depends on the API,
which only says how to read its pages (``PageRules``):

- a next-page link is resolved against the URL of the page it came on and must stay on the client's
  origins (scheme, host and port): a link elsewhere, also a scheme-relative ``//host:port/...``, raises
  ``ForeignOriginError`` before any request (and so any credential) leaves;
- a link that is not a URL (an opaque token) falls back to the API's request for page ``n + 1``;
- a page without items ends the walk, whatever its link says;
- loops stop with ``PagingLoopError`` in constant memory: a page whose items were all on the previous page,
  a link that names the page just fetched, and (Brent's cycle detection over a fingerprint of each page's
  item IDs) a page equal to an earlier one, however the URLs differ;
- at most ``max_pages`` pages are fetched, then ``PageLimitError``.

Pages are fetched through the endpoint's ``Operation``, so every page gets the same options, retries,
typed errors and parsing as a direct call; the walk keeps no reference to a page once it is handed out.
"""

from __future__ import annotations

import dataclasses
from collections.abc import AsyncIterator, Callable, Hashable, Iterator
from typing import Any, Generic, TypeVar
from urllib.parse import urlsplit

import httpx

from .errors import PageLimitError, PagingLoopError
from .failures import parse_failures
from .operation import HttpxClients, Operation
from .options import RequestOptions
from .origins import OriginPolicy

__all__ = ["LoopGuard", "PageRules", "PageWalk", "aiter_pages", "iter_pages", "resolve_link"]

PageT = TypeVar("PageT")


@dataclasses.dataclass(frozen=True, slots=True)
class PageRules(Generic[PageT]):
    """How to read one API's pages.

    Attributes:
        next_link: the page's link to the next page as the server sent it (``None`` or blank: last page).
        item_ids: the IDs of the page's items; an empty set means the walk is past the end.
        page_request: the request for page ``n`` (the first page, and the fallback for an opaque link).
        item: what an item is called in error messages ("job").
    """

    next_link: Callable[[PageT], str | None]
    item_ids: Callable[[PageT], frozenset[Hashable]]
    page_request: Callable[[int], dict[str, Any]]
    item: str = "item"


def resolve_link(link: str, *, current: httpx.URL, origins: OriginPolicy) -> httpx.URL | None:
    """The URL to fetch for ``link``, or ``None`` when ``link`` is an opaque token rather than a URL.

    A URL (absolute, scheme-relative or relative) is resolved against ``current`` and must be on one of
    ``origins``, else ``ForeignOriginError``.
    """
    if "?" in link or link.startswith("/"):
        return origins.resolve(link, current=current, source="the request for the nextLink")
    parts = urlsplit(link)
    if parts.netloc or parts.scheme:
        return origins.resolve(link, current=current, source="the request for the nextLink")
    return None


class LoopGuard:
    """Stops a walk that repeats itself, in constant memory (no set of every link or ID seen).

    Brent's algorithm: the fingerprint of the page at each power-of-two position is kept, and every later
    page is compared with it; a cycle of any length that starts anywhere is found within about twice
    the number of pages before it closes. The previous page's IDs are kept as well (one page), so a page
    made only of items already seen on it is caught at once.
    """

    __slots__ = ("_item", "_power", "_previous_ids", "_saved_fingerprint", "_saved_page", "_steps", "pages")

    def __init__(self, item: str = "item") -> None:
        self.pages = 0
        self._item = item
        self._previous_ids: frozenset[Hashable] = frozenset()
        self._saved_fingerprint: int | None = None
        self._saved_page = 0
        self._power = 1
        self._steps = 0

    def observe(self, ids: frozenset[Hashable]) -> None:
        """Record one non-empty page; ``PagingLoopError`` when it repeats an earlier one."""
        self.pages += 1
        if ids <= self._previous_ids:
            raise PagingLoopError(
                f"page {self.pages} of the walk holds only {self._item}s of page {self.pages - 1} "
                f"({len(ids)} {self._item} IDs repeated); the server is looping, stopping"
            )
        fingerprint = hash(ids)
        if fingerprint == self._saved_fingerprint:
            raise PagingLoopError(
                f"page {self.pages} of the walk has the same {len(ids)} {self._item} IDs as page "
                f"{self._saved_page}; the server is looping (its links differ but the pages repeat), stopping"
            )
        self._steps += 1
        if self._steps == self._power:
            self._saved_fingerprint, self._saved_page = fingerprint, self.pages
            self._power *= 2
            self._steps = 0
        self._previous_ids = ids


class PageWalk(Generic[PageT]):
    """The bookkeeping of one walk, shared by the sync and async loops (no I/O here)."""

    __slots__ = ("_fetched", "_guard", "_last_link", "_max_pages", "_origins", "_page_index", "_rules")

    def __init__(
        self, rules: PageRules[PageT], *, origins: OriginPolicy, first_page: int, max_pages: int | None
    ) -> None:
        if first_page < 0:
            raise ValueError("first_page must be >= 0")
        if max_pages is not None and max_pages < 1:
            raise ValueError("max_pages must be at least 1 (or None for no cap)")
        self._rules = rules
        self._origins = origins
        self._page_index = first_page
        self._max_pages = max_pages
        self._guard = LoopGuard(rules.item)
        self._fetched = 0
        #: The link the page being read was fetched with, when it was followed as sent (fast path).
        self._last_link: str | None = None

    def first_request(self) -> dict[str, Any]:
        return self._rules.page_request(self._page_index)

    def before_fetch(self) -> None:
        """Called before each page is requested: enforce the page cap."""
        if self._max_pages is not None and self._fetched >= self._max_pages:
            raise PageLimitError(
                f"stopped after {self._fetched} pages (max_pages={self._max_pages}): the server still "
                "sends a nextLink; pass a larger max_pages (or None) to walk further"
            )
        self._fetched += 1

    def next_request(self, page: PageT, current: httpx.URL) -> dict[str, Any] | None:
        """The request after ``page`` (which came from ``current``), or ``None`` when the walk is over."""
        link = self._rules.next_link(page)
        if link is None:
            return None
        link = link.strip()
        ids = self._rules.item_ids(page)
        if not link or not ids:
            return None  # an empty page is past the end, whatever its link says
        self._guard.observe(ids)
        self._page_index += 1
        if self._origins.plainly_admits(link):  # parsing the link here would cost a fifth of the walk's time
            if link in (self._last_link, str(current)):
                raise self._names_itself()
            self._last_link = link
            return {"method": "GET", "url": link}
        self._last_link = None
        target = resolve_link(link, current=current, origins=self._origins)
        if target is None:
            return self._rules.page_request(self._page_index)
        if target == current:
            raise self._names_itself()
        return {"method": "GET", "url": target}

    def _names_itself(self) -> PagingLoopError:
        return PagingLoopError(f"the nextLink of page {self._guard.pages} names that page again; stopping")


def iter_pages(
    client: HttpxClients,
    operation: Operation[PageT, Any],
    walk: PageWalk[PageT],
    options: RequestOptions | None = None,
) -> Iterator[PageT]:
    """Yield each page of ``walk``, fetched with ``operation`` on ``client``."""
    request: dict[str, Any] | None = walk.first_request()
    while request is not None:
        walk.before_fetch()
        response = operation.send(client, request, options)
        page = operation.parse(response)
        with parse_failures(response, what="cannot be paged"):  # e.g. item IDs that are not hashable
            request = walk.next_request(page, response.request.url)
        del response  # keep only the page the caller is reading
        yield page
        del page


async def aiter_pages(
    client: HttpxClients,
    operation: Operation[PageT, Any],
    walk: PageWalk[PageT],
    options: RequestOptions | None = None,
) -> AsyncIterator[PageT]:
    """The async twin of ``iter_pages``."""
    request: dict[str, Any] | None = walk.first_request()
    while request is not None:
        walk.before_fetch()
        response = await operation.asend(client, request, options)
        page = operation.parse(response)
        with parse_failures(response, what="cannot be paged"):
            request = walk.next_request(page, response.request.url)
        del response
        yield page
        del page
