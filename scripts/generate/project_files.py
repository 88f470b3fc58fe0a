"""Render the files around the generated code: pyproject.toml, README.md, py.typed, `_spec_info.py`.

Templates live in generator/templates/project/ (plain Jinja, rendered here, not by the generator, because
they need facts the generator does not pass to its templates: the spec's extensions and examples).
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2

from .errors import GenerationError
from .readme_examples import OperationExample
from .spec_facts import SpecFacts

# The ports the guide's examples use for the mocks (docs/clients.md, `olc-mock API --port N`).
MOCK_PORTS = {"olconnect": 9340, "avepoint": 9341}
REQUIRED_URLS = ("Homepage", "Changelog", "Issues")


@dataclass(frozen=True)
class ProjectContext:
    """Everything the project templates may use, besides the per-operation examples."""

    project_dir: Path
    dist_name: str
    import_package: str
    spec_rel: str
    facts: SpecFacts
    generator_version: str
    api: str
    # The root pyproject's [project.urls]: one place for the addresses every package's metadata names.
    urls: dict[str, str]

    def as_template_vars(self) -> dict[str, Any]:
        return {
            "api": self.api,
            "mock_port": MOCK_PORTS[self.api],
            "urls": self.urls,
            "dist_name": self.dist_name,
            "import_package": self.import_package,
            "spec_rel": self.spec_rel,
            "facts": self.facts,
            "description": f"Typed Python client for the {self.facts.title}, generated from its spec.",
            "generator_version": self.generator_version,
        }


def project_urls(root: Path) -> dict[str, str]:
    """``[project.urls]`` of the root pyproject.toml; the client READMEs link the changelog through it."""
    path = root / "pyproject.toml"
    try:
        urls = tomllib.loads(path.read_text(encoding="utf-8"))["project"]["urls"]
    except (FileNotFoundError, KeyError, tomllib.TOMLDecodeError) as exc:
        raise GenerationError(f"{path}: cannot read [project.urls]: {exc}") from None
    missing = [label for label in REQUIRED_URLS if not isinstance(urls.get(label), str)]
    if missing:
        raise GenerationError(f"{path}: [project.urls] lacks {', '.join(missing)}")
    return {str(label): str(url) for label, url in urls.items()}


def template_environment(templates_dir: Path) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates_dir / "project")),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        autoescape=False,
    )
    env.filters["pyrepr"] = repr
    env.filters["toml_string"] = _toml_string
    return env


def _toml_string(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def render_project_files(env: jinja2.Environment, context: ProjectContext) -> None:
    """pyproject.toml goes in first: the generator's ruff post-hooks read their settings from it."""
    text = env.get_template("pyproject.toml.jinja").render(context.as_template_vars())
    (context.project_dir / "pyproject.toml").write_text(text, encoding="utf-8")


def render_package_files(
    env: jinja2.Environment, context: ProjectContext, examples: list[OperationExample], guide: str
) -> None:
    """`guide` is this package's part of docs/clients.md (see readme_guide.py), pasted in as it is."""
    variables = context.as_template_vars()
    variables["guide"] = guide
    groups: dict[str, list[OperationExample]] = {}
    for example in examples:  # tags in the order the spec first uses them
        groups.setdefault(example.tag, []).append(example)
    variables["groups"] = list(groups.items())
    variables["usage_template"] = f"usage_{context.import_package}.md.jinja"
    variables["about_template"] = f"about_{context.import_package}.md.jinja"
    package_dir = context.project_dir / context.import_package
    outputs = {
        context.project_dir / "README.md": "README.md.jinja",
        package_dir / "_spec_info.py": "_spec_info.py.jinja",
    }
    for path, template in outputs.items():
        path.write_text(env.get_template(template).render(variables), encoding="utf-8")
    (package_dir / "py.typed").write_text("", encoding="utf-8")
