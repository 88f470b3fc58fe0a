"""Figure 4: requests per second and latency of one GET on each mock vs Prism serving the same spec.

For each API the same request goes to our mock and to Prism 5.14 (`prism mock spec/<api>.yaml`, static
examples, `-v error`), one server at a time, on loopback:
- OL Connect: `GET /rest/serverengine/entity/jobs/{jobId}/metadata` with an `auth_token` header (a token from
  the mock's login; Prism only checks that the header is there);
- AvePoint: `GET /backup/google/admin/jobs?pageSize=2` with `Authorization: Bearer <token>` (a token from the
  mock's token endpoint). Two jobs per page, so both servers send a body of similar size (Prism answers the
  spec's example page of two jobs).

The load comes from `python -m benchmarks.loadgen` in a separate process: a closed loop over 16 keep-alive
connections, bounded by 20 000 requests or 6 seconds, whichever comes first, after 1 second of unrecorded
warm-up. Latency is per request, from writing it to reading the last byte of the answer; with a closed loop
at saturation it mostly reflects queueing (connections / throughput). Rounds alternate mock and Prism; the
ratio is mock / Prism requests per second per round. Status codes and body sizes of both sides are in the
details. The same load against `benchmarks/constant_server.py` (a server that only writes a fixed reply) gives
the load generator's ceiling on this machine: a server measured well below it was not held back by the load.
When a mock comes within about 80% of that ceiling, the load generator shares the 2 cores with it and its
rate, and so the ratio to Prism, is a lower bound.
"""

from __future__ import annotations

import contextlib
import json
import subprocess
import sys
from collections.abc import Iterator
from typing import Any

import spec_model
from benchmarks.context import BenchContext
from benchmarks.environment import ROOT
from benchmarks.fig_paging import raw_token
from benchmarks.olconnect_session import olconnect_session
from benchmarks.results import FigureResult, Goal, NotMeasuredError
from benchmarks.servers import RunningServer, running_constant_server, running_mock, running_prism
from benchmarks.stats import summarize

NAME = "mocks"
TITLE = "Mock servers vs Prism: one GET under load"
GOALS = (
    Goal("olconnect_ratio", ">=", 3.0, "OL Connect mock ≥ 3x Prism req/s"),
    Goal("avepoint_ratio", ">=", 3.0, "AvePoint mock ≥ 3x Prism req/s"),
)
AVEPOINT_QUERY = spec_model.spec("avepoint").operation("listJobs").path + "?pageSize=2"


def load(ctx: BenchContext, url: str, headers: list[str]) -> dict[str, Any]:
    sizes = ctx.sizes
    command = [
        sys.executable,
        "-m",
        "benchmarks.loadgen",
        url,
        "--connections",
        str(sizes.load_connections),
        "--max-requests",
        str(sizes.load_requests),
        "--duration",
        str(sizes.load_seconds),
        "--warmup",
        "0.2" if ctx.smoke else "1",
    ]
    for header in headers:
        command += ["--header", header]
    completed = subprocess.run(
        command, cwd=ROOT, capture_output=True, text=True, timeout=sizes.load_seconds + 60, check=False
    )
    if completed.returncode != 0:
        raise NotMeasuredError(f"the load generator failed: {completed.stderr.strip()[-300:]}")
    outcome: dict[str, Any] = json.loads(completed.stdout)
    if not outcome["completed"]:
        raise NotMeasuredError(f"no request completed against {url} ({outcome['errors']})")
    return outcome


@contextlib.contextmanager
def mock_target(ctx: BenchContext, api: str) -> Iterator[tuple[RunningServer, str, list[str]]]:
    """Our mock for `api`, the request path and headers the load uses."""
    if api == "olconnect":
        with olconnect_session(ctx) as session:
            server = RunningServer(base_url=session.base_url, info={}, pid=session.pid)
            yield server, session.metadata_path, [f"auth_token: {session.token}"]
        return
    scenario = ctx.scenario("avepoint", 1000)
    credentials = json.loads(scenario.read_text(encoding="utf-8"))["clients"][0]
    with running_mock("avepoint", scenario) as mock:
        token = raw_token(mock.base_url, credentials["client_id"], credentials["client_secret"])
        yield mock, AVEPOINT_QUERY, [f"Authorization: Bearer {token}"]


