"""The spec model: one strict loader, ``$ref`` resolution, typed operations and the API registry."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

import spec_model
from spec_model import SpecLoadError, SpecModel, SpecRefError, parse_document, spec
from spec_model.error_text import error_text_pointers
from spec_model.security import operation_security

ROOT = Path(__file__).resolve().parents[2]

SMALL = """
openapi: 3.1.0
info: {title: t, version: 1.2.3}
paths:
  /things/{thingId}:
    parameters:
      - $ref: "#/components/parameters/ThingId"
    get:
      operationId: getThing
      parameters:
        - {name: mode, in: query, schema: {$ref: "#/components/schemas/Mode", default: a}}
      responses:
        "200":
          $ref: "#/components/responses/Thing"
        4XX: {description: client error}
    put:
      operationId: putThing
      x-write: {replaces: the thing, idParameter: thingId}
      requestBody:
        required: true
        content:
          application/json: {schema: {$ref: "#/components/schemas/Thing"}}
      responses:
        "200": {description: ok, x-body-optional: true}
components:
  parameters:
    ThingId: {name: thingId, in: path, required: true, schema: {type: integer}}
  schemas:
    Mode: {type: string, enum: [a, b]}
    Thing:
      type: object
      properties:
        child: {$ref: "#/components/schemas/Thing"}
        since: {type: string, example: 2026-01-01}
  responses:
    Thing:
      description: the thing
      content:
        application/json: {schema: {$ref: "#/components/schemas/Thing"}}
      links:
        Update: {operationId: putThing, parameters: {thingId: "$request.path.thingId"}}
