"""Where this package came from: written by scripts/generate.py from spec/avepoint.yaml; do not edit.

The public `avepoint_graph_client.SPEC_INFO` and `__version__` are these facts as one typed value.
"""

from ._runtime.version import SpecInfo

SPEC_INFO = SpecInfo(
    distribution="avepoint-graph-client",
    package_version="3.1.0",
    spec_title="AvePoint Graph API - backup and restore jobs",
    spec_version="3.1.0",
    package_revision=0,
    vendor_doc_version="AvePoint/cloud-api c1b3210 (docs/docs/services-and-features/google/google.md, changed 2025-08-09)",
    spec_sha256="856bf17d67c5b53fcf1def7dd461bbc660bb2a1e01e886cd026f8ce080ad4656",
    generator="openapi-python-client 0.29.1",
)

__version__ = SPEC_INFO.package_version
