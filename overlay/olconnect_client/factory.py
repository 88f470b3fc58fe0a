"""The one obvious way to get a ready OL Connect client: ``connect(base_url, username, password)``."""

from __future__ import annotations

from typing import Unpack

import httpx
from olconnect_client._runtime.connection import ConnectOptions, client_settings
from olconnect_client._spec_info import SPEC_INFO
from olconnect_client.auth import LOGIN_PATH, BasicAuth, TokenAuth
from olconnect_client.client import AuthenticatedClient

__all__ = ["connect"]


def connect(
    base_url: str,
    username: str,
    password: str,
    *,
    use_basic_auth: bool = False,
    **options: Unpack[ConnectOptions],
) -> AuthenticatedClient:
    """A client for every operation of the package, sync and async, safe to share across threads and tasks.

    Arguments:
        base_url: the server root, e.g. ``http://ol-server:9340`` (without ``/rest/serverengine``).
        username / password: an OL Connect user; the password never appears in logs, reprs or errors.
        use_basic_auth: send Basic credentials on every request instead of logging in for a token.
        options: ``timeout``, ``max_retries``, ``retry_policy``, ``headers``, ``verify_ssl``, ``transport``,
            ``async_transport``, ``httpx_args``, ``proxy``, ``trust_env`` (environment proxies, off by
            default); see ``ConnectOptions`` in ``_runtime/connection.py``.

    No request is sent until the first call; the first call logs in (token mode).
    """
    root = base_url.rstrip("/")
    auth: httpx.Auth = (
        BasicAuth(username, password)
        if use_basic_auth
        else TokenAuth(username, password, login_url=root + LOGIN_PATH)
    )
    return AuthenticatedClient(
        base_url=root, auth=auth, **client_settings(options, user_agent=SPEC_INFO.user_agent)
    )
