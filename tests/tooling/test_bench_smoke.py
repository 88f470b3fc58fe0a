"""The benchmark harness runs end to end on tiny sizes and reports honestly (no timing is asserted).

`python -m benchmarks.run --smoke` starts the real mocks, imports the generated clients and writes both
reports to a temporary folder; these tests check the reports' structure and that every figure either has real
samples or says why it has none. The small unit tests cover the pieces whose mistakes would silently skew
numbers: the load generator's response reader, the quartiles and the goal verdicts.
"""

from __future__ import annotations

import asyncio
import json
import math
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from benchmarks.loadgen import read_response
from benchmarks.results import FigureResult, Goal
from benchmarks.stats import summarize

ROOT = Path(__file__).resolve().parents[2]

MEASURED_IN_SMOKE = {"overhead", "decode", "paging", "mocks"}
# A difference of two timings: noise can make it negative on tiny sizes.
SIGNED_METRICS = {"overhead_per_call"}


@pytest.fixture(scope="module")
def smoke_reports(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, Any], str]:
    out = tmp_path_factory.mktemp("bench")
    completed = subprocess.run(
        [
            sys.executable,
            "-m",
            "benchmarks.run",
            "--smoke",
            "--markdown",
            str(out / "BENCHMARKS.md"),
            "--json",
            str(out / "bench.json"),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert completed.returncode == 0, completed.stdout + completed.stderr
    document = json.loads((out / "bench.json").read_text(encoding="utf-8"))
    return document, (out / "BENCHMARKS.md").read_text(encoding="utf-8")


@pytest.mark.slow
def test_smoke_run_measures_every_figure_it_can(smoke_reports: tuple[dict[str, Any], str]) -> None:
    document, _ = smoke_reports
    figures = {figure["name"]: figure for figure in document["figures"]}
    assert list(figures) == ["overhead", "decode", "paging", "mocks", "contract"]
    for name in MEASURED_IN_SMOKE:
        figure = figures[name]
        assert figure["status"] == "measured", f"{name}: {figure['reason']}"
        for key, metric in figure["metrics"].items():
            assert metric["n"] == len(metric["samples"]) >= 1, key
            assert all(math.isfinite(value) for value in metric["samples"]), key
            if key not in SIGNED_METRICS:
                assert all(value > 0 for value in metric["samples"]), key
            assert metric["min"] <= metric["median"] <= metric["max"], key
    assert figures["contract"]["status"] == "not measured"
    assert figures["contract"]["reason"] == "skipped in --smoke runs"
    assert document["smoke"] is True
    assert document["machine"]["logical_cores"] >= 1


@pytest.mark.slow
def test_smoke_markdown_has_goals_verdicts_and_method(smoke_reports: tuple[dict[str, Any], str]) -> None:
    _, markdown = smoke_reports
    assert "smoke run, tiny sizes: not representative" in markdown
    assert "| # | figure | measured (median) | goal | verdict |" in markdown
    assert "≤ 1.10x raw httpx time" in markdown
    assert "not measured: skipped in --smoke runs" in markdown
    assert "## Method" in markdown
    assert markdown.count("<summary>Method</summary>") == 5


def _read(raw: bytes) -> tuple[int, int, bool]:
    async def go() -> tuple[int, int, bool]:
        reader = asyncio.StreamReader()
        reader.feed_data(raw)
        reader.feed_eof()
        return await read_response(reader)

    return asyncio.run(go())


def test_loadgen_reads_content_length_and_chunked_bodies() -> None:
    assert _read(b"HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello") == (200, 5, False)
    chunked = b"HTTP/1.1 404 Not Found\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n2\r\nde\r\n0\r\n\r\n"
    assert _read(chunked) == (404, 5, False)
    closing = b"HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 0\r\n\r\n"
    assert _read(closing) == (200, 0, True)


def test_summary_quartiles_and_goal_verdicts() -> None:
    summary = summarize([4.0, 1.0, 3.0, 2.0, 5.0], "s")
    assert (summary.median, summary.q1, summary.q3, summary.low, summary.high) == (3.0, 2.0, 4.0, 1.0, 5.0)
    result = FigureResult(name="f", title="t", goals=[Goal("ratio", "<=", 2.0, "ratio ≤ 2")])
    assert result.verdicts()[0][1] == "not measured: the metric was not produced"
    result.add("ratio", "ratio", summarize([2.5, 1.5, 1.8], "x"))
    assert result.verdicts()[0][1] == "met"
    result.add("ratio", "ratio", summarize([2.5, 2.1, 1.8], "x"))
    assert result.verdicts()[0][1] == "missed"
    result.reason = "no server"
    assert result.verdicts()[0][1] == "not measured: no server"
