"""Test-only reverse proxy that puts ONE deliberate spec deviation in front of a conforming mock server.

The contract suite must fail, naming the right rule, for each deviation and pass with none. Wrapping the
mock from outside keeps the mock itself free of test switches. Run as a script:

    python tests/contract/deviation_proxy.py --upstream http://127.0.0.1:PORT --deviation NAME [--port 0]

The first stdout line is ``{"base_url": ...}`` (same convention as the mocks). The upstream's base URL is
rewritten to the proxy's in every response body, so absolute ``nextLink`` URLs keep pointing at the proxy.
"""

from __future__ import annotations

import argparse
import base64
import json
import os
import re
import socket
import sys
from collections.abc import Callable
from typing import Any
from urllib.parse import parse_qsl, urlencode

import httpx
import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

import spec_model
from spec_model import path_regex

HOP_HEADERS = {"host", "content-length", "connection", "transfer-encoding", "content-encoding", "keep-alive"}
OLC_MODEL = spec_model.spec("olconnect")
OLC = "/rest/serverengine"
JOBS = spec_model.spec("avepoint").operation("listJobs").path
TOKEN = spec_model.spec("avepoint").operation("requestToken").path
LOGIN = OLC_MODEL.operation("login").path


class Exchange:
    """One proxied request/response, mutable by a deviation before and after forwarding."""

    def __init__(
        self, method: str, path: str, query: list[tuple[str, str]], headers: dict[str, str], body: bytes
    ):
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers
        self.body = body
        self.status = 0
        self.response_headers: dict[str, str] = {}
        self.response_body = b""
        # A deviation may answer without forwarding by setting `status` before the call.

    def json(self) -> Any:
        return json.loads(self.response_body)

    def set_json(self, value: Any) -> None:
        self.response_body = json.dumps(value).encode()


Before = Callable[[Exchange], None]
After = Callable[[Exchange], None]


# --- the deviations --------------------------------------------------------------------------------------


def _calls(ex: Exchange, operation_id: str) -> re.Match[str] | None:
    """Whether ``ex`` is a request to the OL Connect operation with integer IDs (the match holds them)."""
    operation = OLC_MODEL.operation(operation_id)
    return path_regex(operation.path, r"\d+").fullmatch(ex.path) if ex.method == operation.method else None


def _is_jobs_list(ex: Exchange) -> bool:
    return ex.method == "GET" and ex.path.rstrip("/") == JOBS and ex.status == 200


def required_field_missing(ex: Exchange) -> None:
    """AvePoint listJobs: every job loses the required `operator` field."""
    if _is_jobs_list(ex):
        page = ex.json()
        for job in page.get("jobs", []):
            job.pop("operator", None)
        ex.set_json(page)


def wrong_type(ex: Exchange) -> None:
    """OL Connect getJobSegmentIds: the integer identifiers become strings."""
    if _calls(ex, "getJobSegmentIds") and ex.status == 200:
        body = ex.json()
        body["identifiers"] = [str(value) for value in body.get("identifiers", [])]
        ex.set_json(body)


def undocumented_status(ex: Exchange) -> None:
    """OL Connect getJobContents: 202 instead of 200 (202 is not documented)."""
    if _calls(ex, "getJobContents") and ex.status == 200:
        ex.status = 202


def unauthorized_without_challenge(ex: Exchange) -> None:
    """OL Connect: 401 answers lose their WWW-Authenticate header."""
    if ex.status == 401:
        ex.response_headers = {
            k: v for k, v in ex.response_headers.items() if k.lower() != "www-authenticate"
        }


def wrong_content_type(ex: Exchange) -> None:
    """OL Connect getJobMetadata: the JSON body is labelled text/plain."""
    if _calls(ex, "getJobMetadata") and ex.status == 200:
        ex.response_headers["content-type"] = "text/plain; charset=utf-8"


def login_wrong_content_type(ex: Exchange) -> None:
    """OL Connect login: the token is labelled application/json (the page says text/plain, OLC-17)."""
    if ex.method == "POST" and ex.path.rstrip("/") == LOGIN and ex.status == 200:
        ex.response_headers["content-type"] = "application/json"


