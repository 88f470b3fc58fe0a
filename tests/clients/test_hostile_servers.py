"""Both clients against a hostile server: every failure typed, no credential off-origin, every walk bounded.

Two real processes on 127.0.0.1 run ``hostile_server.py``: the hostile one, whose first path segment picks
the misbehaviour, and a trap on another port that records whatever reaches it. Every case runs in every
mode that can meet it (sync, async, the operation that logs in itself, and the sync and async page
walks), and each run asserts:

- the call raises exactly the expected subclass of the package's ``ApiError`` (or succeeds when the
  misbehaviour is harmless), never an untyped exception;
- the trap received no request at all (so no credential went to another origin);
- a page walk ends within its ``max_pages`` cap;
- no secret (password, client secret, Basic header, any token the server handed out) appears in the
  exception chain's text, in its ``repr``, in the reprs of the request headers it carries, or in any
  DEBUG log record (``httpx``, ``httpcore`` and the packages' own loggers are all captured).
"""

from __future__ import annotations

import asyncio
import base64
import dataclasses
import logging
import subprocess
import traceback
from collections.abc import Iterator
from typing import Any

import avepoint_graph_client as ave
import httpx
import olconnect_client as olc
import pytest
from avepoint_graph_client.api.authentication import request_token
from avepoint_graph_client.api.jobs import list_jobs
from avepoint_graph_client.models import TokenRequest
from olconnect_client.api.authentication import login
from olconnect_client.api.job_entity import get_job_metadata

from .hostile_server import BAD_TOKENS, MARKER
from .serving import start_server

PASSWORD = f"pw-{MARKER}-olc"
CLIENT_SECRET = f"cs-{MARKER}-ave"
BASIC = base64.b64encode(f"admin:{PASSWORD}".encode()).decode()
MAX_PAGES = 40
OLC_QUICK = olc.RetryPolicy(backoff_initial=0.01, backoff_max=0.02, retry_after_max=0.1)
AVE_QUICK = ave.RetryPolicy(backoff_initial=0.01, backoff_max=0.02, retry_after_max=0.1)

OLC_MODES = ("olc-sync", "olc-async", "olc-login")
AVE_MODES = ("ave-sync", "ave-async", "ave-paging", "ave-apaging", "ave-request-token")
DATA_MODES = ("olc-sync", "olc-async", "ave-sync", "ave-async", "ave-paging", "ave-apaging")
PAGING_MODES = ("ave-paging", "ave-apaging")


@dataclasses.dataclass(frozen=True)
class Case:
    """A server misbehaviour, the modes it is tried in, and the error each API must raise (None: success)."""

    name: str
    modes: tuple[str, ...]
    olc: str | None = None
    ave: str | None = None
    follow_redirects: bool = False

    def expected(self, mode: str) -> str | None:
        return self.olc if mode.startswith("olc") else self.ave


def both(name: str, error: str | None, modes: tuple[str, ...] = OLC_MODES + AVE_MODES, **kw: Any) -> Case:
    return Case(name, modes, olc=error, ave=error, **kw)


