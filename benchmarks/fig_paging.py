"""Figure 3: paging through 100 000 AvePoint jobs, page size 100, generated iterator vs a raw httpx loop.

The AvePoint mock serves a generated scenario (the mock's own `generate-scenario avepoint`), sized so that
about 100 000 jobs match the default filter (`dataSource` defaults to 1, a quarter of the scenario's jobs are
ReCenter jobs). The generated side is `iter_jobs(client, page_size=100)` on a client from `connect(...)`
(OAuth client credentials, token fetched once); it builds a typed `Job` per item and follows `nextLink`. The
raw side fetches a token the same way and runs `httpx.Client.get(url)`, `response.json()` and follows
`nextLink` until it is absent, counting the items of the `jobs` arrays. Throughput is jobs per second; the
ratio is generated / raw throughput per round. Both sides talk to the same mock process; most of each round is
the server building pages, which is the same for both sides. The CPU ratio (client process only: raw CPU
time / iterator CPU time) shows the client-side cost without the server and without other work on the
machine.

Memory: peak traced allocation (tracemalloc) while the iterator consumes the first 10 000 jobs and,
separately, all 100 000 jobs, without keeping them. "Flat" means the 100 000-job peak is within 1.5x of the
10 000-job peak: the iterator holds one page at a time, so its memory must not grow with the number of pages.
"""

from __future__ import annotations

import gc
import itertools
import json
import math
import time
import tracemalloc
from collections.abc import Callable

import httpx

import spec_model
from benchmarks.context import BenchContext, import_client, import_submodule
from benchmarks.results import FigureResult, Goal, NotMeasuredError
from benchmarks.servers import running_mock
from benchmarks.stats import summarize

NAME = "paging"
TITLE = "Paging: generated iterator vs raw httpx nextLink loop"
GOALS = (
    Goal("ratio", ">=", 0.95, "iterator ≥ 0.95x raw loop throughput"),
    Goal("memory_growth", "<=", 1.5, "peak memory flat: 100 000-job peak ≤ 1.5x the 10 000-job peak"),
)
JOBS_PATH = spec_model.spec("avepoint").operation("listJobs").path
TOKEN_PATH = spec_model.spec("avepoint").operation("requestToken").path
ADMIN_SHARE = 3 / 4  # the scenario generator gives dataSource 1 (Admin) to three jobs in four


def raw_token(base_url: str, client_id: str, client_secret: str) -> str:
    response = httpx.post(
        base_url + TOKEN_PATH,
        data={
            "grant_type": "client_credentials",
            "client_id": client_id,
            "client_secret": client_secret,
            "scope": "gsuite.graph.read.all",
        },
        timeout=30,
    )
    if response.status_code != 200:
        raise NotMeasuredError(f"the AvePoint mock's token endpoint answered {response.status_code}")
    return str(response.json()["access_token"])


def raw_walk(client: httpx.Client, base_url: str, page_size: int) -> int:
    """The hand-written loop: GET, json(), follow nextLink as given; returns the number of jobs seen."""
    url: str | None = f"{base_url}{JOBS_PATH}?pageSize={page_size}"
    count = 0
    while url:
        response = client.get(url)
        response.raise_for_status()
        page = response.json()
        count += len(page["jobs"])
        url = page.get("nextLink") or None
    return count


def timed_count(action: Callable[[], int]) -> tuple[float, int, float]:
    """Wall seconds, items seen, and this process's CPU seconds (the mock runs in another process)."""
    started, started_cpu = time.perf_counter(), time.process_time()
    count = action()
    return time.perf_counter() - started, count, time.process_time() - started_cpu


def traced_peak_mib(action: Callable[[], int]) -> float:
    gc.collect()
    tracemalloc.start()
    try:
        action()
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    return peak / 2**20


def run(ctx: BenchContext) -> FigureResult:
    result = FigureResult(name=NAME, title=TITLE, goals=list(GOALS))
    import_client("avepoint_graph_client")
    paging = import_submodule("avepoint_graph_client", "paging")
    factory = import_submodule("avepoint_graph_client", "factory")
    sizes = ctx.sizes
    scenario = ctx.scenario("avepoint", math.ceil(sizes.jobs / ADMIN_SHARE))
    credentials = json.loads(scenario.read_text(encoding="utf-8"))["clients"][0]
    client_id, client_secret = credentials["client_id"], credentials["client_secret"]
    with running_mock("avepoint", scenario) as mock:
        base_url = mock.base_url
        client = factory.connect(client_id, client_secret, base_url=base_url)
        raw = httpx.Client(
            headers={"Authorization": f"Bearer {raw_token(base_url, client_id, client_secret)}"}
        )

        def generated(limit: int | None = None) -> int:
            jobs = paging.iter_jobs(client, page_size=sizes.page_size)
            return sum(1 for _ in itertools.islice(jobs, limit))

        def raw_side() -> int:
            return raw_walk(raw, base_url, sizes.page_size)

        generated(limit=sizes.page_size * 3)  # warm-up: token, connections, imports
        raw.get(f"{base_url}{JOBS_PATH}?pageSize={sizes.page_size}").raise_for_status()
        generated_rate: list[float] = []
        raw_rate: list[float] = []
        ratios: list[float] = []
        cpu_ratios: list[float] = []
        counts: set[int] = set()
        for round_index in range(sizes.paging_repeats):
            if round_index % 2 == 0:
                (raw_s, raw_n, raw_cpu), (gen_s, gen_n, gen_cpu) = (
                    timed_count(raw_side),
                    timed_count(generated),
                )
            else:
                (gen_s, gen_n, gen_cpu), (raw_s, raw_n, raw_cpu) = (
                    timed_count(generated),
                    timed_count(raw_side),
                )
            if gen_n != raw_n:
                raise NotMeasuredError(f"the iterator saw {gen_n} jobs, the raw loop {raw_n}")
            counts.add(gen_n)
            generated_rate.append(gen_n / gen_s)
            raw_rate.append(raw_n / raw_s)
            ratios.append((gen_n / gen_s) / (raw_n / raw_s))
            cpu_ratios.append(raw_cpu / gen_cpu)
        peak_small = traced_peak_mib(lambda: generated(limit=sizes.jobs_small))
        peak_all = traced_peak_mib(generated)
        raw.close()
        client.close()
    total = counts.pop()
    result.add("raw", f"raw httpx loop, {total:,} jobs", summarize(raw_rate, "jobs/s"))
    result.add("generated", f"iter_jobs, {total:,} jobs", summarize(generated_rate, "jobs/s"))
    result.add("ratio", "ratio iterator / raw throughput (same round)", summarize(ratios, "x"))
    result.add("ratio_cpu", "client CPU: raw loop / iterator (same round)", summarize(cpu_ratios, "x"))
    result.add("peak_small", f"peak memory, first {sizes.jobs_small:,} jobs", summarize([peak_small], "MiB"))
    result.add("peak_all", f"peak memory, all {total:,} jobs", summarize([peak_all], "MiB"))
    result.add("memory_growth", "peak(all) / peak(first part)", summarize([peak_all / peak_small], "x"))
    result.details = {
        "jobs_matched": total,
        "page_size": sizes.page_size,
        "pages": math.ceil(total / sizes.page_size),
    }
    return result
