"""Documented variants, played: the selection a running mock plays and the questions handlers ask about it.

The variants themselves are contract data (``spec/variants.yaml``, typed by :mod:`spec_model.variants`):
each names its ``spec/DECISIONS.md`` entries and the readings a mock can play, the first being the project
default. A *profile* bundles one value per variant; the mock resolves a selection (profile, then single
overrides) once at start-up and again on ``POST /_mock/variants``. Handlers ask typed questions made at
import (:class:`Plays`, :class:`Setting`), so a misspelt name or value stops the import; answering one is a
dict lookup, so a variant costs nothing per request.

The contract suite runs against every profile and every single variant: a server that follows any reading the
pages allow must pass it.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

import spec_model
from mock_servers.core.http import json_response
from mock_servers.core.scenario import ScenarioError
from spec_model.variants import DEFAULT_PROFILE, Variant, VariantCatalog, VariantError, parse_assignments

__all__ = [
    "CATALOG",
    "DEFAULT_PROFILE",
    "PROFILES",
    "VARIANTS",
    "Plays",
    "Selection",
    "Setting",
    "Variant",
    "VariantError",
    "VariantState",
    "check_assignment",
    "parse_assignments",
    "resolve",
    "selection_from_json",
    "state_for",
    "variant_routes",
    "variants_for",
]

CATALOG: VariantCatalog = spec_model.variants()
VARIANTS: Mapping[str, Variant] = CATALOG.variants
PROFILES: Mapping[str, Mapping[str, str]] = MappingProxyType(
    {name: MappingProxyType(CATALOG.profile(name)) for name in CATALOG.profile_names}
)


@dataclass(frozen=True)
class Plays:
    """A typed question a handler asks, "does this server play VALUE of VARIANT?", checked when made.

    Handlers make them at import (``OPEN = Plays("olc.security", "off")``), so a misspelt name or value
    stops the mock from importing, with the valid choices, instead of comparing unequal on every request.
    """

    variant: str
    value: str

    def __post_init__(self) -> None:
        CATALOG.variant(self.variant).check(self.value)


@dataclass(frozen=True)
class Setting:
    """A typed "which value of VARIANT does this server play?", checked when made (like :class:`Plays`)."""

    variant: str

    def __post_init__(self) -> None:
        CATALOG.variant(self.variant)


def variants_for(api: str) -> list[Variant]:
    return CATALOG.for_api(api)


def check_assignment(api: str, name: str, value: Any) -> str:
    """The value as a string if ``name`` is a variant of ``api`` and ``value`` one of its values."""
    return CATALOG.variant(name, api).check(value)


def resolve(
    api: str, profile: str | None = None, overrides: Mapping[str, Any] | None = None
) -> dict[str, str]:
    """The full variant mapping of ``api``: the profile's values (default ``project``), then the overrides."""
    return CATALOG.resolve(api, profile, overrides)


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

    def plays(self, question: Plays) -> bool:
        """Whether this server plays the value ``question`` names (the question was checked when made)."""
        return self.values[question.variant] == question.value

    def setting(self, setting: Setting) -> str:
        return self.values[setting.variant]

    def value(self, name: str) -> str:
        """The value of ``name``; an unknown name raises :class:`VariantError` (prefer :class:`Setting`)."""
        return self.values[Setting(name).variant]

    def is_(self, name: str, value: str) -> bool:
        """:meth:`plays` for a name and value given here; an unknown one raises (prefer :class:`Plays`)."""
        return self.plays(Plays(name, value))

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
