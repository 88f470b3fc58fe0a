"""The OL Connect mock's production line: Job Creation, Output Creation and All-In-One (OLC-50..58).

Each submit starts an :class:`RunningOperation` whose progress rises with wall-clock time; nothing runs in the
background. Whoever asks about an operation (progress, result, the operations list) moves it on, and an
operation that has reached its end then lands its effect in the shared :class:`OLConnectStore`: a job creation
adds a job set with jobs, segments, document sets and documents that the entity services and statistics read
like any scenario entity. Output is a small, valid PDF built from the job set's documents, one page each.

Content sets, presets and data files come from the scenario (``content_sets``, ``presets``, ``data_files``) so
that the content services added later can feed the same tables.
"""

from __future__ import annotations

import itertools
import threading
import time
import uuid
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from mock_servers.core.http import ApiError
from mock_servers.core.variants import VariantState
from mock_servers.olconnect.domain import (
    Document,
    DocumentSet,
    Job,
    JobSegment,
    JobSet,
    OLConnectStore,
)

JOB_CREATION = "jobcreation"
OUTPUT_CREATION = "outputcreation"
ALL_IN_ONE = "print"
# The service names the JSON Operations List puts in `type` (research B.2).
SERVICE_TYPES = {
    JOB_CREATION: "JobCreationRestService",
    OUTPUT_CREATION: "OutputCreationRestService",
    ALL_IN_ONE: "PrintRestService",
}
DEFAULT_OPERATION_SECONDS = 2.0
PDF_PAGE_CAP = 2000  # pages in one output; the rest of a huge job set is left out of the mock's PDF


@dataclass(frozen=True)
class ContentItem:
    id: int
    data_record: int


@dataclass
class RunningOperation:
    """One asynchronous operation; ``outcome`` is set once it has run to its end (a job set ID)."""

    id: str
    service: str
    sub_task: str
    started: float  # time.monotonic()
    started_epoch_ms: int
    seconds: float
    build: Any  # () -> int: lands the operation's effect and gives the job set it produced
    pdf: bool  # the result is the output of the job set (Output Creation, All-In-One)
    job_ids: tuple[int, ...] | None = None  # Output Creation by jobs: only these jobs' documents
    outcome: int | None = None
    collected: bool = False
    template: str | None = None

    def fraction(self, now: float) -> float:
        return 1.0 if self.seconds <= 0 else min(1.0, (now - self.started) / self.seconds)


