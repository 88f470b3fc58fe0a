"""The overlay hook survives regeneration; the package version follows the spec's version scheme."""

from __future__ import annotations

import importlib
import re
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any

import pytest

import spec_model
from scripts.generate import spec_facts
from scripts.generate.errors import GenerationError

from .conftest import PACKAGES, ROOT
from .workspace import copy_project, run_generate, snapshot

OVERLAY_MODULE = '"""A hand-written helper that must survive regeneration."""\n\nANSWER = 42\n'


def _import_in_subprocess(project_dir: Path, code: str) -> str:
    """Run `code` in a fresh interpreter whose working directory is the (scratch) project, so its package is
    the one imported: `python -c` puts the working directory first on the path, ahead of installed copies."""
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={"PATH": ""},
        cwd=project_dir,
    )
    return result.stdout.strip()


@pytest.mark.slow
def test_overlay_modules_are_copied_into_every_regeneration(tmp_path: Path) -> None:
    root = copy_project(tmp_path)
    (root / "overlay" / "olconnect_client").mkdir(parents=True, exist_ok=True)
    (root / "overlay" / "olconnect_client" / "paging_helpers.py").write_text(OVERLAY_MODULE, encoding="utf-8")
    (root / "runtime" / "client_runtime" / "shared_helper.py").write_text(OVERLAY_MODULE, encoding="utf-8")

    result = run_generate(root)  # replaces the copied generated/ trees with freshly built ones
    assert result.returncode == 0, result.stderr

    olconnect = root / "generated" / "olconnect-client" / "olconnect_client"
    avepoint = root / "generated" / "avepoint-graph-client" / "avepoint_graph_client"
    assert (olconnect / "paging_helpers.py").read_text(encoding="utf-8") == OVERLAY_MODULE
    assert not (avepoint / "paging_helpers.py").exists(), "package overlays stay in their own package"
    for package_dir in (olconnect, avepoint):
        assert (package_dir / "_runtime" / "shared_helper.py").read_text(encoding="utf-8") == OVERLAY_MODULE
        assert (package_dir / "_runtime" / "version.py").is_file()
    answer = _import_in_subprocess(
        olconnect.parent, "from olconnect_client.paging_helpers import ANSWER; print(ANSWER)"
    )
    assert answer == "42"


@pytest.mark.slow
def test_overlay_may_not_replace_a_generated_module(tmp_path: Path) -> None:
    root = copy_project(tmp_path)
    (root / "overlay" / "avepoint_graph_client").mkdir(parents=True, exist_ok=True)
    (root / "overlay" / "avepoint_graph_client" / "client.py").write_text("BROKEN = True\n", encoding="utf-8")
    before = snapshot(root / "generated")

    result = run_generate(root)

    assert result.returncode == 1
    assert "would replace the generated avepoint_graph_client/client.py" in result.stderr
    assert "Traceback" not in result.stderr
    assert snapshot(root / "generated") == before


@pytest.mark.slow
def test_package_revision_becomes_a_post_release(tmp_path: Path) -> None:
    root = copy_project(tmp_path)
    spec_path = root / "spec" / "avepoint.yaml"
    text = spec_path.read_text(encoding="utf-8")
    text, replaced = re.subn(r"(?m)^(\s+)x-package-revision:\s*\d+", r"\1x-package-revision: 3", text)
    assert replaced == 1, "the spec should carry info.x-package-revision"
    spec_path.write_text(text, encoding="utf-8")

    result = run_generate(root, "--api", "avepoint")

    assert result.returncode == 0, result.stderr
    project_dir = root / "generated" / "avepoint-graph-client"
    spec_version = _spec_info(ROOT / "spec" / "avepoint.yaml")["version"]
    pyproject = tomllib.loads((project_dir / "pyproject.toml").read_text(encoding="utf-8"))
    assert pyproject["project"]["version"] == f"{spec_version}.post3"
    printed = _import_in_subprocess(
        project_dir,
        "import avepoint_graph_client as p; "
        "print(p.__version__, p.SPEC_INFO.spec_version, p.SPEC_INFO.package_revision)",
    )
    assert printed == f"{spec_version}.post3 {spec_version} 3"


def _spec_info(path: Path) -> dict[str, Any]:
    return spec_model.load_spec(path).info


@pytest.mark.parametrize("package", PACKAGES, ids=[p.api for p in PACKAGES])
def test_committed_package_reports_its_spec(package: Any) -> None:
    """`__version__` and `SPEC_INFO` (overlay module fed by generate.py) match the spec and pyproject."""
    info = _spec_info(package.spec_path)
    module = importlib.import_module(package.import_package)
    revision = int(info.get("x-package-revision", 0))
    expected = info["version"] if revision == 0 else f"{info['version']}.post{revision}"
    pyproject = tomllib.loads((package.project_dir / "pyproject.toml").read_text(encoding="utf-8"))
    assert module.__version__ == expected == pyproject["project"]["version"]
    assert module.SPEC_INFO.spec_version == info["version"]
    assert module.SPEC_INFO.vendor_doc_version == str(info.get("x-vendor-doc-version", ""))
    assert module.SPEC_INFO.user_agent.startswith(f"{package.dist_name}/{expected} ")


@pytest.mark.parametrize(
    ("spec_version", "revision", "expected"),
    [("1.0.0", 0, "1.0.0"), ("1.2.3", 1, "1.2.3.post1"), ("2.0.0", 12, "2.0.0.post12")],
)
def test_version_scheme(spec_version: str, revision: int, expected: str) -> None:
    assert spec_facts.package_version(spec_version, revision) == expected


@pytest.mark.parametrize(
    ("spec_version", "revision"), [("1.0", 0), ("v1.0.0", 0), ("1.0.0", -1), ("1.0.0", "2")]
)
def test_version_scheme_rejects_bad_values(spec_version: str, revision: Any) -> None:
    with pytest.raises(GenerationError):
        spec_facts.package_version(spec_version, revision)
