"""`--apply`: bump `info.version` in a spec and write the CHANGELOG.md entry for its client package.

The spec is edited as text (one or two lines under `info:`) so comments and formatting survive; a YAML
round-trip would rewrite the whole hand-written file. The result is re-read to check the edit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import yaml

from spec_model import parse_document

from .changes import Change, Kind, Level

SEMVER = re.compile(r"^(\d+)\.(\d+)\.(\d+)$")

CHANGELOG_HEADER = """# Changelog

All notable changes to the generated client packages (`olconnect-client`, `avepoint-graph-client`) are
recorded here. The format follows [Keep a Changelog](https://keepachangelog.com/en/1.1.0/) and the versions
follow [Semantic Versioning](https://semver.org/spec/v2.0.0.html). A package's version is the `info.version`
of its spec; entries are written by `nox -s spec-diff -- BASE_REF --apply` (see docs/doc-update-workflow.md).

## [Unreleased]
"""


class ReleaseError(Exception):
    """The spec's version fields cannot be read or edited; the message names the file."""


def parse_version(text: str, source: str) -> tuple[int, int, int]:
    match = SEMVER.match(str(text).strip())
    if match is None:
        raise ReleaseError(f"{source}: info.version must be MAJOR.MINOR.PATCH, got {text!r}")
    major, minor, patch = (int(g) for g in match.groups())
    return major, minor, patch


def bump(version: str, part: str, source: str) -> str:
    major, minor, patch = parse_version(version, source)
    if part == "major":
        return f"{major + 1}.0.0"
    if part == "minor":
        return f"{major}.{minor + 1}.0"
    return f"{major}.{minor}.{patch + 1}"


def package_name(spec_path: Path, repo_root: Path) -> str:
    """The client distribution built from a spec, as the generator config names it."""
    config = repo_root / "generator" / f"{spec_path.stem}.yaml"
    try:
        data = yaml.safe_load(config.read_text(encoding="utf-8"))
        name = data.get("project_name_override") if isinstance(data, dict) else None
        if isinstance(name, str) and name:
            return name
    except (OSError, yaml.YAMLError):
        pass
    return f"{spec_path.stem}-client"


def set_spec_version(text: str, version: str, source: str) -> str:
    """Set `info.version` and reset `info.x-package-revision` to 0 (added after `version` if absent)."""
    lines = text.splitlines(keepends=True)
    start = next((i for i, line in enumerate(lines) if re.match(r"^info:\s*(#.*)?$", line)), None)
    if start is None:
        raise ReleaseError(f"{source}: no top-level 'info:' block")
    indent: str | None = None
    version_at: int | None = None
    revision_at: int | None = None
    for index in range(start + 1, len(lines)):
        line = lines[index]
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        current = line[: len(line) - len(line.lstrip())]
        if not current:
            break  # the next top-level key: end of the info block
        indent = current if indent is None else indent
        if current != indent:
            continue
        if re.match(r"version:\s", line.lstrip()):
            version_at = index
        elif re.match(r"x-package-revision:\s", line.lstrip()):
            revision_at = index
    if version_at is None or indent is None:
        raise ReleaseError(f"{source}: no info.version line")
    value = re.compile(r"^(\s*[\w-]+:\s*)(['\"]?)([^'\"\s#]*)(['\"]?)(.*)$", re.DOTALL)
    lines[version_at] = value.sub(lambda m: f"{m[1]}{m[2]}{version}{m[4]}{m[5]}", lines[version_at])
    if revision_at is not None:
        lines[revision_at] = value.sub(lambda m: f"{m[1]}0{m[5]}", lines[revision_at])
    else:
        lines.insert(version_at + 1, f"{indent}x-package-revision: 0\n")
    edited = "".join(lines)
    info = parse_document(edited).get("info") or {}
    if str(info.get("version")) != version or info.get("x-package-revision") != 0:
        raise ReleaseError(f"{source}: editing info.version did not give the expected result")
    return edited


@dataclass
class ReleaseEntry:
    package: str
    spec: str
    old_version: str
    new_version: str
    bump: str
    base_ref: str
    changes: list[Change]


_SECTIONS = (
    (Kind.REMOVAL, "Removed"),
    (Kind.CHANGE, "Changed"),
    (Kind.ADDITION, "Added"),
    (Kind.DOC, "Changed"),
)


def changelog_section(entry: ReleaseEntry, today: date) -> str:
    lines = [
        f"## [{entry.package} {entry.new_version}] - {today.isoformat()}",
        "",
        f"Spec `{entry.spec}` {entry.old_version} -> {entry.new_version} ({entry.bump} bump), compared with "
        f"`{entry.base_ref}`.",
    ]
    grouped: dict[str, list[str]] = {}
    for kind, title in _SECTIONS:
        for change in entry.changes:
            if change.kind is kind:
                mark = {Level.ERR: "**Breaking:** ", Level.WARN: "**Review:** "}.get(change.level, "")
                where = f" ({change.location})" if change.location not in ("-", "") else ""
                grouped.setdefault(title, []).append(
                    f"- {mark}`{change.operation}`{where}: {change.message} [{change.rule}]"
                )
    for _, title in _SECTIONS:
        if title in grouped:
            lines += ["", f"### {title}", "", *dict.fromkeys(grouped.pop(title))]
    return "\n".join(lines) + "\n"


def write_changelog(path: Path, entry: ReleaseEntry, today: date) -> None:
    """Insert (or replace, when re-run for the same version) the package's section below [Unreleased]."""
    text = path.read_text(encoding="utf-8") if path.exists() else CHANGELOG_HEADER
    section = changelog_section(entry, today)
    heading = re.compile(
        rf"^## \[{re.escape(entry.package)} {re.escape(entry.new_version)}\].*$", re.MULTILINE
    )
    existing = heading.search(text)
    if existing is not None:
        following = re.search(r"^## ", text[existing.end() :], flags=re.MULTILINE)
        end = existing.end() + following.start() if following else len(text)
        text = text[: existing.start()] + section + ("\n" if following else "") + text[end:]
    else:
        unreleased = re.search(r"^## \[Unreleased\].*$", text, flags=re.MULTILINE)
        if unreleased is None:
            text = text.rstrip("\n") + "\n\n" + section
        else:
            following = re.search(r"^## ", text[unreleased.end() :], flags=re.MULTILINE)
            cut = unreleased.end() + following.start() if following else len(text)
            before = text[:cut].rstrip("\n") + "\n\n"
            text = before + section + ("\n" + text[cut:] if following else "")
    path.write_text(text, encoding="utf-8")
