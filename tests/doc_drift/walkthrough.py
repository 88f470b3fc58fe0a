"""Re-run the doc-update walkthrough in docs/doc-update-workflow.md and compare (or rewrite) its outputs.

The walkthrough's ```console blocks hold `$ command` lines, each followed by the output a real run printed.
They run in order in a sandbox: a fresh git checkout of the project's spec/, scripts/, spec_checks/,
spec_model/, generator/, overlay/, runtime/, generated/ and docs/, with `pages/` holding the shared vendor
pages plus the fixture changes the document names (tests/doc_drift/fixtures/drift_mutations.yaml). A
```markdown block placed right after the comment `<!-- append-to: FILE -->` is appended to that file when
the run reaches it.

    python -m tests.doc_drift.walkthrough --rewrite    # re-capture the outputs into the document

Outputs are compared after removing the sandbox path and, for `cat` of a patch, only on its added lines
(the context lines around them are the spec's own text, which other edits may change).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
DOC = ROOT / "docs" / "doc-update-workflow.md"
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "drift_mutations.yaml"
SHARED_DOCS = ROOT.parent / "shared" / "vendor-docs"
_BLOCK = re.compile(
    r"(<!-- append-to: (?P<target>\S+) -->\n)?```(?P<lang>console|markdown)\n(?P<body>.*?)```", re.S
)


@dataclass
class Command:
    command: str
    shown: str  # the output the document shows
    start: int  # offsets of the shown output in the document
    end: int


def page_cases(text: str) -> list[str]:
    match = re.search(r"<!-- walkthrough-pages: (.+?) -->", text)
    if match is None:
        raise ValueError(f"{DOC.name} names no fixture cases (<!-- walkthrough-pages: ... -->)")
    return match.group(1).split()


def make_sandbox(base: Path, cases: list[str]) -> Path:
    box = base / "olc-avepoint-contracts"
    box.mkdir()
    tools = ("scripts", "spec_checks", "spec_model")
    for folder in ("spec", *tools, "generator", "overlay", "runtime", "generated", "docs"):
        shutil.copytree(ROOT / folder, box / folder, ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("CHANGELOG.md", "pyproject.toml"):
        shutil.copy(ROOT / name, box / name)
    (box / "tools").mkdir()
    if (ROOT / "tools" / "node_modules").exists():
        (box / "tools" / "node_modules").symlink_to(ROOT / "tools" / "node_modules")
    shutil.copytree(SHARED_DOCS, box / "pages")
    all_cases = yaml.safe_load(FIXTURES.read_text(encoding="utf-8"))["cases"]
    for name in cases:
        case = all_cases[name]
        page = box / "pages" / case["page"]
        text = page.read_text(encoding="utf-8")
        if text.count(case["find"]) != 1:
            raise ValueError(f"fixture {name}: anchor not found once")
        page.write_text(text.replace(case["find"], case["replace"]), encoding="utf-8")
    (box / ".gitignore").write_text("pages/\nreports/\ntools/\n__pycache__/\n", encoding="utf-8")
    git = ["git", "-c", "user.name=docs", "-c", "user.email=docs@example.invalid"]
    subprocess.run([*git, "init", "-q", "-b", "main"], cwd=box, check=True)
    subprocess.run([*git, "add", "-A"], cwd=box, check=True)
    subprocess.run([*git, "commit", "-qm", "base"], cwd=box, check=True)
    return box


def run_document(text: str, box: Path) -> list[tuple[Command, str]]:
    """Run every command of the document in the sandbox; return each with the output it printed now."""
    results: list[tuple[Command, str]] = []
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"}
    for block in _BLOCK.finditer(text):
        if block["lang"] == "markdown":
            if block["target"]:
                with (box / block["target"]).open("a", encoding="utf-8") as handle:
                    handle.write("\n" + block["body"])
            continue
        body_start = block.start("body")
        pieces = list(re.finditer(r"^\$ (.+)\n", block["body"], flags=re.M))
        for index, piece in enumerate(pieces):
            out_start = piece.end()
            out_end = pieces[index + 1].start() if index + 1 < len(pieces) else len(block["body"])
            command = Command(
                piece.group(1), block["body"][out_start:out_end], body_start + out_start, body_start + out_end
            )
            done = subprocess.run(
                ["bash", "-c", command.command], cwd=box, env=env, capture_output=True, text=True, check=False
            )
            output = (done.stdout + done.stderr).replace(str(box) + "/", "").replace(str(box), ".")
            results.append((command, output if output.endswith("\n") or not output else output + "\n"))
    return results


_VOLATILE = (
    # Figures that follow the spec rather than the page change: versions, the operation and constraint
    # counts of the spec check's OK line, and the allowlisted / only-in-spec counts of doc drift's summary.
    (re.compile(r"\b\d+\.\d+\.\d+\b"), "X.Y.Z"),
    (re.compile(r"\(\d+ operations;"), "(N operations;"),
    # the constraint count of the same line follows the spec too (docs/specs.md, "Counting constraints")
    (re.compile(r"constraints: \d+ \(.*\)$"), "constraints: (counts)"),
    (re.compile(r"doc-update/[0-9a-f]{8}"), "doc-update/HASH"),  # the hash of the patch, context lines too
    (re.compile(r"\d+ allowlisted, \d+ only in spec"), "N allowlisted, N only in spec"),
)


def comparable(command: str, output: str) -> list[str]:
    lines = output.rstrip("\n").splitlines()
    if command.startswith("cat ") and command.endswith(".patch"):
        lines = [line for line in lines if line.startswith("+")]
    for pattern, stand_in in _VOLATILE:
        lines = [pattern.sub(stand_in, line) for line in lines]
    return lines


def rewrite() -> None:
    text = DOC.read_text(encoding="utf-8")
    with tempfile.TemporaryDirectory() as scratch:
        box = make_sandbox(Path(scratch), page_cases(text))
        results = run_document(text, box)
    for command, output in reversed(results):
        text = text[: command.start] + output + text[command.end :]
    DOC.write_text(text, encoding="utf-8")
    print(f"rewrote {len(results)} command output(s) in {DOC.relative_to(ROOT)}")


if __name__ == "__main__":
    if sys.argv[1:] != ["--rewrite"]:
        sys.exit("usage: python -m tests.doc_drift.walkthrough --rewrite")
    rewrite()
