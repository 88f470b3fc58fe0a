"""Property-based conformance: run the Schemathesis engine over one API and tally every check it made.

Why the engine and not ``schema.parametrize()``: the engine runs all four phases (examples, coverage,
fuzzing and stateful link chains) in one pass with one configuration, records every check result per
case (so the summary can count cases per operation x check), and attaches a sanitised curl line to every
failure. The pytest layer (``test_conformance.py``) turns these tallies into one JUnit test per
operation x check.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import schemathesis
from schemathesis.config import SchemathesisConfig
from schemathesis.engine import Status, events, from_schema

import spec_model
from contract_tests import api_paths, writes
from contract_tests.profiles import Profile
from contract_tests.redaction import scrub

# Every built-in check that can say something about these APIs. `use_after_free` and
# `ensure_resource_availability` need DELETE / creating POST operations, which neither API has: they are
# enabled so a future spec that adds them is covered, and show up as "not applicable" until then.
CHECKS = (
    "not_a_server_error",
    "status_code_conformance",
    "content_type_conformance",
    "response_headers_conformance",
    "response_schema_conformance",
    "negative_data_rejection",
    "positive_data_acceptance",
    "missing_required_header",
    "unsupported_method",
    "allow_header_conformance",
    "ignored_auth",
    "use_after_free",
    "ensure_resource_availability",
)
# Our own checks registered with `@schemathesis.check` (see `st_hooks.py`).
CUSTOM_CHECKS = ("documented_server_error", "bearer_auth_enforced")
# Not a check: anything the engine could not run (network errors, auth fetch failures, schema errors).
ENGINE_ERRORS = "engine_errors"
SAFE_METHODS = ("GET", "OPTIONS", "TRACE")
# Checks about the body of a response; an empty body where the spec says `x-body-optional` passes them.
BODY_CHECKS = ("content_type_conformance", "response_schema_conformance")
REQUIRED_PHASES = ("examples", "coverage", "fuzzing", "stateful")
MAX_FAILURES_KEPT = 5


def applicable(api: str, operation_id: str, check: str) -> bool:
    """Whether ``check`` can say anything about the operation (else the engine's "pass" is vacuous)."""
    model = spec_model.spec(api)
    operation = model.operation(operation_id)
    security = model.security if operation.security is None else operation.security
    schemes = model.security_schemes
    used_types = {schemes.get(name, {}).get("type") for requirement in security for name in requirement}
    if check == "ignored_auth":
        # Schemathesis probes apiKey and HTTP (Basic/Bearer) schemes only.
        return bool(used_types & {"apiKey", "http"})
    if check == "bearer_auth_enforced":
        return "oauth2" in used_types
    if check == "use_after_free":
        return any(op.method == "DELETE" for op in model.operations.values())
    if check == "ensure_resource_availability":
        return any(op.method == "POST" and "201" in op.responses for op in model.operations.values())
    if check == "documented_server_error":
        return operation_id in writes.single_puts(model)
    return True


@dataclass
class FailureRecord:
    """One distinct way a check failed, with what is needed to reproduce it."""

    phase: str
    title: str
    message: str
    curl: str
    steps: list[str] = field(default_factory=list)

    def render(self) -> str:
        lines = [f"[{self.phase}] {self.title}"]
        if self.message:
            lines += ["    " + line for line in self.message.splitlines()]
        if len(self.steps) > 1:
            lines.append("  Reproduce (in order):")
            lines += ["    " + step for step in self.steps]
        else:
            lines += ["  Reproduce:", "    " + self.curl]
        return scrub("\n".join(lines))


@dataclass
class CheckTally:
    """Cases one check ran on one operation, across all phases."""

    operation: str
    check: str
    passed: int = 0
    failed: int = 0
    errored: int = 0
    phases: set[str] = field(default_factory=set)
    failures: list[FailureRecord] = field(default_factory=list)

    @property
    def cases(self) -> int:
        return self.passed + self.failed + self.errored

    @property
    def ok(self) -> bool:
        return self.failed == 0 and self.errored == 0

    def add_failure(self, record: FailureRecord) -> None:
        key = (record.title, record.message.splitlines()[0] if record.message else "")
        known = {(f.title, f.message.splitlines()[0] if f.message else "") for f in self.failures}
        if key not in known and len(self.failures) < MAX_FAILURES_KEPT:
            self.failures.append(record)


@dataclass
class ConformanceResult:
    """Everything one engine run over one API found."""

    api: str
    seed: int
    operations: dict[str, str]  # label -> operationId
    tallies: dict[tuple[str, str], CheckTally] = field(default_factory=dict)
    phases: dict[str, str] = field(default_factory=dict)  # phase -> status / skip reason
    excluded: dict[str, str] = field(default_factory=dict)  # label -> why the engine left it out
    elapsed: float = 0.0
    # (label or None for every operation, check) -> why it cannot apply to this server (e.g. `ignored_auth`
    # with security off, OLC-22)
    not_applicable: dict[tuple[str | None, str], str] = field(default_factory=dict)

    def not_applicable_because(self, label: str, check: str) -> str | None:
        return self.not_applicable.get((label, check)) or self.not_applicable.get((None, check))

    ran: bool = True  # False: every focused operation was left out, so the engine did not start

    def tally(self, operation: str, check: str) -> CheckTally:
        key = (operation, check)
        if key not in self.tallies:
            self.tallies[key] = CheckTally(operation=operation, check=check)
        return self.tallies[key]

    def rows(self) -> list[CheckTally]:
        return [self.tallies[key] for key in sorted(self.tallies)]


def build_config(
    profile: Profile,
    base_url: str,
    seed: int,
    operation_overrides: Iterable[Mapping[str, Any]] = (),
    *,
    read_only: bool = False,
    disabled: Iterable[str] = (),
) -> SchemathesisConfig:
    """The Schemathesis configuration of one run (the equivalent of a generated ``schemathesis.toml``).

    ``read_only``: a live server without CONTRACT_ALLOW_WRITES=1; the coverage phase then probes
    undocumented methods only with methods that cannot change data. ``disabled``: checks that cannot apply
    to this server (``ConformanceResult.not_applicable`` says why).
    """
    checks: dict[str, Any] = {name: {"enabled": name not in set(disabled)} for name in CHECKS}
    data: dict[str, Any] = {
        "seed": seed,
        "base-url": base_url,
        "workers": profile.workers,
        "request-timeout": 15,
        "generation": {
            "mode": "all",
            "database": "none",
            # Credentials come from our auth providers only; generated ones would 401 before the handler.
            "with-security-parameters": False,
            # Unknown query parameters are ignored (AVE-02, and what JAX-RS does): no rejection to demand.
            "allow-extra-parameters": False,
        },
        "checks": checks,
        "phases": {
            "examples": {"enabled": True, "fill-missing": True},
            "coverage": {
                "enabled": True,
                **({"unexpected-methods": list(SAFE_METHODS)} if read_only else {}),
            },
            "fuzzing": {"enabled": True, "generation": {"max-examples": profile.fuzzing_examples}},
            "stateful": {
                "enabled": True,
                "max-steps": profile.stateful_steps,
                "generation": {"max-examples": profile.stateful_examples},
            },
        },
        "operations": [dict(override) for override in operation_overrides],
    }
    return SchemathesisConfig.from_dict(data)


def load_schema(api: str, config: SchemathesisConfig) -> Any:
    """Load the API's spec with the run configuration."""
    return schemathesis.openapi.from_path(str(spec_model.spec_path(api)), config=config)


def _operation_id(case: Any) -> str:
    return str(case.operation.definition.raw.get("operationId", ""))


def _record_scenario(result: ConformanceResult, event: events.ScenarioFinished) -> None:
    recorder = event.recorder
    phase = event.phase.value
    for case_id, nodes in recorder.checks.items():
        node_case = recorder.cases.get(case_id)
        if node_case is None:
            continue
        label = node_case.value.operation.label
        interaction = recorder.interactions.get(case_id)
        response = interaction.response if interaction is not None else None
        empty_but_optional = (
            response is not None
            and not (response.content or b"").strip()
            and api_paths.body_optional(result.api, _operation_id(node_case.value), response.status_code)
        )
        for node in nodes:
            tally = result.tally(label, node.name)
            tally.phases.add(phase)
            if node.status == Status.FAILURE and empty_but_optional and node.name in BODY_CHECKS:
                tally.passed += 1  # the pages show this answer without a body (x-body-optional)
            elif node.status == Status.SUCCESS:
                tally.passed += 1
            elif node.status == Status.FAILURE:
                tally.failed += 1
                info = node.failure_info
                if info is not None:
                    steps = [step.curl for step in info.steps]
                    tally.add_failure(
                        FailureRecord(
                            phase=phase,
                            title=info.failure.title,
                            message=info.failure.message,
                            curl=info.code_sample,
                            steps=steps,
                        )
                    )
            else:
                tally.errored += 1


# Stateful testing needs links between selected operations; a focused run may have none.
NO_LINKS_TITLE = "Missing Open API links"


def run_engine(api: str, schema: Any, seed: int, *, focused: bool = False) -> ConformanceResult:
    """Run every phase over ``schema`` and tally what each check saw.

    ``focused``: only some operations were selected, so a stateful phase without links is expected.
    """
    result = ConformanceResult(api=api, seed=seed, operations=api_paths.labels(api))
    started = time.monotonic()
    for event in from_schema(schema).execute():
        if isinstance(event, events.ScenarioFinished):
            _record_scenario(result, event)
        elif isinstance(event, events.PhaseFinished):
            phase = event.phase
            reason = f" ({phase.skip_reason.value})" if phase.skip_reason is not None else ""
            result.phases[phase.name.value] = f"{event.status.value}{reason}"
        elif isinstance(event, events.NonFatalError):
            if focused and event.info.title == NO_LINKS_TITLE:
                result.phases["stateful"] = "skip (no links within the focused operations)"
                continue
            label = event.label if event.label in result.operations else "(run)"
            tally = result.tally(label, ENGINE_ERRORS)
            tally.errored += 1
            tally.add_failure(
                FailureRecord(
                    phase=event.phase.value if event.phase else "-",
                    title=event.info.title,
                    message=event.info.message,
                    curl=event.info.code_sample or "(no request)",
                )
            )
        elif isinstance(event, events.FatalError):
            tally = result.tally("(run)", ENGINE_ERRORS)
            tally.errored += 1
            tally.add_failure(
                FailureRecord(
                    phase="-", title="Fatal error", message=str(event.exception), curl="(no request)"
                )
            )
    result.elapsed = time.monotonic() - started
    return result


def token_parameter_operations(api: str) -> list[str]:
    """Operations that also declare an apiKey scheme's header as a parameter (OLC-18's token probes)."""
    model = spec_model.spec(api)
    headers = {
        str(scheme.get("name", "")).lower()
        for scheme in model.security_schemes.values()
        if scheme.get("type") == "apiKey" and scheme.get("in") == "header"
    }
    return [
        operation_id
        for operation_id, operation in model.operations.items()
        if any(parameter.name.lower() in headers for parameter in operation.parameters_in("header"))
    ]


def judge(result: ConformanceResult, label: str, check: str) -> tuple[str, str] | None:
    """The verdict of one operation x check: None (passed), ``("skip", why)`` or ``("fail", report)``.

    Only checks that apply are asked (``applicable``), so one that ran on no case is a check that silently
    stopped working (an engine upgrade that no longer schedules it, a hook that filters every case): that
    fails, never passes or shows as "n/a".
    """
    operations = api_paths.labels(result.api)
    if label in result.excluded:
        return "skip", f"{label} excluded: {result.excluded[label]}"
    if label not in result.operations or all(key[0] != label for key in result.tallies):
        return "skip", f"{label} was left out of this run (see the summary)"
    reason = result.not_applicable_because(label, check)
    if reason is not None:
        return "skip", f"{check} does not apply to this server: {reason}"
    tally = result.tallies.get((label, check))
    if tally is None or tally.cases == 0:
        return "fail", (
            f"{operations[label]} ({label}): `{check}` applies but ran on no case (seed {result.seed});"
            " the engine no longer exercises it"
        )
    if tally.ok:
        return None
    details = "\n\n".join(record.render() for record in tally.failures)
    return "fail", (
        f"{operations[label]} ({label}) breaks `{check}` in {tally.failed + tally.errored} of"
        f" {tally.cases} cases (seed {result.seed}):\n\n{details}"
    )
