"""Shared fixtures of the generation tests: paths, specs, the generated packages, example servers.

The generated packages are imported as installed: nox installs generated/<dist> editable (noxfile.py
`install_project`), so a regeneration is visible without reinstalling and nothing here edits the import path.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml

from .example_server import ExampleApp, serve

ROOT = Path(__file__).resolve().parents[2]
GENERATE_COMMAND = (sys.executable, "-m", "scripts.generate")  # run with cwd=ROOT


@dataclass(frozen=True)
class ClientPackage:
    api: str
    spec_path: Path
    dist_name: str
    import_package: str

    @property
    def project_dir(self) -> Path:
        return ROOT / "generated" / self.dist_name

    def spec(self) -> dict[str, Any]:
        data = yaml.safe_load(self.spec_path.read_text(encoding="utf-8"))
        assert isinstance(data, dict)
        return data

    def class_overrides(self) -> dict[str, str]:
        config = yaml.safe_load((ROOT / "generator" / f"{self.api}.yaml").read_text(encoding="utf-8"))
        overrides = config.get("class_overrides") or {}
        return {name: value["class_name"] for name, value in overrides.items() if value.get("class_name")}


PACKAGES = (
    ClientPackage("olconnect", ROOT / "spec" / "olconnect.yaml", "olconnect-client", "olconnect_client"),
    ClientPackage(
        "avepoint", ROOT / "spec" / "avepoint.yaml", "avepoint-graph-client", "avepoint_graph_client"
    ),
)
PACKAGES_BY_API = {package.api: package for package in PACKAGES}


@pytest.fixture(scope="session")
def example_servers() -> Iterator[dict[str, tuple[str, ExampleApp]]]:
    """One example server per API: api name -> (base URL, app with its request log)."""
    apps = {package.api: ExampleApp(package.spec()) for package in PACKAGES}
    with serve(apps["olconnect"]) as olconnect_url, serve(apps["avepoint"]) as avepoint_url:
        yield {"olconnect": (olconnect_url, apps["olconnect"]), "avepoint": (avepoint_url, apps["avepoint"])}
