"""Schemathesis hooks and custom checks that teach the generic engine what the specs cannot say.

* ID steering: random integers almost never name an existing job, so without help every positive case
  would end in a 404 and the success paths (200 bodies, headers) would go untested. A ``map_case`` hook
  swaps most valid path IDs for IDs known to exist (the mock's seeded IDs, or the OLCONNECT_*_ID variables),
  keeping a share of random ones so 404s stay covered. Which share is decided by the generated value
  itself, so a run is reproducible from its seed.
* Semantics-preserving fixes to positive cases, where a documented rule (DECISIONS.md) turns a
  schema-valid request into a 400 some documented reading gives: ``startTime`` after ``finishTime`` (AVE-07)
  and the same job twice in a multi-update (OLC-33); likewise a negative case never sends an empty
  ``levelMode``, which a server may read as omitted (OLC-12). Without them ``positive_data_acceptance`` and
  ``negative_data_rejection`` would blame the server for following one reading of the docs.
* Live-mode write safety: with writes allowed, every write is pinned to the configured entities (which
  the suite snapshots and restores), so fuzzing can never touch another job on a real server; a delete is
  pinned to the one job set the user declared disposable (OLC-42), and on the mock it never hits a seeded one.
* ``documented_server_error``: OLC-07 documents a 500 for a body/path ID mismatch on the single PUTs; the
  built-in ``not_a_server_error`` is told to accept that 500 on those operations, and this check makes
  sure a 500 there is *only* ever that case, with a JSON Error body or none (OLC-02 alternatives).
"""

from __future__ import annotations

import json
import threading
from datetime import UTC, datetime
from typing import Any

import httpx
import schemathesis
from schemathesis.generation import GenerationMode

import spec_model
from contract_tests import writes
from contract_tests.redaction import curl_for
from contract_tests.targets import ID_ATTRIBUTES, OLConnectTarget

# From the spec's x-write markers (writes.py): {single PUT: the path parameter its body id must match},
# and the writes whose body lists the jobs to change.
SINGLE_PUTS = writes.single_puts(spec_model.spec("olconnect"))
MULTI_UPDATES = writes.multi_updates(spec_model.spec("olconnect"))
OPERATION_STARTS = writes.operation_starts(spec_model.spec("olconnect"))
# {delete: the path parameter of the entity it removes}; a delete cannot be undone (OLC-42).
DELETES = writes.deletes(spec_model.spec("olconnect"))
ID_MISMATCH_STATUS = 500


def _operation_id(case: Any) -> str:
    return str(case.operation.definition.raw.get("operationId", ""))


def _is_positive(case: Any) -> bool:
    meta = getattr(case, "meta", None)
    return meta is None or meta.generation.mode == GenerationMode.POSITIVE


MAX_ID = 2**63 - 1  # EntityId is int64


