"""AvePoint Graph API mock: the OAuth 2.0 token endpoint and ``GET /backup/google/admin/jobs``.

Behaviour follows spec/DECISIONS.md (AVE-01..18): case-insensitive query names, ``status`` as an alias of
``jobStatus``, filters on the job's start time, absolute ``nextLink`` on the request's host that is absent on
the last page, the ``{status, message}`` envelope on errors, RFC 6750 challenges and RFC 6749 token errors.
Jobs are read-only, so they are sorted and pre-encoded once; a page is a slice of pre-encoded fragments.
"""

from __future__ import annotations

import itertools
import json
import os
import secrets
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl, urlencode

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from mock_servers.core.app import MockControl, MockServer, ServerOptions, assemble
from mock_servers.core.auth import TokenStore, parse_basic_credentials, parse_bearer_token, secrets_equal
from mock_servers.core.faults import FaultConfig, FaultConfigError
from mock_servers.core.http import ApiError, dump_json, json_response, raw_json_response
from mock_servers.core.scenario import ScenarioError, json_pointer
from mock_servers.core.specs import SpecIndex, load_spec
from mock_servers.core.timeparse import parse_rfc3339

API = "avepoint"
JOBS_PATH = "/backup/google/admin/jobs"
TOKEN_PATH = "/connect/token"
REQUIRED_SCOPE = "gsuite.graph.read.all"
DEFAULT_TOKEN_TTL = 3600
FORM_MEDIA_TYPE = "application/x-www-form-urlencoded"
NO_STORE = {"Cache-Control": "no-store", "Pragma": "no-cache"}
# Query names in the spec's order; nextLink writes them in this camelCase (AVE-18).
QUERY_NAMES = (
    "dataSource",
    "appType",
    "pageIndex",
    "pageSize",
    "jobType",
    "startTime",
    "finishTime",
    "jobStatus",
)
ALIASES = {"status": "jobStatus"}
_LOWER_NAMES = {name.lower(): name for name in QUERY_NAMES}


# --------------------------------------------------------------------------------------------- domain


@dataclass(frozen=True)
class Job:
    job_id: str
    app_type: int
    job_type: int
    data_source: int
    status: int
    start: float  # POSIX seconds of startTime, for window comparisons
    fragment: str  # the job's JSON, encoded once

    @classmethod
    def from_scenario(cls, data: Mapping[str, Any]) -> Job:
        start = parse_rfc3339(data["startTime"])
        if start is None:
            raise ValueError("startTime is not an RFC 3339 date-time")
        fields = {key: data.get(key) for key in ("jobId", "appType", "jobType", "dataSource", "status")}
        body = {**fields, "progress": float(data["progress"]), "startTime": data["startTime"]}
        body["finishTime"] = data.get("finishTime")
        body["operator"] = data["operator"]
        return cls(
            job_id=data["jobId"],
            app_type=data["appType"],
            job_type=data["jobType"],
            data_source=data["dataSource"],
            status=data["status"],
            start=start.timestamp(),
            fragment=json.dumps(body, separators=(",", ":"), ensure_ascii=False),
        )


@dataclass(frozen=True)
class JobQuery:
    """A validated ``listJobs`` request. ``None`` filters match everything."""

    data_source: int = 1
    app_type: int | None = None
    job_type: int | None = None
    job_status: int | None = None
    start: float | None = None
    finish: float | None = None
    page_index: int = 0
    page_size: int = 100

    def matches(self, job: Job) -> bool:
        return (
            job.data_source == self.data_source
            and (self.app_type is None or job.app_type == self.app_type)
            and (self.job_type is None or job.job_type == self.job_type)
            and (self.job_status is None or job.status == self.job_status)
            and (self.start is None or job.start >= self.start)
            and (self.finish is None or job.start <= self.finish)
        )

    @property
    def only_data_source(self) -> bool:
        return (self.app_type, self.job_type, self.job_status, self.start, self.finish) == (None,) * 5


class JobCatalog:
    """Jobs sorted newest start first, ties by jobId descending (AVE-09), indexed by data source."""

    def __init__(self, jobs: Iterable[Job]) -> None:
        ordered = sorted(jobs, key=lambda job: job.job_id, reverse=True)
        ordered.sort(key=lambda job: job.start, reverse=True)
        self.jobs = ordered
        self.by_source: dict[int, list[Job]] = {}
        for job in ordered:
            self.by_source.setdefault(job.data_source, []).append(job)

    def page(self, query: JobQuery) -> tuple[list[Job], bool]:
        """The jobs of the requested page and whether any job follows it."""
        offset = query.page_index * query.page_size
        end = offset + query.page_size
        candidates = self.by_source.get(query.data_source, [])
        if query.only_data_source:
            return candidates[offset:end], len(candidates) > end
        matching: Iterator[Job] = (job for job in candidates if query.matches(job))
        window = list(itertools.islice(matching, offset, end + 1))
        return window[: query.page_size], len(window) > query.page_size


