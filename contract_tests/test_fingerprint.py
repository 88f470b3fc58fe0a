"""The server fingerprint (see ``fingerprint.py``): which documented alternative the server follows.

These tests record which documented alternative the server follows, and fail when what it showed is none
of them (the semantic tests judge the same behaviour in more detail). Each observation also becomes a
JUnit test-suite property, so a CI system keeps the evidence next to the results.
"""

from __future__ import annotations

from collections.abc import Callable

import httpx
import pytest

from contract_tests import fingerprint
from contract_tests.run_state import RunState

Record = Callable[[str, object], None]


def _record(state: RunState, found: list[fingerprint.Observation], record: Record) -> None:
    """Keep every observation, then fail naming each one that is no documented alternative."""
    for observation in found:
        state.fingerprint.append(observation)
        record(f"fingerprint {observation.variant}", f"{observation.shown} | {observation.line()}")
    assert found, "the fingerprint observed nothing"
    problems = [problem for observation in found if (problem := fingerprint.undocumented(observation))]
    assert not problems, "the server shows behaviour no documented alternative admits:\n" + "\n".join(
        problems
    )


def _security_probe(run_state: RunState) -> httpx.Response | None:
    run_state.olconnect_security_on()
    return run_state.security_probe()


@pytest.mark.api("olconnect")
def test_olconnect_fingerprint(run_state: RunState, record_testsuite_property: Record) -> None:
    """Which documented OL Connect alternatives the server shows (read-only probes and one login)."""
    target = run_state.require_olconnect()
    version = run_state.olconnect_version()
    record_testsuite_property("olconnect server version", version.describe())
    found = fingerprint.olconnect(
        run_state.olconnect_client(),
        run_state.bare_client("olconnect"),
        target.username,
        target.password,
        version.reported,
        security=_security_probe(run_state),
    )
    _record(run_state, found, record_testsuite_property)


@pytest.mark.api("avepoint")
def test_avepoint_fingerprint(run_state: RunState, record_testsuite_property: Record) -> None:
    """Which documented AvePoint alternatives the server shows (reads and the one wrong-secret request)."""
    bad = run_state.bad_secret_response()
    found = fingerprint.avepoint(
        run_state.avepoint_client(), bad if isinstance(bad, httpx.Response) else None, big_page=100_000
    )
    _record(run_state, found, record_testsuite_property)