def renamed_field(ex: Exchange) -> None:
    """OL Connect getJobSegmentIds: the `identifiers` member is renamed `ids`."""
    if _calls(ex, "getJobSegmentIds") and ex.status == 200:
        body = ex.json()
        body["ids"] = body.pop("identifiers", [])
        ex.set_json(body)


def next_link_loops(ex: Exchange) -> None:
    """AvePoint listJobs: every page request is answered with the first page, so following nextLink (an
    absolute URL, or an opaque token with the client's pageIndex + 1 fallback) never gets further."""
    if ex.method == "GET" and ex.path.rstrip("/") == JOBS:
        ex.query = [(key, value) for key, value in ex.query if key.lower() != "pageindex"]


def filter_ignored(ex: Exchange) -> None:
    """AvePoint listJobs: the jobType filter is dropped before the server sees it."""
    if ex.method == "GET" and ex.path.rstrip("/") == JOBS:
        ex.query = [(key, value) for key, value in ex.query if key.lower() != "jobtype"]


def put_not_persisted(ex: Exchange) -> None:
    """OL Connect updateJobMetadata: a valid update is answered `true` but never reaches the server."""
    match = _calls(ex, "updateJobMetadata")
    if match is None:
        return
    try:
        body = json.loads(ex.body)
    except ValueError:
        return
    if (
        isinstance(body, dict)
        and body.get("id") == int(match.group(1))
        and isinstance(body.get("properties"), list)
    ):
        ex.status, ex.response_headers, ex.response_body = 200, {"content-type": "text/plain"}, b"true"


def statistics_miss_a_document(ex: Exchange) -> None:
    """OL Connect getJobSetStatistics: the last document of a job set is left out of its statistics."""
    if _calls(ex, "getJobSetStatistics") and ex.status == 200:
        body = ex.json()
        if body.get("documents"):
            body["documents"] = body["documents"][:-1]
            ex.set_json(body)


def job_set_missing_from_list(ex: Exchange) -> None:
    """OL Connect getJobSetIds: the first job set is left out of the list of all job sets."""
    if _calls(ex, "getJobSetIds") and ex.status == 200:
        body = ex.json()
        body["identifiers"] = body.get("identifiers", [])[1:]
        ex.set_json(body)


def delete_not_carried_out(ex: Exchange) -> None:
    """OL Connect deleteJobSet: the deletion is answered `true` but never reaches the server."""
    if _calls(ex, "deleteJobSet"):
        ex.status, ex.response_headers, ex.response_body = 200, {"content-type": "text/plain"}, b"true"


def data_set_delete_not_carried_out(ex: Exchange) -> None:
    """OL Connect deleteDataSet: the deletion is answered `true` but never reaches the server."""
    if _calls(ex, "deleteDataSet"):
        ex.status, ex.response_headers, ex.response_body = 200, {"content-type": "text/plain"}, b"true"


def data_set_missing_from_list(ex: Exchange) -> None:
    """OL Connect getDataSetIds: the first data set is left out of the list of all data sets."""
    if _calls(ex, "getDataSetIds") and ex.status == 200:
        body = ex.json()
        body["identifiers"] = body.get("identifiers", [])[1:]
        ex.set_json(body)


def record_in_every_data_set(ex: Exchange) -> None:
    """OL Connect getDataRecordIds: every data set also lists the same foreign record, so one record seems
    to belong to several data sets."""
    if _calls(ex, "getDataRecordIds") and ex.status == 200:
        body = ex.json()
        body["identifiers"] = [*body.get("identifiers", []), 999_999_999]
        ex.set_json(body)


def server_error_on_malformed_id(ex: Exchange) -> None:
    """OL Connect: a path ID that is not an integer crashes with an undocumented 500."""
    if ex.path in LITERAL_PATHS:  # /entity/jobs/version is an operation of its own, not a malformed jobId
        return
    matches = (pattern.fullmatch(ex.path) for pattern in ID_PATTERNS)
    match = next((found for found in matches if found is not None), None)
    if match is None or all(value.isdigit() for value in match.groups()):
        return
    ex.status = 500
    ex.response_headers = {"content-type": "application/json"}
    ex.set_json({"error": {"status": 500, "message": "java.lang.NumberFormatException"}})


