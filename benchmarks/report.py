"""Write the results: reports/bench.json (everything, every sample) and BENCHMARKS.md (for people)."""

from __future__ import annotations

import datetime as dt
import inspect
import json
from pathlib import Path
from typing import Any

from benchmarks import environment
from benchmarks.context import BenchContext
from benchmarks.figures import FIGURES
from benchmarks.results import FigureResult
from benchmarks.stats import Summary, format_summary, format_value

GENERAL_METHOD = """\
- Every figure runs on this machine only, over loopback (127.0.0.1); servers are real processes (uvicorn for
  the mocks, Node for Prism) started by the harness on free ports and stopped afterwards.
- Each comparison is measured **in the same run**, alternating the two sides round by round (A, B, then B, A),
  and the ratio is computed **per round** before taking the median, so a machine that slows down or speeds up
  during the run affects both sides of each ratio alike.
- Every figure reports the **median** over its repeated rounds with the **spread**: inter-quartile range
  (IQR, inclusive quartiles) and min-max, and n, the number of rounds. With n < 4 the IQR is only indicative.
  All samples are in `reports/bench.json`.
- A goal is *met* when the median meets it. A figure that could not run says **not measured** and why; no
  number is ever filled in for it.
- Peak memory is measured with `tracemalloc` (Python allocations only), in runs separate from the timed ones
  because tracing slows Python down several times.
- The mocks run with their access log off (`--no-access-log`) and Prism with `-v error`, so neither side pays
  for writing a log line per request.
- The machine has 2 cores shared by the client or load generator and the server under test; absolute numbers
  are low and noisy compared with a dedicated load-test rig, the ratios are the point.
- Timings are wall clock (`time.perf_counter`). Benchmarks are never test assertions: `tests/` only checks
  that the harness runs (`tests/tooling/test_bench_smoke.py`, on tiny sizes)."""


DECODING_NOTE = """\
The stock openapi-python-client output took about 4x the time of `json.loads` for figure 2. The generated
packages now build models through leaner templates (`generator/templates/model.py.jinja` and
`property_templates/`: direct reads instead of a dict copy and pops, slot filling, no per-call imports, inline
union parsing, enum value maps, aliases for `fromisoformat`) and decode JSON bodies through
`_runtime/json_body.py` (cyclic garbage collector paused while a body of 1 MiB or more becomes models; orjson,
when installed, for smaller bodies). The public API and the model types did not change. docs/benchmarks.md
lists each change and why it helps."""


def build_document(
    results: list[FigureResult],
    ctx: BenchContext,
    started_at: dt.datetime,
    finished_at: dt.datetime,
    argv: list[str],
) -> dict[str, Any]:
    return {
        "started_at": started_at.isoformat(timespec="seconds"),
        "finished_at": finished_at.isoformat(timespec="seconds"),
        "command": "python -m benchmarks.run " + " ".join(argv),
        "smoke": ctx.smoke,
        "machine": environment.machine(),
        "versions": environment.versions(),
        "sizes": vars(ctx.sizes),
        "figures": [result.to_json() for result in results],
    }


def write_json(document: dict[str, Any], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(document, indent=2, sort_keys=False) + "\n", encoding="utf-8")


def _summary_from_json(metric: dict[str, Any]) -> Summary:
    return Summary(unit=str(metric["unit"]), samples=tuple(float(v) for v in metric["samples"]))


def _verdict_cell(verdict: str) -> str:
    if verdict == "met":
        return "**met**"
    if verdict == "missed":
        return "**missed**"
    return verdict


def _summary_table(figures: list[dict[str, Any]]) -> list[str]:
    lines = ["| # | figure | measured (median) | goal | verdict |", "|---|---|---|---|---|"]
    for number, figure in enumerate(figures, start=1):
        for goal in figure["goals"]:
            metric = figure["metrics"].get(goal["metric"])
            measured = (
                format_value(float(metric["median"]), str(metric["unit"])) if metric is not None else "—"
            )
            verdict = _verdict_cell(goal["verdict"])
            lines.append(f"| {number} | {figure['title']} | {measured} | {goal['text']} | {verdict} |")
    return lines


def _figure_section(number: int, figure: dict[str, Any], method: str) -> list[str]:
    lines = [f"### {number}. {figure['title']}", ""]
    if figure["status"] != "measured":
        lines += [f"**Not measured:** {figure['reason']}", ""]
    if figure["metrics"]:
        lines += ["| metric | median (spread) |", "|---|---|"]
        for metric in figure["metrics"].values():
            lines.append(f"| {metric['label']} | {format_summary(_summary_from_json(metric))} |")
        lines.append("")
    for goal in figure["goals"]:
        lines.append(f"- Goal: {goal['text']} → {_verdict_cell(goal['verdict'])}")
    lines += [f"- {note}" for note in figure["notes"]]
    if figure["details"]:
        shown = ", ".join(f"{key} = {value}" for key, value in figure["details"].items())
        lines.append(f"- Details: {shown}")
    lines.append(f"- Wall time of this figure: {figure['seconds']:.0f} s")
    lines += ["", "<details><summary>Method</summary>", "", method, "", "</details>", ""]
    return lines


def _method_of(name: str) -> str:
    for figure_name, module in FIGURES:
        if figure_name == name:
            return inspect.cleandoc(module.__doc__ or "")
    return ""


def render_markdown(document: dict[str, Any]) -> str:
    machine = document["machine"]
    versions = document["versions"]
    figures = document["figures"]
    lines = [
        "# Benchmarks",
        "",
        "Written by `nox -s bench` (`python -m benchmarks.run`); every sample is in `reports/bench.json`. "
        "Re-run it to refresh this file; the numbers below are from the run shown here.",
        "",
        f"- Run: {document['started_at']} → {document['finished_at']} (`{document['command'].strip()}`)"
        + (" — **smoke run, tiny sizes: not representative**" if document["smoke"] else ""),
        f"- Machine: {machine['cpu']}, {machine['logical_cores']} logical cores "
        f"({machine['usable_cores']} usable), {machine['memory_gib']} GiB RAM, {machine['os']}",
        f"- Python: {machine['python']}; Node: {versions.get('node')}; Prism: {versions.get('prism-cli')}",
        f"- Load average (1/5/15 min) before the run: {machine.get('load_average_before')}, after: "
        f"{machine.get('load_average_after')} (other work on the machine at the same time shows up here)",
        "- Packages: "
        + ", ".join(
            f"{name} {version}" for name, version in versions.items() if name not in {"node", "prism-cli"}
        ),
        "",
        "## Summary",
        "",
        *_summary_table(figures),
        "",
        "## Figures",
        "",
    ]
    for number, figure in enumerate(figures, start=1):
        lines += _figure_section(number, figure, _method_of(figure["name"]))
    lines += [
        "## Method",
        "",
        GENERAL_METHOD,
        "",
        "## Where the decoding speed comes from",
        "",
        DECODING_NOTE,
        "",
    ]
    return "\n".join(lines)


def write_markdown(document: dict[str, Any], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render_markdown(document), encoding="utf-8")
