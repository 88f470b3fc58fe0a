"""Figure 1: per-call overhead of the generated client against raw httpx on the same mock.

Both sides make the same small GET (`getJobMetadata`, a short JSON array of name/value pairs) against one
OL Connect mock process, authenticated with the same `auth_token` header, over one keep-alive connection each.
The raw side is what a hand-written integration would do: `httpx.Client.get`, `raise_for_status()`,
`response.json()`, with the token from one login sent as the `auth_token` header. The generated side is
`get_job_metadata.sync(...)` on a client from the package's `connect(base_url, username, password)`: its
auth flow logs in once and adds the same header, and each call also runs the retrying transport and the typed
error mapping and builds a list of `Property` models. The CPU-time ratio counts only the client process, so it
is not stretched by other work on the machine. Each round makes 2 000 calls per side after a
200-call warm-up; sides alternate order round by round; the ratio is computed per round.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import httpx

from benchmarks.context import BenchContext, import_client, import_submodule
from benchmarks.olconnect_session import olconnect_session
from benchmarks.results import FigureResult, Goal, NotMeasuredError
from benchmarks.stats import summarize

NAME = "overhead"
TITLE = "Call overhead: generated client vs raw httpx"
GOALS = (Goal("ratio", "<=", 1.10, "generated ≤ 1.10x raw httpx time"),)
WARMUP_CALLS = 200


def seconds_for(calls: int, action: Callable[[], Any]) -> tuple[float, float]:
    """Wall seconds and this process's CPU seconds for `calls` calls (the server runs in another process)."""
    started, started_cpu = time.perf_counter(), time.process_time()
    for _ in range(calls):
        action()
    return time.perf_counter() - started, time.process_time() - started_cpu


def run(ctx: BenchContext) -> FigureResult:
    result = FigureResult(name=NAME, title=TITLE, goals=list(GOALS))
    import_client("olconnect_client")
    factory = import_submodule("olconnect_client", "factory")
    endpoint = import_submodule("olconnect_client", "get_job_metadata")
    calls = ctx.sizes.small_gets
    with olconnect_session(ctx) as session:
        client = factory.connect(session.base_url, session.username, session.password)
        raw = httpx.Client(base_url=session.base_url, headers={"auth_token": session.token})
        path = session.metadata_path

        def generated_call() -> Any:
            return endpoint.sync(job_id=session.job_id, client=client)

        def raw_call() -> Any:
            response = raw.get(path)
            response.raise_for_status()
            return response.json()

        first = generated_call()
        if not isinstance(first, list) or any(type(item).__name__ != "Property" for item in first):
            raise NotMeasuredError(f"get_job_metadata.sync returned {first!r:.80}, not a list of Property")
        seconds_for(WARMUP_CALLS, generated_call)
        seconds_for(WARMUP_CALLS, raw_call)
        generated_s: list[float] = []
        raw_s: list[float] = []
        ratios: list[float] = []
        cpu_ratios: list[float] = []
        for round_index in range(ctx.sizes.repeats):
            if round_index % 2 == 0:
                a, b = seconds_for(calls, raw_call), seconds_for(calls, generated_call)
            else:
                b, a = seconds_for(calls, generated_call), seconds_for(calls, raw_call)
            raw_s.append(a[0])
            generated_s.append(b[0])
            ratios.append(b[0] / a[0])
            cpu_ratios.append(b[1] / a[1])
        body_bytes = len(raw.get(path).content)
        raw.close()
        client.close()
    result.add("raw", f"raw httpx, {calls:,} GETs", summarize(raw_s, "s"))
    result.add("generated", f"generated client, {calls:,} GETs", summarize(generated_s, "s"))
    result.add("ratio", "ratio generated / raw (same round)", summarize(ratios, "x"))
    result.add("ratio_cpu", "the same ratio in client CPU time", summarize(cpu_ratios, "x"))
    result.add(
        "overhead_per_call",
        "extra time per call (generated - raw), µs",
        summarize([(g - r) / calls * 1e6 for g, r in zip(generated_s, raw_s, strict=True)], "µs"),
    )
    result.details = {"calls_per_round": calls, "response_body_bytes": body_bytes}
    return result
