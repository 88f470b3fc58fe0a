"""Which servers the suite talks to: the bundled mocks (default) or live servers named by env vars.

Live mode exists so a user can point the same checks at their own OL Connect or AvePoint tenant in CI.
It is configured only through environment variables, so secrets never appear on a command line, and
setting one API's base URL runs that API alone (a user rarely has both products).
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator, Mapping
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field, replace
from typing import Any

import spec_model
from contract_tests.redaction import register_secret
from mock_servers.testing import MockProcess, running_mock

APIS = spec_model.API_NAMES
WRITE_FLAG = "CONTRACT_ALLOW_WRITES"


class TargetError(Exception):
    """The environment does not describe a usable target; the message says what to set."""


# The OL Connect path parameters that name an entity, and the target attribute holding the known ones.
ID_ATTRIBUTES = {
    "jobId": "job_ids",
    "jobSegmentId": "job_segment_ids",
    "jobSetId": "job_set_ids",
    "documentSetId": "document_set_ids",
    "documentId": "document_ids",
    "dataSetId": "data_set_ids",
}
# Live mode: the one job set the user allows the suite to delete (OLC-42); no other entity is ever deleted.
DISPOSABLE_JOB_SET = "OLCONNECT_DISPOSABLE_JOB_SET_ID"
# Live mode: the one data set the suite may delete (OLC-71).
DISPOSABLE_DATA_SET = "OLCONNECT_DISPOSABLE_DATA_SET_ID"
# The variable that names the one entity a delete through this path parameter may remove.
DISPOSABLE_VARIABLES = {"jobSetId": DISPOSABLE_JOB_SET, "dataSetId": DISPOSABLE_DATA_SET}


@dataclass(frozen=True)
class OLConnectTarget:
    """An OL Connect server and the credentials and entities the positive paths need."""

    base_url: str
    username: str
    password: str = field(repr=False)
    job_ids: tuple[int, ...] = ()
    job_segment_ids: tuple[int, ...] = ()
    job_set_ids: tuple[int, ...] = ()
    document_set_ids: tuple[int, ...] = ()
    document_ids: tuple[int, ...] = ()
    data_set_ids: tuple[int, ...] = ()
    # Live mode: the one job set a delete may remove (OLCONNECT_DISPOSABLE_JOB_SET_ID); None on the mock,
    # whose delete test picks a seeded job set and resets the mock afterwards.
    disposable_job_set_id: int | None = None
    # Live mode: the one data set a delete may remove (OLCONNECT_DISPOSABLE_DATA_SET_ID, OLC-71).
    disposable_data_set_id: int | None = None
    live: bool = False
    writes_allowed: bool = True
    # Mock only: a user without any role, to see 403 (empty when unknown).
    unprivileged: tuple[str, str] | None = field(default=None, repr=False)
    # A second identity: a user with the read role but not the write role (OLCONNECT_READONLY_USERNAME and
    # OLCONNECT_READONLY_PASSWORD live; the mock's read-only user otherwise). None: not available.
    read_only: tuple[str, str] | None = field(default=None, repr=False)
    # The workflow inputs (OLC-50..58): a Job Creation Preset, an Output Creation Preset and content sets a
    # job creation may take (OLCONNECT_JOB_PRESET, OLCONNECT_OUTPUT_PRESET, OLCONNECT_CONTENT_SET_ID live).
    job_preset: str | None = None
    output_preset: str | None = None
    content_set_ids: tuple[int, ...] = ()
    # Mock only: the running bundled mock, for its admin endpoints (MockProcess.admin sends the admin token).
    mock: MockProcess | None = field(default=None, repr=False, compare=False)

    def known_ids(self, id_parameter: str) -> tuple[int, ...]:
        """The known entities a path parameter of the spec (``jobId``, ``jobSegmentId``, ...) can name."""
        ids: tuple[int, ...] = getattr(self, ID_ATTRIBUTES[id_parameter])
        return ids

    def disposable_id(self, id_parameter: str) -> int | None:
        """The one entity a live delete through ``id_parameter`` (``jobSetId``, ``dataSetId``) may remove."""
        return {"jobSetId": self.disposable_job_set_id, "dataSetId": self.disposable_data_set_id}.get(
            id_parameter
        )

    @property
    def job_id(self) -> int | None:
        return self.job_ids[0] if self.job_ids else None

    @property
    def job_segment_id(self) -> int | None:
        return self.job_segment_ids[0] if self.job_segment_ids else None

    @property
    def job_set_id(self) -> int | None:
        return self.job_set_ids[0] if self.job_set_ids else None


@dataclass(frozen=True)
class AvePointTarget:
    """An AvePoint Graph API host and how to get a bearer token for it."""

    base_url: str
    token: str | None = field(default=None, repr=False)
    token_url: str | None = None
    client_id: str | None = None
    client_secret: str | None = field(default=None, repr=False)
    scope: str = "gsuite.graph.read.all"
    live: bool = False
    mock: MockProcess | None = field(default=None, repr=False, compare=False)
    # A second identity: a token without the read scope (AVEPOINT_OTHER_SCOPE_TOKEN live), or client
    # credentials that get one (the mock's other client). Both None: not available.
    other_scope_token: str | None = field(default=None, repr=False)
    other_client: tuple[str, str, str] | None = field(default=None, repr=False)  # id, secret, scope
    # The one restore the suite may start (AVE-47): a live run needs CONTRACT_ALLOW_WRITES=1 and the body
    # in AVEPOINT_RESTORE_TARGET, naming the site or OneDrive to restore into; None: no restore is started.
    restore_body: Mapping[str, Any] | None = field(default=None, repr=False)
    # Insights export jobs known to exist (AVEPOINT_EXPORT_JOB_ID live; the mock's seeded ones).
    export_job_ids: tuple[int, ...] = ()


@dataclass(frozen=True)
class Targets:
    """The targets of one run; ``None`` means that API is not tested in this run."""

    olconnect: OLConnectTarget | None
    avepoint: AvePointTarget | None

    @property
    def apis(self) -> tuple[str, ...]:
        return tuple(api for api in APIS if getattr(self, api) is not None)


def live_apis(env: Mapping[str, str]) -> tuple[str, ...]:
    """APIs whose base URL is set in the environment (live mode for those only)."""
    return tuple(api for api in APIS if env.get(f"{api.upper()}_BASE_URL", "").strip())


MAX_WAIT = "CONTRACT_MAX_WAIT"
MAX_WAIT_LIMIT = 3600  # an hour is the most a CI job should sleep
READONLY_USER = ("OLCONNECT_READONLY_USERNAME", "OLCONNECT_READONLY_PASSWORD")
OTHER_SCOPE_TOKEN = "AVEPOINT_OTHER_SCOPE_TOKEN"


def max_wait(env: Mapping[str, str]) -> float:
    """``CONTRACT_MAX_WAIT``: the longest the suite may wait for a token to outlive its stated lifetime
    (0, the default, waits never; the tests that need it are then skipped and say so)."""
    raw = env.get(MAX_WAIT, "").strip()
    if not raw:
        return 0.0
    try:
        value = float(raw)
    except ValueError:
        raise TargetError(f"{MAX_WAIT} must be a number of seconds, got {raw!r}") from None
    if not 0 <= value <= MAX_WAIT_LIMIT:
        raise TargetError(f"{MAX_WAIT} must be between 0 and {MAX_WAIT_LIMIT} seconds, got {raw!r}")
    return value


def wait_hint(seconds: float) -> str:
    """Why a check that must wait ``seconds`` did not run, and what to set so it does."""
    if seconds > MAX_WAIT_LIMIT:
        return f"needs time: {seconds:g} s is longer than the suite waits ({MAX_WAIT_LIMIT} s at most)"
    return f"needs time: {seconds:g} s; set {MAX_WAIT}={seconds:g} or more to wait for it"


def _read_only_user(env: Mapping[str, str]) -> tuple[str, str] | None:
    given = [name for name in READONLY_USER if env.get(name)]
    if not given:
        return None
    if len(given) < len(READONLY_USER):
        raise TargetError(f"set both {' and '.join(READONLY_USER)} (or neither)")
    register_secret(env[READONLY_USER[1]])
    return env[READONLY_USER[0]], env[READONLY_USER[1]]


def _int_ids(env: Mapping[str, str], name: str) -> tuple[int, ...]:
    raw = env.get(name, "").strip()
    if not raw:
        return ()
    try:
        value = int(raw)
    except ValueError:
        raise TargetError(f"{name} must be an integer entity ID, got {raw!r}") from None
    if value < 0:
        raise TargetError(f"{name} must be a non-negative integer, got {raw!r}")
    return (value,)


def olconnect_from_env(env: Mapping[str, str]) -> OLConnectTarget:
    """Build the live OL Connect target; raise TargetError naming any missing variable."""
    missing = [name for name in ("OLCONNECT_USERNAME", "OLCONNECT_PASSWORD") if not env.get(name)]
    if missing:
        raise TargetError(f"OLCONNECT_BASE_URL is set, so also set {' and '.join(missing)}")
    password = env["OLCONNECT_PASSWORD"]
    register_secret(password)
    return OLConnectTarget(
        base_url=env["OLCONNECT_BASE_URL"].strip().rstrip("/"),
        username=env["OLCONNECT_USERNAME"],
        password=password,
        job_ids=_int_ids(env, "OLCONNECT_JOB_ID"),
        job_segment_ids=_int_ids(env, "OLCONNECT_JOB_SEGMENT_ID"),
        job_set_ids=_int_ids(env, "OLCONNECT_JOB_SET_ID"),
        document_set_ids=_int_ids(env, "OLCONNECT_DOCUMENT_SET_ID"),
        document_ids=_int_ids(env, "OLCONNECT_DOCUMENT_ID"),
        data_set_ids=_int_ids(env, "OLCONNECT_DATA_SET_ID"),
        disposable_job_set_id=next(iter(_int_ids(env, DISPOSABLE_JOB_SET)), None),
        disposable_data_set_id=next(iter(_int_ids(env, DISPOSABLE_DATA_SET)), None),
        job_preset=env.get("OLCONNECT_JOB_PRESET", "").strip() or None,
        output_preset=env.get("OLCONNECT_OUTPUT_PRESET", "").strip() or None,
        content_set_ids=_int_ids(env, "OLCONNECT_CONTENT_SET_ID"),
        live=True,
        writes_allowed=env.get(WRITE_FLAG, "") == "1",
        read_only=_read_only_user(env),
    )


def avepoint_from_env(env: Mapping[str, str]) -> AvePointTarget:
    """Build the live AvePoint target from a static token or client-credentials variables."""
    base_url = env["AVEPOINT_BASE_URL"].strip().rstrip("/")
    other = env.get(OTHER_SCOPE_TOKEN) or None
    if other:
        register_secret(other)
    token = env.get("AVEPOINT_TOKEN") or None
    if token:
        register_secret(token)
        return _with_job_facts(
            env, AvePointTarget(base_url=base_url, token=token, live=True, other_scope_token=other)
        )
    names = ("AVEPOINT_TOKEN_URL", "AVEPOINT_CLIENT_ID", "AVEPOINT_CLIENT_SECRET")
    missing = [name for name in names if not env.get(name)]
    if missing:
        raise TargetError(
            "AVEPOINT_BASE_URL is set, so also set AVEPOINT_TOKEN, or AVEPOINT_TOKEN_URL + AVEPOINT_CLIENT_ID"
            f" + AVEPOINT_CLIENT_SECRET (missing: {', '.join(missing)})"
        )
    secret = env["AVEPOINT_CLIENT_SECRET"]
    register_secret(secret)
    return _with_job_facts(
        env,
        AvePointTarget(
            base_url=base_url,
            token_url=env["AVEPOINT_TOKEN_URL"].strip(),
            client_id=env["AVEPOINT_CLIENT_ID"],
            client_secret=secret,
            scope=env.get("AVEPOINT_SCOPE", "gsuite.graph.read.all"),
            live=True,
            other_scope_token=other,
        ),
    )


RESTORE_TARGET = "AVEPOINT_RESTORE_TARGET"
EXPORT_JOB_ID = "AVEPOINT_EXPORT_JOB_ID"


def restore_body_from_env(env: Mapping[str, str]) -> Mapping[str, Any] | None:
    """The restore a live run may start: only with CONTRACT_ALLOW_WRITES=1 *and* AVEPOINT_RESTORE_TARGET,
    a JSON restore body whose scope names the site or OneDrive to restore into (stronger than the write
    flag alone: a restore overwrites files in a real tenant)."""
    raw = env.get(RESTORE_TARGET, "").strip()
    if not raw:
        return None
    if env.get(WRITE_FLAG, "") != "1":
        raise TargetError(
            f"{RESTORE_TARGET} is set, so also set {WRITE_FLAG}=1 to allow the restore it names"
        )
    try:
        body = json.loads(raw)
    except ValueError:
        body = None
    scopes = ("siteRestoreScope", "oneDriveRestoreScope")
    if not isinstance(body, dict) or not any(isinstance(body.get(name), dict) for name in scopes):
        raise TargetError(
            f"{RESTORE_TARGET} must be a JSON restore body with serviceType, recoveryDateTime and a"
            " siteRestoreScope or oneDriveRestoreScope naming the target"
        )
    return body


def _with_job_facts(env: Mapping[str, str], target: AvePointTarget) -> AvePointTarget:
    return replace(
        target,
        restore_body=restore_body_from_env(env),
        export_job_ids=tuple(int(i) for i in _int_ids(env, EXPORT_JOB_ID)),
    )


# --- bundled mocks ------------------------------------------------------------------------------------


def _register_info_secrets(info: Any) -> None:
    """Mask every credential the mock announces (passwords, client secrets, tokens)."""
    if isinstance(info, Mapping):
        for key, value in info.items():
            if key == "variants":  # behaviour names such as {"olc.token-expires-in": "present"}, not secrets
                continue
            if isinstance(value, str) and any(m in key.lower() for m in ("password", "secret", "token")):
                if not key.lower().endswith(("_url", "_ttl")):
                    register_secret(value)
            else:
                _register_info_secrets(value)
    elif isinstance(info, list):
        for item in info:
            _register_info_secrets(item)


@dataclass(frozen=True)
class MockSelection:
    """Which documented variants the bundled mocks play: a profile and single ``name=value`` overrides."""

    profile: str | None = None
    variants: Mapping[str, str] = field(default_factory=dict)

    def for_api(self, api: str) -> dict[str, Any]:
        """``running_mock`` keyword arguments for ``api`` (each variant name belongs to one API)."""
        options: dict[str, Any] = {}
        if self.profile:
            options["profile"] = self.profile
        mine = {name: value for name, value in self.variants.items() if variant_api(name) == api}
        if mine:
            options["variants"] = mine
        return options


def variant_api(name: str) -> str | None:
    """The API a documented variant belongs to (spec/variants.yaml)."""
    variant = spec_model.variants().variants.get(name)
    return variant.api if variant is not None else None


@contextmanager
def bundled_mock(api: str, selection: MockSelection | None = None) -> Iterator[MockProcess]:
    """Run the bundled mock as a real uvicorn process on a free port; yield it (its info holds the IDs)."""
    options = (selection or MockSelection()).for_api(api)
    with running_mock(api, access_log=False, **options) as mock:
        _register_info_secrets(mock.info)
        yield mock


def olconnect_from_mock(info: Mapping[str, Any], mock: MockProcess | None = None) -> OLConnectTarget:
    """Describe a running OL Connect mock from its startup info: a read+write user and the seeded IDs."""
    users = list(info.get("users", []))
    writers = [u for u in users if {"read", "write"} <= set(u.get("roles", []))]
    if not writers:
        raise TargetError("the OL Connect mock announced no user with the read and write roles")
    no_role = next((u for u in users if not u.get("roles")), None)
    reader = next((u for u in users if set(u.get("roles", [])) == {"read"}), None)
    ids = info.get("ids", {})
    return OLConnectTarget(
        base_url=str(info["base_url"]).rstrip("/"),
        username=str(writers[0]["username"]),
        password=str(writers[0]["password"]),
        job_ids=tuple(int(i) for i in ids.get("jobs", [])),
        job_segment_ids=tuple(int(i) for i in ids.get("job_segments", [])),
        job_set_ids=tuple(int(i) for i in ids.get("job_sets", [])),
        document_set_ids=tuple(int(i) for i in ids.get("document_sets", [])),
        document_ids=tuple(int(i) for i in ids.get("documents", [])),
        data_set_ids=tuple(int(i) for i in ids.get("data_sets", [])),
        job_preset=info.get("workflow", {}).get("job_preset"),
        output_preset=info.get("workflow", {}).get("output_preset"),
        content_set_ids=tuple(int(i) for i in info.get("workflow", {}).get("content_sets", [])),
        live=False,
        writes_allowed=True,
        unprivileged=(str(no_role["username"]), str(no_role["password"])) if no_role else None,
        read_only=(str(reader["username"]), str(reader["password"])) if reader else None,
        mock=mock,
    )


def avepoint_from_mock(info: Mapping[str, Any], mock: MockProcess | None = None) -> AvePointTarget:
    """Describe a running AvePoint mock from its startup info (its token endpoint is on the same host)."""
    base_url = str(info["base_url"]).rstrip("/")
    scope = str(info.get("scope", "gsuite.graph.read.all"))
    clients = [c for c in info.get("clients", []) if scope in c.get("scopes", [scope])]
    if not clients:
        raise TargetError("the AvePoint mock announced no client with the read scope")
    others = [c for c in info.get("clients", []) if scope not in c.get("scopes", [scope]) and c.get("scopes")]
    other_client = None
    if others:
        other_client = (
            str(others[0]["client_id"]),
            str(others[0]["client_secret"]),
            str(others[0]["scopes"][0]),
        )
    return AvePointTarget(
        base_url=base_url,
        token_url=str(info.get("token_url") or f"{base_url}/connect/token"),
        client_id=str(clients[0]["client_id"]),
        client_secret=str(clients[0]["client_secret"]),
        # every scope the spec's operations need (issue 22); the read scope alone for an older mock
        scope=str(info.get("request_scope") or scope),
        live=False,
        mock=mock,
        other_client=other_client,
        restore_body=MOCK_RESTORE_BODY,
        export_job_ids=tuple(int(i) for i in info.get("export_job_ids", [])),
    )


# The restore the suite starts on a bundled mock (the vendor's SharePoint sample, one file).
MOCK_RESTORE_BODY: Mapping[str, Any] = {
    "serviceType": 1,
    "recoveryDateTime": "2026-02-27T03:54:22Z",
    "siteRestoreScope": {
        "siteUrl": "https://contoso.sharepoint.com/sites/Finance",
        "restoreTargets": [{"libraryName": "Documents", "files": [{"relativePath": "Reports/2025.xlsx"}]}],
    },
}


def selected_apis(requested: tuple[str, ...] | list[str], env: Mapping[str, str]) -> tuple[str, ...]:
    """APIs of this run: the live ones if any base URL is set (else both mocks), narrowed to ``requested``."""
    return tuple(api for api in (live_apis(env) or APIS) if api in requested)


@contextmanager
def resolve_targets(
    selected: tuple[str, ...], env: Mapping[str, str] | None = None, mocks: MockSelection | None = None
) -> Iterator[Targets]:
    """Yield the targets of ``selected`` APIs, starting bundled mocks when no live base URL is set.

    Mock processes live as long as the context; ``mocks`` chooses their documented variants.
    """
    env = os.environ if env is None else env
    max_wait(env)  # a malformed CONTRACT_MAX_WAIT is a configuration error before anything starts
    live = bool(live_apis(env))
    with ExitStack() as stack:
        olconnect: OLConnectTarget | None = None
        avepoint: AvePointTarget | None = None
        if "olconnect" in selected:
            if live:
                olconnect = olconnect_from_env(env)
            else:
                mock = stack.enter_context(bundled_mock("olconnect", mocks))
                olconnect = olconnect_from_mock(mock.info, mock)
        if "avepoint" in selected:
            if live:
                avepoint = avepoint_from_env(env)
            else:
                ave_mock = stack.enter_context(bundled_mock("avepoint", mocks))
                avepoint = avepoint_from_mock(ave_mock.info, ave_mock)
        yield Targets(olconnect=olconnect, avepoint=avepoint)
