"""Facts generate.py takes from a spec's `info` object, and the package version scheme.

Scheme (agreed for the whole project): `info.version` is our semver of the spec; `info.x-package-revision`
(integer >= 0) counts client releases made without a spec change. The package version is `info.version`
when the revision is 0, else `<info.version>.post<revision>` (a PEP 440 post-release, so pip orders it
after the plain spec version and before the next spec version).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import GenerationError

SEMVER = re.compile(r"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$")


@dataclass(frozen=True)
class SpecFacts:
    title: str
    description: str
    spec_version: str
    package_revision: int
    vendor_doc_version: str
    spec_sha256: str

    @property
    def package_version(self) -> str:
        return package_version(self.spec_version, self.package_revision)


def package_version(spec_version: str, revision: int) -> str:
    """The client package version for a spec version and a package revision."""
    if not SEMVER.match(spec_version):
        raise GenerationError(f"info.version must be MAJOR.MINOR.PATCH, got {spec_version!r}")
    if isinstance(revision, bool) or not isinstance(revision, int) or revision < 0:
        raise GenerationError(f"info.x-package-revision must be an integer >= 0, got {revision!r}")
    return spec_version if revision == 0 else f"{spec_version}.post{revision}"


def read_spec_facts(spec_path: Path, spec: dict[str, Any]) -> SpecFacts:
    info = spec.get("info")
    if not isinstance(info, dict):
        raise GenerationError(f"{spec_path}: the spec has no info object")
    spec_version = str(info.get("version", ""))
    revision = info.get("x-package-revision", 0)
    facts = SpecFacts(
        title=str(info.get("title", "")),
        description=str(info.get("description", "")).strip(),
        spec_version=spec_version,
        package_revision=revision,
        vendor_doc_version=str(info.get("x-vendor-doc-version", "")),
        spec_sha256=hashlib.sha256(spec_path.read_bytes()).hexdigest(),
    )
    try:
        _ = facts.package_version
    except GenerationError as exc:
        raise GenerationError(f"{spec_path}: {exc}") from None
    return facts
