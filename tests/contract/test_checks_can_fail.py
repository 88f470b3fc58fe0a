"""Every check of the suite can fail: an applicable Schemathesis check that never ran, and a fingerprint
that saw no documented alternative, are failures (issue 21), shown here without any server."""

from __future__ import annotations

import pytest

from contract_tests import api_paths, conformance, fingerprint
from contract_tests.report import _verdict


def _result_without(check: str) -> tuple[conformance.ConformanceResult, str]:
    """An engine result in which every check ran on getJobMetadata except ``check`` (never scheduled)."""
    labels = api_paths.labels("olconnect")
    label = api_paths.label_of("olconnect", "getJobMetadata")
    result = conformance.ConformanceResult("olconnect", 1, labels)
    for name in (*conformance.CHECKS, *conformance.CUSTOM_CHECKS):
        if name != check:
            result.tally(label, name).passed += 3
    return result, label


def test_an_applicable_check_that_ran_on_no_case_fails() -> None:
    check = "response_schema_conformance"
    assert conformance.applicable("olconnect", "getJobMetadata", check)
    result, label = _result_without(check)
    verdict = conformance.judge(result, label, check)
    assert verdict is not None
    assert verdict[0] == "fail"
    assert "applies but ran on no case" in verdict[1]
    result.tally(label, check)  # scheduled, but still zero cases
    assert conformance.judge(result, label, check) == verdict
    result.tally(label, check).passed = 1
    assert conformance.judge(result, label, check) is None  # one case: it passes
    result.not_applicable[label, check] = "security is off"
    assert conformance.judge(result, label, check) == (
        "skip",
        f"{check} does not apply to this server: security is off",
    )


def test_the_summary_shows_a_zero_case_applicable_check_as_a_failure() -> None:
    tally = conformance.CheckTally(operation="GET /x", check="not_a_server_error")
    assert _verdict(tally).startswith("**FAIL**")


def _observation(variant: str, shown: str) -> fingerprint.Observation:
    return fingerprint.Observation("olconnect", "OLC-04", variant, shown, "GET /x", "200")


@pytest.mark.parametrize(
    ("variant", "shown", "documented"),
    [
        ("olc.unknown-id", "404", True),
        ("olc.unknown-id", "empty-200", True),
        ("olc.unknown-id", "500", False),
        ("olc.invalid-credentials", "200", False),
        ("olc.negative-id", "neither (500)", False),
        ("olc.negative-id", "malformed or unknown (same answer)", True),
        ("ave.next-link", "relative", True),
        ("ave.inverted-window", "jobs", False),
        ("ave.status-alias", "unclear (500)", False),
        ("ave.last-page-link", "not seen (more pages)", True),
        ("olc.server-version", "2024.1", True),
        ("olc.server-version", "unknown", False),
    ],
)
def test_a_fingerprint_outside_the_documented_values_is_named(
    variant: str, shown: str, documented: bool
) -> None:
    problem = fingerprint.undocumented(_observation(variant, shown))
    assert (problem is None) is documented, problem
    if problem is not None:
        assert variant in problem


def test_the_summary_fails_a_silent_check_but_not_an_operation_left_out() -> None:
    from contract_tests.report import _conformance_section  # noqa: PLC0415 - private helper under test

    check = "response_schema_conformance"
    result, label = _result_without(check)
    rows = "\n".join(_conformance_section(result))
    assert f"{label} | {check} | 0 | 0 | 0 | - | **FAIL** (applies, no case ran) |" in rows
    left_out = api_paths.label_of("olconnect", "login")
    assert f"{left_out} | (all) | - | - | - | - | not in this run |" in rows
