"""OL Connect rules that schemas cannot express (spec/DECISIONS.md), with Hypothesis where inputs vary."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from urllib.parse import quote

import httpx
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import spec_model
from contract_tests import api_paths
from contract_tests.expect import conforms, error_body_ok, expect, expect_status, is_json_error, json_body
from contract_tests.run_state import RunState
from contract_tests.server_version import RULES, ServerVersion, show
from contract_tests.st_auth import TOKEN_HEADER, basic_header, olconnect_login
from contract_tests.targets import ID_ATTRIBUTES, OLConnectTarget
from contract_tests.writes import multi_updates, restorable_sets, single_puts, write_operations

pytestmark = pytest.mark.api("olconnect")

API = "olconnect"
MODEL = spec_model.spec(API)
# What the spec's x-write markers say (writes.py): the sets the single PUTs replace, keyed by the PUT.
SETS = {kind.write_operation: kind for kind in restorable_sets(MODEL)}
SINGLE_PUTS = single_puts(MODEL)
MULTI_UPDATES = multi_updates(MODEL)
WRITES = write_operations(MODEL)
LEVEL_MODES = ("documentOnly", "documentSetOnly", "documentSetAll")

# Printable text without surrogates or control characters: what a property name/value realistically holds.
_text_chars = st.characters(exclude_categories=["Cs", "Cc"])
property_lists = st.lists(
    st.fixed_dictionaries(
        {"name": st.text(_text_chars, min_size=1, max_size=16), "value": st.text(_text_chars, max_size=24)}
    ),
    max_size=6,
)


@pytest.fixture(scope="module")
def olc(run_state: RunState) -> OLConnectTarget:
    return run_state.require_olconnect()


@pytest.fixture(scope="module")
def client(run_state: RunState) -> httpx.Client:
    """Authenticated with Basic credentials."""
    return run_state.olconnect_client()


@pytest.fixture(scope="module")
def anon(run_state: RunState) -> httpx.Client:
    """No credentials at all."""
    return run_state.bare_client(API)


@pytest.fixture(scope="module")
def version(run_state: RunState) -> ServerVersion:
    """The release the version rules judge against (server_version.py)."""
    return run_state.olconnect_version()


def _require_release(version: ServerVersion, key: str) -> None:
    """Skip a test of behaviour the server's release does not have yet (the summary names the version)."""
    if not version.owes(key):
        rule = RULES[key]
        pytest.skip(f"{rule.text}: only from {show(rule.since)}; the server is {version.describe()}")


@pytest.fixture
def writes(run_state: RunState, olc: OLConnectTarget) -> Iterator[None]:
    """Skip unless writing is allowed; against a live server snapshot and restore what the test touches."""
    if olc.live and not olc.writes_allowed:
        pytest.skip("writes against a live server need CONTRACT_ALLOW_WRITES=1")
    with run_state.live_writes():
        yield


def _ids(olc: OLConnectTarget, id_parameter: str) -> tuple[int, ...]:
    ids = olc.known_ids(id_parameter)
    if not ids:
        variable = f"OLCONNECT_{ID_ATTRIBUTES[id_parameter].upper()[:-1]}"
        pytest.skip(f"no known entity for this test: set {variable}")
    return ids


def _path(operation_id: str, **params: object) -> str:
    return api_paths.path_of(API, operation_id, **params)


# --- replace semantics of the single PUTs (OLC-09, OLC-16) ----------------------------------------------


@pytest.mark.writes
@pytest.mark.parametrize("kind", SETS)
@pytest.mark.operations(*SINGLE_PUTS)
def test_put_then_get_returns_exactly_what_was_put(
    olc: OLConnectTarget, client: httpx.Client, writes: None, kind: str
) -> None:
    """PUT replaces the whole set: a following GET returns exactly the list put, in order (OLC-09, OLC-16)."""
    read_op, write_op, param = SETS[kind].read_operation, kind, SETS[kind].id_parameter
    entity_id = _ids(olc, param)[0]

    @given(properties=property_lists)
    def check(properties: list[dict[str, str]]) -> None:
        put = client.put(
            _path(write_op, **{param: entity_id}), json={"id": entity_id, "properties": properties}
        )
        expect_status(put, write_op, 200, "a valid update answers 200")
        expect(put.text.strip() in {"true", ""}, write_op, "a successful update answers `true` (OLC-10)", put)
        got = client.get(_path(read_op, **{param: entity_id}))
        expect_status(got, read_op, 200, "reading an existing set answers 200")
        conforms(API, read_op, got)
        expect(
            json_body(got, read_op) == properties,
            write_op,
            "PUT replaces the set: GET must return exactly the list that was put, in the same order (OLC-09)",
            got,
            f"put {properties!r}",
        )

    check()


