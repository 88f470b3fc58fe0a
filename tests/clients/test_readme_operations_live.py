"""Every per-operation example of both package READMEs runs as written against the real mock servers.

tests/generation/test_readme.py runs them against an example server with a static-token client; here the
client is the one the README's "Connecting" block builds (only the URL and credentials are swapped for the
mock's), so `login.sync(client=client)` and the rest show what a user of `connect()` sees. The mocks get a
scenario holding the IDs and the OAuth client the examples use (copied from the default scenarios with
those IDs and that client put in).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

import spec_model
from mock_servers.testing import MockProcess, running_mock
from spec_model.security import operation_security

ROOT = Path(__file__).resolve().parents[2]
READMES = {
    "olconnect": ROOT / "generated" / "olconnect-client" / "README.md",
    "avepoint": ROOT / "generated" / "avepoint-graph-client" / "README.md",
}
SECTION = re.compile(r"^#### `(?P<operation_id>[^`]+)`.*?```python\n(?P<code>.*?)```", re.S | re.M)
# The IDs the examples use (the spec's examples), given to entities of the default scenario.
OLC_IDS = {
    "job_sets": {1001: 34567},
    "jobs": {2001: 12345, 2002: 23456},
    "segments": {3001: 23456},
    "document_sets": {4001: 501},
    "documents": {5001: 1001},
    "data_sets": {8001: 56789},
    "content_sets": {8001: 6001, 8002: 6002},
}
# The examples that name an asynchronous operation by the spec's example ID: no fresh server knows it, so
# the example runs as written and gets the documented 404 (OLC-53) as the client's typed error.
NAMES_AN_OPERATION = re.compile(r"^(get\w+(Progress|Result)|cancel\w+)$")
EXAMPLE_CLIENT = {
    "client_id": "3f1c2a9e-5b7d-4e0a-9c61-8d2b7e4f1a05",
    "client_secret": "example-client-secret",
}


def examples(api: str) -> dict[str, str]:
    text = READMES[api].read_text(encoding="utf-8")
    return {match["operation_id"]: match["code"] for match in SECTION.finditer(text)}


def connecting_block(api: str) -> str:
    section = READMES[api].read_text(encoding="utf-8").split("## Connecting", 1)[1]
    return section.split("```python\n", 1)[1].split("```", 1)[0]


def _olc_scenario(path: Path) -> Path:
    data: dict[str, Any] = yaml.safe_load((ROOT / "mock_servers/scenarios/olconnect.yaml").read_text())
    for job_set in data["job_sets"]:
        job_set["id"] = OLC_IDS["job_sets"].get(job_set["id"], job_set["id"])
        for job in job_set.get("jobs", []):
            job["id"] = OLC_IDS["jobs"].get(job["id"], job["id"])
            for segment in job.get("segments", []):
                segment["id"] = OLC_IDS["segments"].get(segment["id"], segment["id"])
                for document_set in segment.get("document_sets", []):
                    document_set["id"] = OLC_IDS["document_sets"].get(document_set["id"], document_set["id"])
                    for document in document_set.get("documents", []):
                        document["id"] = OLC_IDS["documents"].get(document["id"], document["id"])
    for data_set in data.get("data_sets", []):
        data_set["id"] = OLC_IDS["data_sets"].get(data_set["id"], data_set["id"])
    for content_set in data.get("content_sets", []):
        content_set["id"] = OLC_IDS["content_sets"].get(content_set["id"], content_set["id"])
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    return path


def _ave_scenario(path: Path) -> Path:
    data: dict[str, Any] = yaml.safe_load((ROOT / "mock_servers/scenarios/avepoint.yaml").read_text())
    data["clients"].append({**EXAMPLE_CLIENT, "scopes": list(AVEPOINT_SCOPES)})
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def mocks(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, MockProcess]]:
    folder = tmp_path_factory.mktemp("readme-scenarios")
    with (
        running_mock("olconnect", _olc_scenario(folder / "olconnect.yaml")) as olc,
        running_mock("avepoint", _ave_scenario(folder / "avepoint.yaml")) as ave,
    ):
        yield {"olconnect": olc, "avepoint": ave}


#: Every scope an AvePoint operation names: the README's client asks for all of them (`scope=`), as a user
#: who calls several services does.
_AVEPOINT = spec_model.spec("avepoint")
AVEPOINT_SCOPES = sorted(
    {scope for op in _AVEPOINT.operations.values() for scope in operation_security(_AVEPOINT, op).scopes}
)


ALL_SCOPES = " ".join(AVEPOINT_SCOPES)


def client_code(api: str, mock: MockProcess) -> str:
    """The README's Connecting block, pointed at the mock with the mock's credentials."""
    code = connecting_block(api)
    if api == "olconnect":
        code = code.replace(
            '"http://localhost:9340", "user", "password"', f'"{mock.base_url}", "admin", "admin-password"'
        )
    else:
        code = code.replace(
            '"<client id>", "<client secret>", data_centre="ne"',
            f'"mock-client", "mock-client-secret", base_url="{mock.base_url}", scope="{ALL_SCOPES}"',
        )
    assert mock.base_url in code, "the Connecting block changed; update the substitution"
    return code


CASES = [(api, operation_id) for api in READMES for operation_id in examples(api)]


@pytest.mark.parametrize(("api", "operation_id"), CASES, ids=[f"{api}-{op}" for api, op in CASES])
def test_readme_operation_example_runs_against_the_mock(
    api: str, operation_id: str, mocks: dict[str, MockProcess]
) -> None:
    mocks[api].reset()  # an example may delete what the next one reads (deleteJobSet)
    namespace: dict[str, Any] = {}
    exec(compile(client_code(api, mocks[api]), f"{api} README:Connecting", "exec"), namespace)
    code = compile(examples(api)[operation_id], f"{api} README:{operation_id}", "exec")
    with namespace["client"]:
        if api == "olconnect" and NAMES_AN_OPERATION.match(operation_id):
            with pytest.raises(
                namespace["olconnect_client"].errors.NotFoundError, match="Operation not found"
            ):
                exec(code, namespace)
            return
        exec(code, namespace)
    assert "result" in namespace


def test_every_operation_is_covered() -> None:
    for api in READMES:
        assert set(examples(api)) == set(spec_model.spec(api).operations), api
