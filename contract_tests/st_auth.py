"""Schemathesis auth providers for both APIs.

Auth goes through Schemathesis's own provider mechanism (``schema.auth()``) rather than static headers so
that the engine fetches, caches and refreshes tokens itself (it re-fetches on a 401 and replays once), and
so that its ``ignored_auth`` check knows which credentials to strip or spoil.

OL Connect accepts either Basic credentials or the login token (``auth_token`` header); the provider
alternates between them so both security schemes are exercised on every operation.
"""

from __future__ import annotations

import base64
import itertools
import threading
from typing import Any

import httpx

from contract_tests import api_paths
from contract_tests.redaction import register_secret
from contract_tests.targets import AvePointTarget, OLConnectTarget

TOKEN_HEADER = "auth_token"


def basic_header(username: str, password: str) -> str:
    """The ``Authorization`` value for HTTP Basic credentials."""
    raw = f"{username}:{password}".encode()
    return "Basic " + base64.b64encode(raw).decode("ascii")


class AuthFetchError(Exception):
    """Logging in or fetching a token failed; the message names the endpoint and status, never secrets."""


def olconnect_login(
    target: OLConnectTarget, client: httpx.Client | None = None
) -> tuple[str, httpx.Response]:
    """POST the login operation with Basic credentials; return the token and the raw response."""
    url = target.base_url + api_paths.path_of("olconnect", "login")
    own = client is None
    http = client or httpx.Client(timeout=15)
    try:
        response = http.post(url, auth=(target.username, target.password))
    finally:
        if own:
            http.close()
    if response.status_code != 200 or not response.text.strip():
        raise AuthFetchError(
            f"login at {url} answered {response.status_code}; check OLCONNECT_USERNAME/PASSWORD"
        )
    token = response.text.strip()
    register_secret(token)
    return token, response


def avepoint_token(target: AvePointTarget, client: httpx.Client | None = None) -> str:
    """The static token, or a fresh one from the token endpoint (client credentials grant)."""
    if target.token:
        return target.token
    if not (target.token_url and target.client_id and target.client_secret):
        raise AuthFetchError("no AvePoint token and no client credentials to fetch one")
    own = client is None
    http = client or httpx.Client(timeout=15)
    try:
        response = http.post(
            target.token_url,
            data={
                "grant_type": "client_credentials",
                "client_id": target.client_id,
                "client_secret": target.client_secret,
                "scope": target.scope,
            },
        )
    finally:
        if own:
            http.close()
    if response.status_code != 200:
        raise AuthFetchError(
            f"token request to {target.token_url} answered {response.status_code};"
            " check AVEPOINT_CLIENT_ID/SECRET"
        )
    token = str(response.json()["access_token"])
    register_secret(token)
    return token


def install_olconnect_auth(schema: Any, target: OLConnectTarget) -> None:
    """Register a provider on ``schema``: Basic for login, Basic and token alternately elsewhere."""
    counter = itertools.count()
    lock = threading.Lock()
    issued: set[str] = set()

    @schema.hook("after_call")  # type: ignore[untyped-decorator]
    def remember_login_tokens(ctx: Any, case: Any, response: Any) -> None:
        """Tokens the engine got from login (stateful links) are real credentials: mask and respect them."""
        if case.operation.definition.raw.get("operationId") == "login" and response.status_code == 200:
            token = response.text.strip()
            register_secret(token)
            with lock:
                issued.add(token)

    class OLConnectAuth:
        def get(self, case: Any, ctx: Any) -> str:
            token = olconnect_login(target)[0]
            with lock:
                issued.add(token)
            return token

        def set(self, case: Any, data: str, ctx: Any) -> None:
            with lock:
                use_token = next(counter) % 2 == 1
                linked_token = (case.headers or {}).get(TOKEN_HEADER) in issued
            if linked_token:
                return  # a stateful link passed the token from a login response: that is the test
            operation_id = case.operation.definition.raw.get("operationId")
            if operation_id == "login" or not use_token:
                case.headers = case.headers or {}
                case.headers["Authorization"] = basic_header(target.username, target.password)
                case.headers.pop(TOKEN_HEADER, None)
            else:
                case.headers = case.headers or {}
                case.headers[TOKEN_HEADER] = data
                case.headers.pop("Authorization", None)

    # Tokens last an hour on a real server; refresh well before. A 401 also forces a refetch.
    schema.auth(refresh_interval=600)(OLConnectAuth)


def install_avepoint_auth(schema: Any, target: AvePointTarget) -> None:
    """Register a bearer-token provider on ``schema`` for every operation but the token endpoint itself."""

    class AvePointAuth:
        def get(self, case: Any, ctx: Any) -> str:
            return avepoint_token(target)

        def set(self, case: Any, data: str, ctx: Any) -> None:
            case.headers = case.headers or {}
            case.headers["Authorization"] = f"Bearer {data}"

    schema.auth(refresh_interval=600).skip_for(operation_id="requestToken")(AvePointAuth)
