"""The commands users and CI run. Every session installs only from pyproject.toml's dependency groups.

Quick reference (the README explains each):
    nox -s contract            main job: contract suite against the bundled mock servers
    nox -s tests               every check CI runs (spec, drift, lint, unit and integration tests)
    nox -s spec                validate and lint both OpenAPI documents
    nox -s generate [-- --check]
    nox -s build               wheels and sdists of the three packages into dist/
    nox -s publish -- --repository-url URL   upload them (TWINE_USERNAME/TWINE_PASSWORD from the environment)
    nox -s mock -- olconnect|avepoint [options]
    nox -s doc-drift -- DOCS_DIR [--propose PATCH_FILE]
    nox -s doc-update -- DOCS_DIR
    nox -s spec-diff -- BASE_REF [--apply]
    nox -s bench
    nox -s lint
    nox -s clients             both clients' own tests on Python 3.11, 3.12 and 3.13 (clients-3.12 ...)
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import nox

nox.options.reuse_venv = "yes"
nox.options.default_venv_backend = "venv"
nox.options.sessions = ["tests"]
nox.options.error_on_missing_interpreters = True

ROOT = Path(__file__).resolve().parent
PYPROJECT = nox.project.load_toml(ROOT / "pyproject.toml")
SHARED_DOCS = ROOT.parent / "shared" / "vendor-docs"
# The vendor pages doc drift reads from git bundles at a pinned commit (docs/doc-update-workflow.md).
DRIFT_SOURCES = ("--sources", str(ROOT / "spec" / "doc-drift-sources.yaml"))
CLIENT_DIRS = ("generated/olconnect-client", "generated/avepoint-graph-client")
PYTHON = "3.11"
# Every Python the client packages claim (their pyproject's classifiers and requires-python).
CLIENT_PYTHONS = ["3.11", "3.12", "3.13"]
# The client-side tests that need only the two packages, the runtime, pytest and anyio: no mock server, no
# spec tooling, no subprocess. They run again under each Python of CLIENT_PYTHONS (`nox -s clients`) in about
# 10 s; the hostile-server tests (real processes, ~90 s) run once, on 3.11, in `nox -s tests`.
CLIENT_ONLY_TESTS = (
    "tests/runtime",
    "tests/clients/test_errors_and_parsing.py",
    "tests/clients/test_model_decoding.py",
    "tests/clients/test_request_checks.py",
)


def install_groups(session: nox.Session, *groups: str) -> None:
    """Install the named dependency groups (PEP 735) from pyproject.toml in one pip call."""
    if not groups:
        raise ValueError("install_groups needs at least one group name")
    requirements: list[str] = []
    for group in groups:
        requirements.extend(nox.project.dependency_groups(PYPROJECT, group))
    session.install(*dict.fromkeys(requirements))


def install_project(session: nox.Session) -> None:
    """Install this project (mocks, suite), the client runtime and the generated client packages, editable."""
    session.install("-e", ".")
    session.install("--no-deps", "-e", "runtime")
    clients = [d for d in CLIENT_DIRS if (ROOT / d / "pyproject.toml").exists()]
    for client in clients:
        session.install("--no-deps", "-e", client)


def node_tools(session: nox.Session) -> Path:
    """Install the pinned Node tools (Spectral, Prism) from tools/package-lock.json once; return bin/."""
    bin_dir = ROOT / "tools" / "node_modules" / ".bin"
    if not (bin_dir / "spectral").exists() or not (bin_dir / "prism").exists():
        if shutil.which("npm") is None:
            session.error("npm is needed for Spectral and Prism: install Node.js 20+ with npm")
        session.run("npm", "ci", "--prefix", str(ROOT / "tools"), "--no-audit", "--no-fund", external=True)
    return bin_dir


@nox.session(python=PYTHON)
def spec(session: nox.Session) -> None:
    """Validate both OpenAPI documents, lint them with Spectral and hold the documented inventory."""
    install_groups(session, "spec")
    node_tools(session)
    session.run("python", "-m", "scripts.check_specs", *session.posargs)


@nox.session(python=PYTHON)
def generate(session: nox.Session) -> None:
    """Regenerate generated/ from spec/ (`-- --check` compares instead of writing)."""
    install_groups(session, "generate")
    session.run("python", "-m", "scripts.generate", *session.posargs)


@nox.session(python=PYTHON)
def build(session: nox.Session) -> None:
    """Wheel and sdist of olconnect-client, avepoint-graph-client and olc-avepoint-contracts into dist/."""
    install_groups(session, "publish")
    session.run("python", "-m", "scripts.publish", "build", *session.posargs)


@nox.session(python=PYTHON)
def publish(session: nox.Session) -> None:
    """Upload the three packages: `nox -s publish -- --repository-url URL` (builds first when dist/ is stale).

    Credentials come only from TWINE_USERNAME and TWINE_PASSWORD; a version the index already has is refused.
    """
    install_groups(session, "publish")
    session.run("python", "-m", "scripts.publish", "upload", *session.posargs)


def run_lint(session: nox.Session) -> None:
    """ruff and mypy --strict over the hand-written code and the generated packages."""
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", ".")
    hand_written = [
        p
        for p in (
            "runtime/client_runtime",
            "spec_model",
            "mock_servers",
            "contract_tests",
            "scripts",
            "spec_checks",
            "tests",
            "benchmarks",
            "noxfile.py",
        )
        if (ROOT / p).exists()
    ]
    session.run("mypy", *hand_written)
    # The overlay is checked where it is written, against the installed client package each part extends
    # (its modules import their package by absolute name); one run per package: both have an auth.py.
    for overlay in sorted(p for p in (ROOT / "overlay").iterdir() if p.is_dir()):
        session.run("mypy", *sorted(str(f.relative_to(ROOT)) for f in overlay.glob("*.py")))
    for client in CLIENT_DIRS:
        if (ROOT / client).exists():
            session.run("ruff", "check", client)
            # The root config excludes generated/; each package's own pyproject sets strict mode.
            session.run("mypy", "--config-file", f"{client}/pyproject.toml", client)


ALL_GROUPS = ("spec", "generate", "clients", "test", "contract", "docs-tools", "lint", "bench", "publish")


@nox.session(python=PYTHON)
def lint(session: nox.Session) -> None:
    """ruff and mypy --strict over the hand-written code and the generated packages."""
    install_groups(session, *ALL_GROUPS)
    install_project(session)
    run_lint(session)


@nox.session(python=PYTHON)
def mock(session: nox.Session) -> None:
    """Run one mock server in the foreground: `nox -s mock -- olconnect --port 9340`."""
    # The project's own dependencies (starlette, uvicorn, ...) are all a mock needs; no tooling group.
    session.install("-e", ".")
    session.run("python", "-m", "mock_servers", *(session.posargs or ["olconnect"]))


@nox.session(python=PYTHON)
def contract(session: nox.Session) -> None:
    """The main job: the contract suite against the bundled mocks, or a live server (see README)."""
    # "spec": the suite's spec self-checks reuse spec_checks (openapi-spec-validator).
    install_groups(session, "contract", "clients", "spec")
    install_project(session)
    session.run("python", "-m", "contract_tests", *session.posargs)


@nox.session(name="vendor-client", python=PYTHON)
def vendor_client(session: nox.Session) -> None:
    """Objectif Lune's own Node.js client against the OL Connect mock (every profile and variant), or with
    ``-- live`` against the server the contract suite's OLCONNECT_* variables name."""
    session.install("-e", ".")
    session.run("python", "-m", "scripts.vendor_client", *(session.posargs or ["mock", "--all"]))


