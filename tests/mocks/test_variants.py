"""Documented variants, observed over HTTP on real mock processes started with each one.

Every variant value other than the default is played by a server started with it (``--variant NAME=VALUE``);
the defaults are what the other mock tests check. Selection is tested through the CLI, a scenario file and the
admin endpoint, including the one-line errors for unknown names and values.
"""

from __future__ import annotations

import base64
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import httpx
import pytest

from mock_servers.avepoint import app as avepoint_app
from mock_servers.core.scenario import load_scenario
from mock_servers.core.variants import (
    PROFILES,
    VARIANTS,
    Plays,
    Selection,
    Setting,
    VariantError,
    VariantState,
    resolve,
)
from mock_servers.olconnect import app as olconnect_app
from mock_servers.olconnect.domain import OLConnectStore, UnknownEntityError
from mock_servers.testing import MockProcess, running_mock
from spec_checks.variants import read_table

from .conftest import Conformance, write_scenario

ROOT = Path(__file__).resolve().parents[2]
REST = "/rest/serverengine"
ADMIN = ("admin", "admin-password")
SCOPE = "gsuite.graph.read.all"


def _started(api: str, **variants: str) -> Iterator[MockProcess]:
    with running_mock(api, variants=variants) as mock:
        yield mock


def _olc(mock: MockProcess, method: str, path: str, **kwargs: Any) -> httpx.Response:
    kwargs.setdefault("auth", ADMIN)
    return httpx.request(method, mock.base_url + REST + path, timeout=10, **kwargs)


def _token(mock: MockProcess) -> str:
    client = mock.info["clients"][0]
    form = {
        "grant_type": "client_credentials",
        "client_id": client["client_id"],
        "client_secret": client["client_secret"],
        "scope": SCOPE,
    }
    response = httpx.post(mock.token_url, data=form, timeout=10)
    response.raise_for_status()
    return str(response.json()["access_token"])


def _jobs(mock: MockProcess, **params: Any) -> httpx.Response:
    headers = {"Authorization": f"Bearer {_token(mock)}"}
    return httpx.get(mock.info["jobs_url"], params=params, headers=headers, timeout=10)


# -- the registry


def test_every_variant_is_named_after_its_api_and_has_kebab_values() -> None:
    prefixes = {"olconnect": "olc.", "avepoint": "ave."}
    for name, variant in VARIANTS.items():
        assert name == variant.name
        assert name.startswith(prefixes[variant.api])
        assert len(variant.values) >= 2
        assert len(set(variant.values)) == len(variant.values)
        assert all(value and value == value.lower() and " " not in value for value in variant.values)
        assert variant.decision.split("-")[0] in ("OLC", "AVE")


def test_profiles_name_valid_values_and_project_is_all_defaults() -> None:
    for profile, values in PROFILES.items():
        for name, value in values.items():
            assert value in VARIANTS[name].values, (profile, name)
    assert all(PROFILES["project"][name] == variant.default for name, variant in VARIANTS.items())
    assert resolve("olconnect", "docs-literal")["olc.invalid-credentials"] == "403"


def test_decisions_table_has_exactly_the_names_and_values() -> None:
    """The "Documented variants" table and spec/variants.yaml (what the mocks play): same names, each row's
    values in the same order, the same entries and docs-literal choice (also a spec check: variants-table)."""
    decisions = (ROOT / "spec" / "DECISIONS.md").read_text(encoding="utf-8")
    rows = {row.name: row for row in read_table(decisions)}
    assert sorted(rows) == sorted(VARIANTS)
    for name, variant in VARIANTS.items():
        assert rows[name].values == variant.values, name
        assert rows[name].decisions == frozenset(variant.decisions), name
        assert rows[name].docs_literal == PROFILES["docs-literal"][name], name
        assert all(f"### {decision} " in decisions for decision in variant.decisions), name


@pytest.mark.parametrize(("name", "value"), [("olc.securty", "off"), ("olc.security", "of"), ("ave.x", "1")])
def test_a_misspelt_question_raises_when_made(name: str, value: str) -> None:
    """Handlers ask typed questions made at import: a typo stops the import, naming the valid choices."""
    with pytest.raises(VariantError, match=r"valid (variants|values)"):
        Plays(name, value)
    state = VariantState("olconnect", Selection())
    with pytest.raises(VariantError):
        state.is_(name, value)  # the old string form no longer answers a silent False


