"""The AvePoint job-page reader on every layout variant the vendor's pages use (research §8).

A page written in one variant is rewritten into another with no change of meaning and must give the same
facts; one changed fact (an enum value, a type, a scope, a requirement) must be named; a section or table the
reader does not understand must make the page fail with a reason, never be skipped.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from scripts.doc_drift.cli import analyse, run
from scripts.doc_drift.facts import changes, page_facts
from scripts.doc_drift.model import PageResult
from scripts.doc_drift.pages import read_text

from .conftest import ROOT

STATE_ROW = (
    "| state | The state.<br> Valid values:<br> <ul><li> **1** for Running</li>"
    "<li> **2** for Finished </li></ul> | enum | Yes |"
)
PAGE = """# Retrieve Job Information

Gets jobs.

## Permission

| API | Permission |
| --- | --- |
| `/backup/x/jobs` | x.read.all |

## Request

| Method | Endpoint | Description |
| --- | --- | --- |
| GET | `/backup/x/jobs` | Gets jobs. |

## Query Parameters

| Parameter | Description | Type | Required? |
| --- | --- | --- | --- |
| pageSize | Jobs per page. The default value is 10. | integer | No |
STATE_ROW

## Response

| Elements | Description | Type |
| --- | --- | --- |
| jobs | A list of jobs. | list |
| nextLink | The next page. | string |

**Job details**

| Elements | Description | Type |
| --- | --- | --- |
| id | The job ID. | string |
| kind | The kind.<br> <ul><li> **0** for Backup</li><li> **1** for Restore</li></ul> | enum |

## Request Sample

```json
https://graph-us.avepointonlineservices.com/backup/x/jobs?pageSize=2
```

## Response Sample

If successful, this method returns a 200 OK response code.

