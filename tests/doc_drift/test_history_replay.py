"""Replay the history of the tracked AvePoint job pages from the vendor repository's bundle.

Every commit on `main` that changed one of the pages is compared fact by fact with the page before it
(scripts/doc_drift/since.py). The expectations are the research notes' history of semantic changes
(../shared/research/avepoint-jobs.md §9): each listed commit must be reported naming the fact it changed;
every other commit must report nothing. The comparison is between page revisions, so it does not depend on
what the spec holds. One mirror clone per session keeps the whole replay to a few seconds.

Where the reader stops: the 2024 pages before each page's first readable revision (FIRST_READ) used older
layouts (`## API Method`, `### [GET]/path`, TypeScript-like blocks). Of those revisions only the outline is
compared (the operations their headings and method tables name, the scopes of their permission tables), so
a changed path or scope there is named, and any other commit is reported as "page still unreadable: this
change was not compared", never as passing.
"""

from __future__ import annotations

import subprocess
from collections.abc import Iterator

import pytest

from scripts.doc_drift.facts import page_facts
from scripts.doc_drift.pages import read_text
from scripts.doc_drift.repository import Repository
from scripts.doc_drift.since import PageHistory, render, replay
from scripts.doc_drift.sources import BundleSource, load_sources, override

from .conftest import ROOT

SHARED = ROOT.parent / "shared"
SOURCE_NAME = "avepoint-cloud-api"
SF = "docs/docs/services-and-features/"

# page (under SF) -> the first commit on `main` whose revision the reader reads.
FIRST_READ = {
    "google/google.md": "a3dde31",
    "m365/jobs/list-jobs.md": "0931903",
    "m365/jobs/retrieve-job-details.md": "62ca5f4",
    "m365/jobs/perform-restore-job.md": "62ca5f4",
    "salesforcebackup/jobs.md": "ddaa50e",
    "iaas-paas/iaas-paas.md": "bdce353",
    "d365/d365.md": "f31fde8",
    "aos/jobs.md": "4dbf7a1",
    "insights/exportJobs/exportJobStatus.md": "a3dde31",
    "insights/exportJobs/exportJobFile.md": "a3dde31",
}