@pytest.mark.writes
@pytest.mark.parametrize("kind", SETS)
@pytest.mark.operations(*SINGLE_PUTS)
def test_body_path_id_mismatch_is_documented_500(
    olc: OLConnectTarget, client: httpx.Client, writes: None, kind: str
) -> None:
    """A body ID unlike the path ID answers the documented 500 and changes nothing (OLC-07)."""
    read_op, write_op, param = SETS[kind].read_operation, kind, SETS[kind].id_parameter
    entity_id = _ids(olc, param)[0]
    before = client.get(_path(read_op, **{param: entity_id}))
    expect_status(before, read_op, 200, "reading an existing set answers 200")

    @given(other=st.integers(min_value=0, max_value=2**62), properties=property_lists)
    def check(other: int, properties: list[dict[str, str]]) -> None:
        assume(other != entity_id)
        put = client.put(_path(write_op, **{param: entity_id}), json={"id": other, "properties": properties})
        expect_status(put, write_op, 500, "a body/path ID mismatch answers 500 (OLC-07)")
        conforms(API, write_op, put)
        expect(
            _error_body_ok(put),
            write_op,
            "the mismatch 500 carries a JSON Error, or no body as older pages show (OLC-07, OLC-02)",
            put,
        )
        after = client.get(_path(read_op, **{param: entity_id}))
        expect(after.json() == before.json(), write_op, "a rejected update must not change the set", after)

    check()


# --- the multi-update merges into every listed job (OLC-09) -------------------------------------------------


@pytest.mark.writes
@pytest.mark.operations("updateMultipleJobProperties", "getJobProperties")
def test_multi_update_changes_every_listed_job(
    olc: OLConnectTarget, client: httpx.Client, writes: None
) -> None:
    """After the multi-update every listed job has every listed property with its new value (OLC-09)."""
    job_ids = _ids(olc, "jobId")
    unique_props = st.lists(
        st.fixed_dictionaries(
            {
                "name": st.text(_text_chars, min_size=1, max_size=12),
                "value": st.text(_text_chars, max_size=16),
            }
        ),
        min_size=1,
        max_size=4,
        unique_by=lambda prop: prop["name"],
    )

    @given(
        jobs=st.lists(st.sampled_from(job_ids), min_size=1, max_size=len(job_ids), unique=True),
        data=st.data(),
    )
    def check(jobs: list[int], data: st.DataObject) -> None:
        body: list[dict[str, Any]] = [
            {"id": job_id, "properties": data.draw(unique_props)} for job_id in jobs
        ]
        put = client.put(_path("updateMultipleJobProperties"), json=body)
        expect_status(put, "updateMultipleJobProperties", 200, "a valid multi-update answers 200")
        conforms(API, "updateMultipleJobProperties", put)
        for item in body:
            got = client.get(_path("getJobProperties", jobId=item["id"]))
            expect_status(got, "getJobProperties", 200, "reading an updated job answers 200")
            stored: dict[str, str] = {}
            for prop in json_body(got, "getJobProperties"):
                stored[prop["name"]] = prop["value"]
            wrong = {
                p["name"]: stored.get(p["name"])
                for p in item["properties"]
                if stored.get(p["name"]) != p["value"]
            }
            expect(
                not wrong,
                "updateMultipleJobProperties",
                "every listed job must hold every listed property with its new value (OLC-09)",
                got,
                f"job {item['id']}: expected {item['properties']!r}, differing: {wrong!r}",
            )

    check()


# --- statistics (OLC-11, OLC-12) ----------------------------------------------------------------------------


def _random_case(text: str, flips: list[bool]) -> str:
    return "".join(
        ch.swapcase() if flip else ch for ch, flip in zip(text, flips + [False] * len(text), strict=False)
    )


