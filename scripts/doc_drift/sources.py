"""Vendor pages that live in a git bundle: read at a pinned commit, never copied into this repository.

Some vendor pages are not loose files in ``../shared/vendor-docs`` but files of a vendor repository kept as
a git bundle in ``../shared/vendor-sources`` (the OL Connect service pages ship with the vendor's Node
client). ``spec/doc-drift-sources.yaml`` names, per bundle, the commit that was reviewed and the pages doc
drift tracks; ``--sources FILE`` makes doc drift read them next to DOCS_DIR. Pinning the commit keeps a
run reproducible: a newer bundle changes nothing until someone moves the pin, and a changed page at the
pin is a changed bundle, which the pin's own check (``git`` refuses an unknown commit) reports.

Each page is labelled ``bundle:NAME/PATH`` in findings and in the page record, so the record can tell
which source an operation came from: a run that reads only DOCS_DIR leaves the bundle pages' record alone
instead of reporting their operations as removed.
"""

from __future__ import annotations

import re
import subprocess
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .model import PageResult
from .pages import read_text

PREFIX = "bundle:"
FOLDER = "folder"
_COMMIT = re.compile(r"^[0-9a-f]{40}$")
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
GIT_TIMEOUT = 60  # seconds; cloning a small bundle takes well under one


class SourcesError(Exception):
    """The sources file is malformed or a bundle cannot be read; the message names the file or bundle."""


@dataclass(frozen=True)
class BundleSource:
    """One git bundle, the commit reviewed, and the pages tracked in it."""

    name: str
    bundle: Path
    commit: str
    pages: tuple[str, ...]

    def label(self, page: str) -> str:
        return f"{PREFIX}{self.name}/{page}"


def source_of(page_label: str) -> str:
    """``bundle:NAME`` for a bundle page's label, ``folder`` for a page of DOCS_DIR."""
    if page_label.startswith(PREFIX):
        return page_label.split("/", 1)[0]
    return FOLDER


def load_sources(path: Path, shared_dir: Path) -> list[BundleSource]:
    """The bundles ``path`` lists; a relative bundle path is taken from ``shared_dir`` (../shared)."""
    try:
        data: Any = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise SourcesError(f"{path}: cannot read ({exc.__class__.__name__})") from exc
    entries = data.get("bundles") if isinstance(data, dict) else None
    if not isinstance(entries, list) or not entries:
        raise SourcesError(f"{path}: expected a mapping with a non-empty 'bundles' list")
    sources = []
    for index, entry in enumerate(entries):
        where = f"{path}: bundles[{index}]"
        if not isinstance(entry, dict):
            raise SourcesError(f"{where}: expected a mapping with name, bundle, commit, pages")
        name, bundle, commit, pages = (entry.get(k) for k in ("name", "bundle", "commit", "pages"))
        if not isinstance(name, str) or not _NAME.match(name):
            raise SourcesError(f"{where}: 'name' must be a plain name (letters, digits, . _ -)")
        if not isinstance(bundle, str) or not bundle:
            raise SourcesError(f"{where}: 'bundle' must be the path of a git bundle")
        if not isinstance(commit, str) or not _COMMIT.match(commit):
            raise SourcesError(f"{where}: 'commit' must be a full 40-character commit ID")
        if not isinstance(pages, list) or not pages or not all(isinstance(p, str) and p for p in pages):
            raise SourcesError(f"{where}: 'pages' must be a non-empty list of file paths")
        bundle_path = Path(bundle) if Path(bundle).is_absolute() else shared_dir / bundle
        sources.append(BundleSource(name, bundle_path, commit, tuple(pages)))
    return sources


def _git(*args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(["git", *args], capture_output=True, timeout=GIT_TIMEOUT, check=False)


def read_bundle(source: BundleSource) -> list[PageResult]:
    """The tracked pages of one bundle at its pinned commit (a missing page is a page that failed)."""
    if not source.bundle.is_file():
        raise SourcesError(f"bundle {source.bundle} does not exist")
    with tempfile.TemporaryDirectory(prefix="doc-drift-bundle-") as scratch:
        clone = str(Path(scratch) / "repo")
        cloned = _git("clone", "--quiet", "--bare", str(source.bundle), clone)
        if cloned.returncode != 0:
            raise SourcesError(f"bundle {source.bundle}: git clone failed ({_first_line(cloned.stderr)})")
        known = _git("-C", clone, "cat-file", "-e", f"{source.commit}^{{commit}}")
        if known.returncode != 0:
            raise SourcesError(f"bundle {source.bundle}: has no commit {source.commit}")
        results = []
        for page in source.pages:
            shown = _git("-C", clone, "show", f"{source.commit}:{page}")
            label = source.label(page)
            if shown.returncode != 0:
                results.append(
                    PageResult(page=label, layout=None, error=f"no such file at commit {source.commit[:12]}")
                )
                continue
            # The bundle's files carry a byte-order mark and CRLF line endings; the readers expect neither.
            text = shown.stdout.decode("utf-8-sig", errors="replace").replace("\r\n", "\n")
            results.append(read_text(label, text))
        return results


def read_sources(sources: Iterable[BundleSource]) -> list[PageResult]:
    return [page for source in sources for page in read_bundle(source)]


def _first_line(stderr: bytes) -> str:
    lines = stderr.decode("utf-8", errors="replace").strip().splitlines()
    return lines[0] if lines else "no message"
