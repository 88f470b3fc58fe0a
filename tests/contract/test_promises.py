"""Every promise the suite holds a server to can fail: one deliberately broken promise at a time.

Each case puts one deviation (``deviation_proxy.py``) in front of the bundled mock, runs the real suite in
live mode selected down to the one test that holds the promise (``--operation`` and ``-k``), and expects it
to fail naming the rule; the same selections without a deviation pass. The table in
``docs/contract-suite.md`` ("Promises and their proofs") lists these cases next to the older ones in
``test_deviations.py``. The mocks run the project profile: each case is about one promise, not about the
readings (``test_variants.py`` runs those), except where a promise must hold under a reading the pages
leave open, which the proof then names (``variants``, set through ``POST /_mock/variants`` for the run).

The checks that need time or a second identity run here too, against the mocks as live servers: a short
``--token-ttl`` with ``CONTRACT_MAX_WAIT``, the mock's read-only user and a token of its other client.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from mock_servers.testing import MockProcess, running_mock

from .harness import SuiteRun, avepoint_env, clean_env, deviation_proxy, olconnect_env, run_suite

pytestmark = pytest.mark.slow

# Short enough to wait for in a test, long enough for the token to work once before it expires.
SHORT_TTL = 2
WAIT = "5"


@dataclass(frozen=True)
class Proof:
    """One deviation, the test selection that must catch it, and the text its failure must contain."""

    deviation: str
    api: str
    operations: tuple[str, ...]
    select: str  # the -k expression
    rule: str
    # variant values the mock behind the proxy plays (each reading the pages allow must still be held)
    variants: tuple[tuple[str, str], ...] = ()


EMPTY = "an empty levelMode answers 400 or the default level"  # OLC-12, either reading of the empty value
PROOFS = (
    # The workflow services (OLC-50..58): each promise held by one test of the workflow module.
    Proof(
        "operation-id-missing", "olconnect", ("submitJobCreation",), "end_to_end", "the operationId header"
    ),
    Proof("job-set-not-listed", "olconnect", ("getJobCreationResult",), "end_to_end", "made is listed"),
    Proof("unknown-operation-runs", "olconnect", ("getJobCreationProgress",), "unknown_operation", "OLC-53"),
    Proof(
        "cancel-ignored", "olconnect", ("cancelJobCreation",), "cancelled_job_creation", "gives no job set"
    ),
    Proof("token-outlives-expiry", "olconnect", ("login",), "after_token_expires_in", "Token-Expires-In"),
    Proof("token-outlives-expiry", "avepoint", ("listJobs",), "after_expires_in", "expires_in"),
    Proof("read-only-user-writes", "olconnect", ("updateJobMetadata",), "write_role", "OLC-01"),
    Proof("wrong-password-accepted", "olconnect", ("getJobMetadata",), "invalid_credentials", "OLC-01"),
    Proof("partial-security", "olconnect", ("getJobMetadata",), "missing_credentials", "OLC-22"),
    Proof("mismatch-accepted", "olconnect", ("updateJobMetadata",), "mismatch", "OLC-07"),
    Proof("update-answers-false", "olconnect", ("updateJobMetadata",), "exactly_what", "OLC-10"),
    Proof("multi-update-drops-last", "olconnect", ("updateMultipleJobProperties",), "every_listed", "OLC-09"),
    Proof("level-mode-ignored", "olconnect", ("getJobSetStatistics",), "returns_its_shape", "OLC-11"),
    Proof("level-mode-ignored", "olconnect", ("getJobSetStatistics",), "invalid_level_mode", "OLC-12"),
    Proof("empty-level-mode-other-level", "olconnect", ("getJobSetStatistics",), "invalid_level_mode", EMPTY),
    Proof(
        "empty-level-mode-other-level",
        "olconnect",
        ("getJobSetStatistics",),
        "invalid_level_mode",
        EMPTY,
        (("olc.empty-level-mode", "omitted"),),
    ),
    Proof(
        "delete-not-carried-out",
        "olconnect",
        ("deleteJobSet",),
        "delete_job_set",
        "a deleted job set leaves the list within",
        (("olc.job-set-owned", "kept"),),
    ),
    Proof("unreachable-segment", "olconnect", ("getJobSegmentIds",), "reachable", "must be reachable"),
    Proof("unknown-id-answers-400", "olconnect", ("getJobMetadata",), "fingerprint", "OLC-04"),
    Proof("time-window-ignored", "avepoint", ("listJobs",), "walk", "every job on every page matches"),
    Proof("page-too-long", "avepoint", ("listJobs",), "walk", "at most pageSize"),
    Proof("inverted-window-answers-jobs", "avepoint", ("listJobs",), "fingerprint", "AVE-07"),
    Proof("auth-ignored", "avepoint", ("listJobs",), "read_scope", "AVE-11"),
    Proof("token-type-not-bearer", "avepoint", ("requestToken",), "issues_tokens", "token_type is Bearer"),
)


@pytest.fixture(scope="module")
def mocks() -> Iterator[dict[tuple[str, bool], MockProcess]]:
    """Both mocks, project profile, keyed by (API, short token lifetime): the expiry checks need a lifetime
    short enough to wait for, every other check a token that outlives the run."""
    with ExitStack() as stack:
        yield {
            (api, short): stack.enter_context(
                running_mock(api, access_log=False, token_ttl=SHORT_TTL if short else None)
            )
            for api in ("olconnect", "avepoint")
            for short in (False, True)
        }


def _waits(proof: Proof) -> bool:
    return "expires" in proof.select


def _user(mock: MockProcess, roles: set[str]) -> dict[str, str]:
    return next(user for user in mock.info["users"] if set(user["roles"]) == roles)


def _other_scope_token(mock: MockProcess) -> str:
    """A token of the AvePoint mock's client that lacks the job list's scope."""
    scope = mock.info["scope"]
    other = next(client for client in mock.info["clients"] if scope not in client["scopes"])
    form = {
        "grant_type": "client_credentials",
        "client_id": other["client_id"],
        "client_secret": other["client_secret"],
        "scope": other["scopes"][0],
    }
    return str(httpx.post(mock.token_url, data=form).json()["access_token"])


def _env(api: str, mock: MockProcess, base_url: str) -> dict[str, str]:
    """Live-mode variables for ``api`` through ``base_url``, with the time and second-identity extras."""
    if api == "olconnect":
        reader = _user(mock, {"read"})
        return {
            **olconnect_env(mock.info, base_url),
            "OLCONNECT_READONLY_USERNAME": reader["username"],
            "OLCONNECT_READONLY_PASSWORD": reader["password"],
            "CONTRACT_MAX_WAIT": WAIT,
        }
    return {
        **avepoint_env(mock.info, base_url),
        "AVEPOINT_OTHER_SCOPE_TOKEN": _other_scope_token(mock),
        "CONTRACT_MAX_WAIT": WAIT,
    }


def _proxy_env(api: str, mock: MockProcess) -> dict[str, str]:
    if api == "olconnect":
        writer, reader = _user(mock, {"read", "write"}), _user(mock, {"read"})
        return {
            "DEVIATION_WRITER": f"{writer['username']}:{writer['password']}",
            "DEVIATION_READER": f"{reader['username']}:{reader['password']}",
        }
    client = mock.info["clients"][0]
    return {"DEVIATION_CLIENT_ID": client["client_id"], "DEVIATION_CLIENT_SECRET": client["client_secret"]}


def _run(proof: Proof, mock: MockProcess, deviation: str, reports: Path) -> SuiteRun:
    focus = [arg for operation in proof.operations for arg in ("--operation", operation)]
    if proof.variants:
        mock.admin("POST", "/_mock/variants", {"variants": dict(proof.variants)})
    try:
        with deviation_proxy(mock.base_url, deviation, _proxy_env(proof.api, mock)) as url:
            args = ["--api", proof.api, *focus, "-k", proof.select]
            return run_suite(args, clean_env(_env(proof.api, mock, url)), reports)
    finally:
        # Back to the start-up variants and the seeded entities after every proof: a delete cannot be undone,
        # and a workflow proof may make or remove job sets, so no proof sees what another left behind.
        mock.reset()


def _label(proof: Proof) -> str:
    played = "".join(f"-{name}={value}" for name, value in proof.variants)
    return f"{proof.deviation if proof.deviation != 'none' else proof.api}-{proof.select}{played}"


@pytest.mark.parametrize("proof", PROOFS, ids=_label)
def test_the_promise_fails_on_a_server_that_breaks_it(
    proof: Proof, mocks: dict[tuple[str, bool], MockProcess], tmp_path: Path
) -> None:
    # A token that claims a short life on a server that keeps it: the mock's own lifetime stays long.
    run = _run(proof, mocks[proof.api, False], proof.deviation, tmp_path)
    assert run.returncode == 1, (
        f"{proof.deviation} was not caught by -k {proof.select}:\n{run.output[-3000:]}"
    )
    assert proof.rule in run.output, f"the failure does not name {proof.rule!r}:\n{run.output[-4000:]}"
    assert "**FAIL**" in run.summary


def _combined() -> list[Proof]:
    """The selections of all proofs, merged per API and per mock (one run each keeps the matrix cheap)."""
    merged: dict[tuple[str, bool, tuple[tuple[str, str], ...]], Proof] = {}
    for proof in PROOFS:
        key = (proof.api, _waits(proof), proof.variants)
        known = merged.get(key)
        if known is None:
            merged[key] = Proof("none", proof.api, proof.operations, proof.select, "", proof.variants)
        elif proof.select not in known.select.split(" or "):
            operations = tuple(dict.fromkeys((*known.operations, *proof.operations)))
            select = f"{known.select} or {proof.select}"
            merged[key] = Proof("none", proof.api, operations, select, "", proof.variants)
    return list(merged.values())


@pytest.mark.parametrize("proof", _combined(), ids=_label)
def test_the_same_selection_passes_without_a_deviation(
    proof: Proof, mocks: dict[tuple[str, bool], MockProcess], tmp_path: Path
) -> None:
    """Every selection above, without any deviation, against the same mocks through the same proxy."""
    run = _run(proof, mocks[proof.api, _waits(proof)], "none", tmp_path)
    assert run.returncode == 0, f"-k {proof.select} failed without a deviation:\n{run.output[-4000:]}"
    assert "skipped: needs" not in run.summary, f"a time or identity check did not run:\n{run.summary}"


def test_without_the_variables_those_checks_are_skipped_and_named(
    mocks: dict[tuple[str, bool], MockProcess], tmp_path: Path
) -> None:
    """No CONTRACT_MAX_WAIT and no second identity: the summary says what was not checked and why."""
    mock = mocks["olconnect", True]  # a 2-second token: the summary says which CONTRACT_MAX_WAIT would do
    env = olconnect_env(mock.info, mock.base_url)
    focus = ["--operation", "login", "--operation", "updateJobMetadata"]
    run = run_suite(
        ["--api", "olconnect", *focus, "-k", "after_token_expires_in or write_role"],
        clean_env(env),
        tmp_path,
    )
    assert run.returncode == 0, run.output[-3000:]
    assert "#### Not checked in this run, and why" in run.summary
    assert "set CONTRACT_MAX_WAIT=" in run.summary
    assert "OLCONNECT_READONLY_USERNAME" in run.summary
