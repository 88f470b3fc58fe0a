"""HTTP layer of the AvePoint Graph API mock: the OAuth 2.0 token endpoint and the job list.

Behaviour follows spec/DECISIONS.md (AVE-01..18): RFC 6749 errors on the token endpoint, RFC 6750 challenges
on the job list (401 without a valid token, 403 without the scope), the ``{status, message}`` envelope on
every job-list error and a ``request-id`` header on every job-list answer. Routes, query parameters and the
token form's schema come from the spec (``spec_model``); this module names no path.
"""

from __future__ import annotations

import base64
import dataclasses
import itertools
import json
import os
import secrets
from collections.abc import Mapping
from typing import Any
from urllib.parse import parse_qsl, quote

from starlette.requests import Request
from starlette.responses import Response

from mock_servers.avepoint import service_jobs as seeds
from mock_servers.avepoint.domain import Grant, JobCatalog, OAuthError, load_clients, load_jobs
from mock_servers.avepoint.query import ALIASES, QueryRules, next_link, reading_rules
from mock_servers.avepoint.service_endpoints import ServiceEndpoints
from mock_servers.core.app import MockControl, MockServer, ServerOptions, assemble
from mock_servers.core.auth import TokenStore, parse_basic_credentials, parse_bearer_token, secrets_equal
from mock_servers.core.bodies import SchemaCheck
from mock_servers.core.faults import FaultConfig, FaultConfigError
from mock_servers.core.http import ApiError, dump_json, json_response, raw_json_response, text_response
from mock_servers.core.parameters import Arguments
from mock_servers.core.routing import Handler, spec_routes
from mock_servers.core.scenario import ScenarioError
from mock_servers.core.variants import Plays, Setting, state_for
from spec_model import spec

API = "avepoint"
# The variant questions the handlers ask, checked against spec/variants.yaml at import.
PLAYS_INVALID_CLIENT_400 = Plays("ave.invalid-client", "400")
PLAYS_NEXT_LINK_OPAQUE = Plays("ave.next-link", "opaque")
QUERY_SETTINGS = tuple(
    Setting(name)
    for name in ("ave.status-alias", "ave.inverted-window", "ave.app-type-mask", "ave.page-bounds")
)
SETTING_ERROR_BODY = Setting("ave.error-body")
SETTING_LAST_PAGE_LINK = Setting("ave.last-page-link")
SETTING_RUNNING_FINISH_TIME = Setting("ave.running-finish-time")
SETTING_TIME_WINDOW = Setting("ave.time-window")
REQUIRED_SCOPE = "gsuite.graph.read.all"
DEFAULT_TOKEN_TTL = 3600
FORM_MEDIA_TYPE = "application/x-www-form-urlencoded"
NO_STORE = {"Cache-Control": "no-store", "Pragma": "no-cache"}
LAST_PAGE_LINKS = {"absent": "", "null": ',"nextLink":null', "empty": ',"nextLink":""'}  # ave.last-page-link