@pytest.mark.operations("getJobSetStatistics")
def test_each_level_mode_returns_its_shape(
    olc: OLConnectTarget, client: httpx.Client, version: ServerVersion
) -> None:
    """Each levelMode (matched case-insensitively) returns its level's shape (OLC-11, OLC-12)."""
    _require_release(version, "statistics")
    job_set_ids = _ids(olc, "jobSetId")
    modes = LEVEL_MODES if version.owes("document-set-levels") else ("documentOnly",)

    @given(
        job_set=st.sampled_from(job_set_ids),
        mode=st.sampled_from((None, *modes)),
        flips=st.lists(st.booleans(), max_size=16),
    )
    def check(job_set: int, mode: str | None, flips: list[bool]) -> None:
        params = {} if mode is None else {"levelMode": _random_case(mode, flips)}
        got = client.get(_path("getJobSetStatistics", jobSetId=job_set), params=params)
        expect_status(got, "getJobSetStatistics", 200, "a known job set with a valid levelMode answers 200")
        conforms(API, "getJobSetStatistics", got)
        body = json_body(got, "getJobSetStatistics")
        level = mode or "documentOnly"
        rule = f"levelMode={params.get('levelMode', '(default)')} must return the {level} shape (OLC-11)"
        if level == "documentOnly":
            expect("documents" in body and "documentSets" not in body, "getJobSetStatistics", rule, got)
        else:
            expect("documentSets" in body and "documents" not in body, "getJobSetStatistics", rule, got)
            with_docs = ["documents" in doc_set for doc_set in body["documentSets"]]
            expect(
                all(with_docs) if level == "documentSetAll" else not any(with_docs),
                "getJobSetStatistics",
                rule,
                got,
            )

    check()


@pytest.mark.operations("getJobSetStatistics")
def test_invalid_level_mode_is_400(
    olc: OLConnectTarget, client: httpx.Client, version: ServerVersion
) -> None:
    """Any levelMode that is not one of the three (case-insensitively), even empty, answers 400 (OLC-12)."""
    _require_release(version, "statistics")
    job_set = _ids(olc, "jobSetId")[0]
    valid = {mode.lower() for mode in LEVEL_MODES}

    @given(mode=st.text(st.characters(exclude_categories=["Cs"], exclude_characters="\x00"), max_size=20))
    def check(mode: str) -> None:
        assume(mode.lower() not in valid)
        got = client.get(_path("getJobSetStatistics", jobSetId=job_set), params={"levelMode": mode})
        expect_status(got, "getJobSetStatistics", 400, "an invalid levelMode answers 400 (OLC-12)")
        conforms(API, "getJobSetStatistics", got)
        body = json_body(got, "getJobSetStatistics")
        expect(
            is_json_error(body)
            and "levelMode" in (str(body["error"].get("parameter")) + body["error"]["message"]),
            "getJobSetStatistics",
            "the 400 is a JSON Error naming levelMode (OLC-05, OLC-12)",
            got,
        )

    check()


def _sum_counts(documents: list[dict[str, Any]]) -> tuple[int, int]:
    return sum(doc["counts"]["sheets"] for doc in documents), sum(doc["counts"]["pages"] for doc in documents)


@pytest.mark.parametrize("mode", LEVEL_MODES)
@pytest.mark.operations("getJobSetStatistics")
def test_statistics_counts_add_up(
    olc: OLConnectTarget, client: httpx.Client, version: ServerVersion, mode: str
) -> None:
    """Job set counts equal the sums over its documents; media counts add up (OLC-11 invariants)."""
    _require_release(version, "statistics" if mode == "documentOnly" else "document-set-levels")
    for job_set in _ids(olc, "jobSetId"):
        got = client.get(_path("getJobSetStatistics", jobSetId=job_set), params={"levelMode": mode})
        expect_status(got, "getJobSetStatistics", 200, "a known job set answers 200")
        body = json_body(got, "getJobSetStatistics")
        if mode == "documentSetOnly":
            # Document sets carry no documents here; their counts must still add up to the job set's.
            sets = body.get("documentSets", [])
            sheets, pages = _sum_counts(sets)
            usage_sources = sets
        else:
            documents = body.get("documents") or [
                doc for doc_set in body.get("documentSets", []) for doc in doc_set.get("documents", [])
            ]
            sheets, pages = _sum_counts(documents)
            usage_sources = documents
            for doc_set in body.get("documentSets", []):
                set_sheets, set_pages = _sum_counts(doc_set.get("documents", []))
                expect(
                    (set_sheets, set_pages) == (doc_set["counts"]["sheets"], doc_set["counts"]["pages"]),
                    "getJobSetStatistics",
                    "each document set's counts equal the sums over its documents (OLC-11)",
                    got,
                    f"document set {doc_set['documentSetId']}: {doc_set['counts']}"
                    f" vs sums ({set_sheets}, {set_pages})",
                )
        expect(
            (sheets, pages) == (body["counts"]["sheets"], body["counts"]["pages"]),
            "getJobSetStatistics",
            f"levelMode={mode}: the job set's sheets/pages equal the sums over its parts (OLC-11)",
            got,
            f"job set {body['counts']} vs sums (sheets {sheets}, pages {pages})",
        )
        for index, media in enumerate(body.get("media", [])):
            used = sum(int(source.get("media", {}).get(str(index), 0)) for source in usage_sources)
            expect(
                used == media["count"],
                "getJobSetStatistics",
                "each media entry's count equals that media's usage summed over all parts (OLC-11)",
                got,
                f"media[{index}] count {media['count']} vs summed usage {used}",
            )


