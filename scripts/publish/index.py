"""Ask the package index which files of a project it already has (PEP 691 JSON, PEP 503 HTML as fallback).

An index never replaces a published file, and pip caches what it downloaded by name and version, so a
second upload of the same version is refused before twine runs, with one line naming the version.
"""

from __future__ import annotations

from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import httpx
from packaging.utils import (
    InvalidSdistFilename,
    InvalidWheelFilename,
    canonicalize_name,
    parse_sdist_filename,
    parse_wheel_filename,
)
from packaging.version import Version

from .projects import PublishError

JSON_TYPE = "application/vnd.pypi.simple.v1+json"
TIMEOUT_S = 30.0


class _Anchors(HTMLParser):
    """The link texts of a PEP 503 project page: one anchor per file."""

    def __init__(self) -> None:
        super().__init__()
        self.names: list[str] = []
        self._in_anchor = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._in_anchor = tag == "a"

    def handle_endtag(self, tag: str) -> None:
        self._in_anchor = False

    def handle_data(self, data: str) -> None:
        if self._in_anchor and data.strip():
            self.names.append(data.strip())


def _version_of(filename: str) -> Version | None:
    try:
        if filename.endswith(".whl"):
            return parse_wheel_filename(filename)[1]
        return parse_sdist_filename(filename)[1]
    except (InvalidWheelFilename, InvalidSdistFilename):
        return None  # not a distribution file (a signature, an unknown format): not ours to judge


def published_versions(index_url: str, name: str, auth: tuple[str, str] | None) -> set[Version]:
    """Versions of ``name`` on the simple index at ``index_url`` (empty: the index has no such project)."""
    url = urljoin(index_url.rstrip("/") + "/", canonicalize_name(name) + "/")
    headers = {"Accept": f"{JSON_TYPE}, text/html;q=0.1"}
    try:
        # Credentials go only to the index origin: redirects elsewhere are not followed with them.
        response = httpx.get(url, headers=headers, auth=auth, timeout=TIMEOUT_S, follow_redirects=False)
        if response.is_redirect and _same_origin(url, response.headers.get("location", "")):
            response = httpx.get(
                urljoin(url, response.headers["location"]), headers=headers, auth=auth, timeout=TIMEOUT_S
            )
    except httpx.HTTPError as exc:
        raise PublishError(f"cannot read the index at {index_url}: {type(exc).__name__}: {exc}") from None
    if response.status_code == 404 or response.is_redirect:
        # A redirect to another origin is a mirror's fallback (pypiserver sends unknown projects to PyPI):
        # the index itself does not have the project. Should it still hold the files, its upload refuses them.
        return set()
    if response.status_code != 200:
        raise PublishError(f"the index answered {response.status_code} for {url}; is --index-url right?")
    if response.headers.get("content-type", "").startswith(JSON_TYPE):
        names = [str(entry.get("filename", "")) for entry in response.json().get("files", [])]
    else:
        parser = _Anchors()
        parser.feed(response.text)
        names = parser.names
    return {version for version in map(_version_of, names) if version is not None}


def _same_origin(first: str, second: str) -> bool:
    if not urlsplit(second).netloc:
        return True  # a relative redirect stays on the same host
    a, b = urlsplit(first), urlsplit(second)
    return (a.scheme, a.netloc) == (b.scheme, b.netloc)
