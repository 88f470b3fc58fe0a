"""Each package builds (wheel + sdist, like `nox -s build`) and its wheel installs into a fresh venv.

The fresh venv gets the wheel with its declared dependencies from pip's configured index (PyPI in CI, the
local mirror here), so a missing dependency declaration in the generated pyproject.toml fails the test.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tarfile
import tomllib
import zipfile
from pathlib import Path

import pytest

from .conftest import PACKAGES, ClientPackage


def _run(*command: str | Path, cwd: Path | None = None, timeout: float = 300) -> str:
    result = subprocess.run(
        [str(part) for part in command], capture_output=True, text=True, cwd=cwd, timeout=timeout, check=False
    )
    assert result.returncode == 0, f"{command} failed:\n{result.stdout}\n{result.stderr}"
    return result.stdout


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, Path]]:
    """api -> (wheel, sdist), built the way `nox -s build` builds them."""
    out = tmp_path_factory.mktemp("dist")
    artifacts: dict[str, tuple[Path, Path]] = {}
    for package in PACKAGES:
        _run(sys.executable, "-m", "build", "--outdir", out / package.api, package.project_dir)
        (wheel,) = (out / package.api).glob("*.whl")
        (sdist,) = (out / package.api).glob("*.tar.gz")
        artifacts[package.api] = (wheel, sdist)
    return artifacts


def _version(package: ClientPackage) -> str:
    pyproject = tomllib.loads((package.project_dir / "pyproject.toml").read_text(encoding="utf-8"))
    version = pyproject["project"]["version"]
    assert isinstance(version, str)
    return version


@pytest.mark.slow
@pytest.mark.parametrize("package", PACKAGES, ids=[p.api for p in PACKAGES])
def test_wheel_holds_the_typed_package(package: ClientPackage, built: dict[str, tuple[Path, Path]]) -> None:
    wheel, sdist = built[package.api]
    version = _version(package)
    assert wheel.name == f"{package.import_package}-{version}-py3-none-any.whl"
    assert sdist.name == f"{package.import_package}-{version}.tar.gz"
    names = set(zipfile.ZipFile(wheel).namelist())
    for required in ("py.typed", "_spec_info.py", "_runtime/version.py", "client.py", "api/__init__.py"):
        assert f"{package.import_package}/{required}" in names, required
    metadata = zipfile.ZipFile(wheel).read(f"{package.import_package}-{version}.dist-info/METADATA").decode()
    for dependency in ("httpx", "attrs", "python-dateutil"):
        assert f"Requires-Dist: {dependency}" in metadata
    with tarfile.open(sdist) as archive:
        sdist_names = {name.split("/", 1)[-1] for name in archive.getnames()}
    assert {"README.md", "api.md", "pyproject.toml"} <= sdist_names  # the API reference ships in the sdist


@pytest.mark.slow
def test_wheels_install_and_import_in_a_fresh_venv(
    built: dict[str, tuple[Path, Path]], tmp_path: Path
) -> None:
    venv = tmp_path / "venv"
    _run(sys.executable, "-m", "venv", venv)
    python = venv / "bin" / "python"
    _run(python, "-m", "pip", "install", "--quiet", *(wheel for wheel, _ in built.values()))
    probe = (
        "import json, importlib\n"
        "result = {}\n"
        f"for name in {[p.import_package for p in PACKAGES]!r}:\n"
        "    module = importlib.import_module(name)\n"
        "    client = module.AuthenticatedClient(base_url='http://127.0.0.1:9', token='t')\n"
        "    result[name] = [module.__version__, module.__file__, type(client).__name__]\n"
        "print(json.dumps(result))\n"
    )
    # Run from tmp_path so neither the checkout nor generated/ can shadow the installed copies.
    result = json.loads(_run(python, "-c", probe, cwd=tmp_path))
    for package in PACKAGES:
        version, module_file, client_type = result[package.import_package]
        assert version == _version(package)
        assert Path(module_file).is_relative_to(venv), module_file
        assert client_type == "AuthenticatedClient"
