"""The page readers and comparison rules on their own: structure sketches, tables, type words, spec edits."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from scripts.doc_drift import analyse
from scripts.doc_drift.compare import type_mismatch
from scripts.doc_drift.pages import read_page
from scripts.doc_drift.pseudo_json import SketchError, parse_sketch
from scripts.speclib.openapi import schema_view

from .conftest import FIXTURES, ROOT


def _types(fields: dict[str, Any]) -> dict[str, str | None]:
    return {path: field.doc_type for path, field in fields.items()}


def test_sketch_with_unquoted_keys_nested_arrays_and_missing_commas() -> None:
    sketch = """{
        identifiers:[
            {
                item: __the content item entity identifier__, number
                record: __the data record entity identifier__ number
            }
        ]
    }"""
    assert _types(parse_sketch(sketch)) == {
        "": "object",
        "identifiers": "array",
        "identifiers[]": "object",
        "identifiers[].item": "number",
        "identifiers[].record": "number",
    }


def test_sketch_with_quoted_keys_unions_typed_arrays_and_untyped_leaves() -> None:
    sketch = """{
        "color": __the color__, string | null
        "ids": __identifiers__ number[]
        "media": __an object keyed by index, no type word__
    }"""
    assert _types(parse_sketch(sketch)) == {
        "": "object",
        "color": "string | null",
        "ids": "number[]",
        "ids[]": "number",
        "media": None,
    }


def test_sketch_with_members_written_inside_brackets_is_read_as_item_members() -> None:
    fields = _types(parse_sketch("[\n id: __the id__, number\n properties: [ ]\n]"))
    assert fields == {"": "array", "[].id": "number", "[].properties": "array"}


@pytest.mark.parametrize(
    "sketch", ["{ name: __x__, string", "{ name __x__ }", "{ name: __x__ string } }", "{ a: ; }"]
)
def test_malformed_sketch_is_rejected(sketch: str) -> None:
    with pytest.raises(SketchError):
        parse_sketch(sketch)


@pytest.mark.parametrize(
    ("doc_type", "schema", "agrees"),
    [
        ("number", {"type": "integer"}, True),
        ("number", {"type": "string"}, False),
        ("double", {"type": "integer"}, False),
        ("double", {"type": "number"}, True),
        ("string | null", {"type": "string"}, False),
        ("string | null", {"type": ["string", "null"]}, True),
        ("string", {"anyOf": [{"type": "array"}, {"type": "object"}]}, False),
        ("list", {"type": "array"}, True),
        ("number[]", {"type": "array"}, True),
        ("enum", {"type": "integer", "enum": [1]}, True),
        ("nnumber", {"type": "integer"}, False),
        ("string", {}, True),
        # AvePoint job pages: named structures, "Array of X", GUID; a misspelt lower-case word stays unknown.
        ("Array of ApiError", {"type": ["array", "null"]}, True),
        ("Array of ApiError", {"type": "object"}, False),
        ("ResponseMetadata", {"type": "object"}, True),
        ("Restore result", {"type": "object"}, True),
        ("ResponseMetadata", {"type": "string"}, False),
        ("jobs", {"type": "array"}, True),
        ("GUID", {"type": "string"}, True),
        ("GUID", {"type": "integer"}, False),
        ("modul", {"type": "object"}, False),
    ],
)
def test_type_words_against_spec_types(doc_type: str, schema: dict[str, Any], agrees: bool) -> None:
    assert (type_mismatch(doc_type, schema_view(schema)) is None) is agrees


def test_olconnect_page_parameters_statuses_and_headers(shared_docs: Path) -> None:
    result = read_page(shared_docs / "olconnect-statistics-service.md")
    assert result.error is None
    assert result.layout == "olconnect"
    (op,) = result.operations
    assert op.key == "GET /rest/serverengine/statistics/jobset/{jobSetID}"
    level = next(p for p in op.parameters if p.name == "levelMode")
    assert level.location == "query"
    assert level.required is False
    assert level.default == "documentOnly"
    assert level.enum == ["documentSetOnly", "documentSetAll", "documentOnly"]
    assert sorted(op.responses) == ["200", "400", "401", "403", "404"]
    assert op.responses["401"].headers == {"WWW-Authenticate"}
    assert op.responses["401"].no_body is True
    assert op.responses["404"].content_types == {"application/json"}
    assert op.auth_headers == {"Authorization", "auth_token"}
    assert op.response_fields is not None
    assert op.response_fields["media[].color"].doc_type == "string | null"


def test_avepoint_page_enums_defaults_nested_tables_and_samples(shared_docs: Path) -> None:
    result = read_page(shared_docs / "avepoint-gws-backup-retrieve-jobs.md")
    assert result.error is None
    assert result.layout == "avepoint"
    (op,) = result.operations
    assert op.key == "GET /backup/google/admin/jobs"
    params = {p.name: p for p in op.parameters}
    assert params["dataSource"].default == "1"
    assert params["dataSource"].enum == ["1", "2"]
    assert params["pageSize"].default == "100"
    assert params["jobStatus"].enum == ["0", "2", "3", "7"]
    assert all(p.required is False for p in op.parameters)
    assert op.scopes == {"gsuite.graph.read.all"}
    assert "status" in op.sample_query_names
    assert op.response_fields is not None
    assert op.response_fields["jobs[].progress"].doc_type == "double"
    assert op.response_fields["jobs[].appType"].enum == ["1", "2", "4", "8", "64", "128", "4096"]
    assert op.response_fields["message"].source == "response sample"
    assert isinstance(op.response_sample, dict)
    assert len(op.response_sample["jobs"]) == 2


def _spec_dir_copy(tmp_path: Path) -> Path:
    target = tmp_path / "spec"
    target.mkdir()
    for name in ("olconnect.yaml", "avepoint.yaml", "DECISIONS.md", "doc-drift-allowlist.yaml"):
        shutil.copy(ROOT / "spec" / name, target / name)
    return target


def _edit_spec(path: Path, edit: Any) -> None:
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    edit(doc)
    path.write_text(yaml.safe_dump(doc, sort_keys=False), encoding="utf-8")


def test_spec_without_the_token_scheme_misses_the_documented_header(
    shared_docs: Path, tmp_path: Path
) -> None:
    spec_dir = _spec_dir_copy(tmp_path)

    def basic_only(doc: dict[str, Any]) -> None:
        doc["paths"]["/rest/serverengine/entity/jobs/{jobId}/metadata"]["get"]["security"] = [
            {"basicAuth": []}
        ]

    _edit_spec(spec_dir / "olconnect.yaml", basic_only)
    outcome = analyse(shared_docs, spec_dir)
    assert {(f.operation, f.kind, f.subject) for f in outcome.failing} == {
        ("GET /rest/serverengine/entity/jobs/{jobId}/metadata", "auth-missing", "auth_token")
    }


def test_spec_without_a_documented_header_and_status(shared_docs: Path, tmp_path: Path) -> None:
    spec_dir = _spec_dir_copy(tmp_path)

    def drop(doc: dict[str, Any]) -> None:
        responses = doc["paths"]["/rest/serverengine/statistics/jobset/{jobSetId}"]["get"]["responses"]
        del responses["403"]
        if "$ref" in responses["401"]:
            name = responses["401"]["$ref"].rsplit("/", 1)[-1]
            responses["401"] = dict(doc["components"]["responses"][name])
        responses["401"]["headers"] = {}

    _edit_spec(spec_dir / "olconnect.yaml", drop)
    outcome = analyse(shared_docs, spec_dir)
    operation = "GET /rest/serverengine/statistics/jobset/{jobSetID}"
    assert {(f.operation, f.kind, f.subject) for f in outcome.failing} == {
        (operation, "status-missing", "403"),
        (operation, "response-header-missing", "401 WWW-Authenticate"),
    }


def test_login_page_in_the_olconnect_layout_matches_the_spec(docs_copy: Path) -> None:
    """A page type the shared folder lacks: response headers in the success table, a POST without content."""
    shutil.copy(FIXTURES / "pages" / "olconnect-authentication-login.md", docs_copy)
    outcome = analyse(docs_copy, ROOT / "spec")
    login = "POST /rest/serverengine/authentication/login"
    (op,) = [o for p in outcome.pages for o in p.operations if o.key == login]
    assert op.responses["200"].headers == {"Token-Expires-In"}
    assert op.request_content_type == ""
    assert op.auth_headers == {"Authorization"}
    assert outcome.ok
    assert [f.kind for f in outcome.findings if f.operation == login] == []


def test_reader_crash_names_the_page_instead_of_a_traceback(
    shared_docs: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def explode(page: str, sections: object) -> None:
        raise IndexError("row shorter than its header")

    monkeypatch.setattr("scripts.doc_drift.olconnect_layout.parse_page", explode)
    result = read_page(shared_docs / "olconnect-job-entity-service.md")
    assert result.operations == []
    assert result.error == "the page reader failed (IndexError: row shorter than its header)"


def test_uri_with_query_string_and_full_url_endpoint(tmp_path: Path) -> None:
    olc = tmp_path / "olc.md"
    olc.write_text(
        "#### ++Get Stats++\n\n| Method Type | Content Type | Additional Headers |\n| --- | --- | --- |\n"
        "| GET | - | - |\n\n#### URI\n\n/rest/stats/{setId}?levelMode=documentOnly&extra=1\n\n"
        "#### Query parameters\n\n**levelMode (optional)** - how deep. Values:<br/> &middot; **a** - one.\n",
        encoding="utf-8",
    )
    (op,) = read_page(olc).operations
    assert op.path == "/rest/stats/{setId}"
    params = {p.name: p for p in op.parameters}
    assert sorted(params) == ["extra", "levelMode"]
    assert params["levelMode"].enum == ["a"]
    assert params["levelMode"].required is False

    ave = tmp_path / "ave.md"
    ave.write_text(
        "# Jobs\n\n## Request\n\n| Method | Endpoint | Description |\n| --- | --- | --- |\n"
        "| GET | `https://graph-us.example.invalid/backup/google/admin/jobs?pageIndex=0` | List jobs. |\n\n"
        "## Response\n\n| Elements | Description | Type |\n| --- | --- | --- |\n"
        "| jobs | The jobs. | list |\n",
        encoding="utf-8",
    )
    result = read_page(ave)
    assert result.error is None
    assert [o.key for o in result.operations] == ["GET /backup/google/admin/jobs"]
