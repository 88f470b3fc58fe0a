"""Unit tests of the shared core: tokens, credentials, faults, time parsing, scenarios, spec access."""

from __future__ import annotations

import base64
import re
import time
from pathlib import Path

import pytest

from mock_servers import APIS
from mock_servers.avepoint import app as avepoint_app
from mock_servers.core.admin_access import ADMIN_TOKEN_HEADER, AdminPolicy, is_loopback_host
from mock_servers.core.app import ServerOptions
from mock_servers.core.auth import TokenStore, parse_basic_credentials, parse_bearer_token
from mock_servers.core.bodies import SchemaCheck, body_checks
from mock_servers.core.bounded_cache import BoundedCache
from mock_servers.core.faults import (
    FaultConfig,
    FaultConfigError,
    FaultMiddleware,
    FaultState,
    parse_cli_faults,
)
from mock_servers.core.http import ApiError
from mock_servers.core.parameters import Arguments, ParameterPlan
from mock_servers.core.routing import ApiRouter
from mock_servers.core.scenario import ScenarioError, json_pointer, load_scenario
from mock_servers.core.timeparse import parse_rfc3339
from mock_servers.olconnect import app as olconnect_app
from mock_servers.olconnect.statistics import LevelMode
from spec_model import spec, spec_path


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_token_lives_exactly_its_ttl() -> None:
    clock = FakeClock()
    store: TokenStore[str] = TokenStore(60, clock=clock)
    issued = store.issue("admin")
    assert issued.expires_in == 60
    clock.now += 59.9
    assert store.lookup(issued.value) == "admin"
    clock.now += 0.1
    assert store.lookup(issued.value) is None


def test_forced_expiry_kills_live_tokens_only_once() -> None:
    store: TokenStore[str] = TokenStore(60)
    first, second = store.issue("a"), store.issue("b")
    assert store.expire_all() == 2
    assert store.lookup(first.value) is None
    assert store.lookup(second.value) is None
    assert store.expire_all() == 0


def test_tokens_are_distinct_32_hex_characters() -> None:
    store: TokenStore[str] = TokenStore(60)
    tokens = {store.issue("a").value for _ in range(50)}
    assert len(tokens) == 50
    assert all(len(token) == 32 and int(token, 16) >= 0 for token in tokens)


def test_ttl_below_one_second_is_refused() -> None:
    with pytest.raises(ValueError, match="at least one second"):
        TokenStore(0)


def _basic(text: str) -> str:
    return "Basic " + base64.b64encode(text.encode()).decode()


def test_basic_credentials_parse_and_reject_garbage() -> None:
    assert parse_basic_credentials(_basic("admin:pa:ss")) == ("admin", "pa:ss")
    assert parse_basic_credentials("basic " + base64.b64encode(b"u:").decode()) == ("u", "")
    assert parse_basic_credentials(_basic("no-colon")) is None
    assert parse_basic_credentials("Basic !!!") is None
    assert parse_basic_credentials("Bearer abc") is None
    assert parse_basic_credentials(None) is None


def test_bearer_token_parse() -> None:
    assert parse_bearer_token("Bearer abc") == "abc"
    assert parse_bearer_token("bearer abc") == "abc"
    assert parse_bearer_token("Bearer") is None
    assert parse_bearer_token("Bearer a b") is None
    assert parse_bearer_token("Basic abc") is None


def test_fault_counters_count_down_and_drop_comes_first() -> None:
    state = FaultState(FaultConfig.from_mapping({"status": 429, "count": 2, "retry_after": 3, "drop": 1}))
    actions = [state.next_action() for _ in range(4)]
    assert [a.drop for a in actions] == [True, False, False, False]
    assert [a.status for a in actions] == [None, 429, 429, None]
    assert actions[1].retry_after == 3
    assert not state.active


def test_fault_status_defaults_to_one_request() -> None:
    config = FaultConfig.from_mapping({"status": 503})
    assert (config.count, config.retry_after) == (1, 1)


