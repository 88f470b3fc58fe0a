"""Spec diff: spec pairs committed to a temporary git repository, one rule class per case."""

from __future__ import annotations

import copy
import json
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from scripts.spec_diff.changes import Kind, Level
from scripts.spec_diff.schema_diff import SchemaDiff

from .conftest import SPEC_DIFF, GitRunner

Spec = dict[str, Any]


def base_spec() -> Spec:
    """A small API written for these tests: one list call with filters, one update call, shared schemas."""
    return {
        "openapi": "3.1.0",
        "info": {"title": "Test API", "version": "1.2.3", "x-package-revision": 4},
        "servers": [{"url": "https://api.example.invalid"}],
        "paths": {
            "/items": {
                "get": {
                    "operationId": "listItems",
                    "tags": ["Items"],
                    "parameters": [
                        {"name": "kind", "in": "query", "schema": {"$ref": "#/components/schemas/Kind"}},
                        {"name": "limit", "in": "query", "schema": {"type": "number", "minimum": 1}},
                    ],
                    "responses": {
                        "200": {
                            "description": "a page",
                            "content": {
                                "application/json": {"schema": {"$ref": "#/components/schemas/Page"}}
                            },
                        },
                        "400": {"description": "bad filter"},
                    },
                }
            },
            "/items/{itemId}": {
                "put": {
                    "operationId": "updateItem",
                    "tags": ["Items"],
                    "parameters": [
                        {"name": "itemId", "in": "path", "required": True, "schema": {"type": "integer"}}
                    ],
                    "requestBody": {
                        "required": True,
                        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Item"}}},
                    },
                    "responses": {
                        "200": {"description": "updated", "content": {"text/plain": {"schema": {}}}}
                    },
                }
            },
        },
        "components": {
            "schemas": {
                "Kind": {"type": "integer", "enum": [1, 2, 4], "x-enum-varnames": ["ONE", "TWO", "FOUR"]},
                "State": {"type": "string", "enum": ["new", "done"]},
                "Item": {
                    "type": "object",
                    "required": ["id", "kind"],
                    "properties": {
                        "id": {"type": "integer"},
                        "kind": {"$ref": "#/components/schemas/Kind"},
                        "state": {"$ref": "#/components/schemas/State"},
                        "note": {"type": "string"},
                    },
                },
                "Page": {
                    "type": "object",
                    "required": ["items"],
                    "properties": {
                        "items": {"type": "array", "items": {"$ref": "#/components/schemas/Item"}}
                    },
                },
            }
        },
    }


def _list(spec: Spec) -> Spec:
    op: Spec = spec["paths"]["/items"]["get"]
    return op


def _update(spec: Spec) -> Spec:
    op: Spec = spec["paths"]["/items/{itemId}"]["put"]
    return op


def _item(spec: Spec) -> Spec:
    schema: Spec = spec["components"]["schemas"]["Item"]
    return schema


def response_enum_widened(spec: Spec) -> None:
    spec["components"]["schemas"]["State"]["enum"].append("archived")


def request_enum_widened(spec: Spec) -> None:
    _list(spec)["parameters"][0] = {
        "name": "kind",
        "in": "query",
        "schema": {"type": "integer", "enum": [1, 2, 4, 8]},
    }


def request_enum_narrowed(spec: Spec) -> None:
    _list(spec)["parameters"][0] = {
        "name": "kind",
        "in": "query",
        "schema": {"type": "integer", "enum": [1, 2]},
    }


def removed_operation(spec: Spec) -> None:
    del spec["paths"]["/items/{itemId}"]


def new_operation(spec: Spec) -> None:
    spec["paths"]["/items/{itemId}"]["get"] = {
        "operationId": "getItem",
        "responses": {"200": {"description": "one item"}},
    }


def new_required_parameter(spec: Spec) -> None:
    _list(spec)["parameters"].append(
        {"name": "owner", "in": "query", "required": True, "schema": {"type": "string"}}
    )


def new_optional_parameter(spec: Spec) -> None:
    _list(spec)["parameters"].append({"name": "owner", "in": "query", "schema": {"type": "string"}})


def changed_response_content_type(spec: Spec) -> None:
    _update(spec)["responses"]["200"]["content"] = {"application/json": {"schema": {"type": "boolean"}}}


