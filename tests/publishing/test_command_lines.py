"""Fast checks of the two command lines this area adds: `contract-suite` and `python -m scripts.publish`.

They run as subprocesses, the way users and CI call them, from the checkout root. `scripts.publish` is
imported for the staleness rule.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

from scripts.publish.projects import load_project, stale_reason

from .conftest import INSTALL_DOCS, SAME_INSTALL_LINE, install_command
from .environment import ROOT, clean_env, run
from .index_server import PROJECT_DIRS

SUITE_SOURCES = ROOT / "contract_tests"
PUBLISH = (sys.executable, "-m", "scripts.publish")  # run with cwd=ROOT
SUITE_OPTIONS = ("--profile", "--api", "--seed", "--operation", "--reports")


def _suite(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "contract_tests", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=clean_env(),
        timeout=120,
        check=False,
    )


def test_help_documents_every_option_variable_and_exit_code() -> None:
    shown = _suite("--help")
    assert shown.returncode == 0
    variables = set()
    for path in SUITE_SOURCES.glob("*.py"):
        variables |= set(re.findall(r"\b(?:OLCONNECT|AVEPOINT|CONTRACT)_[A-Z_]+\b", path.read_text("utf-8")))
    assert variables, "found no environment variable in the suite's sources"
    missing = sorted(v for v in variables if v not in shown.stdout)
    assert not missing, f"--help does not mention {missing}"
    for option in SUITE_OPTIONS:
        assert option in shown.stdout
    codes = re.findall(r"^  ([0-5])  ", shown.stdout, re.M)
    assert codes == ["0", "1", "2", "3", "4", "5"]
    assert "mock olconnect|avepoint" in shown.stdout


@pytest.mark.parametrize("args", [["--profle", "full"], ["--reprots=out"], ["--api", "olconect"]])
def test_a_mistyped_option_exits_2_with_one_line(args: list[str]) -> None:
    done = _suite(*args)
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert done.stderr.strip().splitlines()[-1].startswith("python -m contract_tests: error:")


def test_mock_subcommand_is_the_mock_command_line() -> None:
    done = _suite("mock", "avepoint", "--help")
    assert done.returncode == 0
    assert "--scenario" in done.stdout
    assert _suite("mock", "nosuchapi").returncode == 2


def _publish(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*PUBLISH, *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=clean_env(env),
        timeout=60,
        check=False,
    )


CREDENTIALS = {"TWINE_USERNAME": "u", "TWINE_PASSWORD": "p"}


@pytest.mark.parametrize(
    ("args", "env", "message"),
    [
        (["--password", "x"], CREDENTIALS, "--password is not accepted"),
        (["-u", "someone"], CREDENTIALS, "-u is not accepted"),
        (["--username=someone"], CREDENTIALS, "--username is not accepted"),
        ([], {}, "set TWINE_USERNAME and TWINE_PASSWORD"),
        ([], {"TWINE_USERNAME": "u"}, "set TWINE_USERNAME and TWINE_PASSWORD"),
    ],
)
def test_publish_takes_credentials_from_the_environment_only(
    args: list[str], env: dict[str, str], message: str
) -> None:
    done = _publish("upload", "--repository-url", "http://127.0.0.1:9/", *args, **env)
    assert done.returncode == 2
    assert message in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1
    assert "building" not in done.stdout, "a refused command line must not cost a build"


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("http://ci:secret@127.0.0.1:9/", "must not contain credentials"),
        ("ftp://127.0.0.1/", "must be an http(s) URL"),
        ("not a url", "must be an http(s) URL"),
    ],
)
def test_publish_refuses_bad_repository_urls(url: str, message: str) -> None:
    done = _publish("upload", "--repository-url", url, **CREDENTIALS)
    assert done.returncode == 2
    assert message in done.stderr
    assert "secret" not in done.stderr


def test_publish_needs_a_repository_url() -> None:
    done = _publish("upload", **CREDENTIALS)
    assert done.returncode == 2
    assert "--repository-url" in done.stderr


def test_an_index_that_cannot_be_reached_is_one_line(tmp_path: Path) -> None:
    """Port 9 (discard) is closed on loopback: the existence check fails before anything is uploaded."""
    dist = tmp_path / "dist"
    dist.mkdir()
    for project_dir in PROJECT_DIRS:
        for artifact in load_project(project_dir).artifacts(dist):
            artifact.write_bytes(b"")  # fresh (newer than every source): no build
    done = _publish("upload", "--repository-url", "http://127.0.0.1:9/", "--dist", str(dist), **CREDENTIALS)
    assert done.returncode == 1
    assert done.stderr.startswith("publish: cannot read the index at http://127.0.0.1:9/simple/")
    assert "building" not in done.stdout


def _project(tmp_path: Path) -> Path:
    (tmp_path / "pkg").mkdir(parents=True)
    (tmp_path / "pkg" / "__init__.py").write_text("", encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "Demo.Pkg"\nversion = "1.2.0"\n'
        '[tool.hatch.build.targets.sdist]\ninclude = ["pkg"]\n',
        encoding="utf-8",
    )
    return tmp_path


def test_dist_is_stale_until_both_files_of_the_version_exist_and_then_when_a_source_changes(
    tmp_path: Path,
) -> None:
    project = load_project(_project(tmp_path / "project"))
    dist = tmp_path / "dist"
    dist.mkdir()
    wheel, sdist = project.artifacts(dist)
    assert (wheel.name, sdist.name) == ("demo_pkg-1.2.0-py3-none-any.whl", "demo_pkg-1.2.0.tar.gz")
    assert "missing" in (stale_reason(project, dist) or "")
    wheel.write_bytes(b"")
    assert "demo_pkg-1.2.0.tar.gz missing" in (stale_reason(project, dist) or "")
    sdist.write_bytes(b"")
    past = time.time() - 100
    os.utime(project.directory / "pkg" / "__init__.py", (past, past))
    os.utime(project.directory / "pyproject.toml", (past, past))
    assert stale_reason(project, dist) is None
    (project.directory / "pkg" / "__init__.py").write_text("VALUE = 1\n", encoding="utf-8")
    assert "__init__.py changed since the build" in (stale_reason(project, dist) or "")


def test_an_older_version_in_dist_does_not_count(tmp_path: Path) -> None:
    project = load_project(_project(tmp_path / "project"))
    (tmp_path / "demo_pkg-1.1.0-py3-none-any.whl").write_bytes(b"")
    (tmp_path / "demo_pkg-1.1.0.tar.gz").write_bytes(b"")
    assert "missing" in (stale_reason(project, tmp_path) or "")


def test_html_project_page_of_a_simple_index(tmp_path: Path) -> None:
    """PEP 503 HTML from a real HTTP server process; an unknown project is a 404, not an error."""
    page = tmp_path / "simple" / "demo-pkg"
    page.mkdir(parents=True)
    page.joinpath("index.html").write_text(
        '<html><body><a href="../../f/demo_pkg-1.2.0.tar.gz#sha256=00">demo_pkg-1.2.0.tar.gz</a>'
        '<a href="x">demo_pkg-1.3.0rc1-py3-none-any.whl</a>'
        '<a href="y">demo_pkg-1.2.0.tar.gz.asc</a></body></html>',
        encoding="utf-8",
    )
    probe = (
        "import sys;"
        "from scripts.publish.index import published_versions as p;"
        "print(sorted(map(str, p(sys.argv[1], 'Demo_Pkg', None))), sorted(p(sys.argv[1], 'other', None)))"
    )
    server = subprocess.Popen(
        [sys.executable, "-m", "http.server", "0", "--bind", "127.0.0.1"],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert server.stdout is not None
        port = re.search(r"port (\d+)", server.stdout.readline())
        assert port, "http.server did not say its port"
        url = f"http://127.0.0.1:{port[1]}/simple/"
        deadline = time.monotonic() + 20
        env = clean_env()
        done = run([sys.executable, "-c", probe, url], env, cwd=ROOT)  # `-c` imports `scripts` from cwd
        while done.returncode != 0 and time.monotonic() < deadline:
            time.sleep(0.2)
            done = run([sys.executable, "-c", probe, url], env, cwd=ROOT)
    finally:
        server.terminate()
        server.wait(10)
    assert done.returncode == 0, done.output
    assert done.output.strip() == "['1.2.0', '1.3.0rc1'] []"


@pytest.mark.parametrize("name", list(SAME_INSTALL_LINE))
def test_every_documented_install_line_is_the_one_the_end_to_end_test_runs(name: str) -> None:
    assert install_command(*SAME_INSTALL_LINE[name]) == install_command(*INSTALL_DOCS[name])
