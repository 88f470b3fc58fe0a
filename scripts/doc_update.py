"""The doc-update loop in one command: changed vendor pages -> proposed spec patch -> checks -> new clients.

    python -m scripts.doc_update DOCS_DIR [--root ROOT] [--patch FILE] [--branch NAME] [--skip-generate]

Steps, each printed as it runs; the first that fails stops the loop with its reason (exit 1):
 1. doc drift with --propose writes the patch (default ROOT/reports/doc-update.patch);
 2. in a clean git checkout the patch is applied on a new branch `doc-update/<id>` (elsewhere, or with
    uncommitted changes, the loop stops and says where the patch is);
 3. the spec checks (scripts/check_specs.py) must pass, except for the `x-decision: TODO-nnnnnn` marks the
    patch adds: those are listed as pending review (`nox -s spec`, and so CI, keeps rejecting them until a
    reviewer records the decisions);
 4. doc drift again: nothing the patch covers may be left;
 5. the clients are regenerated (scripts/generate.py);
 6. spec diff against the branch the loop started from prints the semver bump each package needs.
Exit codes: 0 the loop ran through (or there was no drift); 1 a step failed; 2 bad arguments.
See docs/doc-update-workflow.md.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from spec_model import load_document

from .speclib.openapi import is_openapi_file

PROJECT = Path(__file__).resolve().parent.parent
_PROBLEM = re.compile(r"^(?P<file>[^:]+): (?P<pointer>/\S*): (?P<rule>[\w-]+): (?P<message>.*)$")


class StepFailed(Exception):
    """A step of the loop failed; the message is the reason shown to the user."""


@dataclass
class Step:
    number: int
    total: int

    def start(self, title: str) -> None:
        print(f"[{self.number}/{self.total}] {title}", flush=True)
        self.number += 1


def _run(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=cwd, capture_output=True, text=True, check=False)


def _tool(name: str) -> list[str]:
    """The command line of another tool of this package. It runs with the checkout under review as its
    working directory, so `scripts` is imported from that checkout (or, for a bare copy without one, from
    the environment's editable install of the project)."""
    return [sys.executable, "-m", f"scripts.{name}"]


def _git(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return _run(["git", *args], root)


def _drift(docs: Path, root: Path, *options: str) -> subprocess.CompletedProcess[str]:
    return _run(
        [
            *_tool("doc_drift"),
            str(docs),
            "--spec-dir",
            str(root / "spec"),
            *options,
        ],
        root,
    )


def _indent(text: str) -> str:
    return "\n".join(f"      {line}" for line in text.rstrip().splitlines())


def _arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Run the doc-update loop (see the module doc).")
    parser.add_argument("docs_dir", type=Path)
    parser.add_argument("--root", type=Path, default=PROJECT, help="project checkout (default: this one)")
    parser.add_argument("--patch", type=Path, default=None, help="default: ROOT/reports/doc-update.patch")
    parser.add_argument("--branch", default=None, help="default: doc-update/<patch id>")
    parser.add_argument(
        "--skip-generate", action="store_true", help="stop after the checks (no regeneration)"
    )
    return parser.parse_args(argv)


def propose(docs: Path, root: Path, patch: Path) -> bool:
    """Step 1. True when a patch was written; False when there is no drift at all."""
    patch.parent.mkdir(parents=True, exist_ok=True)
    patch.unlink(missing_ok=True)
    result = _drift(docs, root, "--propose", str(patch))
    print(_indent(result.stdout + result.stderr))
    if result.returncode == 0:
        return False
    if result.returncode != 1:
        raise StepFailed("doc drift could not run (see its message above)")
    if not patch.exists():
        raise StepFailed("doc drift found differences, but none is an addition it can patch; edit by hand")
    return True


def apply_on_branch(root: Path, patch: Path, branch: str | None) -> str:
    """Step 2. Returns the base ref (the branch or commit the loop started from)."""
    where = f"the patch is at {patch}; apply it with `git apply {patch}` from {root} when ready"
    if _git(root, "rev-parse", "--show-toplevel").returncode != 0:
        raise StepFailed(f"{root} is not a git checkout: {where}")
    if _git(root, "status", "--porcelain", "--untracked-files=no").stdout.strip():
        raise StepFailed(f"the working tree has uncommitted changes: {where}")
    head = _git(root, "symbolic-ref", "--quiet", "--short", "HEAD").stdout.strip()
    base = head or _git(root, "rev-parse", "HEAD").stdout.strip()
    name = branch or f"doc-update/{hashlib.sha1(patch.read_bytes()).hexdigest()[:8]}"
    switched = _git(root, "switch", "-c", name)
    if switched.returncode != 0:
        raise StepFailed(f"cannot create branch {name}: {switched.stderr.strip()}; {where}")
    applied = _git(root, "apply", str(patch))
    if applied.returncode != 0:
        _git(root, "switch", base)
        _git(root, "branch", "-D", name)
        raise StepFailed(f"git apply failed ({applied.stderr.strip()}); back on {base}; {where}")
    print(f"      on branch {name} (from {base}); patch applied, nothing committed yet")
    return base


def _pointer_value(document: Any, pointer: str) -> Any:
    node = document
    for raw in pointer.lstrip("/").split("/"):
        part = raw.replace("~1", "/").replace("~0", "~")
        if isinstance(node, dict) and part in node:
            node = node[part]
        elif isinstance(node, list) and part.isdigit() and int(part) < len(node):
            node = node[int(part)]
        else:
            return None
    return node


def check_specs_in_review(root: Path, lint: bool = True) -> list[str]:
    """Step 3: the spec checks with pending TODO decisions tolerated. Returns the pending-TODO lines.

    `lint=False` leaves Spectral out (the tests use it for the many single-change fixtures)."""
    spec_dir = root / "spec"
    specs = sorted(p for p in spec_dir.glob("*.y*ml") if is_openapi_file(p))
    result = _run(
        [
            *_tool("check_specs"),
            *map(str, specs),
            "--decisions",
            str(spec_dir / "DECISIONS.md"),
            "--ruleset",
            str(spec_dir / ".spectral.yaml"),
            *([] if lint else ["--skip-lint"]),
        ],
        root,
    )
    if result.returncode == 0:
        return []
    if result.returncode != 1:
        raise StepFailed(f"the spec checks could not run: {result.stderr.strip()}")
    documents = {p.resolve(): load_document(p) for p in specs}
    pending: list[str] = []
    other: list[str] = []
    for line in result.stdout.splitlines():
        match = _PROBLEM.match(line)
        value = None
        if match and match["pointer"].endswith("/x-decision"):
            document = documents.get(Path(match["file"]).resolve()) or documents.get(
                (root / match["file"]).resolve()
            )
            value = _pointer_value(document, match["pointer"])
        if isinstance(value, str) and value.startswith("TODO-"):
            if match and match["rule"] == "decision-exists":
                pending.append(f"{Path(match['file']).name}: {match['pointer']}: {value}")
        elif line.strip():
            other.append(line)
    if other:
        raise StepFailed("the patched spec fails its checks:\n" + "\n".join(other))
    return pending


def drift_left(docs: Path, root: Path) -> list[dict[str, Any]]:
    """Step 4: the failing findings doc drift still reports once the patch is in."""
    result = _drift(docs, root, "--format", "json")
    if result.returncode not in (0, 1):
        raise StepFailed(f"doc drift could not run: {result.stderr.strip()}")
    payload = json.loads(result.stdout)
    return [f for f in payload["findings"] if f["fails"]]


def regenerate(root: Path) -> None:
    """Step 5."""
    result = _run([*_tool("generate"), "--root", str(root)], root)
    print(_indent(result.stdout + result.stderr))
    if result.returncode != 0:
        raise StepFailed("regeneration failed (see above); the spec patch stays applied for review")


def bumps(root: Path, base: str) -> list[str]:
    """Step 6: one line per package with the semver bump spec diff computes against `base`."""
    result = _run([*_tool("spec_diff"), base, "--format", "json"], root)
    if result.returncode != 0:
        raise StepFailed(f"spec diff failed: {result.stderr.strip()}")
    lines = []
    for spec in json.loads(result.stdout)["specs"]:
        changes = len(spec["changes"])
        if spec["bump"] is None:
            lines.append(f"{spec['package']}: no change, stays {spec['current_version']}")
        else:
            lines.append(
                f"{spec['package']}: {spec['bump']} bump, {spec['base_version']} -> {spec['next_version']} "
                f"({changes} change(s) in {Path(spec['spec']).name})"
            )
    return lines


def run(argv: list[str] | None = None) -> int:
    args = _arguments(argv)
    root: Path = args.root.resolve()
    if not args.docs_dir.is_dir():
        print(f"doc_update: docs folder {args.docs_dir} does not exist", file=sys.stderr)
        return 2
    if not (root / "spec").is_dir():
        print(f"doc_update: {root} has no spec/ folder", file=sys.stderr)
        return 2
    patch = (args.patch or root / "reports" / "doc-update.patch").resolve()
    docs = args.docs_dir.resolve()
    step = Step(1, 5 if args.skip_generate else 6)
    try:
        step.start("doc drift --propose")
        if not propose(docs, root, patch):
            print("no drift: the spec already matches the pages; nothing to update")
            return 0
        step.start("apply the patch on a new branch")
        base = apply_on_branch(root, patch, args.branch)
        step.start("spec checks (pending TODO decisions allowed)")
        pending = check_specs_in_review(root)
        print(
            f"      checks pass; {len(pending)} x-decision TODO(s) await review (nox -s spec rejects them):"
        )
        print("\n".join(f"        {line}" for line in pending))
        step.start("doc drift after the patch")
        left = drift_left(docs, root)
        if any(f["severity"] == "missing in spec" for f in left):
            missing = [f"{f['operation']} | {f['kind']} | {f['subject']}" for f in left]
            raise StepFailed("additions are still missing after the patch:\n" + "\n".join(missing))
        print(f"      {len(left)} finding(s) left for a person")
        for finding in left:
            print(f"        {finding['operation']} | {finding['kind']} | {finding['subject']}")
        if not args.skip_generate:
            step.start("regenerate the clients")
            regenerate(root)
        step.start(f"spec diff against {base}")
        for line in bumps(root, base):
            print(f"      {line}")
    except StepFailed as exc:
        print(f"STOPPED: {exc}")
        return 1
    print(
        "Next: replace each TODO with a DECISIONS.md entry's ID, then `nox -s spec`, "
        f"`nox -s spec-diff -- {base} --apply`, `nox -s generate`, `nox -s tests`."
    )
    return 1 if left else 0


if __name__ == "__main__":
    sys.exit(run())
