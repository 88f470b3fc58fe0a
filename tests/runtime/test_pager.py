"""The generic page walk (``client_runtime.pager``) over a made-up API whose pages are JSON objects.

A page is ``{"items": [ids...], "next": link}``; page ``n`` is asked for with ``?page=n``. The server
(a ``httpx.MockTransport`` handler) is told how to misbehave per test.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any

import httpx
import pytest
from client_runtime import errors
from client_runtime.operation import Operation, unchanged
from client_runtime.origins import OriginPolicy
from client_runtime.pager import LoopGuard, PageRules, PageWalk, aiter_pages, iter_pages, resolve_link

from .fakes import BASE_URL, FakeClient, FakeResponse

Page = dict[str, Any]
PAGES: Operation[Page, FakeResponse[Page]] = Operation(FakeResponse, success=((200, 200, "json", unchanged),))


def rules() -> PageRules[Page]:
    def next_link(page: Page) -> str | None:
        link = page.get("next")
        return link if isinstance(link, str) else None

    def item_ids(page: Page) -> frozenset[Hashable]:
        return frozenset(page["items"])

    def page_request(index: int) -> dict[str, Any]:
        return {"method": "GET", "url": "/items", "params": {"page": index}}

    return PageRules(next_link=next_link, item_ids=item_ids, page_request=page_request, item="item")


def walk(max_pages: int | None = 100, first_page: int = 0) -> PageWalk[Page]:
    return PageWalk(rules(), origins=OriginPolicy([BASE_URL]), first_page=first_page, max_pages=max_pages)


def server(link: Callable[[int], str | None], *, pages: int = 3, seen: list[str] | None = None) -> FakeClient:
    def handler(request: httpx.Request) -> httpx.Response:
        if seen is not None:
            seen.append(str(request.url))
        index = int(request.url.params.get("page", "0"))
        items = [f"{index}-a", f"{index}-b"] if index < pages else []
        return httpx.Response(200, json={"items": items, "next": link(index)})

    return FakeClient(handler)


def test_links_are_followed_until_the_last_page() -> None:
    seen: list[str] = []
    client = server(lambda i: f"/items?page={i + 1}" if i < 2 else None, seen=seen)
    pages = list(iter_pages(client, PAGES, walk()))
    assert [p["items"][0] for p in pages] == ["0-a", "1-a", "2-a"]
    assert seen == [f"{BASE_URL}/items?page={n}" for n in range(3)]


def test_an_opaque_link_falls_back_to_the_next_page_request_and_an_empty_page_ends_the_walk() -> None:
    seen: list[str] = []
    client = server(lambda i: f"token-{i}", seen=seen)  # the link never ends; page 3 is empty
    pages = list(iter_pages(client, PAGES, walk(first_page=1)))
    assert [len(page["items"]) for page in pages] == [2, 2, 0]  # the empty page is the last one
    assert [httpx.URL(u).params["page"] for u in seen] == ["1", "2", "3"]


def test_a_link_to_another_origin_is_refused_before_it_is_requested() -> None:
    seen: list[str] = []
    for foreign in ("http://evil.test/items?page=1", "//evil.test/items", "https://api.test/items?page=1"):
        seen.clear()

        def link(index: int, foreign: str = foreign) -> str:
            return foreign

        with pytest.raises(errors.ForeignOriginError, match="refusing to send"):
            list(iter_pages(server(link, seen=seen), PAGES, walk()))
        assert len(seen) == 1


def test_loops_are_stopped_in_constant_memory() -> None:
    with pytest.raises(errors.PagingLoopError, match="names that page again"):
        list(iter_pages(server(lambda i: "/items?page=0"), PAGES, walk()))
    # an absolute link that httpx re-encodes (the space) still counts as the same page
    repeating = f"{BASE_URL}/items?q=a b&page=1"
    with pytest.raises(errors.PagingLoopError, match="names that page again"):
        list(iter_pages(server(lambda i: repeating, pages=10**6), PAGES, walk()))

    def same_items(request: httpx.Request) -> httpx.Response:
        nonce = int(request.url.params.get("n", "0"))
        return httpx.Response(200, json={"items": ["x"], "next": f"/items?n={nonce + 1}"})

    with pytest.raises(errors.PagingLoopError, match="only items of page 1"):
        list(iter_pages(FakeClient(same_items), PAGES, walk()))
    guard = LoopGuard("job")

    def cycle_of_seven() -> None:  # each page new to its neighbours; Brent finds the cycle within ~3 rounds
        for n in range(40):
            guard.observe(frozenset([n % 7]))

    with pytest.raises(errors.PagingLoopError, match="same 1 job IDs as page"):
        cycle_of_seven()
    assert guard.pages <= 3 * 7 + 2


def test_max_pages_caps_the_walk_and_nonsense_settings_are_refused() -> None:
    endless = server(lambda i: f"/items?page={i + 1}", pages=10**6)
    pages = iter_pages(endless, PAGES, walk(max_pages=3))
    assert len([next(pages) for _ in range(3)]) == 3
    with pytest.raises(errors.PageLimitError, match="max_pages=3"):
        next(pages)
    with pytest.raises(ValueError, match="max_pages"):
        walk(max_pages=0)
    with pytest.raises(ValueError, match="first_page"):
        walk(first_page=-1)


def test_links_are_resolved_against_the_page_they_came_on() -> None:
    origins = OriginPolicy([BASE_URL])
    current = httpx.URL(f"{BASE_URL}/a/items?page=0")
    assert resolve_link("?page=1", current=current, origins=origins) == httpx.URL(
        f"{BASE_URL}/a/items?page=1"
    )
    assert resolve_link("/b?x=1", current=current, origins=origins) == httpx.URL(f"{BASE_URL}/b?x=1")
    assert resolve_link("5Q4WjfOaJ0Yw%2BxgR7l", current=current, origins=origins) is None


@pytest.mark.anyio
async def test_the_async_walk_follows_the_same_rules() -> None:
    client = server(lambda i: f"/items?page={i + 1}" if i < 2 else None)
    assert len([p async for p in aiter_pages(client, PAGES, walk())]) == 3
    with pytest.raises(errors.PagingLoopError):
        [p async for p in aiter_pages(server(lambda i: "/items?page=0"), PAGES, walk())]
