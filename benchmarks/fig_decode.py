"""Figure 2: a job set's statistics with 100 000 documents, from response bytes to typed models.

The payload comes from the OL Connect mock (a generated scenario, `GET .../statistics/jobset/{id}`), so it has
the shape a client really receives. The baseline is `json.loads` of the same bytes; the measured path is the
generated endpoint's own response parser (`OPERATION.parse`, what `sync()` runs after the bytes arrived), fed
an `httpx.Response` holding those bytes. Peak memory is measured with tracemalloc in separate runs, because
tracing slows everything down.
"""

from __future__ import annotations

import gc
import json
import time
import tracemalloc
from collections.abc import Callable
from typing import Any

import httpx

import spec_model
from benchmarks.context import BenchContext, import_submodule
from benchmarks.results import FigureResult, Goal, NotMeasuredError
from benchmarks.servers import running_mock
from benchmarks.stats import summarize

NAME = "decode"
TITLE = "Large statistics: response bytes to typed models"
GOALS = (Goal("ratio", "<=", 1.15, "typed models ≤ 1.15x json.loads (issue 14)"),)
STATISTICS = spec_model.spec("olconnect").operation("getJobSetStatistics")


def fetch_payload(ctx: BenchContext, documents: int) -> tuple[bytes, str]:
    """The statistics body of the scenario's job set, as the mock sends it, plus its request URL."""
    scenario = ctx.scenario("olconnect", documents)
    data = json.loads(scenario.read_text(encoding="utf-8"))
    job_set_id = data["job_sets"][0]["id"]
    user = data["users"][0]
    with running_mock("olconnect", scenario) as mock:
        url = mock.base_url + STATISTICS.path_with(jobSetId=job_set_id)
        response = httpx.get(url, auth=(user["username"], user["password"]), timeout=120)
    if response.status_code != 200:
        raise NotMeasuredError(f"the mock answered {response.status_code} to GET {url}")
    return response.content, url


def timed(action: Callable[[], Any]) -> tuple[float, float]:
    """Wall and CPU seconds for one call; the result is dropped and collected before the next measurement.

    CPU time (this process only) is reported beside wall time because the machine is shared: another
    process taking the CPU stretches wall time but not the CPU time the decoding itself needed.
    """
    started, started_cpu = time.perf_counter(), time.process_time()
    result = action()
    elapsed, elapsed_cpu = time.perf_counter() - started, time.process_time() - started_cpu
    del result
    gc.collect()
    return elapsed, elapsed_cpu


def peak_mib(action: Callable[[], Any]) -> float:
    """Peak traced allocation while `action` runs (the input bytes exist already and are not counted)."""
    gc.collect()
    tracemalloc.start()
    try:
        result = action()
        peak = tracemalloc.get_traced_memory()[1]
        del result
    finally:
        tracemalloc.stop()
    gc.collect()
    return peak / 2**20


def run(ctx: BenchContext) -> FigureResult:
    result = FigureResult(
        name=NAME,
        title=TITLE,
        goals=list(GOALS),
    )
    endpoint = import_submodule("olconnect_client", "get_job_set_statistics")
    models = import_submodule("olconnect_client", "models")
    operation = getattr(endpoint, "OPERATION", None)
    if operation is None:
        raise NotMeasuredError("the generated endpoint module has no OPERATION")
    payload, url = fetch_payload(ctx, ctx.sizes.documents)
    request = httpx.Request("GET", url)

    def typed() -> Any:
        response = httpx.Response(
            200, content=payload, headers={"content-type": "application/json"}, request=request
        )
        return operation.parse(response)

    decoded = json.loads(payload)
    job_set_statistics = models.JobSetStatistics

    def models_only() -> Any:
        return job_set_statistics.from_dict(decoded)

    def baseline() -> Any:
        return json.loads(payload)

    check = typed()
    if type(check).__name__ != "JobSetStatistics" or len(check.documents) != ctx.sizes.documents:
        raise NotMeasuredError("the parsed statistics do not hold the expected documents")
    del check
    loads_s: list[float] = []
    typed_s: list[float] = []
    models_s: list[float] = []
    ratios: list[float] = []
    cpu_ratios: list[float] = []
    for round_index in range(ctx.sizes.repeats):
        # Alternate the order so a warming or throttling machine does not favour one side.
        if round_index % 2 == 0:
            a, b = timed(baseline), timed(typed)
        else:
            b, a = timed(typed), timed(baseline)
        loads_s.append(a[0])
        typed_s.append(b[0])
        ratios.append(b[0] / a[0])
        cpu_ratios.append(b[1] / a[1])
        models_s.append(timed(models_only)[0])
    result.add("json_loads", "json.loads(bytes)", summarize(loads_s, "s"))
    result.add("typed", "generated parser: bytes → JobSetStatistics", summarize(typed_s, "s"))
    result.add("ratio", "ratio typed / json.loads (same round)", summarize(ratios, "x"))
    result.add("ratio_cpu", "the same ratio in CPU time of this process", summarize(cpu_ratios, "x"))
    result.add("models_only", "from_dict alone on the decoded dict, collector on", summarize(models_s, "s"))
    result.add("peak_json_loads", "peak memory, json.loads", summarize([peak_mib(baseline)], "MiB"))
    result.add("peak_typed", "peak memory, typed models", summarize([peak_mib(typed)], "MiB"))
    json_body = _json_body_module()
    decoder = "response.json() (stdlib json)"
    paused = "never"
    if operation is not None and json_body is not None:
        decoder = json_body.decoder_for(len(payload))
        paused = f"for bodies of {json_body.LARGE_BODY_BYTES:,} bytes or more"
    result.details = {
        "payload_bytes": len(payload),
        "documents": ctx.sizes.documents,
        "parser_decodes_with": decoder,
        "gc_paused": paused,
    }
    result.notes.append(
        f"Payload: {len(payload) / 1e6:.1f} MB from the OL Connect mock, {ctx.sizes.documents:,} documents "
        "(documentOnly level)."
    )
    return result


def _json_body_module() -> Any:
    try:
        return import_submodule("olconnect_client", "json_body")
    except NotMeasuredError:
        return None