@pytest.mark.parametrize(
    ("settings", "message"),
    [
        ({"status": 500}, "/status"),
        ({"latency_ms": -1}, "/latency_ms"),
        ({"count": 2}, "status"),
        ({"bogus": 1}, "bogus"),
        ([], "object"),
    ],
)
def test_bad_fault_settings_name_the_key(settings: object, message: str) -> None:
    with pytest.raises(FaultConfigError, match=message):
        FaultConfig.from_mapping(settings)


def test_cli_fault_pairs() -> None:
    config = parse_cli_faults(["status=429", "count=3", "latency_ms=12.5"])
    assert (config.status, config.count, config.latency_ms) == (429, 3, 12.5)
    with pytest.raises(FaultConfigError, match="KEY=VALUE"):
        parse_cli_faults(["status"])
    with pytest.raises(FaultConfigError, match="not a number"):
        parse_cli_faults(["drop=many"])


@pytest.mark.parametrize(
    ("text", "valid"),
    [
        ("2024-12-12T00:00:00Z", True),
        ("2024-12-12T00:00:00.123456789+02:00", True),
        ("2024-12-12t00:00:00z", True),
        ("2024-12-12T00:00:00", True),  # no offset: UTC (AVE-07)
        ("2024-12-12 00:00:00Z", False),
        ("2024-13-12T00:00:00Z", False),
        ("yesterday", False),
    ],
)
def test_rfc3339_parsing(text: str, valid: bool) -> None:
    assert (parse_rfc3339(text) is not None) is valid


def test_rfc3339_offsets_are_applied() -> None:
    plus_two = parse_rfc3339("2024-12-12T02:00:00+02:00")
    utc = parse_rfc3339("2024-12-12T00:00:00Z")
    assert plus_two is not None
    assert utc is not None
    assert plus_two.timestamp() == utc.timestamp()


def _olconnect_path_id(raw: str, operation_id: str = "getJobMetadata", name: str = "jobId") -> int:
    """The OL Connect mock's reading of a path ID: the spec's reader, then the mock's variant rules."""
    document, source = load_scenario("olconnect", None)
    mock = olconnect_app.build_server(document, source, ServerOptions(access_log=False)).extra["mock"]
    plan = ParameterPlan(mock.model, mock.model.operation(operation_id), olconnect_app.READING_RULES)
    path_id: int = mock._path_id(Arguments(plan, {name: raw}, ""), name)
    return path_id


@pytest.mark.parametrize("raw", ["-1", "-0", "abc", "1.5", "", "9223372036854775808", "+5", "1" * 5000])
def test_bad_entity_ids_are_400_naming_the_parameter(raw: str) -> None:
    with pytest.raises(ApiError) as caught:
        _olconnect_path_id(raw)
    assert (caught.value.status, caught.value.parameter) == (400, "jobId")


def test_entity_id_accepts_java_long_range() -> None:
    assert _olconnect_path_id("0") == 0
    assert _olconnect_path_id("9223372036854775807") == 2**63 - 1
    assert _olconnect_path_id("3001", "getJobSegmentMetadata", "jobSegmentId") == 3001


def test_json_pointer_escapes() -> None:
    assert json_pointer(["a/b", "c~d", 0]) == "/a~1b/c~0d/0"
    assert json_pointer([]) == ""


def test_default_scenarios_load() -> None:
    for api in APIS:
        document, source = load_scenario(api, None)
        assert isinstance(document, dict)
        assert api in source