def test_a_handler_module_with_a_misspelt_question_does_not_import(tmp_path: Path) -> None:
    module = tmp_path / "handler_with_typo.py"
    module.write_text(
        'from mock_servers.core.variants import Plays\nOFF = Plays("olc.security", "of")\n', encoding="utf-8"
    )
    result = subprocess.run(
        [sys.executable, "-c", "import handler_with_typo"],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), str(tmp_path)])},
        check=False,
    )
    assert result.returncode == 1
    assert "VariantError: variant olc.security has no value 'of'; valid values: on, off" in result.stderr


def test_the_mocks_ask_only_questions_the_catalog_knows() -> None:
    """Every Plays/Setting the two mocks made at import names a variant of their own API."""
    for module, api in ((olconnect_app, "olconnect"), (avepoint_app, "avepoint")):
        questions = [value for value in vars(module).values() if isinstance(value, Plays | Setting)]
        questions += [s for value in vars(module).values() if isinstance(value, tuple) for s in value]
        assert questions, module.__name__
        assert {VARIANTS[q.variant].api for q in questions if isinstance(q, Plays | Setting)} == {api}


# -- selection: CLI, scenario, admin


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mock_servers", *args, "--port", "0"],
        capture_output=True,
        text=True,
        timeout=30,
        cwd=ROOT,
        check=False,
    )


@pytest.mark.parametrize(
    ("args", "fragments"),
    [
        (["olconnect", "--variant", "olc.nope=1"], ["olc.nope", "olc.unknown-id"]),
        (["olconnect", "--variant", "olc.unknown-id=maybe"], ["maybe", "404, empty-200"]),
        (["olconnect", "--variant", "ave.next-link=opaque"], ["ave.next-link", "olc.error-body"]),
        (["avepoint", "--profile", "strict"], ["strict", "project, docs-literal"]),
        (["avepoint", "--variant", "ave.next-link"], ["NAME=VALUE"]),
    ],
)
def test_bad_cli_selection_is_one_line_and_exit_2(args: list[str], fragments: list[str]) -> None:
    result = _cli(*args)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("mock_servers: error: ")
    for fragment in fragments:
        assert fragment in lines[0]


def test_startup_line_names_profile_and_every_variant_of_the_api() -> None:
    with running_mock("olconnect", profile="docs-literal", variants={"olc.error-body": "json"}) as mock:
        assert mock.info["profile"] == "docs-literal"
        expected = {**resolve("olconnect", "docs-literal"), "olc.error-body": "json"}
        assert mock.info["variants"] == expected
        assert mock.admin("GET", "/_mock/variants") == {"profile": "docs-literal", "variants": expected}
        deadline = time.monotonic() + 10  # the summary lines are read by a background thread
        while not any("variants: profile" in line for line in mock.stdout_lines()):
            assert time.monotonic() < deadline, mock.stdout_lines()
            time.sleep(0.05)
        [line] = [line for line in mock.stdout_lines() if "variants: profile" in line]
        assert line.startswith("  variants: profile docs-literal (olc.invalid-credentials=403, ")
        assert "olc.error-body" not in line  # json again: the default, so not listed


def test_scenario_selects_variants_and_the_cli_wins(tmp_path: Path) -> None:
    document, _ = load_scenario("avepoint", None)
    document["variants"] = {"profile": "docs-literal", "ave.invalid-client": "401"}
    scenario = write_scenario(tmp_path / "ave.yaml", document)
    with running_mock("avepoint", scenario, variants={"ave.last-page-link": "null"}) as mock:
        assert mock.info["profile"] == "docs-literal"
        assert mock.info["variants"]["ave.next-link"] == "opaque"
        assert mock.info["variants"]["ave.invalid-client"] == "401"
        assert mock.info["variants"]["ave.last-page-link"] == "null"


def test_bad_scenario_variant_names_the_file_and_entry(tmp_path: Path) -> None:
    document, _ = load_scenario("avepoint", None)
    document["variants"] = {"ave.next-link": "relative"}
    scenario = write_scenario(tmp_path / "ave.yaml", document)
    result = _cli("avepoint", "--scenario", str(scenario))
    assert result.returncode == 2
    assert f"{scenario}: /variants: variant ave.next-link has no value 'relative'" in result.stderr


