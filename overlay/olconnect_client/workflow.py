"""Job creation, output creation and All-In-One as single calls: submit, follow, collect (OLC-50..OLC-56).

Each function starts the operation once (a submit is never retried: it is not idempotent), reports every
progress reading to ``on_progress``, and returns what the operation produced: the job set ID, or the output
written to ``destination`` without holding it in memory. A ``timeout`` or Ctrl+C cancels the operation on
the server first. The follow-up URLs are built from the ``operationId`` header, as the vendor's own client
does, since the pages do not show how ``Link`` is written (OLC-50).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from urllib.parse import quote

from olconnect_client._runtime.async_operations import (
    DEFAULT_POLL_INTERVAL,
    AsyncOperation,
    OperationFailedError,
    Progress,
    run_operation,
    stream_to_file,
)
from olconnect_client._runtime.options import RequestOptions
from olconnect_client.api.all_in_one import cancel_all_in_one, get_all_in_one_progress, submit_all_in_one
from olconnect_client.api.job_creation import (
    cancel_job_creation,
    get_job_creation_progress,
    get_job_creation_result,
    submit_job_creation,
)
from olconnect_client.api.output_creation import (
    cancel_output_creation,
    get_output_creation_progress,
    get_output_creation_result,
    submit_output_creation,
    submit_output_creation_by_jobs,
)
from olconnect_client.client import AuthenticatedClient
from olconnect_client.models.all_in_one_request import AllInOneRequest
from olconnect_client.models.job_creation_request import JobCreationRequest
from olconnect_client.models.output_creation_by_job_set_request import OutputCreationByJobSetRequest
from olconnect_client.models.output_creation_by_jobs_request import OutputCreationByJobsRequest
from olconnect_client.models.runtime_parameters import RuntimeParameters

__all__ = ["create_job_set", "create_output", "run_all_in_one"]

WORKFLOW = "/rest/serverengine/workflow"
NO_RETRY = RequestOptions(max_retries=0)  # a repeated submit would start a second operation
ProgressCallback = Callable[[Progress], None]


def create_job_set(
    client: AuthenticatedClient,
    config_id: str,
    content_set_ids: Sequence[int],
    *,
    parameters: Mapping[str, str | float | bool] | None = None,
    on_progress: ProgressCallback | None = None,
    timeout: float | None = None,
    poll_interval: float = DEFAULT_POLL_INTERVAL,
) -> int:
    """Run a job creation over ``content_set_ids`` with the preset ``config_id``; returns the job set ID."""
    body = JobCreationRequest(identifiers=list(content_set_ids))
    if parameters is not None:
        body.parameters = RuntimeParameters.from_dict(dict(parameters))

    def submit() -> str:
        response = submit_job_creation.sync_detailed(config_id, client=client, body=body, options=NO_RETRY)
        return _operation_id(response.headers)

    operation = AsyncOperation(
        submit=submit,
        progress=lambda op: get_job_creation_progress.sync(op, client=client),
        result=lambda op: int(get_job_creation_result.sync(op, client=client)),
        cancel=lambda op: cancel_job_creation.sync(op, client=client),
    )
    return run_operation(operation, on_progress=on_progress, timeout=timeout, poll_interval=poll_interval)


def create_output(
    client: AuthenticatedClient,
    config_id: str,
    destination: str | os.PathLike[str],
    *,
    job_set_id: int | None = None,
    job_ids: Sequence[int] | None = None,
    create_only: bool = True,
    on_progress: ProgressCallback | None = None,
    timeout: float | None = None,
    poll_interval: float = DEFAULT_POLL_INTERVAL,
) -> Path:
    """Produce the output of a job set (or of some of its jobs) with the preset ``config_id`` and stream it
    to ``destination``; returns that path. Give exactly one of ``job_set_id`` and ``job_ids``."""
    if (job_set_id is None) == (job_ids is None):
        raise ValueError("give exactly one of job_set_id and job_ids")

    def submit() -> str:
        if job_ids is not None:
            jobs = OutputCreationByJobsRequest(identifiers=list(job_ids), create_only=create_only)
            detailed = submit_output_creation_by_jobs.sync_detailed
            response = detailed(config_id, client=client, body=jobs, options=NO_RETRY)
        else:
            assert job_set_id is not None  # checked above
            one = OutputCreationByJobSetRequest(identifier=job_set_id, create_only=create_only)
            response = submit_output_creation.sync_detailed(
                config_id, client=client, body=one, options=NO_RETRY
            )
        return _operation_id(response.headers)

    operation = AsyncOperation(
        submit=submit,
        progress=lambda op: get_output_creation_progress.sync(op, client=client),
        result=lambda op: _download(client, "outputcreation", op, destination),
        cancel=lambda op: cancel_output_creation.sync(op, client=client),
    )
    return run_operation(operation, on_progress=on_progress, timeout=timeout, poll_interval=poll_interval)


def run_all_in_one(
    client: AuthenticatedClient,
    request: AllInOneRequest,
    destination: str | os.PathLike[str],
    *,
    on_progress: ProgressCallback | None = None,
    timeout: float | None = None,
    poll_interval: float = DEFAULT_POLL_INTERVAL,
) -> Path:
    """Run data mapping, content creation, job creation and output creation as one operation; the output is
    streamed to ``destination``, whose path is returned."""

    def submit() -> str:
        response = submit_all_in_one.sync_detailed(client=client, body=request, options=NO_RETRY)
        return _operation_id(response.headers)

    operation = AsyncOperation(
        submit=submit,
        progress=lambda op: get_all_in_one_progress.sync(op, client=client),
        result=lambda op: _download(client, "print", op, destination),
        cancel=lambda op: cancel_all_in_one.sync(op, client=client),
    )
    return run_operation(operation, on_progress=on_progress, timeout=timeout, poll_interval=poll_interval)


def _operation_id(headers: Mapping[str, str]) -> str:
    """The 202's ``operationId`` header (HTTP header names are case-insensitive; the pages use both)."""
    for name, value in headers.items():
        if name.lower() == "operationid" and value.strip():
            return value.strip()
    raise OperationFailedError("the server accepted the request but sent no operationId header", None)


def _download(
    client: AuthenticatedClient, service: str, operation_id: str, destination: str | os.PathLike[str]
) -> Path:
    url = f"{WORKFLOW}/{service}/getResult/{quote(operation_id, safe='')}"
    # The result is streamed by hand (the generated call would hold it in memory); its error bodies are read
    # the way every operation of the package reads them.
    error_text = get_output_creation_result.OPERATION.error_text
    return stream_to_file(client.get_httpx_client(), "POST", url, destination, error_text=error_text)
