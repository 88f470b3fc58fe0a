"""The client view of a spec (scripts/generate/client_view.py) and the template facts beside it."""

from __future__ import annotations

import copy
from typing import Any

import pytest

import spec_model
from scripts.generate.client_view import client_view
from scripts.generate.errors import GenerationError
from scripts.generate.template_facts import docstring_text, operation_facts


def _object(**properties: dict[str, Any]) -> dict[str, Any]:
    return {
        "components": {
            "schemas": {"Thing": {"type": "object", "required": ["a", "b"], "properties": properties}}
        }
    }


def test_markers_become_plain_date_times_and_optional_members_without_touching_the_input() -> None:
    spec = _object(
        a={"$ref": "#/x", "x-client-datetime": "utc", "description": "A time."},
        b={"anyOf": [{"type": "null"}], "x-client-datetime": "optional-utc"},
        c={"type": "integer", "x-client-optional": "filled by the client"},
        d={"type": "string"},
    )
    spec["components"]["schemas"]["Thing"]["required"].append("c")
    before = copy.deepcopy(spec)
    view = client_view(spec)["components"]["schemas"]["Thing"]
    assert spec == before
    assert view["properties"]["a"] == {"type": "string", "format": "date-time", "description": "A time."}
    assert view["properties"]["b"] == {"type": ["string", "null"], "format": "date-time"}
    assert view["required"] == ["a", "b"]  # c left it; b stays required so that no Unset is added
    assert view["properties"]["d"] == {"type": "string"}


def test_an_unknown_datetime_kind_stops_the_generation() -> None:
    with pytest.raises(GenerationError, match="x-client-datetime"):
        client_view(_object(a={"type": "string", "x-client-datetime": "local"}))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Jobs per page (AVE-09).", "Jobs per page."),
        ("How deep. See OLC-12 in spec/DECISIONS.md.", "How deep."),
        ("An ID (see OLC-05 and OLC-20 in spec/DECISIONS.md).", "An ID."),
        ("Two\n  lines.", "Two lines."),
    ],
)
def test_docstring_text_drops_pointers_into_the_decisions(text: str, expected: str) -> None:
    assert docstring_text(text) == expected


def test_a_pointer_the_cleaning_misses_stops_the_generation() -> None:
    with pytest.raises(GenerationError, match="DECISIONS"):
        docstring_text("Read spec/DECISIONS.md for why.")


def test_the_facts_name_the_checks_of_each_write() -> None:
    model = spec_model.spec("olconnect")
    single = operation_facts(model, model.operation("updateJobMetadata"))
    assert single["id_parameter"] == "jobId"
    assert single["update_answer"] is True
    multi = operation_facts(model, model.operation("updateMultipleJobProperties"))
    assert multi["write_list"] is True
    assert "update_answer" not in multi
    # Text answers: the delete answers the update schema; a handshake's message has a pattern, a version none.
    assert operation_facts(model, model.operation("deleteJobSet"))["update_answer"] is True
    handshake = operation_facts(model, model.operation("getJobEntityHandshake"))
    assert handshake["text_pattern"].startswith("^Server Engine REST Service available")
    assert "update_answer" not in handshake
    assert "text_pattern" not in operation_facts(model, model.operation("getJobEntityVersion"))
    statistics = operation_facts(model, model.operation("getJobSetStatistics"))
    assert statistics["any_case"] == {"levelMode": ["documentOnly", "documentSetOnly", "documentSetAll"]}