def test_admin_replaces_the_selection_and_reset_restores_it() -> None:
    with running_mock("olconnect", variants={"olc.unknown-id": "empty-200"}) as mock:
        assert _olc(mock, "GET", "/entity/jobs/99999").status_code == 200
        answer = mock.admin("POST", "/_mock/variants", {"profile": "docs-literal"})
        assert answer == {"profile": "docs-literal", "variants": resolve("olconnect", "docs-literal")}
        assert _olc(mock, "GET", "/entity/jobs/99999", auth=("admin", "wrong")).status_code == 403
        mock.admin("POST", "/_mock/variants", {"variants": {"olc.unknown-id": "404"}})
        assert mock.admin("GET", "/_mock/variants")["profile"] == "project"
        assert _olc(mock, "GET", "/entity/jobs/99999").status_code == 404
        mock.reset()
        assert mock.admin("GET", "/_mock/variants")["variants"]["olc.unknown-id"] == "empty-200"


@pytest.mark.parametrize(
    ("body", "fragment"),
    [
        ({"variants": {"ave.next-link": "opaque"}}, "unknown olconnect variant 'ave.next-link'"),
        ({"variants": {"olc.malformed-id": "500"}}, "valid values: 400, 404"),
        ({"profile": "loose"}, "valid profiles: project, docs-literal"),
        ({"variants": ["olc.malformed-id"]}, "variants must be an object"),
        ({"profiles": "project"}, "unknown member(s) profiles"),
    ],
)
def test_admin_rejects_bad_selection_with_400_naming_it(
    olconnect: MockProcess, body: dict[str, Any], fragment: str
) -> None:
    with pytest.raises(RuntimeError, match="answered 400") as caught:
        olconnect.admin("POST", "/_mock/variants", body)
    assert fragment in str(caught.value)
    assert olconnect.admin("GET", "/_mock/variants")["profile"] == "project"


# -- OL Connect variants


@pytest.fixture(scope="module")
def olc_403() -> Iterator[MockProcess]:
    yield from _started("olconnect", **{"olc.invalid-credentials": "403"})


def test_invalid_credentials_403(olc_403: MockProcess, olconnect_spec: Conformance) -> None:
    wrong = _olc(olc_403, "GET", "/entity/jobs/2001", auth=("admin", "wrong"))
    assert wrong.status_code == 403
    assert "WWW-Authenticate" not in wrong.headers
    olconnect_spec.check("getJobSegmentIds", wrong)
    unknown_token = _olc(olc_403, "GET", "/entity/jobs/2001", auth=None, headers={"auth_token": "0" * 32})
    assert unknown_token.status_code == 403
    missing = _olc(olc_403, "GET", "/entity/jobs/2001", auth=None)
    assert missing.status_code == 401
    assert missing.headers["WWW-Authenticate"] == "BASIC"
    login = _olc(olc_403, "POST", "/authentication/login", auth=("admin", "wrong"))
    assert login.status_code == 401  # the login page has always said 401


def test_expired_token_stays_401_under_invalid_credentials_403(olc_403: MockProcess) -> None:
    token = _olc(olc_403, "POST", "/authentication/login").text
    assert _olc(olc_403, "GET", "/entity/jobs/2001", auth=None, headers={"auth_token": token}).is_success
    olc_403.expire_tokens()
    expired = _olc(olc_403, "GET", "/entity/jobs/2001", auth=None, headers={"auth_token": token})
    assert expired.status_code == 401


def test_error_body_none(olconnect_spec: Conformance) -> None:
    with running_mock("olconnect", variants={"olc.error-body": "none"}) as mock:
        unauthorized = _olc(mock, "GET", "/entity/jobs/2001", auth=("admin", "wrong"))
        assert unauthorized.status_code == 401
        assert unauthorized.content == b""
        assert unauthorized.headers["WWW-Authenticate"] == "BASIC"
        assert "content-type" not in unauthorized.headers
        body = {"id": 2002, "properties": []}
        mismatch = _olc(mock, "PUT", "/entity/jobs/2001/properties", json=body)
        assert mismatch.status_code == 500
        assert mismatch.content == b""
        not_found = _olc(mock, "GET", "/entity/jobs/99999")
        assert not_found.status_code == 404
        assert not_found.json()["error"]["status"] == 404


