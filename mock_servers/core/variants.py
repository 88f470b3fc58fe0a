"""Documented variants: the behaviours the vendor pages allow where they allow more than one.

Each :class:`Variant` names one ``spec/DECISIONS.md`` entry with alternatives and lists the readings the mock
can play; the first is the project's default. A *profile* bundles one value per variant; the mock resolves
a selection (profile, then single overrides) once at start-up and again on ``POST /_mock/variants``; handlers
read the current value with :meth:`VariantState.value`, a dict lookup, so a variant costs nothing per request.

The contract suite runs against every profile and every single variant: a server that follows any reading the
pages allow must pass it.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

from mock_servers.core.http import json_response
from mock_servers.core.scenario import ScenarioError

DEFAULT_PROFILE = "project"


class VariantError(ValueError):
    """An unknown variant, value or profile; the message is one line and names the valid choices."""


@dataclass(frozen=True)
class Variant:
    """One documented alternative: ``values[0]`` is what the mock does unless told otherwise."""

    name: str
    api: str
    decision: str
    values: tuple[str, ...]
    description: str

    @property
    def default(self) -> str:
        return self.values[0]


_ALL = (
    Variant(
        "olc.invalid-credentials",
        "olconnect",
        "OLC-01",
        ("401", "403"),
        "Wrong password or unknown token on a protected operation: 401 (2023.1+ pages) or 403 (2020-2022 "
        "pages). Missing credentials and expired tokens stay 401; login always answers 401.",
    ),
    Variant(
        "olc.error-body",
        "olconnect",
        "OLC-02",
        ("json", "none", "text"),
        "401 and 500 answers carry a JSON Error (2023.1+ pages) or no body at all (older pages); text: the "
        "older pages' letter, an 'Error message' of unstated type sent as plain text on 403 and on the 401s "
        "for wrong or expired credentials, no body on the other 401s and on 500.",
    ),
    Variant(
        "olc.unknown-id",
        "olconnect",
        "OLC-04",
        ("404", "empty-200"),
        "An entity ID that names nothing: 404 JSON Error, or 200 with an empty list (single PUTs answer "
        "false, the multi-update skips it). Statistics keep their documented 404.",
    ),
    Variant(
        "olc.malformed-id",
        "olconnect",
        "OLC-05",
        ("400", "404"),
        "A path ID that is not an integer 0..2^63-1: 400 naming the parameter, or 404 (a JAX-RS path "
        "parameter that cannot be converted).",
    ),
    Variant(
        "olc.negative-id",
        "olconnect",
        "OLC-05",
        ("malformed", "unknown"),
        "A negative path ID is malformed (see olc.malformed-id) or a well-formed ID of no entity "
        "(see olc.unknown-id).",
    ),
    Variant(
        "olc.token-expires-in",
        "olconnect",
        "OLC-03",
        ("present", "absent"),
        "Login sends Token-Expires-In (servers 2021.2+) or not (older servers).",
    ),
    Variant(
        "olc.server-version",
        "olconnect",
        "OLC-13",
        ("2025.2", "2023.1", "2021.1"),
        "What GET .../authentication/version (and every service version) answers, as YYYY.N.0.1 unless the "
        "scenario's settings.server_version starts with the same YYYY.N. The statistics service follows it "
        "(OLC-60): 404 before 2024.1.",
    ),
    Variant(
        "olc.update-answer",
        "olconnect",
        "OLC-10",
        ("true", "empty"),
        "A successful single PUT answers text/plain true, or 200 with no body (both count as success).",
    ),
    Variant(
        "olc.multi-update",
        "olconnect",
        "OLC-09",
        ("merge", "replace"),
        "PUT .../entity/jobs/properties sets the listed properties and keeps the others (merge), or replaces "
        "each listed job's whole set (replace).",
    ),
    Variant(
        "olc.job-sets-root",
        "olconnect",
        "OLC-41",
        ("list", "negotiated"),
        "GET .../entity/jobsets always answers the JSON list of job sets, or answers the plain-text service "
        "handshake to a request whose Accept names text/plain and not JSON.",
    ),
    Variant(
        "olc.job-set-delete",
        "olconnect",
        "OLC-42",
        ("immediate", "deferred"),
        "A deleted job set (and everything it owns) is gone at once, or is only marked and disappears about "
        "a second later.",
    ),
    Variant(
        "olc.statistics-properties",
        "olconnect",
        "OLC-11",
        ("array", "string"),
        "A job set's statistics properties as an array of name=value strings (the page's wording), or as "
        "one string (the type the Statistics page gives the member).",
    ),
    Variant(
        "ave.next-link",
        "avepoint",
        "AVE-03",
        ("absolute", "opaque"),
        "nextLink is an absolute URL of the next page (the prose), or an opaque URL-encoded token (the "
        "sample).",
    ),
    Variant(
        "ave.last-page-link",
        "avepoint",
        "AVE-04",
        ("absent", "null", "empty"),
        "The last page leaves nextLink out, sends null, or sends an empty string.",
    ),
    Variant(
        "ave.status-alias",
        "avepoint",
        "AVE-01",
        ("alias", "ignored"),
        "The request sample's status=... is taken as jobStatus (different values of both answer 400), or "
        "ignored like any name the parameter table does not list.",
    ),
    Variant(
        "ave.inverted-window",
        "avepoint",
        "AVE-07",
        ("400", "empty"),
        "A startTime later than finishTime answers 400 naming the parameter, or a page with no jobs (no job "
        "can start inside an empty window).",
    ),
    Variant(
        "ave.error-body",
        "avepoint",
        "AVE-05",
        ("json", "none", "text"),
        "The job list's error answers (400, 401, 403, 500) carry the JSON envelope {status, message}, "
        "no body, or the message as plain text: the pages document no error body.",
    ),
    Variant(
        "ave.app-type-mask",
        "avepoint",
        "AVE-08",
        ("400", "mask"),
        "appType set to a sum of documented values (a bit-mask) answers 400 naming appType, or lists the "
        "jobs of any of those services.",
    ),
    Variant(
        "ave.page-bounds",
        "avepoint",
        "AVE-09",
        ("reject", "int32"),
        "A negative pageIndex or a pageSize below 1 answers 400; int32: so does a value above 2^31-1 "
        "(what an ASP.NET Core int parameter holds). Larger values are taken otherwise.",
    ),
    Variant(
        "ave.invalid-client",
        "avepoint",
        "AVE-16",
        ("401", "400"),
        "A wrong client secret or unknown client_id: 401 invalid_client with a Basic challenge, or 400 "
        "invalid_client without one (the RFC 6749 section 5.2 default).",
    ),
    Variant(
        "ave.running-finish-time",
        "avepoint",
        "AVE-10",
        ("absent", "empty", "time"),
        "A running job (status 0) leaves finishTime out, sends an empty string, or sends the .NET "
        "placeholder time 0001-01-01T00:00:00+00:00.",
    ),
    # Behaviours the pages leave open that the contract suite checks per variant (issue 20).
    Variant(
        "olc.security",
        "olconnect",
        "OLC-22",
        ("on", "off"),
        "Server security settings enabled (credentials checked, 401/403 as OLC-01) or disabled (every "
        "request is served without checking credentials; login hands out a token to anyone).",
    ),
    Variant(
        "olc.property-store",
        "olconnect",
        "OLC-30",
        ("list", "map"),
        "A single PUT stores the list as given (order and duplicate names kept) or as a name -> value map "
        "(one entry per name, at its first place, with its last value).",
    ),
    Variant(
        "olc.multi-update-repeats",
        "olconnect",
        "OLC-33",
        ("reject", "apply"),
        "The same job listed twice in a multi-update: 400 and nothing changes, or each item applied in "
        "list order.",
    ),
    Variant(
        "olc.entity-error-body",
        "olconnect",
        "OLC-05",
        ("json", "text", "none"),
        "The body of an entity operation's 400/404 (malformed or unknown ID, bad request body), which no "
        "entity page documents: a JSON Error, a plain-text message (what a JAX-RS conversion failure may "
        "send), or no body. Statistics keep their documented JSON Error.",
    ),
    Variant(
        "ave.time-window",
        "avepoint",
        "AVE-25",
        ("start", "finish", "overlap", "exclusive"),
        "startTime/finishTime bound the job's start time inclusively, its finish time (a running job has "
        "none, so only a window without finishTime holds it), select every job that ran during the window, "
        "or bound the start time exclusively.",
    ),
    # The other job endpoints of the AvePoint Graph API (issue 22).
    Variant(
        "ave.m365-total-name",
        "avepoint",
        "AVE-41",
        ("total-number", "total-count"),
        "The Microsoft 365 job list names its count metadata.totalNumber (the table) or metadata.totalCount "
        "(the sample).",
    ),
    Variant(
        "ave.m365-detail-names",
        "avepoint",
        "AVE-42",
        ("number", "count"),
        "A Microsoft 365 job's backupDetails counts are named totalNumber, failedNumber, ... (the table) or "
        "totalCount, failedCount, ... (the job-list sample).",
    ),
    Variant(
        "ave.m365-next-link",
        "avepoint",
        "AVE-44",
        ("absolute", "opaque"),
        "The Microsoft 365 and Salesforce lists name the next page with an absolute URL or an opaque token.",
    ),
    Variant(
        "ave.m365-unknown-job",
        "avepoint",
        "AVE-45",
        ("404", "empty-200"),
        "Microsoft 365 job details of an unknown job ID answer 404, or 200 with data null.",
    ),
    Variant(
        "ave.restore-listing",
        "avepoint",
        "AVE-47",
        ("immediate", "delayed"),
        "A new restore job is in the Microsoft 365 job list and job details at once, or one second later.",
    ),
    Variant(
        "ave.sf-status-name",
        "avepoint",
        "AVE-50",
        ("status", "state"),
        "A Salesforce job carries its state as status (the table) or state (the sample).",
    ),
    Variant(
        "ave.vm-next-link-name",
        "avepoint",
        "AVE-51",
        ("camel-case", "lower-case"),
        "The IaaS + PaaS next-page token is in nextLink (the sample) or nextlink (the table).",
    ),
    Variant(
        "ave.d365-next-link",
        "avepoint",
        "AVE-52",
        ("relative", "absolute"),
        "The Dynamics 365 nextLink is relative to the service as in the sample (/jobs?...), or an absolute "
        "URL.",
    ),
    Variant(
        "ave.aos-skip-unit",
        "avepoint",
        "AVE-53",
        ("items", "pages"),
        "The AOS scan list's skip counts jobs, or pages of top jobs (as the sample's nextLink reads).",
    ),
    Variant(
        "ave.insights-unknown-job",
        "avepoint",
        "AVE-54",
        ("404", "400"),
        "An Insights export job ID that names no job answers 404, or 400 as an invalid ID.",
    ),
    Variant(
        "ave.insights-file-type",
        "avepoint",
        "AVE-54",
        ("zip", "octet-stream"),
        "The Insights report is sent as application/zip or application/octet-stream.",
    ),
)

VARIANTS: Mapping[str, Variant] = MappingProxyType({variant.name: variant for variant in _ALL})

_DOCS_LITERAL = {
    "olc.invalid-credentials": "403",
    "olc.error-body": "text",
    "olc.unknown-id": "empty-200",
    "olc.malformed-id": "404",
    "olc.negative-id": "unknown",
    "olc.token-expires-in": "absent",
    "olc.server-version": "2021.1",
    "olc.update-answer": "true",
    "olc.multi-update": "merge",
    "olc.job-sets-root": "list",
    "olc.job-set-delete": "deferred",
    "olc.statistics-properties": "string",
    "ave.next-link": "opaque",
    "ave.last-page-link": "absent",
    "ave.status-alias": "ignored",
    "ave.inverted-window": "empty",
    "ave.invalid-client": "400",
    "ave.error-body": "none",
    "ave.app-type-mask": "mask",
    "ave.running-finish-time": "absent",
    "ave.vm-next-link-name": "lower-case",
    "ave.aos-skip-unit": "pages",
}

PROFILES: Mapping[str, Mapping[str, str]] = MappingProxyType(
    {
        # Today's behaviour: the first value of every variant.
        "project": MappingProxyType({variant.name: variant.default for variant in _ALL}),
        # A server written from the letter of the pages, as old as its other choices imply (2020-2022 auth
        # layout, no bodies on 401/500, no Token-Expires-In before 2021.2), with the sample's nextLink.
        "docs-literal": MappingProxyType(_DOCS_LITERAL),
    }
)


def variants_for(api: str) -> list[Variant]:
    return [variant for variant in VARIANTS.values() if variant.api == api]


def _choices(items: Iterable[str]) -> str:
    return ", ".join(items)


def check_assignment(api: str, name: str, value: Any) -> str:
    """The value as a string if ``name`` is a variant of ``api`` and ``value`` one of its values."""
    variant = VARIANTS.get(name)
    if variant is None or variant.api != api:
        valid = _choices(variant.name for variant in variants_for(api))
        raise VariantError(f"unknown {api} variant {name!r}; valid variants: {valid}")
    if not isinstance(value, str) or value not in variant.values:
        raise VariantError(f"variant {name} has no value {value!r}; valid values: {_choices(variant.values)}")
    return value


def resolve(
    api: str, profile: str | None = None, overrides: Mapping[str, Any] | None = None
) -> dict[str, str]:
    """The full variant mapping of ``api``: the profile's values (default ``project``), then the overrides."""
    chosen = PROFILES.get(profile or DEFAULT_PROFILE)
    if chosen is None:
        raise VariantError(f"unknown profile {profile!r}; valid profiles: {_choices(PROFILES)}")
    values = {variant.name: chosen.get(variant.name, variant.default) for variant in variants_for(api)}
    for name, value in (overrides or {}).items():
        values[name] = check_assignment(api, name, value)
    return values


