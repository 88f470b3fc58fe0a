"""State of one suite run shared by all tests: targets, HTTP clients, engine results, report rows."""

from __future__ import annotations

import os
import random
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from typing import Any

import httpx

import spec_model
from contract_tests import api_paths, conformance, server_version, st_auth, st_hooks
from contract_tests.conformance import ConformanceResult
from contract_tests.fingerprint import Observation
from contract_tests.profiles import Profile
from contract_tests.redaction import register_secret
from contract_tests.restore import restoring
from contract_tests.targets import DISPOSABLE_JOB_SET, AvePointTarget, OLConnectTarget, Targets


@dataclass
class SemanticRecord:
    """One hand-written semantic test as it appears in the summary."""

    api: str
    operations: tuple[str, ...]
    rule: str
    requests: int
    outcome: str  # passed / failed / skipped
    detail: str = ""


@dataclass
class RunState:
    """Everything the tests share. Created once per pytest session by the conftest."""

    profile: Profile
    targets: Targets
    seed: int
    stack: ExitStack
    results: dict[str, ConformanceResult] = field(default_factory=dict)
    semantic: list[SemanticRecord] = field(default_factory=list)
    focus: tuple[str, ...] = ()
    requests_sent: int = 0
    _clients: dict[str, httpx.Client] = field(default_factory=dict)
    _engine_errors: dict[str, str] = field(default_factory=dict)
    _version: server_version.ServerVersion | None = None
    fingerprint: list[Observation] = field(default_factory=list)
    informational: list[Observation] = field(default_factory=list)
    # What the run created on a server (a restore job, AVE-47), one line each, for the summary.
    created: list[str] = field(default_factory=list)
    _security: tuple[bool, httpx.Response] | None = None
    _bad_secret: list[httpx.Response | str] = field(default_factory=list)

    # --- the one token request with a wrong client secret (AVE-13, AVE-16) --------------------------

    def bad_secret_response(self) -> httpx.Response | str:
        """The answer to ONE client-credentials request with a wrong secret, or why none was sent.

        Sent once per run and shared by the rule and the fingerprint: it is safe (a failed login at the
        identity provider changes nothing) but a customer's IdP should not see it more than once.
        """
        if not self._bad_secret:
            self._bad_secret.append(self._send_bad_secret())
        return self._bad_secret[0]

    def _send_bad_secret(self) -> httpx.Response | str:
        target = self.require_avepoint()
        if os.environ.get(SKIP_BAD_SECRET, "") == "1":
            return f"{SKIP_BAD_SECRET}=1"
        if not (target.token_url and target.client_id and target.client_secret):
            return "no client credentials configured (AVEPOINT_TOKEN is used as is)"
        wrong = target.client_secret + "-not-the-secret"
        register_secret(wrong)
        form = {
            "grant_type": "client_credentials",
            "client_id": target.client_id,
            "client_secret": wrong,
            "scope": target.scope,
        }
        return self.bare_client("avepoint").post(target.token_url, data=form)

    # --- the OL Connect server version (version-dependent rules) ------------------------------------

    def olconnect_version(self) -> server_version.ServerVersion:
        """The release the version rules judge against (read once: env variable, else the server)."""
        if self._version is None:
            reported = server_version.read_reported(self.olconnect_client())
            self._version = server_version.resolve(os.environ, reported)
        return self._version

    def olconnect_security_on(self) -> bool:
        """Whether the server checks credentials (OLC-22): one request without any, read once per run.

        The pages require credentials only "if server security settings are enabled"; a server that
        answers the authentication handshake without credentials has security off and is held to that
        reading everywhere (no operation may then ask for credentials), never to the 401s.
        """
        if self._security is None:
            probe = self.bare_client("olconnect").get(
                api_paths.path_of("olconnect", "getAuthenticationHandshake")
            )
            self._security = (not 200 <= probe.status_code < 300, probe)
        return self._security[0]

    def security_probe(self) -> httpx.Response | None:
        return None if self._security is None else self._security[1]

    def note(self, observation: Observation) -> None:
        """An informational line for the summary: behaviour the pages leave open, never a failure."""
        if observation not in self.informational:
            self.informational.append(observation)

    def version_if_read(self) -> server_version.ServerVersion | None:
        """The version if a test read it (the report runs after the targets have stopped)."""
        return self._version

    # --- HTTP clients -----------------------------------------------------------------------------

    def olconnect_client(self, *, authenticated: bool = True) -> httpx.Client:
        """A client for the OL Connect target; authenticated ones send Basic credentials."""
        target = self.require_olconnect()
        key = f"olconnect:{authenticated}"
        if key not in self._clients:
            auth = (target.username, target.password) if authenticated else None
            self._clients[key] = self.stack.enter_context(
                httpx.Client(base_url=target.base_url, auth=auth, timeout=15, event_hooks=self._hooks())
            )
        return self._clients[key]

    def avepoint_client(self, *, authenticated: bool = True) -> httpx.Client:
        """A client for the AvePoint target; authenticated ones send a bearer token."""
        target = self.require_avepoint()
        key = f"avepoint:{authenticated}"
        if key not in self._clients:
            headers = {}
            if authenticated:
                headers["Authorization"] = f"Bearer {st_auth.avepoint_token(target)}"
            self._clients[key] = self.stack.enter_context(
                httpx.Client(base_url=target.base_url, headers=headers, timeout=15, event_hooks=self._hooks())
            )
        return self._clients[key]

    def _hooks(self) -> dict[str, list[Any]]:
        def count(request: httpx.Request) -> None:
            self.requests_sent += 1

        return {"request": [count]}

    def bare_client(self, api: str) -> httpx.Client:
        """A counted client for ``api`` with no default credentials (tests set their own)."""
        target: OLConnectTarget | AvePointTarget = (
            self.require_olconnect() if api == "olconnect" else self.require_avepoint()
        )
        key = f"{api}:bare"
        if key not in self._clients:
            self._clients[key] = self.stack.enter_context(
                httpx.Client(base_url=target.base_url, timeout=15, event_hooks=self._hooks())
            )
        return self._clients[key]

    def require_olconnect(self) -> OLConnectTarget:
        assert self.targets.olconnect is not None, "OL Connect is not a target of this run"
        return self.targets.olconnect

    def require_avepoint(self) -> AvePointTarget:
        assert self.targets.avepoint is not None, "AvePoint is not a target of this run"
        return self.targets.avepoint

    # --- property-based conformance ---------------------------------------------------------------

    def conformance(self, api: str) -> ConformanceResult:
        """Run the Schemathesis engine over ``api`` once and cache the tallies."""
        if api in self._engine_errors:
            raise RuntimeError(f"the Schemathesis run for {api} could not start: {self._engine_errors[api]}")
        if api not in self.results:
            try:
                self.results[api] = self._run_conformance(api)
            except Exception as exc:
                self._engine_errors[api] = f"{type(exc).__name__}: {exc}"
                raise
        return self.results[api]

    def _run_conformance(self, api: str) -> ConformanceResult:
        if api == "olconnect":
            olc = self.require_olconnect()
            # With security off (OLC-22) no credential is checked, so `ignored_auth` has nothing to find, and
            # the operations that declare the token as a header parameter (OLC-18) cannot reject a bad one.
            security_on = self.olconnect_security_on()
            not_applicable: dict[tuple[str | None, str], str] = {}
            overrides = st_hooks.olconnect_overrides()
            if not security_on:
                not_applicable[None, "ignored_auth"] = SECURITY_OFF
                for operation_id in conformance.token_parameter_operations(api):
                    label = api_paths.label_of(api, operation_id)
                    not_applicable[label, "negative_data_rejection"] = (
                        SECURITY_OFF + ": the token is not read"
                    )
                    overrides.append(
                        {
                            "include-operation-id": operation_id,
                            "checks": {"negative_data_rejection": {"enabled": False}},
                        }
                    )
            config = conformance.build_config(
                self.profile,
                olc.base_url,
                self.seed,
                overrides,
                read_only=olc.live and not olc.writes_allowed,
                disabled=tuple(check for label, check in not_applicable if label is None),
            )
            version = self.olconnect_version()
            too_new = {} if version.owes("statistics") else {STATISTICS: _too_new(version, "statistics")}
            schema = self._focused(api, conformance.load_schema(api, config), excluded=too_new)
            schema = self._olconnect_scope(schema, olc)
            st_auth.install_olconnect_auth(schema, olc)
            st_hooks.install_olconnect_hooks(
                schema, olc, document_set_levels=version.owes("document-set-levels")
            )
            if self._nothing_left(api, too_new):
                result = conformance.ConformanceResult(api, self.seed, api_paths.labels(api), ran=False)
            else:
                with self.live_writes():
                    result = conformance.run_engine(api, schema, self.seed, focused=bool(self.focus))
            for operation_id in self._olconnect_excluded(olc):
                result.excluded[api_paths.label_of(api, operation_id)] = (
                    LIVE_DELETE_REASON if operation_id in st_hooks.DELETES else LIVE_WRITE_REASON
                )
            for operation_id, reason in too_new.items():
                result.excluded[api_paths.label_of(api, operation_id)] = reason
            result.not_applicable.update(not_applicable)
            return result
        ave = self.require_avepoint()
        config = conformance.build_config(self.profile, ave.base_url, self.seed, read_only=ave.live)
        # The identity provider is not the API under test; fuzzing a customer's IdP helps nobody (its one
        # wrong-secret request is a semantic test).
        left_out = {"requestToken": "identity provider of a live tenant"} if ave.live else {}
        if ave.live:
            # A restore changes files of a real tenant: never fuzzed live; the semantic test starts the one
            # restore AVEPOINT_RESTORE_TARGET names (AVE-47).
            left_out["startM365Restore"] = (
                "a live restore runs only in the semantic test, on the named target"
            )
        schema = self._focused(api, conformance.load_schema(api, config), excluded=left_out)
        st_auth.install_avepoint_auth(schema, ave)
        st_hooks.install_avepoint_hooks(schema, ave.export_job_ids)
        if self._nothing_left(api, left_out):
            result = conformance.ConformanceResult(api, self.seed, api_paths.labels(api), ran=False)
        else:
            result = conformance.run_engine(api, schema, self.seed, focused=bool(self.focus))
        for operation_id, reason in left_out.items():
            result.excluded[api_paths.label_of(api, operation_id)] = reason
        return result

    def _focused(self, api: str, schema: Any, excluded: dict[str, str] | None = None) -> Any:
        """With --operation, only the named operations of this API (all of them when none is named),
        less ``excluded`` (operations the server's release does not have)."""
        mine = [op for op in self.focus if op in api_paths.operation_ids(api)]
        others = [
            op for op in api_paths.operation_ids(api) if (mine and op not in mine) or op in (excluded or {})
        ]
        # `exclude` rather than `include`: with per-operation config entries Schemathesis ORs an `include`
        # with a match-all filter of its own, so only exclusions narrow the run.
        return schema.exclude(operation_id=others) if others else schema

    def _nothing_left(self, api: str, excluded: dict[str, str]) -> bool:
        """Whether the focus names only operations the server's release does not have."""
        mine = [op for op in self.focus if op in api_paths.operation_ids(api)]
        return bool(mine) and all(op in excluded for op in mine)

    def _olconnect_excluded(self, target: OLConnectTarget) -> list[str]:
        """Writes left out against a live server: all without permission, else those lacking an entity ID."""
        if not target.live:
            return []
        excluded = []
        for operation_id, param in st_hooks.SINGLE_PUTS.items():
            if not target.writes_allowed or not target.known_ids(param):
                excluded.append(operation_id)
        for operation_id in st_hooks.MULTI_UPDATES:
            if not target.writes_allowed or target.job_id is None:
                excluded.append(operation_id)
        # A delete runs once, in its semantic test, on the disposable job set: a fuzzer would spend it on its
        # first case and leave nothing for the test that checks what goes with it (OLC-42).
        excluded += list(st_hooks.DELETES)
        # A submit starts real work (a print run) that no snapshot undoes: only the workflow semantic test
        # starts one, with CONTRACT_ALLOW_WRITES=1 and the presets named, and it cancels and deletes after.
        excluded += list(st_hooks.OPERATION_STARTS)
        if (
            not target.writes_allowed
        ):  # a read-only run sends no POST but the login (the result calls are POSTs)
            model = spec_model.spec("olconnect")
            excluded += [
                name for name, op in model.operations.items() if op.method == "POST" and name != "login"
            ]
        return sorted(set(excluded))

    def _olconnect_scope(self, schema: Any, target: OLConnectTarget) -> Any:
        """Against a live server, leave out writes unless allowed and pinned to configured entities."""
        excluded = self._olconnect_excluded(target)
        return schema.exclude(operation_id=excluded) if excluded else schema

    @contextmanager
    def live_writes(self) -> Iterator[None]:
        """Around anything that writes: snapshot and restore the configured live entities."""
        target = self.targets.olconnect
        if target is None or not target.live or not target.writes_allowed:
            yield
            return
        # The first known entity of each ID parameter a single PUT writes through (what writes are pinned to).
        ids = {param: next(iter(target.known_ids(param)), None) for param in st_hooks.SINGLE_PUTS.values()}
        with restoring(self.olconnect_client(), ids):
            yield


SKIP_BAD_SECRET = "CONTRACT_SKIP_BAD_SECRET"
LIVE_WRITE_REASON = "write against a live server: set CONTRACT_ALLOW_WRITES=1 and the entity ID variables"
LIVE_DELETE_REASON = f"a delete against a live server runs once, in its semantic test ({DISPOSABLE_JOB_SET})"
SECURITY_OFF = "server security is off: no credential is checked (OLC-22, variant olc.security=off)"
STATISTICS = "getJobSetStatistics"


def _too_new(version: server_version.ServerVersion, key: str) -> str:
    rule = server_version.RULES[key]
    return f"{rule.text} only from {server_version.show(rule.since)}; the server is {version.describe()}"


def new_seed() -> int:
    """A fresh 64-bit seed; printed in the summary so a run can be repeated with ``--seed``."""
    return random.SystemRandom().getrandbits(64)
