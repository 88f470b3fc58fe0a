"""End to end, as another team sees it: publish to a real index, install by name and version, use.

pypiserver runs on 127.0.0.1 with authentication; `nox -s publish` builds and uploads the three packages;
a fresh venv installs them with the install lines of their READMEs, pointed at that index only; the
clients' quick-start examples and the installed `contract-suite` run against mocks started from that same
install; a second upload of the same versions is refused.
"""

from __future__ import annotations

import json
import re
import time
import zipfile
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import pytest

from .conftest import Consumer, Published, publish, record_metrics
from .environment import clean_env, expect_ok, run
from .index_server import PackageIndex
from .processes import live_env

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("publishing")]

CLIENTS = {"olconnect-client": "olconnect", "avepoint-graph-client": "avepoint"}
DOCUMENTED_MOCK_URL = {"olconnect": "http://127.0.0.1:9340", "avepoint": "http://127.0.0.1:9341"}
QUICK_START = re.compile(r"^## Quick start\n.*?```python\n(?P<code>.*?)```", re.S | re.M)

# Runs inside the consumer venv: what importlib.metadata says about each installed distribution.
METADATA_PROBE = """
import json, sys
from importlib import metadata
out = {}
for name in sys.argv[1:]:
    dist = metadata.distribution(name)
    files = [dist.locate_file(f) for f in dist.files or []]
    out[name] = {
        "version": dist.version,
        "license": dist.metadata.get("License-Expression"),
        "urls": dist.metadata.get_all("Project-URL") or [],
        "readme": dist.metadata.get_payload() if hasattr(dist.metadata, "get_payload") else "",
        "bytes": sum(p.stat().st_size for p in files if p.is_file()),
        "location": str(dist.locate_file("")),
    }
print(json.dumps(out))
"""


def _metadata(consumer: Consumer, names: list[str]) -> dict[str, Any]:
    done = run([consumer.bin / "python", "-c", METADATA_PROBE, *names], clean_env(venv=consumer.venv))
    loaded: dict[str, Any] = json.loads(expect_ok(done, "metadata probe"))
    return loaded


def test_publish_uploads_all_six_files_and_says_so(published: Published, package_index: PackageIndex) -> None:
    output = published.result.output
    for name, version in published.versions.items():
        assert f"uploaded {name} {version}" in output
    stems = {name.replace("-", "_") + "-" + version for name, version in published.versions.items()}
    on_index = {p.name for p in package_index.packages.iterdir()}
    for stem in stems:
        assert {f"{stem}-py3-none-any.whl", f"{stem}.tar.gz"} <= on_index


def test_contracts_wheel_ships_the_suite_and_its_spec_packages_but_no_tooling(published: Published) -> None:
    """The suite needs spec_model and spec_checks beside it; the repository's scripts/ stay out of it."""
    version = published.versions["olc-avepoint-contracts"]
    wheel = published.dist / f"olc_avepoint_contracts-{version}-py3-none-any.whl"
    with zipfile.ZipFile(wheel) as archive:
        top_level = {name.split("/", 1)[0] for name in archive.namelist()}
    packages = {name for name in top_level if not name.endswith(".dist-info")}
    assert packages == {"contract_tests", "mock_servers", "spec_checks", "spec_model"}


def test_install_by_name_and_version_from_that_index_only(
    consumer: Consumer, published: Published, package_index: PackageIndex
) -> None:
    for name, output in consumer.install_output.items():
        looked_in = re.findall(r"Looking in indexes: (\S+)", output)
        assert looked_in, output
        assert all(package_index.root_url.split("//")[1] in url for url in looked_in), output
        assert package_index.password not in output, f"pip printed the index password while installing {name}"
    listed = expect_ok(run([consumer.bin / "pip", "list", "--format=json"], clean_env()), "pip list")
    installed = {entry["name"]: entry["version"] for entry in json.loads(listed)}
    for name, version in published.versions.items():
        assert installed.get(name) == version
    info = _metadata(consumer, list(published.versions))
    sizes = {name: info[name]["bytes"] for name in published.versions}
    site_packages = Path(info["olc-avepoint-contracts"]["location"])
    record_metrics(
        install_seconds={name: round(s, 1) for name, s in consumer.install_seconds.items()},
        install_seconds_total=round(sum(consumer.install_seconds.values()), 1),
        installed_bytes=sizes,
        venv_site_packages_bytes=sum(p.stat().st_size for p in site_packages.rglob("*") if p.is_file()),
    )


