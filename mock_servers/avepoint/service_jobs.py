"""Seeded jobs of the AvePoint services besides Google Workspace (issue 22), independent of HTTP.

Each service has its own numbering of types and states and its own envelope (DECISIONS AVE-41..54), so each
gets its own small record type here; what they share is a start time to order and window by. The seed jobs
are built from a fixed pseudo-random sequence, so every run (and every test) sees the same catalog, and every
filter value of every service selects some jobs and excludes others.
"""

from __future__ import annotations

import random
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

from mock_servers.core.timeparse import parse_rfc3339

EPOCH = datetime(2025, 1, 1, tzinfo=UTC)
# The labels of the Microsoft 365 jobState filter values: what a job's `state` text says (AVE-43).
M365_STATE_LABELS: Mapping[int, str] = {
    1: "In Progress",
    2: "Finished",
    3: "Failed",
    4: "Finished with Exception",
    5: "Partially Finished",
}
# Restore serviceType -> the job list's objectType of the same workload.
RESTORE_OBJECT_TYPES: Mapping[int, int] = {1: 2, 2: 3, 3: 4, 6: 7}


def iso(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def parse_bound(text: str, *, end: bool) -> float | None:
    """A time filter as POSIX seconds: an RFC 3339 date-time, one without an offset (UTC), or a bare date
    (the pages' examples), which as an upper bound covers its whole day. None: not a time."""
    text = text.strip()
    try:
        day = date.fromisoformat(text) if len(text) == 10 else None
    except ValueError:
        return None
    if day is not None:
        moment = datetime(day.year, day.month, day.day, tzinfo=UTC)
        return (moment + timedelta(days=1) - timedelta(microseconds=1) if end else moment).timestamp()
    parsed = parse_rfc3339(text)
    if parsed is None:
        try:
            parsed = datetime.fromisoformat(text.rstrip("Z")).replace(tzinfo=UTC)
        except ValueError:
            return None
    return parsed.timestamp()


@dataclass
class M365Job:
    """A Microsoft 365 job; ``visible_at`` (POSIX seconds) delays a new restore job (ave.restore-listing)."""

    job_id: str
    job_type: int
    object_type: int
    state: int
    start: datetime
    finish: datetime | None
    counts: tuple[int, int, int, int]  # total, failed, successful, skipped
    running_until: float | None = None  # a restore job finishes at this POSIX time
    visible_at: float = 0.0

    def state_at(self, now: float) -> int:
        if self.running_until is not None and now >= self.running_until:
            return 2
        return self.state

    def to_json(self, now: float, detail_names: str) -> dict[str, Any]:
        state = self.state_at(now)
        finish = self.finish
        if self.running_until is not None and state == 2:
            finish = datetime.fromtimestamp(self.running_until, UTC)
        suffix = "Count" if detail_names == "count" else "Number"
        total, failed, successful, skipped = self.counts
        hours = ((finish - self.start).total_seconds() / 3600) if finish else 0.0
        return {
            "id": self.job_id,
            "state": M365_STATE_LABELS[state],
            "startTime": iso(self.start),
            "finishTime": iso(finish) if finish else "",
            "duration": f"{hours:.3f}",
            "backupDetails": {
                f"total{suffix}": total,
                f"failed{suffix}": failed,
                f"successful{suffix}": successful,
                f"skipped{suffix}": skipped,
            },
            "jobErrors": [],
        }


@dataclass
class PlainJob:
    """A job of Salesforce, IaaS + PaaS, Dynamics 365 or AOS scans: filter keys plus its JSON members."""

    job_id: str
    start: datetime
    keys: dict[str, Any]  # what filters compare (type, status, level, organizationId, serviceType, ...)
    body: dict[str, Any] = field(default_factory=dict)


def _counts(rng: random.Random) -> tuple[int, int, int, int]:
    failed, skipped = rng.randint(0, 3), rng.randint(0, 2)
    successful = rng.randint(1, 400)
    return failed + skipped + successful, failed, successful, skipped


def _times(rng: random.Random, index: int, running: bool) -> tuple[datetime, datetime | None]:
    start = EPOCH + timedelta(hours=7 * index, minutes=rng.randint(0, 59), seconds=rng.randint(0, 59))
    return start, None if running else start + timedelta(minutes=rng.randint(1, 90))


#: The job ID the Microsoft 365 details page uses in its example: the first seeded job carries it, so the
#: spec's example (and the README's call built from it) names a job the mock has.
PAGE_EXAMPLE_M365_JOB = "FB20241015105312327583"


def seed_m365(count: int = 30) -> list[M365Job]:
    rng = random.Random(22)
    jobs = []
    for index in range(count):
        state = 1 + index % 5
        start, finish = _times(rng, index, running=state == 1)
        prefix = ("FB", "RS", "EFB", "DL", "RT")[index % 5]
        jobs.append(
            M365Job(
                job_id=PAGE_EXAMPLE_M365_JOB if index == 0 else f"{prefix}{start:%Y%m%d%H%M%S}{index:06d}",
                job_type=1 + index % 5,
                object_type=1 + (index * 7) % 12,
                state=state,
                start=start,
                finish=finish,
                counts=_counts(rng),
            )
        )
    return jobs


def seed_salesforce(count: int = 25) -> list[PlainJob]:
    rng = random.Random(23)
    jobs = []
    for index in range(count):
        status = 1 + index % 7
        start, finish = _times(rng, index, running=status == 1)
        job_type, level = 1 + (index * 5) % 22, 1 + index % 6
        organization = ("00D5g000004XyZaEAK", "00D5g000007AbCdEAK")[index % 2]
        records, objects = rng.randint(10, 5000), rng.randint(1, 40)
        body = {
            "type": job_type,
            "jobId": f"AI{start:%Y%m%d%H%M%S}{index:06d}",
            "startTime": iso(start),
            "finishTime": iso(finish) if finish else "",
            "successfulRecords": records,
            "skippedRecords": 0,
            "failedRecords": 0,
            "totalRecords": records,
            "successfulMetadata": objects,
            "failedMetadata": 0,
            "totalMetadata": objects,
            "successfulObjects": objects,
            "skippedObjects": 0,
            "failedObjects": 0,
            "totalObjects": objects,
            "dataSize": rng.randint(100, 90000),
            "apiCalls": rng.randint(1, 300),
            "organizationId": organization,
        }
        keys = {"type": job_type, "status": status, "level": level, "organizationId": organization}
        jobs.append(PlainJob(str(body["jobId"]), start, keys, body))
    return jobs


VM_TYPES = ((1, 1), (1, 2), (2, 128), (4, 1024), (256, 20009), (2048, 20016), (8192, 20022), (20000, 60000))
VM_STATES = (0, 1, 2, 4, 8, 16, 32, 64)


def _time_span(seconds: int) -> str:
    days, rest = divmod(seconds, 86400)
    text = f"{rest // 3600:02d}:{rest % 3600 // 60:02d}:{rest % 60:02d}"
    return f"{days}.{text}" if days else text


def seed_vm(count: int = 23) -> list[PlainJob]:
    rng = random.Random(24)
    jobs = []
    for index in range(count):
        service, job_type = VM_TYPES[index % len(VM_TYPES)]
        status = VM_STATES[index % len(VM_STATES)]
        start, finish = _times(rng, index, running=status in (0, 1, 32))
        total = rng.randint(1, 20)
        body = {
            "jobId": f"{'FB' if job_type % 2 else 'IB'}{start:%Y%m%d%H%M%S}{index:03d}",
            "jobType": job_type,
            "status": status,
            "failedCount": 0,
            "successfulCount": total,
            "skippedCount": 0,
            "totalCount": total,
            "startTime": iso(start),
            "finishTime": iso(finish) if finish else "",
            "duration": _time_span(int((finish - start).total_seconds())) if finish else "00:00:00",
            "comments": "",
        }
        jobs.append(PlainJob(str(body["jobId"]), start, {"serviceType": service, "jobType": job_type}, body))
    return jobs


DYNAMICS_ORGANIZATIONS = (
    ("5f0c1a8e-4b7d-4e0a-9c61-8d2b7e4f1a05", "Contoso Sales"),
    ("9a7e3c21-0d4b-4f8e-b2a6-1c5d7e9f0a13", "Fabrikam Service"),
)


def seed_dynamics(count: int = 14) -> list[PlainJob]:
    rng = random.Random(25)
    jobs = []
    for index in range(count):
        status = (2, 3, 4, 7)[index % 4]
        job_type = (1, 2, 4, 8, 16, 32)[index % 6]
        start, finish = _times(rng, index, running=status == 2)
        organization, name = DYNAMICS_ORGANIZATIONS[index % 2]
        records = rng.randint(10, 9000)
        body = {
            "module": ("Customer Engagement", "Finance and Operations")[index % 2],
            "type": job_type,
            "jobId": f"DCIB{start:%Y%m%d%H%M%S%f}{index:02d}"[:26],
            "startTime": start.isoformat(timespec="milliseconds").replace("+00:00", "Z"),
            "finishTime": finish.isoformat(timespec="milliseconds").replace("+00:00", "Z") if finish else "",
            "durationHours": round((finish - start).total_seconds() / 3600, 3) if finish else 0.0,
            "status": status,
            "successfulEntity": 10,
            "failedEntity": 0,
            "skippedEntity": 0,
            "warningEntity": 0,
            "totalEntity": 10,
            "successfulRecord": records,
            "failedRecord": 0,
            "skippedRecord": 0,
            "warningRecord": 0,
            "totalRecord": records,
            "backupSize": records * 512,
            "organizationId": organization,
            "organizationName": name,
        }
        keys = {"type": job_type, "status": status, "organizationId": organization}
        jobs.append(PlainJob(str(body["jobId"]), start, keys, body))
    return jobs


def seed_scans(count: int = 12) -> list[PlainJob]:
    rng = random.Random(26)
    jobs = []
    for index in range(count):
        state = (1, 2, 3, 4, 5, 10)[index % 6]
        start, finish = _times(rng, index, running=state == 1)
        body = {
            "id": f"Scan{start:%Y%m%d%H%M%S}{index:06d}",
            "type": (0, 10, 11)[index % 3],
            "state": state,
            "startTime": start.strftime("%Y-%m-%dT%H:%M:%S.0000000+00:00"),
            "finishTime": finish.strftime("%Y-%m-%dT%H:%M:%S.0000000+00:00") if finish else None,
            "scanProfileName": f"scan profile {index % 4}",
            "category": (0, 1, 2, 3)[index % 4],
            "extension": None,
        }
        jobs.append(PlainJob(str(body["id"]), start, {}, body))
    return jobs


# Insights export jobs the mock knows: ID -> jobStatus (1 in progress, 2 finished, 3 failed).
INSIGHTS_JOBS: Mapping[int, int] = {169: 2, 170: 1, 171: 3, 172: 2}