@nox.session(name="doc-drift", python=PYTHON)
def doc_drift(session: nox.Session) -> None:
    """Compare vendor doc pages with spec/: `nox -s doc-drift -- ../shared/vendor-docs`."""
    install_groups(session, "docs-tools", "spec")
    session.run("python", "-m", "scripts.doc_drift", *(session.posargs or [str(SHARED_DOCS), *DRIFT_SOURCES]))


@nox.session(name="doc-update", python=PYTHON)
def doc_update(session: nox.Session) -> None:
    """Drift -> spec patch on a new branch -> checks -> regenerate -> bumps: `nox -s doc-update -- DIR`."""
    install_groups(session, "docs-tools", "spec", "generate")
    node_tools(session)
    session.run("python", "-m", "scripts.doc_update", *(session.posargs or [str(SHARED_DOCS)]))


@nox.session(name="spec-diff", python=PYTHON)
def spec_diff(session: nox.Session) -> None:
    """Classify spec changes since a git ref: `nox -s spec-diff -- origin/main [--apply]`."""
    install_groups(session, "spec")
    session.run("python", "-m", "scripts.spec_diff", *session.posargs)


@nox.session(python=PYTHON)
def bench(session: nox.Session) -> None:
    """Benchmarks: writes BENCHMARKS.md and reports/bench.json."""
    install_groups(session, "bench", "clients", "contract", "spec", "test")
    install_project(session)
    node_tools(session)
    session.run("python", "-m", "benchmarks.run", *session.posargs)


@nox.session(python=CLIENT_PYTHONS)
def clients(session: nox.Session) -> None:
    """Both clients and their runtime on one Python they claim: `nox -s clients-3.12` (all three by default).

    Installs nothing of the project but the runtime and the two generated packages, so an import of the mocks
    or the spec tooling in these tests would fail here (by design). CI runs 3.12 and 3.13 this way
    (3.11 is covered by `nox -s tests`); .ci/run puts them on PATH.
    """
    install_groups(session, "client-tests")
    editable = [arg for folder in ("runtime", *CLIENT_DIRS) for arg in ("-e", folder)]
    session.install("--no-deps", *editable)
    session.run("pytest", "-p", "no:cacheprovider", "-q", *CLIENT_ONLY_TESTS, *session.posargs)


@nox.session(python=PYTHON)
def tests(session: nox.Session) -> None:
    """Everything CI checks: spec checks, generation drift, lint, doc drift and the pytest suites."""
    install_groups(session, *ALL_GROUPS)
    install_project(session)
    node_tools(session)
    session.run("python", "-m", "scripts.check_specs")
    session.run("python", "-m", "scripts.generate", "--check")
    session.run("python", "-m", "scripts.doc_drift", str(SHARED_DOCS), *DRIFT_SOURCES)
    run_lint(session)
    # pytest exits 5 when it collected nothing: that is a failure here, not a pass. loadgroup keeps the
    # tests of one xdist_group (tests/publishing: one index, one publish, one install) on one worker.
    workers = ["-n", os.environ.get("PYTEST_WORKERS", "2"), "--dist", "loadgroup"]
    session.run("pytest", *(session.posargs or workers))
