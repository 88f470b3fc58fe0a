"""The suite passes on every documented variant the bundled mocks play, and its fingerprint sees it.

One pytest item per mock profile (the whole suite, both APIs) and per single non-default variant value
(the suite focused on the operations that variant changes, so the matrix stays within CI time). Every run
uses the `smoke` budget: here a run has to pass on a documented reading, not hunt deviations
(test_deviations and test_promises do that with the quick budget). The variants come from
spec/variants.yaml (through spec_model); a variant without an entry in ``AFFECTS`` runs its API's whole
suite, so a new variant is covered before anyone lists it here.
"""

from __future__ import annotations

import re
from pathlib import Path
from xml.etree import ElementTree

import pytest

import spec_model

from .harness import SuiteRun, clean_env, expect_pass, run_suite

pytestmark = pytest.mark.slow
CATALOG = spec_model.variants()
VARIANTS = CATALOG.variants

# One operation per kind of ID answer: an identifier list, a name/value list, a single PUT, the multi-update.
_ID_OPERATIONS = ("getJobSegmentIds", "getJobMetadata", "updateJobMetadata", "updateMultipleJobProperties")
_AUTH = ("getAuthenticationHandshake", "login", "getJobMetadata")
# variant -> the operations whose behaviour it changes (the focus of its run)
AFFECTS: dict[str, tuple[str, ...]] = {
    "olc.invalid-credentials": _AUTH,
    "olc.error-body": (*_AUTH, "updateJobMetadata"),
    "olc.unknown-id": _ID_OPERATIONS,
    "olc.malformed-id": _ID_OPERATIONS,
    "olc.negative-id": _ID_OPERATIONS,
    "olc.token-expires-in": ("login",),
    "olc.server-version": (*_AUTH, "getJobSetStatistics"),
    "olc.update-answer": ("updateJobMetadata", "updateJobProperties", "updateJobSegmentMetadata"),
    "olc.multi-update": ("updateMultipleJobProperties", "getJobProperties"),
    "olc.job-sets-root": ("getJobSetIds", "getJobIds"),
    "olc.job-set-delete": ("deleteJobSet", "getJobSetIds"),
    "olc.data-set-delete": ("deleteDataSet", "getDataSetIds"),
    "olc.statistics-properties": ("getJobSetStatistics",),
    "olc.job-set-owned": ("deleteJobSet", "getJobSetIds"),
    "olc.empty-level-mode": ("getJobSetStatistics",),
    "ave.next-link": ("listJobs",),
    "ave.last-page-link": ("listJobs",),
    "ave.invalid-client": ("requestToken",),
    "ave.running-finish-time": ("listJobs",),
    "ave.status-alias": ("listJobs",),
    "ave.inverted-window": ("listJobs",),
    "olc.security": (*_AUTH, "updateJobMetadata", "getJobSegmentIds"),
    "olc.property-store": ("updateJobMetadata", "updateJobProperties", "updateJobSegmentMetadata"),
    "olc.multi-update-repeats": ("updateMultipleJobProperties", "getJobProperties"),
    "olc.entity-error-body": (*_ID_OPERATIONS, "getJobSetMetadata", "getJobSetStatistics"),
    "ave.time-window": ("listJobs",),
    "ave.error-body": ("listJobs",),
    "ave.app-type-mask": ("listJobs",),
    "ave.page-bounds": ("listJobs",),
    # the other job endpoints (issue 22)
    "ave.m365-total-name": ("listM365Jobs",),
    "ave.m365-detail-names": ("getM365Job",),
    "ave.m365-next-link": ("listM365Jobs", "listSalesforceJobs"),
    "ave.m365-unknown-job": ("getM365Job",),
    "ave.restore-listing": ("startM365Restore",),
    "ave.sf-status-name": ("listSalesforceJobs",),
    "ave.vm-next-link-name": ("listVmJobs",),
    "ave.d365-next-link": ("listDynamicsJobs",),
    "ave.aos-skip-unit": ("listScanJobs",),
    "ave.insights-unknown-job": ("getInsightsExportStatus",),
    "ave.insights-file-type": ("getInsightsExportFile",),
}
# Variants the fingerprint cannot probe (a delete, a statistics read) but a semantic test reports by name in
# the summary's informational lines: the run must show the value it was given.
OBSERVED_BY_SEMANTIC_TESTS = frozenset({"olc.job-set-owned", "olc.empty-level-mode"})
# A reading the pages document only for older releases is played with such a release: the same reading on
# a server reporting 2025.2 is a deviation (tests/contract/test_deviations.py catches it).
COMPANIONS: dict[tuple[str, str], dict[str, str]] = {
    ("olc.token-expires-in", "absent"): {"olc.server-version": "2021.1"},
}