ID_PATTERNS = [path_regex(op.path) for op in OLC_MODEL.operations.values() if op.parameters_in("path")]
LITERAL_PATHS = {op.path for op in OLC_MODEL.operations.values() if not op.parameters_in("path")}


def token_for_wrong_secret(ex: Exchange) -> None:
    """AvePoint token endpoint: any client secret gets a token (the proxy sends the right one upstream)."""
    if ex.method != "POST" or not ex.path.rstrip("/").endswith(TOKEN):
        return
    form = parse_qsl(ex.body.decode("utf-8", errors="replace"), keep_blank_values=True)
    secret = os.environ["DEVIATION_CLIENT_SECRET"]
    ex.body = urlencode([(k, secret if k == "client_secret" else v) for k, v in form]).encode()


def new_version_without_token_expiry(ex: Exchange) -> None:
    """OL Connect: the server reports release 2025.2 but its login sends no Token-Expires-In (OLC-03)."""
    if ex.status != 200 or not ex.path.startswith(OLC):
        return
    if ex.path.endswith("/version"):
        ex.response_body = b"2025.2.0.1"
    elif ex.path.endswith(LOGIN):
        ex.response_headers = {
            k: v for k, v in ex.response_headers.items() if k.lower() != "token-expires-in"
        }


def auth_ignored(token: str) -> Before:
    """AvePoint listJobs: the proxy swaps in a valid token, so missing or bad tokens are never rejected."""

    def before(ex: Exchange) -> None:
        if ex.path.rstrip("/") == JOBS:
            ex.headers = {k: v for k, v in ex.headers.items() if k.lower() != "authorization"}
            ex.headers["Authorization"] = f"Bearer {token}"

    return before


# --- deviations that prove the promises of issue 20 (one broken promise each) ---------------------------


def token_outlives_expiry(ex: Exchange) -> None:
    """Both APIs: the login / token answer states a 1-second lifetime, but the token keeps working."""
    if ex.status != 200:
        return
    if ex.path.endswith(LOGIN):
        ex.response_headers = {
            k: v for k, v in ex.response_headers.items() if k.lower() != "token-expires-in"
        }
        ex.response_headers["Token-Expires-In"] = "1"
    elif ex.method == "POST" and ex.path.rstrip("/").endswith(TOKEN):
        body = ex.json()
        body["expires_in"] = 1
        ex.set_json(body)


def token_type_not_bearer(ex: Exchange) -> None:
    """AvePoint token endpoint: valid client credentials get a token whose type is not Bearer (AVE-13)."""
    if ex.status != 200 or ex.method != "POST" or not ex.path.rstrip("/").endswith(TOKEN):
        return
    body = ex.json()
    body["token_type"] = "mac"
    ex.set_json(body)


def _basic(credentials: str) -> str:
    return "Basic " + base64.b64encode(credentials.encode()).decode()


def read_only_user_writes(ex: Exchange) -> None:
    """OL Connect: a write by the read-only user is sent upstream as the writer (the role is ignored)."""
    reader, writer = os.environ["DEVIATION_READER"], os.environ["DEVIATION_WRITER"]
    if ex.method == "PUT" and ex.headers.get("authorization") == _basic(reader):
        ex.headers["authorization"] = _basic(writer)


def wrong_password_accepted(ex: Exchange) -> None:
    """OL Connect: any Basic credentials are sent upstream as the writer's (missing ones still get 401)."""
    if ex.path.startswith(OLC) and ex.headers.get("authorization", "").startswith("Basic "):
        ex.headers["authorization"] = _basic(os.environ["DEVIATION_WRITER"])


def partial_security(ex: Exchange) -> None:
    """OL Connect: the Authentication handshake answers without credentials, every other operation does not
    (security is one server setting, OLC-22: on or off everywhere)."""
    handshake = OLC_MODEL.operation("getAuthenticationHandshake").path
    if ex.method == "GET" and ex.path == handshake and not ex.headers.get("authorization"):
        ex.headers["authorization"] = _basic(os.environ["DEVIATION_WRITER"])


