"""Cross-check with the vendor's own client: Objectif Lune's Node.js client against an OL Connect server.

    python -m scripts.vendor_client install [--bundle FILE]
    python -m scripts.vendor_client mock [--all | --profile NAME] [--variant NAME=VALUE ...] [--json]
    python -m scripts.vendor_client live [--json]

``install`` clones ``@objectif-lune/connect-rest-client`` from the git bundle in ``../shared/vendor-sources``
at a pinned commit into ``vendor_client/.work/`` and runs ``npm ci`` in ``vendor_client/`` (its registry
dependencies are pinned by ``package-lock.json``; ``@objectif-lune/core``, which npm no longer serves, is our
shim in ``vendor_client/core-shim``). ``mock`` starts the bundled OL Connect mock and runs the driver
(``vendor_client/driver.cjs``) once per selection: ``--all`` is every profile and every single non-default
value of every OL Connect variant. ``live`` runs it once against the server the contract suite's variables
name (``OLCONNECT_BASE_URL``, ``OLCONNECT_USERNAME``, ``OLCONNECT_PASSWORD``, ``OLCONNECT_JOB_ID``,
``OLCONNECT_JOB_SEGMENT_ID``, ``OLCONNECT_JOB_SET_ID``, ``OLCONNECT_DOCUMENT_SET_ID``,
``OLCONNECT_DOCUMENT_ID``; writes only with ``CONTRACT_ALLOW_WRITES=1``, and what they change is put back
afterwards; a job set or data set is deleted only when ``OLCONNECT_DISPOSABLE_JOB_SET_ID`` or
``OLCONNECT_DISPOSABLE_DATA_SET_ID`` names one, and only that one).
Both install first when needed.

Exit codes: 0 every call agrees with the pages and spec/DECISIONS.md; 1 a call disagrees (or a client method
has no case); 2 bad arguments, a missing variable, or no Node.js/npm/bundle. Disagreements and their
classification: docs/vendor-client-crosscheck.md.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

from contract_tests.targets import DISPOSABLE_DATA_SET, DISPOSABLE_JOB_SET
from mock_servers.core.admin_access import ADMIN_TOKEN_HEADER
from mock_servers.core.variants import PROFILES, VariantError, parse_assignments, resolve, variants_for
from mock_servers.testing import running_mock

ROOT = Path(__file__).resolve().parent.parent
VENDOR_DIR = ROOT / "vendor_client"
WORK_DIR = VENDOR_DIR / ".work"
CLIENT_DIR = WORK_DIR / "connect-rest-client"
STAMP = VENDOR_DIR / "node_modules" / ".vendor-client-stamp"
BUNDLE = ROOT.parent / "shared" / "vendor-sources" / "olconnect-connect-rest-client.bundle"
# The bundle's HEAD when this cross-check was written (1.0.1-fork.3); a new commit is a deliberate update.
CLIENT_COMMIT = "c26f532efa8c5b9852231f020ed280707e8e50dc"
DRIVER = VENDOR_DIR / "driver.cjs"
API = "olconnect"
DRIVER_TIMEOUT = 120
SCENARIO = ROOT / "mock_servers" / "scenarios" / "olconnect.yaml"
# The workflow cases (Job Creation, Output Creation, All-In-One) on the mock: operations that end quickly, so
# 26 selections do not wait 2 s per operation, and presets named as a File Store names them (with their
# extension): the client appends the extension to a bare name (file_extensions.js in dist/).
OPERATION_SECONDS = 0.2
WORKFLOW = {
    "job_preset": "invoice",
    "output_preset": "print",
    "data_mapper": "invoices",
    "template": "invoice",
    "data_file": "invoices.csv",
}
WORKFLOW_PRESETS = ("invoice.OL-jobpreset", "print.OL-outputpreset")


class SetupError(RuntimeError):
    """Node.js, npm, the bundle or a live variable is missing; the message says what to do."""


# -- installation


def _run(command: Sequence[str], cwd: Path) -> None:
    completed = subprocess.run(list(command), cwd=cwd, capture_output=True, text=True, check=False)
    if completed.returncode != 0:
        tail = (completed.stderr or completed.stdout).strip().splitlines()[-5:]
        raise SetupError(f"{' '.join(command)} failed in {cwd}: " + " / ".join(tail))


def _stamp() -> str:
    """What an installation depends on: the lock file, the shim's files and the client commit."""
    digest = hashlib.sha256(CLIENT_COMMIT.encode())
    for path in [VENDOR_DIR / "package-lock.json", *sorted((VENDOR_DIR / "core-shim").iterdir())]:
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def tools_available() -> str | None:
    """None when node and npm are on PATH, else what is missing."""
    missing = [tool for tool in ("node", "npm", "git") if shutil.which(tool) is None]
    return (
        f"{', '.join(missing)} not found on PATH (Node.js 20+ with npm, and git, are needed)"
        if missing
        else None
    )