CASES = [
    # Tokens handed out by the login or token endpoint that no header can carry, and other bad answers.
    *(both(name, "AuthenticationError") for name in BAD_TOKENS),
    Case("token-type-mac", AVE_MODES, ave="AuthenticationError"),
    both("token-429", "RateLimitError"),
    Case("token-deep", OLC_MODES + AVE_MODES, olc="ResponseParseError", ave="ResponseParseError"),
    Case("token-deep-large", OLC_MODES + AVE_MODES, olc="ResponseParseError", ave="ResponseParseError"),
    both("token-error-deep", "AuthenticationError"),
    both("token-bad-gzip", "ApiConnectionError"),
    Case("token-bad-utf8", OLC_MODES + AVE_MODES, olc="ResponseParseError", ave="ResponseParseError"),
    Case("token-huge", OLC_MODES + AVE_MODES, olc="ResponseParseError", ave="ResponseParseError"),
    Case("token-not-json", AVE_MODES, ave="ResponseParseError"),
    both("token-truncated", "ApiConnectionError"),
    both("token-bad-status-line", "ApiConnectionError"),
    both("token-redirect", "UnexpectedStatusError"),
    both("token-status-520", "ServerError"),
    # Broken data responses (the first call after a good login or token).
    both("body-deep", "ResponseParseError", DATA_MODES),
    both("body-deep-large", "ResponseParseError", DATA_MODES),
    both("error-deep", "ServerError", DATA_MODES),
    both("error-deep-large", "ServerError", DATA_MODES),
    both("body-bad-gzip", "ApiConnectionError", DATA_MODES),
    both("body-gzip-bomb", "ResponseParseError", DATA_MODES),
    both("body-bad-utf8", "ResponseParseError", DATA_MODES),
    Case("body-bad-charset", DATA_MODES, olc=None, ave="ResponseParseError"),
    both("body-utf16", "ResponseParseError", DATA_MODES),
    both("body-huge", "ResponseParseError", DATA_MODES),
    both("body-not-json", "ResponseParseError", DATA_MODES),
    both("body-truncated", "ApiConnectionError", DATA_MODES),
    both("body-bad-status-line", "ApiConnectionError", DATA_MODES),
    both("body-bad-header", "ApiConnectionError", DATA_MODES),
    both("body-redirect", "UnexpectedStatusError", DATA_MODES),
    both("body-redirect-scheme-relative", "UnexpectedStatusError", DATA_MODES),
    both("body-redirect", "ForeignOriginError", DATA_MODES, follow_redirects=True),
    both("body-redirect-scheme-relative", "ForeignOriginError", DATA_MODES, follow_redirects=True),
    both("body-status-520", "ServerError", DATA_MODES),
    both("body-status-499", "UnexpectedStatusError", DATA_MODES),
    both("body-always-429", "RateLimitError", DATA_MODES),
    # Page walks that leave the origin, loop, or never end.
    Case("next-scheme-relative", PAGING_MODES, ave="ForeignOriginError"),
    Case("next-absolute-foreign", PAGING_MODES, ave="ForeignOriginError"),
    Case("next-userinfo", PAGING_MODES, ave="ForeignOriginError"),
    Case("next-other-scheme", PAGING_MODES, ave="ForeignOriginError"),
    Case("next-javascript", PAGING_MODES, ave="ForeignOriginError"),
    Case("next-backslash", PAGING_MODES, ave=None),  # resolves to a path on the same origin: harmless
    Case("next-same-link", PAGING_MODES, ave="PagingLoopError"),
    Case("loop-nonce", PAGING_MODES, ave="PagingLoopError"),
    Case("loop-long-cycle", PAGING_MODES, ave="PagingLoopError"),
    Case("opaque-ignores-page-index", PAGING_MODES, ave="PagingLoopError"),
    Case("endless", PAGING_MODES, ave="PageLimitError"),
    Case("endless-opaque", PAGING_MODES, ave="PageLimitError"),
    Case("page2-deep", PAGING_MODES, ave="ResponseParseError"),
    Case("page2-bad-gzip", PAGING_MODES, ave="ApiConnectionError"),
    Case("page2-redirect", PAGING_MODES, ave="UnexpectedStatusError"),
    Case("page2-redirect", PAGING_MODES, ave="ForeignOriginError", follow_redirects=True),
    Case("page2-huge", PAGING_MODES, ave="ResponseParseError"),
    Case("well-behaved", (*DATA_MODES, "olc-login", "ave-request-token")),
]
RUNS = [(case, mode) for case in CASES for mode in case.modes]


def run_id(case: Case, mode: str) -> str:
    return f"{case.name}{'-follow' if case.follow_redirects else ''}-{mode}"


@dataclasses.dataclass
class Servers:
    hostile: str
    trap: str

    def trap_report(self) -> list[dict[str, Any]]:
        return list(httpx.get(f"{self.trap}/_trap/report", timeout=10).json())


def _start(*args: str) -> tuple[subprocess.Popen[str], int]:
    return start_server("hostile_server", *args)


@pytest.fixture(scope="module")
def servers() -> Iterator[Servers]:
    trap, trap_port = _start("--trap")
    hostile, port = _start("--trap-port", str(trap_port))
    try:
        yield Servers(f"http://127.0.0.1:{port}", f"http://127.0.0.1:{trap_port}")
    finally:
        for process in (hostile, trap):
            process.terminate()
            process.wait(timeout=10)


def _olc_client(base: str, follow: bool) -> olc.AuthenticatedClient:
    return olc.connect(
        base,
        "admin",
        PASSWORD,
        retry_policy=OLC_QUICK,
        timeout=20.0,
        httpx_args={"follow_redirects": follow},
    )


def _ave_client(base: str, follow: bool) -> ave.AuthenticatedClient:
    return ave.connect(
        "hostile-id",
        CLIENT_SECRET,
        base_url=base,
        retry_policy=AVE_QUICK,
        timeout=20.0,
        httpx_args={"follow_redirects": follow},
    )


async def _olc_async(base: str, follow: bool) -> None:
    async with _olc_client(base, follow) as client:
        await get_job_metadata.asyncio(2001, client=client)


