"""Build one client package in a scratch folder: every step of `nox -s generate` except the final swap.

Order matters:
1. pyproject.toml first (the generator's ruff post-hooks read the package's ruff settings from it);
2. openapi-python-client with `--fail-on-warning`, on the spec's client view (client_view.py);
3. README.md (examples per operation, then the package's regions of docs/clients.md), api.md (the API
   reference, api_reference.py), `_spec_info.py`, py.typed;
4. the overlay (hand-written modules);
5. ruff fix + format over the whole project, so overlay and generated code share one style.
"""

from __future__ import annotations

import subprocess
from importlib.metadata import version
from pathlib import Path

from spec_model import SpecModel

from .api_reference import render_api_reference
from .client_view import write_client_view
from .errors import GenerationError
from .generated_api import read_generated_api
from .opc import run_generator, tool_env
from .overlay import apply_overlay
from .project_files import (
    ProjectContext,
    project_urls,
    render_package_files,
    render_project_files,
    template_environment,
)
from .readme_examples import build_examples
from .readme_guide import readme_guide
from .spec_facts import read_spec_facts
from .targets import Target, load_spec, load_targets
from .template_facts import FACTS_TEMPLATE, facts_template


def build_package(target: Target, scratch: Path) -> Path:
    """Generate `target` into `scratch/<dist>` and return that folder."""
    spec = load_spec(target)
    facts = read_spec_facts(target.spec_path, spec)
    templates_dir = target.root / "generator" / "templates"
    env = template_environment(templates_dir)
    generator_version = version("openapi-python-client")
    spec_rel = target.spec_path.relative_to(target.root).as_posix()
    project_dir = scratch / target.dist_name
    project_dir.mkdir(parents=True)
    context = ProjectContext(
        project_dir=project_dir,
        dist_name=target.dist_name,
        import_package=target.import_package,
        spec_rel=spec_rel,
        facts=facts,
        generator_version=generator_version,
        api=target.api,
        urls=project_urls(target.root),
    )
    render_project_files(env, context)

    config = dict(target.config)
    config["package_version_override"] = facts.package_version
    package_dir = project_dir / target.import_package
    run_generator(
        api=target.api,
        spec_path=write_client_view(spec, scratch / f"{target.api}.client-view.yaml"),
        config=config,
        templates_dir=templates_dir,
        package_dir=package_dir,
        work_dir=scratch,
        extra_templates={FACTS_TEMPLATE: facts_template(SpecModel(spec))},
    )

    generated_api = read_generated_api(package_dir)
    examples = build_examples(spec, generated_api, target.import_package)
    reference = render_api_reference(
        spec,
        generated_api,
        examples,
        dist_name=target.dist_name,
        import_package=target.import_package,
    )
    (project_dir / "api.md").write_text(reference, encoding="utf-8")
    known_packages = [other.import_package for other in load_targets(target.root)]
    guide = readme_guide(target.root, target.import_package, known_packages)
    render_package_files(env, context, examples, guide)
    apply_overlay(target.root / "overlay", target.import_package, package_dir)
    ruff(project_dir, "check", "--fix-only", "--extend-select=I", ".")
    ruff(project_dir, "format", ".")
    return project_dir


def ruff(cwd: Path, *args: str) -> None:
    result = subprocess.run(
        ["ruff", *args], cwd=cwd, env=tool_env(), capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        raise GenerationError(
            f"ruff {' '.join(args)} failed in {cwd.name}:\n{result.stderr or result.stdout}"
        )
