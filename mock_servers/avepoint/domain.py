"""AvePoint jobs and OAuth clients, independent of HTTP: loading, ordering, filtering and paging.

Jobs are read-only, so they are sorted once (newest start first, ties by jobId descending, AVE-09) and each is
encoded to JSON once; a page is then a slice of pre-encoded fragments.
"""

from __future__ import annotations

import itertools
import json
import math
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from mock_servers.core.scenario import ScenarioError, json_pointer
from mock_servers.core.timeparse import parse_rfc3339

# What a running job's finishTime is under each value of ave.running-finish-time (AVE-10); None: left out.
RUNNING_FINISH_TIMES: Mapping[str, str | None] = {
    "absent": None,
    "empty": "",
    "time": "0001-01-01T00:00:00+00:00",  # .NET's DateTimeOffset.MinValue, what an unset field serialises to
}


@dataclass(frozen=True)
class Job:
    job_id: str
    app_type: int
    job_type: int
    data_source: int
    status: int
    start: float  # POSIX seconds of startTime, for window comparisons
    fragment: str  # the job's JSON, encoded once
    # a running job's JSON per ave.running-finish-time value (None for finished jobs, which have one form)
    running_fragments: Mapping[str, str] | None = None
    end: float = math.inf  # POSIX seconds of finishTime; a running job has not finished (ave.time-window)

    def fragment_for(self, running_finish_time: str) -> str:
        if self.running_fragments is None:
            return self.fragment
        return self.running_fragments[running_finish_time]

    @classmethod
    def from_scenario(cls, data: Mapping[str, Any]) -> Job:
        start = parse_rfc3339(data["startTime"])
        if start is None:
            raise ValueError("startTime is not an RFC 3339 date-time")
        fields = {key: data.get(key) for key in ("jobId", "appType", "jobType", "dataSource", "status")}
        body = {**fields, "progress": float(data["progress"]), "startTime": data["startTime"]}

        def encode(finish: str | None) -> str:
            member = {} if finish is None else {"finishTime": finish}
            return json.dumps({**body, **member, "operator": data["operator"]}, separators=(",", ":"))

        finish = data.get("finishTime")
        running = None
        if finish is None:
            running = {value: encode(time) for value, time in RUNNING_FINISH_TIMES.items()}
        finished = parse_rfc3339(finish) if finish is not None else None
        return cls(
            job_id=data["jobId"],
            app_type=data["appType"],
            job_type=data["jobType"],
            data_source=data["dataSource"],
            status=data["status"],
            start=start.timestamp(),
            fragment=encode(finish),
            running_fragments=running,
            end=finished.timestamp() if finished is not None else math.inf,
        )


@dataclass(frozen=True)
class JobQuery:
    """A validated ``listJobs`` request. ``None`` filters match everything."""

    data_source: int = 1
    app_type: int | None = None
    job_type: int | None = None
    job_status: int | None = None
    start: float | None = None
    finish: float | None = None
    page_index: int = 0
    page_size: int = 100
    window: str = "start"  # what the time window bounds (variant ave.time-window, AVE-25)

    def matches(self, job: Job) -> bool:
        return (
            job.data_source == self.data_source
            and (
                self.app_type is None
                or job.app_type == self.app_type
                # a combined bit-mask (ave.app-type-mask=mask): a job of any service whose bit it holds
                or (job.app_type != 0 and job.app_type & self.app_type == job.app_type)
            )
            and (self.job_type is None or job.job_type == self.job_type)
            and (self.job_status is None or job.status == self.job_status)
            and self._in_window(job)
        )

    def _in_window(self, job: Job) -> bool:
        """``start``: the start time lies in the window; ``finish``: the finish time does (a running job has
        none yet, so only a window without an end holds it); ``overlap``: the job ran during the window;
        ``exclusive``: the start time lies strictly inside the window."""
        if self.window == "exclusive":
            return (self.start is None or job.start > self.start) and (
                self.finish is None or job.start < self.finish
            )
        low = job.end if self.window in ("finish", "overlap") else job.start
        high = job.start if self.window == "overlap" else low
        return (self.start is None or low >= self.start) and (self.finish is None or high <= self.finish)

    @property
    def only_data_source(self) -> bool:
        return (self.app_type, self.job_type, self.job_status, self.start, self.finish) == (None,) * 5