class AvePointMock:
    """State and handlers of one AvePoint mock server."""

    def __init__(self, scenario: Mapping[str, Any], source: str, options: ServerOptions) -> None:
        settings = scenario.get("settings", {})
        self.scenario = scenario
        self.source = source
        self.token_ttl = options.token_ttl or int(settings.get("token_ttl", DEFAULT_TOKEN_TTL))
        self.scenario_faults = _scenario_faults(settings, source)
        self.variants = state_for(API, scenario, source, options.variants)
        self.clients = load_clients(scenario, source)
        self.catalog = JobCatalog(load_jobs(scenario, source))
        self.tokens: TokenStore[Grant] = TokenStore(
            self.token_ttl, token_factory=lambda: secrets.token_urlsafe(32), max_tokens=options.max_tokens
        )
        self.model = spec(API)
        self.jobs_path = self.model.operation("listJobs").path
        self.token_path = self.model.operation("requestToken").path
        self._rules: dict[tuple[str, ...], QueryRules] = {}
        self.token_form = SchemaCheck.for_body(self.model, "requestToken", FORM_MEDIA_TYPE)
        self._request_ids = itertools.count(1)
        self._request_prefix = secrets.token_hex(6).upper()
        self.services = ServiceEndpoints(self, self.model, settings)

    @property
    def rules(self) -> QueryRules:
        """The query rules of the current ``ave.status-alias``, ``ave.inverted-window``, ``ave.app-type-mask``
        and ``ave.page-bounds`` values."""
        key = tuple(self.variants.setting(setting) for setting in QUERY_SETTINGS)
        rules = self._rules.get(key)
        if rules is None:
            rules = self._rules[key] = QueryRules(
                self.model,
                ALIASES if key[0] == "alias" else {},
                reject_inverted_window=key[1] == "400",
                app_type_masks=key[2] == "mask",
                int32_pages=key[3] == "int32",
            )
        return rules

    def request_id(self) -> str:
        return f"{self._request_prefix}:{next(self._request_ids):08X}"

    def reset(self) -> None:
        """Google jobs are read-only; a reset forgets issued tokens and the restore jobs (issue 22)."""
        self.tokens.expire_all()
        self.services.reset()

    # -- token endpoint

    async def token(self, request: Request, _: Arguments) -> Response:
        try:
            grant = await self._grant(request)
        except OAuthError as exc:
            headers = dict(NO_STORE)
            status = exc.status
            if status == 401 and self.variants.plays(PLAYS_INVALID_CLIENT_400):
                status = 400  # RFC 6749 section 5.2's default; no challenge then
            if status == 401:
                headers["WWW-Authenticate"] = 'Basic realm="identity"'
            return json_response({"error": exc.error, "error_description": exc.description}, status, headers)
        issued = self.tokens.issue(grant)
        body = {
            "access_token": issued.value,
            "token_type": "Bearer",
            "expires_in": issued.expires_in,
            "ext_expires_in": issued.expires_in,
            "scope": " ".join(sorted(grant.scopes)),
        }
        return json_response(body, headers=NO_STORE)

    async def _grant(self, request: Request) -> Grant:
        media_type = request.headers.get("content-type", "").split(";", 1)[0].strip().lower()
        if media_type != FORM_MEDIA_TYPE:
            raise OAuthError(400, "invalid_request", f"The token request must be sent as {FORM_MEDIA_TYPE}.")
        try:
            pairs = parse_qsl((await request.body()).decode("utf-8"), keep_blank_values=True)
        except (UnicodeDecodeError, ValueError):
            raise OAuthError(
                400, "invalid_request", "The form body is not valid UTF-8 form encoding."
            ) from None
        form: dict[str, str] = {}
        for name, value in pairs:
            if name in form:
                raise OAuthError(400, "invalid_request", f"The form field {name} is given more than once.")
            form[name] = value
        basic = parse_basic_credentials(request.headers.get("authorization"))
        if basic is not None and "client_id" not in form and "client_secret" not in form:
            form["client_id"], form["client_secret"] = basic
        # RFC 6749 section 3.1: a parameter sent without a value counts as omitted.
        form = {name: value for name, value in form.items() if value}
        self._check_form(form)
        client = self.clients.get(form["client_id"])
        if client is None or not secrets_equal(form["client_secret"], client.client_secret):
            raise OAuthError(401, "invalid_client", "Client authentication failed.")
        held = {scope.lower(): scope for scope in client.scopes}
        requested = form["scope"].split()
        for scope in requested:
            if scope.lower() not in held:
                raise OAuthError(400, "invalid_scope", f"The scope {scope!r} is not granted to this client.")
        return Grant(client.client_id, frozenset(scope.lower() for scope in requested))

    def _check_form(self, form: Mapping[str, str]) -> None:
        """The form, as a dict of strings, against the spec's ``TokenRequest`` schema, in RFC 6749 terms:
        a missing field is ``invalid_request``, a grant type outside the enum ``unsupported_grant_type``."""
        violations = list(self.token_form.violations(form))
        missing = [
            name
            for error in violations
            if error.validator == "required"
            for name in error.schema.get("required", ())  # type: ignore[union-attr]
            if name not in form
        ]
        if missing:
            raise OAuthError(400, "invalid_request", f"The form field {missing[0]} is missing or empty.")
        for error in violations:
            if list(error.path) == ["grant_type"]:
                message = "Only the client_credentials grant is supported."
                raise OAuthError(400, "unsupported_grant_type", message)
        if violations:
            field = "/".join(str(part) for part in violations[0].path) or "form"
            raise OAuthError(400, "invalid_request", f"The form field {field} is invalid.")

    # -- job list

    def authorize(self, request: Request, scope: str = REQUIRED_SCOPE) -> None:
        """401 without a valid bearer token, 403 when its grant lacks ``scope`` (compared case-insensitively,
        AVE-55)."""
        header = request.headers.get("authorization")
        token = parse_bearer_token(header)
        if token is None:
            challenge = 'Bearer realm="AvePoint Graph API"'
            if header:
                challenge += ', error="invalid_token", error_description="not a bearer token"'
            raise ApiError(
                401,
                "The access token is missing, invalid or expired.",
                headers={"WWW-Authenticate": challenge},
            )
        grant = self.tokens.lookup(token)
        if grant is None:
            challenge = (
                'Bearer error="invalid_token", error_description="The access token is unknown or expired"'
            )
            raise ApiError(
                401,
                "The access token is missing, invalid or expired.",
                headers={"WWW-Authenticate": challenge},
            )
        if scope.lower() not in grant.scopes:
            challenge = f'Bearer error="insufficient_scope", scope="{scope}"'
            raise ApiError(
                403,
                f"The access token does not grant {scope}.",
                headers={"WWW-Authenticate": challenge},
            )

    async def list_jobs(self, request: Request, args: Arguments) -> Response:
        self.authorize(request)
        rules = self.rules
        query, raw = rules.parse_query_string(args.query_string)
        window = self.variants.setting(SETTING_TIME_WINDOW)
        if window != query.window:
            query = dataclasses.replace(query, window=window)
        jobs, has_more = self.catalog.page(query)
        running = self.variants.setting(SETTING_RUNNING_FINISH_TIME)
        fragments = ",".join(job.fragment_for(running) for job in jobs)
        body = '{"status":200,"message":"","jobs":[' + fragments + "]"
        if has_more:
            body += ',"nextLink":' + json.dumps(self._next_link(request, rules.names, raw, query))
        else:
            body += LAST_PAGE_LINKS[self.variants.setting(SETTING_LAST_PAGE_LINK)]
        return raw_json_response((body + "}").encode("utf-8"), headers={"request-id": self.request_id()})

    def _next_link(self, request: Request, names: tuple[str, ...], raw: Mapping[str, str], query: Any) -> str:
        """An absolute URL, or (ave.next-link=opaque) a URL-encoded base64 token like the vendor sample's.

        The token encodes the next page's query, but nothing documents a way to send it back; clients that
        get one repeat the request with ``pageIndex + 1`` (AVE-03).
        """
        url = next_link(request, names, raw, query)
        if self.variants.plays(PLAYS_NEXT_LINK_OPAQUE):
            token = base64.b64encode(secrets.token_bytes(9) + url.partition("?")[2].encode()).decode()
            return quote(token, safe="")
        return url

    # -- errors

    def render_error(
        self, status: int, message: str, headers: Mapping[str, str], parameter: str | None = None
    ) -> Response:
        """The job list's error envelope (AVE-05); the parameter is named in the message instead. The pages
        document no error body, so ``ave.error-body`` may leave it out or send it as plain text."""
        headers = {**headers, "request-id": self.request_id()}
        error_body = self.variants.setting(SETTING_ERROR_BODY)
        if error_body == "none":
            return Response(status_code=status, headers=headers)
        if error_body == "text":
            return text_response(message, status, headers=headers)
        return raw_json_response(dump_json({"status": status, "message": message}), status, headers=headers)

    def startup_info(self, base_url: str) -> dict[str, Any]:
        return {
            "api": API,
            "base_url": base_url,
            "token_url": base_url + self.token_path,
            "jobs_url": base_url + self.jobs_path,
            "scope": REQUIRED_SCOPE,
            # every scope the spec's operations name: what a client asks for to call every job endpoint
            "request_scope": " ".join(sorted(set(self.services.scopes.values()) | {REQUIRED_SCOPE})),
            "export_job_ids": sorted(seeds.INSIGHTS_JOBS),
            "clients": [
                {"client_id": c.client_id, "client_secret": c.client_secret, "scopes": list(c.scopes)}
                for c in self.clients.values()
            ],
            "token_ttl": self.token_ttl,
            **self.variants.describe(),
            "job_count": len(self.catalog.jobs),
            "job_ids": [job.job_id for job in self.catalog.jobs[:100]],
            "scenario": self.source,
            "pid": os.getpid(),
        }

    def summary(self, base_url: str) -> list[str]:
        by_source = ", ".join(f"dataSource {k}: {len(v)}" for k, v in sorted(self.catalog.by_source.items()))
        lines = [
            f"AvePoint Graph API mock listening on {base_url} (scenario: {self.source})",
            f"  token endpoint: POST {base_url}{self.token_path}  (token TTL {self.token_ttl} s)",
            f"  job list:       GET  {base_url}{self.jobs_path}"
            f"  ({len(self.catalog.jobs)} jobs; {by_source})",
        ]
        lines += [
            f"  client {c.client_id}: scopes {' '.join(c.scopes) or '-'}" for c in self.clients.values()
        ]
        lines.append(self.variants.summary_line())
        lines.append(
            "  admin: /_mock/health, /_mock/faults, /_mock/expire-tokens, /_mock/reset, /_mock/variants;"
            " Ctrl+C stops"
        )
        return lines


def _scenario_faults(settings: Mapping[str, Any], source: str) -> FaultConfig:
    try:
        return FaultConfig.from_mapping(settings.get("faults", {}))
    except FaultConfigError as exc:
        raise ScenarioError(f"{source}: /settings/faults: {exc}") from None


def handlers(mock: AvePointMock) -> dict[str, Handler]:
    """One handler per operationId of the spec; method, path and parameters come from the spec."""
    return {"listJobs": mock.list_jobs, "requestToken": mock.token, **mock.services.handlers()}


def build_server(scenario: Mapping[str, Any], source: str, options: ServerOptions) -> MockServer:
    mock = AvePointMock(scenario, source, options)
    control = MockControl(
        expire_tokens=mock.tokens.expire_all,
        reset=mock.reset,
        describe=lambda: {"jobs": len(mock.catalog.jobs)},
        variants=mock.variants,
    )
    asgi, faults = assemble(
        API,
        spec_routes(mock.model, handlers(mock), reading_rules()),
        render_error=mock.render_error,
        control=control,
        options=options,
        scenario_faults=mock.scenario_faults,
    )
    return MockServer(API, asgi, faults, mock.startup_info, mock.summary, extra={"mock": mock})
