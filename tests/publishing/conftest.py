"""Session fixtures for the publishing tests: one index, one publish, one consumer venv, two mocks from it.

Building, publishing and installing take most of the time, so they happen once per session and the tests
look at the result from different sides (install, metadata, README examples, contract suite, CI recipes).
"""

from __future__ import annotations

import json
import re
import shlex
import sys
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from .environment import ROOT, Completed, clean_env, expect_ok, fresh_venv, run
from .index_server import PROJECT_DIRS, PackageIndex, running_index
from .processes import started_mock

DOCUMENTED_INDEX = "https://pypi.example.com/simple/"
INSTALL_SECTION = "## Install from your company's index"
METRICS = ROOT / "reports" / "publishing-metrics.json"


def versions() -> dict[str, str]:
    """Distribution name -> version, from the three pyproject.toml files."""
    found = {}
    for directory in PROJECT_DIRS:
        project = tomllib.loads((directory / "pyproject.toml").read_text(encoding="utf-8"))["project"]
        found[project["name"]] = project["version"]
    return found


def install_command(markdown: Path, section: str) -> str:
    """The first line of the first ``bash`` block after ``section``: the install line a consumer copies."""
    text = markdown.read_text(encoding="utf-8")
    assert section in text, f"{markdown} has no {section!r} section"
    match = re.search(r"```bash\n(.*?)```", text.split(section, 1)[1], re.S)
    assert match, f"{markdown}: no bash block after {section!r}"
    line = match[1].strip().splitlines()[0]
    return line.split("  #", 1)[0].strip()


INSTALL_DOCS = {
    "olconnect-client": (ROOT / "generated" / "olconnect-client" / "README.md", INSTALL_SECTION),
    "avepoint-graph-client": (ROOT / "generated" / "avepoint-graph-client" / "README.md", INSTALL_SECTION),
    "olc-avepoint-contracts": (ROOT / "README.md", "**Without a clone.**"),
}
# Where else an install line is documented; it must be the same line as the one the test runs.
SAME_INSTALL_LINE = {
    "olc-avepoint-contracts": (ROOT / "docs" / "publishing.md", "## Installing the contract suite")
}


@dataclass
class Published:
    versions: dict[str, str]
    dist: Path
    result: Completed


@dataclass
class Consumer:
    """A fresh venv that installed the three packages from the test index only."""

    venv: Path
    install_seconds: dict[str, float] = field(default_factory=dict)
    install_output: dict[str, str] = field(default_factory=dict)

    @property
    def bin(self) -> Path:
        return self.venv / "bin"


def publish(index: PackageIndex, dist: Path) -> Completed:
    """`nox -s publish -- --repository-url URL` as documented, with the credentials in the environment.

    nox gets a private ``--envdir`` beside ``dist`` (one per session, reused by the duplicate-upload test):
    a shared ``.nox/publish`` can be half-made by another nox process at that moment, and nox then "reuses"
    a venv that has no pip yet.
    """
    env = clean_env({"TWINE_USERNAME": index.username, "TWINE_PASSWORD": index.password})
    # nox's session venv and the isolated build venvs install from the normal index, like a developer's.
    del env["PIP_CONFIG_FILE"]
    envdir = dist.parent / f"{dist.name}-nox"
    command: list[str | Path] = [sys.executable, "-m", "nox", "--envdir", envdir, "-s", "publish", "--"]
    command += ["--repository-url", index.upload_url, "--dist", dist]
    return run(command, env, cwd=ROOT, timeout=900)


@pytest.fixture(scope="session")
def package_index(tmp_path_factory: pytest.TempPathFactory) -> Iterator[PackageIndex]:
    with running_index(tmp_path_factory.mktemp("index")) as index:
        yield index


@pytest.fixture(scope="session")
def published(package_index: PackageIndex, tmp_path_factory: pytest.TempPathFactory) -> Published:
    dist = tmp_path_factory.mktemp("dist")
    result = publish(package_index, dist)
    expect_ok(result, "publish")
    return Published(versions(), dist, result)


@pytest.fixture(scope="session")
def consumer(
    published: Published, package_index: PackageIndex, tmp_path_factory: pytest.TempPathFactory
) -> Consumer:
    """Run each package's documented install line, pointed at the test index, in one fresh venv."""
    venv = fresh_venv(tmp_path_factory.mktemp("consumer") / "venv")
    result = Consumer(venv)
    for name, (markdown, section) in INSTALL_DOCS.items():
        command = install_command(markdown, section)
        pinned = f"{name}=={published.versions[name]}"
        assert pinned in command, f"{markdown}: the install line does not pin {pinned}"
        assert DOCUMENTED_INDEX in command
        args = shlex.split(command.replace(DOCUMENTED_INDEX, package_index.pip_url))
        done = run(args, clean_env(venv=venv), cwd=venv, timeout=600)
        result.install_output[name] = expect_ok(done, f"{command} (in a fresh venv)")
        result.install_seconds[name] = done.seconds
    return result


@pytest.fixture(scope="session")
def installed_mocks(consumer: Consumer, tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    """Both mocks, started from the consumer's install: `contract-suite mock` and `olc-mock`."""
    cwd = tmp_path_factory.mktemp("mocks")
    env = clean_env(venv=consumer.venv)
    quiet: list[str | Path] = ["--port", "0", "--no-access-log"]
    olconnect_command = [consumer.bin / "contract-suite", "mock", "olconnect", *quiet]
    avepoint_command = [consumer.bin / "olc-mock", "avepoint", *quiet]
    with (
        started_mock(olconnect_command, env, cwd) as olconnect,
        started_mock(avepoint_command, env, cwd) as avepoint,
    ):
        yield {"olconnect": olconnect, "avepoint": avepoint}


def record_metrics(**values: Any) -> None:
    """Merge measurements into reports/publishing-metrics.json (the report quotes them)."""
    METRICS.parent.mkdir(parents=True, exist_ok=True)
    current = json.loads(METRICS.read_text(encoding="utf-8")) if METRICS.exists() else {}
    current.update(values)
    METRICS.write_text(json.dumps(current, indent=2, sort_keys=True) + "\n", encoding="utf-8")
