"""Shared fixtures of the generation tests: paths, specs, the generated packages, example servers.

The generated packages are imported as installed: nox installs generated/<dist> editable (noxfile.py
`install_project`), so a regeneration is visible without reinstalling and nothing here edits the import path.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

import spec_model

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

    def spec(self) -> spec_model.SpecModel:
        return spec_model.spec(self.api)

    def class_overrides(self) -> dict[str, str]:
        config = yaml.safe_load((ROOT / "generator" / f"{self.api}.yaml").read_text(encoding="utf-8"))
        overrides = config.get("class_overrides") or {}
        return {name: value["class_name"] for name, value in overrides.items() if value.get("class_name")}


def _client_package(entry: spec_model.ApiEntry) -> ClientPackage:
    """The generated package of one registered API, named as its generator settings name it."""
    config = yaml.safe_load((ROOT / entry.generator_config).read_text(encoding="utf-8"))
    return ClientPackage(
        entry.name,
        ROOT / "spec" / entry.spec_file,
        str(config["project_name_override"]),
        str(config["package_name_override"]),
    )


PACKAGES = tuple(_client_package(entry) for entry in spec_model.APIS)
PACKAGES_BY_API = {package.api: package for package in PACKAGES}


@pytest.fixture(scope="session")
def example_servers() -> Iterator[dict[str, tuple[str, ExampleApp]]]:
    """One example server per API: api name -> (base URL, app with its request log)."""
    with ExitStack() as stack:
        servers = {}
        for package in PACKAGES:
            app = ExampleApp(package.spec())
            servers[package.api] = (stack.enter_context(serve(app)), app)
        yield servers
