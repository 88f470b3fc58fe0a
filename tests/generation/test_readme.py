"""The package READMEs show one example per operation, and every example runs against a real server.

The README's runtime-feature sections (errors, retries, timeouts, paging …) are copied from docs/clients.md
and run here against the real mock servers. tests/clients/test_docs_examples.py runs only the guide's
other blocks, so no block runs twice; the drift check keeps the READMEs equal to the guide.
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Iterator
from typing import Any

import pytest

from mock_servers.testing import MockProcess, running_mock

from .conftest import PACKAGES, ClientPackage
from .example_server import ExampleApp
from .operations import spec_operations
from .test_operations import make_client

SECTION = re.compile(r"^#### `(?P<operation_id>[^`]+)`.*?```python\n(?P<code>.*?)```", re.S | re.M)


def readme_examples(package: ClientPackage) -> dict[str, str]:
    text = (package.project_dir / "README.md").read_text(encoding="utf-8")
    return {match["operation_id"]: match["code"] for match in SECTION.finditer(text)}


@pytest.mark.parametrize("package", PACKAGES, ids=[p.api for p in PACKAGES])
def test_every_operation_has_a_readme_example(package: ClientPackage) -> None:
    documented = set(readme_examples(package))
    assert documented == {op.operation_id for op in spec_operations(package)}


CASES = [(package, op) for package in PACKAGES for op in spec_operations(package)]


@pytest.mark.parametrize(("package", "op"), CASES, ids=[op.test_id for _, op in CASES])
def test_readme_example_runs(
    package: ClientPackage, op: Any, example_servers: dict[str, tuple[str, ExampleApp]]
) -> None:
    code = readme_examples(package)[op.operation_id]
    base_url, app = example_servers[package.api]
    before = len(app.requests)
    with make_client(op, base_url) as client:
        namespace: dict[str, Any] = {"client": client}
        exec(compile(code, f"README:{op.operation_id}", "exec"), namespace)
    assert "result" in namespace
    (request,) = app.requests[before:]
    assert (request.method, app.examples.find(request.method, request.path)) == (
        op.method.upper(),
        op.operation,
    )


@pytest.mark.parametrize("package", PACKAGES, ids=[p.api for p in PACKAGES])
def test_connecting_example_builds_a_client(package: ClientPackage) -> None:
    """The README's "Connecting" block runs as written (no request is sent before the first call)."""
    text = (package.project_dir / "README.md").read_text(encoding="utf-8")
    section = text.split("## Connecting", 1)[1].split("\n## ", 1)[0]
    code = section.split("```python\n", 1)[1].split("```", 1)[0]
    namespace: dict[str, Any] = {}
    exec(compile(code, "README:Connecting", "exec"), namespace)
    module = __import__(package.import_package)
    assert isinstance(namespace["client"], module.AuthenticatedClient)


GUIDE = re.compile(r"<!-- guide:start -->\n(?P<text>.*?)<!-- guide:end -->", re.S)
PYTHON_BLOCK = re.compile(r"^```python\n(.*?)^```", re.S | re.M)
# The guide's examples use the ports of `nox -s mock`; the tests start the mocks on free ports instead.
DOCUMENTED_MOCK_URL = {"olconnect": "http://127.0.0.1:9340", "avepoint": "http://127.0.0.1:9341"}
GUIDE_SECTIONS = [
    "## Errors",
    "## Retries",
    "## Timeouts",
    "## Per-call options and the raw response",
    "## Forward compatibility",
    "## Logging",
    "## Threads, tasks and connection pools",
]
PACKAGE_ONLY_SECTIONS = {"avepoint": ["## Paging (AvePoint)"]}


def readme_guide(package: ClientPackage) -> str:
    text = (package.project_dir / "README.md").read_text(encoding="utf-8")
    match = GUIDE.search(text)
    assert match, f"{package.dist_name}/README.md has no guide part"
    return match["text"]


def guide_examples(package: ClientPackage) -> list[str]:
    return PYTHON_BLOCK.findall(readme_guide(package))


@pytest.mark.parametrize("package", PACKAGES, ids=[p.api for p in PACKAGES])
def test_readme_guide_covers_every_runtime_feature_with_this_package_only(package: ClientPackage) -> None:
    guide = readme_guide(package)
    headings = [line for line in guide.splitlines() if line.startswith("## ")]
    wanted = GUIDE_SECTIONS + PACKAGE_ONLY_SECTIONS.get(package.api, [])
    assert sorted(headings) == sorted(wanted)
    for section in guide.split("\n## ")[1:]:  # every section has at least one example
        assert "```python\n" in section, section.splitlines()[0]
    others = [other.import_package for other in PACKAGES if other != package]
    for code in guide_examples(package):
        assert f"import {package.import_package}" in code or f"from {package.import_package}" in code
        assert [name for name in others if name in code] == []


@pytest.fixture(scope="module")
def guide_mocks() -> Iterator[dict[str, MockProcess]]:
    with running_mock("olconnect") as olconnect, running_mock("avepoint") as avepoint:
        yield {"olconnect": olconnect, "avepoint": avepoint}


GUIDE_CASES = [(package, index) for package in PACKAGES for index in range(len(guide_examples(package)))]


@pytest.mark.parametrize(
    ("package", "index"), GUIDE_CASES, ids=[f"{package.api}-guide-{index}" for package, index in GUIDE_CASES]
)
def test_readme_guide_example_runs_against_the_mock(
    package: ClientPackage,
    index: int,
    guide_mocks: dict[str, MockProcess],
    capsys: pytest.CaptureFixture[str],
) -> None:
    code = guide_examples(package)[index]
    mock = guide_mocks[package.api]
    talks_to_mock = DOCUMENTED_MOCK_URL[package.api] in code
    code = code.replace(DOCUMENTED_MOCK_URL[package.api], mock.base_url)
    requests_before = len(mock.log_records())
    namespace: dict[str, Any] = {"__name__": "__main__"}
    try:
        exec(compile(code, f"{package.dist_name}/README.md:guide-{index}", "exec"), namespace)
    finally:
        logging.getLogger(package.import_package).setLevel(logging.NOTSET)
        # Functions defined by the example keep its globals alive in a cycle; break it so the example's
        # pages and clients are freed now (other tests count live model objects).
        namespace.clear()
    assert capsys.readouterr().out, "every example prints what it shows"
    if talks_to_mock:
        assert _access_log_grows(mock, requests_before), "the example did not reach the mock"


def _access_log_grows(mock: MockProcess, before: int, wait: float = 5.0) -> bool:
    """The access log arrives through the mock's stderr pipe, a moment after the response."""
    deadline = time.monotonic() + wait
    while len(mock.log_records()) <= before:
        if time.monotonic() > deadline:
            return False
        time.sleep(0.02)
    return True
