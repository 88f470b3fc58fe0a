"""The Markdown summary: one row per operation x check with the cases run and the verdict."""

from __future__ import annotations

from typing import TYPE_CHECKING

from contract_tests import conformance, fingerprint, targets

if TYPE_CHECKING:
    from contract_tests.run_state import RunState


def _verdict(tally: conformance.CheckTally) -> str:
    if tally.cases == 0:
        return "**FAIL** (applies, no case ran)"
    return "pass" if tally.ok else "**FAIL**"


def _conformance_section(result: conformance.ConformanceResult) -> list[str]:
    lines = [
        f"### {result.api}: Schemathesis conformance ({result.elapsed:.1f} s, seed {result.seed})",
        "",
        "Phases: " + ", ".join(f"{name} {status}" for name, status in result.phases.items()),
        "",
        "| operation | check | cases | passed | failed | phases | result |",
        "|---|---|---:|---:|---:|---|---|",
    ]
    for label, operation_id in result.operations.items():
        if label in result.excluded:
            lines.append(
                f"| `{operation_id}` {label} | (all) | - | - | - | - | excluded: {result.excluded[label]} |"
            )
            continue
        if all(key[0] != label for key in result.tallies):  # focused out (--operation), as the tests skip it
            lines.append(f"| `{operation_id}` {label} | (all) | - | - | - | - | not in this run |")
            continue
        for check in (*conformance.CHECKS, *conformance.CUSTOM_CHECKS, conformance.ENGINE_ERRORS):
            tally = result.tallies.get((label, check))
            if check == conformance.ENGINE_ERRORS and tally is None:
                continue
            reason = result.not_applicable_because(label, check)
            if reason is not None:
                lines.append(f"| `{operation_id}` {label} | {check} | - | - | - | - | n/a: {reason} |")
                continue
            if check != conformance.ENGINE_ERRORS and not conformance.applicable(
                result.api, operation_id, check
            ):
                if check in conformance.CUSTOM_CHECKS:
                    continue
                lines.append(f"| `{operation_id}` {label} | {check} | - | - | - | - | n/a |")
                continue
            tally = tally or conformance.CheckTally(operation=label, check=check)
            phases = ", ".join(sorted(tally.phases)) or "-"
            lines.append(
                f"| `{operation_id}` {label} | {check} | {tally.cases} | {tally.passed} | "
                f"{tally.failed + tally.errored} | {phases} | {_verdict(tally)} |"
            )
    run_errors = result.tallies.get(("(run)", conformance.ENGINE_ERRORS))
    if run_errors is not None:
        lines.append(
            f"| (run) | {conformance.ENGINE_ERRORS} | {run_errors.cases} | 0 | {run_errors.errored}"
            " | - | **FAIL** |"
        )
    failures = [tally for tally in result.rows() if tally.failures]
    if failures:
        lines += ["", "#### Failures", ""]
        for tally in failures:
            lines.append(f"- **{tally.operation}** / `{tally.check}`")
            lines += [
                "  ```",
                *("  " + line for record in tally.failures for line in record.render().splitlines()),
                "  ```",
            ]
    return lines


def _created_section(state: RunState) -> list[str]:
    """What the run started on a server: a live run starts a restore only on the target the caller named
    (AVEPOINT_RESTORE_TARGET, AVE-47), so the summary always says whether it did."""
    if not state.created:
        return [
            "Created on the servers: nothing (semantic tests; fuzzing on a bundled mock is not listed).",
            "",
        ]
    return ["Created on the servers:", "", *[f"- {line}" for line in state.created], ""]


