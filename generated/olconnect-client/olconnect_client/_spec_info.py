"""Where this package came from: written by scripts/generate.py from spec/olconnect.yaml; do not edit.

`olconnect_client._runtime.version` turns these constants into the public `SPEC_INFO`.
"""

DISTRIBUTION = "olconnect-client"
PACKAGE_VERSION = "1.0.0"
SPEC_TITLE = "OL Connect Server REST API (server engine)"
SPEC_VERSION = "1.0.0"
PACKAGE_REVISION = 0
VENDOR_DOC_VERSION = "2025.2"
SPEC_SHA256 = "73939bb9ad8dd601db56de4f092ca43881f3fbbf032507f9c3e70efa8ac17798"
GENERATOR = "openapi-python-client 0.29.1"