def install(bundle: Path = BUNDLE) -> None:
    """Clone the client at the pinned commit and ``npm ci``, unless the same installation is already there."""
    problem = tools_available()
    if problem:
        raise SetupError(problem)
    if STAMP.exists() and STAMP.read_text(encoding="utf-8") == _stamp() and CLIENT_DIR.exists():
        return
    if not bundle.is_file():
        raise SetupError(f"client bundle not found: {bundle} (the checkout must sit next to shared/)")
    if CLIENT_DIR.exists():
        shutil.rmtree(CLIENT_DIR)
    WORK_DIR.mkdir(parents=True, exist_ok=True)
    _run(["git", "clone", "--quiet", "--no-checkout", str(bundle), str(CLIENT_DIR)], ROOT)
    _run(["git", "-c", "advice.detachedHead=false", "checkout", "--quiet", CLIENT_COMMIT], CLIENT_DIR)
    _run(["npm", "ci", "--no-audit", "--no-fund", "--install-links"], VENDOR_DIR)
    STAMP.write_text(_stamp(), encoding="utf-8")


# -- what the driver is told


@dataclass(frozen=True)
class Selection:
    """A profile and single variant overrides the mock plays for one driver run."""

    label: str
    profile: str | None = None
    overrides: Mapping[str, str] = field(default_factory=dict)

    def body(self) -> dict[str, Any]:
        return {"profile": self.profile, "variants": dict(self.overrides)}


def selections() -> list[Selection]:
    """Every profile, then every non-default value of every OL Connect variant on the default profile."""
    chosen = [Selection(f"profile {name}", name) for name in PROFILES]
    for variant in variants_for(API):
        chosen += [
            Selection(f"{variant.name}={value}", None, {variant.name: value}) for value in variant.values[1:]
        ]
    return chosen


def mock_config(
    info: Mapping[str, Any], variants: Mapping[str, str], admin_token: str | None
) -> dict[str, Any]:
    """The driver's config for a bundled mock: its users, first seeded IDs, variant values; writes on."""
    users = {
        user["username"]: {"username": user["username"], "password": user["password"]}
        for user in info["users"]
    }
    ids = info["ids"]
    config: dict[str, Any] = {
        "mode": "mock",
        "base_url": info["base_url"],
        "users": {name: users[name] for name in ("admin", "viewer", "norole") if name in users},
        "ids": {
            "job": ids["jobs"][0],
            "job_segment": ids["job_segments"][0],
            "job_set": ids["job_sets"][0],
            "document_set": ids["document_sets"][0],
            "document": ids["documents"][0],
            # The last seeded job set may be deleted: every run starts from a reset mock (OLC-42).
            "disposable_job_set": ids["job_sets"][-1],
            # Likewise the last seeded data set (OLC-71); a scenario without data sets leaves both out.
            **(
                {"data_set": ids["data_sets"][0], "disposable_data_set": ids["data_sets"][-1]}
                if ids.get("data_sets")
                else {}
            ),
        },
        "variants": dict(variants),
        "token_ttl": info.get("token_ttl"),
        "allow_writes": True,
        # The workflow cases need presets and content sets that only the mock's scenario names.
        "workflow": {**WORKFLOW, "content_sets": list(info.get("workflow", {}).get("content_sets", []))},
    }
    if admin_token is not None:
        config["mock_admin"] = {"header": ADMIN_TOKEN_HEADER, "token": admin_token}
    return config