@dataclass
class ProductionLine:
    """Operations of the three workflow services over one store."""

    store: OLConnectStore
    variants: VariantState
    content_sets: dict[int, tuple[ContentItem, ...]]
    presets: frozenset[str]
    data_files: dict[str, int]
    seconds: float = DEFAULT_OPERATION_SECONDS
    operations: dict[str, RunningOperation] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _ids: Iterator[int] = field(default_factory=lambda: itertools.count(1))

    @classmethod
    def from_scenario(
        cls, scenario: Mapping[str, Any], store: OLConnectStore, variants: VariantState
    ) -> ProductionLine:
        settings = scenario.get("settings", {})
        content_sets = {
            int(entry["id"]): tuple(
                ContentItem(int(item["id"]), int(item["data_record"])) for item in entry["items"]
            )
            for entry in scenario.get("content_sets", ())
        }
        line = cls(
            store=store,
            variants=variants,
            content_sets=content_sets,
            presets=frozenset(str(name) for name in scenario.get("presets", ())),
            data_files={str(item["name"]): int(item["records"]) for item in scenario.get("data_files", ())},
            seconds=float(settings.get("operation_seconds", DEFAULT_OPERATION_SECONDS)),
        )
        line._ids = itertools.count(line._first_free_id())
        return line

    def describe(self) -> dict[str, Any]:
        """What a client needs to run the line (the startup info's ``workflow``): presets and content sets."""
        presets = sorted(self.presets)
        return {
            "job_preset": next((name for name in presets if "preset" in name and "print" not in name), None),
            "output_preset": next((name for name in presets if name.startswith("print")), None),
            "content_sets": sorted(self.content_sets),
        }

    def _first_free_id(self) -> int:
        store = self.store
        used = itertools.chain(
            store.job_sets, store.jobs, store.segments, store.document_sets, store.documents,
            self.content_sets,
            (item.id for items in self.content_sets.values() for item in items),
            (item.data_record for items in self.content_sets.values() for item in items),
        )  # fmt: skip
        return max(used, default=0) + 1

    def _next_id(self) -> int:
        return next(self._ids)

    # -- submits

    def submit_job_creation(self, config: str, content_set_ids: Sequence[int]) -> RunningOperation:
        self._require_preset(config, "Job Creation Preset")
        for content_set_id in content_set_ids:
            if content_set_id not in self.content_sets:
                message = f"Content Set entity {content_set_id} not found in Server"
                raise self._missing_input(message, content_set_id)
        groups = [self.content_sets[content_set_id] for content_set_id in content_set_ids]
        return self._start(JOB_CREATION, "Creating jobs", lambda: self._land_job_set(groups), pdf=False)

    def submit_output_creation(self, config: str, job_set_id: int) -> RunningOperation:
        self._require_preset(config, "Output Creation Preset")
        if job_set_id not in self.store.job_sets:
            raise self._missing_input(f"Job Set entity {job_set_id} not found in Server", job_set_id)
        return self._start(OUTPUT_CREATION, "Creating output", lambda: job_set_id, pdf=True)

    def submit_output_by_jobs(self, config: str, job_ids: Sequence[int]) -> RunningOperation:
        self._require_preset(config, "Output Creation Preset")
        for job_id in job_ids:
            if job_id not in self.store.jobs:
                raise self._missing_input(f"Job entity {job_id} not found in Server", job_id)
        owners = (set_.id for set_ in self.store.job_sets.values() for job in set_.jobs if job.id in job_ids)
        owner = next(owners, 0)
        operation = self._start(OUTPUT_CREATION, "Creating output", lambda: owner, pdf=True)
        operation.job_ids = tuple(job_ids)
        return operation

    def submit_all_in_one(self, body: Mapping[str, Any]) -> RunningOperation:
        mapping, content = body["datamining"], body["contentcreation"]
        for section in ("datamining", "contentcreation", "outputcreation"):
            self._require_file(str(body[section]["config"]), f"{section} configuration")
        job_config = body["jobcreation"].get("config")
        if job_config is not None:
            self._require_file(str(job_config), "jobcreation configuration")
        records = self.data_files.get(str(mapping["identifier"]))
        if records is None:
            message = f"Data file {mapping['identifier']!r} not found in File Store"
            raise ApiError(400, message, "/datamining/identifier")

        def build() -> int:
            items = tuple(ContentItem(self._next_id(), self._next_id()) for _ in range(records))
            return self._land_job_set([items])

        operation = self._start(ALL_IN_ONE, "Content Creation", build, pdf=True)
        operation.template = str(content["config"])
        return operation

    # -- following an operation

    def progress(self, service: str, operation_id: str) -> str:
        operation = self._find(service, operation_id)
        if operation.outcome is not None:
            if operation.collected and self.variants.is_("olc.finished-operation", "gone"):
                raise self._unknown(operation_id)
            return "done"
        return str(min(99, int(operation.fraction(time.monotonic()) * 100)))

    def job_set_result(self, service: str, operation_id: str) -> int:
        operation = self._finished(service, operation_id)
        operation.collected = True
        return operation.outcome or 0

    def output_result(self, service: str, operation_id: str) -> bytes:
        operation = self._finished(service, operation_id)
        operation.collected = True
        return self.output_pdf(operation.outcome or 0, operation.job_ids)

    def cancel(self, service: str, operation_id: str) -> None:
        """A running operation stops and is forgotten (it lands nothing); a finished one keeps its result."""
        operation = self._find(service, operation_id)
        if operation.outcome is None:
            with self._lock:
                self.operations.pop(operation.id, None)

    def listing(self, service: str) -> list[dict[str, Any]]:
        """The service's operations that run or whose result was not fetched yet (OLC-54)."""
        self.advance()
        now = time.monotonic()
        entries = []
        for operation in list(self.operations.values()):
            if operation.service != service or operation.collected:
                continue
            entry: dict[str, Any] = {
                "id": operation.id,
                "type": SERVICE_TYPES[service],
                "subTask": operation.sub_task if operation.outcome is None else "Done",
                "startTime": operation.started_epoch_ms,
                "progress": 100 if operation.outcome is not None else int(operation.fraction(now) * 100),
            }
            if operation.template is not None:
                entry["template"] = operation.template
            entries.append(entry)
        return entries

    def advance(self) -> None:
        """Land every operation whose time is up (cheap when none is)."""
        now = time.monotonic()
        for operation in list(self.operations.values()):
            if operation.outcome is None and operation.fraction(now) >= 1.0:
                self._land(operation)

    # -- output

    def output_pdf(self, job_set_id: int, job_ids: Sequence[int] | None = None) -> bytes:
        job_set = self.store.job_sets.get(job_set_id)
        jobs = [] if job_set is None else [j for j in job_set.jobs if job_ids is None or j.id in job_ids]
        labels = [f"Job set {job_set_id} document {doc.id}" for job in jobs for doc in job.documents()]
        return minimal_pdf(labels[:PDF_PAGE_CAP] or [f"Job set {job_set_id}: no documents"])

    # -- helpers

    def _start(self, service: str, sub_task: str, build: Any, *, pdf: bool) -> RunningOperation:
        operation = RunningOperation(
            id=str(uuid.uuid4()),
            service=service,
            sub_task=sub_task,
            started=time.monotonic(),
            started_epoch_ms=int(time.time() * 1000),
            seconds=self.seconds,
            build=build,
            pdf=pdf,
        )
        with self._lock:
            self.operations[operation.id] = operation
        return operation

    def _land(self, operation: RunningOperation) -> None:
        with self._lock:
            if operation.outcome is not None or operation.id not in self.operations:
                return
            operation.outcome = int(operation.build())

    def _find(self, service: str, operation_id: str) -> RunningOperation:
        self.advance()
        operation = self.operations.get(operation_id)
        if operation is None or operation.service != service:
            raise self._unknown(operation_id)
        return operation

    def _finished(self, service: str, operation_id: str) -> RunningOperation:
        operation = self._find(service, operation_id)
        if operation.outcome is None:
            raise ApiError(404, f"Operation {operation_id} has not finished yet", operation_id)
        return operation

    def _unknown(self, operation_id: str) -> ApiError:
        return ApiError(404, "Operation not found in Server", operation_id)

    def _require_preset(self, config: str, kind: str) -> None:
        if config not in self.presets:
            raise ApiError(404, f"{kind} {config!r} not found in File Store", config)

    def _require_file(self, config: str, kind: str) -> None:
        if config not in self.presets:
            raise ApiError(400, f"Required input {config!r} ({kind}) not found in File Store", config)

    def _missing_input(self, message: str, entity_id: int) -> ApiError:
        status = 400 if self.variants.is_("olc.missing-input", "400") else 404
        return ApiError(status, message, str(entity_id))

    def _land_job_set(self, groups: Sequence[Sequence[ContentItem]]) -> int:
        """Add a job set: one job per content set, one segment and document set per job, one document per item
        (called with the line's lock held; the store's own lock guards its indexes)."""
        media = self.store.media[0].name if self.store.media else "Letter"
        jobs = []
        for items in groups:
            documents = [
                Document(self._next_id(), item.id, item.data_record, (), 1, 1, ((media, 1),))
                for item in items
            ]
            document_set = DocumentSet(self._next_id(), (), documents)
            segment = JobSegment(self._next_id(), (), [document_set])
            jobs.append(Job(self._next_id(), (), (), [segment]))
        job_set = JobSet(self._next_id(), (("source", "job creation"),), (), jobs)
        self.store.add_job_set(job_set)
        return job_set.id


def minimal_pdf(page_texts: Sequence[str]) -> bytes:
    """A valid PDF 1.4 file, one page per text (Helvetica, A4), its cross-reference offsets exact."""
    count = len(page_texts)
    font = 3 + 2 * count  # 1 catalog, 2 pages, a page and its content stream per text, then the font
    kids = " ".join(f"{3 + 2 * i} 0 R" for i in range(count))
    pages = f"<< /Type /Pages /Kids [{kids}] /Count {count} >>".encode()
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", pages]
    for index, text in enumerate(page_texts):
        safe = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        stream = f"BT /F1 18 Tf 72 770 Td ({safe}) Tj ET".encode("latin-1", "replace")
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents {4 + 2 * index} 0 R "
            f"/Resources << /Font << /F1 {font} 0 R >> >> >>".encode()
        )
        objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream))
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)
