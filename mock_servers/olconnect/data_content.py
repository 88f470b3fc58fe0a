"""Data sets and their data records in the OL Connect mock (Data Set Entity service, OLC-70/OLC-71).

Kept apart from the job set tree in :mod:`mock_servers.olconnect.domain` because data comes first in the
production line: data mapping makes a data set, content creation reads its records. The store is plain so that
the production line (``production.py``) can join it with one call, :meth:`DataContentStore.create_data_set`,
and every entity read sees what it made. A data set owns its records: deleting it removes them (OLC-71).
"""

from __future__ import annotations

import itertools
import threading
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from mock_servers.core.http import json_response, text_response
from mock_servers.core.routing import Handler
from mock_servers.core.scenario import ScenarioError, json_pointer
from mock_servers.olconnect.domain import (
    READ,
    WRITE,
    Properties,
    UnknownEntityError,
    properties_from,
    properties_to_json,
)

if TYPE_CHECKING:
    from starlette.requests import Request
    from starlette.responses import Response

    from mock_servers.core.parameters import Arguments
    from mock_servers.olconnect.app import OLConnectMock

DATA_SET_DELETE_DELAY = 1.0  # seconds a deleted data set stays visible under olc.data-set-delete=deferred
FIRST_NEW_ID = 900_000  # IDs the store hands out for entities made at run time start here


@dataclass
class DataRecord:
    """One record a data mapping extracted: its field values, in the order of the data model."""

    id: int
    data_set: int
    fields: Properties


@dataclass
class DataSet:
    id: int
    properties: Properties
    records: list[DataRecord]


class DataContentStore:
    """Every data set and data record of one mock server, indexed by ID, with atomic writes."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.data_sets: dict[int, DataSet] = {}
        self.records: dict[int, DataRecord] = {}
        self._ids = itertools.count(FIRST_NEW_ID)
        self._doomed: dict[int, float] = {}  # data set ID -> monotonic time its deferred deletion is due

    @classmethod
    def from_scenario(cls, scenario: Mapping[str, Any], source: str) -> DataContentStore:
        """The scenario's ``data_sets`` (optional): ``{id, properties, records: [{id, fields}]}`` each."""
        store = cls()
        for index, data in enumerate(scenario.get("data_sets", ())):
            where: list[str | int] = ["data_sets", index]
            if data["id"] in store.data_sets:
                problem = f"duplicate data set id {data['id']}"
                raise ScenarioError(f"{source}: {json_pointer([*where, 'id'])}: {problem}")
            records = []
            for position, entry in enumerate(data.get("records", ())):
                if entry["id"] in store.records:
                    pointer = json_pointer([*where, "records", position, "id"])
                    raise ScenarioError(f"{source}: {pointer}: duplicate data record id {entry['id']}")
                record = DataRecord(entry["id"], data["id"], tuple(entry["fields"].items()))
                store.records[record.id] = record
                records.append(record)
            properties = properties_from(data.get("properties"))
            store.data_sets[data["id"]] = DataSet(data["id"], properties, records)
        return store

    # -- reads (no lock: whole lists and tuples are only ever replaced)

    def data_set(self, data_set_id: int) -> DataSet:
        data_set = self.data_sets.get(data_set_id)
        if data_set is None:
            raise UnknownEntityError("Data Set", data_set_id)
        return data_set

    # -- writes

    def create_data_set(self, records: Sequence[Mapping[str, str]], properties: Properties = ()) -> DataSet:
        """A new data set holding one record per mapping of field name to value (what data mapping makes)."""
        with self._lock:
            data_set_id = self._new_id()
            made = [DataRecord(self._new_id(), data_set_id, tuple(fields.items())) for fields in records]
            data_set = DataSet(data_set_id, properties, made)
            self.records.update((record.id, record) for record in made)
            self.data_sets[data_set_id] = data_set
            return data_set

    def replace_data_set_properties(self, data_set_id: int, properties: Properties) -> None:
        with self._lock:
            self.data_set(data_set_id).properties = properties

    def delete_data_set(self, data_set_id: int, delay: float = 0.0) -> None:
        """Remove the data set and its records (OLC-71), now or ``delay`` seconds from now."""
        with self._lock:
            self.data_set(data_set_id)
            if delay > 0:
                self._doomed.setdefault(data_set_id, time.monotonic() + delay)
                return
            self._remove(data_set_id)

    def sweep(self) -> None:
        """Carry out the deferred deletions that are due (cheap when none is pending)."""
        if not self._doomed:
            return
        now = time.monotonic()
        with self._lock:
            for data_set_id, due in list(self._doomed.items()):
                if due <= now:
                    self._remove(data_set_id)

    def _remove(self, data_set_id: int) -> None:
        self._doomed.pop(data_set_id, None)
        data_set = self.data_sets.pop(data_set_id, None)
        for record in data_set.records if data_set else ():
            self.records.pop(record.id, None)

    def _new_id(self) -> int:
        """An ID no data set or record uses yet (called with the lock held)."""
        while (candidate := next(self._ids)) in self.data_sets or candidate in self.records:
            pass
        return candidate


class DataSetService:
    """Handlers of the Data Set Entity service. They reuse the mock's own checks (credentials, path IDs,
    unknown-ID and update-answer variants) so a data set answers exactly as a job set would (OLC-70)."""

    def __init__(self, mock: OLConnectMock) -> None:
        self.mock = mock

    @property
    def store(self) -> DataContentStore:
        return self.mock.data

    def _data_set(self, args: Arguments) -> DataSet | None:
        data_set_id = self.mock._path_id(args, "dataSetId")
        return self.mock._missing(lambda: self.store.data_set(data_set_id))

    async def data_set_ids(self, request: Request, args: Arguments) -> Response:
        self.mock.authenticate(request, READ)
        return json_response({"identifiers": list(self.store.data_sets)})

    async def data_record_ids(self, request: Request, args: Arguments) -> Response:
        self.mock.authenticate(request, READ)
        data_set = self._data_set(args)
        return json_response({"identifiers": [record.id for record in data_set.records] if data_set else []})

    async def delete_data_set(self, request: Request, args: Arguments) -> Response:
        self.mock.authenticate(request, WRITE)
        data_set = self._data_set(args)
        if data_set is None:
            return text_response("false")
        delay = DATA_SET_DELETE_DELAY if self.mock.variants.is_("olc.data-set-delete", "deferred") else 0.0
        self.mock._lookup(lambda: self.store.delete_data_set(data_set.id, delay))
        return self.mock._updated()

    async def data_set_properties(self, request: Request, args: Arguments) -> Response:
        self.mock.authenticate(request, READ)
        data_set = self._data_set(args)
        return json_response(properties_to_json(data_set.properties) if data_set else [])

    async def update_data_set_properties(self, request: Request, args: Arguments) -> Response:
        self.mock.authenticate(request, WRITE)
        data_set = self._data_set(args)
        properties = await self.mock._single_body(request, args, "updateDataSetProperties", "Data Set")
        if data_set is None:
            return text_response("false")
        self.mock._lookup(lambda: self.store.replace_data_set_properties(data_set.id, properties))
        return self.mock._updated()

    def handlers(self) -> dict[str, Handler]:
        return {
            "getDataSetIds": self.data_set_ids,
            "getDataRecordIds": self.data_record_ids,
            "deleteDataSet": self.delete_data_set,
            "getDataSetProperties": self.data_set_properties,
            "updateDataSetProperties": self.update_data_set_properties,
        }