def live_config(env: Mapping[str, str]) -> dict[str, Any]:
    """The driver's config from the contract suite's variables; nothing is known of the server's variants."""
    missing = [
        name
        for name in ("OLCONNECT_BASE_URL", "OLCONNECT_USERNAME", "OLCONNECT_PASSWORD")
        if not env.get(name)
    ]
    if missing:
        raise SetupError(f"live mode needs {', '.join(missing)} (see docs/contract-suite.md)")
    base_url = env["OLCONNECT_BASE_URL"].rstrip("/")
    if urlsplit(base_url).scheme not in ("http", "https"):
        raise SetupError(f"OLCONNECT_BASE_URL must be an http(s) URL, got {base_url!r}")
    ids: dict[str, int] = {}
    for key, name in (
        ("job", "OLCONNECT_JOB_ID"),
        ("job_segment", "OLCONNECT_JOB_SEGMENT_ID"),
        ("job_set", "OLCONNECT_JOB_SET_ID"),
        ("document_set", "OLCONNECT_DOCUMENT_SET_ID"),
        ("document", "OLCONNECT_DOCUMENT_ID"),
        ("disposable_job_set", DISPOSABLE_JOB_SET),
        ("data_set", "OLCONNECT_DATA_SET_ID"),
        ("disposable_data_set", DISPOSABLE_DATA_SET),
    ):
        text = env.get(name, "").strip()
        if text:
            if not text.isdigit():
                raise SetupError(f"{name} must be a non-negative integer, got {text!r}")
            ids[key] = int(text)
    # OLCONNECT_SERVER_VERSION is not read: the client decides what to call from the version the server
    # reports, so the expectations follow that answer too.
    variants: dict[str, str] = {}
    return {
        "mode": "live",
        "base_url": base_url,
        "users": {"admin": {"username": env["OLCONNECT_USERNAME"], "password": env["OLCONNECT_PASSWORD"]}},
        "ids": ids,
        "variants": variants,
        "allow_writes": env.get("CONTRACT_ALLOW_WRITES") == "1",
    }


# -- running the driver


@dataclass(frozen=True)
class DriverRun:
    returncode: int
    report: dict[str, Any]
    log: str

    @property
    def disagreements(self) -> list[dict[str, Any]]:
        return [
            result for result in self.report.get("results", []) if result.get("run") and not result["agree"]
        ]

    def summary(self, label: str) -> str:
        report = self.report
        if not report:
            return f"{label}: driver failed (exit {self.returncode}): {self.log.strip().splitlines()[-1:]}"
        missing = len(report["methods_without_case"])
        return (
            f"{label}: {report['calls']} calls, {report['agree']} agree, {report['disagree']} disagree, "
            f"{report['not_run']} not run" + (f", {missing} methods without a case" if missing else "")
        )


def run_driver(config: Mapping[str, Any]) -> DriverRun:
    """One driver run; its JSON report (empty when it could not run) and its readable log."""
    with tempfile.TemporaryDirectory(prefix="vendor-client-") as folder:
        path = Path(folder) / "config.json"
        path.write_text(json.dumps(config), encoding="utf-8")
        completed = subprocess.run(
            ["node", str(DRIVER), str(path)],
            cwd=VENDOR_DIR,
            capture_output=True,
            text=True,
            timeout=DRIVER_TIMEOUT,
            check=False,
        )
    try:
        report = json.loads(completed.stdout) if completed.stdout.strip() else {}
    except ValueError:
        report = {}
    return DriverRun(completed.returncode, report, completed.stderr)


