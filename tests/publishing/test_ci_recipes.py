"""Every shell step of docs/ci.md runs here, so a recipe cannot rot.

Each recipe runs in a fresh virtualenv (the CI runner's Python) with the test index standing in for the
company's private index, mocks started from an installed `olc-avepoint-contracts` standing in for the live
server, and environment variables standing in for the CI secret store. The doc-update recipes run in a
copy of this repository, once against the saved vendor pages (passes) and once against a page with a new
parameter (fails, with the report).
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import pytest

from .conftest import Published
from .environment import ROOT, Completed, clean_env, fresh_venv, run
from .index_server import PackageIndex
from .processes import live_env
from .recipes import Recipe, recipes

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("publishing")]

SHARED_DOCS = ROOT.parent / "shared" / "vendor-docs"
# The repository files `nox -s doc-drift` needs (what `actions/checkout` would bring).
CHECKOUT = ("noxfile.py", "pyproject.toml", "spec", "scripts", "spec_model")
ALL = recipes()
CONTRACT = [r for r in ALL if r.job == "contract"]
DOC_DRIFT = [r for r in ALL if r.job == "doc-drift"]
# The product the recipe runs validate: a team usually has one, and the other API's variables stay unset
# (GitHub passes an unset secret as an empty string, GitLab leaves it out). AvePoint's checks take seconds;
# the installed suite's run against both APIs is in test_publish_e2e.py.
PRODUCT = "AVEPOINT_"
NEW_PARAMETER_ROW = "|region|Sets the region of the jobs to get.|string|No|\n"


def test_docs_have_both_recipes_for_both_platforms() -> None:
    assert sorted((r.platform, r.job) for r in ALL) == [
        ("github", "contract"),
        ("github", "doc-drift"),
        ("gitlab", "contract"),
        ("gitlab", "doc-drift"),
    ]


def run_steps(recipe: Recipe, env: dict[str, str], cwd: Path) -> list[Completed]:
    """Run the steps as the CI would: bash with -e and pipefail; after a failure only `always()` steps."""
    results: list[Completed] = []
    failed = False
    for step in recipe.steps:
        if failed and not step.always:
            continue
        done = run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", step.script], env, cwd, 900)
        results.append(done)
        failed = failed or done.returncode != 0
    return results


def ci_env(recipe: Recipe, venv: Path, work: Path, secrets: dict[str, str]) -> dict[str, str]:
    env = clean_env({"CI": "true", **recipe.env}, venv=venv)
    if recipe.platform == "github":
        missing = [name for name in recipe.secrets if name not in secrets]
        assert not missing, f"the test does not supply {missing}"
        env |= {name: secrets[name] for name in recipe.secrets}
        env["GITHUB_STEP_SUMMARY"] = str(work / "step-summary.md")
    else:
        env |= secrets | {"CI_PROJECT_DIR": str(work)}
    # Byte-compiling 100 MB of dependencies proves nothing about a recipe; the install itself still runs.
    env["PIP_NO_COMPILE"] = "1"
    return env


def _output(results: list[Completed]) -> str:
    return "\n".join(r.output for r in results)[-4000:]


@pytest.mark.parametrize("recipe", CONTRACT, ids=[r.platform for r in CONTRACT])
def test_contract_recipe_runs_against_the_mocks(
    recipe: Recipe,
    published: Published,
    package_index: PackageIndex,
    installed_mocks: dict[str, Any],
    tmp_path: Path,
) -> None:
    assert recipe.env.get("CONTRACT_SUITE_VERSION") == published.versions["olc-avepoint-contracts"], (
        "docs/ci.md pins another contract-suite version than the one this repository publishes"
    )
    work = tmp_path / "work"
    work.mkdir()
    live = live_env(installed_mocks["olconnect"], installed_mocks["avepoint"])
    secrets = {k: v for k, v in live.items() if k.startswith((PRODUCT, "CONTRACT_"))}
    if recipe.platform == "github":  # unset secrets and variables arrive as empty strings
        secrets |= {k: "" for k in live if k not in secrets}
    secrets["PIP_INDEX_URL"] = package_index.pip_url
    env = ci_env(recipe, fresh_venv(tmp_path / "runner-python"), work, secrets)
    results = run_steps(recipe, env, work)
    assert all(r.returncode == 0 for r in results), _output(results)
    assert len(results) == len(recipe.steps)
    for path in recipe.outputs:
        assert (work / path).exists(), f"{recipe.file}: {path} is published but was not written"
    (junit_path,) = recipe.junit
    junit = ElementTree.parse(work / junit_path).getroot()
    assert sum(int(s.get("tests", 0)) for s in junit.iter("testsuite")) > 0
    summary = (work / "reports" / "contract-summary.md").read_text(encoding="utf-8")
    assert package_index.password not in summary
    if recipe.platform == "github":
        assert (work / "step-summary.md").read_text(encoding="utf-8") == summary


def _checkout(work: Path, drifted: bool) -> None:
    for name in CHECKOUT:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, work / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        else:
            shutil.copy2(source, work / name)
    pages = work / "vendor-docs"
    shutil.copytree(SHARED_DOCS, pages)
    if drifted:  # the vendor documents a new query parameter that the spec does not have
        page = pages / "avepoint-gws-backup-retrieve-jobs.md"
        lines = page.read_text(encoding="utf-8").splitlines(keepends=True)
        row = next(i for i, line in enumerate(lines) if line.startswith("|pageSize|"))
        page.write_text("".join([*lines[: row + 1], NEW_PARAMETER_ROW, *lines[row + 1 :]]), encoding="utf-8")


@pytest.mark.skipif(not SHARED_DOCS.is_dir(), reason="needs ../shared/vendor-docs beside the checkout")
@pytest.mark.parametrize("recipe", DOC_DRIFT, ids=[r.platform for r in DOC_DRIFT])
def test_doc_drift_recipe_passes_on_the_saved_pages_and_fails_with_the_report(
    recipe: Recipe, package_index: PackageIndex, published: Published, tmp_path: Path
) -> None:
    """GitHub's recipe sees the saved pages (no drift), GitLab's a page with a new parameter (drift)."""
    drifted = recipe.platform == "gitlab"
    work = tmp_path / "work"
    work.mkdir()
    _checkout(work, drifted)
    env = ci_env(
        recipe, fresh_venv(tmp_path / "runner-python"), work, {"PIP_INDEX_URL": package_index.pip_url}
    )
    results = run_steps(recipe, env, work)
    (report_path,) = recipe.outputs
    report = (work / report_path).read_text(encoding="utf-8")
    if drifted:
        assert results[-1].returncode != 0, _output(results)
        assert "region" in report
        assert "region" in results[-1].output, "the failing job shows the report in its log"
    else:
        assert all(r.returncode == 0 for r in results), _output(results)
        assert "region" not in report