def parse_assignments(items: Iterable[str]) -> dict[str, str]:
    """``["olc.unknown-id=empty-200", ...]`` from the command line; later items win."""
    result: dict[str, str] = {}
    for item in items:
        name, separator, value = item.partition("=")
        if not separator or not name.strip():
            raise VariantError(f"--variant needs NAME=VALUE, got {item!r}")
        result[name.strip()] = value.strip()
    return result


@dataclass(frozen=True)
class Selection:
    """A requested selection before resolution: a profile (or None) and single overrides."""

    profile: str | None = None
    overrides: Mapping[str, str] = field(default_factory=dict)

    @classmethod
    def from_scenario(cls, data: Mapping[str, Any] | None) -> Selection:
        """The scenario's ``variants: {profile: NAME, NAME: VALUE, ...}`` object."""
        if not data:
            return cls()
        entries = dict(data)
        profile = entries.pop("profile", None)
        if profile is not None and not isinstance(profile, str):
            raise VariantError(f"profile must be a string, got {profile!r}")
        return cls(profile, MappingProxyType(entries))

    def over(self, base: Selection) -> Selection:
        """This selection layered on ``base`` (the CLI over the scenario): a profile here restarts from it."""
        if self.profile is not None:
            return self
        return Selection(base.profile, MappingProxyType({**base.overrides, **self.overrides}))