"""


@pytest.fixture
def model() -> SpecModel:
    return SpecModel(parse_document(SMALL), source="small.yaml")


def test_loader_keeps_json_data() -> None:
    data = parse_document("a: 2026-01-01\n200: x\ntrue: y\n")
    assert data == {"a": "2026-01-01", "200": "x", "true": "y"}


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("a: 1\na: 2\n", "duplicate key 'a' at line 2"),
        ("a: [1\n", "YAML syntax error"),
        ("- 1\n- 2\n", "not a mapping"),
    ],
)
def test_loader_refuses_what_json_cannot_say(text: str, reason: str) -> None:
    with pytest.raises(SpecLoadError, match=reason):
        parse_document(text)


def test_operations_carry_merged_parameters_and_followed_refs(model: SpecModel) -> None:
    get = model.operation("getThing")
    assert (get.method, get.path, get.label) == ("GET", "/things/{thingId}", "GET /things/{thingId}")
    assert [(p.name, p.location, p.required) for p in get.parameters] == [
        ("thingId", "path", True),
        ("mode", "query", False),
    ]
    assert get.parameter("thingId").pointer == "/components/parameters/ThingId"
    # A schema's $ref is followed and the sibling default laid over the target.
    assert get.parameter("mode").schema == {"type": "string", "enum": ["a", "b"], "default": "a"}
    ok = get.response_for(200)
    assert ok is not None
    assert ok.pointer == "/components/responses/Thing"
    assert ok.links["Update"].operation_id == "putThing"
    media = ok.json()
    assert media is not None
    assert media.schema_pointer == "/components/responses/Thing/content/application~1json/schema"
    missing = get.response_for(404)
    assert missing is not None
    assert missing.status == "4XX"
    assert get.response_for(500) is None


def test_write_marker_and_body_optional_are_read_once(model: SpecModel) -> None:
    put = model.operation("putThing")
    assert put.write == spec_model.WriteEffect(replaces="the thing", id_parameter="thingId")
    assert model.operation("getThing").write is None
    assert list(model.writes()) == ["putThing"]
    assert put.request_body is not None
    assert put.request_body.required
    assert put.responses["200"].body_optional
    assert put.path_with(thingId=7) == "/things/7"


def test_unknown_operation_names_the_known_ones(model: SpecModel) -> None:
    with pytest.raises(KeyError, match=r"'getThings' is not in small.yaml \(known: getThing, putThing\)"):
        model.operation("getThings")


def test_inline_replaces_refs_and_stops_at_cycles(model: SpecModel) -> None:
    thing = model.refs.inline({"$ref": "#/components/schemas/Thing"})
    assert thing["properties"]["child"] == {"$ref": "#/components/schemas/Thing"}
    assert thing["properties"]["since"]["example"] == "2026-01-01"


def test_a_dangling_ref_names_only_the_reference() -> None:
    document = parse_document(
        SMALL.replace("#/components/parameters/ThingId", "#/components/parameters/Nope")
    )
    with pytest.raises(SpecRefError) as caught:
        SpecModel(document)
    assert str(caught.value) == "$ref '#/components/parameters/Nope' points at nothing"


def test_validators_resolve_through_the_model_registry(model: SpecModel) -> None:
    body = model.operation("putThing").request_body
    assert body is not None
    pointer = body.content["application/json"].schema_pointer
    validator = Draft202012Validator(model.refs.schema_ref(pointer), registry=model.refs.registry)
    assert validator.is_valid({"child": {"since": "x"}})
    assert not validator.is_valid({"child": {"since": 3}})


def test_registry_names_each_api_once_and_loads_its_spec() -> None:
    assert spec_model.API_NAMES == ("olconnect", "avepoint")
    for name in spec_model.API_NAMES:
        model = spec_model.spec(name)
        assert model is spec_model.spec(name), "a spec is loaded once per process"
        assert model.operations
        assert all(op.operation_id for op in model.operations.values())
    assert set(spec_model.spec("olconnect").writes()) == {
        "updateMultipleJobProperties",
        "updateJobMetadata",
        "updateJobProperties",
        "updateJobSegmentMetadata",
        "updateJobSetMetadata",
        "updateJobSetProperties",
        "updateDocumentSetMetadata",
        "updateDocumentMetadata",
        "deleteJobSet",
        "updateDataSetProperties",
        "deleteDataSet",
        "submitJobCreation",
        "cancelJobCreation",
        "submitOutputCreation",
        "submitOutputCreationByJobs",
        "cancelOutputCreation",
        "submitAllInOne",
        "cancelAllInOne",
    }
    with pytest.raises(KeyError, match="unknown API 'olconect'"):
        spec_model.api("olconect")


def test_installed_layout_uses_packaged_specs(tmp_path: Path) -> None:
    """A wheel carries the specs as spec_model/specs/*.yaml (hatch force-include); they win over spec/."""
    package = tmp_path / "site" / "spec_model"
    shutil.copytree(ROOT / "spec_model", package, ignore=shutil.ignore_patterns("__pycache__"))
    (package / "specs").mkdir()
    for name in spec_model.API_NAMES:
        shutil.copy(ROOT / "spec" / f"{name}.yaml", package / "specs" / f"{name}.yaml")
    shutil.copy(ROOT / "spec" / "variants.yaml", package / "specs" / "variants.yaml")
    code = (
        "from spec_model import spec_path, variants; from spec_model.variants import variants_path;"
        " print(spec_path('avepoint')); print(variants_path()); print(len(variants().variants))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(tmp_path / "site")},
        timeout=30,
        check=True,
    )
    specs, catalog, count = result.stdout.split()
    assert specs == str(package / "specs" / "avepoint.yaml")
    assert catalog == str(package / "specs" / "variants.yaml")
    assert int(count) == len(spec_model.variants().variants)


def test_each_operation_security_and_the_scheme_it_issues_come_from_the_spec() -> None:
    olc, ave = spec("olconnect"), spec("avepoint")
    login = operation_security(olc, olc.operation("login"))
    assert (login.schemes, login.issues) == (("basicAuth",), "authToken")  # its success link fills auth_token
    metadata = operation_security(olc, olc.operation("getJobMetadata"))
    assert (metadata.schemes, metadata.issues) == (("basicAuth", "authToken"), None)
    token = operation_security(ave, ave.operation("requestToken"))
    assert (token.schemes, token.issues) == ((), "oauth2")  # security: [] at the tokenUrl's path
    jobs = operation_security(ave, ave.operation("listJobs"))
    assert (jobs.schemes, jobs.scopes, jobs.issues) == (("oauth2",), ("gsuite.graph.read.all",), None)
    issuing = [op.name for model in (olc, ave) for op in model.operations.values()
               if operation_security(model, op).issues]  # fmt: skip
    assert sorted(issuing) == ["login", "requestToken"]


def test_error_text_pointers_are_read_in_document_order() -> None:
    assert [(p.schema, p.message, p.parameter) for p in error_text_pointers(spec("olconnect"))] == [
        ("JsonError", "/error/message", "/error/parameter")
    ]
    assert [(p.schema, p.message, p.detail) for p in error_text_pointers(spec("avepoint"))] == [
        ("ErrorResponse", "/message", None),
        ("OAuthError", "/error", "/error_description"),
    ]