# --- reachability: job -> segments -> document sets ---------------------------------------------------------


@pytest.mark.operations("getJobSegmentIds", "getJobSegmentMetadata", "getDocumentSetIds")
def test_segment_and_document_set_ids_are_reachable(olc: OLConnectTarget, client: httpx.Client) -> None:
    """Every segment ID a job lists can be read, and every segment lists its document set IDs (links)."""
    for job_id in _ids(olc, "jobId"):
        segments = client.get(_path("getJobSegmentIds", jobId=job_id))
        expect_status(segments, "getJobSegmentIds", 200, "a known job lists its segments")
        conforms(API, "getJobSegmentIds", segments)
        segment_ids = json_body(segments, "getJobSegmentIds")["identifiers"]
        expect(
            len(set(segment_ids)) == len(segment_ids), "getJobSegmentIds", "segment IDs are unique", segments
        )
        for segment_id in segment_ids:
            for operation_id in ("getJobSegmentMetadata", "getDocumentSetIds"):
                got = client.get(_path(operation_id, jobSegmentId=segment_id))
                expect_status(
                    got, operation_id, 200, f"segment {segment_id} listed by job {job_id} must be reachable"
                )
                conforms(API, operation_id, got)
            document_sets = json_body(got, "getDocumentSetIds")["identifiers"]
            expect(
                len(set(document_sets)) == len(document_sets),
                "getDocumentSetIds",
                "document set IDs are unique",
                got,
            )


# --- authentication (OLC-01, OLC-02, OLC-14, OLC-17) ------------------------------------------------------


def _request_for(olc: OLConnectTarget, operation_id: str) -> tuple[str, str, Any]:
    """(method, path, json body) of a request to ``operation_id`` that would succeed with credentials."""
    method = MODEL.operation(operation_id).method
    ids = {name: next(iter(olc.known_ids(name)), 0) for name in ID_ATTRIBUTES}
    path = _path(operation_id, **ids)
    body: Any = None
    if operation_id in MULTI_UPDATES:
        body = [{"id": ids["jobId"], "properties": []}]
    elif operation_id in SINGLE_PUTS:
        body = {"id": ids[SINGLE_PUTS[operation_id]], "properties": []}
    return method, path, body


PROTECTED = [op for op in api_paths.operation_ids(API) if op != "login"]


_error_body_ok = error_body_ok  # OLC-02 alternatives (variant olc.error-body), see contract_tests.expect


ERROR_BODY_RULE = "the error body is a JSON Error, a non-JSON error message or empty (OLC-02)"
CHALLENGE_RULE = (
    "from 2023.1 every 401 carries WWW-Authenticate, also for invalid or expired credentials (OLC-01)"
)


@pytest.mark.operations("login", "getAuthenticationHandshake")
def test_login_token_is_accepted(olc: OLConnectTarget, client: httpx.Client, anon: httpx.Client) -> None:
    """Login answers a text/plain token (OLC-17) that then works in the auth_token header (OLC-14)."""
    token, response = olconnect_login(olc, client)
    conforms(API, "login", response)
    got = anon.get(_path("getAuthenticationHandshake"), headers={TOKEN_HEADER: token})
    expect_status(got, "getAuthenticationHandshake", 200, "a fresh login token is accepted (OLC-14)")
    conforms(API, "getAuthenticationHandshake", got)


