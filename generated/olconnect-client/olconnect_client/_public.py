"""The names this package adds to its top level, besides those every client package exports.

``__init__.py`` (generator/templates/package_init.py.jinja) re-exports everything listed in ``__all__``
here, so adding a public helper to this package means adding it to this module, not to the template.
"""

from olconnect_client._runtime.async_operations import (
    OperationError,
    OperationFailedError,
    OperationNotFoundError,
    OperationTimeoutError,
    Progress,
)
from olconnect_client.auth import BasicAuth, TokenAuth
from olconnect_client.factory import connect
from olconnect_client.workflow import create_job_set, create_output, run_all_in_one

__all__ = [
    "BasicAuth",
    "OperationError",
    "OperationFailedError",
    "OperationNotFoundError",
    "OperationTimeoutError",
    "Progress",
    "TokenAuth",
    "connect",
    "create_job_set",
    "create_output",
    "run_all_in_one",
]