class VariantState:
    """The variants one running mock plays now; replaced whole by the admin endpoint, read per request."""

    def __init__(self, api: str, selection: Selection) -> None:
        self.api = api
        self._lock = threading.Lock()
        self.initial = selection
        self.profile = DEFAULT_PROFILE
        self.values: dict[str, str] = {}
        self.select(selection)

    def select(self, selection: Selection) -> dict[str, Any]:
        """Resolve and apply a selection (raises :class:`VariantError` and changes nothing when it is bad)."""
        values = resolve(self.api, selection.profile, selection.overrides)
        with self._lock:
            self.profile = selection.profile or DEFAULT_PROFILE
            self.values = values
        return self.describe()

    def reset(self) -> None:
        self.select(self.initial)

    def value(self, name: str) -> str:
        return self.values[name]

    def is_(self, name: str, value: str) -> bool:
        return self.values[name] == value

    def describe(self) -> dict[str, Any]:
        return {"profile": self.profile, "variants": dict(self.values)}

    def summary_line(self) -> str:
        """For the start-up summary: the profile and every value that differs from the project default."""
        defaults = {name: variant.default for name, variant in VARIANTS.items()}
        changed = [f"{name}={value}" for name, value in self.values.items() if value != defaults[name]]
        return f"  variants: profile {self.profile}" + (f" ({', '.join(changed)})" if changed else "")


