"""Deterministic scenario generators, for benchmarks (100 000 jobs or documents) and the default scenarios.

The same (api, count, seed) always gives the same file. Values are spread round-robin and then shuffled, so
every filter value of a large enough scenario both selects and excludes jobs.
"""

from __future__ import annotations

import json
import random
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import yaml

APP_TYPES = (1, 2, 4, 8, 64, 128, 256, 512, 4096, 8192, 16384, 32768)
JOB_TYPES = (1, 2, 3, 4, 5, 6)
FINISHED_STATUSES = (2, 3, 7)
OPERATORS = ("System", "admin@example.com", "backup-operator@example.com")
AVEPOINT_CLIENTS = [
    {
        "client_id": "mock-client",
        "client_secret": "mock-client-secret",
        # the Google scope first (the contract suite's read scope), then every other job scope (issue 22)
        "scopes": [
            "gsuite.graph.read.all",
            "microsoft365backup.jobInfo.read.all",
            "microsoft365backup.restore.readwrite.all",
            "salesforce.public.read.all",
            "PlatformBackup.ReadWrite.All",
            "Dynamics.ReadWrite.All",
            "autodiscovery.readwrite.all",
            "insights.graph.readwrite.all",
        ],
    },
    {"client_id": "audit-only-client", "client_secret": "audit-only-secret", "scopes": ["audit.read.all"]},
]
OLCONNECT_USERS = [
    {"username": "admin", "password": "admin-password", "roles": ["read", "write"]},
    {"username": "viewer", "password": "viewer-password", "roles": ["read"]},
    {"username": "norole", "password": "norole-password", "roles": []},
]
OLCONNECT_MEDIA: list[dict[str, Any]] = [
    {
        "name": "Letter",
        "type": "Plain",
        "width": "8.5in",
        "height": "11in",
        "color": "White",
        "weight": "75gsm",
    },
    {
        "name": "A4 Letterhead",
        "type": "Letterhead",
        "width": "210mm",
        "height": "297mm",
        "color": None,
        "weight": "90gsm",
    },
    {
        "name": "Envelope C5",
        "type": "Envelope",
        "width": "162mm",
        "height": "229mm",
        "color": "Cream",
        "weight": "100gsm",
    },
]


def _spread(rng: random.Random, values: tuple[int, ...], count: int) -> list[int]:
    spread = [values[index % len(values)] for index in range(count)]
    rng.shuffle(spread)
    return spread


def _timestamp(moment: datetime, with_millis: bool) -> str:
    text = moment.strftime("%Y-%m-%dT%H:%M:%S")
    if with_millis:
        text += f".{moment.microsecond // 1000:03d}"
    return text + "+00:00"


def avepoint_scenario(job_count: int, seed: int) -> dict[str, Any]:
    rng = random.Random(seed)
    app_types = _spread(rng, APP_TYPES, job_count)
    job_types = _spread(rng, JOB_TYPES, job_count)
    statuses = _spread(rng, (0, 2, 2, 3, 7), job_count)
    sources = _spread(rng, (1, 1, 1, 2), job_count)
    moment = datetime(2024, 1, 1, tzinfo=UTC)
    jobs = []
    for index in range(job_count):
        moment += timedelta(seconds=rng.randint(60, 7200))
        status = statuses[index]
        finish = None
        if status != 0:
            finish = _timestamp(
                moment + timedelta(milliseconds=rng.randint(5_000, 3_600_000)), rng.random() < 0.5
            )
        jobs.append(
            {
                "jobId": f"GJOB{moment:%Y%m%d%H%M%S}",
                "appType": app_types[index],
                "jobType": job_types[index],
                "dataSource": sources[index],
                "status": status,
                "progress": round(rng.uniform(0, 99.9), 1) if status == 0 else 100.0,
                "startTime": _timestamp(moment, False),
                "finishTime": finish,
                "operator": rng.choice(OPERATORS),
            }
        )
    return {"settings": {"token_ttl": 3600}, "clients": AVEPOINT_CLIENTS, "jobs": jobs}


def _properties(prefix: str, index: int) -> list[dict[str, str]]:
    return [{"name": f"{prefix}.index", "value": str(index)}]


def olconnect_scenario(document_count: int, seed: int) -> dict[str, Any]:
    """One job set of ``document_count`` documents: 100 per document set, 10 sets per segment, 10 per job."""
    rng = random.Random(seed)
    media_names = [media["name"] for media in OLCONNECT_MEDIA]
    next_id = {"job": 2001, "segment": 3001, "set": 4001, "document": 5001}
    jobs: list[dict[str, Any]] = []
    for job_start in range(0, document_count, 10_000):
        segments = []
        for segment_start in range(job_start, min(job_start + 10_000, document_count), 1_000):
            document_sets = []
            for set_start in range(segment_start, min(segment_start + 1_000, document_count), 100):
                documents = []
                for index in range(set_start, min(set_start + 100, document_count)):
                    sheets = rng.randint(1, 3)
                    pages = rng.randint(sheets, 2 * sheets)
                    first = rng.choice(media_names)
                    usage = {first: pages}
                    if pages > 1 and rng.random() < 0.3:
                        second = rng.choice([name for name in media_names if name != first])
                        usage = {first: pages - 1, second: 1}
                    document_id = next_id["document"]
                    next_id["document"] += 1
                    documents.append(
                        {
                            "id": document_id,
                            "content_item": 600_000 + index,
                            "data_record": 900_000 + index,
                            "metadata": [{"name": "customer", "value": f"C{index:06d}"}],
                            "sheets": sheets,
                            "pages": pages,
                            "media": usage,
                        }
                    )
                document_sets.append(
                    {
                        "id": _take(next_id, "set"),
                        "metadata": _properties("set", set_start),
                        "documents": documents,
                    }
                )
            segments.append(
                {
                    "id": _take(next_id, "segment"),
                    "metadata": _properties("segment", segment_start),
                    "document_sets": document_sets,
                }
            )
        jobs.append(
            {
                "id": _take(next_id, "job"),
                "metadata": _properties("job", job_start),
                "properties": [{"name": "priority", "value": "normal"}],
                "segments": segments,
            }
        )
    job_set = {
        "id": 1001,
        "metadata": [{"name": "source", "value": "generated"}],
        "properties": [],
        "jobs": jobs,
    }
    return {
        "settings": {"token_ttl": 3600},
        "users": OLCONNECT_USERS,
        "media": OLCONNECT_MEDIA,
        "job_sets": [job_set],
    }


def _take(counters: dict[str, int], kind: str) -> int:
    value = counters[kind]
    counters[kind] += 1
    return value


def write_scenario(api: str, count: int, output: Path, seed: int) -> None:
    scenario = olconnect_scenario(count, seed) if api == "olconnect" else avepoint_scenario(count, seed)
    if output.suffix.lower() == ".json":
        text = json.dumps(scenario, separators=(",", ":"))
    else:
        dumper: type[yaml.SafeDumper] = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
        text = yaml.dump(scenario, Dumper=dumper, sort_keys=False, allow_unicode=True)
    output.write_text(text + "\n", encoding="utf-8")
