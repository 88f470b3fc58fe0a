"""HTTP handlers of the AvePoint job endpoints besides Google Workspace (issue 22).

Each endpoint answers in its own service's envelope and pages in its own style (DECISIONS
AVE-41..54): the Microsoft 365 and Salesforce lists name the next page inside ``metadata`` / ``data``,
IaaS + PaaS hands out a token sent back as ``skiptoken``, Dynamics 365 counts pages from 1 and links relative
to the service, AOS scans page with ``top``/``skip``. A restore creates a Microsoft 365 job that the job list
and job details then show, and three running restores make the next one answer 429 (AVE-47, AVE-48).

Scopes come from each operation's ``security`` in the spec, so the mock and the spec cannot disagree on them.
"""

from __future__ import annotations

import base64
import binascii
import functools
import io
import itertools
import json
import threading
import time
import zipfile
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import UTC, datetime
from typing import Any, Protocol
from urllib.parse import quote

from starlette.requests import Request
from starlette.responses import Response

from mock_servers.avepoint import service_jobs as seeds
from mock_servers.avepoint.service_jobs import M365Job, PlainJob, parse_bound
from mock_servers.core.bodies import SchemaCheck
from mock_servers.core.http import ApiError, json_response, parse_json_bytes
from mock_servers.core.parameters import Arguments
from mock_servers.core.variants import VariantState
from spec_model import SpecModel

MAX_RUNNING_RESTORES = 3  # AVE-48
RESTORE_SECONDS = 2.0  # how long a restore job runs unless the scenario says otherwise (AVE-47)
MAX_RESTORE_PATHS = 20  # AVE-47
MAX_RESTORE_JOBS = 500  # the oldest finished restore jobs are forgotten beyond this
INT32_MAX = 2**31 - 1
ZIP_TYPES = {"zip": "application/zip", "octet-stream": "application/octet-stream"}  # ave.insights-file-type
TOTAL_NAMES = {"total-number": "totalNumber", "total-count": "totalCount"}  # ave.m365-total-name
VM_LINK_NAMES = {"camel-case": "nextLink", "lower-case": "nextlink"}  # ave.vm-next-link-name


class Host(Protocol):
    """What the handlers need from the AvePoint mock that owns them."""

    variants: VariantState

    def authorize(self, request: Request, scope: str) -> None: ...

    def request_id(self) -> str: ...


def operation_scope(model: SpecModel, operation_id: str) -> str:
    """The one scope the operation's ``security`` names (AVE-55)."""
    security = model.operation(operation_id).security or model.security
    return str(security[0]["oauth2"][0])


def request_url(request: Request, params: Mapping[str, str], path: str | None = None) -> str:
    """An absolute URL on the request's own host with ``params`` as its query."""
    scope = request.scope
    host = request.headers.get("host")
    if not host:
        server_host, server_port = scope.get("server") or ("127.0.0.1", 80)
        host = f"{server_host}:{server_port}"
    query = "&".join(f"{name}={quote(str(value), safe='')}" for name, value in params.items())
    return (
        f"{scope.get('scheme', 'http')}://{host}{scope.get('root_path', '')}{path or scope['path']}?{query}"
    )


def _present(args: Arguments, names: Iterable[str]) -> dict[str, str]:
    """The query parameters the request sent, by their spec names (kept in the next-page link)."""
    return {name: raw for name in names if (raw := args.raw(name)) is not None}


def _window(args: Arguments) -> tuple[float | None, float | None]:
    bounds: list[float | None] = []
    for name, end in (("startTime", False), ("finishTime", True)):
        raw = args.value(name)
        if raw is None:
            bounds.append(None)
            continue
        moment = parse_bound(str(raw), end=end)
        if moment is None:
            raise ApiError(
                400, f"Invalid value for parameter {name}: {raw!r} is not a date or date-time.", name
            )
        bounds.append(moment)
    return bounds[0], bounds[1]


def _in_window(start: float, window: tuple[float | None, float | None]) -> bool:
    low, high = window
    return (low is None or start >= low) and (high is None or start <= high)


