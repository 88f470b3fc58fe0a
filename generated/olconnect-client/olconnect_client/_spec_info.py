"""Where this package came from: written by scripts/generate.py from spec/olconnect.yaml; do not edit.

`olconnect_client._runtime.version` turns these constants into the public `SPEC_INFO`.
"""

DISTRIBUTION = "olconnect-client"
PACKAGE_VERSION = "1.0.0"
SPEC_TITLE = "OL Connect Server REST API (server engine)"
SPEC_VERSION = "1.0.0"
PACKAGE_REVISION = 0
VENDOR_DOC_VERSION = "2025.2"
SPEC_SHA256 = "c1319ae10ff2f66617cc9f57256df8ec2d4da0ec4992795a665413d5edcb1294"
GENERATOR = "openapi-python-client 0.29.1"