def test_error_body_text_follows_the_older_pages_letter(olconnect_spec: Conformance) -> None:
    """olc.error-body=text: "Error message" rows as plain text; "-" rows (no credentials, 500) bodiless."""
    with running_mock("olconnect", variants={"olc.error-body": "text"}) as mock:
        wrong = _olc(mock, "GET", "/entity/jobs/2001", auth=("admin", "wrong"))
        assert wrong.status_code == 401
        assert wrong.headers["content-type"].startswith("text/plain")
        assert wrong.text.strip()
        olconnect_spec.check("getJobSegmentIds", wrong)
        token = _olc(mock, "POST", "/authentication/login").text
        mock.expire_tokens()
        expired = _olc(mock, "GET", "/entity/jobs", auth=None, headers={"auth_token": token})
        assert expired.status_code == 401
        assert expired.headers["content-type"].startswith("text/plain")
        olconnect_spec.check("getJobEntityHandshake", expired)
        missing = _olc(mock, "GET", "/entity/jobs/2001", auth=None)
        assert missing.status_code == 401
        assert missing.content == b""
        assert missing.headers["WWW-Authenticate"] == "BASIC"
        mismatch = _olc(mock, "PUT", "/entity/jobs/2001/properties", json={"id": 2002, "properties": []})
        assert mismatch.status_code == 500
        assert mismatch.content == b""
        assert _olc(mock, "GET", "/entity/jobs/99999").json()["error"]["status"] == 404
    with running_mock(
        "olconnect", variants={"olc.error-body": "text", "olc.invalid-credentials": "403"}
    ) as mock:
        forbidden = _olc(mock, "GET", "/authentication", auth=("admin", "wrong"))
        assert forbidden.status_code == 403
        assert forbidden.headers["content-type"].startswith("text/plain")
        olconnect_spec.check("getAuthenticationHandshake", forbidden)


def test_statistics_properties_string(olconnect_spec: Conformance) -> None:
    with running_mock("olconnect", variants={"olc.statistics-properties": "string"}) as mock:
        job_set = mock.info["ids"]["job_sets"][0]
        got = _olc(mock, "GET", f"/statistics/jobset/{job_set}")
        assert got.status_code == 200
        olconnect_spec.check("getJobSetStatistics", got)
        body = got.json()
        assert isinstance(body["properties"], str)
        assert all(isinstance(document.get("properties", []), list) for document in body["documents"])


def test_unknown_id_empty_200(olconnect_spec: Conformance) -> None:
    with running_mock("olconnect", variants={"olc.unknown-id": "empty-200"}) as mock:
        for path, operation, empty in [
            ("/entity/jobs/99999", "getJobSegmentIds", {"identifiers": []}),
            ("/entity/jobs/99999/contents", "getJobContents", {"identifiers": []}),
            ("/entity/jobs/99999/metadata", "getJobMetadata", []),
            ("/entity/jobs/99999/properties", "getJobProperties", []),
            ("/entity/jobsegments/99999", "getDocumentSetIds", {"identifiers": []}),
            ("/entity/jobsegments/99999/metadata", "getJobSegmentMetadata", []),
        ]:
            response = _olc(mock, "GET", path)
            assert response.status_code == 200, path
            assert response.json() == empty, path
            olconnect_spec.check(operation, response)
        put = _olc(mock, "PUT", "/entity/jobs/99999/properties", json={"id": 99999, "properties": []})
        assert (put.status_code, put.text) == (200, "false")
        multi = [{"id": 99999, "properties": []}, {"id": 2001, "properties": [{"name": "n", "value": "v"}]}]
        assert _olc(mock, "PUT", "/entity/jobs/properties", json=multi).status_code == 200
        assert {"name": "n", "value": "v"} in _olc(mock, "GET", "/entity/jobs/2001/properties").json()
        assert _olc(mock, "GET", "/statistics/jobset/99999").status_code == 404  # documented 404 stays
        for path, operation, empty in [
            ("/entity/jobsets/99999", "getJobIds", {"identifiers": []}),
            ("/entity/jobsets/99999/metadata", "getJobSetMetadata", []),
            ("/entity/jobsets/99999/properties", "getJobSetProperties", []),
            ("/entity/documentsets/99999", "getDocumentIds", {"identifiers": []}),
            ("/entity/documentsets/99999/metadata", "getDocumentSetMetadata", []),
            ("/entity/documents/99999/metadata", "getDocumentMetadata", []),
        ]:
            response = _olc(mock, "GET", path)
            assert (response.status_code, response.json()) == (200, empty), path
            olconnect_spec.check(operation, response)
        delete = _olc(mock, "POST", "/entity/jobsets/99999/delete")
        assert (delete.status_code, delete.text) == (200, "false")
        olconnect_spec.check("deleteJobSet", delete)