def mismatch_accepted(ex: Exchange) -> None:
    """OL Connect single PUTs: a body ID that differs from the path is corrected, so the update succeeds."""
    for operation_id in ("updateJobMetadata", "updateJobProperties", "updateJobSegmentMetadata"):
        match = _calls(ex, operation_id)
        if match is None:
            continue
        try:
            body = json.loads(ex.body)
        except ValueError:
            return
        if isinstance(body, dict) and isinstance(body.get("id"), int):
            body["id"] = int(match.group(1))
            ex.body = json.dumps(body).encode()


def update_answers_false(ex: Exchange) -> None:
    """OL Connect updateJobMetadata: a successful update answers `false` instead of `true`."""
    if _calls(ex, "updateJobMetadata") and ex.status == 200 and ex.response_body.strip() == b"true":
        ex.response_body = b"false"


def multi_update_drops_last(ex: Exchange) -> None:
    """OL Connect multi-update: the last listed property of the last listed job is silently left out."""
    if ex.method != "PUT" or ex.path != OLC_MODEL.operation("updateMultipleJobProperties").path:
        return
    try:
        body = json.loads(ex.body)
    except ValueError:
        return
    last = body[-1] if isinstance(body, list) and body else None
    if isinstance(last, dict) and isinstance(last.get("properties"), list) and last["properties"]:
        last["properties"] = [{"name": "replaced-by-the-proxy", "value": "-"}, *last["properties"][:-1]]
        ex.body = json.dumps(body).encode()


def level_mode_ignored(ex: Exchange) -> None:
    """OL Connect statistics: levelMode never reaches the server (every request gets documentOnly)."""
    if _calls(ex, "getJobSetStatistics"):
        ex.query = [(key, value) for key, value in ex.query if key.lower() != "levelmode"]


def empty_level_mode_other_level(ex: Exchange) -> None:
    """OL Connect statistics: an empty levelMode is answered with the documentSetAll level, which neither
    reading of OLC-12 (400, or the default level as if omitted) allows."""
    if _calls(ex, "getJobSetStatistics") and ("levelMode", "") in ex.query:
        ex.query = [(k, "documentSetAll" if k == "levelMode" else v) for k, v in ex.query]


def unreachable_segment(ex: Exchange) -> None:
    """OL Connect getJobSegmentIds: the list names one segment that does not exist."""
    if _calls(ex, "getJobSegmentIds") and ex.status == 200:
        body = ex.json()
        body["identifiers"] = [*body.get("identifiers", []), 987_654_321]
        ex.set_json(body)


def unknown_id_answers_400(ex: Exchange) -> None:
    """OL Connect: an unknown job answers 400 (documented for malformed IDs only) instead of 404 or empty."""
    if _calls(ex, "getJobMetadata") and ex.status == 404:
        ex.status = 400


def time_window_ignored(ex: Exchange) -> None:
    """AvePoint listJobs: startTime and finishTime are dropped before the server sees them."""
    if ex.method == "GET" and ex.path.rstrip("/") == JOBS:
        ex.query = [(k, v) for k, v in ex.query if k.lower() not in {"starttime", "finishtime"}]


def page_too_long(ex: Exchange) -> None:
    """AvePoint listJobs: the server serves one job more than pageSize asks for."""
    if ex.method == "GET" and ex.path.rstrip("/") == JOBS:
        ex.query = [
            (k, str(int(v) + 1) if k.lower() == "pagesize" and v.isdigit() else v) for k, v in ex.query
        ]


def inverted_window_answers_jobs(ex: Exchange) -> None:
    """AvePoint listJobs: a window whose start is after its end is ignored (every job comes back), which
    neither documented reading (400, empty page) allows."""
    if ex.method != "GET" or ex.path.rstrip("/") != JOBS:
        return
    values = {k.lower(): v for k, v in ex.query}
    start, finish = values.get("starttime"), values.get("finishtime")
    if start and finish and start > finish:
        ex.query = [(k, v) for k, v in ex.query if k.lower() not in {"starttime", "finishtime"}]


# --- workflow services (OLC-50..58) ---


def _workflow_call(ex: Exchange, operation_id: str) -> bool:
    """Whether ``ex`` is a request to the workflow operation (its preset and operation IDs are text)."""
    operation = OLC_MODEL.operation(operation_id)
    return ex.method == operation.method and path_regex(operation.path).fullmatch(ex.path) is not None