@dataclass(frozen=True)
class Client:
    client_id: str
    client_secret: str
    scopes: tuple[str, ...]


@dataclass(frozen=True)
class Grant:
    """What a bearer token stands for."""

    client_id: str
    scopes: frozenset[str]  # lower-case


class OAuthError(Exception):
    """An RFC 6749 §5.2 error answer of the token endpoint."""

    def __init__(self, status: int, error: str, description: str) -> None:
        super().__init__(description)
        self.status = status
        self.error = error
        self.description = description


# --------------------------------------------------------------------------------------- query parsing


class QueryRules:
    """Allowed values and bounds of the ``listJobs`` parameters, read from the spec once at startup."""

    def __init__(self, spec: SpecIndex) -> None:
        self.enums = {
            name: frozenset(spec.enum_values("listJobs", name))
            for name in ("dataSource", "appType", "jobType", "jobStatus")
        }
        self.bounds = {}
        for name in ("pageIndex", "pageSize"):
            schema = spec.parameter_schema("listJobs", name)
            self.bounds[name] = (int(schema.get("minimum", 0)), int(schema.get("maximum", 2**31 - 1)))
        fallbacks = {"dataSource": 1, "pageIndex": 0, "pageSize": 100}
        self.defaults: dict[str, int] = {
            name: int(spec.parameter_schema("listJobs", name).get("default", fallback))
            for name, fallback in fallbacks.items()
        }

    def parse(self, pairs: Iterable[tuple[str, str]]) -> tuple[JobQuery, dict[str, str]]:
        """Validate the raw query; returns the query and the canonical name → raw value map for nextLink."""
        given: dict[str, tuple[str, str]] = {}  # canonical name -> (name as sent, value)
        for sent_name, value in pairs:
            lowered = sent_name.lower()
            canonical = _LOWER_NAMES.get(lowered) or ALIASES.get(lowered)
            if canonical is None:
                continue  # unknown parameters are ignored (AVE-02)
            previous = given.get(canonical)
            if previous is not None and previous[1] != value:
                raise ApiError(
                    400,
                    f"Conflicting values for parameter {canonical}: {previous[0]}={previous[1]} "
                    f"and {sent_name}={value}.",
                    canonical,
                )
            given[canonical] = (sent_name, value)
        raw = {name: value for name, (_, value) in given.items()}
        values: dict[str, int | None] = {}
        for name, allowed in self.enums.items():
            values[name] = self._enum(name, raw.get(name), allowed)
        page_index = self._bounded("pageIndex", raw.get("pageIndex"))
        page_size = self._bounded("pageSize", raw.get("pageSize"))
        start = self._time("startTime", raw.get("startTime"))
        finish = self._time("finishTime", raw.get("finishTime"))
        if start is not None and finish is not None and start > finish:
            raise ApiError(
                400, "Invalid time range: startTime must not be later than finishTime.", "startTime"
            )
        data_source = values["dataSource"]
        query = JobQuery(
            data_source=data_source if data_source is not None else self.defaults["dataSource"],
            app_type=values["appType"],
            job_type=values["jobType"],
            job_status=values["jobStatus"],
            start=start,
            finish=finish,
            page_index=page_index,
            page_size=page_size,
        )
        return query, raw

    @staticmethod
    def _integer(name: str, raw: str) -> int:
        text = raw.strip()
        if (
            not text
            or len(text) > 12
            or not text.lstrip("+-").isdigit()
            or text.count("-") + text.count("+") > 1
        ):
            raise ApiError(400, f"Invalid value for parameter {name}: {raw!r} is not an integer.", name)
        return int(text)

    def _enum(self, name: str, raw: str | None, allowed: frozenset[int]) -> int | None:
        if raw is None:
            return None
        value = self._integer(name, raw)
        if value not in allowed:
            choices = ", ".join(str(item) for item in sorted(allowed))
            raise ApiError(
                400, f"Invalid value for parameter {name}: {value}. Expected one of {choices}.", name
            )
        return value

    def _bounded(self, name: str, raw: str | None) -> int:
        if raw is None:
            return self.defaults[name]
        value = self._integer(name, raw)
        low, high = self.bounds[name]
        if not low <= value <= high:
            raise ApiError(400, f"Invalid value for parameter {name}: {value}. Expected {low}..{high}.", name)
        return value

    @staticmethod
    def _time(name: str, raw: str | None) -> float | None:
        if raw is None:
            return None
        parsed = parse_rfc3339(raw)
        if parsed is None:
            raise ApiError(
                400,
                f"Invalid value for parameter {name}: {raw!r} is not an RFC 3339 date-time with an offset "
                "(for example 2024-12-12T00:00:00Z; encode '+' as %2B).",
                name,
            )
        return parsed.timestamp()