def changed_request_content_type(spec: Spec) -> None:
    body = _update(spec)["requestBody"]["content"]
    body["application/xml"] = body.pop("application/json")


def type_narrowed(spec: Spec) -> None:
    _list(spec)["parameters"][1]["schema"]["type"] = "integer"


def removed_status_code(spec: Spec) -> None:
    del _list(spec)["responses"]["400"]


def removed_optional_response_field(spec: Spec) -> None:
    del _item(spec)["properties"]["note"]


def response_field_nullable(spec: Spec) -> None:
    _item(spec)["properties"]["note"]["type"] = ["string", "null"]


def renamed_path_parameter(spec: Spec) -> None:
    item = spec["paths"].pop("/items/{itemId}")
    item["put"]["parameters"][0]["name"] = "id"
    spec["paths"]["/items/{id}"] = item


def new_optional_field(spec: Spec) -> None:
    _item(spec)["properties"]["label"] = {"type": "string"}


def new_required_request_field(spec: Spec) -> None:
    _item(spec)["properties"]["label"] = {"type": "string"}
    _item(spec)["required"].append("label")


def enum_member_renamed(spec: Spec) -> None:
    spec["components"]["schemas"]["Kind"]["x-enum-varnames"][2] = "QUAD"


def model_renamed(spec: Spec) -> None:
    schemas = spec["components"]["schemas"]
    schemas["Status"] = schemas.pop("State")
    _item(spec)["properties"]["state"] = {"$ref": "#/components/schemas/Status"}


def server_removed(spec: Spec) -> None:
    spec["servers"] = [{"url": "https://new.example.invalid"}]


def description_only(spec: Spec) -> None:
    _list(spec)["description"] = "Lists the items, newest first."


Mutation = Callable[[Spec], None]

# (mutation, expected level, expected rule, expected bump)
CASES: dict[str, tuple[Mutation, str, str, str]] = {
    "response enum widened": (response_enum_widened, "WARN", "response-enum-value-added", "minor"),
    "request enum widened": (request_enum_widened, "INFO", "request-enum-value-added", "minor"),
    "request enum narrowed": (request_enum_narrowed, "ERR", "request-enum-value-removed", "major"),
    "removed operation": (removed_operation, "ERR", "endpoint-removed", "major"),
    "new operation": (new_operation, "INFO", "endpoint-added", "minor"),
    "new required parameter": (new_required_parameter, "ERR", "new-required-request-parameter", "major"),
    "new optional parameter": (new_optional_parameter, "INFO", "new-optional-request-parameter", "minor"),
    "changed response content type": (
        changed_response_content_type,
        "ERR",
        "response-media-type-removed",
        "major",
    ),
    "changed request content type": (
        changed_request_content_type,
        "ERR",
        "request-body-media-type-removed",
        "major",
    ),
    "type narrowed": (type_narrowed, "ERR", "request-type-narrowed", "major"),
    "removed status code": (removed_status_code, "ERR", "response-status-removed", "major"),
    "removed optional response field": (
        removed_optional_response_field,
        "WARN",
        "response-optional-property-removed",
        "minor",
    ),
    "response field became nullable": (response_field_nullable, "ERR", "response-became-nullable", "major"),
    "renamed path parameter": (renamed_path_parameter, "ERR", "request-path-parameter-renamed", "major"),
    "new optional field": (new_optional_field, "INFO", "response-property-added", "minor"),
    "new required request field": (
        new_required_request_field,
        "ERR",
        "request-new-required-property",
        "major",
    ),
    "enum member renamed": (enum_member_renamed, "ERR", "request-enum-member-renamed", "major"),
    "model renamed": (model_renamed, "ERR", "component-schema-removed", "major"),
    "server removed": (server_removed, "WARN", "api-server-removed", "minor"),
    "description only": (description_only, "INFO", "api-description-changed", "patch"),
}


def write_spec(path: Path, spec: Spec, header: str = "") -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(header + yaml.safe_dump(spec, sort_keys=False), encoding="utf-8")


def spec_diff(repo: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*SPEC_DIFF, *args],
        cwd=repo,
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.fixture
def committed(git_repo: tuple[Path, GitRunner]) -> tuple[Path, GitRunner]:
    """The base spec committed as spec/api.yaml."""
    repo, git = git_repo
    write_spec(repo / "spec" / "api.yaml", base_spec())
    git("add", ".")
    git("commit", "-q", "-m", "base spec")
    return repo, git


