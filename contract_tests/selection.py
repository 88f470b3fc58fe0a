"""Which APIs a run targets, from ``--api``, ``--operation`` and the live-mode base URLs.

A selection must select something real. An operationId that no spec defines, an operation of an API that
``--api`` left out, or a live configuration that leaves none of the requested APIs would otherwise run
nothing (or the wrong API) and still exit 0, so each is an error that names the valid values.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import spec_model
from contract_tests import api_paths
from contract_tests.targets import APIS, MockSelection, live_apis
from spec_model.variants import VariantError, parse_assignments


class SelectionError(Exception):
    """The command line selects nothing, or something that does not exist; the message lists valid values."""


def api_of(operation_id: str) -> str | None:
    """The API whose spec defines ``operation_id`` (None when no spec does)."""
    return next((api for api in APIS if operation_id in api_paths.operation_ids(api)), None)


def _valid_operations() -> str:
    return "; ".join(f"{api}: {', '.join(api_paths.operation_ids(api))}" for api in APIS)


def check_operations(operations: Sequence[str]) -> None:
    """Raise SelectionError naming every operationId when one of ``operations`` is unknown."""
    unknown = [operation_id for operation_id in operations if api_of(operation_id) is None]
    if unknown:
        raise SelectionError(
            f"unknown operation {', '.join(map(repr, unknown))}; valid operationIds are {_valid_operations()}"
        )


def select_apis(
    requested: Sequence[str] | None, operations: Sequence[str] | None, env: Mapping[str, str]
) -> tuple[str, ...]:
    """The APIs of this run, or SelectionError.

    ``--operation`` alone narrows the run to the APIs that own the operations, so focusing on an OL Connect
    operation never starts the AvePoint mock. In live mode only APIs with a base URL can run.
    """
    operations = list(operations or ())
    check_operations(operations)
    owners = {api_of(operation_id) for operation_id in operations}
    if requested:
        stray = [op for op in operations if api_of(op) not in requested]
        if stray:
            raise SelectionError(
                f"operation {', '.join(map(repr, stray))} is not part of --api {' '.join(requested)};"
                f" valid operationIds are {_valid_operations()}"
            )
        apis = tuple(api for api in APIS if api in requested)
    elif operations:
        apis = tuple(api for api in APIS if api in owners)
    else:
        apis = APIS
    live = live_apis(env)
    if live:
        selected = tuple(api for api in apis if api in live)
        if not selected:
            configured = ", ".join(f"{api.upper()}_BASE_URL" for api in live)
            raise SelectionError(
                f"nothing to run: live mode targets {', '.join(live)} ({configured} set), but the selection"
                f" asks for {', '.join(apis)}"
            )
        return selected
    return apis


def mock_selection(
    profile: str | None, assignments: Sequence[str] | None, env: Mapping[str, str]
) -> MockSelection:
    """``--mock-profile``/``--mock-variant`` checked against spec/variants.yaml (SelectionError if bad)."""
    catalog = spec_model.variants()

    if not profile and not assignments:
        return MockSelection()
    live = live_apis(env)
    if live:
        raise SelectionError(
            f"--mock-profile/--mock-variant choose the bundled mocks' behaviour, but live mode is on"
            f" ({', '.join(f'{api.upper()}_BASE_URL' for api in live)} set)"
        )
    if profile and profile not in catalog.profile_names:
        valid = ", ".join(catalog.profile_names)
        raise SelectionError(f"unknown mock profile {profile!r}; valid profiles: {valid}")
    try:
        values = parse_assignments(assignments or ())
        for name in values:
            catalog.variant(name)
        for api in APIS:
            catalog.resolve(api, profile, {n: v for n, v in values.items() if catalog.variants[n].api == api})
    except VariantError as exc:
        raise SelectionError(str(exc)) from None
    return MockSelection(profile=profile, variants=values)