def measure_api(ctx: BenchContext, api: str, result: FigureResult) -> None:
    mock_rps: list[float] = []
    prism_rps: list[float] = []
    ratios: list[float] = []
    latency: dict[str, list[float]] = {"mock_p50": [], "mock_p99": [], "prism_p50": [], "prism_p99": []}
    outcomes: dict[str, list[dict[str, Any]]] = {"mock": [], "prism": []}
    with contextlib.ExitStack() as stack:
        mock, path, headers = stack.enter_context(mock_target(ctx, api))
        prism = stack.enter_context(running_prism(api)) if ctx.with_prism else None
        for round_index in range(ctx.sizes.load_repeats):
            order = ["mock", "prism"] if round_index % 2 == 0 else ["prism", "mock"]
            for side in order:
                if side == "prism" and prism is None:
                    continue
                server = mock if side == "mock" else prism
                assert server is not None
                outcome = load(ctx, server.base_url + path, headers)
                outcomes[side].append(outcome)
                (mock_rps if side == "mock" else prism_rps).append(outcome["requests_per_s"])
                latency[f"{side}_p50"].append(outcome["p50_ms"])
                latency[f"{side}_p99"].append(outcome["p99_ms"])
            if prism is not None:
                ratios.append(mock_rps[-1] / prism_rps[-1])
    label = "OL Connect" if api == "olconnect" else "AvePoint"
    result.add(f"{api}_mock_rps", f"{label} mock, req/s", summarize(mock_rps, "req/s"))
    result.add(f"{api}_mock_p50", f"{label} mock, p50 latency", summarize(latency["mock_p50"], "ms"))
    result.add(f"{api}_mock_p99", f"{label} mock, p99 latency", summarize(latency["mock_p99"], "ms"))
    if prism_rps:
        result.add(f"{api}_prism_rps", f"{label} Prism, req/s", summarize(prism_rps, "req/s"))
        result.add(f"{api}_prism_p50", f"{label} Prism, p50 latency", summarize(latency["prism_p50"], "ms"))
        result.add(f"{api}_prism_p99", f"{label} Prism, p99 latency", summarize(latency["prism_p99"], "ms"))
        result.add(f"{api}_ratio", f"{label}: ratio mock / Prism req/s (same round)", summarize(ratios, "x"))
    else:
        result.notes.append(f"{label}: Prism side skipped (--smoke or --no-prism).")
    for side, runs in outcomes.items():
        if runs:
            statuses: dict[str, int] = {}
            for run in runs:
                for code, count in run["statuses"].items():
                    statuses[code] = statuses.get(code, 0) + count
            result.details[f"{api}_{side}"] = (
                f"path {path}, statuses {statuses}, errors {sum(sum(r['errors'].values()) for r in runs)}, "
                f"body {runs[-1]['mean_body_bytes']:.0f} B"
            )


def run(ctx: BenchContext) -> FigureResult:
    result = FigureResult(name=NAME, title=TITLE, goals=list(GOALS))
    failures: list[str] = []
    for api in spec_model.API_NAMES:
        try:
            measure_api(ctx, api, result)
        except NotMeasuredError as exc:
            failures.append(f"{api}: {exc}")
            result.notes.append(f"{api}: not measured: {exc}")
    if len(failures) == len(spec_model.API_NAMES):
        raise NotMeasuredError("; ".join(failures))
    with running_constant_server() as constant:
        ceiling = [
            load(ctx, constant.base_url + "/", [])["requests_per_s"] for _ in range(ctx.sizes.load_repeats)
        ]
    result.add(
        "loadgen_ceiling", "load generator ceiling (constant-reply server)", summarize(ceiling, "req/s")
    )
    result.details["load"] = (
        f"{ctx.sizes.load_connections} connections, ≤ {ctx.sizes.load_requests:,} requests or "
        f"≤ {ctx.sizes.load_seconds:g} s per run, {ctx.sizes.load_repeats} rounds"
    )
    return result
