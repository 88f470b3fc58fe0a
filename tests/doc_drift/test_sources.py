"""Doc drift over the pages pinned in a git bundle (spec/doc-drift-sources.yaml, doc_drift/sources.py).

The OL Connect Job Set, Document Set and Document pages are files of the vendor client's repository, kept as
a bundle in ../shared/vendor-sources. These tests pass the pinned pages, then make one change at a time in a
new commit of a scratch copy of the bundle and check that doc drift reports it.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
import yaml

from scripts.doc_drift import DriftSetupError, analyse, run
from scripts.doc_drift.model import Finding

from .conftest import ROOT

SPEC_DIR = ROOT / "spec"
SOURCES = SPEC_DIR / "doc-drift-sources.yaml"
PINNED = yaml.safe_load(SOURCES.read_text(encoding="utf-8"))["bundles"][0]
BUNDLE: Path = ROOT.parent / "shared" / str(PINNED["bundle"])
SOURCE = f"bundle:{PINNED['name']}"
# The 17 methods of the four pages, as the pages write them.
BUNDLE_OPERATIONS = {
    "GET /rest/serverengine/entity/jobsets",
    "GET /rest/serverengine/entity/jobsets/{jobSetId}",
    "POST /rest/serverengine/entity/jobsets/{jobSetId}/delete",
    "GET /rest/serverengine/entity/jobsets/{jobSetId}/metadata",
    "PUT /rest/serverengine/entity/jobsets/{jobSetId}/metadata",
    "GET /rest/serverengine/entity/jobsets/{jobSetId}/properties",
    "PUT /rest/serverengine/entity/jobsets/{jobSetId}/properties",
    "GET /rest/serverengine/entity/documentsets/{documentSetId}",
    "GET /rest/serverengine/entity/documentsets/{documentSetId}/metadata",
    "PUT /rest/serverengine/entity/documentsets/{documentSetId}/metadata",
    "GET /rest/serverengine/entity/documents/{documentId}/metadata",
    "PUT /rest/serverengine/entity/documents/{documentId}/metadata",
    "GET /rest/serverengine/entity/datasets",
    "GET /rest/serverengine/entity/datasets/{dataSetId}",
    "POST /rest/serverengine/entity/datasets/{dataSetId}/delete",
    "GET /rest/serverengine/entity/datasets/{dataSetId}/properties",
    "PUT /rest/serverengine/entity/datasets/{dataSetId}/properties",
    "POST /rest/serverengine/workflow/jobcreation/{configId}",
    "POST /rest/serverengine/workflow/jobcreation/getResult/{operationId}",
    "POST /rest/serverengine/workflow/outputcreation/{configId}",
    "POST /rest/serverengine/workflow/outputcreation/{configId}/jobs",
    "POST /rest/serverengine/workflow/print/submit",
}
JOB_SET_PAGE = "job-set-entity-service.README.md"
DOCUMENT_SET_PAGE = "document-set-entity-service-README.md"
DOCUMENT_PAGE = "document-entity-service-README.md"
DATA_SET_PAGE = "data-set-entity-service-README.md"


@pytest.fixture
def shared_bundle() -> Path:
    if not BUNDLE.is_file():
        pytest.skip(f"vendor bundle not found at {BUNDLE}")
    return BUNDLE


def _git(repo: Path, *args: str) -> str:
    done = subprocess.run(
        ["git", "-c", "user.name=tests", "-c", "user.email=tests@example.invalid", *args],
        cwd=repo,
        capture_output=True,
        check=True,
    )
    return done.stdout.decode("utf-8").strip()


def _changed_bundle(tmp_path: Path, bundle: Path, page: str, find: str, replace: str) -> Path:
    """A sources file pinning a new commit of a scratch bundle in which ``find`` became ``replace`` once."""
    repo = tmp_path / "clone"
    subprocess.run(["git", "clone", "--quiet", str(bundle), str(repo)], check=True, capture_output=True)
    _git(repo, "checkout", "--quiet", PINNED["commit"])
    path = repo / page
    data = path.read_bytes()
    old, new = (text.replace("\n", "\r\n").encode() for text in (find, replace))  # the pages use CRLF
    assert data.count(old) >= 1, f"{find!r} not on {page}"
    path.write_bytes(data.replace(old, new, 1))
    _git(repo, "commit", "--quiet", "-am", "one change")
    commit = _git(repo, "rev-parse", "HEAD")
    changed = tmp_path / "changed.bundle"
    _git(repo, "bundle", "create", str(changed), "HEAD")
    return _sources(tmp_path, changed, commit)


def _sources(tmp_path: Path, bundle: Path, commit: str, pages: list[str] | None = None) -> Path:
    entry = {**PINNED, "bundle": str(bundle), "commit": commit, "pages": pages or PINNED["pages"]}
    path = tmp_path / "sources.yaml"
    path.write_text(yaml.safe_dump({"bundles": [entry]}), encoding="utf-8")
    return path


def _failing(findings: list[Finding]) -> set[tuple[str, str, str]]:
    return {(f.operation, f.kind, f.subject) for f in findings if f.fails}


def test_pinned_pages_pass_and_back_every_new_operation(shared_bundle: Path, shared_docs: Path) -> None:
    outcome = analyse(shared_docs, SPEC_DIR, sources=SOURCES)
    assert outcome.ok, [(f.operation, f.kind, f.subject) for f in outcome.failing]
    labels = {page.page for page in outcome.pages}
    assert {f"{SOURCE}/{page}" for page in PINNED["pages"]} <= labels
    bundle_ops = {op.key for page in outcome.pages if page.page.startswith(SOURCE) for op in page.operations}
    assert bundle_ops == BUNDLE_OPERATIONS
    assert set(outcome.targets) >= BUNDLE_OPERATIONS  # each one backs an operation of the spec


def test_cli_reads_the_sources(
    shared_bundle: Path, shared_docs: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run([str(shared_docs), "--sources", str(SOURCES)]) == 0
    # 4 saved pages, 7 OL Connect client pages, 10 AvePoint job pages of the vendor repository
    assert capsys.readouterr().out.startswith("Doc drift: 21 page(s)")


def test_a_run_without_the_bundle_leaves_its_record_and_allowlist_alone(
    shared_bundle: Path, shared_docs: Path, tmp_path: Path
) -> None:
    """Reading only DOCS_DIR neither reports the bundle's operations as removed nor drops them on --record."""
    outcome = analyse(shared_docs, SPEC_DIR)
    assert outcome.ok
    assert not [f for f in outcome.findings if f.kind == "operation-removed"]
    spec_dir = tmp_path / "spec"
    subprocess.run(["cp", "-r", str(SPEC_DIR), str(spec_dir)], check=True)
    assert run([str(shared_docs), "--spec-dir", str(spec_dir), "--record"]) == 0
    assert (spec_dir / "doc-drift-pages.yaml").read_text() == (SPEC_DIR / "doc-drift-pages.yaml").read_text()


