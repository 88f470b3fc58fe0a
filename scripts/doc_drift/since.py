"""`--since REV`: the semantic changes of a source's tracked pages between REV and the revision read.

Each tracked page's history (renames followed) is replayed commit by commit: the facts of the page before
a commit are compared with the facts after it (facts.py), so the report names every documented fact a
commit changed, and says so of a commit that changed none (a re-layout, rewording, a link). The comparison
is between page revisions only; the spec plays no part, so the report means the same whatever the spec
holds.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .facts import UNREADABLE, Facts, changes, outline_facts, page_facts
from .pages import read_text
from .repository import Repository, Revision
from .sources import BundleSource, SourcesError


@dataclass
class CommitChange:
    """What one commit changed on one page: fact lines, or none (no documented fact changed)."""

    revision: Revision
    lines: list[str] = field(default_factory=list)


@dataclass
class PageHistory:
    page: str
    commits: list[CommitChange] = field(default_factory=list)


def facts_at(repo: Repository, commit: str, path: str, label: str) -> Facts | None:
    """The page's facts at `commit`; None when the page does not exist there."""
    text = repo.show(commit, path)
    if text is None:
        return None
    result = read_text(label, text)
    facts = page_facts(result)
    if result.error:  # an older layout: still name the operations and scopes its outline shows
        facts.update(outline_facts(text))
    return facts


def replay(repo: Repository, source: BundleSource, since: str | None) -> list[PageHistory]:
    """Every commit after `since` (all of them with None) up to the source's revision, per tracked page."""
    until = repo.resolve(source.commit)
    if until is None:
        raise SourcesError(f"{source.bundle}: has no revision {source.commit}")
    base = None
    if since is not None:
        base = repo.resolve(since)
        if base is None:
            raise SourcesError(f"{source.bundle}: has no revision {since}")
    histories = []
    for page in source.pages:
        label = source.label(page)
        path = page if repo.show(until, page) is not None else (repo.path_at(until, page) or page)
        full = repo.history(until, path)
        wanted = {r.commit for r in repo.history(until, path, since=base)} if base else None
        history = PageHistory(page)
        previous: Facts | None = None
        for revision in full:
            current = facts_at(repo, revision.commit, revision.path, label)
            if wanted is None or revision.commit in wanted:
                lines = changes(previous, current)
                if not lines and current is not None and UNREADABLE in current:
                    # The commit changed an unreadable page: what it changed is unknown, so say so.
                    lines = [f"! {UNREADABLE} still {current[UNREADABLE]}: this change was not compared"]
                history.commits.append(CommitChange(revision, lines))
            previous = current
        histories.append(history)
    return histories


def render(histories: list[PageHistory], source: BundleSource, since: str | None) -> str:
    span = f"since {since} " if since else ""
    lines = [f"Semantic changes {span}up to {source.commit} in {source.name}:"]
    changed = 0
    for history in histories:
        lines.append(f"{history.page}")
        if not history.commits:
            lines.append("  no commit changed this page")
        for change in history.commits:
            rev = change.revision
            head = f"  {rev.commit[:7]} {rev.date} {rev.subject[:60]}"
            if not change.lines:
                lines.append(f"{head}: no documented fact changed")
                continue
            changed += 1
            lines.append(f"{head}:")
            lines.extend(f"    {line}" for line in change.lines)
    commits = sum(len(h.commits) for h in histories)
    lines.append(f"Summary: {changed} of {commits} page revision(s) changed a documented fact")
    return "\n".join(lines)
