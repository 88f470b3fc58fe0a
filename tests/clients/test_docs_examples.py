"""Every ``python`` block of docs/clients.md runs against freshly started mock servers."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from mock_servers.testing import running_mock

GUIDE = Path(__file__).resolve().parents[2] / "docs" / "clients.md"
BLOCK = re.compile(r"^```python\n(.*?)^```", re.S | re.M)
# The guide uses the ports of `nox -s mock`; the tests start the mocks on free ports instead.
OLC_URL = "http://127.0.0.1:9340"
AVE_URL = "http://127.0.0.1:9341"


def examples() -> list[str]:
    return BLOCK.findall(GUIDE.read_text(encoding="utf-8"))


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


@pytest.mark.parametrize("code", examples(), ids=lambda code: code.splitlines()[0][:40])
def test_guide_example_runs(code: str, mock_urls: dict[str, str], capsys: pytest.CaptureFixture[str]) -> None:
    for documented, actual in mock_urls.items():
        code = code.replace(documented, actual)
    try:
        exec(compile(code, str(GUIDE), "exec"), {"__name__": "__main__"})
    finally:
        logging.getLogger("olconnect_client").setLevel(logging.NOTSET)
    assert capsys.readouterr().out, "every example prints what it shows"
