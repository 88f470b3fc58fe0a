"""A real package index for the tests: pypiserver on 127.0.0.1 with htpasswd authentication.

Reading and uploading both need the password, as on a company's private index, and ``--disable-fallback``
stops pypiserver from sending unknown projects to PyPI: the fresh venvs can install only what is on it.
The dependencies the three packages need are seeded into it from a download cache (``pip download`` from
the normal index once; later runs copy the cached files).
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import socket
import subprocess
import sys
import time
import tomllib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

import httpx
from passlib.apache import HtpasswdFile

from mock_servers.testing import stop_process

from .environment import ROOT, expect_ok, run

PROJECT_DIRS = (ROOT, ROOT / "generated" / "olconnect-client", ROOT / "generated" / "avepoint-graph-client")
CACHE_ENV = "OLC_INDEX_SEED_CACHE"
STARTUP_TIMEOUT_S = 60.0


@dataclass(frozen=True)
class PackageIndex:
    """A running index: upload URL, simple URL with the credentials pip needs, and the credentials."""

    root_url: str
    username: str
    password: str
    packages: Path

    @property
    def upload_url(self) -> str:
        return self.root_url

    @property
    def pip_url(self) -> str:
        """The simple index URL with credentials, as a CI secret would hold it."""
        host = self.root_url.split("://", 1)[1]
        return f"http://{quote(self.username)}:{quote(self.password)}@{host}simple/"


def _pyproject(directory: Path) -> dict[str, object]:
    return tomllib.loads((directory / "pyproject.toml").read_text(encoding="utf-8"))


def seed_requirements() -> list[str]:
    """What a consumer's venv may need besides our packages: their dependencies, nox, the doc-drift groups."""
    requirements: list[str] = []
    for directory in PROJECT_DIRS:
        project = _pyproject(directory)["project"]
        assert isinstance(project, dict)
        requirements += project["dependencies"]
    groups = _pyproject(ROOT)["dependency-groups"]
    assert isinstance(groups, dict)
    requirements += [req for req in groups["lint"] if req.startswith("nox")]  # the recipes pin the same nox
    requirements += groups["docs-tools"] + groups["spec"]
    return sorted(set(requirements))


def seed_cache() -> Path:
    """A folder of wheels for ``seed_requirements()``, downloaded once per requirement set and Python."""
    requirements = seed_requirements()
    key = hashlib.sha256(json.dumps([sys.version_info[:2], requirements]).encode()).hexdigest()[:16]
    base = Path(os.environ.get(CACHE_ENV) or Path.home() / ".cache" / "olc-avepoint-contracts" / "index-seed")
    folder = base / key
    if (folder / "complete").exists():
        return folder
    folder.mkdir(parents=True, exist_ok=True)
    # The normal pip configuration on purpose: this is the one step that reads the public index.
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))}
    command = [sys.executable, "-m", "pip", "download", "--quiet", "--only-binary=:all:", "-d", str(folder)]
    expect_ok(run([*command, *requirements], env, timeout=600), "pip download (index seed)")
    (folder / "complete").write_text("\n".join(requirements), encoding="utf-8")
    return folder


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@contextmanager
def running_index(
    base: Path, username: str = "ci-publisher", password: str = "index-secret-7"
) -> Iterator[PackageIndex]:
    """Start pypiserver with authenticated upload, download and listing; stop it after the block."""
    packages = base / "packages"
    packages.mkdir(parents=True)
    for wheel in seed_cache().glob("*.whl"):
        shutil.copy2(wheel, packages / wheel.name)
    # apr_md5_crypt (Apache's default): pypiserver checks the password on every request, and a slow hash
    # such as sha256_crypt's 535 000 rounds would cost seconds per install here, not security.
    htpasswd = HtpasswdFile(str(base / "htpasswd"), new=True, default_scheme="apr_md5_crypt")
    htpasswd.set_password(username, password)
    htpasswd.save()
    port = _free_port()
    log = (base / "pypiserver.log").open("w", encoding="utf-8")
    command = [sys.executable, "-m", "pypiserver", "run", "-i", "127.0.0.1", "-p", str(port)]
    command += ["-P", str(base / "htpasswd"), "-a", "update,download,list", "--disable-fallback"]
    command.append(str(packages))
    process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, text=True)
    index = PackageIndex(f"http://127.0.0.1:{port}/", username, password, packages)
    try:
        _wait_healthy(index, process, base / "pypiserver.log")
        yield index
    finally:
        stop_process(process)
        log.close()


def _wait_healthy(index: PackageIndex, process: subprocess.Popen[str], log: Path) -> None:
    deadline = time.monotonic() + STARTUP_TIMEOUT_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"pypiserver exited {process.returncode}: {log.read_text(encoding='utf-8')}")
        try:
            if httpx.get(index.root_url + "health", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"pypiserver did not answer within {STARTUP_TIMEOUT_S:.0f} s")