def test_scenario_schema_error_names_the_entry(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("clients:\n  - {client_id: a, client_secret: b, scopes: []}\njobs:\n  - {jobId: x}\n")
    with pytest.raises(ScenarioError, match=r"bad\.yaml: /jobs/0: 'appType' is a required property"):
        load_scenario("avepoint", bad)


def test_scenario_syntax_and_missing_file_errors(tmp_path: Path) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text("{nope")
    with pytest.raises(ScenarioError, match="not valid JSON"):
        load_scenario("avepoint", broken)
    with pytest.raises(ScenarioError, match="cannot read"):
        load_scenario("avepoint", tmp_path / "missing.yaml")


def test_spec_is_found_and_indexed() -> None:
    assert spec_path("olconnect").name == "olconnect.yaml"
    model = spec("olconnect")
    assert model.operation("getJobSetStatistics").path == "/rest/serverengine/statistics/jobset/{jobSetId}"
    assert _level_mode_enum() == ("documentOnly", "documentSetOnly", "documentSetAll")


def _level_mode_enum() -> tuple[str, ...]:
    """The canonical branch of the ``levelMode`` anyOf (OLC-12)."""
    model = spec("olconnect")
    schema = model.operation("getJobSetStatistics").parameter("levelMode").schema
    branches = [model.refs.follow_schema(branch) for branch in schema["anyOf"]]
    return tuple(next(branch["enum"] for branch in branches if "enum" in branch))


def test_body_validator_reports_json_pointer() -> None:
    check = SchemaCheck.for_body(spec("olconnect"), "updateMultipleJobProperties")
    check([{"id": 1, "properties": [{"name": "a", "value": "b"}]}])
    with pytest.raises(ApiError) as caught:
        check([{"id": 1, "properties": [{"name": "a", "value": 5}]}])
    assert caught.value.status == 400
    assert caught.value.parameter == "/0/properties/0/value"
    assert caught.value.message.startswith("Invalid request body at /0/properties/0/value: ")
    check([])  # the pages set no minimum (OLC-08): an empty list is a no-op
    with pytest.raises(ApiError, match=r"is not of type 'array'"):
        check({"id": 1, "properties": []})


def test_every_documented_json_body_has_a_check() -> None:
    """The OL Connect JSON bodies (nine PUTs, four workflow submits) and the AvePoint restore body.

    The AvePoint token form is checked as a form (see the HTTP tests).
    """
    assert sorted(body_checks(spec("olconnect"))) == [
        "submitAllInOne",
        "submitJobCreation",
        "submitOutputCreation",
        "submitOutputCreationByJobs",
        "updateDataSetProperties",
        "updateDocumentMetadata",
        "updateDocumentSetMetadata",
        "updateJobMetadata",
        "updateJobProperties",
        "updateJobSegmentMetadata",
        "updateJobSetMetadata",
        "updateJobSetProperties",
        "updateMultipleJobProperties",
    ]
    assert sorted(body_checks(spec("avepoint"))) == ["startM365Restore"]


@pytest.mark.parametrize("api", APIS)
def test_mock_serves_exactly_the_spec_operations(api: str) -> None:
    """Every (method, path) in the spec has a handler, and the mock serves no API path the spec lacks."""
    document, source = load_scenario(api, None)
    builder = olconnect_app.build_server if api == "olconnect" else avepoint_app.build_server
    server = builder(document, source, ServerOptions(access_log=False))
    assert isinstance(server.asgi, FaultMiddleware)  # access log is off: faults wrap the router directly
    router = server.asgi.app
    assert isinstance(router, ApiRouter)
    served = {(method, path) for path, methods in router.literal.items() for method in methods}
    served |= {
        (method, pattern.pattern.replace("\\", ""))
        for pattern, methods in router.templates
        for method in methods
    }
    spec_operations = {(operation.method, operation.path) for operation in spec(api).operations.values()}
    normalised = {(method, re.sub(r"\(\?P<(\w+)>\[\^/\]\+\)", r"{\1}", path)) for method, path in served}
    assert {entry for entry in normalised if entry[0] != "HEAD"} == spec_operations


def test_level_modes_match_the_spec() -> None:
    assert tuple(mode.value for mode in LevelMode) == _level_mode_enum()


def test_expired_tokens_are_purged_when_many_accumulate() -> None:
    clock = FakeClock()
    store: TokenStore[str] = TokenStore(1, clock=clock)
    old = [store.issue("a").value for _ in range(5)]
    clock.now += 2
    fresh = store.issue("b")
    assert len(store) == 1  # purged on issue, before any lookup could drop them lazily
    assert store.lookup(fresh.value) == "b"
    assert all(store.lookup(token) is None for token in old)
    assert all(store.has_expired(token) for token in old)


def test_live_tokens_are_capped_oldest_forgotten_first() -> None:
    store: TokenStore[str] = TokenStore(3600, max_tokens=3)
    tokens = [store.issue(f"user{i}").value for i in range(5)]
    assert len(store) == 3
    assert [store.lookup(token) for token in tokens] == [None, None, "user2", "user3", "user4"]
    with pytest.raises(ValueError, match="at least one token"):
        TokenStore(60, max_tokens=0)


def test_login_cost_does_not_grow_with_the_store() -> None:
    """No rescan per login: 25 000 live tokens are issued in linear time (generous bound, loaded machine)."""
    store: TokenStore[str] = TokenStore(3600, max_tokens=30_000)
    started = time.perf_counter()
    for _ in range(25_000):
        store.issue("admin")
    assert len(store) == 25_000
    assert time.perf_counter() - started < 10


def test_query_cache_is_bounded_by_bytes_and_entries() -> None:
    calls: list[str] = []

    def compute(key: str) -> int:
        calls.append(key)
        return len(key)

    cache = BoundedCache(compute, max_entries=50, max_bytes=20_000, max_item_bytes=1000)
    for i in range(200):
        cache(f"pageIndex={i}&" + "x" * 900)
    assert cache.size_bytes <= 20_000
    assert len(cache) <= 50
    cache("pageIndex=199&" + "x" * 900)
    assert len(calls) == 200  # the newest entry is still cached
    cache("y" * 5000)
    cache("y" * 5000)
    assert calls.count("y" * 5000) == 2  # too large to keep
    small = BoundedCache(compute, max_entries=3)
    for key in ("a", "b", "c", "a", "d"):
        small(key)
    small("a")  # recently used, so still cached: "b" was the one dropped for "d"
    assert calls[-1] == "d"
    small("b")
    assert calls[-1] == "b"


@pytest.mark.parametrize(
    ("host", "origin", "token", "expected"),
    [
        ("127.0.0.1:9340", None, "secret", None),
        ("localhost:9340", "http://localhost:9340", "secret", None),
        ("[::1]:9340", None, "secret", None),
        ("127.0.0.1:9341", None, "secret", 421),  # another port
        ("evil.example:9340", None, "secret", 421),
        ("", None, "secret", 421),
        ("127.0.0.1:9340", "http://evil.example", "secret", 403),
        ("127.0.0.1:9340", "null", "secret", 403),
        ("127.0.0.1:9340", "https://127.0.0.1:9340", "secret", 403),
        ("127.0.0.1:9340", None, "", 401),
        ("127.0.0.1:9340", None, "secre", 401),
        ("127.0.0.1:9340", None, "s\xe9cret", 401),
    ],
)
def test_admin_policy(host: str, origin: str | None, token: str, expected: int | None) -> None:
    policy = AdminPolicy("secret", "127.0.0.1")
    headers = {"host": host, ADMIN_TOKEN_HEADER.lower(): token}
    if origin is not None:
        headers["origin"] = origin
    denial = policy.check(headers, 9340)
    assert (denial.status if denial else None) == expected


def test_admin_policy_media_type_and_non_loopback_binds() -> None:
    policy = AdminPolicy("secret", "127.0.0.1")
    base = {"host": "127.0.0.1:1", ADMIN_TOKEN_HEADER.lower(): "secret"}
    assert policy.check({**base, "content-type": "application/json", "content-length": "2"}, 1) is None
    text = policy.check({**base, "content-type": "text/plain", "content-length": "2"}, 1)
    assert text is not None
    assert text.status == 415
    bare = policy.check({**base, "content-length": "2"}, 1)
    assert bare is not None
    assert bare.status == 415
    assert policy.check({**base, "content-length": "0"}, 1) is None
    wide = AdminPolicy("secret", "0.0.0.0")
    assert wide.check({"host": "my-host.example:1", ADMIN_TOKEN_HEADER.lower(): "secret"}, 1) is None
    assert is_loopback_host("127.8.9.10")
    assert not is_loopback_host("10.0.0.1")
