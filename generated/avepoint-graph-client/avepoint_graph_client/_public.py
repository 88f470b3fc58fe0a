"""The names this package adds to its top level, besides those every client package exports.

``__init__.py`` (generator/templates/package_init.py.jinja) re-exports everything listed in ``__all__``
here, so adding a public helper to this package means adding it to this module, not to the template.
"""

from avepoint_graph_client.auth import ClientCredentialsAuth
from avepoint_graph_client.data_centres import DataCentre, data_centre
from avepoint_graph_client.factory import connect
from avepoint_graph_client.job_pages import (
    aiter_dynamics_jobs,
    aiter_m365_jobs,
    aiter_salesforce_jobs,
    aiter_scan_jobs,
    aiter_vm_jobs,
    iter_dynamics_jobs,
    iter_m365_jobs,
    iter_salesforce_jobs,
    iter_scan_jobs,
    iter_vm_jobs,
)
from avepoint_graph_client.paging import JobFilters, aiter_job_pages, aiter_jobs, iter_job_pages, iter_jobs
from avepoint_graph_client.restores import RestoreJobsBusyError, astart_restore, start_restore

__all__ = [
    "ClientCredentialsAuth",
    "DataCentre",
    "JobFilters",
    "RestoreJobsBusyError",
    "aiter_dynamics_jobs",
    "aiter_job_pages",
    "aiter_jobs",
    "aiter_m365_jobs",
    "aiter_salesforce_jobs",
    "aiter_scan_jobs",
    "aiter_vm_jobs",
    "astart_restore",
    "connect",
    "data_centre",
    "iter_dynamics_jobs",
    "iter_job_pages",
    "iter_jobs",
    "iter_m365_jobs",
    "iter_salesforce_jobs",
    "iter_scan_jobs",
    "iter_vm_jobs",
    "start_restore",
]
