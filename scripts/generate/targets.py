"""Which client packages exist and where their inputs live.

The distribution and import names are read from the generator configs (generator/<api>.yaml), so the
names are written down in exactly one place.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from spec_model.loader import SpecLoadError, load_document

from .errors import GenerationError

# api name -> (spec file, generator config), relative to the project root.
API_INPUTS: dict[str, tuple[str, str]] = {
    "olconnect": ("spec/olconnect.yaml", "generator/olconnect.yaml"),
    "avepoint": ("spec/avepoint.yaml", "generator/avepoint.yaml"),
}


@dataclass(frozen=True)
class Target:
    """One client package: its inputs, its names and its place under generated/."""

    api: str
    root: Path
    spec_path: Path
    config_path: Path
    dist_name: str
    import_package: str
    config: dict[str, Any]

    @property
    def output_dir(self) -> Path:
        return self.root / "generated" / self.dist_name


def load_yaml_mapping(path: Path, what: str) -> dict[str, Any]:
    """Read a YAML file that must hold a mapping; a clear GenerationError otherwise."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise GenerationError(f"{what} not found: {path}") from None
    except yaml.YAMLError as exc:
        raise GenerationError(f"{what} is not valid YAML: {path}: {exc}") from None
    if not isinstance(data, dict):
        raise GenerationError(f"{what} must be a YAML mapping: {path}")
    return data


def load_spec(target: Target) -> dict[str, Any]:
    """The target's spec through the one strict spec loader every tool uses (string keys, no timestamps)."""
    try:
        return load_document(target.spec_path)
    except SpecLoadError as exc:
        what = "is not valid YAML" if str(exc).startswith("YAML") else "cannot be loaded"
        raise GenerationError(f"{target.api} spec {what}: {target.spec_path}: {exc}") from None


def load_target(root: Path, api: str) -> Target:
    spec_rel, config_rel = API_INPUTS[api]
    config_path = root / config_rel
    config = load_yaml_mapping(config_path, "generator config")
    names = {}
    for key in ("project_name_override", "package_name_override"):
        value = config.get(key)
        if not isinstance(value, str) or not value:
            raise GenerationError(f"{config_path}: {key} must be set to a non-empty string")
        names[key] = value
    return Target(
        api=api,
        root=root,
        spec_path=root / spec_rel,
        config_path=config_path,
        dist_name=names["project_name_override"],
        import_package=names["package_name_override"],
        config=config,
    )


def load_targets(root: Path, apis: list[str] | None = None) -> list[Target]:
    return [load_target(root, api) for api in (apis or list(API_INPUTS))]
