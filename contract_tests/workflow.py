"""Requests to the OL Connect workflow services (Job Creation, Output Creation, All-In-One; OLC-50..58).

The authentication tests send one request to every operation; for the workflow ones this module builds it
from the target's presets and content sets. Against a live server a submit starts real work, so it is built
only with CONTRACT_ALLOW_WRITES=1 and the presets named (the test is skipped otherwise).
"""

from __future__ import annotations

from typing import Any

import pytest

import spec_model
from contract_tests.targets import WRITE_FLAG, OLConnectTarget

API = "olconnect"
UNKNOWN_OPERATION = "contract-suite-unknown-operation"
SUBMITS = ("submitJobCreation", "submitOutputCreation", "submitOutputCreationByJobs", "submitAllInOne")
LIVE_INPUTS = "OLCONNECT_JOB_PRESET, OLCONNECT_OUTPUT_PRESET and OLCONNECT_CONTENT_SET_ID"


def require_inputs(olc: OLConnectTarget) -> tuple[str, str, tuple[int, ...]]:
    """(job preset, output preset, content sets), or skip: live, a submit needs the opt-in and all three."""
    if olc.live and not olc.writes_allowed:
        pytest.skip(
            f"a workflow submit starts real work on a live server: set {WRITE_FLAG}=1 and {LIVE_INPUTS}"
        )
    if olc.job_preset is None or olc.output_preset is None or not olc.content_set_ids:
        pytest.skip(f"no workflow inputs for this test: set {LIVE_INPUTS}")
    return olc.job_preset, olc.output_preset, olc.content_set_ids


def all_in_one_body(olc: OLConnectTarget) -> dict[str, Any]:
    """An All-In-One request naming the target's presets (its data mapping inputs are the mock's)."""
    job_preset, output_preset, _ = require_inputs(olc)
    return {
        "datamining": {
            "config": "invoices.OL-datamapper",
            "identifier": "invoices.csv",
            "persistDataset": True,
        },
        "contentcreation": {"config": "invoice.OL-template"},
        "jobcreation": {"config": job_preset},
        "outputcreation": {"config": output_preset, "createOnly": True},
    }


def workflow_request(olc: OLConnectTarget, operation_id: str) -> tuple[str, str, Any]:
    """(method, path, json body) of a request to a workflow operation that would succeed with credentials;
    the progress, result and cancel calls name an operation no server knows."""
    operation = spec_model.spec(API).operation(operation_id)
    if operation.method == "POST" and olc.live and not olc.writes_allowed:
        pytest.skip(f"a read-only live run sends no POST but the login: set {WRITE_FLAG}=1")
    if operation_id not in SUBMITS:
        params = {p.name: UNKNOWN_OPERATION for p in operation.parameters_in("path")}
        return operation.method, operation.path_with(**params), None
    job_preset, output_preset, content_sets = require_inputs(olc)
    job_set = next(iter(olc.job_set_ids), 0)
    job = next(iter(olc.job_ids), 0)
    requests: dict[str, tuple[dict[str, str], Any]] = {
        "submitJobCreation": ({"configId": job_preset}, {"identifiers": list(content_sets[:1])}),
        "submitOutputCreation": ({"configId": output_preset}, {"identifier": job_set, "createOnly": True}),
        "submitOutputCreationByJobs": (
            {"configId": output_preset},
            {"identifiers": [job], "createOnly": True},
        ),
        "submitAllInOne": ({}, all_in_one_body(olc)),
    }
    params, body = requests[operation_id]
    return operation.method, operation.path_with(**params), body