```json
{
  "jobs": [ { "id": "a", "kind": 0, }, ], // trailing commas, as the pages have them
  "nextLink": ""
}
```
""".replace("STATE_ROW", STATE_ROW)

# The same facts in the other variants: headings, column names, enum notations, captions, an unclosed fence.
RELAID = (
    PAGE.replace("## Permission\n", "## Permissions\n")
    .replace("| API | Permission |", "| API | Permission required |")
    .replace("| Method | Endpoint |", "| HTTP Method | Endpoint |")
    .replace("| Required? |", "| Required |")
    .replace("## Response\n", "## Responses\n")
    .replace(
        "| Elements | Description | Type |\n| --- | --- | --- |\n| jobs",
        "| Name | Description | Type |\n| --- | --- | --- |\n| jobs",
    )
    .replace("**Job details**", "**Job details:**")
    .replace(
        "<li> **1** for Running</li><li> **2** for Finished </li>",
        "<li> **1** (Running)</li><li> **2** (finished.)</li>",
    )
    .replace(
        "<ul><li> **0** for Backup</li><li> **1** for Restore</li></ul>", "**0** - Backup; **1** - Restore"
    )
    .replace("Gets jobs.\n", "Returns the jobs of the tenant, one page at a time.\n")
    .replace("The next page.", "Reference to the next page of results.")
    .rstrip("`\n")
)


def facts(text: str) -> dict[str, str]:
    result = read_text("page.md", text)
    assert result.error is None, result.error
    return page_facts(result)


def test_the_base_page_is_read_completely() -> None:
    got = facts(PAGE)
    assert got["operation"] == "GET /backup/x/jobs"
    assert got["scope x.read.all"] == "required"
    assert got["parameter query:pageSize default"] == "10"
    assert got["parameter query:state required"] == "yes"
    assert got["parameter query:state enum 2"] == "finished"
    assert got["response-field jobs[].kind enum 1"] == "restore"
    assert got["sample-field jobs[].kind type"] == "integer"
    assert got["status 200"] == "documented"


def test_a_relayout_with_the_same_facts_passes() -> None:
    for variant in (
        "## Permissions",
        "Permission required",
        "HTTP Method",
        "| Required |",
        "## Responses",
        "| Name |",
        "**Job details:**",
        "**1** (Running)",
        "**0** - Backup; **1** - Restore",
    ):
        assert variant in RELAID, variant
    assert not RELAID.endswith("```")  # the response sample's fence is left open, as on many pages
    assert changes(facts(PAGE), facts(RELAID)) == []


@pytest.mark.parametrize(
    ("old", "new", "named"),
    [
        ("**2** for Finished", "**3** for Finished", "+ parameter query:state enum 3 = finished"),
        ("| kind | The kind.", "| kindOf | The kind.", "+ response-field jobs[].kindOf type = enum"),
        ("| integer | No |", "| string | No |", "~ parameter query:pageSize type: integer -> string"),
        ("x.read.all |", "x.readwrite.all |", "+ scope x.readwrite.all = required"),
        ("| enum | Yes |", "| enum | Conditional |", "~ parameter query:state required: yes -> conditional"),
        ("**1** for Restore", "**1** for Export", "~ response-field jobs[].kind enum 1: restore -> export"),
        ("default value is 10", "default value is 50", "~ parameter query:pageSize default: 10 -> 50"),
    ],
)
def test_a_changed_fact_is_named_in_either_layout(old: str, new: str, named: str) -> None:
    pages = [page for page in (PAGE, RELAID) if old in page]
    assert pages, f"neither layout holds {old!r}"
    for page in pages:
        assert named in changes(facts(page), facts(page.replace(old, new)))


@pytest.mark.parametrize(
    ("edit", "reason"),
    [
        (
            (
                "## Request Sample",
                "## Response Models\n\n| A | B |\n| - | - |\n| 1 | 2 |\n\n## Request Sample",
            ),
            "'Response Models'",
        ),
        (
            ("| Parameter | Description | Type | Required? |", "| Key | Description | Type | Required? |"),
            "no name column",
        ),
        (("**Job details**", "**Job details**\n\n```json\n{}\n```"), "code block"),
        (("| Method | Endpoint |", "| Verb | Endpoint |"), "'Method'/'Endpoint'"),
    ],
)
def test_a_section_or_table_the_reader_does_not_understand_fails_the_page(
    edit: tuple[str, str], reason: str
) -> None:
    result: PageResult = read_text("page.md", PAGE.replace(*edit))
    assert result.error is not None
    assert reason in result.error, result.error
    assert page_facts(result) == {"page": f"unreadable ({result.error})"}


def test_operations_the_spec_lacks_are_not_transcribed_not_missing(tmp_path: Path) -> None:
    """The sources file declares what a page backs; an operation no spec has yet is listed on its own."""
    shared = ROOT.parent / "shared" / "vendor-docs"
    if not shared.is_dir():
        pytest.skip("vendor pages not found")
    repo = tmp_path / "repo"
    repo.mkdir()
    page = "jobs.md"
    (repo / page).write_text(PAGE, encoding="utf-8")
    _git(repo, "init", "-q", "-b", "main")
    _git(repo, "add", page)
    _git(repo, "commit", "-q", "-m", "page")
    commit = _git(repo, "rev-parse", "HEAD")
    sources = tmp_path / "sources.yaml"
    sources.write_text(
        f"bundles:\n  - name: vendor\n    bundle: {repo}\n    commit: {commit}\n    pages:\n"
        f"      - path: {page}\n        operations: [GET /backup/x/jobs]\n",
        encoding="utf-8",
    )
    outcome = analyse(shared, ROOT / "spec", sources=sources)
    assert outcome.not_transcribed == {"GET /backup/x/jobs": "bundle:vendor/jobs.md"}
    assert not [f for f in outcome.findings if f.operation == "GET /backup/x/jobs"]
    assert outcome.ok
    # A page that documents another operation than the one declared fails.
    sources.write_text(
        sources.read_text(encoding="utf-8").replace("GET /backup/x/jobs]", "GET /backup/y/jobs]")
    )
    outcome = analyse(shared, ROOT / "spec", sources=sources)
    kinds = {f.kind for f in outcome.failing}
    assert {"page-operation-added", "page-operation-removed"} <= kinds
    assert not outcome.ok


def _git(repo: Path, *args: str) -> str:
    done = subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.invalid", *args],
        cwd=repo,
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout.strip()


SOURCES_FILE = str(ROOT / "spec" / "doc-drift-sources.yaml")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--since", "bc69d58"], "--since needs --sources"),
        (
            ["--sources", SOURCES_FILE, "--repo", "avepoint-cloud-api"],
            "--repo expects NAME=",
        ),
        (["--sources", SOURCES_FILE, "--rev", "nope=main"], "no source named 'nope'"),
        (["--rev", "main"], "--rev needs --sources"),
    ],
)
def test_bad_revision_arguments_are_one_line_and_exit_2(
    args: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run([*args]) == 2
    err = capsys.readouterr().err
    assert message in err
    assert "Traceback" not in err
