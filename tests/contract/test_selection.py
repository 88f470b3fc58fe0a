"""A selection that selects nothing, or the wrong thing, fails before anything starts (exit 2)."""

from __future__ import annotations

from pathlib import Path

import pytest

import spec_model
from contract_tests.__main__ import pytest_arguments
from contract_tests.selection import SelectionError, select_apis

from .harness import clean_env, run_suite


def test_operation_alone_selects_the_api_that_owns_it() -> None:
    assert select_apis(None, ["getJobMetadata"], {}) == ("olconnect",)
    assert select_apis(None, ["listJobs"], {}) == ("avepoint",)
    assert select_apis(None, ["listJobs", "login"], {}) == spec_model.API_NAMES
    assert select_apis(None, None, {}) == spec_model.API_NAMES
    args = pytest_arguments(["--operation", "listJobs"], env={})
    assert [a for a in args if a.startswith("--contract-api=")] == ["--contract-api=avepoint"]


@pytest.mark.parametrize(
    ("requested", "operations", "env", "message"),
    [
        (None, ["getJobMetdata"], {}, "unknown operation 'getJobMetdata'"),
        (["avepoint"], ["getJobMetadata"], {}, "'getJobMetadata' is not part of --api avepoint"),
        (None, ["getJobMetadata"], {"AVEPOINT_BASE_URL": "https://g"}, "nothing to run"),
    ],
)
def test_selections_of_nothing_are_errors(
    requested: list[str] | None, operations: list[str], env: dict[str, str], message: str
) -> None:
    with pytest.raises(SelectionError, match=message) as caught:
        select_apis(requested, operations, env)
    if "nothing" not in message:
        assert "listJobs" in str(caught.value)
        assert "getJobMetadata" in str(caught.value)


@pytest.mark.parametrize(
    ("args", "names"),
    [
        (["--operation", "getJobMetdata"], "valid operationIds are olconnect: getAuthenticationHandshake"),
        (["--api", "olconect"], "choose from 'olconnect', 'avepoint'"),
    ],
)
def test_command_line_typos_exit_2_naming_the_valid_values(
    args: list[str], names: str, tmp_path: Path
) -> None:
    run = run_suite(args, clean_env({}), tmp_path, timeout=60)
    assert run.returncode == 2, run.output[-2000:]
    assert names in run.output
    assert "Traceback" not in run.output
    assert not run.junit, "a selection error must stop the run before any test"


@pytest.mark.slow
def test_an_avepoint_operation_starts_and_runs_avepoint_only(tmp_path: Path) -> None:
    run = run_suite(["--operation", "listJobs"], clean_env({}), tmp_path)
    assert run.returncode == 0, run.output[-3000:]
    assert "avepoint (bundled mock at" in run.summary
    assert "olconnect" not in run.summary.split("Targets:", 1)[1].split("\n", 1)[0]
    assert "olconnect" not in run.junit.lower().replace("contract_tests.test_olconnect", "")
    assert "test_olconnect_semantics" not in run.junit