def test_job_sets_root_negotiated(olconnect_spec: Conformance) -> None:
    with running_mock("olconnect", variants={"olc.job-sets-root": "negotiated"}) as mock:
        text = _olc(mock, "GET", "/entity/jobsets", headers={"Accept": "text/plain"})
        assert text.text == "Server Engine REST Service available: JobSetEntityRestService"
        for accept in ("application/json", "*/*", "text/plain, application/json"):
            listed = _olc(mock, "GET", "/entity/jobsets", headers={"Accept": accept})
            assert listed.json()["identifiers"] == mock.info["ids"]["job_sets"], accept
            olconnect_spec.check("getJobSetIds", listed)


def test_job_set_delete_deferred() -> None:
    """A deferred deletion: the job set and what it owns stay readable for about a second, then go."""
    with running_mock("olconnect", variants={"olc.job-set-delete": "deferred"}) as mock:
        started = time.monotonic()
        assert _olc(mock, "POST", "/entity/jobsets/1001/delete").text == "true"
        still = [
            _olc(mock, "GET", path).status_code for path in ("/entity/jobsets/1001", "/entity/jobs/2001")
        ]
        if time.monotonic() - started < 0.9:  # a very slow machine may already have passed the due time
            assert still == [200, 200]
        deadline = started + 10
        while 1001 in _olc(mock, "GET", "/entity/jobsets").json()["identifiers"]:
            assert time.monotonic() < deadline, "the deferred deletion never happened"
            time.sleep(0.1)
        assert time.monotonic() - started >= 0.9
        for path in (
            "/entity/jobsets/1001",
            "/entity/jobs/2001",
            "/entity/documentsets/4001",
            "/statistics/jobset/1001",
        ):
            assert _olc(mock, "GET", path).status_code == 404, path


def test_job_set_owned_kept_and_empty_level_mode_omitted(olconnect_spec: Conformance) -> None:
    """OLC-42 and OLC-12 in one server: a deleted job set goes but its entities stay readable; an empty
    levelMode answers the default level, as an omitted one does."""
    variants = {"olc.job-set-owned": "kept", "olc.empty-level-mode": "omitted"}
    with running_mock("olconnect", variants=variants) as mock:
        empty = _olc(mock, "GET", "/statistics/jobset/1001", params={"levelMode": ""})
        assert empty.status_code == 200
        olconnect_spec.check("getJobSetStatistics", empty)
        assert empty.json() == _olc(mock, "GET", "/statistics/jobset/1001").json()
        assert _olc(mock, "GET", "/statistics/jobset/1001", params={"levelMode": " "}).status_code == 400
        assert _olc(mock, "POST", "/entity/jobsets/1001/delete").text == "true"
        assert 1001 not in _olc(mock, "GET", "/entity/jobsets").json()["identifiers"]
        for path in ("/entity/jobsets/1001", "/entity/jobsets/1001/metadata", "/statistics/jobset/1001"):
            assert _olc(mock, "GET", path).status_code == 404, path
        for path, operation in (
            ("/entity/jobs/2001/metadata", "getJobMetadata"),
            ("/entity/jobs/2001", "getJobSegmentIds"),
            ("/entity/documentsets/4001", "getDocumentIds"),
        ):
            kept = _olc(mock, "GET", path)
            assert kept.status_code == 200, path
            olconnect_spec.check(operation, kept)


def test_kept_entities_go_at_the_later_cleanup() -> None:
    """The store side of olc.job-set-owned=kept: the orphans go once their cleanup is due, not before."""
    store = OLConnectStore(*load_scenario("olconnect", None))
    job_id = store.job_set(1001).jobs[0].id
    store.delete_job_set(1001, keep_owned=0.2)
    assert 1001 not in store.job_sets
    store.sweep()
    assert store.job(job_id).id == job_id
    time.sleep(0.25)
    store.sweep()
    with pytest.raises(UnknownEntityError):
        store.job(job_id)