@pytest.mark.operations("login")
def test_login_sends_token_expires_in_from_2021_2(
    olc: OLConnectTarget, client: httpx.Client, version: ServerVersion
) -> None:
    """From server 2021.2 a successful login sends Token-Expires-In in integer seconds (OLC-03)."""
    _, response = olconnect_login(olc, client)
    value = response.headers.get("token-expires-in")
    if value is not None:
        expect(
            value.strip().isdigit(),
            "login",
            "Token-Expires-In is an integer number of seconds (OLC-03)",
            response,
            repr(value),
        )
    _require_release(version, "token-expires-in")
    expect(
        value is not None,
        "login",
        f"a server reporting {version.describe()} sends Token-Expires-In on login (OLC-03, from 2021.2)",
        response,
        "no Token-Expires-In header",
    )


@pytest.mark.operations("login", "getJobEntityHandshake")
def test_expired_token_is_rejected(
    olc: OLConnectTarget, client: httpx.Client, anon: httpx.Client, version: ServerVersion
) -> None:
    """A token works until it expires, then gets 401, with WWW-Authenticate from 2023.1 (OLC-01, OLC-02)."""
    if olc.live or olc.mock is None:
        pytest.skip("needs waiting for a live token to expire; checked against the mock only")
    token, _ = olconnect_login(olc, client)
    before = anon.get(_path("getJobEntityHandshake"), headers={TOKEN_HEADER: token})
    expect_status(before, "getJobEntityHandshake", 200, "the token works before it expires")
    olc.mock.expire_tokens()  # the mock's admin endpoint, through MockProcess (it knows the admin token)
    after = anon.get(_path("getJobEntityHandshake"), headers={TOKEN_HEADER: token})
    expect_status(after, "getJobEntityHandshake", 401, "an expired token is rejected with 401 (OLC-01)")
    conforms(API, "getJobEntityHandshake", after)
    expect(_error_body_ok(after), "getJobEntityHandshake", ERROR_BODY_RULE, after)
    if version.owes("error-layout-2023"):
        expect(bool(after.headers.get("www-authenticate")), "getJobEntityHandshake", CHALLENGE_RULE, after)


@pytest.mark.parametrize("operation_id", api_paths.operation_ids(API))
@pytest.mark.operations("*")
def test_missing_credentials_answer_401_with_challenge(
    request: pytest.FixtureRequest, olc: OLConnectTarget, anon: httpx.Client, operation_id: str
) -> None:
    """Without credentials every operation answers 401 with WWW-Authenticate (OLC-01, OLC-02)."""
    method, path, body = _request_for(olc, operation_id)
    if operation_id in WRITES:
        request.getfixturevalue("writes")  # a server that ignored auth would write: guard live data
    got = anon.request(method, path, json=body)
    expect_status(got, operation_id, 401, "missing credentials answer 401 (OLC-01)")
    expect(
        bool(got.headers.get("www-authenticate")),
        operation_id,
        "every 401 carries WWW-Authenticate (OLC-02)",
        got,
    )
    expect(_error_body_ok(got), operation_id, ERROR_BODY_RULE, got)
    conforms(API, operation_id, got)


@pytest.mark.operations("*")
def test_invalid_credentials_answer_documented_status(
    request: pytest.FixtureRequest, olc: OLConnectTarget, anon: httpx.Client, version: ServerVersion
) -> None:
    """Wrong passwords and unknown tokens answer 401 (2023.1+ pages) or 403 (2020-2022 pages) (OLC-01)."""
    text = st.text(st.characters(min_codepoint=33, max_codepoint=126), min_size=1, max_size=40)
    operations = PROTECTED
    if olc.live and not olc.writes_allowed:
        operations = [op for op in PROTECTED if op not in WRITES]
    elif olc.live:
        request.getfixturevalue("writes")  # a server that ignored auth would write: guard live data
    challenge = version.owes("error-layout-2023")

    @given(operation_id=st.sampled_from(operations), use_token=st.booleans(), secret=text)
    def check(operation_id: str, use_token: bool, secret: str) -> None:
        assume(secret != olc.password)
        method, path, body = _request_for(olc, operation_id)
        header = (
            {TOKEN_HEADER: secret} if use_token else {"Authorization": basic_header(olc.username, secret)}
        )
        got = anon.request(method, path, json=body, headers=header)
        expect_status(got, operation_id, {401, 403}, "invalid credentials answer 401 or 403 (OLC-01)")
        conforms(API, operation_id, got)
        expect(_error_body_ok(got), operation_id, ERROR_BODY_RULE, got)
        if got.status_code == 401 and challenge:
            expect(bool(got.headers.get("www-authenticate")), operation_id, CHALLENGE_RULE, got)

    check()


