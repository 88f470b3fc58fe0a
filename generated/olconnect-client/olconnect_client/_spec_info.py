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
    spec_sha256="f423d7c00a9abb33530df6dc6dae7416ad2e2745af26dfb9e051e911a0696338",
    generator="openapi-python-client 0.29.1",
)

__version__ = SPEC_INFO.package_version
