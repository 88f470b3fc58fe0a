"""Settings and shared helpers every figure gets: sizes, repeat counts, scenario files, client imports."""

from __future__ import annotations

import importlib
import subprocess
import sys
import types
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.environment import ROOT
from benchmarks.results import NotMeasuredError

CLIENT_DIRS = {
    "olconnect_client": ROOT / "generated" / "olconnect-client",
    "avepoint_graph_client": ROOT / "generated" / "avepoint-graph-client",
}


@dataclass
class Sizes:
    """How big each figure's workload is; `--smoke` shrinks all of them."""

    small_gets: int = 2000
    documents: int = 100_000
    jobs: int = 100_000
    jobs_small: int = 10_000
    page_size: int = 100
    load_requests: int = 20_000
    load_seconds: float = 6.0
    load_connections: int = 16
    repeats: int = 7
    paging_repeats: int = 5
    load_repeats: int = 3
    contract_repeats: int = 2

    @classmethod
    def smoke(cls) -> Sizes:
        return cls(
            small_gets=50,
            documents=500,
            jobs=1000,
            jobs_small=200,
            page_size=100,
            load_requests=300,
            load_seconds=1.0,
            load_connections=4,
            repeats=2,
            paging_repeats=1,
            load_repeats=1,
            contract_repeats=1,
        )


@dataclass
class BenchContext:
    sizes: Sizes
    workdir: Path
    smoke: bool = False
    full_contract: bool = True
    with_prism: bool = True
    with_contract: bool = True
    _scenarios: dict[tuple[str, int], Path] = field(default_factory=dict)

    def scenario(self, api: str, count: int) -> Path:
        """A generated scenario file (made once per run by the mock's own generator)."""
        key = (api, count)
        if key in self._scenarios:
            return self._scenarios[key]
        if not (ROOT / "mock_servers" / "generate.py").exists():
            raise NotMeasuredError(
                "the mock's scenario generator (mock_servers/generate.py) is not there yet"
            )
        path = self.workdir / f"{api}-{count}.json"
        flag = "--documents" if api == "olconnect" else "--jobs"
        command = [
            sys.executable,
            "-m",
            "mock_servers",
            "generate-scenario",
            api,
            flag,
            str(count),
            "-o",
            str(path),
        ]
        completed = subprocess.run(
            command, cwd=ROOT, capture_output=True, text=True, timeout=600, check=False
        )
        if completed.returncode != 0 or not path.exists():
            message = (completed.stderr or completed.stdout).strip().splitlines()
            raise NotMeasuredError(
                f"`{' '.join(command[2:])}` failed: {message[-1] if message else completed.returncode}"
            )
        self._scenarios[key] = path
        return path


def import_client(package: str) -> types.ModuleType:
    """Import a generated client package as installed (nox installs generated/<dist> editable)."""
    try:
        return importlib.import_module(package)
    except ImportError as exc:
        folder = CLIENT_DIRS[package]
        if not (folder / package / "__init__.py").exists():
            raise NotMeasuredError(f"the generated package {package} is not in generated/ yet") from None
        raise NotMeasuredError(
            f"{package} does not import ({exc}); install it with `pip install -e {folder.relative_to(ROOT)}`"
        ) from None


def import_submodule(package: str, name: str) -> types.ModuleType:
    """`package.<...>.name`, found by walking the package (endpoint modules live under api/<tag>/)."""
    import pkgutil  # noqa: PLC0415 - only needed here

    root = import_client(package)
    for info in pkgutil.walk_packages(root.__path__, prefix=f"{package}."):
        if info.name.rsplit(".", 1)[-1] == name:
            return importlib.import_module(info.name)
    raise NotMeasuredError(f"{package} has no module named {name}")