@pytest.mark.parametrize("name", ["olconnect-client", "avepoint-graph-client", "olc-avepoint-contracts"])
def test_metadata_names_the_project_urls_and_the_licence(consumer: Consumer, name: str) -> None:
    info = _metadata(consumer, [name])[name]
    assert info["license"] == "MIT"
    labels = {entry.split(",", 1)[0].strip() for entry in info["urls"]}
    assert {"Homepage", "Changelog", "Issues"} <= labels
    shown = expect_ok(run([consumer.bin / "pip", "show", "-v", name], clean_env()), "pip show")
    assert f"Name: {name}" in shown
    assert "Changelog" in shown  # pip show -v lists the project URLs


@pytest.mark.parametrize("name", list(CLIENTS))
def test_index_page_says_what_a_consumer_needs(consumer: Consumer, name: str) -> None:
    readme = _metadata(consumer, [name])[name]["readme"]
    for wanted in ("## Quick start", "**Supported servers:**", "## Install from your company's index"):
        assert wanted in readme
    assert "CHANGELOG" in readme
    assert "Spec: `spec/" in readme


@pytest.mark.parametrize("name", list(CLIENTS))
def test_quick_start_from_the_index_page_runs_against_the_installed_mock(
    consumer: Consumer, installed_mocks: dict[str, Any], name: str, tmp_path: Path
) -> None:
    api = CLIENTS[name]
    readme = _metadata(consumer, [name])[name]["readme"]
    match = QUICK_START.search(readme)
    assert match, f"{name}: the index page has no Quick start example"
    code = match["code"]
    assert DOCUMENTED_MOCK_URL[api] in code
    script = tmp_path / "quick_start.py"
    script.write_text(code.replace(DOCUMENTED_MOCK_URL[api], installed_mocks[api]["base_url"]), "utf-8")
    done = run([consumer.bin / "python", script], clean_env(), cwd=tmp_path)
    output = expect_ok(done, f"{name} quick start")
    assert output.strip(), "the example prints what it fetched"


def test_installed_contract_suite_passes_against_the_installed_mocks(
    consumer: Consumer, installed_mocks: dict[str, Any], tmp_path: Path
) -> None:
    """No checkout: the cwd is empty, and the venv has only what came from the index."""
    env = clean_env(live_env(installed_mocks["olconnect"], installed_mocks["avepoint"]), venv=consumer.venv)
    started = time.perf_counter()
    command: list[str | Path] = [consumer.bin / "contract-suite", "--reports", "reports", "-q"]
    done = run(command, env, cwd=tmp_path, timeout=600)
    record_metrics(installed_suite_seconds=round(time.perf_counter() - started, 1))
    expect_ok(done, "contract-suite (installed) against the mocks")
    junit = ElementTree.parse(tmp_path / "reports" / "contract-junit.xml").getroot()
    assert sum(int(suite.get("tests", 0)) for suite in junit.iter("testsuite")) > 50
    summary = (tmp_path / "reports" / "contract-summary.md").read_text(encoding="utf-8")
    assert "olconnect" in summary.lower()
    assert "avepoint" in summary.lower()


def test_installed_contract_suite_command_line(consumer: Consumer, tmp_path: Path) -> None:
    env = clean_env(venv=consumer.venv)
    shown = expect_ok(run([consumer.bin / "contract-suite", "--help"], env, cwd=tmp_path), "--help")
    assert "usage: contract-suite" in shown
    assert "OLCONNECT_BASE_URL" in shown
    typo = run([consumer.bin / "contract-suite", "--profle", "full"], env, cwd=tmp_path)
    assert typo.returncode == 2
    assert "unknown option --profle" in typo.output
    assert "Traceback" not in typo.output


def test_second_upload_of_the_same_versions_is_refused(
    published: Published, package_index: PackageIndex, consumer: Consumer
) -> None:
    before = sorted(p.name for p in package_index.packages.iterdir())
    again = publish(package_index, published.dist)
    assert again.returncode == 1, again.output
    refusals = [line for line in again.output.splitlines() if line.startswith("publish: ")]
    assert len(refusals) == 1, again.output
    for name, version in published.versions.items():
        assert f"{name} {version}" in refusals[0]
    assert "uploaded" not in again.output
    assert sorted(p.name for p in package_index.packages.iterdir()) == before
