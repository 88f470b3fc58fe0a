"""The names this package adds to its top level, besides those every client package exports.

``__init__.py`` (generator/templates/package_init.py.jinja) re-exports everything listed in ``__all__``
here, so adding a public helper to this package means adding it to this module, not to the template.
"""

from olconnect_client.auth import BasicAuth, TokenAuth
from olconnect_client.factory import connect

__all__ = ["BasicAuth", "TokenAuth", "connect"]
