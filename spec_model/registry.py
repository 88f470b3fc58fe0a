"""The APIs this project covers, named once: every part that loops over "both APIs" reads this tuple.

A spec is found in the installed package first (the olc-avepoint-contracts wheel carries both documents as
``spec_model/specs/<file>``) and then in the checkout's ``spec/`` folder, so the mocks and the contract suite
judge a server by the same documents whether they run from a clone or from a wheel.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

from spec_model.model import SpecModel, load_spec


class SpecNotFoundError(RuntimeError):
    """Neither the installed copy nor the checkout's spec/ folder has the document."""


@dataclass(frozen=True)
class ApiEntry:
    """One covered API: its short name (used on command lines), spec file and where its parts live."""

    name: str
    title: str
    spec_file: str
    generator_config: str
    mock_module: str


APIS: tuple[ApiEntry, ...] = (
    ApiEntry(
        name="olconnect",
        title="OL Connect Server REST API",
        spec_file="olconnect.yaml",
        generator_config="generator/olconnect.yaml",
        mock_module="mock_servers.olconnect",
    ),
    ApiEntry(
        name="avepoint",
        title="AvePoint Graph API (Cloud Backup for Google Workspace jobs)",
        spec_file="avepoint.yaml",
        generator_config="generator/avepoint.yaml",
        mock_module="mock_servers.avepoint",
    ),
)
API_NAMES: tuple[str, ...] = tuple(entry.name for entry in APIS)
CHECKOUT_SPEC_DIR = Path(__file__).resolve().parent.parent / "spec"


def api(name: str) -> ApiEntry:
    for entry in APIS:
        if entry.name == name:
            return entry
    raise KeyError(f"unknown API {name!r} (known: {', '.join(API_NAMES)})")


def spec_path(name: str) -> Path:
    """Where the document of API ``name`` is: the packaged copy first, then the checkout's ``spec/``."""
    file_name = api(name).spec_file
    packaged = resources.files("spec_model").joinpath("specs", file_name)
    if packaged.is_file():
        return Path(str(packaged))
    checkout = CHECKOUT_SPEC_DIR / file_name
    if checkout.is_file():
        return checkout
    raise SpecNotFoundError(
        f"OpenAPI document for {name!r} not found (looked in spec_model/specs/ and spec/)"
    )


@cache
def spec(name: str) -> SpecModel:
    """The model of API ``name``'s document, loaded once per process (readers must not change it)."""
    return load_spec(spec_path(name))
