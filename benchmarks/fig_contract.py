"""Figure 5: wall time of the contract suite against the bundled mocks, quick and full profiles.

Each run is `python -m contract_tests --profile <name> --seed 8 --reports <temporary folder>` in a fresh
process, exactly what `nox -s contract` runs after installing (the mocks start and stop inside it), with a
fixed seed so that every run does the same work. Wall time includes interpreter start, the mocks' start-up and
the report writing. The quick profile runs twice, the full profile once (it took about 2 minutes here, well
under the 5 minutes that would have made it opt-in; `--quick-contract-only` skips it). The suite's own
pytest summary line is reported beside each time: a failing suite still has a wall time, but it is marked.
"""

from __future__ import annotations

import re
import subprocess
import sys
import time

from benchmarks.context import BenchContext
from benchmarks.environment import ROOT
from benchmarks.results import FigureResult, Goal, NotMeasuredError
from benchmarks.stats import summarize

NAME = "contract"
TITLE = "Contract suite wall time"
GOALS = (Goal("quick_s", "<=", 60.0, "quick profile ≤ 60 s"),)
SEED = "8"
QUICK_TIMEOUT_S = 600
FULL_TIMEOUT_S = 3600
SLOW_QUICK_S = 120
PYTEST_SUMMARY = re.compile(r"^=+ (.+ in [0-9.]+s.*?) =+$", re.MULTILINE)


def run_suite(ctx: BenchContext, profile: str, timeout: int) -> tuple[float, int, str]:
    reports = ctx.workdir / f"contract-{profile}"
    command = [
        sys.executable,
        "-m",
        "contract_tests",
        "--profile",
        profile,
        "--seed",
        SEED,
        "--reports",
        str(reports),
    ]
    started = time.perf_counter()
    try:
        completed = subprocess.run(
            command, cwd=ROOT, capture_output=True, text=True, timeout=timeout, check=False
        )
    except subprocess.TimeoutExpired:
        raise NotMeasuredError(f"the {profile} profile did not finish within {timeout} s") from None
    elapsed = time.perf_counter() - started
    summaries = PYTEST_SUMMARY.findall(completed.stdout + completed.stderr)
    return elapsed, completed.returncode, summaries[-1] if summaries else "no pytest summary line"


def run(ctx: BenchContext) -> FigureResult:
    result = FigureResult(name=NAME, title=TITLE, goals=list(GOALS))
    if not (ROOT / "contract_tests" / "__main__.py").exists():
        raise NotMeasuredError("contract_tests/__main__.py does not exist yet")
    if not ctx.with_contract:
        raise NotMeasuredError("skipped in --smoke runs")
    quick: list[float] = []
    for _ in range(ctx.sizes.contract_repeats):
        elapsed, code, last = run_suite(ctx, "quick", QUICK_TIMEOUT_S)
        quick.append(elapsed)
        result.notes.append(
            f"quick run: {elapsed:.1f} s, exit code {code}{'' if code == 0 else ' (FAILED)'}: {last}"
        )
        if elapsed > SLOW_QUICK_S:
            break
    result.add("quick_s", "quick profile, wall time", summarize(quick, "s"))
    if ctx.full_contract:
        elapsed, code, last = run_suite(ctx, "full", FULL_TIMEOUT_S)
        result.add("full_s", "full profile, wall time", summarize([elapsed], "s"))
        result.notes.append(
            f"full run: {elapsed:.1f} s, exit code {code}{'' if code == 0 else ' (FAILED)'}: {last}"
        )
    else:
        result.notes.append("full profile: not measured in this run (`--quick-contract-only` was given).")
    return result
