"""A vendor documentation repository read with git: a bundle (cloned once, bare, into a scratch folder) or an
existing clone (read in place), pages shown at any revision, and a page's history across renames.

Why git plumbing and no checkout: doc drift reads a handful of pages at one or many revisions; `git show
REV:PATH` and `git log --follow` answer that from the object store in milliseconds, so replaying a page's
whole history costs one clone, not one per revision.
"""

from __future__ import annotations

import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

GIT_TIMEOUT = 120  # seconds; cloning a 10 MB bundle takes a few


class RepositoryError(Exception):
    """A bundle or clone git cannot read, or a revision it does not have; the message names it."""


@dataclass(frozen=True)
class Revision:
    """One commit that touched a page, with the page's path at that commit (pages get renamed)."""

    commit: str
    path: str
    date: str
    subject: str


def _git(*args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(["git", *args], capture_output=True, timeout=GIT_TIMEOUT, check=False)


def _first_line(stderr: bytes) -> str:
    lines = stderr.decode("utf-8", errors="replace").strip().splitlines()
    return lines[0] if lines else "no message"


_CLONES: dict[tuple[str, int, int], str] = {}
_SCRATCH: list[tempfile.TemporaryDirectory[str]] = []


def _clone_of(bundle: Path) -> str:
    """A mirror clone of `bundle` (every ref, pull-request heads included), made once per process."""
    stat = bundle.stat()
    key = (str(bundle.resolve()), stat.st_size, stat.st_mtime_ns)
    if key in _CLONES:
        return _CLONES[key]
    if not _SCRATCH:
        _SCRATCH.append(tempfile.TemporaryDirectory(prefix="doc-drift-bundles-"))
    clone = str(Path(_SCRATCH[0].name) / f"repo-{len(_CLONES)}")
    cloned = _git("clone", "--quiet", "--mirror", str(bundle), clone)
    if cloned.returncode != 0:
        raise RepositoryError(f"bundle {bundle}: git clone failed ({_first_line(cloned.stderr)})")
    _CLONES[key] = clone
    return clone


class Repository:
    """Open with `with Repository(path) as repo:`. A bundle is cloned once per process and the clone kept
    (in a scratch folder removed when the process ends): a run reads it for every source entry and every
    revision, and the tests call the tool in-process many times. A bundle that changes on disk (size or
    modification time) is cloned again."""

    def __init__(self, source: Path) -> None:
        self.source = source
        self.git_dir = ""

    def __enter__(self) -> Repository:
        if self.source.is_dir():
            probe = _git("-C", str(self.source), "rev-parse", "--git-dir")
            if probe.returncode != 0:
                raise RepositoryError(f"{self.source} is not a git repository ({_first_line(probe.stderr)})")
            self.git_dir = str(self.source)
            return self
        if not self.source.is_file():
            raise RepositoryError(f"bundle {self.source} does not exist")
        self.git_dir = _clone_of(self.source)
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        return None

    def resolve(self, rev: str) -> str | None:
        """The full commit ID `rev` (a branch, tag or abbreviated ID) names here, or None."""
        found = _git("-C", self.git_dir, "rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}")
        return found.stdout.decode().strip() or None if found.returncode == 0 else None

    def show(self, commit: str, path: str) -> str | None:
        """The page's text at `commit` (byte-order mark and CRLF removed); None without such a file."""
        shown = _git("-C", self.git_dir, "show", f"{commit}:{path}")
        if shown.returncode != 0:
            return None
        return shown.stdout.decode("utf-8-sig", errors="replace").replace("\r\n", "\n")

    def path_at(self, commit: str, path: str) -> str | None:
        """Where the page that is `path` on the newest refs was at `commit` (pages get moved), or None."""
        logged = _git(
            "-C", self.git_dir, "log", "--all", "--follow", "--name-only", "--format=%x00%H", "--", path
        )
        for record in logged.stdout.decode("utf-8", errors="replace").split("\x00")[1:]:
            head, _, names = record.partition("\n")
            paths = [n for n in names.splitlines() if n.strip()]
            ancestor = _git("-C", self.git_dir, "merge-base", "--is-ancestor", head.strip(), commit)
            if paths and ancestor.returncode == 0:
                return paths[0]
        return None

    def history(self, rev: str, path: str, since: str | None = None) -> list[Revision]:
        """The commits reachable from `rev` that changed the page (oldest first), following renames; with
        `since`, only those not reachable from it."""
        spec = f"{since}..{rev}" if since else rev
        logged = _git(
            "-C",
            self.git_dir,
            "log",
            "--follow",
            "--name-only",
            "--format=%x00%H%x09%as%x09%s",
            spec,
            "--",
            path,
        )
        if logged.returncode != 0:
            raise RepositoryError(f"git log {spec} -- {path} failed ({_first_line(logged.stderr)})")
        revisions = []
        for record in logged.stdout.decode("utf-8", errors="replace").split("\x00")[1:]:
            head, _, names = record.partition("\n")
            commit, date, subject = [*head.split("\t", 2), "", ""][:3]
            paths = [n for n in names.splitlines() if n.strip()]
            revisions.append(Revision(commit, paths[0] if paths else path, date, subject))
        return list(reversed(revisions))