@pytest.mark.parametrize("raw", ["abc", "1.5", "99999999999999999999"])
def test_malformed_id_404(raw: str) -> None:
    with running_mock("olconnect", variants={"olc.malformed-id": "404"}) as mock:
        response = _olc(mock, "GET", f"/entity/jobs/{raw}/metadata")
        assert response.status_code == 404
        assert response.json()["error"]["parameter"] == "jobId"


def test_negative_id_unknown() -> None:
    with running_mock("olconnect", variants={"olc.negative-id": "unknown"}) as mock:
        response = _olc(mock, "GET", "/entity/jobs/-1/metadata")
        assert response.status_code == 404
        assert response.json()["error"]["parameter"] == "-1"
        mock.admin(
            "POST",
            "/_mock/variants",
            {"variants": {"olc.negative-id": "unknown", "olc.unknown-id": "empty-200"}},
        )
        assert _olc(mock, "GET", "/entity/jobsegments/-5").json() == {"identifiers": []}
        mock.admin("POST", "/_mock/variants", {"variants": {}})
        assert _olc(mock, "GET", "/entity/jobs/-1/metadata").status_code == 400


@pytest.mark.parametrize("value", ["text", "none"])
def test_entity_error_body(value: str, olconnect_spec: Conformance) -> None:
    """olc.entity-error-body: the entity operations' undocumented 400/404 carry plain text or nothing; the
    Statistics 400/404 (documented) stay JSON Errors, and 401/500 keep olc.error-body's JSON."""
    with running_mock("olconnect", variants={"olc.entity-error-body": value}) as mock:
        job_set = mock.info["ids"]["job_sets"][0]
        answers = [
            (_olc(mock, "GET", "/entity/jobs/99999/metadata"), "getJobMetadata", 404),
            (_olc(mock, "GET", "/entity/jobs/abc"), "getJobSegmentIds", 400),
            (_olc(mock, "GET", "/entity/jobsets/99999/properties"), "getJobSetProperties", 404),
            (_olc(mock, "POST", "/entity/jobsets/abc/delete"), "deleteJobSet", 400),
            (
                _olc(mock, "PUT", "/entity/documents/5001/metadata", content=b"{"),
                "updateDocumentMetadata",
                400,
            ),
        ]
        for response, operation, status in answers:
            assert response.status_code == status, operation
            assert status in olconnect_spec.documented(operation), operation
            if value == "none":  # x-body-optional on every entity 400/404 (the schema check needs a body)
                assert olconnect_spec.model.operation(operation).responses[str(status)].body_optional
                assert response.content == b"", operation
                assert "content-type" not in response.headers, operation
            else:
                olconnect_spec.check(operation, response)
                assert response.headers["content-type"].startswith("text/plain"), operation
                assert response.text.strip(), operation
                assert not response.text.startswith("{"), operation
        statistics = _olc(mock, "GET", "/statistics/jobset/99999")
        assert statistics.status_code == 404
        assert statistics.json()["error"]["status"] == 404
        bad_level = _olc(mock, "GET", f"/statistics/jobset/{job_set}", params={"levelMode": "nope"})
        assert bad_level.status_code == 400
        assert bad_level.json()["error"]["parameter"] == "levelMode"
        wrong = _olc(mock, "GET", "/entity/jobs/2001", auth=("admin", "wrong"))
        assert wrong.status_code == 401
        assert wrong.json()["error"]["status"] == 401
        mismatch = _olc(mock, "PUT", "/entity/jobs/2001/properties", json={"id": 2002, "properties": []})
        assert mismatch.status_code == 500
        assert mismatch.json()["error"]["status"] == 500