def next_link(request: Request, raw: Mapping[str, str], query: JobQuery) -> str:
    """Absolute URL of the next page on the request's own host, every filter kept (AVE-03, AVE-18)."""
    params = dict(raw)
    params["pageIndex"] = str(query.page_index + 1)
    params["pageSize"] = str(query.page_size)
    ordered = [(name, params[name]) for name in QUERY_NAMES if name in params]
    return str(request.url.replace(query=urlencode(ordered)))


# ------------------------------------------------------------------------------------------------ app


class AvePointMock:
    """State and handlers of one AvePoint mock server."""

    def __init__(self, scenario: Mapping[str, Any], source: str, options: ServerOptions) -> None:
        settings = scenario.get("settings", {})
        self.scenario = scenario
        self.source = source
        self.token_ttl = options.token_ttl or int(settings.get("token_ttl", DEFAULT_TOKEN_TTL))
        self.scenario_faults = _scenario_faults(settings, source)
        self.clients = _load_clients(scenario, source)
        self.catalog = JobCatalog(_load_jobs(scenario, source))
        self.tokens: TokenStore[Grant] = TokenStore(
            self.token_ttl, token_factory=lambda: secrets.token_urlsafe(32)
        )
        self.rules = QueryRules(SpecIndex(load_spec(API)))
        self._request_ids = itertools.count(1)
        self._request_prefix = secrets.token_hex(6).upper()

    def request_id(self) -> str:
        return f"{self._request_prefix}:{next(self._request_ids):08X}"

    def reset(self) -> None:
        """Jobs are read-only; a reset only forgets issued tokens."""
        self.tokens.expire_all()

    # -- token endpoint

    async def token(self, request: Request) -> Response:
        try:
            grant = await self._grant(request)
        except OAuthError as exc:
            headers = dict(NO_STORE)
            if exc.status == 401:
                headers["WWW-Authenticate"] = 'Basic realm="identity"'
            return json_response(
                {"error": exc.error, "error_description": exc.description}, exc.status, headers
            )
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
        for name in ("grant_type", "client_id", "client_secret", "scope"):
            if not form.get(name):
                raise OAuthError(400, "invalid_request", f"The form field {name} is missing or empty.")
        if form["grant_type"] != "client_credentials":
            raise OAuthError(400, "unsupported_grant_type", "Only the client_credentials grant is supported.")
        client = self.clients.get(form["client_id"])
        if client is None or not secrets_equal(form["client_secret"], client.client_secret):
            raise OAuthError(401, "invalid_client", "Client authentication failed.")
        held = {scope.lower(): scope for scope in client.scopes}
        requested = form["scope"].split()
        for scope in requested:
            if scope.lower() not in held:
                raise OAuthError(400, "invalid_scope", f"The scope {scope!r} is not granted to this client.")
        return Grant(client.client_id, frozenset(scope.lower() for scope in requested))

    # -- job list

    def _authorize(self, request: Request) -> None:
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
        if REQUIRED_SCOPE not in grant.scopes:
            challenge = f'Bearer error="insufficient_scope", scope="{REQUIRED_SCOPE}"'
            raise ApiError(
                403,
                f"The access token does not grant {REQUIRED_SCOPE}.",
                headers={"WWW-Authenticate": challenge},
            )

    async def list_jobs(self, request: Request) -> Response:
        self._authorize(request)
        query, raw = self.rules.parse(request.query_params.multi_items())
        jobs, has_more = self.catalog.page(query)
        body = '{"status":200,"message":"","jobs":[' + ",".join(job.fragment for job in jobs) + "]"
        if has_more:
            body += ',"nextLink":' + json.dumps(next_link(request, raw, query))
        return raw_json_response((body + "}").encode("utf-8"), headers={"request-id": self.request_id()})

    # -- errors

    def render_error(self, status: int, message: str, headers: Mapping[str, str]) -> Response:
        return raw_json_response(
            dump_json({"status": status, "message": message}),
            status,
            headers={**headers, "request-id": self.request_id()},
        )

    async def on_api_error(self, request: Request, exc: Exception) -> Response:
        assert isinstance(exc, ApiError)
        return self.render_error(exc.status, exc.message, exc.headers)

    async def on_http_error(self, request: Request, exc: Exception) -> Response:
        assert isinstance(exc, HTTPException)
        if exc.status_code == 404:
            message = f"No operation at {request.url.path}."
        elif exc.status_code == 405:
            message = f"Method {request.method} is not allowed on {request.url.path}."
        else:
            message = str(exc.detail)
        return self.render_error(exc.status_code, message, exc.headers or {})

    def startup_info(self, base_url: str) -> dict[str, Any]:
        return {
            "api": API,
            "base_url": base_url,
            "token_url": base_url + TOKEN_PATH,
            "jobs_url": base_url + JOBS_PATH,
            "scope": REQUIRED_SCOPE,
            "clients": [
                {"client_id": c.client_id, "client_secret": c.client_secret, "scopes": list(c.scopes)}
                for c in self.clients.values()
            ],
            "token_ttl": self.token_ttl,
            "job_count": len(self.catalog.jobs),
            "job_ids": [job.job_id for job in self.catalog.jobs[:100]],
            "scenario": self.source,
            "pid": os.getpid(),
        }

    def summary(self, base_url: str) -> list[str]:
        by_source = ", ".join(f"dataSource {k}: {len(v)}" for k, v in sorted(self.catalog.by_source.items()))
        lines = [
            f"AvePoint Graph API mock listening on {base_url} (scenario: {self.source})",
            f"  token endpoint: POST {base_url}{TOKEN_PATH}  (token TTL {self.token_ttl} s)",
            f"  job list:       GET  {base_url}{JOBS_PATH}  ({len(self.catalog.jobs)} jobs; {by_source})",
        ]
        lines += [
            f"  client {c.client_id}: scopes {' '.join(c.scopes) or '-'}" for c in self.clients.values()
        ]
        lines.append(
            "  admin: /_mock/health, /_mock/faults, /_mock/expire-tokens, /_mock/reset; Ctrl+C stops"
        )
        return lines


