"""Fast checks of the suite's own building blocks (no servers)."""

from __future__ import annotations

import httpx
import pytest

import spec_model
from contract_tests import api_paths, conformance, redaction, restore, st_hooks, targets, writes
from contract_tests import server_version as sv
from contract_tests.__main__ import pytest_arguments
from contract_tests.targets import TargetError, avepoint_from_env, olconnect_from_env, selected_apis


def test_setting_one_base_url_selects_that_api_only() -> None:
    both = spec_model.API_NAMES
    assert selected_apis(both, {}) == both
    assert selected_apis(both, {"AVEPOINT_BASE_URL": "https://graph-us.example"}) == ("avepoint",)
    assert selected_apis(("olconnect",), {"AVEPOINT_BASE_URL": "https://graph-us.example"}) == ()


def test_live_olconnect_needs_credentials_and_integer_ids() -> None:
    with pytest.raises(TargetError, match="OLCONNECT_USERNAME and OLCONNECT_PASSWORD"):
        olconnect_from_env({"OLCONNECT_BASE_URL": "http://h:9340"})
    env = {
        "OLCONNECT_BASE_URL": "http://h:9340/",
        "OLCONNECT_USERNAME": "u",
        "OLCONNECT_PASSWORD": "pw-123456",
    }
    with pytest.raises(TargetError, match="OLCONNECT_JOB_ID must be an integer"):
        olconnect_from_env({**env, "OLCONNECT_JOB_ID": "abc"})
    target = olconnect_from_env({**env, "OLCONNECT_JOB_ID": "7", "CONTRACT_ALLOW_WRITES": "1"})
    assert (target.base_url, target.job_id, target.writes_allowed, target.live) == (
        "http://h:9340",
        7,
        True,
        True,
    )
    assert "pw-123456" not in repr(target)
    assert not olconnect_from_env({**env, "CONTRACT_ALLOW_WRITES": "yes"}).writes_allowed


def test_live_avepoint_takes_a_token_or_client_credentials() -> None:
    with pytest.raises(TargetError, match="AVEPOINT_CLIENT_SECRET"):
        avepoint_from_env(
            {"AVEPOINT_BASE_URL": "https://g", "AVEPOINT_TOKEN_URL": "https://i", "AVEPOINT_CLIENT_ID": "c"}
        )
    assert (
        avepoint_from_env({"AVEPOINT_BASE_URL": "https://g", "AVEPOINT_TOKEN": "tok-abcdef"}).token
        == "tok-abcdef"
    )
    assert "tok-abcdef" not in repr(
        avepoint_from_env({"AVEPOINT_BASE_URL": "https://g", "AVEPOINT_TOKEN": "tok-abcdef"})
    )


def test_registered_secrets_are_masked_everywhere() -> None:
    redaction.register_secret("s3cr3t-value")
    assert redaction.scrub("password=s3cr3t-value;") == "password=[Filtered];"
    request = httpx.Request(
        "PUT",
        "http://h/x?k=s3cr3t-value",
        headers={"auth_token": "abc", "Authorization": "Basic Zm9v"},
        json={"a": 1},
    )
    line = redaction.curl_for(request)
    assert line.startswith("curl -X PUT")
    assert "abc" not in line
    assert "Zm9v" not in line
    assert "s3cr3t-value" not in line
    assert "[Filtered]" in line
    assert "http://h/x" in line


def test_id_steering_keeps_invalid_ids_for_negative_cases() -> None:
    assert st_hooks._valid_id(7)
    assert st_hooks._valid_id(7.0)
    assert not any(st_hooks._valid_id(v) for v in (-1, 7.5, True, "7", 2**63, None))
    known = (2001, 2002)
    steered = {st_hooks._steer(value, known, always=False) for value in range(8)}
    assert {2001, 2002} <= steered
    assert {3, 7} <= steered
    assert {st_hooks._steer(value, (2001,), always=True) for value in range(8)} == {2001}


def test_applicability_of_checks() -> None:
    assert conformance.applicable("olconnect", "getJobMetadata", "ignored_auth")
    assert not conformance.applicable("avepoint", "listJobs", "ignored_auth")  # OAuth2: our own check instead
    assert conformance.applicable("avepoint", "listJobs", "bearer_auth_enforced")
    assert not conformance.applicable("avepoint", "requestToken", "bearer_auth_enforced")
    assert conformance.applicable("olconnect", "updateJobMetadata", "documented_server_error")
    assert not conformance.applicable("olconnect", "getJobMetadata", "documented_server_error")
    assert not conformance.applicable("olconnect", "getJobMetadata", "use_after_free")


def test_command_line_translates_to_pytest_arguments() -> None:
    args = pytest_arguments(["--profile", "full", "--api", "avepoint", "--seed", "5", "--", "-k", "walk"])
    assert "--contract-profile=full" in args
    assert "--contract-api=avepoint" in args
    assert "--contract-seed=5" in args
    assert "--hypothesis-seed=5" in args
    assert args[-2:] == ["-k", "walk"]
    assert "--" not in args
    assert any(arg.endswith("contract-junit.xml") for arg in args)


