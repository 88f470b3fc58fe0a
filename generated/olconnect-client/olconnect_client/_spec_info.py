"""Where this package came from: written by scripts/generate.py from spec/olconnect.yaml; do not edit.

`olconnect_client._runtime.version` turns these constants into the public `SPEC_INFO`.
"""

DISTRIBUTION = "olconnect-client"
PACKAGE_VERSION = "1.0.0"
SPEC_TITLE = "OL Connect Server REST API (server engine)"
SPEC_VERSION = "1.0.0"
PACKAGE_REVISION = 0
VENDOR_DOC_VERSION = "2025.2"
SPEC_SHA256 = "2a9e95ba04a56a3d7eb1222f5b8956183189226dca386164970a4f4e187e6f51"
GENERATOR = "openapi-python-client 0.29.1"
