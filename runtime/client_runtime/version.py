"""Which spec, vendor documentation and generator this client package was built from.

Support questions start with "which version of the API description does your client follow?". This module
defines the one typed value both packages expose; ``<package>/_spec_info.py``, which scripts/generate.py
writes from the spec's ``info`` object, fills it in (``<package>.SPEC_INFO`` and ``<package>.__version__``).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SpecInfo:
    """Provenance of the package: its own version and the spec it was generated from."""

    distribution: str
    package_version: str
    spec_title: str
    spec_version: str
    package_revision: int
    vendor_doc_version: str
    spec_sha256: str
    generator: str

    @property
    def user_agent(self) -> str:
        """A User-Agent value that names the package and the spec version (RFC 9110 product tokens)."""
        return f"{self.distribution}/{self.package_version} (spec {self.spec_version})"