class ServiceEndpoints:
    """State and handlers of the issue-22 endpoints of one AvePoint mock server."""

    def __init__(self, host: Host, model: SpecModel, settings: Mapping[str, Any]) -> None:
        self.host = host
        self.model = model
        self.restore_seconds = float(settings.get("restore_seconds", RESTORE_SECONDS))
        self.scopes = {name: operation_scope(model, name) for name in self.handlers()}
        self.restore_body = SchemaCheck.for_body(model, "startM365Restore")
        self._lock = threading.Lock()
        self._restore_ids = itertools.count(1)
        self.reset()

    def reset(self) -> None:
        """Forget restore jobs; the seeded jobs of every service come back unchanged."""
        self.m365 = seeds.seed_m365()
        self.restores: list[M365Job] = []
        self.salesforce = seeds.seed_salesforce()
        self.vm = seeds.seed_vm()
        self.dynamics = seeds.seed_dynamics()
        self.scans = seeds.seed_scans()

    def handlers(self) -> dict[str, Callable[[Request, Arguments], Any]]:
        return {
            "listM365Jobs": self.list_m365_jobs,
            "getM365Job": self.get_m365_job,
            "startM365Restore": self.start_m365_restore,
            "listSalesforceJobs": self.list_salesforce_jobs,
            "listVmJobs": self.list_vm_jobs,
            "listDynamicsJobs": self.list_dynamics_jobs,
            "listScanJobs": self.list_scan_jobs,
            "getInsightsExportStatus": self.get_insights_status,
            "getInsightsExportFile": self.get_insights_file,
        }

    # -- shared pieces

    def _enter(self, request: Request, operation_id: str) -> dict[str, str]:
        self.host.authorize(request, self.scopes[operation_id])
        return {"request-id": self.host.request_id()}

    def _page_numbers(self, args: Arguments, index_name: str, first: int) -> tuple[int, int]:
        """``(index, size)`` under ``ave.page-bounds`` (AVE-09): below ``first`` or a size below 1 is a 400,
        and with ``int32`` so is a value above 2^31-1."""
        index, size = int(args.value(index_name)), int(args.value("pageSize"))
        int32 = self.host.variants.is_("ave.page-bounds", "int32")
        for name, value, low in ((index_name, index, first), ("pageSize", size, 1)):
            if value < low or (int32 and value > INT32_MAX):
                raise ApiError(400, f"Invalid value for parameter {name}: {value}.", name)
        return index, size

    def _envelope(self, headers: Mapping[str, str], **members: Any) -> dict[str, Any]:
        return {
            "statusCode": 200,
            "message": "",
            **members,
            "requestId": headers["request-id"],
            "timestamp": time.strftime("%Y-%m-%dT%H:%M:%S.0000000Z", time.gmtime()),
            "traceId": f"00-{self.host.request_id().encode().hex()[:32]:0<32}-00f067aa0ba902b7-00",
        }

    def _next_link(self, request: Request, params: dict[str, str], index_name: str, index: int) -> str:
        """The Microsoft 365 / Salesforce next page: a URL, or an opaque token (``ave.m365-next-link``)."""
        url = request_url(request, {**params, index_name: str(index + 1)})
        if self.host.variants.is_("ave.m365-next-link", "opaque"):
            return base64.urlsafe_b64encode(url.partition("?")[2].encode()).decode()
        return url

    # -- Microsoft 365

    def _m365_visible(self, now: float) -> list[M365Job]:
        with self._lock:
            created = [job for job in self.restores if job.visible_at <= now]
        return sorted([*self.m365, *created], key=lambda job: (job.start, job.job_id), reverse=True)

    async def list_m365_jobs(self, request: Request, args: Arguments) -> Response:
        headers = self._enter(request, "listM365Jobs")
        window = _window(args)
        job_type, object_type, state = (args.value(n) or 0 for n in ("jobType", "objectType", "jobState"))
        args.value("location")
        index, size = self._page_numbers(args, "pageIndex", 0)
        now = time.time()
        jobs = [
            job
            for job in self._m365_visible(now)
            if job_type in (0, job.job_type)
            and object_type in (0, job.object_type)
            and state in (0, job.state_at(now))
            and _in_window(job.start.timestamp(), window)
        ]
        page = jobs[index * size : index * size + size]
        more = index * size + size < len(jobs)
        names = ("startTime", "finishTime", "jobType", "objectType", "jobState", "location", "pageSize")
        detail_names = self.host.variants.value("ave.m365-detail-names")
        total_name = TOTAL_NAMES[self.host.variants.value("ave.m365-total-name")]
        metadata = {
            total_name: len(jobs),
            "nextLink": self._next_link(request, _present(args, names), "pageIndex", index) if more else "",
        }
        data = [job.to_json(now, detail_names) for job in page]
        return json_response(self._envelope(headers, data=data, metadata=metadata), headers=headers)

    async def get_m365_job(self, request: Request, args: Arguments) -> Response:
        headers = self._enter(request, "getM365Job")
        job_id = str(args.value("jobId"))
        args.value("location")
        now = time.time()
        job = next((job for job in self._m365_visible(now) if job.job_id == job_id), None)
        if job is None:
            if self.host.variants.is_("ave.m365-unknown-job", "empty-200"):
                return json_response(self._envelope(headers, errors=[], data=None), headers=headers)
            raise ApiError(404, f"No job has the ID {job_id}.", "jobId")
        data = job.to_json(now, self.host.variants.value("ave.m365-detail-names"))
        return json_response(self._envelope(headers, errors=[], data=data), headers=headers)

    def _restore_error(self, headers: Mapping[str, str], status: int, message: str, **extra: Any) -> Response:
        body = self._envelope(headers, **extra)
        body.update(statusCode=status, message=message)
        return json_response(body, status, headers=headers)

    async def start_m365_restore(self, request: Request, args: Arguments) -> Response:
        headers = self._enter(request, "startM365Restore")
        args.value("location")
        problem = await self._restore_problem(request)
        if problem is not None:
            field, text = problem
            error = {"code": "InvalidParameter", "field": field, "message": text}
            return self._restore_error(headers, 400, "Bad Request", errors=[error])
        document = json.loads(await request.body())
        now = time.time()
        with self._lock:
            running = [job for job in self.restores if job.state_at(now) == 1]
            if len(running) >= MAX_RUNNING_RESTORES:
                message = (
                    f"There are already {len(running)} restore jobs running; no new restore job was started."
                )
                return self._restore_error(headers, 429, message)
            job = self._new_restore(document, now)
        return json_response(self._envelope(headers, errors=[], data={"jobId": job.job_id}), headers=headers)

    def _new_restore(self, document: Mapping[str, Any], now: float) -> M365Job:
        """Record a running restore job (called under the lock)."""
        start = datetime.fromtimestamp(now, UTC)
        number = next(self._restore_ids)
        delayed = self.host.variants.is_("ave.restore-listing", "delayed")
        job = M365Job(
            job_id=f"RS{start:%Y%m%d%H%M%S}{number:06d}",
            job_type=2,
            object_type=seeds.RESTORE_OBJECT_TYPES[int(document["serviceType"])],
            state=1,
            start=start,
            finish=None,
            counts=(0, 0, 0, 0),
            running_until=now + self.restore_seconds,
            visible_at=now + 1.0 if delayed else 0.0,
        )
        self.restores.append(job)
        if len(self.restores) > MAX_RESTORE_JOBS:
            self.restores = [j for j in self.restores if j.state_at(now) == 1][-MAX_RESTORE_JOBS:]
        return job

    async def _restore_problem(self, request: Request) -> tuple[str, str] | None:
        """``(field, message)`` of the first broken body rule (AVE-47), None for a valid body."""
        raw = await request.body()
        try:
            document = parse_json_bytes(raw) if raw.strip() else None
        except ApiError as exc:
            return "body", exc.message
        if document is None:
            return "body", "The request body must be a JSON object."
        service = document.get("serviceType") if isinstance(document, dict) else None
        if isinstance(service, int) and service in seeds.RESTORE_OBJECT_TYPES:
            needed = "oneDriveRestoreScope" if document["serviceType"] == 2 else "siteRestoreScope"
            if not isinstance(document.get(needed), dict):
                return needed, f"{needed} must be given for serviceType {document['serviceType']}."
        try:
            self.restore_body(document)
        except ApiError as exc:
            where = (exc.parameter or "").strip("/").replace("/", ".")
            return where or "body", exc.message
        scope_name = "oneDriveRestoreScope" if document["serviceType"] == 2 else "siteRestoreScope"
        paths = [
            str(item["relativePath"]).strip("/")
            for target in document[scope_name]["restoreTargets"]
            for kind in ("files", "folders")
            for item in target.get(kind, [])
        ]
        if len(paths) > MAX_RESTORE_PATHS:
            return scope_name, f"At most {MAX_RESTORE_PATHS} file and folder paths may be restored at once."
        if any(not path for path in paths):
            return scope_name, "A relative path must not be empty or only slashes."
        if _has_parent_pair(paths):
            return scope_name, "A path and its parent folder may not be restored in the same request."
        return None

    # -- Salesforce

    async def list_salesforce_jobs(self, request: Request, args: Arguments) -> Response:
        headers = self._enter(request, "listSalesforceJobs")
        window = _window(args)
        wanted = {name: args.value(name) for name in ("type", "status", "level", "organizationId")}
        index, size = self._page_numbers(args, "pageIndex", 0)
        jobs = [
            job
            for job in _newest_first(self.salesforce)
            if all(value in (None, 0, job.keys[name]) for name, value in wanted.items())
            and _in_window(job.start.timestamp(), window)
        ]
        page = jobs[index * size : index * size + size]
        more = index * size + size < len(jobs)
        names = ("startTime", "finishTime", "type", "status", "level", "organizationId", "pageSize")
        status_name = self.host.variants.value("ave.sf-status-name")
        data = {
            "totalCount": len(jobs),
            "nextLink": self._next_link(request, _present(args, names), "pageIndex", index) if more else "",
            "jobs": [{**job.body, status_name: job.keys["status"]} for job in page],
        }
        return json_response(self._envelope(headers, data=data), headers=headers)

    # -- IaaS + PaaS

    async def list_vm_jobs(self, request: Request, args: Arguments) -> Response:
        headers = self._enter(request, "listVmJobs")
        window = _window(args)
        text = str(args.value("searchText") or "").lower()
        service, job_type = args.value("serviceType"), args.value("jobType")
        index, size = self._page_numbers(args, "pageNumber", 0)
        token = args.value("skiptoken")
        if token:
            index = _read_skiptoken(str(token))
        jobs = [
            job
            for job in _newest_first(self.vm)
            if text in job.job_id.lower()
            and service in (None, job.keys["serviceType"])
            and job_type in (None, job.keys["jobType"])
            and _in_window(job.start.timestamp(), window)
        ]
        page = jobs[index * size : index * size + size]
        body: dict[str, Any] = {"totalCount": len(jobs), "jobs": [job.body for job in page]}
        if index * size + size < len(jobs):
            name = VM_LINK_NAMES[self.host.variants.value("ave.vm-next-link-name")]
            body[name] = (
                base64.urlsafe_b64encode(json.dumps({"page": index + 1}).encode()).decode().rstrip("=")
            )
        return json_response(body, headers=headers)

    # -- Dynamics 365

    async def list_dynamics_jobs(self, request: Request, args: Arguments) -> Response:
        headers = self._enter(request, "listDynamicsJobs")
        window = _window(args)
        job_type, status, organization = (args.value(n) for n in ("type", "status", "organizationId"))
        index, size = self._page_numbers(args, "pageIndex", 1)
        jobs = [
            job
            for job in _newest_first(self.dynamics)
            if job_type in (0, job.keys["type"])
            and status in (None, job.keys["status"])
            and organization in (None, job.keys["organizationId"])
            and _in_window(job.start.timestamp(), window)
        ]
        offset = (index - 1) * size
        page = jobs[offset : offset + size]
        body: dict[str, Any] = {"totalCount": len(jobs), "pageIndex": index, "pageSize": size}
        if offset + size < len(jobs):
            names = ("type", "startTime", "finishTime", "status", "organizationId")
            params = {"pageIndex": str(index + 1), "pageSize": str(size), **_present(args, names)}
            url = request_url(request, params)
            if self.host.variants.is_("ave.d365-next-link", "relative"):
                url = "/jobs?" + url.partition("?")[2]  # the sample's form, without /dynamicsbackup (AVE-52)
            body["nextLink"] = url
        body["jobs"] = [job.body for job in page]
        return json_response(body, headers=headers)

    # -- AOS scans

    async def list_scan_jobs(self, request: Request, args: Arguments) -> Response:
        headers = self._enter(request, "listScanJobs")
        top, skip = int(args.value("top")), int(args.value("skip"))
        int32 = self.host.variants.is_("ave.page-bounds", "int32")
        if skip < 0 or (int32 and skip > INT32_MAX):
            raise ApiError(400, f"Invalid value for parameter skip: {skip}.", "skip")
        args.value("orderby")
        newest_first = args.value("sortorder") != 0
        search = str(args.value("search") or "").lower()
        jobs = sorted(self.scans, key=lambda job: (job.start, job.job_id), reverse=newest_first)
        jobs = [job for job in jobs if search in job.job_id.lower()]
        pages = self.host.variants.is_("ave.aos-skip-unit", "pages")
        offset = skip * top if pages else skip
        chunk = jobs[offset : offset + top]
        body: dict[str, Any] = {"jobs": [job.body for job in chunk], "totalCount": len(jobs)}
        if offset + top < len(jobs):
            params = _present(args, ("orderby", "sortorder", "search"))
            body["nextLink"] = request_url(
                request, {"top": str(top), "skip": str(skip + (1 if pages else top)), **params}
            )
        return json_response(body, headers=headers)

    # -- Insights exports

    def _insights_status(self, args: Arguments) -> int:
        job_id = int(args.value("jobId"))
        status = seeds.INSIGHTS_JOBS.get(job_id)
        if status is None:
            code = 400 if self.host.variants.is_("ave.insights-unknown-job", "400") else 404
            raise ApiError(code, f"No export job has the ID {job_id}.", "jobId")
        return status

    async def get_insights_status(self, request: Request, args: Arguments) -> Response:
        headers = self._enter(request, "getInsightsExportStatus")
        status = self._insights_status(args)
        return json_response({"jobStatus": status, "status": 200, "message": ""}, headers=headers)

    async def get_insights_file(self, request: Request, args: Arguments) -> Response:
        headers = self._enter(request, "getInsightsExportFile")
        if self._insights_status(args) != 2:
            raise ApiError(404, "The export job has no report: it has not finished.", "jobId")
        media_type = ZIP_TYPES[self.host.variants.value("ave.insights-file-type")]
        return Response(report_zip(), media_type=media_type, headers=headers)


def _newest_first(jobs: Sequence[PlainJob]) -> list[PlainJob]:
    return sorted(jobs, key=lambda job: (job.start, job.job_id), reverse=True)


def _read_skiptoken(token: str) -> int:
    try:
        page = json.loads(base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)))["page"]
    except (ValueError, KeyError, TypeError, binascii.Error):
        raise ApiError(400, "Invalid value for parameter skiptoken.", "skiptoken") from None
    if not isinstance(page, int) or page < 0:
        raise ApiError(400, "Invalid value for parameter skiptoken.", "skiptoken")
    return page


def _has_parent_pair(paths: Sequence[str]) -> bool:
    """Whether one path lies inside another of the list (the same path twice counts too)."""
    lowered = [path.lower() for path in paths]
    return any(
        i != j and (a == b or b.startswith(a + "/"))
        for i, a in enumerate(lowered)
        for j, b in enumerate(lowered)
    )


@functools.cache
def report_zip() -> bytes:
    """A small ZIP holding one workbook-named member, as the page describes the report (built once)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("report.xlsx", b"mock report: the real file is an XLSX workbook")
    return buffer.getvalue()
