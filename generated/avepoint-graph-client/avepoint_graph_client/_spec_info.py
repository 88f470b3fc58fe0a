"""Where this package came from: written by scripts/generate.py from spec/avepoint.yaml; do not edit.

`avepoint_graph_client._runtime.version` turns these constants into the public `SPEC_INFO`.
"""

DISTRIBUTION = "avepoint-graph-client"
PACKAGE_VERSION = "2.0.0"
SPEC_TITLE = "AvePoint Graph API - Cloud Backup for Google Workspace jobs"
SPEC_VERSION = "2.0.0"
PACKAGE_REVISION = 0
VENDOR_DOC_VERSION = (
    "AvePoint/cloud-api c1b3210 (docs/docs/services-and-features/google/google.md, changed 2025-08-09)"
)
SPEC_SHA256 = "db826713881031473a62055d9041eb9b4b8fb29e790e5a311cb8fe19436e4c42"
GENERATOR = "openapi-python-client 0.29.1"
