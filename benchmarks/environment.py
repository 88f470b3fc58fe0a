"""Machine and version facts printed beside the numbers, so a reader can tell whose machine they came from."""

from __future__ import annotations

import json
import os
import platform
import shutil
import subprocess
from importlib import metadata
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
PRISM_PACKAGE_JSON = ROOT / "tools" / "node_modules" / "@stoplight" / "prism-cli" / "package.json"
PACKAGES = (
    "olconnect-client",
    "avepoint-graph-client",
    "olc-avepoint-contracts",
    "httpx",
    "attrs",
    "orjson",
    "starlette",
    "uvicorn",
    "schemathesis",
    "hypothesis",
    "openapi-python-client",
)


def cpu_model() -> str:
    """The CPU model name from /proc/cpuinfo (Linux), falling back to what `platform` knows."""
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text(encoding="utf-8", errors="replace").splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    return platform.processor() or platform.machine()


def memory_gib() -> float | None:
    """Total RAM from /proc/meminfo (Linux); None elsewhere."""
    meminfo = Path("/proc/meminfo")
    if not meminfo.exists():
        return None
    for line in meminfo.read_text(encoding="utf-8").splitlines():
        if line.startswith("MemTotal:"):
            return round(int(line.split()[1]) / 2**20, 1)
    return None


def package_version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "not installed"


def node_version() -> str:
    node = shutil.which("node")
    if node is None:
        return "not installed"
    completed = subprocess.run([node, "--version"], capture_output=True, text=True, timeout=20, check=False)
    return completed.stdout.strip() or "unknown"


def prism_version() -> str:
    if not PRISM_PACKAGE_JSON.exists():
        return "not installed"
    return str(json.loads(PRISM_PACKAGE_JSON.read_text(encoding="utf-8")).get("version", "unknown"))


def load_average() -> list[float] | None:
    """1, 5 and 15 minute load averages: how busy the shared machine was (2 cores: 2.0 = full)."""
    if not hasattr(os, "getloadavg"):
        return None
    return [round(value, 2) for value in os.getloadavg()]


def machine() -> dict[str, Any]:
    return {
        "cpu": cpu_model(),
        "logical_cores": os.cpu_count(),
        "usable_cores": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count(),
        "memory_gib": memory_gib(),
        "os": platform.platform(),
        "python": f"{platform.python_implementation()} {platform.python_version()}",
    }


def versions() -> dict[str, str]:
    found = {name: package_version(name) for name in PACKAGES}
    found["prism-cli"] = prism_version()
    found["node"] = node_version()
    return found
