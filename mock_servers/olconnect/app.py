"""HTTP layer of the OL Connect mock: routes, authentication and error rendering (OLC-01..22).

Order of checks in every handler, as a JAX-RS server would apply them: credentials (401), role (403), path ID
syntax (400), query values (400), entity lookup (404), request body (400), body/path ID mismatch (500).
"""

from __future__ import annotations

import os
from collections.abc import Awaitable, Callable, Mapping
from typing import Any, TypeVar

from jsonschema import Draft202012Validator
from starlette.requests import Request
from starlette.responses import Response

from mock_servers.core.app import MockControl, MockServer, ServerOptions, assemble
from mock_servers.core.auth import TokenStore, parse_basic_credentials, secrets_equal
from mock_servers.core.faults import FaultConfig, FaultConfigError
from mock_servers.core.http import (
    ApiError,
    dump_json,
    json_response,
    parse_entity_id,
    raw_json_response,
    read_json_body,
    text_response,
)
from mock_servers.core.routing import Operation
from mock_servers.core.scenario import ScenarioError
from mock_servers.core.specs import SpecIndex, load_spec, validate_body
from mock_servers.olconnect.domain import (
    READ,
    WRITE,
    DuplicateEntityError,
    Job,
    JobSegment,
    OLConnectStore,
    Properties,
    UnknownEntityError,
    User,
    properties_from,
    properties_to_json,
)
from mock_servers.olconnect.statistics import LevelMode, job_set_statistics

API = "olconnect"
ROOT = "/rest/serverengine"
AUTH = f"{ROOT}/authentication"
JOBS = f"{ROOT}/entity/jobs"
SEGMENTS = f"{ROOT}/entity/jobsegments"
STATISTICS = f"{ROOT}/statistics/jobset"
DEFAULT_TOKEN_TTL = 3600
DEFAULT_VERSION = "2025.2.0.1"
CHALLENGE = {"WWW-Authenticate": "BASIC"}
ID_LIST_CAP = 1000

Handler = Callable[[Request], Awaitable[Response]]
T = TypeVar("T")


