"""HTTP layer of the OL Connect mock: a handler per operationId, authentication, error rendering (OLC-01..22).

Routes, parameters and body schemas come from the spec (``spec_model``); this module names no path. Order of
checks in every handler, as a JAX-RS server would apply them: credentials (401), role (403), path ID syntax
(400), query values (400), entity lookup (404), request body (400), body/path ID mismatch (500). The single
PUTs' ID rule (OLC-07) is read from each operation's ``x-write`` marker.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from starlette.requests import Request
from starlette.responses import Response

from mock_servers.core.app import MockControl, MockServer, ServerOptions, assemble
from mock_servers.core.auth import TokenStore, parse_basic_credentials, secrets_equal
from mock_servers.core.bodies import SchemaCheck, body_checks
from mock_servers.core.faults import FaultConfig, FaultConfigError
from mock_servers.core.http import (
    ApiError,
    dump_json,
    json_response,
    raw_json_response,
    read_json_body,
    text_response,
)
from mock_servers.core.parameters import JAVA_LONG, Arguments, ReadingRules, Repeats
from mock_servers.core.routing import Handler, SpecRoute, spec_routes
from mock_servers.core.scenario import ScenarioError
from mock_servers.core.variants import Plays, Setting, state_for
from mock_servers.olconnect.data_content import DataContentStore, DataSetService
from mock_servers.olconnect.domain import (
    READ,
    WRITE,
    Document,
    DocumentSet,
    DuplicateEntityError,
    Job,
    JobSegment,
    JobSet,
    OLConnectStore,
    Properties,
    UnknownEntityError,
    User,
    as_map,
    properties_from,
    properties_to_json,
)
from mock_servers.olconnect.production import ProductionLine
from mock_servers.olconnect.statistics import LevelMode, job_set_statistics
from mock_servers.olconnect.workflow import WorkflowHandlers
from spec_model import SpecModel, WriteEffect, spec

API = "olconnect"
# The variant questions the handlers ask, checked against spec/variants.yaml at import.
PLAYS_EMPTY_LEVEL_MODE_OMITTED = Plays("olc.empty-level-mode", "omitted")
PLAYS_INVALID_CREDENTIALS_403 = Plays("olc.invalid-credentials", "403")
PLAYS_JOB_SETS_ROOT_NEGOTIATED = Plays("olc.job-sets-root", "negotiated")
PLAYS_JOB_SET_DELETE_DEFERRED = Plays("olc.job-set-delete", "deferred")
PLAYS_JOB_SET_OWNED_KEPT = Plays("olc.job-set-owned", "kept")
PLAYS_MALFORMED_ID_404 = Plays("olc.malformed-id", "404")
PLAYS_MULTI_UPDATE_REPEATS_APPLY = Plays("olc.multi-update-repeats", "apply")
PLAYS_MULTI_UPDATE_REPLACE = Plays("olc.multi-update", "replace")
PLAYS_NEGATIVE_ID_UNKNOWN = Plays("olc.negative-id", "unknown")
PLAYS_PROPERTY_STORE_MAP = Plays("olc.property-store", "map")
PLAYS_SECURITY_OFF = Plays("olc.security", "off")
PLAYS_STATISTICS_PROPERTIES_STRING = Plays("olc.statistics-properties", "string")
PLAYS_TOKEN_EXPIRES_IN_ABSENT = Plays("olc.token-expires-in", "absent")
PLAYS_UNKNOWN_ID_EMPTY_200 = Plays("olc.unknown-id", "empty-200")
PLAYS_UPDATE_ANSWER_EMPTY = Plays("olc.update-answer", "empty")
SETTING_ENTITY_ERROR_BODY = Setting("olc.entity-error-body")
SETTING_ERROR_BODY = Setting("olc.error-body")
SETTING_SERVER_VERSION = Setting("olc.server-version")
# OL Connect's server is Java: integers are longs, written as plain digits with an optional minus (OLC-05).
READING_RULES = ReadingRules(
    integer_text=re.compile(r"-?[0-9]{1,19}"), integer_range=JAVA_LONG, repeats=Repeats.SAME_VALUE
)
DEFAULT_TOKEN_TTL = 3600
DEFAULT_VERSION = "2025.2.0.1"
JOB_SET_DELETE_DELAY = 1.0  # seconds a deleted job set stays visible under olc.job-set-delete=deferred
# olc.job-set-owned=kept: seconds a removed job set's entities stay readable, longer than any suite run needs
OWNED_CLEANUP_DELAY = 60.0
CHALLENGE = {"WWW-Authenticate": "BASIC"}
ID_LIST_CAP = 1000
# olc.security=off (OLC-22): who every request runs as when the server checks no credentials.
SECURITY_OFF_USER = User("anonymous", "", frozenset({"read", "write"}))
_BODYLESS_STATUSES = frozenset({401, 500})  # olc.error-body=none: the older pages show no body on these
# What a server serves follows the release it reports (OLC-60): the Statistics service came with 2024.1.
# (Its document-set levels came with 2024.2; no variant plays a release between the two.)
STATISTICS_SINCE = (2024, 1)
_RELEASE = re.compile(r"(\d{4})\.(\d{1,2})")
# olc.error-body=text: the older pages' "Error message" (no content type) on the 401/403 rows that show
# one, as plain text; their "no credentials" 401 and their 500 show no body at all.
_TEXT_STATUSES = frozenset({401, 403})
# olc.entity-error-body: the statuses no entity page documents, so their body is open (OLC-05)
_ENTITY_ERROR_STATUSES = frozenset({400, 404})
MISSING_CREDENTIALS = "Authentication required: send HTTP Basic credentials or an auth_token header"
MISSING_LOGIN_CREDENTIALS = "Login needs HTTP Basic credentials in the Authorization header"
_NO_BODY_MESSAGES = frozenset({MISSING_CREDENTIALS, MISSING_LOGIN_CREDENTIALS})
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
        self.data = DataContentStore.from_scenario(scenario, source)
        self.production = ProductionLine.from_scenario(scenario, self.store, self.variants)
        self.tokens: TokenStore[str] = TokenStore(self.token_ttl, max_tokens=options.max_tokens)
        self.model: SpecModel = spec(API)
        self.body_checks: dict[str, SchemaCheck] = body_checks(self.model)
        self.writes: dict[str, WriteEffect] = {
            name: write for name, operation in self.model.writes().items() if (write := operation.write)
        }
        self._statistics_cache: dict[tuple[int, LevelMode, bool], tuple[int, bytes]] = {}

    def reset(self) -> None:
        """Back to the scenario's state: entities rebuilt, tokens forgotten."""
        self.store = OLConnectStore(self.scenario, self.source)
        self.data = DataContentStore.from_scenario(self.scenario, self.source)
        self.production = ProductionLine.from_scenario(self.scenario, self.store, self.variants)
        self._statistics_cache.clear()
        self.tokens.expire_all()

    # -- authentication (OLC-01, OLC-02, OLC-14)

    def authenticate(self, request: Request, role: str | None) -> User:
        self.store.sweep()  # every entity handler authenticates first: deferred deletions land before reads
        self.data.sweep()
        if self.variants.plays(PLAYS_SECURITY_OFF):
            return SECURITY_OFF_USER  # OLC-22: no credential is checked, every operation is open
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
                    else MISSING_CREDENTIALS
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
        if self.variants.plays(PLAYS_INVALID_CREDENTIALS_403):
            return ApiError(403, message)
        return ApiError(401, message, headers=CHALLENGE)

    @property
    def server_version(self) -> str:
        """The version text (olc.server-version); the scenario's full string when its YYYY.N matches."""
        release = self.variants.setting(SETTING_SERVER_VERSION)
        if self.scenario_version.startswith(release + "."):
            return self.scenario_version
        return f"{release}.0.1"

    # -- Authentication service

    async def login(self, request: Request, args: Arguments) -> Response:
        header = request.headers.get("authorization")
        credentials = parse_basic_credentials(header)
        if self.variants.plays(PLAYS_SECURITY_OFF):
            return self._issue(credentials[0] if credentials else SECURITY_OFF_USER.username)
        if credentials is None:
            message = (
                "The Authorization header is not valid HTTP Basic credentials"
                if header
                else MISSING_LOGIN_CREDENTIALS
            )
            raise ApiError(401, message, headers=CHALLENGE)
        user = self.store.users.get(credentials[0])
        if user is None or not secrets_equal(credentials[1], user.password):
            raise ApiError(401, "Invalid user name or password", headers=CHALLENGE)
        return self._issue(user.username)

    def _issue(self, username: str) -> Response:
        issued = self.tokens.issue(username)
        if self.variants.plays(PLAYS_TOKEN_EXPIRES_IN_ABSENT):
            return text_response(issued.value)
        return text_response(issued.value, headers={"Token-Expires-In": str(issued.expires_in)})

    def handshake(self, service: str) -> Handler:
        async def handle(request: Request, _: Arguments) -> Response:
            self.authenticate(request, READ)
            return text_response(f"Server Engine REST Service available: {service}")

        return handle

    async def version(self, request: Request, args: Arguments) -> Response:
        self.authenticate(request, READ)
        return text_response(self.server_version)

    # -- Job Entity service

    async def job_segment_ids(self, request: Request, args: Arguments) -> Response:
        self.authenticate(request, READ)
        job = self._job(args)
        return json_response({"identifiers": [segment.id for segment in job.segments] if job else []})

    async def job_contents(self, request: Request, args: Arguments) -> Response:
        self.authenticate(request, READ)
        job = self._job(args)
        return json_response({"identifiers": self.store.job_contents(job.id) if job else []})

    async def job_metadata(self, request: Request, args: Arguments) -> Response:
        self.authenticate(request, READ)
        job = self._job(args)
        return json_response(properties_to_json(job.metadata) if job else [])

    async def job_properties(self, request: Request, args: Arguments) -> Response:
        self.authenticate(request, READ)
        job = self._job(args)
        return json_response(properties_to_json(job.properties) if job else [])

    async def update_job_metadata(self, request: Request, args: Arguments) -> Response:
        self.authenticate(request, WRITE)
        job = self._job(args)
        properties = await self._single_body(request, args, "updateJobMetadata", "Job")
        if job is None:
            return text_response("false")
        self._lookup(lambda: self.store.replace_job_metadata(job.id, properties))
        return self._updated()

    async def update_job_properties(self, request: Request, args: Arguments) -> Response:
        self.authenticate(request, WRITE)
        job = self._job(args)
        properties = await self._single_body(request, args, "updateJobProperties", "Job")
        if job is None:
            return text_response("false")
        self._lookup(lambda: self.store.replace_job_properties(job.id, properties))
        return self._updated()

    async def update_multiple_job_properties(self, request: Request, args: Arguments) -> Response:
        self.authenticate(request, WRITE)
        updates: list[tuple[int, Properties]] = await read_json_body(
            request, self.body_checks["updateMultipleJobProperties"], convert=_multi_updates
        )
        if self.variants.plays(PLAYS_UNKNOWN_ID_EMPTY_200):
            updates = [(job_id, properties) for job_id, properties in updates if job_id in self.store.jobs]
        replace = self.variants.plays(PLAYS_MULTI_UPDATE_REPLACE)
        repeats = self.variants.plays(PLAYS_MULTI_UPDATE_REPEATS_APPLY)
        try:
            self._lookup(lambda: self.store.merge_job_properties(updates, replace=replace, repeats=repeats))
        except DuplicateEntityError as exc:
            raise ApiError(400, f"Job {exc.entity_id} is listed more than once", f"/{exc.index}/id") from None
        return Response(status_code=200)

    # -- Job Segment Entity service

    async def document_set_ids(self, request: Request, args: Arguments) -> Response:
        self.authenticate(request, READ)
        segment = self._segment(args)
        identifiers = [document_set.id for document_set in segment.document_sets] if segment else []
        return json_response({"identifiers": identifiers})

    async def segment_metadata(self, request: Request, args: Arguments) -> Response:
        self.authenticate(request, READ)
        segment = self._segment(args)
        return json_response(properties_to_json(segment.metadata) if segment else [])

    async def update_segment_metadata(self, request: Request, args: Arguments) -> Response:
        self.authenticate(request, WRITE)
        segment = self._segment(args)
        properties = await self._single_body(request, args, "updateJobSegmentMetadata", "Job Segment")
        if segment is None:
            return text_response("false")
        self._lookup(lambda: self.store.replace_segment_metadata(segment.id, properties))
        return self._updated()

    # -- Job Set Entity service (OLC-40..42)

    async def job_set_ids(self, request: Request, args: Arguments) -> Response:
        self.authenticate(request, READ)
        if self.variants.plays(PLAYS_JOB_SETS_ROOT_NEGOTIATED) and _wants_only_text(request):
            return text_response("Server Engine REST Service available: JobSetEntityRestService")
        return json_response({"identifiers": list(self.store.job_sets)})

    async def job_ids(self, request: Request, args: Arguments) -> Response:
        self.authenticate(request, READ)
        job_set = self._job_set(args)
        return json_response({"identifiers": [job.id for job in job_set.jobs] if job_set else []})

    async def delete_job_set(self, request: Request, args: Arguments) -> Response:
        self.authenticate(request, WRITE)
        job_set = self._job_set(args)
        if job_set is None:
            return text_response("false")
        delay = JOB_SET_DELETE_DELAY if self.variants.plays(PLAYS_JOB_SET_DELETE_DEFERRED) else 0.0
        keep = OWNED_CLEANUP_DELAY if self.variants.plays(PLAYS_JOB_SET_OWNED_KEPT) else None
        self._lookup(lambda: self.store.delete_job_set(job_set.id, delay, keep))
        return self._updated()

    async def job_set_metadata(self, request: Request, args: Arguments) -> Response:
        self.authenticate(request, READ)
        job_set = self._job_set(args)
        return json_response(properties_to_json(job_set.metadata) if job_set else [])

    async def job_set_properties(self, request: Request, args: Arguments) -> Response:
        self.authenticate(request, READ)
        job_set = self._job_set(args)
        return json_response(properties_to_json(job_set.properties) if job_set else [])

    async def update_job_set_metadata(self, request: Request, args: Arguments) -> Response:
        self.authenticate(request, WRITE)
        job_set = self._job_set(args)
        properties = await self._single_body(request, args, "updateJobSetMetadata", "Job Set")
        if job_set is None:
            return text_response("false")
        self._lookup(lambda: self.store.replace_job_set_metadata(job_set.id, properties))
        return self._updated()

    async def update_job_set_properties(self, request: Request, args: Arguments) -> Response:
        self.authenticate(request, WRITE)
        job_set = self._job_set(args)
        properties = await self._single_body(request, args, "updateJobSetProperties", "Job Set")
        if job_set is None:
            return text_response("false")
        self._lookup(lambda: self.store.replace_job_set_properties(job_set.id, properties))
        return self._updated()

    # -- Document Set Entity and Document Entity services (OLC-40, OLC-43)

    async def document_ids(self, request: Request, args: Arguments) -> Response:
        self.authenticate(request, READ)
        document_set = self._document_set(args)
        identifiers = [document.id for document in document_set.documents] if document_set else []
        return json_response({"identifiers": identifiers})

    async def document_set_metadata(self, request: Request, args: Arguments) -> Response:
        self.authenticate(request, READ)
        document_set = self._document_set(args)
        return json_response(properties_to_json(document_set.metadata) if document_set else [])

    async def update_document_set_metadata(self, request: Request, args: Arguments) -> Response:
        self.authenticate(request, WRITE)
        document_set = self._document_set(args)
        properties = await self._single_body(request, args, "updateDocumentSetMetadata", "Document Set")
        if document_set is None:
            return text_response("false")
        self._lookup(lambda: self.store.replace_document_set_metadata(document_set.id, properties))
        return self._updated()

    async def document_metadata(self, request: Request, args: Arguments) -> Response:
        self.authenticate(request, READ)
        document = self._document(args)
        return json_response(properties_to_json(document.metadata) if document else [])

    async def update_document_metadata(self, request: Request, args: Arguments) -> Response:
        self.authenticate(request, WRITE)
        document = self._document(args)
        properties = await self._single_body(request, args, "updateDocumentMetadata", "Document")
        if document is None:
            return text_response("false")
        self._lookup(lambda: self.store.replace_document_metadata(document.id, properties))
        return self._updated()

    # -- Statistics service

    async def job_set_statistics(self, request: Request, args: Arguments) -> Response:
        self.authenticate(request, READ)
        release = _release(self.server_version)
        if release is not None and release < STATISTICS_SINCE:  # one era per server (OLC-60)
            raise ApiError(404, f"No Statistics service on server {self.server_version}: it came with 2024.1")
        job_set_id = self._path_id(args, "jobSetId")
        if args.raw("levelMode") == "" and self.variants.plays(PLAYS_EMPTY_LEVEL_MODE_OMITTED):
            mode: LevelMode | None = LevelMode.DOCUMENT_ONLY  # OLC-12: an empty value read as omitted
        else:
            mode = LevelMode.parse(args.value("levelMode"))  # the spec's reader gives a canonical spelling
        if mode is None:
            choices = ", ".join(level.value for level in LevelMode)
            raise ApiError(
                400, f"Invalid levelMode {args.raw('levelMode')!r}: expected one of {choices}", "levelMode"
            )
        job_set = self._lookup(lambda: self.store.job_set(job_set_id))
        version = self.store.version
        as_text = self.variants.plays(PLAYS_STATISTICS_PROPERTIES_STRING)
        key = (job_set.id, mode, as_text)
        cached = self._statistics_cache.get(key)
        if cached is None or cached[0] != version:
            statistics = job_set_statistics(job_set, self.store.media, mode, properties_as_text=as_text)
            cached = (version, dump_json(statistics))
            self._statistics_cache[key] = cached
        return raw_json_response(cached[1])

    # -- helpers

    def _lookup(self, action: Callable[[], T]) -> T:
        try:
            return action()
        except UnknownEntityError as exc:
            raise ApiError(404, f"{exc.kind} {exc.entity_id} does not exist", str(exc.entity_id)) from None

    def _path_id(self, args: Arguments, parameter: str) -> int:
        """The path ID as an integer; malformed IDs answer 400 or 404 (olc.malformed-id, olc.negative-id).

        The spec's reader says whether the text is an integer a Java long holds; a negative one is malformed,
        unless ``olc.negative-id=unknown`` makes it a well-formed ID that simply names no entity.
        """
        readings = args.readings
        raw = readings.raw.get(parameter, "")
        if parameter not in readings.issues:
            value: int = readings.values[parameter]
            if raw[:1] != "-" or self.variants.plays(PLAYS_NEGATIVE_ID_UNKNOWN):
                return value
        if self.variants.plays(PLAYS_MALFORMED_ID_404):
            raise ApiError(404, f"No resource at {parameter} {raw!r}", parameter)
        raise ApiError(400, f"{parameter} must be a non-negative integer, got {raw!r}", parameter)

    def _missing(self, action: Callable[[], T]) -> T | None:
        """The entity, or None for an unknown ID under ``olc.unknown-id=empty-200`` (else a 404)."""
        try:
            return action()
        except UnknownEntityError as exc:
            if self.variants.plays(PLAYS_UNKNOWN_ID_EMPTY_200):
                return None
            raise ApiError(404, f"{exc.kind} {exc.entity_id} does not exist", str(exc.entity_id)) from None

    def _job(self, args: Arguments) -> Job | None:
        job_id = self._path_id(args, "jobId")
        return self._missing(lambda: self.store.job(job_id))

    def _segment(self, args: Arguments) -> JobSegment | None:
        segment_id = self._path_id(args, "jobSegmentId")
        return self._missing(lambda: self.store.segment(segment_id))

    def _job_set(self, args: Arguments) -> JobSet | None:
        job_set_id = self._path_id(args, "jobSetId")
        return self._missing(lambda: self.store.job_set(job_set_id))

    def _document_set(self, args: Arguments) -> DocumentSet | None:
        document_set_id = self._path_id(args, "documentSetId")
        return self._missing(lambda: self.store.document_set(document_set_id))

    def _document(self, args: Arguments) -> Document | None:
        document_id = self._path_id(args, "documentId")
        return self._missing(lambda: self.store.document(document_id))

    def _updated(self) -> Response:
        """A single PUT's success answer (olc.update-answer)."""
        if self.variants.plays(PLAYS_UPDATE_ANSWER_EMPTY):
            return Response(status_code=200)
        return text_response("true")

    async def _single_body(
        self, request: Request, args: Arguments, operation_id: str, kind: str
    ) -> Properties:
        """The body of a PUT that replaces one entity's list; its ``id`` must match the path parameter that
        the operation's ``x-write: idParameter`` names, else 500 (OLC-07)."""
        id_parameter = self.writes[operation_id].id_parameter
        if id_parameter is None:
            raise RuntimeError(f"{operation_id} has no x-write idParameter; it is not a single-entity PUT")
        path_id = self._path_id(args, id_parameter)
        body = await read_json_body(request, self.body_checks[operation_id])
        if body["id"] != path_id:
            raise ApiError(
                500, f"{kind} ID mismatch in JSON: body id {body['id']} differs from {path_id}", "/id"
            )
        properties = properties_from(body["properties"])
        if self.variants.plays(PLAYS_PROPERTY_STORE_MAP):
            return as_map(properties)
        return properties

    # -- errors and startup output

    def entity_errors(self, handler: Handler) -> Handler:
        """``handler`` with its 400/404 bodies as ``olc.entity-error-body`` says (OLC-05).

        No entity page documents a 400 or 404, so a real server may send its framework's own answer: a JAX-RS
        conversion failure carries a plain-text or an empty body, not the vendor's JSON Error. Only entity
        operations are wrapped: the Statistics page documents its JSON Error, and 401/403 follow
        ``olc.error-body`` everywhere.
        """

        async def handle(request: Request, args: Arguments) -> Response:
            try:
                return await handler(request, args)
            except ApiError as error:
                body = self.variants.setting(SETTING_ENTITY_ERROR_BODY)
                if error.status not in _ENTITY_ERROR_STATUSES or body == "json":
                    raise
                if body == "none":
                    return Response(status_code=error.status, headers=error.headers)
                return text_response(error.message, error.status, headers=error.headers)

        return handle

    def render_error(
        self, status: int, message: str, headers: Mapping[str, str], parameter: str | None = None
    ) -> Response:
        error_body = self.variants.setting(SETTING_ERROR_BODY)
        if status in _BODYLESS_STATUSES and error_body == "none":
            return Response(status_code=status, headers=headers)
        if error_body == "text" and (status == 500 or (status == 401 and message in _NO_BODY_MESSAGES)):
            return Response(status_code=status, headers=headers)
        if error_body == "text" and status in _TEXT_STATUSES:
            return text_response(message, status, headers=headers)
        detail: dict[str, Any] = {"status": status, "message": message}
        if parameter is not None:
            detail["parameter"] = parameter
        return raw_json_response(dump_json({"error": detail}), status, headers=headers)

    @property
    def rest_root(self) -> str:
        """The path every operation shares (``/rest/serverengine``), read from the spec."""
        return os.path.commonpath([operation.path for operation in self.model.operations.values()])

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
                "documents": list(store.documents)[:ID_LIST_CAP],
                "data_sets": list(self.data.data_sets)[:ID_LIST_CAP],
            },
            "workflow": self.production.describe(),
            "counts": {
                "job_sets": len(store.job_sets),
                "jobs": len(store.jobs),
                "job_segments": len(store.segments),
                "document_sets": len(document_sets),
                "documents": sum(len(ds.documents) for ds in document_sets),
                "data_sets": len(self.data.data_sets),
                "data_records": len(self.data.records),
            },
            "scenario": self.source,
            "pid": os.getpid(),
        }

    def summary(self, base_url: str) -> list[str]:
        counts = self.startup_info(base_url)["counts"]
        lines = [
            f"OL Connect Server mock listening on {base_url} (scenario: {self.source})",
            f"  REST root: {base_url}{self.rest_root}"
            f"  (token TTL {self.token_ttl} s, version {self.server_version})",
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


def _release(version: str) -> tuple[int, int] | None:
    """``"2021.1.0.1"`` -> ``(2021, 1)``; None when the text names no release (every feature served)."""
    match = _RELEASE.match(version)
    return (int(match.group(1)), int(match.group(2))) if match else None


def _wants_only_text(request: Request) -> bool:
    """An ``Accept`` header that names text/plain and neither JSON nor a wildcard (olc.job-sets-root)."""
    accept = request.headers.get("accept", "").lower()
    return "text/plain" in accept and "json" not in accept and "*/*" not in accept


def _multi_updates(body: Any) -> list[tuple[int, Properties]]:
    """JSON Schema counts 2001.0 as an integer, so IDs are normalised before they are looked up."""
    return [(int(item["id"]), properties_from(item["properties"])) for item in body]


def handlers(mock: OLConnectMock) -> dict[str, Handler]:
    """One handler per operationId of the spec; method, path and parameters come from the spec."""
    return {
        "getAuthenticationHandshake": mock.handshake("AuthenticationRestService"),
        "getAuthenticationVersion": mock.version,
        "login": mock.login,
        "getJobEntityHandshake": mock.handshake("JobEntityRestService"),
        "getJobEntityVersion": mock.version,
        "updateMultipleJobProperties": mock.update_multiple_job_properties,
        "getJobSegmentIds": mock.job_segment_ids,
        "getJobContents": mock.job_contents,
        "getJobMetadata": mock.job_metadata,
        "updateJobMetadata": mock.update_job_metadata,
        "getJobProperties": mock.job_properties,
        "updateJobProperties": mock.update_job_properties,
        "getJobSegmentEntityHandshake": mock.handshake("JobSegmentEntityRestService"),
        "getJobSegmentEntityVersion": mock.version,
        "getDocumentSetIds": mock.document_set_ids,
        "getJobSegmentMetadata": mock.segment_metadata,
        "updateJobSegmentMetadata": mock.update_segment_metadata,
        "getJobSetStatistics": mock.job_set_statistics,
        "getJobSetIds": mock.job_set_ids,
        "getJobIds": mock.job_ids,
        "deleteJobSet": mock.delete_job_set,
        "getJobSetMetadata": mock.job_set_metadata,
        "updateJobSetMetadata": mock.update_job_set_metadata,
        "getJobSetProperties": mock.job_set_properties,
        "updateJobSetProperties": mock.update_job_set_properties,
        "getDocumentIds": mock.document_ids,
        "getDocumentSetMetadata": mock.document_set_metadata,
        "updateDocumentSetMetadata": mock.update_document_set_metadata,
        "getDocumentMetadata": mock.document_metadata,
        "updateDocumentMetadata": mock.update_document_metadata,
        **DataSetService(mock).handlers(),
        **WorkflowHandlers(mock).table(),
    }


def routes(mock: OLConnectMock) -> list[SpecRoute]:
    """The spec's routes; every entity operation's 400/404 body follows ``olc.entity-error-body``."""
    entity = f"{mock.rest_root}/entity/"
    wrapped = {
        name: mock.entity_errors(handler) if mock.model.operations[name].path.startswith(entity) else handler
        for name, handler in handlers(mock).items()
    }
    return spec_routes(mock.model, wrapped, READING_RULES)


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
        routes(mock),
        render_error=mock.render_error,
        control=control,
        options=options,
        scenario_faults=mock.scenario_faults,
    )
    return MockServer(API, asgi, faults, mock.startup_info, mock.summary, extra={"mock": mock})
