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
    result = run_state.conformance(api)
    if label in result.excluded:
        pytest.skip(f"{label} excluded: {result.excluded[label]}")
    if label not in result.operations or all(key[0] != label for key in result.tallies):
        pytest.skip(f"{label} was left out of this run (see the summary)")
    tally = result.tallies.get((label, check))
    # `_params` only schedules checks that apply: one that ran on no case is a check that silently stopped
    # working (an engine upgrade that no longer schedules it, a hook that filters every case), never a pass.
    if tally is None or tally.cases == 0:
        pytest.fail(
            f"{api_paths.labels(api)[label]} ({label}): `{check}` applies but ran on no case"
            f" (seed {result.seed}); the engine no longer exercises it",
            pytrace=False,
        )
    if not tally.ok:
        details = "\n\n".join(record.render() for record in tally.failures)
        pytest.fail(
            f"{api_paths.labels(api)[label]} ({label}) breaks `{check}` in {tally.failed + tally.errored} of"
            f" {tally.cases} cases (seed {result.seed}):\n\n{details}",
            pytrace=False,
        )


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
