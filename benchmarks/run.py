"""Run the benchmarks and write BENCHMARKS.md and reports/bench.json (`nox -s bench [-- options]`).

    python -m benchmarks.run                        all figures (about 7-8 minutes on 2 cores)
    python -m benchmarks.run --only decode          one figure (overhead, decode, paging, mocks, contract)
    python -m benchmarks.run --quick-contract-only  skip the contract suite's full profile (about 2 min)
    python -m benchmarks.run --smoke                tiny sizes, no Prism or contract: proves the harness works

A figure whose dependency is missing is reported as "not measured: <reason>", never with a made-up number.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
import time
import traceback
from pathlib import Path
from types import ModuleType

from benchmarks import environment, report
from benchmarks.context import BenchContext, Sizes
from benchmarks.figures import FIGURES
from benchmarks.results import FigureResult, NotMeasuredError

ROOT = environment.ROOT


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.run", description=__doc__.splitlines()[0])
    parser.add_argument(
        "--only", action="append", choices=[name for name, _ in FIGURES], help="run one figure"
    )
    parser.add_argument("--smoke", action="store_true", help="tiny sizes; skips Prism and the contract suite")
    parser.add_argument(
        "--quick-contract-only", action="store_true", help="time only the contract suite's quick profile"
    )
    parser.add_argument("--no-prism", action="store_true", help="skip the Prism side of the mock figure")
    parser.add_argument("--repeats", type=int, help="repeat count for the in-process figures (default 5)")
    parser.add_argument("--markdown", type=Path, default=ROOT / "BENCHMARKS.md", help="Markdown report path")
    parser.add_argument("--json", type=Path, default=ROOT / "reports" / "bench.json", help="JSON report path")
    args = parser.parse_args(argv)
    if args.repeats is not None and args.repeats < 1:
        parser.error("--repeats must be at least 1")
    return args


def run_figure(name: str, module: ModuleType, ctx: BenchContext) -> FigureResult:
    started = time.perf_counter()
    print(f"[bench] {name}: running", flush=True)
    try:
        result: FigureResult = module.run(ctx)
    except NotMeasuredError as exc:
        result = FigureResult(name=name, title=module.TITLE, goals=list(module.GOALS), reason=str(exc))
    except Exception as exc:  # a broken figure must not hide the others; its reason says what broke
        traceback.print_exc()
        reason = f"the figure failed: {type(exc).__name__}: {exc}"
        result = FigureResult(name=name, title=module.TITLE, goals=list(module.GOALS), reason=reason)
    result.seconds = time.perf_counter() - started
    result.details["load_average_after"] = environment.load_average()
    status = f"not measured: {result.reason}" if result.reason else "done"
    print(f"[bench] {name}: {status} ({result.seconds:.1f} s)", flush=True)
    return result


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    sizes = Sizes.smoke() if args.smoke else Sizes()
    if args.repeats is not None:
        sizes.repeats = args.repeats
    selected = [(name, module) for name, module in FIGURES if not args.only or name in args.only]
    started_at = dt.datetime.now(dt.UTC)
    load_before = environment.load_average()
    with tempfile.TemporaryDirectory(prefix="bench-") as workdir:
        ctx = BenchContext(
            sizes=sizes,
            workdir=Path(workdir),
            smoke=args.smoke,
            full_contract=not args.quick_contract_only,
            with_prism=not (args.no_prism or args.smoke),
            with_contract=not args.smoke,
        )
        results = [run_figure(name, module, ctx) for name, module in selected]
    finished_at = dt.datetime.now(dt.UTC)
    document = report.build_document(results, ctx, started_at, finished_at, argv or sys.argv[1:])
    document["machine"]["load_average_before"] = load_before
    document["machine"]["load_average_after"] = environment.load_average()
    report.write_json(document, args.json)
    report.write_markdown(document, args.markdown)
    print(f"[bench] wrote {args.markdown} and {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