def state_for(api: str, scenario: Mapping[str, Any], source: str, cli: Selection | None) -> VariantState:
    """The start-up selection: the scenario's ``variants`` object, then the command line's choices."""
    try:
        base = Selection.from_scenario(scenario.get("variants"))
        resolve(api, base.profile, base.overrides)
    except VariantError as exc:
        raise ScenarioError(f"{source}: /variants: {exc}") from None
    return VariantState(api, cli.over(base) if cli is not None else base)


def selection_from_json(data: Any) -> Selection:
    """The body of ``POST /_mock/variants``: ``{"profile": NAME, "variants": {NAME: VALUE}}``, both optional.

    It replaces the whole selection: an omitted profile means ``project``.
    """
    if not isinstance(data, dict):
        raise VariantError('body must be a JSON object {"profile": NAME, "variants": {NAME: VALUE}}')
    unknown = set(data) - {"profile", "variants"}
    if unknown:
        raise VariantError(f"unknown member(s) {', '.join(sorted(unknown))}; expected profile, variants")
    profile = data.get("profile")
    if profile is not None and not isinstance(profile, str):
        raise VariantError(f"profile must be a string, got {profile!r}")
    overrides = data.get("variants") or {}
    if not isinstance(overrides, dict):
        raise VariantError("variants must be an object of NAME: VALUE")
    return Selection(profile, MappingProxyType(dict(overrides)))


def variant_routes(state: VariantState) -> list[BaseRoute]:
    """``GET /_mock/variants`` shows the selection; ``POST`` replaces it (omitted profile: ``project``)."""

    async def get_variants(_: Request) -> Response:
        return json_response(state.describe())

    async def set_variants(request: Request) -> Response:
        try:
            data = await request.json()
        except ValueError:
            return json_response({"error": "body must be a JSON object"}, status=400)
        try:
            return json_response(state.select(selection_from_json(data)))
        except VariantError as exc:
            return json_response({"error": str(exc)}, status=400)

    return [
        Route("/_mock/variants", get_variants, methods=["GET"]),
        Route("/_mock/variants", set_variants, methods=["POST"]),
    ]
