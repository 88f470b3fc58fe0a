"""HTTP layer of the OL Connect mock: routes, authentication and error rendering (OLC-01..22).

Order of checks in every handler, as a JAX-RS server would apply them: credentials (401), role (403), path ID
syntax (400), query values (400), entity lookup (404), request body (400), body/path ID mismatch (500).
"""

from __future__ import annotations

import functools
import os
import re
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
from mock_servers.core.variants import state_for
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
_NEGATIVE_ID = re.compile(r"-[0-9]{1,19}")
_BODYLESS_STATUSES = frozenset({401, 500})  # olc.error-body=none: the older pages show no body on these

Handler = Callable[[Request], Awaitable[Response]]
T = TypeVar("T")


class OLConnectMock:
    """State and handlers of one OL Connect mock server."""

    def __init__(self, scenario: Mapping[str, Any], source: str, options: ServerOptions) -> None:
        settings = scenario.get("settings", {})
        self.scenario = scenario
        self.source = source
        self.token_ttl = options.token_ttl or int(settings.get("token_ttl", DEFAULT_TOKEN_TTL))
        self.scenario_version = str(settings.get("server_version", DEFAULT_VERSION))
        self.variants = state_for(API, scenario, source, options.variants)
        try:
            self.scenario_faults = FaultConfig.from_mapping(settings.get("faults", {}))
        except FaultConfigError as exc:
            raise ScenarioError(f"{source}: /settings/faults: {exc}") from None
        self.store = OLConnectStore(scenario, source)
        self.tokens: TokenStore[str] = TokenStore(self.token_ttl, max_tokens=options.max_tokens)
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
            token = token.strip()  # surrounding whitespace is trimmed as in the other auth headers
        if token is not None:
            username = self.tokens.lookup(token)
            user = self.store.users.get(username) if username is not None else None
            if user is None:
                if self.tokens.has_expired(token):
                    raise ApiError(401, "The auth_token has expired; log in again", headers=CHALLENGE)
                raise self._invalid_credentials("The auth_token is unknown or has expired; log in again")
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
                raise self._invalid_credentials("Invalid user name or password")
        if role is not None and role not in user.roles:
            raise ApiError(403, f"The user has no '{role}' role, which this operation needs")
        return user

    def _invalid_credentials(self, message: str) -> ApiError:
        """Wrong password or unknown token on a protected operation: 401 or 403 (olc.invalid-credentials)."""
        if self.variants.is_("olc.invalid-credentials", "403"):
            return ApiError(403, message)
        return ApiError(401, message, headers=CHALLENGE)

    @property
    def server_version(self) -> str:
        """The version text (olc.server-version); the scenario's full string when its YYYY.N matches."""
        release = self.variants.value("olc.server-version")
        if self.scenario_version.startswith(release + "."):
            return self.scenario_version
        return f"{release}.0.1"

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
        if self.variants.is_("olc.token-expires-in", "absent"):
            return text_response(issued.value)
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
        return json_response({"identifiers": [segment.id for segment in job.segments] if job else []})

    async def job_contents(self, request: Request) -> Response:
        self.authenticate(request, READ)
        job = self._job(request)
        return json_response({"identifiers": self.store.job_contents(job.id) if job else []})

    async def job_metadata(self, request: Request) -> Response:
        self.authenticate(request, READ)
        job = self._job(request)
        return json_response(properties_to_json(job.metadata) if job else [])

    async def job_properties(self, request: Request) -> Response:
        self.authenticate(request, READ)
        job = self._job(request)
        return json_response(properties_to_json(job.properties) if job else [])

    async def update_job_metadata(self, request: Request) -> Response:
        self.authenticate(request, WRITE)
        job = self._job(request)
        properties = await self._single_body(request, "updateJobMetadata", self._path_id(request), "Job")
        if job is None:
            return text_response("false")
        self._lookup(lambda: self.store.replace_job_metadata(job.id, properties))
        return self._updated()

    async def update_job_properties(self, request: Request) -> Response:
        self.authenticate(request, WRITE)
        job = self._job(request)
        properties = await self._single_body(request, "updateJobProperties", self._path_id(request), "Job")
        if job is None:
            return text_response("false")
        self._lookup(lambda: self.store.replace_job_properties(job.id, properties))
        return self._updated()

    async def update_multiple_job_properties(self, request: Request) -> Response:
        self.authenticate(request, WRITE)
        updates: list[tuple[int, Properties]] = await read_json_body(
            request, self._validator("updateMultipleJobProperties"), convert=_multi_updates
        )
        if self.variants.is_("olc.unknown-id", "empty-200"):
            updates = [(job_id, properties) for job_id, properties in updates if job_id in self.store.jobs]
        replace = self.variants.is_("olc.multi-update", "replace")
        try:
            self._lookup(lambda: self.store.merge_job_properties(updates, replace=replace))
        except DuplicateEntityError as exc:
            raise ApiError(400, f"Job {exc.entity_id} is listed more than once", f"/{exc.index}/id") from None
        return Response(status_code=200)

    # -- Job Segment Entity service

    async def document_set_ids(self, request: Request) -> Response:
        self.authenticate(request, READ)
        segment = self._segment(request)
        identifiers = [document_set.id for document_set in segment.document_sets] if segment else []
        return json_response({"identifiers": identifiers})

    async def segment_metadata(self, request: Request) -> Response:
        self.authenticate(request, READ)
        segment = self._segment(request)
        return json_response(properties_to_json(segment.metadata) if segment else [])

    async def update_segment_metadata(self, request: Request) -> Response:
        self.authenticate(request, WRITE)
        segment = self._segment(request)
        segment_id = self._path_id(request, "jobSegmentId")
        properties = await self._single_body(request, "updateJobSegmentMetadata", segment_id, "Job Segment")
        if segment is None:
            return text_response("false")
        self._lookup(lambda: self.store.replace_segment_metadata(segment.id, properties))
        return self._updated()

    # -- Statistics service

    async def job_set_statistics(self, request: Request) -> Response:
        self.authenticate(request, READ)
        job_set_id = self._path_id(request, "jobSetId")
        given = request.query_params.getlist("levelMode")
        if len({value.lower() for value in given}) > 1:
            raise ApiError(400, f"Conflicting values for levelMode: {', '.join(given)}", "levelMode")
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

    def _validator(self, operation_id: str) -> Callable[[Any], None]:
        """Schema check for :func:`read_json_body`, which runs it in a worker thread for large bodies."""
        return functools.partial(validate_body, self.body_validators[operation_id])

    def _lookup(self, action: Callable[[], T]) -> T:
        try:
            return action()
        except UnknownEntityError as exc:
            raise ApiError(404, f"{exc.kind} {exc.entity_id} does not exist", str(exc.entity_id)) from None

    def _path_id(self, request: Request, parameter: str = "jobId") -> int:
        """The path ID as an integer; malformed IDs answer 400 or 404 (olc.malformed-id, olc.negative-id).

        A negative ID under ``olc.negative-id=unknown`` is well formed and simply names no entity.
        """
        raw = request.path_params[parameter]
        if _NEGATIVE_ID.fullmatch(raw) and self.variants.is_("olc.negative-id", "unknown"):
            return int(raw)
        try:
            return parse_entity_id(raw, parameter)
        except ApiError as error:
            if self.variants.is_("olc.malformed-id", "404"):
                raise ApiError(404, f"No resource at {parameter} {raw!r}", parameter) from None
            raise error from None

    def _missing(self, action: Callable[[], T]) -> T | None:
        """The entity, or None for an unknown ID under ``olc.unknown-id=empty-200`` (else a 404)."""
        try:
            return action()
        except UnknownEntityError as exc:
            if self.variants.is_("olc.unknown-id", "empty-200"):
                return None
            raise ApiError(404, f"{exc.kind} {exc.entity_id} does not exist", str(exc.entity_id)) from None

    def _job(self, request: Request) -> Job | None:
        job_id = self._path_id(request, "jobId")
        return self._missing(lambda: self.store.job(job_id))

    def _segment(self, request: Request) -> JobSegment | None:
        segment_id = self._path_id(request, "jobSegmentId")
        return self._missing(lambda: self.store.segment(segment_id))

    def _updated(self) -> Response:
        """A single PUT's success answer (olc.update-answer)."""
        if self.variants.is_("olc.update-answer", "empty"):
            return Response(status_code=200)
        return text_response("true")

    async def _single_body(self, request: Request, operation_id: str, path_id: int, kind: str) -> Properties:
        body = await read_json_body(request, self._validator(operation_id))
        if body["id"] != path_id:
            raise ApiError(
                500, f"{kind} ID mismatch in JSON: body id {body['id']} differs from {path_id}", "/id"
            )
        return properties_from(body["properties"])

    # -- errors and startup output

    def render_error(
        self, status: int, message: str, headers: Mapping[str, str], parameter: str | None = None
    ) -> Response:
        if status in _BODYLESS_STATUSES and self.variants.is_("olc.error-body", "none"):
            return Response(status_code=status, headers=headers)
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
            **self.variants.describe(),
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
        lines.append(self.variants.summary_line())
        lines.append(
            "  admin: /_mock/health, /_mock/faults, /_mock/expire-tokens, /_mock/reset, /_mock/variants;"
            " Ctrl+C stops"
        )
        return lines


def _multi_updates(body: Any) -> list[tuple[int, Properties]]:
    """JSON Schema counts 2001.0 as an integer, so IDs are normalised before they are looked up."""
    return [(int(item["id"]), properties_from(item["properties"])) for item in body]


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
        variants=mock.variants,
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