@contextmanager
def crosscheck_scenario() -> Iterator[Path]:
    """The bundled scenario with fast workflow operations and the workflow presets under File Store names."""
    data = yaml.safe_load(SCENARIO.read_text(encoding="utf-8"))
    data.setdefault("settings", {})["operation_seconds"] = OPERATION_SECONDS
    data["presets"] = [*data.get("presets", []), *WORKFLOW_PRESETS]
    with tempfile.TemporaryDirectory(prefix="vendor-client-scenario-") as folder:
        path = Path(folder) / "olconnect.yaml"
        path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
        yield path


def run_on_mock(chosen: Sequence[Selection]) -> Iterator[tuple[Selection, DriverRun]]:
    """Start one mock; for each selection set its variants, reset its state and run the driver."""
    with crosscheck_scenario() as scenario, running_mock(API, scenario, access_log=False) as mock:
        for selection in chosen:
            mock.reset()  # entities back to the scenario (a reset also restores the start-up variants)
            described = mock.admin("POST", "/_mock/variants", selection.body())
            info = {**mock.info, "base_url": mock.base_url}
            yield (
                selection,
                run_driver(mock_config(info, described["variants"], str(mock.info["admin_token"]))),
            )


def _print_run(label: str, run: DriverRun, as_json: bool) -> None:
    if as_json:
        print(json.dumps({"selection": label, **run.report}))
        return
    print(run.summary(label))
    for result in run.disagreements:
        print(
            f"  DISAGREE {result['service']}.{result['method']} [{result['case']}]: got {result['outcome']}; "
            f"expected {' or '.join(result['expected'])}"
        )
    for method in run.report.get("methods_without_case", []):
        print(f"  NO CASE {method['service']}.{method['method']}")


def build_parser() -> argparse.ArgumentParser:
    """The command line (also used by the docs test to parse the guide's nox lines)."""
    parser = argparse.ArgumentParser(
        prog="python -m scripts.vendor_client", description=__doc__.split("\n\n")[0]
    )
    commands = parser.add_subparsers(dest="command", required=True)
    install_command = commands.add_parser("install", help="clone the client from the bundle and npm ci")
    install_command.add_argument("--bundle", type=Path, default=BUNDLE)
    mock_command = commands.add_parser("mock", help="run the driver against the bundled OL Connect mock")
    mock_command.add_argument(
        "--all", action="store_true", help="every profile and every single variant value"
    )
    mock_command.add_argument("--profile", default=None)
    mock_command.add_argument("--variant", action="append", default=[], metavar="NAME=VALUE")
    mock_command.add_argument("--json", action="store_true", help="one JSON report per line")
    live_command = commands.add_parser("live", help="run the driver against OLCONNECT_BASE_URL")
    live_command.add_argument("--json", action="store_true")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        if args.command == "install":
            install(args.bundle)
            print(f"vendor client installed in {VENDOR_DIR / 'node_modules'}")
            return 0
        if args.command == "live":
            config = live_config(os.environ)
            install()
            run = run_driver(config)
            _print_run(f"live {config['base_url']}", run, args.json)
            return 0 if run.returncode == 0 else (2 if not run.report else 1)
        if args.all:
            chosen = selections()
        else:
            overrides = parse_assignments(args.variant)
            resolve(API, args.profile, overrides)  # names the valid choices when one is wrong
            chosen = [
                Selection(
                    f"profile {args.profile or 'project'}"
                    + "".join(f" {k}={v}" for k, v in overrides.items()),
                    args.profile,
                    overrides,
                )
            ]
        install()
        worst = 0
        for selection, run in run_on_mock(chosen):
            _print_run(selection.label, run, args.json)
            worst = max(worst, 0 if run.returncode == 0 else (2 if not run.report else 1))
        return worst
    except (SetupError, VariantError) as exc:
        print(f"vendor-client: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
