"""The one obvious way to get a ready AvePoint Graph client: ``connect(client_id, client_secret, ...)``."""

from __future__ import annotations

from typing import Unpack

from avepoint_graph_client._runtime.connection import ConnectOptions, client_settings
from avepoint_graph_client._spec_info import SPEC_INFO
from avepoint_graph_client.auth import DEFAULT_SCOPE, TOKEN_PATH, ClientCredentialsAuth
from avepoint_graph_client.client import AuthenticatedClient
from avepoint_graph_client.data_centres import data_centre as lookup_data_centre

__all__ = ["connect"]


def connect(
    client_id: str,
    client_secret: str,
    *,
    data_centre: str | None = None,
    base_url: str | None = None,
    token_url: str | None = None,
    scope: str = DEFAULT_SCOPE,
    **options: Unpack[ConnectOptions],
) -> AuthenticatedClient:
    """A client with OAuth 2.0 client-credentials auth, sync and async, safe across threads and tasks.

    Say where the tenant lives with ``data_centre="us"`` (base URL and token URL follow), or give
    ``base_url`` (and ``token_url``, which defaults to ``<base_url>/connect/token``, as on the mock).

    Arguments:
        client_id / client_secret: the app registration; the secret never appears in logs or reprs.
        scope: requested scope(s), default ``gsuite.graph.read.all``.
        options: ``timeout``, ``max_retries``, ``retry_policy``, ``headers``, ``verify_ssl``, ``transport``,
            ``async_transport``, ``httpx_args``, ``proxy``, ``trust_env`` (environment proxies, off by
            default); see ``ConnectOptions`` in ``_runtime/connection.py``.

    No request is sent until the first call; the first call fetches the token.
    """
    if data_centre is not None:
        located = lookup_data_centre(data_centre)
        base_url = base_url or located.base_url
        token_url = token_url or located.token_url
    if base_url is None:
        raise ValueError("pass data_centre='us' (or another code) or base_url")
    root = base_url.rstrip("/")
    auth = ClientCredentialsAuth(token_url or root + TOKEN_PATH, client_id, client_secret, scope=scope)
    return AuthenticatedClient(
        base_url=root, auth=auth, **client_settings(options, user_agent=SPEC_INFO.user_agent)
    )
