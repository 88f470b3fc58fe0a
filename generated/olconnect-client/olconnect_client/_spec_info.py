"""Where this package came from: written by scripts/generate.py from spec/olconnect.yaml; do not edit.

`olconnect_client._runtime.version` turns these constants into the public `SPEC_INFO`.
"""

DISTRIBUTION = "olconnect-client"
PACKAGE_VERSION = "2.0.0"
SPEC_TITLE = "OL Connect Server REST API (server engine)"
SPEC_VERSION = "2.0.0"
PACKAGE_REVISION = 0
VENDOR_DOC_VERSION = "2025.2"
SPEC_SHA256 = "7a16a904dc730d83e7fc28d1a123aa3b14fed0ac57644bbc534a87f1757eed77"
GENERATOR = "openapi-python-client 0.29.1"
