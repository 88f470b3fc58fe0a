"""Command line: run a mock server or generate a large scenario file.

    python -m mock_servers olconnect --host 127.0.0.1 --port 9340 [--scenario FILE] [--token-ttl S]
        [--profile NAME] [--variant NAME=VALUE ...]
    python -m mock_servers avepoint --port 9341 [...]
    python -m mock_servers generate-scenario avepoint --jobs 100000 -o FILE [--seed N]
    python -m mock_servers generate-scenario olconnect --documents 100000 -o FILE [--seed N]

Every expected failure (busy port, bad scenario, bad option) is one line on stderr and exit code 2.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from mock_servers import avepoint, olconnect
from mock_servers.core.admin_access import ADMIN_TOKEN_ENV
from mock_servers.core.app import MockServer, ServerOptions
from mock_servers.core.auth import DEFAULT_MAX_TOKENS
from mock_servers.core.faults import FaultConfigError, parse_cli_faults
from mock_servers.core.guard import DEFAULT_MAX_BODY_BYTES
from mock_servers.core.routing import RouteTableError
from mock_servers.core.runner import BindError, ServeLimits, serve
from mock_servers.core.scenario import ScenarioError, load_scenario
from mock_servers.core.variants import PROFILES, Selection, VariantError, parse_assignments, resolve
from mock_servers.generate import write_scenario
from spec_model import SpecNotFoundError

PROG = "mock_servers"
DEFAULT_PORTS = {"olconnect": 9340, "avepoint": 9341}
USAGE_ERROR = 2


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not an integer") from None
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of seconds") from None
    if not 0.1 <= value <= 3600:  # also rejects nan and inf
        raise argparse.ArgumentTypeError("must be 0.1..3600 seconds")
    return value


def _port(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a port number") from None
    if not 0 <= value <= 65535:
        raise argparse.ArgumentTypeError("must be 0..65535 (0 picks a free port)")
    return value


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG, description="Stateful mock servers for OL Connect and AvePoint."
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for api, title in (("olconnect", "OL Connect Server REST API"), ("avepoint", "AvePoint Graph API")):
        sub = commands.add_parser(api, help=f"run the {title} mock")
        sub.add_argument("--host", default="127.0.0.1", help="interface to listen on (default 127.0.0.1)")
        sub.add_argument("--port", type=_port, default=DEFAULT_PORTS[api], help="port; 0 picks a free one")
        sub.add_argument("--scenario", type=Path, help="YAML or JSON scenario file (default: packaged one)")
        sub.add_argument("--token-ttl", type=_positive_int, metavar="SECONDS", help="token lifetime")
        sub.add_argument(
            "--fault",
            action="append",
            default=[],
            metavar="KEY=VALUE",
            help="fault injection: latency_ms=, status=429|503, count=, retry_after=, drop= (repeatable)",
        )
        sub.add_argument("--no-access-log", action="store_true", help="do not write the JSON access log")
        sub.add_argument(
            "--admin-token",
            default=os.environ.get(ADMIN_TOKEN_ENV) or None,
            metavar="TOKEN",
            help=f"token for /_mock/* (default: ${ADMIN_TOKEN_ENV}, else a fresh one in the startup line); "
            "required to listen on a non-loopback address",
        )
        sub.add_argument(
            "--max-body-bytes",
            type=_positive_int,
            default=DEFAULT_MAX_BODY_BYTES,
            metavar="N",
            help=f"largest request body accepted, larger ones get 413 (default {DEFAULT_MAX_BODY_BYTES})",
        )
        sub.add_argument(
            "--max-tokens",
            type=_positive_int,
            default=DEFAULT_MAX_TOKENS,
            metavar="N",
            help=f"live tokens kept; the oldest is forgotten beyond this (default {DEFAULT_MAX_TOKENS})",
        )
        sub.add_argument(
            "--header-timeout",
            type=_seconds,
            default=10.0,
            metavar="SECONDS",
            help="close connections whose request line and headers are not complete in time (default 10)",
        )
        sub.add_argument(
            "--keep-alive-timeout",
            type=_seconds,
            default=5.0,
            metavar="SECONDS",
            help="close idle keep-alive connections after this (default 5)",
        )
        sub.add_argument(
            "--profile", metavar="NAME", help=f"bundle of documented variants: {', '.join(PROFILES)}"
        )
        sub.add_argument(
            "--variant",
            action="append",
            default=[],
            metavar="NAME=VALUE",
            help="one documented variant, over the profile (repeatable; see docs/mock-servers.md)",
        )
    generate = commands.add_parser("generate-scenario", help="write a large, deterministic scenario file")
    kinds = generate.add_subparsers(dest="api", required=True, metavar="API")
    for api, flag, default in (("olconnect", "--documents", 1000), ("avepoint", "--jobs", 1000)):
        kind = kinds.add_parser(api, help=f"{api} scenario")
        kind.add_argument(flag, type=_positive_int, default=default, dest="count")
        kind.add_argument("-o", "--output", type=Path, required=True, help="file to write (.json or .yaml)")
        kind.add_argument("--seed", type=int, default=1, help="random seed (same seed, same file)")
    return parser


def build_server(api: str, scenario: Path | None, options: ServerOptions) -> MockServer:
    document, source = load_scenario(api, scenario)
    builder = olconnect.build_server if api == "olconnect" else avepoint.build_server
    return builder(document, source, options)


def _generate(api: str, count: int, output: Path, seed: int) -> int:
    write_scenario(api, count, output, seed)
    print(f"wrote {api} scenario with {count} {'documents' if api == 'olconnect' else 'jobs'} to {output}")
    return 0


def _cli_variants(api: str, profile: str | None, assignments: list[str]) -> Selection | None:
    """``--profile``/``--variant`` checked here, so a typo is reported as the command line's mistake."""
    if profile is None and not assignments:
        return None
    overrides = parse_assignments(assignments)
    resolve(api, profile, overrides)
    return Selection(profile, overrides)


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        if args.command == "generate-scenario":
            return _generate(args.api, args.count, args.output, args.seed)
        options = ServerOptions(
            token_ttl=args.token_ttl,
            faults=parse_cli_faults(args.fault) if args.fault else None,
            access_log=not args.no_access_log,
            max_tokens=args.max_tokens,
            variants=_cli_variants(args.command, args.profile, args.variant),
        )
        server = build_server(args.command, args.scenario, options)
        limits = ServeLimits(
            admin_token=args.admin_token,
            max_body_bytes=args.max_body_bytes,
            header_timeout=args.header_timeout,
            keep_alive_timeout=args.keep_alive_timeout,
        )
        return serve(server, args.host, args.port, limits)
    except (
        ScenarioError,
        FaultConfigError,
        BindError,
        SpecNotFoundError,
        VariantError,
        RouteTableError,
    ) as exc:
        print(f"{PROG}: error: {exc}", file=sys.stderr)
        return USAGE_ERROR
    except OSError as exc:
        print(f"{PROG}: error: {exc.strerror or exc}", file=sys.stderr)
        return USAGE_ERROR


if __name__ == "__main__":
    sys.exit(main())
