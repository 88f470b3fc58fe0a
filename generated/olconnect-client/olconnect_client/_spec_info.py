"""Where this package came from: written by scripts/generate.py from spec/olconnect.yaml; do not edit.

The public `olconnect_client.SPEC_INFO` and `__version__` are these facts as one typed value.
"""

from ._runtime.version import SpecInfo

SPEC_INFO = SpecInfo(
    distribution="olconnect-client",
    package_version="3.1.0",
    spec_title="OL Connect Server REST API (server engine)",
    spec_version="3.1.0",
    package_revision=0,
    vendor_doc_version="2025.2",
    spec_sha256="598db5d2291cb4b403e5cd1bfb2c0ae4da47f36be5bb2f04ef88f8eb68ccfa6b",
    generator="openapi-python-client 0.29.1",
)

__version__ = SPEC_INFO.package_version
