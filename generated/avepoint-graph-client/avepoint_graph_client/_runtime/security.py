"""What the spec says an operation's request needs for credentials, carried on the request itself.

Every generated operation knows, from the ``security`` of its spec entry, which security schemes it accepts
and, when it *is* a token endpoint (the OL Connect login, the OAuth token request), which scheme's credential
it hands out. The operation puts that on the request (``request.extensions[SECURITY_EXTENSION]``), and the
auth flows branch on it instead of guessing from the URL:

- a request whose security admits the flow's token scheme gets the token (fetched, cached, refreshed);
- the request that issues that token is sent to the grant's token URL with the grant's credentials and no
  token, and its answer is checked like the one the flow fetches itself;
- any other request (security that does not name the token scheme, e.g. ``security: []``) goes as it is.

A request built by hand (or a page link followed by a pager) carries no security; it gets what the API asks
of most operations: the token.
"""

from __future__ import annotations

import dataclasses

import httpx

__all__ = ["SECURITY_EXTENSION", "OperationSecurity", "security_of"]

#: ``request.extensions`` key holding the ``OperationSecurity`` of the operation that built the request.
SECURITY_EXTENSION = "operation_security"


@dataclasses.dataclass(frozen=True)
class OperationSecurity:
    """One operation's security, as its spec entry states it.

    Attributes:
        schemes: the security scheme names any of its requirement alternatives names (``()`` for
            ``security: []``: no credentials at all).
        issues: the scheme whose credential this operation returns (the login, the token request), else None.
        scopes: the OAuth scopes its requirements name (for documentation and checks; the grant asks for its
            own configured scope).
    """

    schemes: tuple[str, ...] = ()
    issues: str | None = None
    scopes: tuple[str, ...] = ()

    def admits(self, scheme: str) -> bool:
        """Whether a credential of ``scheme`` satisfies this operation."""
        return scheme in self.schemes


def security_of(request: httpx.Request) -> OperationSecurity | None:
    """The security the operation recorded on ``request``, or ``None`` for a request built by hand."""
    value = request.extensions.get(SECURITY_EXTENSION)
    return value if isinstance(value, OperationSecurity) else None
