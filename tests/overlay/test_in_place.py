"""The overlay where it is written: each module imports, keeps its public names and does its job in place.

Overlay modules import their package by absolute name (``olconnect_client._runtime...``), so they resolve
against the installed client package without being copied into it first. These tests load each overlay file
as it is in ``overlay/`` (not the generated copy), so a change there is tested before any regeneration.
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import httpx
import pytest
from avepoint_graph_client.api.jobs import list_jobs
from olconnect_client.api.job_entity import get_job_metadata

from spec_model import spec as load_spec
from spec_model.security import operation_security

ROOT = Path(__file__).resolve().parents[2]
OVERLAY = ROOT / "overlay"
PACKAGES = {"olconnect_client": "olconnect", "avepoint_graph_client": "avepoint"}


def in_place(package: str, module: str) -> ModuleType:
    """The overlay file ``overlay/<package>/<module>.py`` as a module of its own (not the generated copy)."""
    path = OVERLAY / package / f"{module}.py"
    spec = importlib.util.spec_from_file_location(f"_overlay_in_place.{package}.{module}", path)
    assert spec is not None
    assert spec.loader is not None
    loaded = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = loaded  # dataclasses look their module up there
    spec.loader.exec_module(loaded)
    return loaded


OVERLAY_MODULES = sorted(
    (package, path.stem) for package in PACKAGES for path in (OVERLAY / package).glob("*.py")
)


@pytest.mark.parametrize(("package", "module"), OVERLAY_MODULES)
def test_every_overlay_module_imports_in_place_with_its_public_names(package: str, module: str) -> None:
    loaded = in_place(package, module)
    generated = importlib.import_module(f"{package}.{module}")
    assert sorted(getattr(loaded, "__all__", [])) == sorted(getattr(generated, "__all__", []))
    for name in getattr(loaded, "__all__", []):
        assert hasattr(loaded, name), f"{package}/{module}.py lists {name} in __all__ but has no such name"


def test_error_shapes_are_read_where_the_spec_says() -> None:
    """Each package reads error bodies with the pointers its spec's ``x-error-text`` gives, nothing else."""
    olc = get_job_metadata.OPERATION.error_text
    ave = list_jobs.OPERATION.error_text
    olc_body = {"error": {"status": 404, "message": "no job 7", "parameter": "jobId"}}
    assert olc(olc_body) == ("no job 7", "jobId")
    assert olc({"status": 400, "message": "AvePoint's shape"}) == (None, None)
    assert ave({"status": 400, "message": "bad jobType"}) == ("bad jobType", None)
    assert ave({"error": "invalid_client", "error_description": "unknown id"}) == (
        "invalid_client: unknown id",
        None,
    )
    assert ave(olc_body) == (None, None)
    for shape in (olc, ave):
        assert shape("plain text") == (None, None)
        assert shape(None) == (None, None)
        assert shape({"error": {"message": ["not", "a", "scalar"]}, "message": {"deep": 1}}) == (None, None)


@pytest.mark.parametrize(("package", "api"), sorted(PACKAGES.items()))
def test_the_token_scheme_is_the_one_the_spec_says_its_token_operation_issues(package: str, api: str) -> None:
    """The overlay names the spec's scheme; the spec (not a URL) says which operation issues it."""
    model = load_spec(api)
    issued = {operation_security(model, op).issues for op in model.operations.values()} - {None}
    auth = in_place(package, "auth")
    assert issued == {auth.TOKEN_SCHEME}
    assert auth.TOKEN_SCHEME in model.security_schemes


def test_the_login_grant_reads_the_token_and_its_lifetime_in_place() -> None:
    auth = in_place("olconnect_client", "auth")
    grant = auth.OLConnectLogin("user", "pw", login_url="http://olc.test/login")
    request = grant.token_request(httpx.Request("GET", "http://olc.test/x"))
    assert request.url == httpx.URL("http://olc.test/login")
    assert request.headers["authorization"].startswith("Basic ")
    answer = httpx.Response(
        200, text=" tok \n", headers={"Content-Type": "text/plain", "Token-Expires-In": "90"}, request=request
    )
    assert grant.read_token(answer) == ("tok", 90.0)
    assert "pw" not in repr(grant)
    target = httpx.Request("GET", "http://olc.test/x")
    grant.apply_token(target, "tok")
    assert target.headers[auth.TOKEN_HEADER] == "tok"


def test_no_credential_request_is_recognised_by_its_url() -> None:
    """The auth flows read the operation's security from the request; none matches a path (issue 21)."""
    sources = [*(ROOT / "runtime" / "client_runtime").glob("*.py"), *OVERLAY.glob("*/*.py")]
    assert len(sources) > 20
    offenders = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in sources
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if "url.path.endswith" in line or "path.endswith(LOGIN" in line or "path.endswith(TOKEN" in line
    ]
    assert offenders == []
