"""Compare our generator templates with the installed openapi-python-client's own (the "upstream" ones).

Every file in generator/templates/ whose name is also a stock template shadows that stock template, so a
generator upgrade can change behaviour there without any of our files changing.
generator/upstream-templates.json records, for each such override, the sha256 of the upstream template it
was written against; test_upstream_templates.py fails naming each one that no longer matches.

Run as a script to see how far each override is from upstream (lines only in ours, lines only upstream):

    python -m tests.generation.upstream_templates [--templates DIR] [--update [--records FILE]]

`--update` rewrites the recorded hashes and version from the installed generator: run it after reviewing
what changed upstream, never to silence the test.
"""

from __future__ import annotations

import argparse
import difflib
import hashlib
import importlib.util
import json
import re
import sys
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
TEMPLATES = ROOT / "generator" / "templates"
RECORDS = ROOT / "generator" / "upstream-templates.json"
GENERATOR = "openapi-python-client"
KINDS = ("replaced", "fork", "macros")
"""replaced: ours reuses nothing of upstream; fork: a whole-file copy with changes; macros: ours overrides
some macros and imports the others from upstream/<same name>."""


def upstream_dir() -> Path:
    """The template folder of the installed openapi-python-client (found without importing it)."""
    spec = importlib.util.find_spec("openapi_python_client")
    assert spec is not None, f"{GENERATOR} is not installed"
    assert spec.origin is not None
    return Path(spec.origin).parent / "templates"


def overrides(templates: Path = TEMPLATES, upstream: Path | None = None) -> list[str]:
    """Names (relative, POSIX) of our templates that shadow a stock template, sorted."""
    upstream = upstream or upstream_dir()
    return sorted(
        path.relative_to(templates).as_posix()
        for path in templates.rglob("*.jinja")
        if (upstream / path.relative_to(templates)).is_file()
    )


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def load_records(path: Path = RECORDS) -> dict[str, Any]:
    data = json.loads(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


MACRO = re.compile(r"^{% macro (\w+)\(.*?{% endmacro %}\n?", re.MULTILINE | re.DOTALL)
REEXPORT = re.compile(r"^{% set (\w+) = stock\.\1 %}$", re.MULTILINE)


@dataclass(frozen=True)
class Distance:
    """How one override differs from upstream, in lines of a unified diff (`total` is + and - lines).

    `copied` counts our lines that are upstream's lines unchanged: the part a generator upgrade must merge
    by hand. A stock macro that ours re-exports (`{% set name = stock.name %}`) is left out of the upstream
    side, because ours uses it as it is instead of dropping it.
    """

    name: str
    ours_only: int
    upstream_only: int
    copied: int

    @property
    def total(self) -> int:
        return self.ours_only + self.upstream_only


def _without_reexported(upstream_text: str, ours_text: str) -> str:
    reexported = set(REEXPORT.findall(ours_text))
    return MACRO.sub(lambda match: "" if match.group(1) in reexported else match.group(0), upstream_text)


def distance(name: str, templates: Path = TEMPLATES, upstream: Path | None = None) -> Distance:
    upstream = upstream or upstream_dir()
    ours_text = (templates / name).read_text(encoding="utf-8")
    theirs_text = _without_reexported((upstream / name).read_text(encoding="utf-8"), ours_text)
    ours, theirs = ours_text.splitlines(), theirs_text.splitlines()
    diff = list(difflib.unified_diff(theirs, ours, lineterm="", n=0))[2:]
    added = sum(1 for line in diff if line.startswith("+"))
    removed = sum(1 for line in diff if line.startswith("-"))
    matcher = difflib.SequenceMatcher(None, theirs, ours, autojunk=False)
    copied = sum(
        block.size
        for block in matcher.get_matching_blocks()
        if "".join(ours[block.b : block.b + block.size]).strip()
    )
    return Distance(name, added, removed, copied)


def changed_upstream(records: dict[str, Any], upstream: Path | None = None) -> list[str]:
    """Recorded templates whose installed upstream file no longer has the recorded hash (or is gone)."""
    upstream = upstream or upstream_dir()
    changed = []
    for name, record in sorted(records["templates"].items()):
        path = upstream / name
        if not path.is_file() or sha256(path) != record["upstream_sha256"]:
            changed.append(name)
    return changed


def upgrade_report(
    records: dict[str, Any], upstream: Path | None = None, installed: str | None = None
) -> str:
    """Empty when every recorded upstream template is unchanged; else what changed, for a failing test."""
    changed = changed_upstream(records, upstream)
    if not changed:
        return ""
    installed = installed or version(GENERATOR)
    listed = ", ".join(f"{name} ({records['templates'][name]['kind']})" for name in changed)
    return (
        f"{GENERATOR} {installed} (records written against {records['version']}) changed "
        f"{len(changed)} upstream template(s) that generator/templates/ overrides: {listed}. "
        "Compare each with the old upstream file, carry the change into ours where it applies, then run "
        "`python -m tests.generation.upstream_templates --update`."
    )


def _table(templates: Path) -> str:
    rows = [distance(name, templates) for name in overrides(templates)]
    width = max([len(row.name) for row in rows] + [8])
    lines = [f"{'template':<{width}}  ours-only  upstream-only  total  copied"]
    lines += [
        f"{r.name:<{width}}  {r.ours_only:>9}  {r.upstream_only:>13}  {r.total:>5}  {r.copied:>6}"
        for r in rows
    ]
    lines.append(
        f"{'all':<{width}}  {sum(r.ours_only for r in rows):>9}  {sum(r.upstream_only for r in rows):>13}  "
        f"{sum(r.total for r in rows):>5}  {sum(r.copied for r in rows):>6}"
    )
    return "\n".join(lines)


def _update(records_path: Path) -> None:
    records = load_records(records_path)
    upstream = upstream_dir()
    records["version"] = version(GENERATOR)
    for name, record in records["templates"].items():
        record["upstream_sha256"] = sha256(upstream / name)
    records_path.write_text(json.dumps(records, indent=2) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.generation.upstream_templates")
    parser.add_argument("--templates", type=Path, default=TEMPLATES, help="our template folder")
    parser.add_argument("--update", action="store_true", help="record the installed upstream hashes")
    parser.add_argument("--records", type=Path, default=RECORDS, help="the record file --update rewrites")
    args = parser.parse_args(argv)
    if args.update:
        _update(args.records)
    print(f"{GENERATOR} {version(GENERATOR)}, templates in {args.templates}")
    print(_table(args.templates))
    return 0


if __name__ == "__main__":
    sys.exit(main())