def operation_id_missing(ex: Exchange) -> None:
    """OL Connect job creation: the 202 of a submit comes without its operationId header."""
    if _workflow_call(ex, "submitJobCreation") and ex.status == 202:
        ex.response_headers = {k: v for k, v in ex.response_headers.items() if k.lower() != "operationid"}


def job_set_not_listed(ex: Exchange) -> None:
    """OL Connect job creation: the result names a job set that no entity service knows."""
    if _workflow_call(ex, "getJobCreationResult") and ex.status == 200:
        ex.response_body = str(int(ex.response_body.decode().strip()) + 1_000_000).encode()


def unknown_operation_runs(ex: Exchange) -> None:
    """OL Connect: the progress of an unknown operation answers 200 `0` instead of 404."""
    for operation_id in ("getJobCreationProgress", "getOutputCreationProgress", "getAllInOneProgress"):
        if _workflow_call(ex, operation_id) and ex.status == 404:
            ex.status, ex.response_headers, ex.response_body = 200, {"content-type": "text/plain"}, b"0"


def cancel_ignored(ex: Exchange) -> None:
    """OL Connect job creation: a cancel is answered 204 but never reaches the server."""
    if _workflow_call(ex, "cancelJobCreation"):
        ex.status, ex.response_headers, ex.response_body = 204, {}, b""


# --- deviations of the issue-22 job endpoints ---------------------------------------------------------

AVE_MODEL = spec_model.spec("avepoint")
M365_JOBS = AVE_MODEL.operation("listM365Jobs").path
RESTORE = AVE_MODEL.operation("startM365Restore").path
VM_JOBS = AVE_MODEL.operation("listVmJobs").path


def m365_details_wrong_job(ex: Exchange) -> None:
    """AvePoint getM365Job: the details of any job hold another job's ID (AVE-45)."""
    if ex.method != "GET" or ex.status != 200 or not ex.path.startswith(M365_JOBS + "/"):
        return
    body = ex.json()
    if isinstance(body.get("data"), dict):
        body["data"]["id"] = "FB00000000000000000000"
        ex.set_json(body)


def restore_job_not_shown(ex: Exchange) -> None:
    """AvePoint startM365Restore: the answer names a job ID that details never know (AVE-47)."""
    if ex.method == "POST" and ex.path.rstrip("/") == RESTORE and ex.status == 200:
        body = ex.json()
        body["data"]["jobId"] = "RS000000000000000000"
        ex.set_json(body)


def vm_token_ignored(ex: Exchange) -> None:
    """AvePoint listVmJobs: the skiptoken is dropped, so every page is the first one again (AVE-51)."""
    if ex.method == "GET" and ex.path.rstrip("/") == VM_JOBS:
        ex.query = [(k, v) for k, v in ex.query if k.lower() != "skiptoken"]


AFTER: dict[str, After] = {
    "operation-id-missing": operation_id_missing,
    "job-set-not-listed": job_set_not_listed,
    "unknown-operation-runs": unknown_operation_runs,
    "m365-details-wrong-job": m365_details_wrong_job,
    "restore-job-not-shown": restore_job_not_shown,
    "required-field-missing": required_field_missing,
    "wrong-type": wrong_type,
    "undocumented-status": undocumented_status,
    "401-without-challenge": unauthorized_without_challenge,
    "wrong-content-type": wrong_content_type,
    "2025-2-without-token-expires-in": new_version_without_token_expiry,
    "login-wrong-content-type": login_wrong_content_type,
    "renamed-field": renamed_field,
    "statistics-miss-a-document": statistics_miss_a_document,
    "job-set-missing-from-list": job_set_missing_from_list,
    "token-outlives-expiry": token_outlives_expiry,
    "update-answers-false": update_answers_false,
    "unreachable-segment": unreachable_segment,
    "unknown-id-answers-400": unknown_id_answers_400,
    "token-type-not-bearer": token_type_not_bearer,
    "data-set-missing-from-list": data_set_missing_from_list,
    "record-in-every-data-set": record_in_every_data_set,
}
BEFORE: dict[str, Before] = {
    "cancel-ignored": cancel_ignored,
    "vm-token-ignored": vm_token_ignored,
    "filter-ignored": filter_ignored,
    "put-not-persisted": put_not_persisted,
    "server-error-on-malformed-id": server_error_on_malformed_id,
    "next-link-loops": next_link_loops,
    "token-for-wrong-secret": token_for_wrong_secret,
    "delete-not-carried-out": delete_not_carried_out,
    "data-set-delete-not-carried-out": data_set_delete_not_carried_out,
    "read-only-user-writes": read_only_user_writes,
    "wrong-password-accepted": wrong_password_accepted,
    "partial-security": partial_security,
    "mismatch-accepted": mismatch_accepted,
    "multi-update-drops-last": multi_update_drops_last,
    "level-mode-ignored": level_mode_ignored,
    "empty-level-mode-other-level": empty_level_mode_other_level,
    "time-window-ignored": time_window_ignored,
    "page-too-long": page_too_long,
    "inverted-window-answers-jobs": inverted_window_answers_jobs,
}
DEVIATIONS = ("none", *AFTER, *BEFORE, "auth-ignored")


