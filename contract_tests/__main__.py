"""``contract-suite`` / ``python -m contract_tests``: the suite's command line (both names, one function).

A thin front door to pytest: it translates the suite's own options, adds the JUnit report, and passes
short pytest flags (``-q``, ``-x``, ``-rs`` ...) and everything after ``--`` to pytest unchanged. A long
option it does not know, before ``--``, is a typo rather than a pytest option: it exits 2 with one line.
``contract-suite mock ...`` runs the bundled mock servers from the same installation, so a team can try
the suite before pointing it at its own server.
A selection that names nothing real (an unknown operationId, an operation of an API the run
does not target) exits 2 before anything starts: a CI job with a typo must not go green.
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
from mock_servers.__main__ import main as mock_main

PACKAGE_DIR = Path(__file__).resolve().parent
USAGE_ERROR = 2

ENVIRONMENT_HELP = """\
environment variables (live mode; without them the bundled mocks are started):
  OLCONNECT_BASE_URL       OL Connect server root, without /rest/serverengine
  OLCONNECT_USERNAME       user the suite logs in as (needed with OLCONNECT_BASE_URL)
  OLCONNECT_PASSWORD       that user's password (needed with OLCONNECT_BASE_URL)
  OLCONNECT_JOB_ID         an existing job, for the positive paths
  OLCONNECT_JOB_SEGMENT_ID an existing job segment
  OLCONNECT_JOB_SET_ID     an existing job set
  OLCONNECT_DOCUMENT_SET_ID an existing document set
  OLCONNECT_DOCUMENT_ID    an existing document
  OLCONNECT_DATA_SET_ID    an existing data set
  OLCONNECT_DISPOSABLE_JOB_SET_ID a job set the suite may delete (with CONTRACT_ALLOW_WRITES=1)
  OLCONNECT_DISPOSABLE_DATA_SET_ID a data set the suite may delete (with CONTRACT_ALLOW_WRITES=1)
  OLCONNECT_JOB_PRESET     a Job Creation Preset: with the next two, the workflow tests start real work
  OLCONNECT_OUTPUT_PRESET  an Output Creation Preset (with CONTRACT_ALLOW_WRITES=1; job sets made are deleted)
  OLCONNECT_CONTENT_SET_ID a content set a job creation may take
  AVEPOINT_BASE_URL        Graph API host of your data centre
  AVEPOINT_TOKEN           a bearer token, or instead the three client-credentials variables:
  AVEPOINT_TOKEN_URL       token endpoint of the identity host
  AVEPOINT_CLIENT_ID       OAuth client ID
  AVEPOINT_CLIENT_SECRET   OAuth client secret (sent to the token URL only)
  AVEPOINT_SCOPE           scopes to request, space-separated (default gsuite.graph.read.all; the other
                           job endpoints need their own, see spec/avepoint.yaml security)
  AVEPOINT_RESTORE_TARGET  a JSON restore body naming the site or OneDrive to restore into: with
                           CONTRACT_ALLOW_WRITES=1 the suite starts that one restore (never another)
                           and the summary lists the job it created
  AVEPOINT_EXPORT_JOB_ID   an Insights export job ID known to exist
  CONTRACT_ALLOW_WRITES=1  allow tests that change data (every change is restored)
  CONTRACT_SKIP_BAD_SECRET=1  skip the one token request with a wrong client secret
  OLCONNECT_SERVER_VERSION version rules to apply instead of the one the server reports (e.g. 2023.1)
checks that need time or a second identity (skipped, and the summary says why, when unset):
  CONTRACT_MAX_WAIT        seconds the suite may wait for a token to outlive its stated lifetime
  OLCONNECT_READONLY_USERNAME, OLCONNECT_READONLY_PASSWORD  a user without the write role (403 on writes)
  AVEPOINT_OTHER_SCOPE_TOKEN  a valid token for another scope (403 on the job list)
Setting one API's base URL runs only that API. Secrets are masked in the output and the reports.

exit codes:
  0  every check passed
  1  a check failed (the summary and the JUnit report name it)
  2  bad command line or incomplete live configuration (one line says what to fix), or interrupted
  3  the bundled mocks could not start, or an internal error
  4  pytest rejected an option passed after --
  5  nothing was selected (--api/--operation/-k matched no test)

other commands:
  mock olconnect|avepoint [--port N] ...   run a bundled mock server (same as olc-mock; mock --help)
"""


def program_name() -> str:
    """``contract-suite`` when started by the console script, else the module form."""
    invoked_as = Path(sys.argv[0]).name
    return "contract-suite" if invoked_as.startswith("contract-suite") else "python -m contract_tests"


def build_parser(prog: str | None = None) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=prog or program_name(),
        description="Contract suite: the OpenAPI specs of OL Connect and AvePoint against the bundled mocks "
        "or your own server.",
        epilog=ENVIRONMENT_HELP
        + "\nshort pytest flags (-q, -v, -x, -rs, -k EXPR ...) may stand anywhere; long pytest options go"
        " after --.\n",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        usage="%(prog)s [options] [-q|-v|-x|-rCHARS|-k EXPR ...] [-- PYTEST_ARGS]\n       %(prog)s mock ...",
    )
    parser.add_argument(
        "--profile", choices=sorted(PROFILES), default=DEFAULT_PROFILE, help="budget (default quick)"
    )
    parser.add_argument("--api", choices=APIS, action="append", help="run only this API (repeatable)")
    parser.add_argument("--seed", type=int, help="repeat an earlier run (its summary prints the seed)")
    parser.add_argument(
        "--operation", action="append", metavar="OPERATION_ID", help="focus on one operation (repeatable)"
    )
    parser.add_argument(
        "--reports",
        default="reports",
        metavar="DIR",
        help="folder for contract-junit.xml and contract-summary.md (default reports)",
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


class UsageError(Exception):
    """A command-line mistake; the message is the one line printed before exit code 2."""


def pytest_arguments(argv: Sequence[str], env: Mapping[str, str] | None = None) -> list[str]:
    """Translate our options into pytest's and keep the rest for pytest.

    Raises UsageError for a long option we do not know (before ``--``) and SelectionError when
    ``--api``/``--operation`` (and, in live mode, the configured base URLs) select nothing or name an
    unknown operation.
    """
    options, rest = build_parser().parse_known_args(argv)
    separator = rest.index("--") if "--" in rest else len(rest)
    before, after = rest[:separator], rest[separator + 1 :]
    for arg in before:
        if arg.startswith("--"):
            name = arg.split("=", 1)[0]
            raise UsageError(f"unknown option {name} (see --help; pytest options go after --)")
    env = os.environ if env is None else env
    apis = select_apis(options.api, options.operation, env)
    mocks = mock_selection(options.mock_profile, options.mock_variant, env)
    reports = Path(options.reports)
    args = [
        str(PACKAGE_DIR),
        f"--rootdir={PACKAGE_DIR}",
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
    passed = before + after
    if not any(arg.startswith("--tb") for arg in passed):
        args.append("--tb=short")  # failures carry their own message, operation and curl line
    return args + passed


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    if arguments[:1] == ["mock"]:
        return mock_main(arguments[1:])
    try:
        args = pytest_arguments(arguments)
    except (UsageError, SelectionError) as exc:
        print(f"{program_name()}: error: {exc}", file=sys.stderr)
        return USAGE_ERROR
    code = int(pytest.main(args))
    reports = next(arg.split("=", 1)[1] for arg in args if arg.startswith("--contract-reports="))
    print(f"contract suite: reports in {reports}/contract-junit.xml and {reports}/contract-summary.md")
    return code


if __name__ == "__main__":
    sys.exit(main())
