"""Property-based conformance, one test per operation x check (the engine runs once per API).

A failure lists each distinct way the check failed, the phase that found it, and the curl line (or the
ordered curl lines of a stateful chain) that reproduces it.
"""

from __future__ import annotations

import pytest

import spec_model
from contract_tests import api_paths, conformance
from contract_tests.run_state import RunState


def _params() -> list[object]:
    params: list[object] = []
    for api in spec_model.API_NAMES:
        for label, operation_id in api_paths.labels(api).items():
            checks = [*conformance.CHECKS, *conformance.CUSTOM_CHECKS]
            for check in checks:
                if not conformance.applicable(api, operation_id, check):
                    continue
                params.append(
                    pytest.param(api, label, check, marks=pytest.mark.api(api), id=f"{operation_id}-{check}")
                )
    return params


@pytest.mark.parametrize(("api", "label", "check"), _params())
def test_operation_check(run_state: RunState, api: str, label: str, check: str) -> None:
    verdict = conformance.judge(run_state.conformance(api), label, check)
    if verdict is None:
        return
    outcome, message = verdict
    if outcome == "skip":
        pytest.skip(message)
    pytest.fail(message, pytrace=False)


@pytest.mark.parametrize(
    "api", [pytest.param(api, marks=pytest.mark.api(api)) for api in spec_model.API_NAMES]
)
def test_engine_ran_every_phase_cleanly(run_state: RunState, api: str) -> None:
    """Every phase ran (stateful needs the spec's links) and the engine hit no errors of its own."""
    result = run_state.conformance(api)
    if not result.ran:
        pytest.skip(f"{api}: every focused operation is left out of the engine run (see the summary)")
    errors = [tally for tally in result.rows() if tally.check == conformance.ENGINE_ERRORS]
    if errors:
        details = "\n\n".join(
            f"{tally.operation}:\n{record.render()}" for tally in errors for record in tally.failures
        )
        pytest.fail(f"{api}: the engine could not run some cases:\n\n{details}", pytrace=False)
    # A focused run may select operations without examples or links between them.
    required = conformance.REQUIRED_PHASES if not run_state.focus else ("coverage", "fuzzing")
    missing = [
        phase for phase in required if not result.phases.get(phase, "").startswith(("success", "failure"))
    ]
    assert not missing, f"{api}: phases that did not run: {missing} (statuses: {result.phases})"
