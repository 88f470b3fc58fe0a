"""``python -m contract_tests [--profile quick|full] [--api olconnect|avepoint] [--seed N] [pytest args]``.

A thin front door to pytest: it translates the suite's own options, adds the JUnit report, and passes
everything else to pytest unchanged (``-k``, ``-x``, ``-v`` ...). The exit code is pytest's: 0 only when
every check passed. A selection that names nothing real (an unknown operationId, an operation of an API
the run does not target) exits 2 before anything starts: a CI job with a typo must not go green.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

import pytest

from contract_tests.profiles import DEFAULT_PROFILE, PROFILES
from contract_tests.selection import SelectionError, mock_selection, select_apis
from contract_tests.targets import APIS

PACKAGE_DIR = Path(__file__).resolve().parent


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m contract_tests",
        description="Contract suite: the specs in spec/ against the bundled mocks or a live server.",
        epilog="Other arguments go to pytest. Live mode: see docs/contract-suite.md (environment variables).",
    )
    parser.add_argument(
        "--profile", choices=sorted(PROFILES), default=DEFAULT_PROFILE, help="budget (default quick)"
    )
    parser.add_argument("--api", choices=APIS, action="append", help="run only this API (repeatable)")
    parser.add_argument("--seed", type=int, help="seed of an earlier run to repeat it")
    parser.add_argument(
        "--operation", action="append", metavar="OPERATION_ID", help="focus on one operation (repeatable)"
    )
    parser.add_argument(
        "--reports", default="reports", help="folder for contract-junit.xml and contract-summary.md"
    )
    parser.add_argument(
        "--mock-profile", metavar="NAME", help="bundled mocks: play this profile of documented variants"
    )
    parser.add_argument(
        "--mock-variant",
        action="append",
        metavar="NAME=VALUE",
        help="bundled mocks: play this one documented variant (repeatable, after --mock-profile)",
    )
    return parser


def pytest_arguments(argv: Sequence[str], env: Mapping[str, str] | None = None) -> list[str]:
    """Translate our options into pytest's and keep the rest for pytest.

    Raises SelectionError when ``--api``/``--operation`` (and, in live mode, the configured base URLs)
    select nothing or name an unknown operation.
    """
    options, rest = build_parser().parse_known_args(argv)
    env = os.environ if env is None else env
    apis = select_apis(options.api, options.operation, env)
    mocks = mock_selection(options.mock_profile, options.mock_variant, env)
    if "--" in rest:  # `python -m contract_tests -- -k x` (the separator is ours, not pytest's)
        rest.remove("--")
    reports = Path(options.reports)
    args = [
        str(PACKAGE_DIR),
        f"--contract-profile={options.profile}",
        f"--contract-reports={reports}",
        f"--junitxml={reports / 'contract-junit.xml'}",
        "-o",
        "junit_suite_name=contract",
        "-p",
        "no:cacheprovider",
    ]
    for api in apis:
        args.append(f"--contract-api={api}")
    for operation_id in options.operation or ():
        args.append(f"--contract-operation={operation_id}")
    if mocks.profile:
        args.append(f"--contract-mock-profile={mocks.profile}")
    args += [f"--contract-mock-variant={name}={value}" for name, value in mocks.variants.items()]
    # One seed for the Schemathesis engine and the Hypothesis properties, printed in the summary, so
    # `--seed N` repeats a whole run.
    seed = options.seed if options.seed is not None else random.SystemRandom().getrandbits(63)
    args += [f"--contract-seed={seed}", f"--hypothesis-seed={seed}"]
    if not any(arg.startswith("--tb") for arg in rest):
        args.append("--tb=short")  # failures carry their own message, operation and curl line
    return args + list(rest)


def main(argv: Sequence[str] | None = None) -> int:
    try:
        args = pytest_arguments(sys.argv[1:] if argv is None else argv)
    except SelectionError as exc:
        print(f"python -m contract_tests: error: {exc}", file=sys.stderr)
        return 2
    code = int(pytest.main(args))
    reports = next(arg.split("=", 1)[1] for arg in args if arg.startswith("--contract-reports="))
    print(f"contract suite: reports in {reports}/contract-junit.xml and {reports}/contract-summary.md")
    return code


if __name__ == "__main__":
    sys.exit(main())