async def _ave_async(base: str, follow: bool, paging: bool) -> int:
    async with _ave_client(base, follow) as client:
        if not paging:
            await list_jobs.asyncio(client=client)
            return 1
        pages = 0
        async for _ in ave.aiter_job_pages(client, max_pages=MAX_PAGES):
            pages += 1
        return pages


def call(mode: str, base: str, follow: bool, pages: list[int]) -> None:
    """Run one mode against ``base``; ``pages`` receives the number of pages a walk yielded."""
    if mode == "olc-sync":
        with _olc_client(base, follow) as client:
            get_job_metadata.sync(2001, client=client)
    elif mode == "olc-async":
        asyncio.run(_olc_async(base, follow))
    elif mode == "olc-login":
        with _olc_client(base, follow) as client:
            login.sync(client=client)
    elif mode == "ave-sync":
        with _ave_client(base, follow) as client:
            list_jobs.sync(client=client)
    elif mode == "ave-async":
        asyncio.run(_ave_async(base, follow, paging=False))
    elif mode == "ave-paging":
        with _ave_client(base, follow) as client:
            for _ in ave.iter_job_pages(client, max_pages=MAX_PAGES):
                pages.append(1)
    elif mode == "ave-apaging":
        pages.append(asyncio.run(_ave_async(base, follow, paging=True)))
    elif mode == "ave-request-token":
        form = TokenRequest(
            grant_type=ave.models.GrantType.CLIENT_CREDENTIALS,
            client_id="hostile-id",
            client_secret=CLIENT_SECRET,
            scope="gsuite.graph.read.all",
        )
        with _ave_client(base, follow) as client:
            request_token.sync(client=client, body=form)
    else:  # pragma: no cover - a typo in the table
        raise AssertionError(mode)


def texts_of(error: BaseException | None, records: list[logging.LogRecord]) -> list[str]:
    """Everything a user could see: the exception chain, its repr, header reprs, every log record."""
    found = [record.getMessage() for record in records]
    found += [logging.Formatter().formatException(r.exc_info) for r in records if r.exc_info]
    if error is not None:
        found += ["".join(traceback.format_exception(error)), repr(error)]
        for attribute in ("request", "response"):
            value = getattr(error, attribute, None)
            request = value.request if isinstance(value, httpx.Response) else value
            if isinstance(request, httpx.Request):
                found += [repr(request.headers), repr(request)]
    return found


@pytest.mark.parametrize(("case", "mode"), RUNS, ids=[run_id(case, mode) for case, mode in RUNS])
def test_hostile_server(
    case: Case, mode: str, servers: Servers, debug_logs: pytest.LogCaptureFixture
) -> None:
    base = f"{servers.hostile}/{case.name}"
    package = olc if mode.startswith("olc") else ave
    pages: list[int] = []
    error: BaseException | None = None
    try:
        call(mode, base, case.follow_redirects, pages)
    except BaseException as caught:
        error = caught
    expected = case.expected(mode)
    if expected is None:
        assert error is None, f"expected success, got {type(error).__name__}: {error}"
    else:
        assert isinstance(error, package.errors.ApiError), f"untyped: {type(error).__name__}: {error}"
        assert type(error).__name__ == expected, f"{type(error).__name__}: {error}"
        assert type(error).__module__ == f"{package.__name__}.errors"
    assert sum(pages) <= MAX_PAGES, "the walk went past its cap"
    assert servers.trap_report() == [], "a request reached another origin"
    leaks = [text for text in texts_of(error, debug_logs.records) if MARKER in text or BASIC in text]
    assert leaks == [], "a secret is visible"


def test_the_suite_covers_every_mode_and_enough_cases() -> None:
    modes = {mode for _, mode in RUNS}
    assert modes == set(OLC_MODES + AVE_MODES)
    assert len(RUNS) >= 250, len(RUNS)


def test_the_trap_would_see_a_leak(servers: Servers) -> None:
    """The trap is not blind: a request sent to it with a token shows up in its report (then it is reset)."""
    httpx.get(f"{servers.trap}/steal", headers={"auth_token": "x"}, timeout=10)
    try:
        (record,) = servers.trap_report()
        assert record["path"] == "/steal"
        assert record["headers"]["auth_token"] == "x"
    finally:
        httpx.post(f"{servers.trap}/_trap/reset", timeout=10)
    assert servers.trap_report() == []


def test_auth_token_is_masked_in_header_reprs(servers: Servers) -> None:
    with _olc_client(f"{servers.hostile}/well-behaved", follow=False) as client:
        response = get_job_metadata.sync_detailed(2001, client=client)
    headers = response.raw.request.headers
    assert headers["auth_token"].startswith("tok-")
    assert MARKER not in repr(headers)
    assert "'auth_token': '[secure]'" in repr(headers)