# §9, per page: commit -> a piece of a reported fact line that names what the commit changed.
SEMANTIC = {
    "google/google.md": {
        "a3dde31": "+ parameter query:appType enum 4096 = chat",
        "c46b484": "+ parameter query:appType enum 8192 = gmail (vault)",
    },
    "m365/jobs/list-jobs.md": {
        "aa12b8f": "+ operation GET /api/PublicApi/cloudbackup/jobs = documented (outline)",
        "ca548aa": "+ operation GET /cloudbackup/jobs = documented (outline)",
        "60a2969": "+ scope microsoft365backup.jobInfo.read.all = required (outline)",
        "0931903": "+ parameter query:PageIndex required = yes",
        "18e2b23": "~ operation: GET /cloudbackup/jobs -> GET /cloudbackup/getjobs",
        "a403f1e": "~ response-field jobs[].duration type: double -> string",
        "e8e5185": "~ sample-host: graph-us.avepointonlineservices.com -> graph.avepointonlineservices.com",
        "c524274": "-> GET /backup/m365/cloudbackup/getjobs",
        "a3dde31": "+ response-field jobs[].jobErrors[].isErrorCode type = boolean",
        "564cc1a": "+ parameter query:location enum",
        "dfddd12": "~ operation: GET /backup/m365/jobs -> GET /backup/m365/cloudbackupjobs",
        "bc69d58": "- parameter query:location enum",
        "62ca5f4": "~ response-field errors type: apierror -> array of apierror",
    },
    "m365/jobs/retrieve-job-details.md": {
        "62ca5f4": "+ operation = GET /backup/m365/cloudbackupjobs/{jobId}"
    },
    "m365/jobs/perform-restore-job.md": {
        "62ca5f4": "+ scope microsoft365backup.restore.readwrite.all = required",
    },
    "salesforcebackup/jobs.md": {"ddaa50e": "+ operation = GET /backup/sfbapi/jobs"},
    "iaas-paas/iaas-paas.md": {
        "b5d83f1": "+ operation POST /api/public/jobreport = documented (outline)",
        "60a2969": "+ operation GET /backup/vm/jobs = documented (outline)",
        "bdce353": "+ operation = GET /backup/vm/jobs",
        "32fc39f": "+ response-field nextlink type = string",
        "18e2b23": "+ response-field jobs[].status type = enum",
        "02d5631": "- parameter query:serviceType enum 8 =",
        "c524274": "+ parameter query:jobType enum 33 = azure virtual machine index generation job",
        "e8e5185": "~ sample-host: graph-us.avepointonlineservices.com -> graph.avepointonlineservices.com",
        "a3dde31": "~ sample-host: graph.avepointonlineservices.com -> graph-us.avepointonlineservices.com",
        "564cc1a": "+ response-field jobs[].jobType type = enum",
        "4dbf7a1": "+ parameter query:jobType enum 30003 =",
        "c46b484": "+ parameter query:jobType enum 20022 =",
        "bc69d58": "+ parameter query:serviceType enum 8192 =",
        "62ca5f4": "+ parameter query:serviceType enum 24000 =",
    },
    "d365/d365.md": {
        "aa12b8f": "+ operation POST /api/OpenApi/GetJobs = documented (outline)",
        "60a2969": "+ operation GET /dynamicsbackup/jobs = documented (outline)",
        "f31fde8": "+ parameter query:type enum 32 =",
        "0931903": "+ parameter query:type enum 16 = auditbackup",
        "f787c01": "+ response-field NextLink type = string",
        "18e2b23": "~ parameter query:organizationId required: yes -> no",
        "a403f1e": "~ parameter query:startTime type: long -> string",
        "b75eca5": "~ response-field jobs[].status type: string -> enum",
        "e8e5185": "~ sample-host: graph-us.avepointonlineservices.com -> graph.avepointonlineservices.com",
        "b2150e7": "~ parameter query:pageIndex required: yes -> no",
        "a3dde31": "~ response-field jobs type: array -> list",
    },
    "aos/jobs.md": {"4dbf7a1": "+ response-field jobs[].state enum 1 = running"},
    "insights/exportJobs/exportJobStatus.md": {"a3dde31": "+ response-field jobStatus enum 3 = failed"},
    "insights/exportJobs/exportJobFile.md": {"a3dde31": "+ operation = GET /insights/job/{jobId}/exportfile"},
}

# Commits §9 does not list that do change a documented fact (each checked by hand against the page).
ALSO_SEMANTIC = {
    # The two Azure SQL jobType labels renamed the day after §9's 02d5631 relabelling.
    ("iaas-paas/iaas-paas.md", "488aa07"): "~ parameter query:jobType enum 20016: azure sql backup real job",
    # The response table lost its Required column: the page stopped saying which fields are always there.
    ("d365/d365.md", "bdce353"): "- response-field jobId required = yes",
}

# Commits §9 lists whose change is not a documented fact, so passing them is right (and checked).
NOT_A_FACT = {
    # The endpoint was written `backup/vm/jobs` and became `/backup/vm/jobs`: the same path.
    ("iaas-paas/iaas-paas.md", "614f690"),
    # Only a `//` comment inside the response sample changed (what status 2 means in the example's prose);
    # the status enum in the table, the fact, stayed the same.
    ("iaas-paas/iaas-paas.md", "b1bb4b9"),
}


@pytest.fixture(scope="module")
def vendor_repo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Repository, BundleSource]]:
    """One mirror clone of the bundle and the tracked source read from it."""
    sources = load_sources(ROOT / "spec" / "doc-drift-sources.yaml", SHARED)
    source = next((s for s in sources if s.name == SOURCE_NAME), None)
    assert source is not None, f"spec/doc-drift-sources.yaml lost the {SOURCE_NAME} source"
    if not source.bundle.is_file():
        pytest.skip(f"vendor bundle not found at {source.bundle}")
    clone = tmp_path_factory.mktemp("avepoint") / "repo.git"
    subprocess.run(["git", "clone", "--quiet", "--mirror", str(source.bundle), str(clone)], check=True)
    source = override([source], {}, {SOURCE_NAME: clone})[0]
    with Repository(clone) as repo:
        yield repo, source


@pytest.fixture(scope="module")
def histories(vendor_repo: tuple[Repository, BundleSource]) -> dict[str, PageHistory]:
    repo, source = vendor_repo
    return {h.page.removeprefix(SF): h for h in replay(repo, source, None)}