ID_OPERATIONS = [name for name, operation in MODEL.operations.items() if operation.parameters_in("path")]
# Characters that stay inside one path segment once percent-encoded, so the request still reaches the route.
_segment_chars = st.characters(min_codepoint=33, max_codepoint=126, exclude_characters="/?#%\\")
# "." and ".." are dot segments: every URL library removes them (/jobs/. becomes /jobs/, another operation).
DOT_SEGMENTS = {".", ".."}


def _unknown_answer_ok(method: str, response: httpx.Response, operation_id: str) -> bool:
    """OLC-04 alternatives (variant olc.unknown-id): 404 with its error body, or 200 saying "nothing here"."""
    if response.status_code == 404:
        return _error_answer_ok(operation_id, response)
    if response.status_code != 200:
        return False
    text = response.text.strip()
    if method == "PUT":
        return text in {"false", "true", ""}
    try:
        body = response.json()
    except ValueError:
        return False
    return body == [] or (isinstance(body, dict) and body.get("identifiers") == [])


def _json_error(response: httpx.Response) -> bool:
    try:
        return is_json_error(response.json())
    except ValueError:
        return False


def _error_answer_ok(operation_id: str, response: httpx.Response) -> bool:
    """A documented JSON Error where a page states one (Statistics); where the spec leaves the body open
    (`x-body-optional`, the entity operations' undocumented 400/404, OLC-05) any body or none, though a body
    labelled JSON must still be a JSON Error."""
    if api_paths.body_optional(API, operation_id, response.status_code):
        return error_body_ok(response)
    return _json_error(response)


@pytest.mark.parametrize("operation_id", ID_OPERATIONS)
def test_malformed_path_id_answers_400(
    request: pytest.FixtureRequest, olc: OLConnectTarget, client: httpx.Client, operation_id: str
) -> None:
    """A path ID that is not an integer answers 400 or 404, never a 5xx, with a JSON Error where a page
    documents one (any body or none on the entity operations); a negative one may also be answered as an
    unknown ID (OLC-04, OLC-05)."""
    operation = MODEL.operation(operation_id)
    method = operation.method
    if operation_id in WRITES:
        request.getfixturevalue("writes")  # a server that misparsed the ID might write: guard live data
    malformed = st.one_of(
        st.integers(max_value=-1).map(str),
        st.floats(allow_nan=False, allow_infinity=False).map(repr),
        st.text(_segment_chars, min_size=1, max_size=12).filter(
            lambda text: not text.isdigit() and text not in DOT_SEGMENTS
        ),
    )

    @given(bad=malformed)
    def check(bad: str) -> None:
        path = operation.path_with(**{p.name: quote(bad, safe="") for p in operation.parameters_in("path")})
        negative = bad.startswith("-") and bad[1:].isdigit()
        body: Any = None
        if operation_id in SINGLE_PUTS:  # body ID = path ID where it can be, so no ID-mismatch 500 (OLC-07)
            body = {"id": int(bad) if negative else 0, "properties": []}
        got = client.request(method, path, json=body)
        expect(got.status_code < 500, operation_id, "a malformed path ID never causes a 5xx (OLC-05)", got)
        if negative and _unknown_answer_ok(method, got, operation_id):
            conforms(API, operation_id, got)
            return  # variant olc.negative-id=unknown: -1 is a well-formed ID of nothing (OLC-04)
        expect_status(got, operation_id, {400, 404}, "a malformed path ID answers 400 or 404 (OLC-05)")
        conforms(API, operation_id, got)
        expect(
            _error_answer_ok(operation_id, got),
            operation_id,
            "the 400/404 carries the error body the spec allows (OLC-05)",
            got,
        )

    check()