def test_server_version_rules_follow_the_release() -> None:
    assert sv.parse("2025.2.0.1") == (2025, 2)
    assert sv.parse("Version 2021.1") == (2021, 1)
    assert sv.parse("dev") is None
    reported = sv.resolve({}, "2021.1.0.5")
    assert (reported.release, reported.source) == ((2021, 1), "GET /rest/serverengine/authentication/version")
    assert not reported.owes("token-expires-in")
    assert not reported.owes("error-layout-2023")
    overridden = sv.resolve({sv.ENV_VAR: "2024.1"}, "2021.1.0.5")
    assert overridden.source == sv.ENV_VAR
    assert overridden.owes("statistics")
    assert not overridden.owes("document-set-levels")
    assert "the server reports '2021.1.0.5'" in overridden.describe()
    unknown = sv.resolve({}, "")
    assert unknown.release is None
    assert not unknown.owes("token-expires-in")
    assert sv.ENV_VAR in unknown.describe()
    with pytest.raises(ValueError, match="must name a release"):
        sv.check_env({sv.ENV_VAR: "latest"})


def test_ids_never_leave_their_operation_or_the_readings_every_server_shares() -> None:
    assert st_hooks.stay_in_operation(".") == ".x"
    assert st_hooks.stay_in_operation("..") == "..x"
    assert st_hooks.stay_in_operation("...") == "..."
    assert st_hooks.stay_in_operation(7) == 7


def test_body_optional_markers_are_read_from_the_spec() -> None:
    assert api_paths.body_optional("olconnect", "getJobMetadata", 401)
    assert not api_paths.body_optional("olconnect", "getJobMetadata", 200)
    assert not api_paths.body_optional("olconnect", "noSuchOperation", 401)


def test_write_facts_come_from_the_x_write_markers() -> None:
    """The sets the suite derives from x-write are the ones it hand-listed before the markers existed."""
    assert st_hooks.SINGLE_PUTS == {
        "updateJobMetadata": "jobId",
        "updateJobProperties": "jobId",
        "updateJobSegmentMetadata": "jobSegmentId",
        "updateJobSetMetadata": "jobSetId",
        "updateJobSetProperties": "jobSetId",
        "updateDocumentSetMetadata": "documentSetId",
        "updateDocumentMetadata": "documentId",
        "updateDataSetProperties": "dataSetId",
    }
    assert st_hooks.MULTI_UPDATES == ("updateMultipleJobProperties",)
    # No snapshot can undo a delete (OLC-42, OLC-71).
    assert st_hooks.DELETES == {"deleteJobSet": "jobSetId", "deleteDataSet": "dataSetId"}
    # The workflow submits and cancels start or stop server-side work (OLC-50..58).
    assert set(st_hooks.OPERATION_STARTS) == {
        "submitJobCreation",
        "cancelJobCreation",
        "submitOutputCreation",
        "submitOutputCreationByJobs",
        "cancelOutputCreation",
        "submitAllInOne",
        "cancelAllInOne",
    }
    olconnect, avepoint = spec_model.spec("olconnect"), spec_model.spec("avepoint")
    assert set(writes.write_operations(olconnect)) == {
        *st_hooks.SINGLE_PUTS,
        *st_hooks.MULTI_UPDATES,
        *st_hooks.DELETES,
        *st_hooks.OPERATION_STARTS,
    }
    # the restore starts a job (AVE-47): never fuzzed live, started only on a named target
    assert writes.write_operations(avepoint) == ("startM365Restore",)
    assert [(s.read_operation, s.write_operation, s.id_parameter) for s in restore.RESTORABLE_SETS] == [
        ("getJobMetadata", "updateJobMetadata", "jobId"),
        ("getJobProperties", "updateJobProperties", "jobId"),
        ("getJobSegmentMetadata", "updateJobSegmentMetadata", "jobSegmentId"),
        ("getJobSetMetadata", "updateJobSetMetadata", "jobSetId"),
        ("getJobSetProperties", "updateJobSetProperties", "jobSetId"),
        ("getDocumentSetMetadata", "updateDocumentSetMetadata", "documentSetId"),
        ("getDocumentMetadata", "updateDocumentMetadata", "documentId"),
        ("getDataSetProperties", "updateDataSetProperties", "dataSetId"),
    ]