@pytest.mark.parametrize(
    "change",
    [
        pytest.param(
            (
                JOB_SET_PAGE,
                "/rest/serverengine/entity/jobsets/{jobSetId}/delete",
                "/rest/serverengine/entity/jobsets/{jobSetId}/remove",
                ("POST /rest/serverengine/entity/jobsets/{jobSetId}/remove", "operation-path-changed"),
            ),
            id="delete-path-moved",
        ),
        pytest.param(
            (
                JOB_SET_PAGE,
                "| 200 OK | JSON Identifier List of all the Job Sets in Server | application/json |",
                "| 200 OK | JSON Identifier List of all the Job Sets in Server | application/xml |",
                ("GET /rest/serverengine/entity/jobsets", "response-content-type"),
            ),
            id="list-content-type",
        ),
        pytest.param(
            (
                DOCUMENT_SET_PAGE,
                "**documentSetId** - The ID of the Document Set entity in Server. number\n",
                "**documentSetId** - The ID of the Document Set entity in Server. number\n\n"
                "#### Query parameters\n\n**limit** - How many documents to return. number\n",
                ("GET /rest/serverengine/entity/documentsets/{documentSetId}", "parameter-missing"),
            ),
            id="new-query-parameter",
        ),
        pytest.param(
            (
                DOCUMENT_PAGE,
                "| 200 OK | Result of request to update Document | text/plain |",
                "| 202 Accepted | Result of request to update Document | text/plain |",
                ("PUT /rest/serverengine/entity/documents/{documentId}/metadata", "status-missing"),
            ),
            id="update-status",
        ),
        pytest.param(
            (
                DATA_SET_PAGE,
                "/rest/serverengine/entity/datasets/{dataSetId}/delete",
                "/rest/serverengine/entity/datasets/{dataSetId}/remove",
                ("POST /rest/serverengine/entity/datasets/{dataSetId}/remove", "operation-path-changed"),
            ),
            id="data-set-delete-path",
        ),
    ],
)
def test_a_change_on_a_pinned_page_is_caught(
    shared_bundle: Path, shared_docs: Path, tmp_path: Path, change: tuple[str, str, str, tuple[str, str]]
) -> None:
    page, find, replace, expected = change
    sources = _changed_bundle(tmp_path, shared_bundle, page, find, replace)
    outcome = analyse(shared_docs, SPEC_DIR, sources=sources)
    assert not outcome.ok
    failing = _failing(outcome.findings)
    assert expected in {(operation, kind) for operation, kind, _ in failing}, failing


def test_a_dropped_page_is_a_broken_page(shared_bundle: Path, shared_docs: Path, tmp_path: Path) -> None:
    sources = _sources(tmp_path, shared_bundle, PINNED["commit"], [*PINNED["pages"], "no-such-README.md"])
    outcome = analyse(shared_docs, SPEC_DIR, sources=sources)
    assert [page.page for page in outcome.broken_pages] == [f"{SOURCE}/no-such-README.md"]
    assert not outcome.ok


def test_an_unknown_pin_or_bundle_stops_the_run(
    shared_bundle: Path, shared_docs: Path, tmp_path: Path
) -> None:
    with pytest.raises(DriftSetupError, match="has no commit"):
        analyse(shared_docs, SPEC_DIR, sources=_sources(tmp_path, shared_bundle, "0" * 40))
    with pytest.raises(DriftSetupError, match="does not exist"):
        analyse(shared_docs, SPEC_DIR, sources=_sources(tmp_path, tmp_path / "none.bundle", "0" * 40))
    bad = tmp_path / "bad.yaml"
    bad.write_text("bundles: [{name: x, bundle: y, commit: abc, pages: [p]}]", encoding="utf-8")
    with pytest.raises(DriftSetupError, match="40-character"):
        analyse(shared_docs, SPEC_DIR, sources=bad)
    assert run([str(shared_docs), "--sources", str(bad)]) == 2