def _valid_id(value: Any) -> bool:
    """An ID the spec accepts (JSON Schema counts 7.0 as an integer); anything else may be what a negative
    case negated, so it is left alone."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return False
    return float(value).is_integer() and 0 <= value <= MAX_ID


def _into_range(case: Any, value: Any) -> Any:
    """In a positive case, fold an integer ID outside 0..2^63-1 into that range.

    The pages give IDs no sign and no bound, so the spec allows any integer, but a server may answer a
    negative or oversized ID as malformed (400/404) or as an unknown ID (OLC-05, variants
    olc.negative-id and olc.malformed-id). Only IDs every reading accepts stay in positive cases, so
    ``positive_data_acceptance`` never blames a documented alternative; the semantic test
    ``test_malformed_path_id_answers_400`` judges the others.
    """
    if not _is_positive(case) or isinstance(value, bool) or not isinstance(value, int | float):
        return value
    if not float(value).is_integer() or 0 <= value <= MAX_ID:
        return value
    return abs(int(value)) % (MAX_ID + 1)


def _steer(value: float, known: tuple[int, ...], always: bool) -> float:
    """Swap a generated ID for a known one three times out of four (always, in live write mode)."""
    number = int(value)
    if not known or (not always and number % 4 == 3):
        return value
    return known[number % len(known)]


def olconnect_overrides() -> list[dict[str, Any]]:
    """Per-operation config: the single PUTs may answer the documented ID-mismatch 500 (OLC-07); Output
    Creation answers a body without the documented structure with its documented 500 (OLC-57), and an
    All-In-One step may fail with its documented 500."""
    documented_500 = {"not_a_server_error": {"expected-statuses": ["2xx", "3xx", "4xx", "500"]}}
    # A schema-valid submit naming a content set, job set, job or file the server lacks answers 404, or 400
    # as the vendor's client expects (OLC-55, variant olc.missing-input; All-In-One's page documents 400).
    missing_input = {"positive_data_acceptance": {"expected-statuses": ["2xx", "400", "401", "403", "404"]}}
    negative_500 = {"negative_data_rejection": {"expected-statuses": ["400", "401", "403", "404", "500"]}}
    workflow: list[dict[str, Any]] = [
        {"include-operation-id": "submitJobCreation", "checks": missing_input},
        {"include-operation-id": "submitAllInOne", "checks": {**documented_500, **missing_input}},
        *(
            {
                "include-operation-id": operation_id,
                "checks": {**documented_500, **missing_input, **negative_500},
            }
            for operation_id in ("submitOutputCreation", "submitOutputCreationByJobs")
        ),
    ]
    return workflow + [
        {
            "include-operation-id": operation_id,
            "checks": {
                "not_a_server_error": {"expected-statuses": ["2xx", "3xx", "4xx", str(ID_MISMATCH_STATUS)]}
            },
        }
        for operation_id in SINGLE_PUTS
    ]


DOT_SEGMENTS = (".", "..")
DOCUMENT_SET_LEVELS = {"documentsetonly", "documentsetall"}


def stay_in_operation(value: Any) -> Any:
    """A path parameter of "." or ".." is a dot segment: URL libraries remove it, and the request lands on
    another operation (``/entity/jobs/.`` becomes the handshake ``/entity/jobs/``). Such a value is made
    into a plain malformed ID that stays in its segment."""
    return f"{value}x" if isinstance(value, str) and value in DOT_SEGMENTS else value


def install_olconnect_hooks(
    schema: Any, target: OLConnectTarget, *, document_set_levels: bool = True
) -> None:
    """Register ID steering (and live write pinning) on ``schema``.

    ``document_set_levels``: False for a server release before 2024.2, which need not know the
    document-set ``levelMode`` values; positive cases then leave them out.
    """
    known = {name: target.known_ids(name) for name in ID_ATTRIBUTES}
    pin = target.live

    @schema.hook("map_case")  # type: ignore[untyped-decorator]
    def steer_ids(ctx: Any, case: Any) -> Any:
        params = case.path_parameters or {}
        for name in list(params):
            params[name] = _into_range(case, stay_in_operation(params[name]))
        operation_id = _operation_id(case)
        for name, ids in known.items():
            if name in params and _valid_id(params[name]):
                if operation_id in DELETES:
                    params[name] = _aim_delete(params[name], ids, target.disposable_id(name), target.live)
                else:
                    params[name] = _steer(params[name], ids, always=pin)
        query = case.query if isinstance(case.query, dict) else {}
        level = str(query.get("levelMode", "")).lower()
        if not document_set_levels and _is_positive(case) and level in DOCUMENT_SET_LEVELS:
            del query["levelMode"]
        if not _is_positive(case) and query.get("levelMode") == "":
            # Still negative, and every reading refuses it: an empty value may be read as omitted (OLC-12).
            query["levelMode"] = "x"
        body = case.body
        if operation_id in SINGLE_PUTS and isinstance(body, dict) and "id" in body:
            body["id"] = _into_range(case, body["id"])
        if operation_id in SINGLE_PUTS and isinstance(body, dict) and _valid_id(body.get("id")):
            path_id = params.get(SINGLE_PUTS[operation_id])
            # Keep one mismatch in five so the documented 500 stays exercised (never against a live server).
            if _valid_id(path_id) and (pin or int(body["id"]) % 5 != 0):
                body["id"] = path_id
        if operation_id in MULTI_UPDATES and isinstance(body, list):
            seen: set[float] = set()
            kept: list[Any] = []
            for item in body:
                if isinstance(item, dict) and "id" in item:
                    item["id"] = _into_range(case, item["id"])
                if isinstance(item, dict) and _valid_id(item.get("id")):
                    item["id"] = _steer(item["id"], target.job_ids, always=pin)
                    if _is_positive(case) and item["id"] in seen:
                        # The same job twice: no page says what happens (rejected as our mock does, or
                        # applied in order, OLC-33), so positive cases leave it out and blame neither.
                        continue
                    seen.add(item["id"])
                kept.append(item)
            # Against a real server `_steer` pinned every valid ID to the one configured (snapshotted) job;
            # invalid IDs cannot name a real job and stay, since they may be what a negative case tests.
            if kept:
                case.body = kept
        return case


def _aim_delete(value: float, known: tuple[int, ...], disposable: int | None, live: bool) -> float:
    """Where a generated delete may land (OLC-42, OLC-71): on a live server only the entity the user
    declared disposable (belt and braces: run_state leaves deletes out of a live engine run); on the mock
    never a seeded entity, since the semantic tests read them after the engine run (the delete's success
    path is a semantic test that resets the mock)."""
    if live:
        return disposable if disposable is not None else value
    return value + MAX_ID // 2 if int(value) in known else value


def _parse_time(value: Any) -> datetime | None:
    """A query time; one without an offset is UTC, as the AvePoint pages say all times are."""
    if not isinstance(value, str):
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return None
    return parsed if parsed.tzinfo is not None else parsed.replace(tzinfo=UTC)


INT32_MAX = 2**31 - 1
# AVE-09: the pages give the paging parameters no range; these are the values every reading takes.
PAGE_RANGES = {"pageIndex": (0, INT32_MAX), "pageSize": (1, INT32_MAX)}
# Per operation where the ranges differ (issue 22): Dynamics 365 counts pages from 1 (AVE-52), IaaS + PaaS
# names its page pageNumber, AOS scans skip jobs.
OPERATION_PAGE_RANGES = {
    "listDynamicsJobs": {"pageIndex": (1, INT32_MAX), "pageSize": (1, INT32_MAX)},
    "listVmJobs": {"pageNumber": (0, INT32_MAX), "pageSize": (1, INT32_MAX)},
    "listScanJobs": {"skip": (0, INT32_MAX)},
}
RESTORE_OPERATION = "startM365Restore"
MAX_RESTORE_PATHS = 20  # AVE-47
INSIGHTS_OPERATIONS = ("getInsightsExportStatus", "getInsightsExportFile")
APP_TYPES = frozenset(int(value) for value in spec_model.spec("avepoint").schemas["AppType"]["enum"])


def _fold_page(value: Any, low: int, high: int) -> Any:
    """In a positive case, a paging value outside ``low..high`` folded into it (variant ave.page-bounds)."""
    if isinstance(value, bool) or not isinstance(value, int):
        return value
    return value if low <= value <= high else low + abs(value) % (high - low + 1)


def _as_int(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.strip().isdigit():
        return int(value.strip())
    return None


def _is_mask(value: Any) -> bool:
    """A sum of two or more documented appType values: a bit-mask a server may take or refuse (AVE-08)."""
    number = _as_int(value)
    if number is None or number <= 0 or number in APP_TYPES:
        return False
    return all((1 << bit) in APP_TYPES for bit in range(number.bit_length()) if number >> bit & 1)


def fit_restore_rules(body: Any) -> Any:
    """A positive restore body made to keep the rules the schema cannot state (AVE-47): at most 20 paths in
    all, no empty path, no path twice and no path inside another. Paths past those rules are dropped (a
    target left with no list keeps one harmless file), so the body stays a valid restore of fewer items."""
    if not isinstance(body, dict):
        return body
    kept: list[str] = []
    for name in ("siteRestoreScope", "oneDriveRestoreScope"):
        scope = body.get(name)
        targets = scope.get("restoreTargets") if isinstance(scope, dict) else None
        if not isinstance(targets, list):
            continue
        for number, target in enumerate(targets):
            if len(kept) >= MAX_RESTORE_PATHS:
                del targets[number:]  # no room left: later targets go (the first always stays)
                break
            if not isinstance(target, dict):
                continue
            for kind in ("files", "folders"):
                items = target.get(kind)
                if isinstance(items, list):
                    target[kind] = [item for item in items if _keep_path(item, kept)]
            if not target.get("files") and not target.get("folders"):
                target["files"] = [{"relativePath": f"contract-suite-{name}-{number}.txt"}]
                kept.append(f"contract-suite-{name}-{number}.txt")
    return body


def _keep_path(item: Any, kept: list[str]) -> bool:
    if not isinstance(item, dict) or not isinstance(item.get("relativePath"), str):
        return True  # not a path the rules speak of; the schema judges it
    path = item["relativePath"].strip("/").lower()
    inside = any(
        path == other or path.startswith(other + "/") or other.startswith(path + "/") for other in kept
    )
    if not path or "contract-suite-" in path or inside or len(kept) >= MAX_RESTORE_PATHS - 1:
        return False
    kept.append(path)
    return True


def install_avepoint_hooks(schema: Any, export_job_ids: tuple[int, ...] = ()) -> None:
    """Register the AVE-07 ordering fix on positive ``listJobs`` cases, keep positive paging values in the
    range every reading of AVE-09 takes, and never send an appType bit-mask as a negative case (AVE-08).

    Issue 22: positive cases of the other job lists keep their own paging ranges, send no ``skiptoken``
    the server did not hand out (an opaque token is not a value a client makes up), keep the restore body
    inside AVE-47's rules, and name a known Insights export job (AVE-54: a server may refuse an unknown one).
    """

    @schema.hook("map_case")  # type: ignore[untyped-decorator]
    def order_time_window(ctx: Any, case: Any) -> Any:
        query = case.query if isinstance(case.query, dict) else {}
        operation_id = _operation_id(case)
        if not _is_positive(case):
            if _is_mask(query.get("appType")):
                query["appType"] = "x"  # still negative (not an integer), and every reading refuses it
            return case
        if operation_id == RESTORE_OPERATION:
            case.body = fit_restore_rules(case.body)
        params = case.path_parameters
        if operation_id in INSIGHTS_OPERATIONS and isinstance(params, dict):
            number = _as_int(params.get("jobId"))
            if export_job_ids:
                params["jobId"] = export_job_ids[(number or 0) % len(export_job_ids)]
            else:  # int32 in the vendor's service file; a stateful link may carry another service's text ID
                params["jobId"] = 0 if number is None else _fold_page(number, 0, INT32_MAX)
        query.pop("skiptoken", None)
        for name, (low, high) in OPERATION_PAGE_RANGES.get(operation_id, PAGE_RANGES).items():
            if name in query:
                query[name] = _fold_page(query[name], low, high)
        start, finish = _parse_time(query.get("startTime")), _parse_time(query.get("finishTime"))
        if start is not None and finish is not None:
            try:
                if start > finish:
                    query["startTime"], query["finishTime"] = query["finishTime"], query["startTime"]
            except TypeError:
                pass  # naive vs aware: the server will reject it, and the negative checks judge that
        return case


@schemathesis.check
def documented_server_error(ctx: Any, response: Any, case: Any) -> bool | None:
    """OLC-07: on the single PUTs a 500 is allowed only for a body/path ID mismatch, with a JSON Error."""
    operation_id = _operation_id(case)
    if response.status_code != ID_MISMATCH_STATUS or operation_id not in SINGLE_PUTS:
        return None
    body = case.body
    path_id = (case.path_parameters or {}).get(SINGLE_PUTS[operation_id])
    body_id = body.get("id") if isinstance(body, dict) else None
    if body_id is None or str(body_id) == str(path_id):
        raise AssertionError(
            f"{operation_id}: 500 is documented only for a body/path ID mismatch (OLC-07), "
            f"but the body id ({body_id!r}) matches the path or is absent"
        )
    if not (response.content or b"").strip():
        return None  # the 500 without a body that older pages show (variant olc.error-body=none, OLC-02)
    try:
        payload = json.loads(response.content)
    except ValueError:
        payload = None
    if not (isinstance(payload, dict) and isinstance(payload.get("error"), dict)):
        raise AssertionError(
            f"{operation_id}: the ID-mismatch 500 carries a JSON Error body or none at all (OLC-07)"
        )
    return None


_bearer_confirmed: set[str] = set()
_bearer_lock = threading.Lock()


def _oauth2_secured(case: Any) -> bool:
    security = case.operation.definition.raw.get("security") or []
    return any("oauth2" in requirement for requirement in security)


@schemathesis.check
def bearer_auth_enforced(ctx: Any, response: Any, case: Any) -> bool | None:
    """AVE-11: an OAuth2-protected operation answers 401 without a token and with a bad one.

    Schemathesis's ``ignored_auth`` covers only apiKey and HTTP schemes, so OAuth2 bearer tokens get this
    check instead: after the first successful authenticated response of an operation it repeats the same
    request without the token and with a made-up one.
    """
    if not _oauth2_secured(case) or not 200 <= response.status_code < 300:
        return None
    with _bearer_lock:
        if case.operation.label in _bearer_confirmed:
            return None
    sent = response.request
    headers = {k: v for k, v in sent.headers.items() if k.lower() not in {"authorization", "content-length"}}
    probes = {
        "without a token": headers,
        "with an invalid token": {**headers, "Authorization": "Bearer x-invalid"},
    }
    with httpx.Client(timeout=15) as client:
        for scenario, probe_headers in probes.items():
            probe = client.request(sent.method, sent.url, headers=probe_headers, content=sent.body)
            if probe.status_code != 401:
                raise AssertionError(
                    f"{case.operation.label} accepted a request {scenario}:"
                    f" HTTP {probe.status_code}, expected 401 (AVE-11)\n  Request: {curl_for(probe.request)}"
                )
    with _bearer_lock:
        _bearer_confirmed.add(case.operation.label)
    return None
