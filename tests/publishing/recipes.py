"""Read the CI recipes out of docs/ci.md and turn their shell steps into commands a test can run.

A recipe is a ```yaml block whose first line is a comment naming the file it belongs in
(``# .github/workflows/NAME.yml`` or ``# .gitlab-ci.yml (NAME job)``). GitHub steps with ``uses:`` are
actions and are not run; their inputs (artifact paths, report paths) are returned so a test can check the
files exist. ``${{ secrets.X }}`` and ``${{ vars.X }}`` in ``env:`` are the CI secret store: the test
supplies them by name, as the secret store would.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

CI_DOC = Path(__file__).resolve().parents[2] / "docs" / "ci.md"
YAML_BLOCK = re.compile(r"^```yaml\n(?P<body>.*?)^```", re.S | re.M)
FILE_COMMENT = re.compile(
    r"^# (?P<file>\.github/workflows/[\w-]+\.yml|\.gitlab-ci\.yml \((?P<job>[\w-]+) job\))"
)
SECRET_REF = re.compile(r"^\$\{\{\s*(?:secrets|vars)\.(?P<name>\w+)\s*\}\}$")
GITLAB_KEYWORDS = {"stages", "variables", "default", "workflow", "include", "image", "services", "cache"}


@dataclass
class Step:
    name: str
    script: str
    always: bool = False  # GitHub `if: always()`: runs after an earlier failure too


@dataclass
class Recipe:
    platform: str  # "github" or "gitlab"
    file: str
    job: str
    env: dict[str, str]  # literal values
    secrets: list[str]  # names the CI secret store must supply
    steps: list[Step]
    outputs: list[str] = field(default_factory=list)  # paths an action or `artifacts:` publishes
    junit: list[str] = field(default_factory=list)  # JUnit files the CI shows as a test report
    raw: dict[str, Any] = field(default_factory=dict)


def recipes(doc: Path = CI_DOC) -> list[Recipe]:
    found: list[Recipe] = []
    for match in YAML_BLOCK.finditer(doc.read_text(encoding="utf-8")):
        body = match["body"]
        header = FILE_COMMENT.match(body)
        assert header, f"{doc}: a yaml block does not start with the file it belongs in:\n{body[:200]}"
        data = yaml.safe_load(body)
        assert isinstance(data, dict), f"{doc}: {header['file']} is not a YAML mapping"
        if header["file"].startswith(".github/"):
            found += _github(header["file"], data)
        else:
            found += _gitlab(header["file"], data)
    return found


def _split_env(env: dict[str, Any]) -> tuple[dict[str, str], list[str]]:
    literal: dict[str, str] = {}
    secrets: list[str] = []
    for key, value in (env or {}).items():
        reference = SECRET_REF.match(str(value))
        if reference:
            assert reference["name"] == key, f"{key} reads the secret {reference['name']}: keep one name"
            secrets.append(key)
        else:
            assert "${{" not in str(value), f"{key}: only plain secrets/vars references are supported"
            literal[key] = str(value)
    return literal, secrets


def _github(file: str, data: dict[str, Any]) -> list[Recipe]:
    result = []
    for job_name, job in data["jobs"].items():
        env, secrets = _split_env(job.get("env") or {})
        recipe = Recipe("github", file, job_name, env, secrets, [], raw=job)
        for step in job["steps"]:
            condition = str(step.get("if", ""))
            if "uses" in step:
                inputs = step.get("with") or {}
                if "path" in inputs:
                    recipe.outputs.append(str(inputs["path"]))
                if "report_paths" in inputs:
                    recipe.junit.append(str(inputs["report_paths"]))
                continue
            assert "${{" not in step["run"], f"{file}: step {step.get('name')!r} uses an expression in run:"
            step_env, step_secrets = _split_env(step.get("env") or {})
            recipe.env.update(step_env)
            recipe.secrets += step_secrets
            recipe.steps.append(
                Step(step.get("name", step["run"][:40]), step["run"], "always()" in condition)
            )
        result.append(recipe)
    return result


def _gitlab(file: str, data: dict[str, Any]) -> list[Recipe]:
    result = []
    for job_name, job in data.items():
        if job_name in GITLAB_KEYWORDS or job_name.startswith(".") or not isinstance(job, dict):
            continue
        env = {key: str(value) for key, value in (job.get("variables") or {}).items()}
        artifacts = job.get("artifacts") or {}
        recipe = Recipe("gitlab", file, job_name, env, [], [], raw=job)
        # GitLab runs the script lines in one shell and stops at the first failing line.
        recipe.steps.append(Step("script", "\n".join(job["script"])))
        recipe.outputs += [str(path) for path in artifacts.get("paths", [])]
        junit = (artifacts.get("reports") or {}).get("junit")
        recipe.junit += [junit] if isinstance(junit, str) else list(junit or [])
        result.append(recipe)
    return result
