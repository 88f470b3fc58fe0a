"""Start a Microsoft 365 restore safely: never repeated by the client, and a distinct error when busy.

A restore writes files back into a tenant. The client's retry policy repeats a refused request (429) for
every method, which is right for a token request and wrong here: a retried restore may start a second
restore. So this call sends the restore with no retry on any answer (only a connection that failed before
the request left is tried again, which cannot start anything), and turns the documented 429 (three restore
or export jobs already run, AVE-48) into ``RestoreJobsBusyError``, which callers can tell apart from any
other rate limit and answer by waiting for a job to finish.
"""

from __future__ import annotations

import dataclasses

from avepoint_graph_client._runtime.errors import RateLimitError
from avepoint_graph_client._runtime.options import RequestOptions
from avepoint_graph_client._runtime.retries import RetryPolicy
from avepoint_graph_client.api.microsoft_365_jobs import start_m365_restore
from avepoint_graph_client.client import AuthenticatedClient
from avepoint_graph_client.models.m365_restore_request import M365RestoreRequest
from avepoint_graph_client.types import UNSET, Unset

__all__ = ["RestoreJobsBusyError", "astart_restore", "start_restore"]

#: No status is ever retried; connection failures before sending still are (they cannot start a restore).
RESTORE_RETRY_POLICY = RetryPolicy(retry_statuses=frozenset(), refused_statuses=frozenset())


class RestoreJobsBusyError(RateLimitError):
    """429 from the restore call: three restore or export jobs already run, so none was started (AVE-48).

    A subclass of ``RateLimitError`` so code that handles every rate limit still catches it.
    """


def _options(options: RequestOptions | None) -> RequestOptions:
    """The caller's options with the restore's retry policy (a caller's own retry settings are overridden)."""
    base = options or RequestOptions()
    return dataclasses.replace(base, max_retries=None, retry_policy=RESTORE_RETRY_POLICY)


def _busy(error: RateLimitError) -> RestoreJobsBusyError:
    return RestoreJobsBusyError(
        error.response, message=error.message, parameter=error.parameter, body=error.body, model=error.model
    )


def start_restore(
    client: AuthenticatedClient,
    body: M365RestoreRequest,
    *,
    location: str | Unset = UNSET,
    options: RequestOptions | None = None,
) -> str:
    """Start the restore ``body`` describes and return the new job's ID (never sent twice by the client).

    Raises:
        RestoreJobsBusyError: three restore or export jobs already run; nothing was started.
        errors.BadRequestError: the body breaks a rule (``model.errors`` names each field).
    """
    try:
        answer = start_m365_restore.sync(
            client=client, body=body, location=location, options=_options(options)
        )
    except RateLimitError as error:
        raise _busy(error) from None
    return answer.data.job_id


async def astart_restore(
    client: AuthenticatedClient,
    body: M365RestoreRequest,
    *,
    location: str | Unset = UNSET,
    options: RequestOptions | None = None,
) -> str:
    """The async twin of ``start_restore``."""
    try:
        answer = await start_m365_restore.asyncio(
            client=client, body=body, location=location, options=_options(options)
        )
    except RateLimitError as error:
        raise _busy(error) from None
    return answer.data.job_id