class OLConnectMock:
    """State and handlers of one OL Connect mock server."""

    def __init__(self, scenario: Mapping[str, Any], source: str, options: ServerOptions) -> None:
        settings = scenario.get("settings", {})
        self.scenario = scenario
        self.source = source
        self.token_ttl = options.token_ttl or int(settings.get("token_ttl", DEFAULT_TOKEN_TTL))
        self.server_version = str(settings.get("server_version", DEFAULT_VERSION))
        try:
            self.scenario_faults = FaultConfig.from_mapping(settings.get("faults", {}))
        except FaultConfigError as exc:
            raise ScenarioError(f"{source}: /settings/faults: {exc}") from None
        self.store = OLConnectStore(scenario, source)
        self.tokens: TokenStore[str] = TokenStore(self.token_ttl)
        spec = SpecIndex(load_spec(API))
        self.body_validators: dict[str, Draft202012Validator] = {
            operation_id: spec.body_validator(operation_id)
            for operation_id in (
                "updateJobMetadata",
                "updateJobProperties",
                "updateJobSegmentMetadata",
                "updateMultipleJobProperties",
            )
        }
        self._statistics_cache: dict[tuple[int, LevelMode], tuple[int, bytes]] = {}

    def reset(self) -> None:
        """Back to the scenario's state: entities rebuilt, tokens forgotten."""
        self.store = OLConnectStore(self.scenario, self.source)
        self._statistics_cache.clear()
        self.tokens.expire_all()

    # -- authentication (OLC-01, OLC-02, OLC-14)

    def authenticate(self, request: Request, role: str | None) -> User:
        token = request.headers.get("auth_token")
        if token is not None:
            username = self.tokens.lookup(token)
            user = self.store.users.get(username) if username is not None else None
            if user is None:
                raise ApiError(
                    401, "The auth_token is unknown or has expired; log in again", headers=CHALLENGE
                )
        else:
            header = request.headers.get("authorization")
            credentials = parse_basic_credentials(header)
            if credentials is None:
                message = (
                    "The Authorization header is not valid HTTP Basic credentials"
                    if header
                    else "Authentication required: send HTTP Basic credentials or an auth_token header"
                )
                raise ApiError(401, message, headers=CHALLENGE)
            user = self.store.users.get(credentials[0])
            if user is None or not secrets_equal(credentials[1], user.password):
                raise ApiError(401, "Invalid user name or password", headers=CHALLENGE)
        if role is not None and role not in user.roles:
            raise ApiError(403, f"The user has no '{role}' role, which this operation needs")
        return user

    # -- Authentication service

    async def login(self, request: Request) -> Response:
        header = request.headers.get("authorization")
        credentials = parse_basic_credentials(header)
        if credentials is None:
            message = (
                "The Authorization header is not valid HTTP Basic credentials"
                if header
                else "Login needs HTTP Basic credentials in the Authorization header"
            )
            raise ApiError(401, message, headers=CHALLENGE)
        user = self.store.users.get(credentials[0])
        if user is None or not secrets_equal(credentials[1], user.password):
            raise ApiError(401, "Invalid user name or password", headers=CHALLENGE)
        issued = self.tokens.issue(user.username)
        return text_response(issued.value, headers={"Token-Expires-In": str(issued.expires_in)})

    def handshake(self, service: str) -> Handler:
        async def handle(request: Request) -> Response:
            self.authenticate(request, READ)
            return text_response(f"Server Engine REST Service available: {service}")

        return handle

    async def version(self, request: Request) -> Response:
        self.authenticate(request, READ)
        return text_response(self.server_version)

    # -- Job Entity service

    async def job_segment_ids(self, request: Request) -> Response:
        self.authenticate(request, READ)
        job = self._job(request)
        return json_response({"identifiers": [segment.id for segment in job.segments]})

    async def job_contents(self, request: Request) -> Response:
        self.authenticate(request, READ)
        job_id = parse_entity_id(request.path_params["jobId"], "jobId")
        return json_response({"identifiers": self._lookup(lambda: self.store.job_contents(job_id))})

    async def job_metadata(self, request: Request) -> Response:
        self.authenticate(request, READ)
        return json_response(properties_to_json(self._job(request).metadata))

    async def job_properties(self, request: Request) -> Response:
        self.authenticate(request, READ)
        return json_response(properties_to_json(self._job(request).properties))

    async def update_job_metadata(self, request: Request) -> Response:
        self.authenticate(request, WRITE)
        job = self._job(request)
        properties = await self._single_body(request, "updateJobMetadata", job.id, "Job")
        self._lookup(lambda: self.store.replace_job_metadata(job.id, properties))
        return text_response("true")

    async def update_job_properties(self, request: Request) -> Response:
        self.authenticate(request, WRITE)
        job = self._job(request)
        properties = await self._single_body(request, "updateJobProperties", job.id, "Job")
        self._lookup(lambda: self.store.replace_job_properties(job.id, properties))
        return text_response("true")

    async def update_multiple_job_properties(self, request: Request) -> Response:
        self.authenticate(request, WRITE)
        body = await read_json_body(request)
        validate_body(self.body_validators["updateMultipleJobProperties"], body)
        # JSON Schema counts 2001.0 as an integer, so IDs are normalised before they are looked up.
        updates = [(int(item["id"]), properties_from(item["properties"])) for item in body]
        try:
            self._lookup(lambda: self.store.merge_job_properties(updates))
        except DuplicateEntityError as exc:
            raise ApiError(400, f"Job {exc.entity_id} is listed more than once", f"/{exc.index}/id") from None
        return Response(status_code=200)

    # -- Job Segment Entity service

    async def document_set_ids(self, request: Request) -> Response:
        self.authenticate(request, READ)
        segment = self._segment(request)
        return json_response({"identifiers": [document_set.id for document_set in segment.document_sets]})

    async def segment_metadata(self, request: Request) -> Response:
        self.authenticate(request, READ)
        return json_response(properties_to_json(self._segment(request).metadata))

    async def update_segment_metadata(self, request: Request) -> Response:
        self.authenticate(request, WRITE)
        segment = self._segment(request)
        properties = await self._single_body(request, "updateJobSegmentMetadata", segment.id, "Job Segment")
        self._lookup(lambda: self.store.replace_segment_metadata(segment.id, properties))
        return text_response("true")

    # -- Statistics service

    async def job_set_statistics(self, request: Request) -> Response:
        self.authenticate(request, READ)
        job_set_id = parse_entity_id(request.path_params["jobSetId"], "jobSetId")
        raw_mode = request.query_params.get("levelMode")
        mode = LevelMode.parse(raw_mode)
        if mode is None:
            choices = ", ".join(level.value for level in LevelMode)
            raise ApiError(400, f"Invalid levelMode {raw_mode!r}: expected one of {choices}", "levelMode")
        job_set = self._lookup(lambda: self.store.job_set(job_set_id))
        version = self.store.version
        cached = self._statistics_cache.get((job_set.id, mode))
        if cached is None or cached[0] != version:
            cached = (version, dump_json(job_set_statistics(job_set, self.store.media, mode)))
            self._statistics_cache[(job_set.id, mode)] = cached
        return raw_json_response(cached[1])

    # -- helpers

    def _lookup(self, action: Callable[[], T]) -> T:
        try:
            return action()
        except UnknownEntityError as exc:
            raise ApiError(404, f"{exc.kind} {exc.entity_id} does not exist", str(exc.entity_id)) from None

    def _job(self, request: Request) -> Job:
        job_id = parse_entity_id(request.path_params["jobId"], "jobId")
        return self._lookup(lambda: self.store.job(job_id))

    def _segment(self, request: Request) -> JobSegment:
        segment_id = parse_entity_id(request.path_params["jobSegmentId"], "jobSegmentId")
        return self._lookup(lambda: self.store.segment(segment_id))

    async def _single_body(self, request: Request, operation_id: str, path_id: int, kind: str) -> Properties:
        body = await read_json_body(request)
        validate_body(self.body_validators[operation_id], body)
        if body["id"] != path_id:
            raise ApiError(
                500, f"{kind} ID mismatch in JSON: body id {body['id']} differs from {path_id}", "/id"
            )
        return properties_from(body["properties"])

    # -- errors and startup output

    def render_error(
        self, status: int, message: str, headers: Mapping[str, str], parameter: str | None = None
    ) -> Response:
        detail: dict[str, Any] = {"status": status, "message": message}
        if parameter is not None:
            detail["parameter"] = parameter
        return raw_json_response(dump_json({"error": detail}), status, headers=headers)

    def startup_info(self, base_url: str) -> dict[str, Any]:
        store = self.store
        document_sets = [ds for job_set in store.job_sets.values() for ds in job_set.document_sets()]
        return {
            "api": API,
            "base_url": base_url,
            "users": [
                {"username": user.username, "password": user.password, "roles": sorted(user.roles)}
                for user in store.users.values()
            ],
            "token_ttl": self.token_ttl,
            "server_version": self.server_version,
            "ids": {
                "job_sets": list(store.job_sets)[:ID_LIST_CAP],
                "jobs": list(store.jobs)[:ID_LIST_CAP],
                "job_segments": list(store.segments)[:ID_LIST_CAP],
                "document_sets": [ds.id for ds in document_sets[:ID_LIST_CAP]],
            },
            "counts": {
                "job_sets": len(store.job_sets),
                "jobs": len(store.jobs),
                "job_segments": len(store.segments),
                "document_sets": len(document_sets),
                "documents": sum(len(ds.documents) for ds in document_sets),
            },
            "scenario": self.source,
            "pid": os.getpid(),
        }

    def summary(self, base_url: str) -> list[str]:
        counts = self.startup_info(base_url)["counts"]
        lines = [
            f"OL Connect Server mock listening on {base_url} (scenario: {self.source})",
            f"  REST root: {base_url}{ROOT}  (token TTL {self.token_ttl} s, version {self.server_version})",
            "  entities: " + ", ".join(f"{count} {name.replace('_', ' ')}" for name, count in counts.items()),
        ]
        lines += [
            f"  user {user.username}: roles {', '.join(sorted(user.roles)) or '-'}"
            for user in self.store.users.values()
        ]
        lines.append(
            "  admin: /_mock/health, /_mock/faults, /_mock/expire-tokens, /_mock/reset; Ctrl+C stops"
        )
        return lines


