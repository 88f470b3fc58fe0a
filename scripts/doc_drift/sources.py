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

A page entry may also name the operations it backs (`{path: ..., operations: ["GET /jobs"]}`, method plus
path as the page prints them, never an operationId, so the record does not depend on the spec): a page that
starts documenting another operation, or stops documenting one, is a failing finding, and an operation the
spec does not have yet is reported as "not transcribed" instead of "missing". `bundle` may be a git bundle
or a clone; `--rev`/`--repo` read a source at another revision or from another clone, `--since` reports the
semantic changes of its tracked pages between two revisions (facts.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import yaml

from .model import PageResult
from .pages import read_text
from .repository import Repository, RepositoryError

PREFIX = "bundle:"
FOLDER = "folder"
_COMMIT = re.compile(r"^[0-9a-f]{40}$")
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
_OPERATION = re.compile(r"^(GET|PUT|POST|DELETE|PATCH|HEAD|OPTIONS) /\S*$")


class SourcesError(Exception):
    """The sources file is malformed or a bundle cannot be read; the message names the file or bundle."""


@dataclass(frozen=True)
class BundleSource:
    """One git bundle (or clone), the commit reviewed, the pages tracked and the operations each backs."""

    name: str
    bundle: Path
    commit: str
    pages: tuple[str, ...]
    operations: dict[str, tuple[str, ...]] = field(default_factory=dict)  # page -> "METHOD /path", ...

    def label(self, page: str) -> str:
        return f"{PREFIX}{self.name}/{page}"


def source_of(page_label: str) -> str:
    """``bundle:NAME`` for a bundle page's label, ``folder`` for a page of DOCS_DIR."""
    if page_label.startswith(PREFIX):
        return page_label.split("/", 1)[0]
    return FOLDER


def _page(entry: Any, where: str) -> tuple[str, tuple[str, ...] | None]:
    if isinstance(entry, str) and entry:
        return entry, None
    if isinstance(entry, dict) and isinstance(entry.get("path"), str) and entry["path"]:
        ops = entry.get("operations")
        if (
            not isinstance(ops, list)
            or not ops
            or not all(isinstance(o, str) and _OPERATION.match(o) for o in ops)
        ):
            raise SourcesError(f"{where}: 'operations' must list 'METHOD /path' strings")
        return entry["path"], tuple(ops)
    raise SourcesError(f"{where}: a page is a file path or a mapping with 'path' and 'operations'")


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
        if not isinstance(pages, list) or not pages:
            raise SourcesError(f"{where}: 'pages' must be a non-empty list of file paths")
        parsed = [_page(page, f"{where}.pages[{i}]") for i, page in enumerate(pages)]
        operations = {page: ops for page, ops in parsed if ops is not None}
        bundle_path = Path(bundle) if Path(bundle).is_absolute() else shared_dir / bundle
        sources.append(BundleSource(name, bundle_path, commit, tuple(p for p, _ in parsed), operations))
    return sources


def override(sources: list[BundleSource], revs: dict[str, str], repos: dict[str, Path]) -> list[BundleSource]:
    """The sources read at another revision (`--rev NAME=REV`) or from another clone/bundle (`--repo`)."""
    known = {s.name for s in sources}
    for name in [*revs, *repos]:
        if name not in known:
            raise SourcesError(f"no source named {name!r} (known: {', '.join(sorted(known))})")
    return [
        replace(s, commit=revs.get(s.name, s.commit), bundle=repos.get(s.name, s.bundle)) for s in sources
    ]


def read_bundle(source: BundleSource) -> list[PageResult]:
    """The tracked pages of one bundle at its pinned commit (a missing page is a page that failed)."""
    try:
        with Repository(source.bundle) as repo:
            return read_at(repo, source)
    except RepositoryError as exc:
        raise SourcesError(str(exc)) from exc


def read_at(repo: Repository, source: BundleSource) -> list[PageResult]:
    commit = repo.resolve(source.commit)
    if commit is None:
        raise SourcesError(f"bundle {source.bundle}: has no commit {source.commit}")
    results = []
    for page in source.pages:
        text = repo.show(commit, page)
        label = source.label(page)
        if text is None:  # an earlier revision (--rev): the page may have lived under another path
            moved = repo.path_at(commit, page)
            text = repo.show(commit, moved) if moved else None
        if text is None:
            results.append(PageResult(page=label, layout=None, error=f"no such file at commit {commit[:12]}"))
            continue
        results.append(read_text(label, text))
    return results


def read_sources(sources: Iterable[BundleSource]) -> list[PageResult]:
    return [page for source in sources for page in read_bundle(source)]