def _scenario_faults(settings: Mapping[str, Any], source: str) -> FaultConfig:
    try:
        return FaultConfig.from_mapping(settings.get("faults", {}))
    except FaultConfigError as exc:
        raise ScenarioError(f"{source}: /settings/faults: {exc}") from None


def _load_clients(scenario: Mapping[str, Any], source: str) -> dict[str, Client]:
    clients: dict[str, Client] = {}
    for index, entry in enumerate(scenario["clients"]):
        if entry["client_id"] in clients:
            where = json_pointer(["clients", index, "client_id"])
            raise ScenarioError(f"{source}: {where}: duplicate client_id {entry['client_id']!r}")
        clients[entry["client_id"]] = Client(
            entry["client_id"], entry["client_secret"], tuple(entry["scopes"])
        )
    return clients


def _load_jobs(scenario: Mapping[str, Any], source: str) -> list[Job]:
    jobs: list[Job] = []
    seen: set[str] = set()
    for index, entry in enumerate(scenario["jobs"]):
        where = json_pointer(["jobs", index])
        if entry["jobId"] in seen:
            raise ScenarioError(f"{source}: {where}/jobId: duplicate jobId {entry['jobId']!r}")
        seen.add(entry["jobId"])
        finish = entry.get("finishTime")
        if entry["status"] == 0 and finish is not None:
            raise ScenarioError(
                f"{source}: {where}/finishTime: a job in progress (status 0) has no finishTime"
            )
        if entry["status"] != 0 and finish is None:
            raise ScenarioError(
                f"{source}: {where}/finishTime: a finished job (status {entry['status']}) needs one"
            )
        try:
            jobs.append(Job.from_scenario(entry))
        except ValueError as exc:
            raise ScenarioError(f"{source}: {where}/startTime: {exc}") from None
        if finish is not None:
            finished = parse_rfc3339(finish)
            if finished is None or finished.timestamp() < jobs[-1].start:
                raise ScenarioError(f"{source}: {where}/finishTime: must be a date-time not before startTime")
    return jobs


def build_server(scenario: Mapping[str, Any], source: str, options: ServerOptions) -> MockServer:
    mock = AvePointMock(scenario, source, options)
    app = Starlette(
        routes=[
            Route(JOBS_PATH, mock.list_jobs, methods=["GET"]),
            Route(TOKEN_PATH, mock.token, methods=["POST"]),
        ],
        exception_handlers={ApiError: mock.on_api_error, HTTPException: mock.on_http_error},
    )
    control = MockControl(
        expire_tokens=mock.tokens.expire_all,
        reset=mock.reset,
        describe=lambda: {"jobs": len(mock.catalog.jobs)},
    )
    asgi, faults = assemble(
        API,
        app,
        render_error=mock.render_error,
        control=control,
        options=options,
        scenario_faults=mock.scenario_faults,
    )
    return MockServer(API, asgi, faults, mock.startup_info, mock.summary, extra={"mock": mock})
