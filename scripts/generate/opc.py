"""Run openapi-python-client (the version pinned in pyproject.toml's `generate` group) on one spec.

The generator is called through its CLI (`python -m openapi_python_client`), the only interface its
maintainers version; its Python API and template context may change between releases.

Custom templates: 0.29.1 loads templates through `ChoiceLoader([FileSystemLoader(<custom path>),
PackageLoader("openapi_python_client")])`, with no prefix, so once we override `x.jinja` the stock `x.jinja`
cannot be reached under that name, and it has no other. `stage_templates` therefore hands the generator one
folder holding our templates plus the installed generator's own under `upstream/`: an override can then
`{% import "upstream/x.jinja" as stock %}` and keep the stock macros it does not change instead of copying
them (generator/upstream-templates.json records what each override still forks).
"""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import sys
import tomllib
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

import yaml

from .errors import GenerationError

# The pins live in one place: the `generate` dependency group of the checkout's pyproject.toml.
PYPROJECT = Path(__file__).resolve().parents[2] / "pyproject.toml"
PINNED_TOOLS = ("openapi-python-client", "ruff")
ANSI_ESCAPE = re.compile(r"\x1b\[[0-9;]*m")
UPSTREAM_TEMPLATES = "upstream"
"""The folder, inside the staged template folder, that holds the generator's own templates."""


def tool_env() -> dict[str, str]:
    """Environment for the generator and ruff: this interpreter's tools first on PATH, no ruff cache.

    The post hooks call `ruff` by name, so the pinned ruff next to this interpreter must win over any other
    one; a `.ruff_cache` folder would otherwise end up inside the generated package.
    """
    env = dict(os.environ)
    env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")])
    env["RUFF_NO_CACHE"] = "true"
    env["NO_COLOR"] = "1"
    env["TERM"] = "dumb"
    return env


def pinned_versions() -> dict[str, str]:
    """`name==version` entries of the `generate` dependency group, for the tools that shape the output."""
    groups = tomllib.loads(PYPROJECT.read_text(encoding="utf-8")).get("dependency-groups", {})
    pins: dict[str, str] = {}
    for requirement in groups.get("generate", []):
        if isinstance(requirement, str) and "==" in requirement:
            name, _, pinned = requirement.partition("==")
            pins[name.strip().lower()] = pinned.strip()
    missing = [tool for tool in PINNED_TOOLS if tool not in pins]
    if missing:
        raise GenerationError(f"{PYPROJECT}: the `generate` group must pin {', '.join(missing)} with ==")
    return pins


def check_tool_versions() -> None:
    """Refuse other versions than the pinned ones: their output differs, so a drift report would be noise."""
    pins = pinned_versions()
    try:
        generator = version("openapi-python-client")
    except PackageNotFoundError:
        generator = "none"
    try:
        ruff_output = subprocess.run(
            ["ruff", "--version"], env=tool_env(), capture_output=True, text=True, check=False
        ).stdout
    except FileNotFoundError:
        ruff_output = ""
    found = {"openapi-python-client": generator, "ruff": ruff_output.strip().removeprefix("ruff ") or "none"}
    wrong = [
        f"{tool} {found[tool]} (need {pins[tool]})" for tool in PINNED_TOOLS if found[tool] != pins[tool]
    ]
    if wrong:
        raise GenerationError(
            "wrong tool versions: " + ", ".join(wrong) + "; run `nox -s generate`, which installs the pins"
        )


def run_generator(
    *,
    api: str,
    spec_path: Path,
    config: dict[str, Any],
    templates_dir: Path,
    package_dir: Path,
    work_dir: Path,
    extra_templates: dict[str, str] | None = None,
) -> None:
    """Generate the import package into `package_dir` (which must not exist yet).

    Warnings fail the run (`--fail-on-warning`): each one means an operation or a response was dropped.
    `extra_templates` (file name -> text) are written into the staged template folder (template_facts.py).
    """
    config_path = work_dir / f"{api}.opc-config.yaml"
    staged_templates = stage_templates(templates_dir, work_dir / f"{api}.templates")
    for name, text in (extra_templates or {}).items():
        (staged_templates / name).write_text(text, encoding="utf-8")
    config_path.write_text(yaml.safe_dump(config, sort_keys=True), encoding="utf-8")
    command = [
        sys.executable,
        "-m",
        "openapi_python_client",
        "generate",
        "--path",
        str(spec_path),
        "--config",
        str(config_path),
        "--custom-template-path",
        str(staged_templates),
        "--meta",
        "none",
        "--output-path",
        str(package_dir),
        "--fail-on-warning",
    ]
    result = subprocess.run(
        command, cwd=work_dir, env=tool_env(), capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        raise GenerationError(f"openapi-python-client failed for {api} ({spec_path}):\n{_clean(result)}")


def upstream_templates_dir() -> Path:
    """The template folder of the installed openapi-python-client (found without importing it)."""
    spec = importlib.util.find_spec("openapi_python_client")
    if spec is None or spec.origin is None:
        raise GenerationError("openapi-python-client is not installed; run `nox -s generate`")
    return Path(spec.origin).parent / "templates"


def stage_templates(templates_dir: Path, destination: Path) -> Path:
    """Copy our templates and, under `upstream/`, the installed generator's into `destination` (see above)."""
    if (templates_dir / UPSTREAM_TEMPLATES).exists():
        raise GenerationError(
            f"{templates_dir / UPSTREAM_TEMPLATES}: that name is reserved for the stock templates"
        )
    skip = shutil.ignore_patterns("__pycache__")
    shutil.copytree(templates_dir, destination, ignore=skip)
    shutil.copytree(upstream_templates_dir(), destination / UPSTREAM_TEMPLATES, ignore=skip)
    return destination


def _clean(result: subprocess.CompletedProcess[str]) -> str:
    """The generator's own messages without colour codes, its GitHub issue link or blank lines."""
    text = ANSI_ESCAPE.sub("", (result.stderr or "") + "\n" + (result.stdout or ""))
    lines = [
        line.rstrip()
        for line in text.splitlines()
        if line.strip() and "please open an issue" not in line and not line.startswith("Generating ")
    ]
    return "\n".join("  " + line for line in lines) or "  (no output)"