def test_deletes_are_never_fuzzed_into_a_seeded_or_undeclared_entity() -> None:
    """OLC-42, OLC-71: on the mock a generated delete misses every seeded job set or data set; live, it
    names only the disposable one of its kind."""
    assert st_hooks._aim_delete(1001, (1001, 1002), None, False) not in {1001, 1002}
    assert st_hooks._aim_delete(7, (1001, 1002), None, False) == 7
    live = targets.OLConnectTarget(
        "http://127.0.0.1:1", "u", "p", live=True, disposable_job_set_id=55, disposable_data_set_id=66
    )
    assert st_hooks._aim_delete(1001, (1001,), live.disposable_id("jobSetId"), True) == 55
    assert st_hooks._aim_delete(8001, (8001,), live.disposable_id("dataSetId"), True) == 66
    assert live.disposable_id("jobId") is None
    env = {"OLCONNECT_BASE_URL": "http://127.0.0.1:1", "OLCONNECT_USERNAME": "u", "OLCONNECT_PASSWORD": "p"}
    assert targets.olconnect_from_env(env).disposable_job_set_id is None
    assert targets.olconnect_from_env(env).disposable_data_set_id is None
    env[targets.DISPOSABLE_JOB_SET] = "55"
    env[targets.DISPOSABLE_DATA_SET] = "66"
    assert targets.olconnect_from_env(env).disposable_job_set_id == 55
    assert targets.olconnect_from_env(env).disposable_data_set_id == 66


def test_every_put_of_the_specs_is_a_marked_write() -> None:
    """A PUT without x-write would escape the live-mode write guard, so none may exist."""
    for api in spec_model.API_NAMES:
        model = spec_model.spec(api)
        puts = {name for name, op in model.operations.items() if op.method == "PUT"}
        assert puts <= set(writes.write_operations(model)), api


def test_a_single_put_without_a_get_on_its_path_is_refused() -> None:
    """The restore reads a replaced set back with the GET on the PUT's path; without one it cannot."""
    document = spec_model.spec("olconnect").raw
    path = spec_model.spec("olconnect").operation("updateJobMetadata").path
    paths = {**document["paths"], path: {k: v for k, v in document["paths"][path].items() if k != "get"}}
    model = spec_model.SpecModel({**document, "paths": paths}, source="edited.yaml")
    with pytest.raises(LookupError, match=r"edited.yaml: updateJobMetadata replaces a set at /rest/"):
        writes.restorable_sets(model)


def test_operation_facts_are_read_from_the_model() -> None:
    assert (
        api_paths.path_of("olconnect", "getJobMetadata", jobId=7)
        == "/rest/serverengine/entity/jobs/7/metadata"
    )
    assert api_paths.label_of("avepoint", "listJobs") == "GET /backup/google/admin/jobs"
    assert api_paths.labels("avepoint") == {
        "GET /backup/google/admin/jobs": "listJobs",
        "GET /backup/m365/cloudbackupjobs": "listM365Jobs",
        "GET /backup/m365/cloudbackupjobs/{jobId}": "getM365Job",
        "POST /backup/m365/restore/jobs": "startM365Restore",
        "GET /backup/sfbapi/jobs": "listSalesforceJobs",
        "GET /backup/vm/jobs": "listVmJobs",
        "GET /dynamicsbackup/jobs": "listDynamicsJobs",
        "GET /aos/jobs": "listScanJobs",
        "GET /insights/job/{jobId}/exportstatus": "getInsightsExportStatus",
        "GET /insights/job/{jobId}/exportfile": "getInsightsExportFile",
        "POST /connect/token": "requestToken",
    }
    assert api_paths.operation_ids("olconnect")[:2] == ("getAuthenticationHandshake", "login")


def test_time_and_second_identity_variables_are_validated() -> None:
    from contract_tests.targets import max_wait  # noqa: PLC0415 - grouped with the test that needs it

    assert max_wait({}) == 0
    assert max_wait({"CONTRACT_MAX_WAIT": "5"}) == 5
    with pytest.raises(TargetError, match="CONTRACT_MAX_WAIT must be a number"):
        max_wait({"CONTRACT_MAX_WAIT": "soon"})
    with pytest.raises(TargetError, match="between 0 and 3600"):
        max_wait({"CONTRACT_MAX_WAIT": "-1"})
    env = {"OLCONNECT_BASE_URL": "http://h:9340", "OLCONNECT_USERNAME": "u", "OLCONNECT_PASSWORD": "pw-1"}
    with pytest.raises(TargetError, match="OLCONNECT_READONLY_PASSWORD"):
        olconnect_from_env({**env, "OLCONNECT_READONLY_USERNAME": "reader"})
    reader = {"OLCONNECT_READONLY_USERNAME": "reader", "OLCONNECT_READONLY_PASSWORD": "pw-reader-77"}
    target = olconnect_from_env({**env, **reader})
    assert target.read_only == ("reader", "pw-reader-77")
    assert "pw-reader-77" not in repr(target)
    ave = avepoint_from_env(
        {"AVEPOINT_BASE_URL": "https://g", "AVEPOINT_TOKEN": "t-1", "AVEPOINT_OTHER_SCOPE_TOKEN": "t-other-9"}
    )
    assert ave.other_scope_token == "t-other-9"
    assert "t-other-9" not in repr(ave)
