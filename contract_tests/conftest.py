"""pytest wiring of the contract suite: options, targets, shared state, deselection and reports."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from contract_tests import api_paths, report, server_version
from contract_tests.profiles import DEFAULT_PROFILE, get_profile
from contract_tests.redaction import scrub
from contract_tests.run_state import RunState, SemanticRecord, new_seed
from contract_tests.selection import SelectionError, check_operations, mock_selection
from contract_tests.targets import APIS, MockSelection, TargetError, resolve_targets, selected_apis

_STATE_KEY = pytest.StashKey[RunState]()
_STACK_KEY = pytest.StashKey[ExitStack]()
_STARTED_KEY = pytest.StashKey[float]()
_REQUESTS_AT_START = pytest.StashKey[int]()
_MOCKS_KEY = pytest.StashKey[MockSelection]()


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("contract", "contract suite")
    group.addoption("--contract-profile", default=DEFAULT_PROFILE, help="quick (default) or full")
    group.addoption("--contract-api", action="append", choices=APIS, help="limit the run to this API")
    group.addoption("--contract-seed", type=int, default=None, help="repeat a run: the seed from its summary")
    group.addoption(
        "--contract-reports", default="reports", help="folder for the JUnit XML and Markdown summary"
    )
    group.addoption(
        "--contract-operation",
        action="append",
        metavar="OPERATION_ID",
        help="focus on these operations (the engine and the semantic tests that touch them)",
    )
    group.addoption("--contract-mock-profile", default=None, help="bundled mocks: profile of variants")
    group.addoption(
        "--contract-mock-variant", action="append", metavar="NAME=VALUE", help="bundled mocks: one variant"
    )


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "api(name): the API a test talks to (olconnect or avepoint)")
    config.addinivalue_line("markers", "operations(*ids): the operations a semantic test exercises")
    config.addinivalue_line(
        "markers", "writes: the test changes server data (live: needs CONTRACT_ALLOW_WRITES=1)"
    )
    config.stash[_STARTED_KEY] = time.monotonic()
    try:  # plain `pytest contract_tests --contract-operation=typo` must fail as loudly as the front door
        check_operations(config.getoption("--contract-operation") or ())
        config.stash[_MOCKS_KEY] = mock_selection(
            config.getoption("--contract-mock-profile"),
            config.getoption("--contract-mock-variant"),
            os.environ,
        )
    except SelectionError as exc:
        raise pytest.UsageError(str(exc)) from None
    profile = get_profile(config.getoption("--contract-profile"))
    settings.register_profile(
        f"contract-{profile.name}",
        max_examples=profile.semantic_examples,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
    settings.load_profile(f"contract-{profile.name}")


def run_apis(config: pytest.Config) -> tuple[str, ...]:
    """APIs this run tests: live ones if any base URL is set, narrowed by ``--contract-api``."""
    return selected_apis(config.getoption("--contract-api") or APIS, os.environ)


def _item_operations(item: pytest.Item) -> set[str]:
    """The operationIds a test is about (empty: not about particular operations)."""
    callspec = getattr(item, "callspec", None)
    params = callspec.params if callspec is not None else {}
    api_marker = item.get_closest_marker("api")
    if "label" in params and api_marker is not None:
        return {api_paths.labels(api_marker.args[0])[params["label"]]}
    if "operation_id" in params:
        return {params["operation_id"]}
    marker = item.get_closest_marker("operations")
    return set(marker.args) if marker is not None else set()


def _wanted(item: pytest.Item, apis: set[str], focus: set[str]) -> bool:
    marker = item.get_closest_marker("api")
    if marker is not None and marker.args[0] not in apis:
        return False
    if not focus:
        return True
    operations = _item_operations(item)
    # "*": the test sends requests to every operation, so any focus includes it.
    return not operations or "*" in operations or bool(operations & focus)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Leave out tests of APIs (and, with --contract-operation, operations) this run does not target."""
    apis = set(run_apis(config))
    focus = set(config.getoption("--contract-operation") or ())
    keep: list[pytest.Item] = []
    drop: list[pytest.Item] = []
    for item in items:
        (keep if _wanted(item, apis, focus) else drop).append(item)
    if drop:
        config.hook.pytest_deselected(items=drop)
        items[:] = keep