def operations(mock: OLConnectMock) -> list[Operation]:
    """Literal paths win over templates in the router, as in JAX-RS (``/jobs/version`` is not a job ID)."""
    return [
        Operation("GET", AUTH, mock.handshake("AuthenticationRestService")),
        Operation("GET", f"{AUTH}/version", mock.version),
        Operation("POST", f"{AUTH}/login", mock.login),
        Operation("GET", JOBS, mock.handshake("JobEntityRestService")),
        Operation("GET", f"{JOBS}/version", mock.version),
        Operation("PUT", f"{JOBS}/properties", mock.update_multiple_job_properties),
        Operation("GET", JOBS + "/{jobId}", mock.job_segment_ids),
        Operation("GET", JOBS + "/{jobId}/contents", mock.job_contents),
        Operation("GET", JOBS + "/{jobId}/metadata", mock.job_metadata),
        Operation("PUT", JOBS + "/{jobId}/metadata", mock.update_job_metadata),
        Operation("GET", JOBS + "/{jobId}/properties", mock.job_properties),
        Operation("PUT", JOBS + "/{jobId}/properties", mock.update_job_properties),
        Operation("GET", SEGMENTS, mock.handshake("JobSegmentEntityRestService")),
        Operation("GET", f"{SEGMENTS}/version", mock.version),
        Operation("GET", SEGMENTS + "/{jobSegmentId}", mock.document_set_ids),
        Operation("GET", SEGMENTS + "/{jobSegmentId}/metadata", mock.segment_metadata),
        Operation("PUT", SEGMENTS + "/{jobSegmentId}/metadata", mock.update_segment_metadata),
        Operation("GET", STATISTICS + "/{jobSetId}", mock.job_set_statistics),
    ]


def build_server(scenario: Mapping[str, Any], source: str, options: ServerOptions) -> MockServer:
    mock = OLConnectMock(scenario, source, options)
    control = MockControl(
        expire_tokens=mock.tokens.expire_all,
        reset=mock.reset,
        describe=lambda: {"job_sets": len(mock.store.job_sets), "jobs": len(mock.store.jobs)},
    )
    asgi, faults = assemble(
        API,
        operations(mock),
        render_error=mock.render_error,
        control=control,
        options=options,
        scenario_faults=mock.scenario_faults,
    )
    return MockServer(API, asgi, faults, mock.startup_info, mock.summary, extra={"mock": mock})
