"""The mocks' route table and parameter readers come from the spec: handlers by operationId, nothing else."""

from __future__ import annotations

import copy
import re
from typing import Any

import pytest
from starlette.requests import Request
from starlette.responses import Response

from mock_servers.avepoint import app as avepoint_app
from mock_servers.avepoint.query import reading_rules
from mock_servers.core.app import ServerOptions
from mock_servers.core.parameters import Arguments, ParameterPlan, Problem, ReadingRules, Repeats
from mock_servers.core.routing import Handler, RouteTableError, spec_routes
from mock_servers.core.scenario import load_scenario
from mock_servers.olconnect import app as olconnect_app
from spec_model import SpecModel, spec

RULES = ReadingRules(integer_text=re.compile(r"-?[0-9]{1,19}"))


async def _nothing(_: Request, __: Arguments) -> Response:
    return Response()


def _handlers(model: SpecModel) -> dict[str, Handler]:
    return dict.fromkeys(model.operations, _nothing)


def test_an_operation_without_a_handler_stops_startup() -> None:
    model = spec("olconnect")
    handlers = _handlers(model)
    del handlers["getJobSetStatistics"]
    with pytest.raises(RouteTableError, match=r"spec operations without a handler: getJobSetStatistics"):
        spec_routes(model, handlers, RULES)


def test_a_handler_for_an_unknown_operation_stops_startup() -> None:
    model = spec("avepoint")
    handlers = {**_handlers(model), "deleteJob": _nothing}
    with pytest.raises(RouteTableError, match=r"handlers for operations the spec lacks: deleteJob"):
        spec_routes(model, handlers, RULES)


@pytest.mark.parametrize("module", [olconnect_app, avepoint_app])
def test_the_api_modules_build_with_a_missing_handler_refused(
    module: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    api = module.API
    document, source = load_scenario(api, None)
    module.build_server(document, source, ServerOptions(access_log=False))  # complete: builds
    complete = module.handlers

    def one_short(mock: Any) -> dict[str, Handler]:
        handlers: dict[str, Handler] = complete(mock)
        handlers.pop(next(iter(handlers)))
        return handlers

    monkeypatch.setattr(module, "handlers", one_short)
    with pytest.raises(RouteTableError, match="without a handler"):
        module.build_server(document, source, ServerOptions(access_log=False))


def _changed_spec(change: Any) -> SpecModel:
    raw = copy.deepcopy(spec("olconnect").raw)
    change(raw)
    return SpecModel(raw, source="changed")


def test_a_new_spec_parameter_and_path_reach_the_routes_without_code() -> None:
    def change(raw: dict[str, Any]) -> None:
        item = raw["paths"].pop("/rest/serverengine/entity/jobs/{jobId}/metadata")
        item["get"]["parameters"] = [
            {"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 1, "default": 10}}
        ]
        raw["paths"]["/rest/serverengine/v2/jobs/{jobId}/metadata"] = item

    model = _changed_spec(change)
    routes = {route.operation_id: route for route in spec_routes(model, _handlers(model), RULES)}
    route = routes["getJobMetadata"]
    assert route.path == "/rest/serverengine/v2/jobs/{jobId}/metadata"
    read = route.plan.read({"jobId": "2001"}, "limit=5")
    assert read.values == {"jobId": 2001, "limit": 5}
    assert route.plan.read({"jobId": "2001"}, "").values["limit"] == 10  # the spec's default
    low = route.plan.read({"jobId": "2001"}, "limit=0").issues["limit"]
    assert (low.problem, low.value) == (Problem.OUT_OF_RANGE, 0)
    assert "limit" in low.message


def _statistics(rules: ReadingRules = olconnect_app.READING_RULES) -> ParameterPlan:
    model = spec("olconnect")
    return ParameterPlan(model, model.operation("getJobSetStatistics"), rules)


def test_level_mode_reads_to_its_canonical_spelling_in_any_case() -> None:
    plan = _statistics()
    for text in ("documentSetAll", "DOCUMENTSETALL", "documentsetall"):
        assert plan.read({"jobSetId": "1"}, f"levelMode={text}").values["levelMode"] == "documentSetAll"
    assert plan.read({"jobSetId": "1"}, "").values["levelMode"] == "documentOnly"  # the spec's default
    for text in ("", "perPage", "documentOnly%0A", "documentOnly%20"):
        issue = plan.read({"jobSetId": "1"}, f"levelMode={text}").issues["levelMode"]
        assert issue.problem is Problem.NOT_ALLOWED
        assert issue.error().status == 400
        assert issue.error().parameter == "levelMode"


def test_repeated_parameters_conflict_by_the_apis_rule() -> None:
    olconnect = _statistics()  # same value: any spelling of one level
    same = olconnect.read({"jobSetId": "1"}, "levelMode=documentOnly&levelMode=DOCUMENTONLY")
    assert same.issues == {}
    conflict = olconnect.read({"jobSetId": "1"}, "levelMode=documentOnly&levelMode=documentSetAll")
    assert conflict.issues["levelMode"].problem is Problem.CONFLICT
    model = spec("avepoint")
    avepoint = ParameterPlan(model, model.operation("listJobs"), reading_rules())
    assert avepoint.rules.repeats is Repeats.SAME_TEXT  # AVE-01: different texts conflict
    assert avepoint.read({}, "pageSize=5&PAGESIZE=5").values["pageSize"] == 5
    texts = avepoint.read({}, "pageSize=5&pageSize=05")
    assert texts.issues["pageSize"].problem is Problem.CONFLICT
    alias = avepoint.read({}, "jobStatus=2&status=3").first_issue()
    assert alias is not None
    assert "jobStatus=2" in alias.message
    assert "status=3" in alias.message


def test_a_required_query_parameter_that_is_missing_is_an_issue() -> None:
    def change(raw: dict[str, Any]) -> None:
        operation = raw["paths"]["/rest/serverengine/statistics/jobset/{jobSetId}"]["get"]
        operation["parameters"].append({"name": "page", "in": "query", "required": True, "schema": {}})

    model = _changed_spec(change)
    plan = ParameterPlan(model, model.operation("getJobSetStatistics"), RULES)
    issue = plan.read({"jobSetId": "1"}, "").issues["page"]
    assert issue.problem is Problem.MISSING
    assert plan.read({"jobSetId": "1"}, "page=x").values["page"] == "x"


def test_single_put_rules_come_from_x_write() -> None:
    document, source = load_scenario("olconnect", None)
    mock = olconnect_app.build_server(document, source, ServerOptions(access_log=False)).extra["mock"]
    assert {name: write.id_parameter for name, write in mock.writes.items()} == {
        "updateMultipleJobProperties": None,
        "updateJobMetadata": "jobId",
        "updateJobProperties": "jobId",
        "updateJobSegmentMetadata": "jobSegmentId",
        "updateJobSetMetadata": "jobSetId",
        "updateJobSetProperties": "jobSetId",
        "updateDocumentSetMetadata": "documentSetId",
        "updateDocumentMetadata": "documentId",
        "deleteJobSet": None,
        "updateDataSetProperties": "dataSetId",
        "deleteDataSet": None,
        **dict.fromkeys(
            [
                "submitJobCreation",
                "cancelJobCreation",
                "submitOutputCreation",
                "submitOutputCreationByJobs",
                "cancelOutputCreation",
                "submitAllInOne",
                "cancelAllInOne",
            ]
        ),
    }
    assert {name for name, write in mock.writes.items() if write.deletes} == {"deleteJobSet", "deleteDataSet"}