def test_token_expires_in_absent_and_server_version() -> None:
    variants = {"olc.token-expires-in": "absent", "olc.server-version": "2021.1"}
    with running_mock("olconnect", variants=variants) as mock:
        login = _olc(mock, "POST", "/authentication/login")
        assert login.status_code == 200
        assert "Token-Expires-In" not in login.headers
        for path in ("/authentication/version", "/entity/jobs/version", "/entity/jobsegments/version"):
            assert _olc(mock, "GET", path).text == "2021.1.0.1"
        mock.admin("POST", "/_mock/variants", {"variants": {"olc.server-version": "2023.1"}})
        assert _olc(mock, "GET", "/authentication/version").text == "2023.1.0.1"
        assert "Token-Expires-In" in _olc(mock, "POST", "/authentication/login").headers
        mock.admin("POST", "/_mock/variants", {})
        assert _olc(mock, "GET", "/authentication/version").text == "2025.2.0.1"  # the scenario's string


def test_update_answer_empty_and_multi_update_replace() -> None:
    variants = {"olc.update-answer": "empty", "olc.multi-update": "replace"}
    with running_mock("olconnect", variants=variants) as mock:
        body = {"id": 2001, "properties": [{"name": "a", "value": "1"}, {"name": "b", "value": "2"}]}
        put = _olc(mock, "PUT", "/entity/jobs/2001/properties", json=body)
        assert put.status_code == 200
        assert put.content == b""
        multi = [{"id": 2001, "properties": [{"name": "c", "value": "3"}]}]
        assert _olc(mock, "PUT", "/entity/jobs/properties", json=multi).status_code == 200
        assert _olc(mock, "GET", "/entity/jobs/2001/properties").json() == [{"name": "c", "value": "3"}]


# -- AvePoint variants


def test_next_link_opaque_and_last_page_null(avepoint_spec: Conformance) -> None:
    variants = {"ave.next-link": "opaque", "ave.last-page-link": "null"}
    with running_mock("avepoint", variants=variants) as mock:
        first = _jobs(mock, pageSize=5)
        link = first.json()["nextLink"]
        assert not link.startswith(("http", "/"))
        assert "%" in link
        assert "pageIndex=1" in base64.b64decode(unquote(link))[9:].decode()
        avepoint_spec.check("listJobs", first)
        last = _jobs(mock, pageSize=5, pageIndex=1000)
        assert last.json()["jobs"] == []
        assert last.json()["nextLink"] is None
        mock.admin("POST", "/_mock/variants", {"variants": {"ave.last-page-link": "empty"}})
        assert _jobs(mock, pageSize=5, pageIndex=1000).json()["nextLink"] == ""


def test_status_alias_ignored_and_inverted_window_empty() -> None:
    window = {"startTime": "2024-12-13T00:00:00Z", "finishTime": "2024-12-12T00:00:00Z"}
    with running_mock("avepoint") as mock:
        assert _jobs(mock, **window).status_code == 400
        assert _jobs(mock, jobStatus=0, status=2).status_code == 400
        mock.admin("POST", "/_mock/variants", {"variants": {"ave.inverted-window": "empty"}})
        inverted = _jobs(mock, **window)
        assert inverted.status_code == 200
        assert inverted.json()["jobs"] == []
        mock.admin("POST", "/_mock/variants", {"variants": {"ave.status-alias": "ignored"}})
        everything = _jobs(mock, pageSize=1000).json()["jobs"]
        ignored = _jobs(mock, status=0, pageSize=1000).json()["jobs"]
        assert ignored == everything
        assert {job["status"] for job in ignored} != {0}
        assert _jobs(mock, jobStatus=0, status=2).status_code == 200


@pytest.mark.parametrize(("value", "media_type"), [("none", None), ("text", "text/plain")])
def test_ave_error_body(value: str, media_type: str | None, avepoint_spec: Conformance) -> None:
    with running_mock("avepoint", variants={"ave.error-body": value}) as mock:
        bad = _jobs(mock, jobType=9)
        assert bad.status_code == 400
        assert bad.headers.get("content-type", "").split(";")[0] == (media_type or "")
        assert bool(bad.content) == (media_type is not None)
        assert bad.headers["request-id"]
        unauthorized = httpx.get(mock.info["jobs_url"], timeout=10)
        assert unauthorized.status_code == 401
        assert unauthorized.headers["WWW-Authenticate"].startswith("Bearer")
        if media_type is not None:
            avepoint_spec.check("listJobs", bad)


