"""What credentials each operation takes, read from the spec: its security schemes, scopes, and the scheme
whose credential it hands out (a login, a token endpoint).

The generated clients put these facts on every request, and their auth flows branch on them, so a new
operation gets the right credentials from its ``security`` entry alone. An operation *issues* a scheme when
the spec says it does in OpenAPI's own words:

- an ``oauth2`` scheme whose ``clientCredentials.tokenUrl`` path is the operation's path (the token request);
- an ``apiKey`` scheme sent in a header, when a link of one of the operation's success answers fills that
  header from the answer (``header.auth_token: $response.body``: the login returns the token).
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from spec_model.model import Operation, SpecModel

__all__ = ["OperationSecurityFacts", "operation_security"]


@dataclass(frozen=True)
class OperationSecurityFacts:
    """The schemes an operation accepts (any one), the scopes they name, and the scheme it issues."""

    schemes: tuple[str, ...]
    scopes: tuple[str, ...]
    issues: str | None


def _token_path(scheme: dict[str, object]) -> str | None:
    flows = scheme.get("flows")
    flow = flows.get("clientCredentials") if isinstance(flows, dict) else None
    url = flow.get("tokenUrl") if isinstance(flow, dict) else None
    return urlsplit(url).path if isinstance(url, str) else None


def _fills_header(operation: Operation, header: str) -> bool:
    """Whether a success answer of ``operation`` links its own content into the request header ``header``."""
    for status, response in operation.responses.items():
        if not status.startswith("2"):
            continue
        for link in response.links.values():
            value = link.parameters.get(f"header.{header}")
            if isinstance(value, str) and value.startswith("$response."):
                return True
    return False


def _issues(model: SpecModel, operation: Operation) -> str | None:
    for name, scheme in model.security_schemes.items():
        kind = scheme.get("type")
        if kind == "oauth2" and _token_path(scheme) == operation.path:
            return name
        header = scheme.get("name")
        in_header = kind == "apiKey" and scheme.get("in") == "header" and isinstance(header, str)
        if in_header and _fills_header(operation, str(header)):
            return name
    return None


def operation_security(model: SpecModel, operation: Operation) -> OperationSecurityFacts:
    """The security facts of ``operation`` (its own ``security``, else the document's)."""
    requirements = operation.security if operation.security is not None else model.security
    schemes: dict[str, None] = {}
    scopes: dict[str, None] = {}
    for requirement in requirements:
        for name, named_scopes in requirement.items():
            schemes[str(name)] = None
            if isinstance(named_scopes, list):
                scopes.update((str(scope), None) for scope in named_scopes)
    return OperationSecurityFacts(tuple(schemes), tuple(scopes), _issues(model, operation))
