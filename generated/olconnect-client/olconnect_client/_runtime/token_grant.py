"""How to get a token (a *grant*), apart from what to do with it (the *flow*, ``token_flow.py``).

A grant knows one way of obtaining a token: which request to send (an OL Connect login with Basic
credentials, an OAuth client-credentials form), how to read the answer, how to attach the token to a call,
and which security scheme of the spec the token satisfies. It holds the credentials and keeps them out of
reprs. It knows nothing of caching, locks, refresh or origins; ``TokenFlow`` does, for any grant.
"""

from __future__ import annotations

import re
from typing import Any, Protocol

import httpx

from .errors import ApiError, AuthenticationError, ResponseParseError, decode_error_body, error_for_response
from .failures import PARSE_ERRORS

__all__ = [
    "MAX_TOKEN_CHARS",
    "TokenGrant",
    "UnusableTokenError",
    "check_token",
    "grant_refusal",
    "read_grant_answer",
    "retarget",
]

#: What an HTTP header value can carry without quoting (RFC 9110 field-vchar plus inner spaces), ASCII only.
_HEADER_SAFE = re.compile(r"[\x21-\x7e](?:[\x20-\x7e]*[\x21-\x7e])?")
#: Longer tokens do not fit the header limits of common servers (8-16 KiB); such an answer is not a token.
MAX_TOKEN_CHARS = 16_384
#: Headers that must not travel to the token URL (credentials meant for the API host; Host is rebuilt).
_API_HOST_HEADERS = frozenset({"authorization", "auth_token", "cookie", "host"})


class UnusableTokenError(ValueError):
    """A token response that cannot be used; the text explains why and never quotes the token."""


class TokenGrant(Protocol):
    """One way to obtain a token; ``TokenFlow`` runs it.

    ``scheme`` is the name of the spec's security scheme the token satisfies (``authToken``, ``oauth2``):
    the flow attaches the token to a request whose operation admits that scheme, and routes the operation
    that issues it through ``issuing_request``.
    """

    @property
    def scheme(self) -> str: ...

    def token_request(self, call: httpx.Request) -> httpx.Request:
        """The request that fetches a token; ``call`` is the request that needs one (for its URL)."""
        ...

    def read_token(self, response: httpx.Response) -> tuple[str, float]:
        """(token, lifetime in seconds) from a 2xx token response; ``UnusableTokenError`` if there is none."""
        ...

    def apply_token(self, request: httpx.Request, token: str) -> None:
        """Attach the token to ``request``."""
        ...

    def issuing_request(self, request: httpx.Request) -> httpx.Request:
        """The token operation called by hand: sent to the token URL with the grant's credentials."""
        ...

    def credential_urls(self) -> tuple[str, ...]:
        """URLs besides the API's that the grant sends requests to (its token URL), for origin pinning."""
        ...

    def error_text(self, body: Any) -> tuple[str | None, str | None]:
        """The message (and blamed parameter) in the decoded body of a failed token request."""
        ...


def check_token(token: str) -> str:
    """``token`` if an HTTP header can carry it as it is, else ``UnusableTokenError`` saying what is wrong."""
    if len(token) <= MAX_TOKEN_CHARS and _HEADER_SAFE.fullmatch(token):
        return token
    if len(token) > MAX_TOKEN_CHARS:
        reason = f"the token is {len(token)} characters long, more than a header carries ({MAX_TOKEN_CHARS})"
    elif not token:
        reason = "the token is empty"
    elif not token.isascii():
        reason = "the token contains non-ASCII characters"
    elif token != token.strip():
        reason = "the token starts or ends with white space"
    else:
        reason = "the token contains control characters, which an HTTP header cannot carry"
    raise UnusableTokenError(reason)


def retarget(request: httpx.Request, url: httpx.URL | str) -> httpx.Request:
    """``request`` sent to ``url`` instead: same body and extensions, minus the API host's credentials."""
    headers = [(k, v) for k, v in request.headers.multi_items() if k.lower() not in _API_HOST_HEADERS]
    return httpx.Request(
        request.method, url, headers=headers, content=request.content, extensions=dict(request.extensions)
    )


def grant_refusal(grant: TokenGrant, response: httpx.Response) -> ApiError:
    """The typed error of a failed login or token request, its message read the grant's way."""
    body = decode_error_body(response)
    return error_for_response(response, body=body, error_text=grant.error_text, credentials_request=True)


def read_grant_answer(grant: TokenGrant, response: httpx.Response) -> tuple[str, float]:
    """(token, lifetime) from a token response, or the typed error it deserves (never quoting a token)."""
    if not 200 <= response.status_code <= 299:
        raise grant_refusal(grant, response)
    where = f"{response.request.method} {response.request.url.path}"
    try:
        token, lifetime = grant.read_token(response)
        return check_token(token), lifetime
    except UnusableTokenError as exc:
        raise AuthenticationError(response, message=f"the token in the answer is not usable: {exc}") from None
    except PARSE_ERRORS as exc:
        raise ResponseParseError(
            f"the answer to {where} holds no usable token ({type(exc).__name__})", response=response
        ) from None
