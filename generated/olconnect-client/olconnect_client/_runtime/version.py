"""Which spec, vendor documentation and generator this client package was built from.

Support questions start with "which version of the API description does your client follow?". The
constants come from ``<package>/_spec_info.py``, which scripts/generate.py writes from the spec's ``info``
object; this module turns them into one typed value and a User-Agent product token, so both packages expose
the same facts the same way (``<package>.SPEC_INFO`` and ``<package>.__version__``).
"""

from __future__ import annotations

from dataclasses import dataclass

from .. import _spec_info


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


SPEC_INFO = SpecInfo(
    distribution=_spec_info.DISTRIBUTION,
    package_version=_spec_info.PACKAGE_VERSION,
    spec_title=_spec_info.SPEC_TITLE,
    spec_version=_spec_info.SPEC_VERSION,
    package_revision=_spec_info.PACKAGE_REVISION,
    vendor_doc_version=_spec_info.VENDOR_DOC_VERSION,
    spec_sha256=_spec_info.SPEC_SHA256,
    generator=_spec_info.GENERATOR,
)

__version__ = SPEC_INFO.package_version