@pytest.fixture(scope="session")
def run_state(pytestconfig: pytest.Config) -> Iterator[RunState]:
    """Start the bundled mocks (or read the live targets) once for the whole run."""
    profile = get_profile(pytestconfig.getoption("--contract-profile"))
    seed = pytestconfig.getoption("--contract-seed")
    with ExitStack() as stack:
        try:
            server_version.check_env(os.environ)
            mocks = pytestconfig.stash[_MOCKS_KEY]
            targets = stack.enter_context(resolve_targets(run_apis(pytestconfig), mocks=mocks))
        except (TargetError, ValueError) as exc:  # ValueError: a malformed OLCONNECT_SERVER_VERSION
            pytest.exit(f"contract suite: {exc}", returncode=2)
        except Exception as exc:  # a bundled mock that cannot start: one clear line, not 200 errors
            pytest.exit(
                f"contract suite: cannot start the targets: {type(exc).__name__}: {scrub(str(exc))}",
                returncode=3,
            )
        state = RunState(
            profile=profile,
            targets=targets,
            seed=seed if seed is not None else new_seed(),
            stack=stack,
            focus=tuple(pytestconfig.getoption("--contract-operation") or ()),
        )
        pytestconfig.stash[_STATE_KEY] = state
        yield state


@pytest.fixture(autouse=True)
def _count_requests(request: pytest.FixtureRequest, run_state: RunState) -> None:
    """Remember the request counter when a test starts; the report shows how many requests it sent."""
    request.node.stash[_REQUESTS_AT_START] = run_state.requests_sent


def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> None:
    """Record each semantic test's outcome for the Markdown summary."""
    if not item.module.__name__.endswith("_semantics") or call.when not in {"call", "setup"}:  # type: ignore[attr-defined]
        return
    state = item.config.stash.get(_STATE_KEY, None)
    if state is None:
        return
    if call.when == "setup" and call.excinfo is None:
        return
    if call.excinfo is None:
        outcome = "passed"
    elif call.excinfo.errisinstance(pytest.skip.Exception):
        outcome = "skipped"
    else:
        outcome = "failed"
    api_marker = item.get_closest_marker("api")
    counter = state.requests_sent - item.stash.get(_REQUESTS_AT_START, state.requests_sent)
    function = getattr(item, "obj", None)
    doc = " ".join((getattr(function, "__doc__", None) or item.name).split())
    callspec = getattr(item, "callspec", None)
    if callspec is not None:
        doc = f"[{callspec.id}] {doc}"
    detail = ""
    if outcome == "skipped" and call.excinfo is not None:
        detail = str(call.excinfo.value)
    state.semantic.append(
        SemanticRecord(
            api=api_marker.args[0] if api_marker else "-",
            operations=tuple(sorted(_item_operations(item))),
            rule=doc,
            requests=counter,
            outcome=outcome,
            detail=detail,
        )
    )


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    state = session.config.stash.get(_STATE_KEY, None)
    if state is None:
        return
    elapsed = time.monotonic() - session.config.stash[_STARTED_KEY]
    out = Path(session.config.getoption("--contract-reports"))
    out.mkdir(parents=True, exist_ok=True)
    (out / "contract-summary.md").write_text(scrub(report.render(state, elapsed)), encoding="utf-8")


def pytest_unconfigure(config: pytest.Config) -> None:
    """Last pass over the JUnit file: mask any registered secret (JUnit is written after sessionfinish)."""
    xml_path = config.getoption("xmlpath", None)
    if xml_path and Path(xml_path).exists():
        path = Path(xml_path)
        path.write_text(scrub(path.read_text(encoding="utf-8")), encoding="utf-8")