def test_every_tracked_page_has_expectations(histories: dict[str, PageHistory]) -> None:
    assert set(histories) == set(FIRST_READ) == set(SEMANTIC)


@pytest.mark.parametrize("page", sorted(FIRST_READ))
def test_replay_names_each_semantic_change_and_passes_the_rest(
    histories: dict[str, PageHistory], page: str
) -> None:
    history = histories[page]
    commits = [c.revision.commit[:7] for c in history.commits]
    assert FIRST_READ[page] in commits, f"{page}: {FIRST_READ[page]} is not in its history {commits}"
    expected = {**SEMANTIC[page], **{c: line for (p, c), line in ALSO_SEMANTIC.items() if p == page}}
    assert set(expected) <= set(commits), f"{page}: expected commits missing from the history"
    reading = False
    for change in history.commits:
        commit = change.revision.commit[:7]
        reading = reading or commit == FIRST_READ[page]
        if commit in expected:
            assert any(expected[commit] in line for line in change.lines), (
                f"{page} {commit}: expected a line with {expected[commit]!r}, got {change.lines[:8]}"
            )
        elif not reading:  # an older layout: reported (outline facts or "not compared"), never passed
            assert change.lines, f"{page} {commit}: an unread revision passed silently"
            assert all("page" in line or "(outline)" in line for line in change.lines), change.lines
        else:
            assert not change.lines, f"{page} {commit} changed no documented fact but reported {change.lines}"
    for p, commit in NOT_A_FACT:
        if p == page:
            assert commit in commits, f"{page}: {commit} is not in its history"


def test_since_reports_only_the_commits_after_the_revision(
    vendor_repo: tuple[Repository, BundleSource],
) -> None:
    repo, source = vendor_repo
    histories = replay(repo, source, "bc69d58")
    commits = {c.revision.commit[:7] for h in histories for c in h.commits}
    assert commits == {"62ca5f4"}  # the June 2026 release; S (2025-12) and D (2025-04) came earlier
    text = render(histories, source, "bc69d58")
    assert "~ response-field errors type: apierror -> array of apierror" in text
    assert "Summary: 4 of 4 page revision(s) changed a documented fact" in text


# The eight job pages of the Elements and Opus groups (not tracked: their operations are out of the spec's
# scope for now) are read as completely as the ten tracked ones: 18 of 18 job pages at HEAD.
UNTRACKED_JOB_PAGES = {
    SF + "elements/jobs/all-backup-jobs.md": "GET /partner/customers/{id}/jobs",
    SF + "elements/jobs/specific-backup-jobs.md": (
        "GET /partner/customers/{id}/jobs/jobType/{JobType}/jobModule/{JobModule}"
    ),
    "docs/elements/general/job/get-customer-jobs.md": (
        "POST /partner/external/v3/general/customers/{customerId}/avpt-products/jobs/batch"
    ),
    "docs/elements/baseline-management/query-job.md": (
        "POST /partner/external/v3/bm/customers/{customerId}/tenants/{tenantId}/process-center/jobs/batch"
    ),
    "docs/elements/baseline-management/query-create-baseline-job-report-detail.md": (
        "GET /partner/external/v3/bm/baselines/{baselineId}/reports"
    ),
    SF + "opus/restorearchiveddata/restore-site-collection.md": "POST /api/restore/RestoreSiteCollection",
    SF + "opus/restorearchiveddata/restore-team-or-group.md": "POST /api/restore/RestoreTeamsGroup",
    SF + "opus/restorearchiveddata/get-restore-job-status-and-progress.md": (
        "GET /api/restore/GetRestoreJobStatus"
    ),
}


def test_every_job_page_at_head_is_read(vendor_repo: tuple[Repository, BundleSource]) -> None:
    repo, source = vendor_repo
    expected = {page: ops[0] for page, ops in source.operations.items()} | UNTRACKED_JOB_PAGES
    assert len(expected) == 18
    for page, key in expected.items():
        text = repo.show(source.commit, page)
        assert text is not None, page
        result = read_text(page, text)
        assert result.error is None, f"{page}: {result.error}"
        assert [op.key for op in result.operations] == [key]
        facts = page_facts(result)
        assert any(k.startswith("scope ") for k in facts), f"{page}: no scope read"
