"""Which proxy, if any, each of the client's origins is reached through, below the retrying transport.

httpx applies a ``proxy`` (argument or environment) by mounting a proxy transport for the URL pattern,
which takes the place of the client's ``transport``: with it, the retrying, origin-pinning transport would
be skipped, and with it the retries, the deadline and the credential checks on redirects. So the client
never hands httpx a proxy. It builds one httpx transport per origin it talks to (the API's and the token
URL's), each direct or through its proxy, puts this router in front of them and the retrying transport
in front of the router.

Which proxy applies (documented in docs/clients.md):
- ``proxy=`` (``connect()`` option or ``httpx_args``): every origin goes through it;
- otherwise, with ``trust_env=True``: the standard ``HTTP_PROXY``/``HTTPS_PROXY``/``ALL_PROXY``
  variables (read by ``urllib.request.getproxies_environment``, upper or lower case), with ``NO_PROXY``
  exemptions: ``*``, a host name or address, or a domain suffix (``.example.com`` or ``example.com``),
  each optionally with ``:port``;
- otherwise (the default) no proxy: a variable that happens to be set in a shell does not silently send
  credentials through a host the caller never named.
"""

from __future__ import annotations

import ssl
import urllib.request
from collections.abc import Iterable

import httpx

from . import deadlines
from .origins import origin_of

__all__ = ["ProxyChoice", "async_router", "bypassed", "environment_proxy", "sync_router"]

_DEFAULT_PORTS = {"http": 80, "https": 443}

ProxyChoice = str | httpx.URL | httpx.Proxy | None


def bypassed(url: httpx.URL, no_proxy: str) -> bool:
    """Whether a ``NO_PROXY`` value exempts ``url``."""
    host = url.host.lower()
    for entry in (part.strip().lower() for part in no_proxy.split(",")):
        if entry == "*":
            return True
        name, _, port = entry.rpartition(":") if entry.count(":") == 1 else (entry, "", "")
        if port and port != str(url.port or _DEFAULT_PORTS.get(url.scheme)):
            continue
        name = name.strip("[]").lstrip(".")
        if name and (host == name or host.endswith("." + name)):
            return True
    return False


def environment_proxy(url: httpx.URL) -> str | None:
    """The proxy the environment names for ``url`` (``None``: go direct), as curl and requests read it."""
    proxies = urllib.request.getproxies_environment()
    if not proxies or bypassed(url, proxies.get("no", "")):
        return None
    return proxies.get(url.scheme) or proxies.get("all")


def _proxies(origins: Iterable[str], proxy: ProxyChoice, trust_env: bool) -> dict[str, ProxyChoice]:
    if proxy is not None:
        return {origin: proxy for origin in origins}
    if not trust_env:
        return {}
    return {origin: environment_proxy(httpx.URL(origin)) for origin in origins}


class _Router(httpx.BaseTransport):
    """Sends each request to the transport of its origin (unknown origins go direct)."""

    def __init__(self, direct: httpx.BaseTransport, routes: dict[str, httpx.BaseTransport]) -> None:
        self._direct = direct
        self._routes = routes

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        return self._routes.get(origin_of(request.url), self._direct).handle_request(request)

    def close(self) -> None:
        for transport in {id(t): t for t in (self._direct, *self._routes.values())}.values():
            transport.close()


class _AsyncRouter(httpx.AsyncBaseTransport):
    def __init__(self, direct: httpx.AsyncBaseTransport, routes: dict[str, httpx.AsyncBaseTransport]) -> None:
        self._direct = direct
        self._routes = routes

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        return await self._routes.get(origin_of(request.url), self._direct).handle_async_request(request)

    async def aclose(self) -> None:
        for transport in {id(t): t for t in (self._direct, *self._routes.values())}.values():
            await transport.aclose()


def sync_router(
    origins: Iterable[str], *, verify: str | bool | ssl.SSLContext, proxy: ProxyChoice, trust_env: bool
) -> httpx.BaseTransport:
    """httpx transports for ``origins``, each direct or through its proxy, honouring the call deadline."""

    def build(chosen: ProxyChoice) -> httpx.BaseTransport:
        transport = httpx.HTTPTransport(verify=verify, proxy=chosen)
        deadlines.install(transport)
        return transport

    direct = build(None)
    routes = {
        origin: build(chosen) for origin, chosen in _proxies(origins, proxy, trust_env).items() if chosen
    }
    return _Router(direct, routes) if routes else direct


def async_router(
    origins: Iterable[str], *, verify: str | bool | ssl.SSLContext, proxy: ProxyChoice, trust_env: bool
) -> httpx.AsyncBaseTransport:
    """The async twin of ``sync_router``."""

    def build(chosen: ProxyChoice) -> httpx.AsyncBaseTransport:
        transport = httpx.AsyncHTTPTransport(verify=verify, proxy=chosen)
        deadlines.install(transport)
        return transport

    direct = build(None)
    routes = {
        origin: build(chosen) for origin, chosen in _proxies(origins, proxy, trust_env).items() if chosen
    }
    return _AsyncRouter(direct, routes) if routes else direct