class JobCatalog:
    """Jobs sorted newest start first, ties by jobId descending (AVE-09), indexed by data source."""

    def __init__(self, jobs: Iterable[Job]) -> None:
        ordered = sorted(jobs, key=lambda job: job.job_id, reverse=True)
        ordered.sort(key=lambda job: job.start, reverse=True)
        self.jobs = ordered
        self.by_source: dict[int, list[Job]] = {}
        for job in ordered:
            self.by_source.setdefault(job.data_source, []).append(job)

    def page(self, query: JobQuery) -> tuple[list[Job], bool]:
        """The jobs of the requested page and whether any job follows it."""
        offset = query.page_index * query.page_size
        end = offset + query.page_size
        candidates = self.by_source.get(query.data_source, [])
        if offset >= len(candidates):  # also keeps islice's arguments small: the spec sets no bound (AVE-09)
            return [], False
        if query.only_data_source:
            return candidates[offset:end], len(candidates) > end
        matching: Iterator[Job] = (job for job in candidates if query.matches(job))
        window = list(itertools.islice(matching, offset, min(end, len(candidates)) + 1))
        return window[: query.page_size], len(window) > query.page_size


@dataclass(frozen=True)
class Client:
    client_id: str
    client_secret: str
    scopes: tuple[str, ...]


@dataclass(frozen=True)
class Grant:
    """What a bearer token stands for."""

    client_id: str
    scopes: frozenset[str]  # lower-case


class OAuthError(Exception):
    """An RFC 6749 §5.2 error answer of the token endpoint."""

    def __init__(self, status: int, error: str, description: str) -> None:
        super().__init__(description)
        self.status = status
        self.error = error
        self.description = description


def load_clients(scenario: Mapping[str, Any], source: str) -> dict[str, Client]:
    clients: dict[str, Client] = {}
    for index, entry in enumerate(scenario["clients"]):
        if entry["client_id"] in clients:
            where = json_pointer(["clients", index, "client_id"])
            raise ScenarioError(f"{source}: {where}: duplicate client_id {entry['client_id']!r}")
        clients[entry["client_id"]] = Client(
            entry["client_id"], entry["client_secret"], tuple(entry["scopes"])
        )
    return clients


def load_jobs(scenario: Mapping[str, Any], source: str) -> list[Job]:
    jobs: list[Job] = []
    seen: set[str] = set()
    for index, entry in enumerate(scenario["jobs"]):
        where = json_pointer(["jobs", index])
        if entry["jobId"] in seen:
            raise ScenarioError(f"{source}: {where}/jobId: duplicate jobId {entry['jobId']!r}")
        seen.add(entry["jobId"])
        finish = entry.get("finishTime")
        if entry["status"] == 0 and finish is not None:
            raise ScenarioError(
                f"{source}: {where}/finishTime: a job in progress (status 0) has no finishTime"
            )
        if entry["status"] != 0 and finish is None:
            raise ScenarioError(
                f"{source}: {where}/finishTime: a finished job (status {entry['status']}) needs one"
            )
        try:
            jobs.append(Job.from_scenario(entry))
        except ValueError as exc:
            raise ScenarioError(f"{source}: {where}/startTime: {exc}") from None
        if finish is not None:
            finished = parse_rfc3339(finish)
            if finished is None or finished.timestamp() < jobs[-1].start:
                raise ScenarioError(f"{source}: {where}/finishTime: must be a date-time not before startTime")
    return jobs
