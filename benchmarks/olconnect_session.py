"""A small OL Connect mock with a known job and a login token, shared by the overhead and mock figures."""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterator
from dataclasses import dataclass, field

import httpx

import spec_model
from benchmarks.context import BenchContext
from benchmarks.results import NotMeasuredError
from benchmarks.servers import running_mock

LOGIN_PATH = spec_model.spec("olconnect").operation("login").path
METADATA = spec_model.spec("olconnect").operation("getJobMetadata")


@dataclass(frozen=True)
class OlConnectSession:
    base_url: str
    job_id: int
    token: str
    pid: int
    username: str
    password: str = field(repr=False)

    @property
    def metadata_path(self) -> str:
        return METADATA.path_with(jobId=self.job_id)


@contextlib.contextmanager
def olconnect_session(ctx: BenchContext, documents: int = 100) -> Iterator[OlConnectSession]:
    """The mock on a generated scenario; logs in once (POST login, Basic) and yields the token."""
    scenario = ctx.scenario("olconnect", documents)
    data = json.loads(scenario.read_text(encoding="utf-8"))
    job_id = int(data["job_sets"][0]["jobs"][0]["id"])
    user = data["users"][0]
    with running_mock("olconnect", scenario) as mock:
        response = httpx.post(
            mock.base_url + LOGIN_PATH, auth=(user["username"], user["password"]), timeout=30
        )
        if response.status_code != 200 or not response.text.strip():
            raise NotMeasuredError(f"login on the OL Connect mock answered {response.status_code}")
        yield OlConnectSession(
            mock.base_url, job_id, response.text.strip(), mock.pid, user["username"], user["password"]
        )