# --- the proxy -------------------------------------------------------------------------------------------


def build_app(
    upstream: str, public: Callable[[], str], before: Before | None, after: After | None
) -> Starlette:
    client = httpx.AsyncClient(base_url=upstream, timeout=30)

    async def forward(request: Request) -> Response:
        ex = Exchange(
            request.method,
            request.url.path,
            list(request.query_params.multi_items()),
            {k: v for k, v in request.headers.items() if k.lower() not in HOP_HEADERS},
            await request.body(),
        )
        if before is not None:
            before(ex)
        if ex.status == 0:
            # Forward the path exactly as received (percent-encoding included): re-encoding a decoded path
            # would turn odd-but-valid input into a different request, or into a proxy crash.
            original = list(request.query_params.multi_items())
            query = (
                request.scope["query_string"] if ex.query == original else urlencode(ex.query).encode("ascii")
            )
            raw_path = request.scope["raw_path"] + (b"?" + query if query else b"")
            url = httpx.URL(upstream).copy_with(raw_path=raw_path)
            upstream_response = await client.request(
                ex.method, url, headers=ex.headers, content=ex.body or None
            )
            ex.status = upstream_response.status_code
            ex.response_headers = {
                k: v for k, v in upstream_response.headers.items() if k.lower() not in HOP_HEADERS
            }
            ex.response_body = upstream_response.content.replace(upstream.encode(), public().encode())
        if after is not None:
            after(ex)
        return Response(ex.response_body, status_code=ex.status, headers=ex.response_headers)

    methods = ["GET", "PUT", "POST", "DELETE", "PATCH", "HEAD", "OPTIONS", "TRACE"]
    return Starlette(routes=[Route("/{path:path}", forward, methods=methods)])


def fetch_token(upstream: str) -> str:
    """A valid AvePoint token from the upstream mock (client credentials from the environment)."""
    response = httpx.post(
        upstream + TOKEN,
        data={
            "grant_type": "client_credentials",
            "client_id": os.environ["DEVIATION_CLIENT_ID"],
            "client_secret": os.environ["DEVIATION_CLIENT_SECRET"],
            "scope": os.environ.get("DEVIATION_SCOPE", "gsuite.graph.read.all"),
        },
    )
    response.raise_for_status()
    return str(response.json()["access_token"])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--upstream", required=True)
    parser.add_argument("--deviation", choices=DEVIATIONS, required=True)
    parser.add_argument("--port", type=int, default=0)
    args = parser.parse_args(argv)
    upstream = args.upstream.rstrip("/")
    # IPPROTO_TCP explicitly: asyncio only sets TCP_NODELAY on accepted sockets whose protocol says TCP;
    # without it every response waits ~40 ms for a delayed ACK.
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", args.port))
    sock.listen(512)
    base_url = f"http://127.0.0.1:{sock.getsockname()[1]}"
    before = BEFORE.get(args.deviation)
    if args.deviation == "auth-ignored":
        before = auth_ignored(fetch_token(upstream))
    app = build_app(upstream, lambda: base_url, before, AFTER.get(args.deviation))
    sys.stdout.write(json.dumps({"base_url": base_url, "deviation": args.deviation}) + "\n")
    sys.stdout.flush()
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", access_log=False, lifespan="off"))
    server.run(sockets=[sock])
    return 0


if __name__ == "__main__":
    sys.exit(main())
