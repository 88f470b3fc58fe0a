"""OL Connect entities and their rules, independent of HTTP.

Job sets hold jobs, jobs hold job segments, segments hold document sets, document sets hold documents; each
document names its content item and data record and carries its sheet, page and media counts. Every level is
indexed by ID, and every service (entities and statistics) reads the same objects, so a write through one is
seen by all; deleting a job set drops its whole subtree from every index (OLC-42). Writes go
through :class:`OLConnectStore`, whose lock makes every update (and the whole multi-update) atomic: a
property list is never edited in place but replaced by a new tuple, so readers never see half an update.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from mock_servers.core.scenario import ScenarioError, json_pointer

Properties = tuple[tuple[str, str], ...]
READ = "read"
WRITE = "write"


class UnknownEntityError(LookupError):
    """An ID that names no entity of the given kind (answered as 404, OLC-04)."""

    def __init__(self, kind: str, entity_id: int) -> None:
        super().__init__(f"{kind} {entity_id} not found")
        self.kind = kind
        self.entity_id = entity_id


class DuplicateEntityError(ValueError):
    """The same entity is listed twice in one multi-update (OLC-09 rejects the whole request)."""

    def __init__(self, entity_id: int, index: int) -> None:
        super().__init__(f"job {entity_id} is listed more than once")
        self.entity_id = entity_id
        self.index = index


@dataclass(frozen=True)
class User:
    username: str
    password: str
    roles: frozenset[str]


@dataclass(frozen=True)
class Media:
    name: str
    type: str
    width: str
    height: str
    color: str | None
    weight: str


@dataclass
class Document:
    id: int
    content_item: int
    data_record: int
    metadata: Properties
    sheets: int
    pages: int
    media: tuple[tuple[str, int], ...]


@dataclass
class DocumentSet:
    id: int
    metadata: Properties
    documents: list[Document]


@dataclass
class JobSegment:
    id: int
    metadata: Properties
    document_sets: list[DocumentSet]


@dataclass
class Job:
    id: int
    metadata: Properties
    properties: Properties
    segments: list[JobSegment]

    def documents(self) -> Iterator[Document]:
        for segment in self.segments:
            for document_set in segment.document_sets:
                yield from document_set.documents


@dataclass
class JobSet:
    id: int
    metadata: Properties
    properties: Properties
    jobs: list[Job]

    def document_sets(self) -> Iterator[DocumentSet]:
        for job in self.jobs:
            for segment in job.segments:
                yield from segment.document_sets


def properties_from(entries: Sequence[Mapping[str, str]] | None) -> Properties:
    return tuple((entry["name"], entry["value"]) for entry in entries or ())


def as_map(properties: Properties) -> Properties:
    """The list as a server that stores a name → value map keeps it (variant olc.property-store=map,
    OLC-30): one entry per name, at the place of its first occurrence, with its last value."""
    merged: dict[str, str] = {}
    for name, value in properties:
        merged[name] = value
    return tuple(merged.items())


def properties_to_json(properties: Properties) -> list[dict[str, str]]:
    return [{"name": name, "value": value} for name, value in properties]


class OLConnectStore:
    """All entities of one mock server, indexed by ID, with atomic writes."""

    def __init__(self, scenario: Mapping[str, Any], source: str) -> None:
        self._lock = threading.Lock()
        self.version = 0  # bumped on every write; lets readers cache derived data safely
        self.users = _load_users(scenario, source)
        self.media = [_media(entry) for entry in scenario["media"]]
        media_names = {media.name for media in self.media}
        if len(media_names) != len(self.media):
            raise ScenarioError(f"{source}: /media: media names must be unique")
        loader = _ScenarioLoader(source, media_names)
        self.job_sets: dict[int, JobSet] = {}
        for index, data in enumerate(scenario["job_sets"]):
            job_set = loader.job_set(data, ["job_sets", index])
            _register(self.job_sets, job_set, "job set", ["job_sets", index], source)
        self.jobs: dict[int, Job] = loader.jobs
        self.segments: dict[int, JobSegment] = loader.segments
        self.document_sets: dict[int, DocumentSet] = loader.document_sets
        self.documents: dict[int, Document] = loader.documents
        self._doomed: dict[int, float] = {}  # job set ID -> monotonic time its deferred deletion is due
        # olc.job-set-owned=kept: how long what a removed job set owned stays, and the cleanups still due
        self._keep_owned: dict[int, float] = {}  # job set ID -> seconds its owned entities outlive it
        self._orphans: dict[int, tuple[float, JobSet]] = {}  # job set ID -> (cleanup due, the removed set)

    # -- reads (no lock: they read whole immutable tuples or lists that are only ever replaced)

    def job(self, job_id: int) -> Job:
        job = self.jobs.get(job_id)
        if job is None:
            raise UnknownEntityError("Job", job_id)
        return job

    def segment(self, segment_id: int) -> JobSegment:
        segment = self.segments.get(segment_id)
        if segment is None:
            raise UnknownEntityError("Job Segment", segment_id)
        return segment

    def job_set(self, job_set_id: int) -> JobSet:
        job_set = self.job_sets.get(job_set_id)
        if job_set is None:
            raise UnknownEntityError("Job Set", job_set_id)
        return job_set

    def document_set(self, document_set_id: int) -> DocumentSet:
        document_set = self.document_sets.get(document_set_id)
        if document_set is None:
            raise UnknownEntityError("Document Set", document_set_id)
        return document_set

    def document(self, document_id: int) -> Document:
        document = self.documents.get(document_id)
        if document is None:
            raise UnknownEntityError("Document", document_id)
        return document

    def job_contents(self, job_id: int) -> list[dict[str, int]]:
        """Content item / data record pairs of every document under the job, in hierarchy order."""
        return [{"item": doc.content_item, "record": doc.data_record} for doc in self.job(job_id).documents()]

    # -- writes

    def replace_job_metadata(self, job_id: int, properties: Properties) -> None:
        with self._lock:
            self.job(job_id).metadata = properties
            self.version += 1

    def replace_job_properties(self, job_id: int, properties: Properties) -> None:
        with self._lock:
            self.job(job_id).properties = properties
            self.version += 1

    def replace_segment_metadata(self, segment_id: int, properties: Properties) -> None:
        with self._lock:
            self.segment(segment_id).metadata = properties
            self.version += 1

    def replace_job_set_metadata(self, job_set_id: int, properties: Properties) -> None:
        with self._lock:
            self.job_set(job_set_id).metadata = properties
            self.version += 1

    def replace_job_set_properties(self, job_set_id: int, properties: Properties) -> None:
        with self._lock:
            self.job_set(job_set_id).properties = properties
            self.version += 1

    def replace_document_set_metadata(self, document_set_id: int, properties: Properties) -> None:
        with self._lock:
            self.document_set(document_set_id).metadata = properties
            self.version += 1

    def replace_document_metadata(self, document_id: int, properties: Properties) -> None:
        with self._lock:
            self.document(document_id).metadata = properties
            self.version += 1

    def add_job_set(self, job_set: JobSet) -> None:
        """Index a job set a job creation made, with everything it owns (IDs are the caller's, unused)."""
        with self._lock:
            self.job_sets[job_set.id] = job_set
            for job in job_set.jobs:
                self.jobs[job.id] = job
                for segment in job.segments:
                    self.segments[segment.id] = segment
                    for document_set in segment.document_sets:
                        self.document_sets[document_set.id] = document_set
                        for document in document_set.documents:
                            self.documents[document.id] = document
            self.version += 1

    def delete_job_set(self, job_set_id: int, delay: float = 0.0, keep_owned: float | None = None) -> None:
        """Remove the job set and everything it owns (OLC-42), now or ``delay`` seconds from now.

        A deferred deletion only marks the job set; :meth:`sweep` removes it once it is due. Marking a job
        set twice keeps the first due time. With ``keep_owned`` (variant olc.job-set-owned=kept) only the job
        set goes: its jobs, segments, document sets and documents stay readable for that many more seconds,
        as on a server that leaves them to a later cleanup.
        """
        with self._lock:
            self.job_set(job_set_id)
            if keep_owned is not None:
                self._keep_owned.setdefault(job_set_id, keep_owned)
            if delay > 0:
                self._doomed.setdefault(job_set_id, time.monotonic() + delay)
                return
            self._remove_job_set(job_set_id)

    def sweep(self) -> None:
        """Carry out the deferred deletions and cleanups that are due (cheap when none is pending)."""
        if not self._doomed and not self._orphans:
            return
        now = time.monotonic()
        with self._lock:
            for job_set_id, due in list(self._doomed.items()):
                if due <= now:
                    self._remove_job_set(job_set_id)
            for job_set_id, (due, job_set) in list(self._orphans.items()):
                if due <= now:
                    del self._orphans[job_set_id]
                    self._remove_owned(job_set)

    def _remove_job_set(self, job_set_id: int) -> None:
        """Drop the job set from every index, and its subtree now or at its cleanup (lock held)."""
        self._doomed.pop(job_set_id, None)
        keep_owned = self._keep_owned.pop(job_set_id, None)
        job_set = self.job_sets.pop(job_set_id, None)
        if job_set is None:
            return
        if keep_owned is None:
            self._remove_owned(job_set)
        else:
            self._orphans[job_set_id] = (time.monotonic() + keep_owned, job_set)
            self.version += 1

    def _remove_owned(self, job_set: JobSet) -> None:
        """Drop what ``job_set`` owned from every index (called with the lock held)."""
        for job in job_set.jobs:
            self.jobs.pop(job.id, None)
            for segment in job.segments:
                self.segments.pop(segment.id, None)
                for document_set in segment.document_sets:
                    self.document_sets.pop(document_set.id, None)
                    for document in document_set.documents:
                        self.documents.pop(document.id, None)
        self.version += 1

    def merge_job_properties(
        self, updates: Sequence[tuple[int, Properties]], replace: bool = False, repeats: bool = False
    ) -> None:
        """Set each listed property on each listed job, keeping the others; all or nothing (OLC-09).

        With ``replace`` (the other reading of OLC-09) each listed job gets exactly the listed properties.
        With ``repeats`` (variant olc.multi-update-repeats=apply, OLC-33) a job listed twice is updated
        once per item, in list order, instead of rejecting the request.

        Every job is checked before anything changes, under the same lock as the change, so a concurrent
        writer can neither interleave nor observe a partly applied request.
        """
        with self._lock:
            jobs = [self.job(job_id) for job_id, _ in updates]  # unknown IDs first: 404 beats 400
            seen: set[int] = set()
            for index, (job_id, _) in enumerate(updates):
                if job_id in seen and not repeats:
                    raise DuplicateEntityError(job_id, index)
                seen.add(job_id)
            for job, (_, properties) in zip(jobs, updates, strict=True):
                job.properties = properties if replace else merge_properties(job.properties, properties)
            self.version += 1


def merge_properties(current: Properties, updates: Properties) -> Properties:
    """Overwrite same-named properties in place (every occurrence), append new names in request order."""
    new_values: dict[str, str] = {}
    for name, value in updates:
        new_values[name] = value  # the last value given for a name wins
    existing = {name for name, _ in current}
    merged = [(name, new_values.get(name, value)) for name, value in current]
    merged += [(name, value) for name, value in new_values.items() if name not in existing]
    return tuple(merged)


def _register(index: dict[int, Any], entity: Any, kind: str, where: list[str | int], source: str) -> None:
    if entity.id in index:
        raise ScenarioError(f"{source}: {json_pointer([*where, 'id'])}: duplicate {kind} id {entity.id}")
    index[entity.id] = entity


class _ScenarioLoader:
    """Builds the entity tree level by level, checking IDs and cross-references with JSON pointers."""

    def __init__(self, source: str, media_names: set[str]) -> None:
        self.source = source
        self.media_names = media_names
        self.jobs: dict[int, Job] = {}
        self.segments: dict[int, JobSegment] = {}
        self.document_sets: dict[int, DocumentSet] = {}
        self.documents: dict[int, Document] = {}
        self.records: dict[int, int] = {}  # content item -> data record

    def fail(self, where: list[str | int], problem: str) -> ScenarioError:
        return ScenarioError(f"{self.source}: {json_pointer(where)}: {problem}")

    def job_set(self, data: Mapping[str, Any], where: list[str | int]) -> JobSet:
        jobs = [self.job(job, [*where, "jobs", index]) for index, job in enumerate(data["jobs"])]
        return JobSet(
            data["id"], properties_from(data.get("metadata")), properties_from(data.get("properties")), jobs
        )

    def job(self, data: Mapping[str, Any], where: list[str | int]) -> Job:
        segments = [
            self.segment(item, [*where, "segments", index]) for index, item in enumerate(data["segments"])
        ]
        job = Job(
            data["id"],
            properties_from(data.get("metadata")),
            properties_from(data.get("properties")),
            segments,
        )
        _register(self.jobs, job, "job", where, self.source)
        return job

    def segment(self, data: Mapping[str, Any], where: list[str | int]) -> JobSegment:
        sets = [
            self.document_set(item, [*where, "document_sets", i])
            for i, item in enumerate(data["document_sets"])
        ]
        segment = JobSegment(data["id"], properties_from(data.get("metadata")), sets)
        _register(self.segments, segment, "job segment", where, self.source)
        return segment

    def document_set(self, data: Mapping[str, Any], where: list[str | int]) -> DocumentSet:
        documents = [
            self.document(item, [*where, "documents", i]) for i, item in enumerate(data["documents"])
        ]
        document_set = DocumentSet(data["id"], properties_from(data.get("metadata")), documents)
        _register(self.document_sets, document_set, "document set", where, self.source)
        return document_set

    def document(self, data: Mapping[str, Any], where: list[str | int]) -> Document:
        if not data["sheets"] <= data["pages"] <= 2 * data["sheets"]:
            raise self.fail([*where, "pages"], "pages must be between sheets and 2 x sheets")
        for name in data["media"]:
            if name not in self.media_names:
                raise self.fail([*where, "media", name], f"unknown media {name!r}")
        if sum(data["media"].values()) != data["pages"]:
            raise self.fail([*where, "media"], "media page counts must add up to pages")
        known_record = self.records.setdefault(data["content_item"], data["data_record"])
        if known_record != data["data_record"]:
            problem = f"content item {data['content_item']} is already paired with data record {known_record}"
            raise self.fail([*where, "data_record"], problem)
        document = Document(
            id=data["id"],
            content_item=data["content_item"],
            data_record=data["data_record"],
            metadata=properties_from(data.get("metadata")),
            sheets=data["sheets"],
            pages=data["pages"],
            media=tuple(data["media"].items()),
        )
        _register(self.documents, document, "document", where, self.source)
        return document


def _media(data: Mapping[str, Any]) -> Media:
    return Media(data["name"], data["type"], data["width"], data["height"], data.get("color"), data["weight"])


def _load_users(scenario: Mapping[str, Any], source: str) -> dict[str, User]:
    users: dict[str, User] = {}
    for index, entry in enumerate(scenario["users"]):
        if entry["username"] in users:
            where = json_pointer(["users", index, "username"])
            raise ScenarioError(f"{source}: {where}: duplicate username {entry['username']!r}")
        users[entry["username"]] = User(entry["username"], entry["password"], frozenset(entry["roles"]))
    return users