@pytest.mark.parametrize("name", sorted(CASES))
def test_change_is_classified(name: str, committed: tuple[Path, GitRunner]) -> None:
    repo, _ = committed
    mutate, level, rule, bump = CASES[name]
    spec = copy.deepcopy(base_spec())
    mutate(spec)
    write_spec(repo / "spec" / "api.yaml", spec)
    result = spec_diff(repo, "HEAD", "--format", "json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)["specs"][0]
    found = {(c["level"], c["rule"]) for c in report["changes"]}
    assert (level, rule) in found, f"{name}: got {found}"
    assert report["bump"] == bump
    worst = max(("INFO", "WARN", "ERR").index(c["level"]) for c in report["changes"])
    assert ("INFO", "WARN", "ERR")[worst] == level, f"{name}: a stronger level than expected in {found}"


def test_unchanged_spec_needs_no_bump(committed: tuple[Path, GitRunner]) -> None:
    repo, _ = committed
    result = spec_diff(repo, "HEAD", "--format", "json", "--fail-on", "INFO")
    assert result.returncode == 0
    report = json.loads(result.stdout)["specs"][0]
    assert report["changes"] == []
    assert report["bump"] is None


def test_fail_on_levels(committed: tuple[Path, GitRunner]) -> None:
    repo, _ = committed
    spec = copy.deepcopy(base_spec())
    response_enum_widened(spec)
    write_spec(repo / "spec" / "api.yaml", spec)
    assert spec_diff(repo, "HEAD", "--fail-on", "ERR").returncode == 0
    assert spec_diff(repo, "HEAD", "--fail-on", "WARN").returncode == 1
    removed_operation(spec)
    write_spec(repo / "spec" / "api.yaml", spec)
    failing = spec_diff(repo, "HEAD", "--fail-on", "ERR")
    assert failing.returncode == 1
    assert "ERR  endpoint-removed" in failing.stdout
    assert "api-client needs a major bump: 1.2.3 -> 2.0.0" in failing.stdout


def test_markdown_report(committed: tuple[Path, GitRunner]) -> None:
    repo, _ = committed
    spec = copy.deepcopy(base_spec())
    new_required_parameter(spec)
    write_spec(repo / "spec" / "api.yaml", spec)
    result = spec_diff(repo, "HEAD", "--format", "markdown")
    assert result.returncode == 0
    assert "| level | rule | operation | where | change |" in result.stdout
    assert "| ERR | new-required-request-parameter | GET /items | query:owner |" in result.stdout


def test_apply_bumps_version_and_writes_changelog(committed: tuple[Path, GitRunner]) -> None:
    repo, _ = committed
    spec_file = repo / "spec" / "api.yaml"
    spec = copy.deepcopy(base_spec())
    removed_operation(spec)
    new_optional_parameter(spec)
    write_spec(spec_file, spec, header="# Hand-written comment that --apply must keep.\n")
    result = spec_diff(repo, "HEAD", "--apply")
    assert result.returncode == 0, result.stderr
    text = spec_file.read_text()
    assert text.startswith("# Hand-written comment that --apply must keep.\n")
    info = yaml.safe_load(text)["info"]
    assert info["version"] == "2.0.0"
    assert info["x-package-revision"] == 0
    changelog = (repo / "CHANGELOG.md").read_text()
    assert "## [Unreleased]" in changelog
    assert "## [api-client 2.0.0] - " in changelog
    assert "### Removed" in changelog
    assert "- **Breaking:** `PUT /items/{itemId}`: operation removed [endpoint-removed]" in changelog
    assert "### Added" in changelog
    assert "`GET /items` (query:owner): new optional [new-optional-request-parameter]" in changelog
    # Running it again (e.g. after a further edit) replaces the entry instead of adding a second one.
    assert spec_diff(repo, "HEAD", "--apply").returncode == 0
    again = (repo / "CHANGELOG.md").read_text()
    assert again.count("## [api-client 2.0.0]") == 1
    assert yaml.safe_load(spec_file.read_text())["info"]["version"] == "2.0.0"


def test_apply_adds_missing_revision_and_minor_bump(committed: tuple[Path, GitRunner]) -> None:
    repo, git = committed
    spec = copy.deepcopy(base_spec())
    del spec["info"]["x-package-revision"]
    write_spec(repo / "spec" / "api.yaml", spec)
    git("commit", "-q", "-am", "no revision field")
    new_operation(spec)
    write_spec(repo / "spec" / "api.yaml", spec)
    assert spec_diff(repo, "HEAD", "--apply").returncode == 0
    info = yaml.safe_load((repo / "spec" / "api.yaml").read_text())["info"]
    assert info == {"title": "Test API", "version": "1.3.0", "x-package-revision": 0}


def test_new_spec_needs_no_bump(committed: tuple[Path, GitRunner]) -> None:
    repo, _ = committed
    write_spec(repo / "spec" / "other.yaml", base_spec())
    result = spec_diff(repo, "HEAD", "--format", "json", "--spec", "spec/other.yaml")
    report = json.loads(result.stdout)["specs"][0]
    assert report["new_spec"] is True
    assert report["bump"] is None


def test_unknown_ref_is_a_one_line_error(committed: tuple[Path, GitRunner]) -> None:
    repo, _ = committed
    result = spec_diff(repo, "no-such-ref")
    assert result.returncode == 2
    assert result.stderr.strip() == f"spec_diff: git ref 'no-such-ref' not found in {repo.resolve()}"


def test_broken_working_tree_spec_is_a_one_line_error(committed: tuple[Path, GitRunner]) -> None:
    repo, _ = committed
    (repo / "spec" / "api.yaml").write_text("openapi: 3.1.0\ninfo: [unclosed\n", encoding="utf-8")
    result = spec_diff(repo, "HEAD", "--spec", "spec/api.yaml")
    assert result.returncode == 2
    assert result.stderr.startswith("spec_diff: spec/api.yaml: not valid YAML")
    assert "Traceback" not in result.stderr


# --- anyOf/oneOf compared as unions -------------------------------------------------------------------------

ANY_CASE = (
    "^[nN][eE][wW]$|^[dD][oO][nN][eE]$|^[aA][rR][cC][hH][iI][vV][eE][dD]$|^[pP][eE][nN][dD][iI][nN][gG]$"
)


def _union_report(
    committed: tuple[Path, GitRunner], old: Spec, new: Spec, where: str = "parameter"
) -> dict[str, Any]:
    """Commit a spec whose `state` query parameter (or text/plain answer) has schema `old`; diff `new`."""
    repo, git = committed

    def with_schema(schema: Spec) -> Spec:
        spec = copy.deepcopy(base_spec())
        if where == "parameter":
            _list(spec)["parameters"].append(
                {"name": "state", "in": "query", "schema": copy.deepcopy(schema)}
            )
        else:
            _update(spec)["responses"]["200"]["content"]["text/plain"]["schema"] = copy.deepcopy(schema)
        return spec

    write_spec(repo / "spec" / "api.yaml", with_schema(old))
    git("commit", "-q", "--allow-empty", "-am", "union base")
    write_spec(repo / "spec" / "api.yaml", with_schema(new))
    result = spec_diff(repo, "HEAD", "--format", "json")
    assert result.returncode == 0, result.stderr
    report: dict[str, Any] = json.loads(result.stdout)["specs"][0]
    return report


def _rules(report: dict[str, Any]) -> set[tuple[str, str]]:
    return {(c["level"], c["rule"]) for c in report["changes"]}


def test_anyof_branch_added_beside_the_old_schema_is_a_widening(committed: tuple[Path, GitRunner]) -> None:
    old = {"$ref": "#/components/schemas/State"}
    new = {"anyOf": [{"$ref": "#/components/schemas/State"}, {"type": "string", "maxLength": 0}]}
    report = _union_report(committed, old, new)
    assert _rules(report) == {("INFO", "request-alternative-added")}
    assert report["bump"] == "minor"
    # The same widening of what a server may send is a WARN, like a new enum value.
    response = _union_report(
        committed,
        {"type": "string", "enum": ["true"]},
        {"anyOf": [{"type": "string", "enum": ["true"]}, {"type": "string", "maxLength": 0}]},
        where="response",
    )
    assert _rules(response) == {("WARN", "response-alternative-added")}
    assert response["bump"] == "minor"


def test_pattern_only_in_a_new_anyof_branch_is_no_narrowing(committed: tuple[Path, GitRunner]) -> None:
    old = {"$ref": "#/components/schemas/State"}
    new = {"anyOf": [{"$ref": "#/components/schemas/State"}, {"type": "string", "pattern": ANY_CASE}]}
    report = _union_report(committed, old, new)
    assert _rules(report) == {("INFO", "request-alternative-added")}
    (change,) = report["changes"]
    assert "pattern '^[nN][eE][wW]$" in change["message"]
    assert change["message"].endswith("…")  # the regex is cut, not printed whole
    assert len(change["message"]) < 110
    # An old string-or-null parameter that gains a new pattern branch only: still nothing narrowed.
    nullable = {"type": ["string", "null"], "format": "date-time"}
    widened = {
        "anyOf": [
            {"type": "string", "format": "date-time"},
            {"type": "string", "pattern": ANY_CASE},
            {"type": "null"},
        ]
    }
    assert _rules(_union_report(committed, nullable, widened)) == {("INFO", "request-alternative-added")}


def test_real_narrowing_inside_anyof_is_still_breaking(committed: tuple[Path, GitRunner]) -> None:
    old = {
        "anyOf": [
            {"type": "string", "enum": ["new", "done", "archived"]},
            {"type": "string", "pattern": "^x-"},
        ]
    }
    new = {"anyOf": [{"type": "string", "enum": ["new", "done"]}, {"type": "string", "pattern": "^x-"}]}
    report = _union_report(committed, old, new)
    assert _rules(report) == {("ERR", "request-enum-value-removed")}
    assert "'archived'" in report["changes"][0]["message"]
    assert report["bump"] == "major"
    # Dropping a whole alternative that nothing else covers breaks senders too.
    dropped = _union_report(committed, old, {"type": "string", "pattern": "^x-"})
    assert _rules(dropped) == {("ERR", "request-alternative-removed")}


def test_undecidable_composition_change_is_one_review_warning(committed: tuple[Path, GitRunner]) -> None:
    old = {"anyOf": [{"type": "string", "pattern": "^a"}, {"type": "string", "enum": ["x"]}]}
    new = {"anyOf": [{"type": "string", "pattern": "^b"}, {"type": "string", "enum": ["x"]}]}
    report = _union_report(committed, old, new)
    assert [(c["level"], c["rule"], c["message"]) for c in report["changes"]] == [
        ("WARN", "request-composition-changed", "composition changed (review)")
    ]
    assert report["bump"] == "minor"


def _schema_changes(direction: str, old: Spec, new: Spec) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []

    def emit(level: Level, kind: Kind, rule: str, where: str, message: str) -> None:
        found.append((level.name, rule))

    SchemaDiff(direction, emit).run(old, new, "")
    return found


def test_listed_values_kept_by_other_alternatives_are_not_removed() -> None:
    old = {"type": "string", "enum": ["new", "done", "archived"]}
    split = {"anyOf": [{"type": "string", "enum": ["new"]}, {"type": "string", "enum": ["done", "archived"]}]}
    assert _schema_changes("request", old, split) == []
    # 'archived' left the enum but the new pattern branch still takes it: a widening, not a removal.
    by_pattern = {
        "anyOf": [{"type": "string", "enum": ["new", "done"]}, {"type": "string", "pattern": "^[a-z]+$"}]
    }
    assert _schema_changes("request", old, by_pattern) == [("INFO", "request-alternative-added")]
    # A value nothing takes any more is removed, whichever side of the union it was on.
    gone = {"anyOf": [{"type": "string", "enum": ["new", "done"]}, {"type": "string", "pattern": "^x-"}]}
    assert sorted(_schema_changes("request", old, gone)) == [
        ("ERR", "request-enum-value-removed"),
        ("INFO", "request-alternative-added"),
    ]
    # Nullable unions: a null branch the old schema lacked is the usual became-nullable break in a response.
    nullable = {"anyOf": [{"type": "string"}, {"type": "null"}]}
    assert _schema_changes("response", {"type": "string"}, nullable) == [("ERR", "response-became-nullable")]
