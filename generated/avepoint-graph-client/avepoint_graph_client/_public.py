"""The names this package adds to its top level, besides those every client package exports.

``__init__.py`` (generator/templates/package_init.py.jinja) re-exports everything listed in ``__all__``
here, so adding a public helper to this package means adding it to this module, not to the template.
"""

from avepoint_graph_client.auth import ClientCredentialsAuth
from avepoint_graph_client.data_centres import DataCentre, data_centre
from avepoint_graph_client.factory import connect
from avepoint_graph_client.paging import JobFilters, aiter_job_pages, aiter_jobs, iter_job_pages, iter_jobs

__all__ = [
    "ClientCredentialsAuth",
    "DataCentre",
    "JobFilters",
    "aiter_job_pages",
    "aiter_jobs",
    "connect",
    "data_centre",
    "iter_job_pages",
    "iter_jobs",
]
