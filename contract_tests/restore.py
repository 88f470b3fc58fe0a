"""Put live OL Connect data back exactly as it was, whatever happens to the run.

Against a live server the suite writes only with CONTRACT_ALLOW_WRITES=1 and only to the configured job
and job segment. Before the first write it reads every metadata/property set it may change; afterwards it
writes them back and reads them again to prove the restore worked. The restore runs from ``finally``, from
an ``atexit`` hook and on SIGTERM (turned into KeyboardInterrupt so ``finally`` blocks run), so a failing or
interrupted run does not leave a customer's job modified.
"""

from __future__ import annotations

import atexit
import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from types import FrameType
from typing import Any

import httpx

import spec_model
from contract_tests import api_paths, writes

# Every set the suite may change: the single PUTs of the spec's x-write markers, each with its GET.
RESTORABLE_SETS = writes.restorable_sets(spec_model.spec("olconnect"))


class RestoreError(Exception):
    """A snapshot could not be taken or written back; the message names the set and what differs."""


@dataclass
class Snapshot:
    """The original content of one name/value set."""

    read_operation: str
    write_operation: str
    param: str
    entity_id: int
    body: Any


@dataclass
class SnapshotGuard:
    """Snapshots taken before writing and the means to restore them (idempotent, thread-safe)."""

    client: httpx.Client
    snapshots: list[Snapshot] = field(default_factory=list)
    restored: bool = False
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def take(self, ids: dict[str, int | None]) -> None:
        for kind in RESTORABLE_SETS:
            entity_id = ids.get(kind.id_parameter)
            if entity_id is None:
                continue
            where = f"{kind.read_operation}({kind.id_parameter}={entity_id})"
            url = api_paths.path_of("olconnect", kind.read_operation, **{kind.id_parameter: entity_id})
            response = self.client.get(url)
            if response.status_code != 200:
                raise RestoreError(f"cannot snapshot {where}: HTTP {response.status_code}")
            self.snapshots.append(
                Snapshot(
                    kind.read_operation, kind.write_operation, kind.id_parameter, entity_id, response.json()
                )
            )

    def restore(self) -> None:
        """Write every snapshot back and read it again; raise RestoreError listing any set that differs."""
        with self._lock:
            if self.restored:
                return
            problems: list[str] = []
            for snap in self.snapshots:
                path_args = {snap.param: snap.entity_id}
                write_url = api_paths.path_of("olconnect", snap.write_operation, **path_args)
                read_url = api_paths.path_of("olconnect", snap.read_operation, **path_args)
                try:
                    put = self.client.put(write_url, json={"id": snap.entity_id, "properties": snap.body})
                    back = self.client.get(read_url)
                except httpx.HTTPError as exc:
                    problems.append(f"{snap.write_operation}({snap.entity_id}): {type(exc).__name__}")
                    continue
                same = back.status_code == 200 and back.json() == snap.body
                if put.status_code != 200 or not same:
                    problems.append(
                        f"{snap.write_operation}({snap.entity_id}): PUT {put.status_code}, read back"
                        f" {back.status_code}, {'equal' if same else 'different'}"
                    )
            self.restored = True
            if problems:
                raise RestoreError("restoring live data failed: " + "; ".join(problems))


def _sigterm_to_exit(signum: int, frame: FrameType | None) -> None:
    """Treat SIGTERM like Ctrl+C: pytest and the engine stop cleanly and every ``finally`` runs."""
    raise KeyboardInterrupt(f"signal {signum}")


@contextmanager
def restoring(client: httpx.Client, ids: dict[str, int | None]) -> Iterator[SnapshotGuard]:
    """Snapshot the sets of ``ids`` and restore them on exit, on SIGTERM and at interpreter exit."""
    guard = SnapshotGuard(client=client)
    guard.take(ids)
    atexit.register(guard.restore)
    previous: Callable[[int, FrameType | None], Any] | int | None = None
    in_main_thread = threading.current_thread() is threading.main_thread()
    if in_main_thread:
        previous = signal.signal(signal.SIGTERM, _sigterm_to_exit)
    try:
        yield guard
    finally:
        try:
            guard.restore()
        finally:
            atexit.unregister(guard.restore)
            if in_main_thread and previous is not None:
                signal.signal(signal.SIGTERM, previous)