def _semantic_section(state: RunState) -> list[str]:
    if not state.semantic:
        return []
    lines = [
        "### Documented semantics (Hypothesis)",
        "",
        "| API | operations | rule | requests | result |",
        "|---|---|---|---:|---|",
    ]
    for record in state.semantic:
        verdict = {"passed": "pass", "failed": "**FAIL**", "skipped": f"skipped: {record.detail}"}[
            record.outcome
        ]
        operations = ", ".join(f"`{op}`" for op in record.operations)
        lines.append(f"| {record.api} | {operations} | {record.rule} | {record.requests} | {verdict} |")
    skipped = [record for record in state.semantic if record.outcome == "skipped"]
    if skipped:
        lines += ["", "#### Not checked in this run, and why", ""]
        lines += [f"- {record.api}: {record.rule} — {record.detail}" for record in skipped]
        lines += [
            "",
            "Checks that need time or a second identity run when the environment provides them:"
            f" `{targets.MAX_WAIT}` (seconds the suite may wait for a token to expire),"
            f" `{targets.READONLY_USER[0]}`/`{targets.READONLY_USER[1]}` (a user without the write role),"
            f" `{targets.OTHER_SCOPE_TOKEN}` (a token for another scope).",
        ]
    return lines


def _behaviour_section(state: RunState) -> list[str]:
    """The fingerprint: the version the rules used, and which documented alternative the server showed."""
    lines = ["## Server behaviour", ""]
    if state.targets.olconnect is not None:
        version = state.version_if_read()
        if version is None:
            lines.append("OL Connect server version: not read (the fingerprint test did not run).")
        else:
            lines += [f"OL Connect server version used by the version rules: {version.describe()}.", ""]
            lines += [f"- {line}" for line in version.rule_lines()]
        lines.append("")
    if not state.fingerprint:
        return [
            *lines,
            "No fingerprint was taken (the fingerprint tests did not run).",
            "",
            *_informational_section(state),
        ]
    lines += [
        "Where the vendor pages allow more than one behaviour, this is the one the server showed",
        "(`variant` names the choice as spec/variants.yaml does):",
        "",
        "| API | decision | variant | server showed | evidence |",
        "|---|---|---|---|---|",
    ]
    for seen in state.fingerprint:
        evidence = seen.evidence().replace("|", "\\|")
        # A value no documented alternative admits fails the fingerprint test; the row says so too.
        shown = (
            seen.shown if fingerprint.undocumented(seen) is None else f"**FAIL** {seen.shown} (undocumented)"
        )
        lines.append(f"| {seen.api} | {seen.decision} | `{seen.variant}` | {shown} | {evidence} |")
    return [*lines, "", *_informational_section(state)]


def _informational_section(state: RunState) -> list[str]:
    """What the semantic tests saw where the pages leave the behaviour open: reported, never judged."""
    if not state.informational:
        return []
    lines = [
        "Informational (the pages leave these open; any answer passes, none is a failure):",
        "",
        "| API | decision | topic | server showed | evidence |",
        "|---|---|---|---|---|",
    ]
    for seen in state.informational:
        evidence = seen.evidence().replace("|", "\\|")
        lines.append(f"| {seen.api} | {seen.decision} | `{seen.variant}` | {seen.shown} | {evidence} |")
    return [*lines, ""]


def render(state: RunState, elapsed: float) -> str:
    """The whole summary document."""
    targets = []
    for api in state.targets.apis:
        target = getattr(state.targets, api)
        targets.append(f"{api} ({'live' if target.live else 'bundled mock'} at {target.base_url})")
    lines = [
        "# Contract suite summary",
        "",
        f"Profile `{state.profile.name}`, seed {state.seed}, wall time {elapsed:.1f} s.",
        f"Targets: {', '.join(targets) or 'none'}.",
        "",
        "Rows with result `n/a` are checks that cannot apply to the operation (`ignored_auth` on an",
        "operation without security, `use_after_free` in an API without DELETE,",
        "`ensure_resource_availability` without a creating POST; `n/a: reason` when this server's documented",
        "reading rules it out). An applicable check that ran on no case is a failure. `cases` counts every",
        "case of every phase on which the check ran.",
        "",
        *_behaviour_section(state),
        *_created_section(state),
    ]
    for api in state.targets.apis:
        result = state.results.get(api)
        if result is not None:
            lines += [*_conformance_section(result), ""]
    lines += _semantic_section(state)
    return "\n".join(lines) + "\n"