def test_app_type_mask() -> None:
    with running_mock("avepoint") as mock:
        assert _jobs(mock, appType=3).status_code == 400
        mock.admin("POST", "/_mock/variants", {"variants": {"ave.app-type-mask": "mask"}})
        both = _jobs(mock, appType=3, pageSize=1000).json()["jobs"]
        gmail = _jobs(mock, appType=1, pageSize=1000).json()["jobs"]
        drive = _jobs(mock, appType=2, pageSize=1000).json()["jobs"]
        assert gmail
        assert drive
        assert sorted(job["jobId"] for job in both) == sorted(job["jobId"] for job in gmail + drive)
        assert _jobs(mock, appType=17).status_code == 400  # 16 is no documented service
        assert _jobs(mock, appType=0).status_code == 400


def test_page_bounds() -> None:
    huge = str(10**20)
    with running_mock("avepoint") as mock:
        assert _jobs(mock, pageIndex=-1).status_code == 400
        assert _jobs(mock, pageSize=0).status_code == 400
        assert _jobs(mock, pageSize=huge).status_code == 200
        assert _jobs(mock, pageIndex=2**31).json()["jobs"] == []
        mock.admin("POST", "/_mock/variants", {"variants": {"ave.page-bounds": "int32"}})
        assert _jobs(mock, pageSize=huge).status_code == 400
        assert _jobs(mock, pageIndex=2**31).status_code == 400
        assert _jobs(mock, pageSize=2**31 - 1).status_code == 200


def test_invalid_client_400() -> None:
    with running_mock("avepoint", variants={"ave.invalid-client": "400"}) as mock:
        client = mock.info["clients"][0]
        form = {"grant_type": "client_credentials", "client_id": client["client_id"], "scope": SCOPE}
        response = httpx.post(mock.token_url, data={**form, "client_secret": "wrong"}, timeout=10)
        assert response.status_code == 400
        assert "WWW-Authenticate" not in response.headers
        assert response.json()["error"] == "invalid_client"


@pytest.mark.parametrize(("value", "expected"), [("empty", ""), ("time", "0001-01-01T00:00:00+00:00")])
def test_running_finish_time(value: str, expected: str) -> None:
    with running_mock("avepoint", variants={"ave.running-finish-time": value}) as mock:
        running = _jobs(mock, jobStatus=0, pageSize=1000).json()["jobs"]
        assert running
        assert all(job["finishTime"] == expected for job in running)
        finished = _jobs(mock, jobStatus=2, pageSize=1000).json()["jobs"]
        assert finished
        assert all(job["finishTime"] > job["startTime"] for job in finished)


def test_docs_literal_profile_end_to_end() -> None:
    with running_mock("olconnect", profile="docs-literal") as mock:
        assert _olc(mock, "GET", "/authentication/version").text.startswith("2021.1")
        assert "Token-Expires-In" not in _olc(mock, "POST", "/authentication/login").headers
        wrong = _olc(mock, "GET", "/entity/jobs/2001", auth=("admin", "wrong"))
        assert wrong.status_code == 403
        assert _olc(mock, "GET", "/entity/jobs/99999").json() == {"identifiers": []}
        assert _olc(mock, "GET", "/entity/jobs/x").status_code == 404
        assert _olc(mock, "GET", "/entity/jobs/-1").json() == {"identifiers": []}
        no_credentials = _olc(mock, "GET", "/entity/jobs/2001", auth=None)
        assert no_credentials.status_code == 401
        assert no_credentials.content == b""
        assert wrong.headers["content-type"].startswith("text/plain")  # "Error message", unstated type


def test_server_serves_what_its_version_has() -> None:
    """One era per server (OLC-60): statistics only from 2024.1, so docs-literal (2021.1) has none."""
    with running_mock("olconnect", profile="docs-literal") as mock:
        statistics = _olc(mock, "GET", "/statistics/jobset/1001")
        assert statistics.status_code == 404
        assert "2024.1" in statistics.json()["error"]["message"]
        assert _olc(mock, "GET", "/statistics/jobset/1001", auth=None).status_code == 401  # auth comes first
        mock.admin("POST", "/_mock/variants", {"variants": {"olc.server-version": "2023.1"}})
        assert _olc(mock, "GET", "/statistics/jobset/1001").status_code == 404
        mock.admin("POST", "/_mock/variants", {})
        for level in ("documentOnly", "documentSetOnly", "documentSetAll"):
            answer = _olc(mock, "GET", "/statistics/jobset/1001", params={"levelMode": level})
            assert answer.status_code == 200, level
