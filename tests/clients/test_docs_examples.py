"""The ``python`` blocks of docs/clients.md run against freshly started mock servers.

Blocks inside a ``<!-- readme: <packages> -->`` region are copied into the package READMEs by generate.py
and run from there by tests/generation/test_readme.py; this file runs the guide-only blocks, so no block
runs twice.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from mock_servers.testing import running_mock

GUIDE = Path(__file__).resolve().parents[2] / "docs" / "clients.md"
BLOCK = re.compile(r"^```python\n(.*?)^```", re.S | re.M)
README_MARKER = re.compile(r"^<!-- readme: (.*?) -->[ \t]*\n", re.M)
# The guide uses the ports of `nox -s mock`; the tests start the mocks on free ports instead.
OLC_URL = "http://127.0.0.1:9340"
AVE_URL = "http://127.0.0.1:9341"


def examples() -> list[str]:
    return BLOCK.findall(GUIDE.read_text(encoding="utf-8"))


def guide_only_examples() -> list[str]:
    """Blocks before the first readme marker or after a `<!-- readme: none -->` one."""
    parts = README_MARKER.split(GUIDE.read_text(encoding="utf-8"))
    regions = zip(parts[1::2], parts[2::2], strict=True)
    guide_only = [parts[0]] + [body for audience, body in regions if audience == "none"]
    return BLOCK.findall("".join(guide_only))


@pytest.fixture(scope="module")
def mock_urls() -> Iterator[dict[str, str]]:
    with running_mock("olconnect") as olc, running_mock("avepoint") as ave:
        yield {OLC_URL: olc.base_url, AVE_URL: ave.base_url}


def test_the_guide_has_examples_for_every_feature() -> None:
    text = "\n".join(examples())
    features = ["connect(", "use_basic_auth=True", "asyncio.gather", "errors.NotFoundError", "RetryPolicy("]
    features += ["RequestOptions(timeout=", "sync_detailed(", "iter_job_pages(", "aiter_jobs(", "is_known"]
    features += ["getLogger(", "MockTransport"]
    assert [feature for feature in features if feature not in text] == []


@pytest.mark.parametrize("code", guide_only_examples(), ids=lambda code: code.splitlines()[0][:40])
def test_guide_example_runs(code: str, mock_urls: dict[str, str], capsys: pytest.CaptureFixture[str]) -> None:
    for documented, actual in mock_urls.items():
        code = code.replace(documented, actual)
    try:
        exec(compile(code, str(GUIDE), "exec"), {"__name__": "__main__"})
    finally:
        logging.getLogger("olconnect_client").setLevel(logging.NOTSET)
    assert capsys.readouterr().out, "every example prints what it shows"