# The issue-22 variants each have one alternative and touch separate endpoints or members, so one run plays
# every alternative at once (test_suite_passes_on_the_job_endpoint_variants) instead of one run each: eleven
# focused runs would add minutes of CI time for no extra coverage.
TOGETHER = (
    "ave.m365-total-name",
    "ave.m365-detail-names",
    "ave.m365-next-link",
    "ave.m365-unknown-job",
    "ave.restore-listing",
    "ave.sf-status-name",
    "ave.vm-next-link-name",
    "ave.d365-next-link",
    "ave.aos-skip-unit",
    "ave.insights-unknown-job",
    "ave.insights-file-type",
)


def _single_variants() -> list[object]:
    return [
        pytest.param(name, value, id=f"{name}={value}")
        for name, variant in VARIANTS.items()
        if name not in TOGETHER
        for value in variant.values[1:]
    ]


def fingerprint(run: SuiteRun) -> dict[str, str]:
    """``{variant name: value the fingerprint saw}`` from the JUnit test-suite properties."""
    if not run.junit:
        return {}
    seen = {}
    for prop in ElementTree.fromstring(run.junit).iter("property"):
        name = prop.get("name", "")
        if name.startswith("fingerprint "):
            seen[name.removeprefix("fingerprint ")] = prop.get("value", "").split(" | ", 1)[0]
    return seen


def informational(run: SuiteRun) -> dict[str, str]:
    """``{variant name: value}`` from the summary's informational rows that name a variant (what the
    semantic tests saw where the pages leave the behaviour open, in the variant's own words)."""
    rows = re.findall(r"^\| \w+ \| [A-Z]+-\d+ \| `([a-z]+\.[a-z0-9-]+)` \| ([^|]+?) \|", run.summary, re.M)
    return dict(rows)


@pytest.mark.parametrize("profile", CATALOG.profile_names)
def test_suite_passes_on_every_profile(profile: str, tmp_path: Path) -> None:
    run = run_suite(["--profile", "smoke", "--mock-profile", profile], clean_env({}), tmp_path)
    expect_pass(run, f"the quick suite against the mocks in profile {profile}")
    seen = fingerprint(run)
    for name, value in CATALOG.profile(profile).items():
        if name in seen:
            assert seen[name] == value, f"{profile}: the fingerprint saw {name}={seen[name]}, not {value}"
    assert "## Server behaviour" in run.summary


@pytest.mark.parametrize(("name", "value"), _single_variants())
def test_suite_passes_on_every_single_variant(name: str, value: str, tmp_path: Path) -> None:
    variant = VARIANTS[name]
    chosen = {name: value, **COMPANIONS.get((name, value), {})}
    args = ["--profile", "smoke", "--api", variant.api]
    for assignment in chosen.items():
        args += ["--mock-variant", "=".join(assignment)]
    for operation_id in AFFECTS.get(name, ()):
        args += ["--operation", operation_id]
    run = run_suite(args, clean_env({}), tmp_path)
    expect_pass(run, f"the quick suite against the {variant.api} mock with {name}={value}")
    seen = fingerprint(run)
    if name in seen:
        assert seen[name] == value, f"the fingerprint saw {name}={seen[name]}, not {value}"
    noted = informational(run)
    if name in OBSERVED_BY_SEMANTIC_TESTS:
        assert noted.get(name) == value, f"the informational lines show {name}={noted.get(name)}, not {value}"


def test_suite_passes_on_the_job_endpoint_variants(tmp_path: Path) -> None:
    """Every alternative of the issue-22 variants at once, focused on the operations they change."""
    assert all(len(VARIANTS[name].values) == 2 for name in TOGETHER), "a third value needs a run of its own"
    args = ["--profile", "smoke", "--api", "avepoint"]
    for name in TOGETHER:
        args += ["--mock-variant", f"{name}={VARIANTS[name].values[1]}"]
    for operation_id in sorted({op for name in TOGETHER for op in AFFECTS[name]}):
        args += ["--operation", operation_id]
    run = run_suite(args, clean_env({}), tmp_path)
    expect_pass(run, "the quick suite against the AvePoint mock with every job-endpoint alternative")
