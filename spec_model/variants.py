"""The documented variants (``spec/variants.yaml``) as typed data: names, values, defaults, entries, profiles.

A variant is a contract fact, not mock code: where the vendor pages allow more than one behaviour, the file
names each reading. The mocks play them, the contract suite names them in its fingerprint and its
``--mock-variant`` options, and a spec check holds DECISIONS.md's table to them; all read this one model.
Everything a caller can name (a variant, a value, a profile) is checked here, so a typo raises
:class:`VariantError` with the valid choices instead of comparing unequal somewhere.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import Any

from spec_model.loader import SpecLoadError, load_document

DEFAULT_PROFILE = "project"
VARIANTS_FILE = "variants.yaml"
_NAME = re.compile(r"(olc|ave)\.[a-z0-9]+(-[a-z0-9]+)*")
_DECISION = re.compile(r"(OLC|AVE)-\d+")
_API_PREFIX = {"olconnect": "olc.", "avepoint": "ave."}
_KEYS = frozenset({"api", "decisions", "values", "description"})


class VariantError(ValueError):
    """An unknown variant, value or profile (or a malformed variants file); one line naming the choices."""


@dataclass(frozen=True)
class Variant:
    """One documented alternative: ``values[0]`` is what a mock does unless told otherwise."""

    name: str
    api: str
    decisions: tuple[str, ...]
    values: tuple[str, ...]
    description: str
    profiles: Mapping[str, str]  # profile name -> value, for the profiles that do not take the default

    @property
    def default(self) -> str:
        return self.values[0]

    @property
    def decision(self) -> str:
        """The entry this variant plays first (its own); ``decisions`` may cite more."""
        return self.decisions[0]

    def check(self, value: object) -> str:
        """``value`` if it is one of this variant's values, else :class:`VariantError` naming them."""
        if not isinstance(value, str) or value not in self.values:
            valid = _list(self.values)
            raise VariantError(f"variant {self.name} has no value {value!r}; valid values: {valid}")
        return value


@dataclass(frozen=True)
class VariantCatalog:
    """Every variant of both APIs and every profile, as ``spec/variants.yaml`` declares them."""

    variants: Mapping[str, Variant]
    profile_names: tuple[str, ...]  # ``project`` first

    def variant(self, name: str, api: str | None = None) -> Variant:
        """The variant ``name`` (of ``api`` when given), or :class:`VariantError` naming the valid ones."""
        found = self.variants.get(name)
        if found is None or (api is not None and found.api != api):
            valid = _list(v.name for v in self.variants.values() if api is None or v.api == api)
            raise VariantError(f"unknown {api + ' ' if api else ''}variant {name!r}; valid variants: {valid}")
        return found

    def for_api(self, api: str) -> list[Variant]:
        return [variant for variant in self.variants.values() if variant.api == api]

    def profile(self, name: str) -> dict[str, str]:
        """Every variant's value in profile ``name``."""
        if name not in self.profile_names:
            raise VariantError(f"unknown profile {name!r}; valid profiles: {_list(self.profile_names)}")
        return {v.name: v.profiles.get(name, v.default) for v in self.variants.values()}

    def resolve(
        self, api: str, profile: str | None = None, overrides: Mapping[str, Any] | None = None
    ) -> dict[str, str]:
        """Every variant of ``api``: the profile's values (default ``project``), then the overrides."""
        chosen = self.profile(profile or DEFAULT_PROFILE)
        values = {variant.name: chosen[variant.name] for variant in self.for_api(api)}
        for name, value in (overrides or {}).items():
            values[name] = self.variant(name, api).check(value)
        return values


def parse_assignments(items: Iterable[str]) -> dict[str, str]:
    """``["olc.unknown-id=empty-200", ...]`` from a command line; later items win (values checked later)."""
    result: dict[str, str] = {}
    for item in items:
        name, separator, value = item.partition("=")
        if not separator or not name.strip():
            raise VariantError(f"--variant needs NAME=VALUE, got {item!r}")
        result[name.strip()] = value.strip()
    return result


def _list(items: Iterable[str]) -> str:
    return ", ".join(items)


def _strings(value: object, where: str, what: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not value or not all(isinstance(item, str) for item in value):
        raise VariantError(f"{where}: {what} must be a non-empty list of quoted strings, got {value!r}")
    return tuple(value)


def _variant(name: str, entry: object, profile_names: tuple[str, ...], source: str) -> Variant:
    where = f"{source}: variants/{name}"
    if not _NAME.fullmatch(name):
        raise VariantError(f"{where}: a name is olc.* or ave.* in lower-case kebab words")
    if not isinstance(entry, dict):
        raise VariantError(f"{where}: expected a mapping")
    unknown = set(entry) - _KEYS - set(profile_names[1:])
    missing = _KEYS - set(entry)
    if unknown or missing:
        raise VariantError(f"{where}: unknown keys {sorted(unknown)} / missing keys {sorted(missing)}")
    api = entry["api"]
    if _API_PREFIX.get(api) != name[:4]:
        raise VariantError(f"{where}: api {api!r} does not fit the name (olc.* is olconnect, ave.* avepoint)")
    values = _strings(entry["values"], where, "values")
    if len(values) < 2 or len(set(values)) != len(values):
        raise VariantError(f"{where}: values must be at least two different readings")
    decisions = _strings(entry["decisions"], where, "decisions")
    if not all(_DECISION.fullmatch(decision) for decision in decisions):
        raise VariantError(f"{where}: decisions are DECISIONS.md IDs such as OLC-01, got {list(decisions)}")
    profiles = {profile: entry[profile] for profile in profile_names[1:] if profile in entry}
    for profile, value in profiles.items():
        if value not in values:
            raise VariantError(f"{where}: {profile} value {value!r} is not one of {_list(values)}")
    description = entry["description"]
    if not isinstance(description, str) or not description.strip():
        raise VariantError(f"{where}: description must be text")
    return Variant(name, api, decisions, values, description, MappingProxyType(profiles))


def load_variants(path: Path) -> VariantCatalog:
    """Read and type ``path`` (the strict spec loader); any malformed part raises :class:`VariantError`."""
    try:
        document = load_document(path)
    except (OSError, SpecLoadError) as exc:
        raise VariantError(f"{path}: cannot read: {exc}") from None
    source = path.name
    if set(document) != {"profiles", "variants"}:
        raise VariantError(f"{source}: expected exactly the keys profiles and variants")
    declared = document["profiles"] or {}
    if not isinstance(declared, dict) or DEFAULT_PROFILE in declared:
        raise VariantError(f"{source}: profiles maps names (not {DEFAULT_PROFILE}) to their description")
    profile_names = (DEFAULT_PROFILE, *declared)
    entries = document["variants"]
    if not isinstance(entries, dict) or not entries:
        raise VariantError(f"{source}: variants must be a non-empty mapping")
    variants = {name: _variant(name, entry, profile_names, source) for name, entry in entries.items()}
    return VariantCatalog(MappingProxyType(variants), profile_names)


def variants_path() -> Path:
    """The packaged copy (a wheel carries ``spec_model/specs/variants.yaml``) first, then the checkout's."""
    packaged = resources.files("spec_model").joinpath("specs", VARIANTS_FILE)
    if packaged.is_file():
        return Path(str(packaged))
    return Path(__file__).resolve().parent.parent / "spec" / VARIANTS_FILE


@cache
def variants() -> VariantCatalog:
    """The catalog of ``spec/variants.yaml``, read once per process (callers must not change it)."""
    return load_variants(variants_path())
