"""The server fingerprint: which documented alternative the server under test follows, and the proof.

Where the vendor pages allow more than one behaviour (the variants in ``spec/DECISIONS.md``), the suite
accepts each of them; this module finds out which one the server actually shows, with a few cheap,
read-only requests, so a user learns which reading their server follows and ``DECISIONS.md`` can be
updated from evidence. Each observation names the decision, the mock's variant name for it, the value
seen and the request that showed it. The summary prints them under "Server behaviour" and the JUnit XML
carries them as test-suite properties.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import httpx

import spec_model
from contract_tests import api_paths, server_version
from contract_tests.st_auth import basic_header

# An ID that is a valid int64 but names no entity on any realistic server (2^53 - 1).
UNKNOWN_ID = 9_007_199_254_740_991
MALFORMED_ID = "x1"
RUNNING = 0  # AvePoint JobStatus of a running job


@dataclass(frozen=True)
class Observation:
    """One decision with alternatives and what the server showed for it."""

    api: str
    decision: str
    variant: str  # the documented variant's name for this choice (spec/variants.yaml)
    shown: str  # the alternative seen, in the variant's own words where one matches
    request: str  # what was sent
    answer: str  # what came back, briefly

    def evidence(self) -> str:
        return f"{self.request} → {self.answer}"

    def line(self) -> str:
        return f"{self.decision}: {self.evidence()}"


def _registry() -> dict[str, tuple[str, tuple[str, ...]]]:
    """Variant name → (decision, documented values), from spec/variants.yaml."""
    return {name: (v.decision, v.values) for name, v in spec_model.variants().variants.items()}


def _decisions() -> dict[str, str]:
    """Variant name → decision."""
    return {name: decision for name, (decision, _) in _registry().items()}


# Readings the DECISIONS entries admit beyond the values the mock plays: a relative nextLink (AVE-03, clients
# follow it as a URL) and a running job's ``finishTime: null`` (AVE-10, admitted for client tolerance).
ALSO_DOCUMENTED: dict[str, frozenset[str]] = {
    "ave.next-link": frozenset({"relative"}),
    "ave.running-finish-time": frozenset({"null"}),
    "olc.negative-id": frozenset({"malformed or unknown (same answer)"}),
}
# Observations that judge nothing: the server gave the probe no chance to show a reading.
NOT_SEEN = ("not seen", "not probed")
# Variants whose value is free text by nature (any release may be reported).
FREE = frozenset({"olc.server-version"})


def undocumented(observation: Observation) -> str | None:
    """Why ``observation`` is none of the documented alternatives, or None when it is one of them.

    A fingerprint that records a value no DECISIONS entry admits is itself a finding, so the fingerprint
    tests fail on it (besides the semantic test that judges the same behaviour in detail).
    """
    shown = observation.shown
    if shown.startswith(NOT_SEEN):
        return None
    if observation.variant in FREE:
        return None if shown != "unknown" else f"{observation.variant}: no release could be read"
    known = _registry().get(observation.variant)
    if known is None:
        return None  # informational line without a variant (see ``note``): nothing to compare with
    allowed = (*known[1], *sorted(ALSO_DOCUMENTED.get(observation.variant, ())))
    if shown in allowed:
        return None
    return (
        f"{observation.decision} ({observation.variant}): the server showed {shown!r}, documented are"
        f" {', '.join(allowed)}; evidence: {observation.evidence()}"
    )


def _body_kind(response: httpx.Response) -> str:
    if not response.content.strip():
        return "none"
    try:
        body = response.json()
    except (json.JSONDecodeError, UnicodeDecodeError):
        return "text"
    return "json" if isinstance(body, dict) and isinstance(body.get("error"), dict) else "other-json"


def _brief(response: httpx.Response) -> str:
    kind = _body_kind(response)
    body = {"none": "no body", "json": "JSON Error", "text": "text body", "other-json": "JSON"}[kind]
    return f"{response.status_code}, {body}"


def _empty_answer(response: httpx.Response) -> bool:
    """A 200 whose body says "nothing": an empty list, an empty identifier list or no body."""
    if response.status_code != 200:
        return False
    if not response.content.strip():
        return True
    try:
        body = response.json()
    except (json.JSONDecodeError, UnicodeDecodeError):
        return False
    return body in ([], {}) or (isinstance(body, dict) and body.get("identifiers") == [])


class _Recorder:
    def __init__(self, api: str) -> None:
        self.api = api
        self.decisions = _decisions()
        self.found: list[Observation] = []

    def add(self, variant: str, fallback_decision: str, shown: str, request: str, answer: str) -> None:
        decision = self.decisions.get(variant, fallback_decision)
        self.found.append(Observation(self.api, decision, variant, shown, request, answer))


def olconnect(
    client: httpx.Client,
    anon: httpx.Client,
    username: str,
    password: str,
    version_text: str,
    *,
    security: httpx.Response | None = None,
) -> list[Observation]:
    """Probe an OL Connect server: auth errors, error bodies, unknown/malformed/negative IDs, login header.

    ``security``: the answer to the handshake without credentials (``RunState.olconnect_security_on``);
    a 2xx means security is off (OLC-22), and the credential probes then have nothing to show.
    """
    rec = _Recorder("olconnect")
    release = server_version.parse(version_text)
    rec.add(
        "olc.server-version",
        "OLC-13",
        server_version.show(release) if release else "unknown",
        f"GET {api_paths.path_of('olconnect', 'getAuthenticationVersion')}",
        repr(version_text) if version_text else "no version",
    )
    handshake = api_paths.path_of("olconnect", "getAuthenticationHandshake")
    security_off = security is not None and 200 <= security.status_code < 300
    if security is not None:
        rec.add(
            "olc.security",
            "OLC-22",
            "off" if security_off else "on",
            f"no credentials on GET {handshake}",
            _brief(security),
        )
    if security_off:
        for variant, decision in (("olc.invalid-credentials", "OLC-01"), ("olc.error-body", "OLC-02")):
            rec.add(variant, decision, "not seen (security off)", "-", "no credential is checked")
        _login_and_ids(rec, client)
        return rec.found
    wrong = anon.get(handshake, headers={"Authorization": basic_header(username, password + "-wrong")})
    layout = {401: " (2023.1+ layout)", 403: " (2020-2022 layout)"}.get(wrong.status_code, "")
    rec.add(
        "olc.invalid-credentials",
        "OLC-01",
        str(wrong.status_code),
        f"wrong password on GET {handshake}",
        f"{_brief(wrong)}{layout}",
    )
    missing = anon.get(handshake)
    # The older pages' letter (olc.error-body=text) shows no body for missing credentials but an "Error
    # message" for wrong ones, so a text body on the wrong-password answer tells that reading apart.
    error_body = "text" if _body_kind(wrong) == "text" else _body_kind(missing)
    rec.add(
        "olc.error-body",
        "OLC-02",
        error_body,
        f"no credentials, and a wrong password, on GET {handshake}",
        _brief(missing)
        + (", WWW-Authenticate" if missing.headers.get("www-authenticate") else "")
        + f"; wrong password: {_brief(wrong)}",
    )
    _login_and_ids(rec, client)
    return rec.found


def _login_and_ids(rec: _Recorder, client: httpx.Client) -> None:
    """The login header (OLC-03), the answers to unknown, malformed and negative IDs and the body of the
    malformed one (OLC-04, OLC-05), and the job sets root (OLC-41)."""
    login_path = api_paths.path_of("olconnect", "login")
    login = client.post(login_path)
    expires = login.headers.get("token-expires-in")
    rec.add(
        "olc.token-expires-in",
        "OLC-03",
        "present" if expires is not None else "absent",
        f"POST {login_path}",
        f"{login.status_code}, Token-Expires-In: {expires}"
        if expires
        else f"{login.status_code}, no Token-Expires-In",
    )
    answers: dict[str, httpx.Response] = {}
    for label, job_id in (("unknown", UNKNOWN_ID), ("malformed", MALFORMED_ID), ("negative", -1)):
        answers[label] = client.get(api_paths.path_of("olconnect", "getJobMetadata", jobId=job_id))
    unknown_path = api_paths.path_of("olconnect", "getJobMetadata", jobId=UNKNOWN_ID)
    unknown = answers["unknown"]
    unknown_shown = "empty-200" if _empty_answer(unknown) else str(unknown.status_code)
    rec.add("olc.unknown-id", "OLC-04", unknown_shown, f"GET {unknown_path} (no such job)", _brief(unknown))
    malformed = answers["malformed"]
    rec.add(
        "olc.malformed-id",
        "OLC-05",
        str(malformed.status_code),
        f"GET {api_paths.path_of('olconnect', 'getJobMetadata', jobId=MALFORMED_ID)}",
        _brief(malformed),
    )
    negative = answers["negative"]
    negative_shown = _negative_reading(negative, malformed, unknown)
    rec.add(
        "olc.negative-id",
        "OLC-05",
        negative_shown,
        f"GET {api_paths.path_of('olconnect', 'getJobMetadata', jobId=-1)}",
        f"{_brief(negative)} (treated as {negative_shown})",
    )
    # No entity page documents a 400/404, so a malformed ID's answer shows the body such errors carry.
    body_kind = _body_kind(malformed)
    rec.add(
        "olc.entity-error-body",
        "OLC-05",
        {"json": "json", "none": "none"}.get(body_kind, "text"),
        f"GET {api_paths.path_of('olconnect', 'getJobMetadata', jobId=MALFORMED_ID)}",
        _brief(malformed),
    )
    _job_sets_root(rec, client)


def _job_sets_root(rec: _Recorder, client: httpx.Client) -> None:
    """OLC-41: whether GET /entity/jobsets answers a text-only ``Accept`` with the service handshake.

    Read-only, like every probe here. Any answer but the JSON list or the handshake (a 406, a server without
    the Job Set service) shows neither reading, so it is recorded as not seen rather than judged.
    """
    path = api_paths.path_of("olconnect", "getJobSetIds")
    got = client.get(path, headers={"Accept": "text/plain"})
    kind = got.headers.get("content-type", "").split(";", 1)[0].strip().lower()
    if got.status_code == 200 and kind == "text/plain" and "RestService" in got.text:
        shown = "negotiated"
    elif got.status_code == 200 and _body_kind(got) == "other-json":
        shown = "list"
    else:
        shown = f"not seen ({got.status_code})"
    rec.add("olc.job-sets-root", "OLC-41", shown, f"GET {path} with Accept: text/plain", _brief(got))


def _negative_reading(negative: httpx.Response, malformed: httpx.Response, unknown: httpx.Response) -> str:
    """Whether -1 is answered like a malformed ID or like an unknown one ("either" when both look alike)."""
    like_malformed = negative.status_code == malformed.status_code
    like_unknown = negative.status_code == unknown.status_code or (
        _empty_answer(negative) and _empty_answer(unknown)
    )
    if like_malformed and like_unknown:
        return "malformed or unknown (same answer)"
    if like_malformed:
        return "malformed"
    if like_unknown:
        return "unknown"
    return f"neither ({negative.status_code})"


def avepoint(client: httpx.Client, bad_secret: httpx.Response | None, big_page: int) -> list[Observation]:
    """Probe an AvePoint host: nextLink form, last-page nextLink, running finishTime, invalid_client."""
    rec = _Recorder("avepoint")
    path = api_paths.path_of("avepoint", "listJobs")
    first = client.get(path, params={"pageSize": 1})
    link = first.json().get("nextLink") if first.status_code == 200 else None
    if not link:
        shown = "not seen (one page only)"
    elif link.startswith(("http://", "https://")):
        shown = "absolute"
    elif link.startswith("/"):
        shown = "relative"
    else:
        shown = "opaque"
    rec.add(
        "ave.next-link",
        "AVE-03",
        shown,
        f"GET {path}?pageSize=1",
        f"{first.status_code}, nextLink {_short(link)}",
    )
    whole = client.get(path, params={"pageSize": big_page})
    page: dict[str, Any] = whole.json() if whole.status_code == 200 else {}
    if "nextLink" not in page:
        last = "absent"
    elif page["nextLink"] is None:
        last = "null"
    elif page["nextLink"] == "":
        last = "empty"
    else:
        last = "not seen (more pages)"
    rec.add(
        "ave.last-page-link", "AVE-04", last, f"GET {path}?pageSize={big_page} (one page)", f"nextLink {last}"
    )
    running = [job for job in page.get("jobs", []) if job.get("status") == RUNNING]
    if not running:
        finish, answer = "not seen (no running job)", "no job with status 0"
    elif "finishTime" not in running[0]:
        finish, answer = "absent", "finishTime left out"
    elif running[0]["finishTime"] in ("", None):
        finish = "empty" if running[0]["finishTime"] == "" else "null"
        answer = f"finishTime {running[0]['finishTime']!r}"
    else:
        finish, answer = "time", f"finishTime {running[0]['finishTime']!r}"
    rec.add("ave.running-finish-time", "AVE-10", finish, f"a running job in GET {path}", answer)
    _window_and_alias(rec, client, path, page, big_page)
    _masks_bounds_and_error_bodies(rec, client, path)
    if bad_secret is None:
        rec.add("ave.invalid-client", "AVE-16", "not probed", "token request with a wrong secret", "skipped")
    else:
        error = _oauth_error(bad_secret)
        rec.add(
            "ave.invalid-client",
            "AVE-16",
            str(bad_secret.status_code),
            f"POST {bad_secret.request.url.path} with a wrong client secret",
            f"{bad_secret.status_code}, error {error}",
        )
    return rec.found


def _masks_bounds_and_error_bodies(rec: _Recorder, client: httpx.Client, path: str) -> None:
    """What the pages leave open about appType sums, paging bounds and error bodies (AVE-05, 08, 09)."""
    mask = client.get(path, params={"appType": 3, "pageSize": 1})
    shown = {200: "mask", 400: "400"}.get(mask.status_code, str(mask.status_code))
    rec.add("ave.app-type-mask", "AVE-08", shown, f"GET {path}?appType=3 (Gmail + Drive)", _brief(mask))
    huge = client.get(path, params={"pageSize": 2**31, "pageIndex": 2**31})
    bounds = {200: "reject", 400: "int32"}.get(huge.status_code, str(huge.status_code))
    rec.add(
        "ave.page-bounds",
        "AVE-09",
        bounds,
        f"GET {path}?pageSize=2^31&pageIndex=2^31",
        f"{huge.status_code} ({'taken' if huge.status_code == 200 else 'refused'})",
    )
    bad = client.get(path, params={"jobType": "not-a-number"})
    body = {"none": "none", "text": "text"}.get(_body_kind(bad), "json")
    rec.add("ave.error-body", "AVE-05", body, f"GET {path}?jobType=not-a-number", _brief(bad))


def _window_and_alias(
    rec: _Recorder, client: httpx.Client, path: str, page: dict[str, Any], big_page: int
) -> None:
    """An inverted time window (AVE-07) and the ``status`` alias of ``jobStatus`` (AVE-01)."""
    window = {"startTime": "2030-01-02T00:00:00Z", "finishTime": "2030-01-01T00:00:00Z"}
    inverted = client.get(path, params={**window, "pageSize": 1})
    jobs = inverted.json().get("jobs") if inverted.status_code == 200 else None
    shown = str(inverted.status_code) if inverted.status_code != 200 else ("empty" if jobs == [] else "jobs")
    query = "startTime=2030-01-02T00:00:00Z&finishTime=2030-01-01T00:00:00Z"
    rec.add("ave.inverted-window", "AVE-07", shown, f"GET {path}?{query}", _brief(inverted))
    _window_reading(rec, client, path, page, big_page)
    statuses = {job.get("status") for job in page.get("jobs", [])}
    if len(statuses) < 2:
        rec.add("ave.status-alias", "AVE-01", "not seen (one status only)", f"GET {path}?status=…", "-")
        return
    wanted = min(statuses)
    filtered = client.get(path, params={"status": wanted, "pageSize": big_page})
    got = (
        {job.get("status") for job in filtered.json().get("jobs", [])}
        if filtered.status_code == 200
        else set()
    )
    alias = "alias" if got == {wanted} else "ignored" if len(got) > 1 else f"unclear ({filtered.status_code})"
    rec.add(
        "ave.status-alias",
        "AVE-01",
        alias,
        f"GET {path}?status={wanted}",
        f"{filtered.status_code}, statuses {sorted(got)!r}",
    )


def _window_reading(
    rec: _Recorder, client: httpx.Client, path: str, page: dict[str, Any], big_page: int
) -> None:
    """What the time window bounds (AVE-25): a finished job is looked for in the one-instant windows at its
    start and at its finish; the readings differ in which of the two hold it."""
    finished = [
        job
        for job in page.get("jobs", [])
        if job.get("finishTime") and job["finishTime"] != job["startTime"] and job.get("status") != RUNNING
    ]
    if not finished:
        rec.add("ave.time-window", "AVE-25", "not seen (no finished job)", f"GET {path}?startTime=…", "-")
        return
    job = finished[0]
    found = {}
    for end in ("startTime", "finishTime"):
        instant = job[end]
        params = {"startTime": instant, "finishTime": instant, "pageSize": big_page}
        params["dataSource"] = job.get("dataSource", 1)
        answer = client.get(path, params=params)
        jobs = answer.json().get("jobs", []) if answer.status_code == 200 else []
        found[end] = any(other.get("jobId") == job["jobId"] for other in jobs)
    shown = {
        (True, False): "start",
        (False, True): "finish",
        (True, True): "overlap",
        (False, False): "exclusive",
    }[found["startTime"], found["finishTime"]]
    rec.add(
        "ave.time-window",
        "AVE-25",
        shown,
        f"GET {path}?startTime=T&finishTime=T at job {job['jobId']}'s start and finish",
        f"held at its start: {found['startTime']}, at its finish: {found['finishTime']}",
    )


def _oauth_error(response: httpx.Response) -> str:
    try:
        body = response.json()
    except (json.JSONDecodeError, UnicodeDecodeError):
        return "(no JSON)"
    return str(body.get("error")) if isinstance(body, dict) else "(not an object)"


def _short(link: Any) -> str:
    if not link:
        return "none"
    text = str(link)
    return repr(text if len(text) <= 60 else text[:57] + "...")
