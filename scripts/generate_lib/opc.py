"""Run openapi-python-client (the version pinned in pyproject.toml's `generate` group) on one spec.

The generator is called through its CLI (`python -m openapi_python_client`), the only interface its
maintainers version; its Python API and template context may change between releases.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import yaml

from .errors import GenerationError

EXPECTED_GENERATOR_VERSION = "0.29.1"
ANSI_ESCAPE = re.compile(r"\x1b\[[0-9;]*m")


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


def check_generator_version() -> None:
    from importlib.metadata import PackageNotFoundError, version  # noqa: PLC0415 - only needed here

    try:
        installed = version("openapi-python-client")
    except PackageNotFoundError:
        raise GenerationError(
            "openapi-python-client is not installed: run `nox -s generate` or install the `generate` group"
        ) from None
    if installed != EXPECTED_GENERATOR_VERSION:
        raise GenerationError(
            f"openapi-python-client {installed} is installed, generation needs exactly "
            f"{EXPECTED_GENERATOR_VERSION} (pyproject.toml, group `generate`)"
        )


def run_generator(
    *,
    api: str,
    spec_path: Path,
    config: dict[str, Any],
    templates_dir: Path,
    package_dir: Path,
    work_dir: Path,
) -> None:
    """Generate the import package into `package_dir` (which must not exist yet).

    Warnings fail the run (`--fail-on-warning`): each one means an operation or a response was dropped.
    """
    config_path = work_dir / f"{api}.opc-config.yaml"
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
        str(templates_dir),
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


def _clean(result: subprocess.CompletedProcess[str]) -> str:
    """The generator's own messages without colour codes, its GitHub issue link or blank lines."""
    text = ANSI_ESCAPE.sub("", (result.stderr or "") + "\n" + (result.stdout or ""))
    lines = [
        line.rstrip()
        for line in text.splitlines()
        if line.strip() and "please open an issue" not in line and not line.startswith("Generating ")
    ]
    return "\n".join("  " + line for line in lines) or "  (no output)"
