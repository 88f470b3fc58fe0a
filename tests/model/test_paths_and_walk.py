"""spec_model's path-template arithmetic and its tolerant reading of a document (the spec checks' walk)."""

from __future__ import annotations

import pytest

import spec_model
from spec_model import SpecModel, SpecRefError, iter_operations, parse_document
from spec_model.walk import iter_all_schemas, iter_sites

BROKEN = """
openapi: 3.1.0
info: {title: t, version: "1"}
paths:
  /jobs/{jobId}:
    parameters:
      - {name: jobId, in: path, required: true, schema: {type: integer}}
      - $ref: "#/components/parameters/Missing"
    get:
      operationId: getJob
      responses:
        "200": {$ref: "#/components/responses/Missing"}
        "404":
          description: no such job
          content:
            application/json: {schema: {type: object, properties: {message: {type: string}}}}
  /jobs/version:
    get:
      responses:
        "200": {description: the version}
"""


def test_a_template_as_shape_variables_regex_and_filled_path() -> None:
    template = "/jobs/{jobId}/segments/{segmentId}"
    assert spec_model.path_shape(template) == "/jobs/{}/segments/{}"
    assert spec_model.path_shape(" /a/{x} ") == "/a/{}"
    assert spec_model.path_variables(template) == ["jobId", "segmentId"]
    match = spec_model.path_regex(template).fullmatch("/jobs/12/segments/a.b")
    assert match is not None
    assert (match["jobId"], match.group(2)) == ("12", "a.b")
    assert spec_model.path_regex(template).fullmatch("/jobs/12/segments/a/b") is None
    assert spec_model.path_regex(template, r"\d+").fullmatch("/jobs/12/segments/x") is None
    assert spec_model.path_regex("/a.b/{x}").fullmatch("/aXb/1") is None  # literal parts are escaped
    assert spec_model.fill_path(template, {"jobId": 7}) == "/jobs/7/segments/{segmentId}"


def test_a_literal_segment_is_more_specific_than_a_variable() -> None:
    assert spec_model.literal_segments("/jobs/version") == 2
    assert spec_model.literal_segments("/jobs/{jobId}") == 1


def test_the_tolerant_reader_goes_on_past_a_broken_reference() -> None:
    document = parse_document(BROKEN)
    with pytest.raises(SpecRefError, match="Missing"):
        SpecModel(document)
    operations = iter_operations(document)
    assert [op.label for op in operations] == ["GET /jobs/{jobId}", "GET /jobs/version"]
    get_job = operations[0]
    assert get_job.operation_id == "getJob"
    assert get_job.name == "getJob"
    assert operations[1].name == "GET /jobs/version"
    assert [p.name for p in get_job.parameters] == ["jobId"]  # the broken $ref is left out, not raised
    assert set(get_job.responses) == {"404"}
    assert get_job.pointer == "/paths/~1jobs~1{jobId}/get"
    # The document's own nodes, so a check can find an operation by identity and report at its pointer.
    assert get_job.raw is document["paths"]["/jobs/{jobId}"]["get"]
    assert get_job.path_item is document["paths"]["/jobs/{jobId}"]


def test_the_walk_visits_every_site_and_schema_once() -> None:
    document = parse_document(BROKEN)
    sites = {site.pointer: site.kind for site in iter_sites(document)}
    assert sites == {
        "/paths/~1jobs~1{jobId}/parameters/0": "parameter",
        "/paths/~1jobs~1{jobId}/get/responses/404/content/application~1json": "media type",
    }
    pointers = [where for where, _ in iter_all_schemas(document)]
    assert pointers == [
        "/paths/~1jobs~1{jobId}/parameters/0/schema",
        "/paths/~1jobs~1{jobId}/get/responses/404/content/application~1json/schema",
        "/paths/~1jobs~1{jobId}/get/responses/404/content/application~1json/schema/properties/message",
    ]
