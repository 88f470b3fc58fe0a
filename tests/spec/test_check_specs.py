"""`python -m scripts.check_specs` end to end: the real specs pass, and each kind of damage is caught and
located.

Every test runs the script as a separate process, as CI and `nox -s spec` do, and reads its output: a problem
must be reported as `FILE: JSON_POINTER: RULE: message`, an unreadable file as one line with exit code 2, and
never as a traceback. Damaged specs are copies in tmp_path with one thing broken each. Spectral takes seconds
per run, so only two tests lint; the rest pass --skip-lint.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
COMMAND = (sys.executable, "-m", "scripts.check_specs")
AVEPOINT = ROOT / "spec" / "avepoint.yaml"
OLCONNECT = ROOT / "spec" / "olconnect.yaml"
JOBS = "/paths/~1backup~1google~1admin~1jobs/get"

Mutation = Callable[[dict[str, Any]], None]


class _PlainLoader(yaml.SafeLoader):
    """Keeps timestamps as strings, so a copied spec round-trips without changing its examples."""


_PlainLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def run_check(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*COMMAND, *map(str, args)],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
        cwd=ROOT,
    )


def damaged_copy(tmp_path: Path, source: Path, mutate: Mutation) -> Path:
    """A copy of `source` under the same file name (the inventory is keyed by it) with `mutate` applied."""
    document = yaml.load(source.read_text(encoding="utf-8"), Loader=_PlainLoader)
    mutate(document)
    target = tmp_path / source.name
    target.write_text(yaml.safe_dump(document, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return target


def problem_lines(result: subprocess.CompletedProcess[str], file: Path) -> list[str]:
    return [line for line in result.stdout.splitlines() if line.startswith(f"{file}: ")]


def assert_reported(
    result: subprocess.CompletedProcess[str], file: Path, pointer: str, rule: str
) -> list[str]:
    """Exit code 1 and at least one line naming exactly this file, pointer and rule; returns those lines."""
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    prefix = f"{file}: {pointer}: {rule}: "
    matching = [line for line in problem_lines(result, file) if line.startswith(prefix)]
    assert matching, f"no line starting with {prefix!r} in:\n{result.stdout}"
    return matching


def test_both_real_specs_pass_every_check_including_spectral() -> None:
    result = run_check()
    assert result.returncode == 0, result.stdout + result.stderr
    summary = result.stdout.strip().splitlines()[-1]
    assert summary.startswith("OK: spec/olconnect.yaml, spec/avepoint.yaml")
    assert "spectral" in summary


def _drop_401(spec: dict[str, Any]) -> None:
    del spec["paths"]["/backup/google/admin/jobs"]["get"]["responses"]["401"]


def _drop_page_size(spec: dict[str, Any]) -> None:
    parameters = spec["paths"]["/backup/google/admin/jobs"]["get"]["parameters"]
    parameters.remove({"$ref": "#/components/parameters/PageSizeQuery"})


def _drop_www_authenticate(spec: dict[str, Any]) -> None:
    del spec["components"]["responses"]["Unauthorized"]["headers"]["WWW-Authenticate"]


def _example_with_wrong_type(spec: dict[str, Any]) -> None:
    examples = spec["components"]["responses"]["BadRequest"]["content"]["application/json"]["examples"]
    examples["invalidJobType"]["value"]["status"] = "400"


def _schema_example_outside_enum(spec: dict[str, Any]) -> None:
    job = spec["paths"]["/backup/google/admin/jobs"]["get"]["responses"]["200"]["content"]["application/json"]
    job["examples"]["firstPage"]["value"]["jobs"][0]["jobType"] = 9


def _link_to_unknown_operation(spec: dict[str, Any]) -> None:
    spec["components"]["links"]["ListJobsNextPage"]["operationId"] = "listJobz"


def _link_to_unknown_parameter(spec: dict[str, Any]) -> None:
    spec["components"]["links"]["ListJobsNextPage"]["parameters"]["pageNumber"] = "$response.body#/nextLink"


def _link_reads_missing_member(spec: dict[str, Any]) -> None:
    spec["components"]["links"]["ListJobsNextPage"]["parameters"]["pageIndex"] = "$response.body#/next"


def _invalid_openapi(spec: dict[str, Any]) -> None:
    del spec["paths"]["/backup/google/admin/jobs"]["get"]["responses"]["200"]["description"]


def _short_enum_names(spec: dict[str, Any]) -> None:
    spec["components"]["schemas"]["JobType"]["x-enum-varnames"].pop()


def _unknown_decision(spec: dict[str, Any]) -> None:
    spec["components"]["schemas"]["Job"]["x-decision"] = "AVE-99"


def _addition_without_source(spec: dict[str, Any]) -> None:
    spec["components"]["schemas"]["Job"]["x-addition"] = ""
    spec["components"]["schemas"]["Job"]["x-body-optional"] = True


def _misplaced_write_markers(spec: dict[str, Any]) -> None:
    spec["components"]["schemas"]["Job"]["x-write"] = {"replaces": "a job"}
    spec["paths"]["/backup/google/admin/jobs"]["get"]["x-write"] = {
        "replaces": "jobs",
        "idParameter": "jobId",
    }


def _bad_client_markers(spec: dict[str, Any]) -> None:
    spec["components"]["schemas"]["Job"]["properties"]["startTime"]["x-client-datetime"] = "local"
    spec["components"]["schemas"]["Job"]["properties"]["jobId"]["x-client-optional"] = ""


def _bad_error_text_markers(spec: dict[str, Any]) -> None:
    spec["components"]["schemas"]["ErrorResponse"]["x-error-text"] = {"message": "/reason"}
    spec["components"]["schemas"]["OAuthError"]["x-error-text"] = {"detail": "/error_description"}
    spec["paths"]["/backup/google/admin/jobs"]["get"]["x-error-text"] = {"message": "/message"}


def _delete_marker_without_path_parameter(spec: dict[str, Any]) -> None:
    spec["paths"]["/backup/google/admin/jobs"]["get"]["x-write"] = {"replaces": "jobs", "deletes": "jobId"}


def _delete_marker_with_id_parameter(spec: dict[str, Any]) -> None:
    spec["paths"]["/backup/google/admin/jobs"]["get"]["x-write"] = {
        "replaces": "jobs",
        "deletes": "jobId",
        "idParameter": "jobId",
    }


def _anonymous_list(spec: dict[str, Any]) -> None:
    spec["paths"]["/backup/google/admin/jobs"]["get"]["security"] = [{}]


def _drop_token_operation(spec: dict[str, Any]) -> None:
    del spec["paths"]["/connect/token"]["post"]


@pytest.mark.parametrize(
    ("mutate", "pointer", "rule", "names"),
    [
        pytest.param(
            _invalid_openapi, f"{JOBS}/responses/200", "openapi-valid", "description", id="invalid-openapi"
        ),
        pytest.param(_drop_401, f"{JOBS}/responses", "inventory-status", "401", id="status-code"),
        pytest.param(
            _drop_page_size, f"{JOBS}/parameters", "inventory-parameter", "pageSize", id="parameter"
        ),
        pytest.param(
            _drop_www_authenticate,
            "/components/responses/Unauthorized/headers",
            "inventory-header",
            "WWW-Authenticate",
            id="www-authenticate",
        ),
        pytest.param(
            _example_with_wrong_type,
            "/components/responses/BadRequest/content/application~1json/examples/invalidJobType/value/status",
            "example-valid",
            "integer",
            id="example-type",
        ),
        pytest.param(
            _schema_example_outside_enum,
            f"{JOBS}/responses/200/content/application~1json/examples/firstPage/value/jobs/0/jobType",
            "example-valid",
            "9",
            id="example-enum",
        ),
        pytest.param(
            _link_to_unknown_operation,
            "/components/links/ListJobsNextPage/operationId",
            "link-target",
            "listJobz",
            id="link-operation",
        ),
        pytest.param(
            _link_to_unknown_parameter,
            "/components/links/ListJobsNextPage/parameters/pageNumber",
            "link-parameter",
            "pageNumber",
            id="link-parameter",
        ),
        pytest.param(
            _link_reads_missing_member,
            "/components/links/ListJobsNextPage/parameters/pageIndex",
            "link-expression",
            "#/next",
            id="link-expression",
        ),
        pytest.param(
            _short_enum_names,
            "/components/schemas/JobType/x-enum-varnames",
            "enum-varnames",
            "6",
            id="enum-names",
        ),
        pytest.param(
            _unknown_decision,
            "/components/schemas/Job/x-decision",
            "decision-exists",
            "AVE-99",
            id="decision",
        ),
        pytest.param(
            _addition_without_source,
            "/components/schemas/Job/x-addition",
            "marker-valid",
            "name its source",
            id="addition-source",
        ),
        pytest.param(
            _addition_without_source,
            "/components/schemas/Job/x-body-optional",
            "marker-valid",
            "response object",
            id="body-optional-place",
        ),
        pytest.param(
            _misplaced_write_markers,
            "/components/schemas/Job/x-write",
            "marker-valid",
            "sit on an operation",
            id="write-place",
        ),
        pytest.param(
            _misplaced_write_markers,
            f"{JOBS}/x-write",
            "marker-valid",
            "'jobId' is not a path parameter",
            id="write-id-parameter",
        ),
        pytest.param(
            _bad_client_markers,
            "/components/schemas/Job/properties/startTime/x-client-datetime",
            "marker-valid",
            "`utc` or `optional-utc`",
            id="client-datetime",
        ),
        pytest.param(
            _bad_client_markers,
            "/components/schemas/Job/properties/jobId/x-client-optional",
            "marker-valid",
            "say why",
            id="client-optional",
        ),
        pytest.param(
            _bad_error_text_markers,
            "/components/schemas/ErrorResponse/x-error-text",
            "marker-valid",
            "'reason', which is no property",
            id="error-text-pointer",
        ),
        pytest.param(
            _bad_error_text_markers,
            "/components/schemas/OAuthError/x-error-text",
            "marker-valid",
            "a `message` JSON pointer",
            id="error-text-message",
        ),
        pytest.param(
            _bad_error_text_markers,
            f"{JOBS}/x-error-text",
            "marker-valid",
            "sit on a schema",
            id="error-text-place",
        ),
        pytest.param(
            _delete_marker_without_path_parameter,
            f"{JOBS}/x-write",
            "marker-valid",
            "deletes 'jobId' is not a path parameter",
            id="write-deletes",
        ),
        pytest.param(
            _delete_marker_with_id_parameter,
            f"{JOBS}/x-write",
            "marker-valid",
            "not both",
            id="write-deletes-and-id",
        ),
        pytest.param(_anonymous_list, f"{JOBS}/security", "inventory-security", "anonymous", id="security"),
        pytest.param(
            _drop_token_operation,
            "/paths/~1connect~1token",
            "inventory-operation",
            "requestToken",
            id="operation",
        ),
    ],
)
def test_damaged_avepoint_spec_is_reported_with_file_pointer_and_rule(
    tmp_path: Path, mutate: Mutation, pointer: str, rule: str, names: str
) -> None:
    damaged = damaged_copy(tmp_path, AVEPOINT, mutate)
    lines = assert_reported(run_check(damaged, "--skip-lint"), damaged, pointer, rule)
    assert any(names in line for line in lines), lines


def test_damaged_olconnect_spec_names_the_missing_404(tmp_path: Path) -> None:
    def drop_404(spec: dict[str, Any]) -> None:
        del spec["paths"]["/rest/serverengine/entity/jobs/{jobId}"]["get"]["responses"]["404"]

    damaged = damaged_copy(tmp_path, OLCONNECT, drop_404)
    result = run_check(damaged, "--skip-lint")
    pointer = "/paths/~1rest~1serverengine~1entity~1jobs~1{jobId}/get/responses"
    [line] = assert_reported(result, damaged, pointer, "inventory-status")
    assert "getJobSegmentIds" in line
    assert "404" in line


def test_spectral_findings_are_reported_with_pointer_and_rule(tmp_path: Path) -> None:
    def break_lint_rules(spec: dict[str, Any]) -> None:
        del spec["paths"]["/backup/google/admin/jobs"]["get"]["summary"]
        _drop_www_authenticate(spec)

    damaged = damaged_copy(tmp_path, AVEPOINT, break_lint_rules)
    result = run_check(damaged)
    assert_reported(result, damaged, JOBS, "operation-summary")
    assert_reported(
        result, damaged, "/components/responses/Unauthorized/headers", "unauthorized-www-authenticate"
    )


def test_a_clean_copy_passes_without_lint(tmp_path: Path) -> None:
    copy = damaged_copy(tmp_path, AVEPOINT, lambda spec: None)
    result = run_check(copy, "--skip-lint")
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith(f"OK: {copy}")


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        pytest.param("openapi: 3.1.0\ninfo: [unclosed\n", "YAML syntax error at line", id="syntax"),
        pytest.param(
            "openapi: 3.1.0\nopenapi: 3.0.3\n", "duplicate key 'openapi' at line 2", id="duplicate-key"
        ),
        pytest.param("- just\n- a list\n", "not a mapping", id="not-a-mapping"),
    ],
)
def test_unparseable_file_gives_one_line_and_exit_2(tmp_path: Path, content: str, expected: str) -> None:
    broken = tmp_path / "avepoint.yaml"
    broken.write_text(content, encoding="utf-8")
    result = run_check(broken, "--skip-lint")
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"{broken}: cannot check: ")
    assert expected in lines[0]


def test_missing_file_gives_one_line_and_exit_2(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.yaml"
    result = run_check(missing, "--skip-lint")
    assert result.returncode == 2
    assert result.stderr.strip() == f"{missing}: cannot check: file not found"


def test_missing_ruleset_gives_one_line_and_exit_2(tmp_path: Path) -> None:
    result = run_check(AVEPOINT, "--ruleset", tmp_path / "none.yaml")
    assert result.returncode == 2
    assert result.stderr.strip().startswith("check_specs: Spectral ruleset not found")
    assert "Traceback" not in result.stderr


def test_spec_without_inventory_entry_is_a_problem(tmp_path: Path) -> None:
    renamed = tmp_path / "renamed.yaml"
    renamed.write_text(AVEPOINT.read_text(encoding="utf-8"), encoding="utf-8")
    result = run_check(renamed, "--skip-lint")
    [line] = assert_reported(result, renamed, "/", "inventory-entry")
    assert "renamed.yaml" in line


def _documented_commands() -> list[list[str]]:
    """The `python -m scripts.check_specs ...` lines of docs/specs.md's "How to check the specs" block."""
    text = (ROOT / "docs" / "specs.md").read_text(encoding="utf-8")
    block = text.split("## How to check the specs", 1)[1].split("```", 2)[1]
    lines = [line.split("#", 1)[0].split() for line in block.splitlines()]
    return [words for words in lines if words[:3] == ["python", "-m", "scripts.check_specs"]]


def test_documented_commands_run_as_written() -> None:
    commands = _documented_commands()
    assert len(commands) == 3, "docs/specs.md should show the full run, the one-spec run and the listing"
    for words in commands:
        result = run_check(*words[3:])
        assert result.returncode == 0, f"{' '.join(words)}:\n{result.stdout}{result.stderr}"
        assert result.stdout.strip().splitlines()[-1].startswith("OK: ")
