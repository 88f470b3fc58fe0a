"""The generated client's workflow helpers through the mock: job creation with progress, the job set in the
entity services and statistics, output streamed to a PDF file, All-In-One, and a cancel in the middle of a
second run (issue 23)."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import yaml
from olconnect_client import (
    OperationNotFoundError,
    OperationTimeoutError,
    Progress,
    connect,
    create_job_set,
    create_output,
    run_all_in_one,
)
from olconnect_client.api.job_creation import (
    cancel_job_creation,
    get_job_creation_operations,
    get_job_creation_progress,
)
from olconnect_client.api.job_set_entity import get_job_ids, get_job_set_ids
from olconnect_client.api.statistics import get_job_set_statistics
from olconnect_client.client import AuthenticatedClient
from olconnect_client.errors import NotFoundError
from olconnect_client.models.all_in_one_request import AllInOneRequest

from mock_servers.testing import running_mock

SCENARIO = Path(__file__).resolve().parents[2] / "mock_servers" / "scenarios" / "olconnect.yaml"


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[AuthenticatedClient]:
    data = yaml.safe_load(SCENARIO.read_text(encoding="utf-8"))
    data["settings"]["operation_seconds"] = 0.5
    scenario = tmp_path_factory.mktemp("workflow") / "scenario.yaml"
    scenario.write_text(yaml.safe_dump(data), encoding="utf-8")
    with (
        running_mock("olconnect", scenario) as mock,
        connect(mock.base_url, "admin", "admin-password") as olc,
    ):
        yield olc


def test_job_creation_then_output_end_to_end(client: AuthenticatedClient, tmp_path: Path) -> None:
    readings: list[Progress] = []
    job_set_id = create_job_set(
        client, "invoice-preset", [8001, 8002], parameters={"InvoiceOverdue": True},
        on_progress=readings.append, poll_interval=0.05,
    )  # fmt: skip
    assert readings[-1].done
    assert any(not reading.done for reading in readings), "progress is reported while the job runs"
    assert [r.percent for r in readings] == sorted(r.percent for r in readings)
    assert job_set_id in get_job_set_ids.sync(client=client).identifiers
    jobs = get_job_ids.sync(job_set_id, client=client).identifiers
    statistics = get_job_set_statistics.sync(job_set_id, client=client)
    documents = statistics.documents if isinstance(statistics.documents, list) else []
    assert len(documents) == 5  # 3 + 2 content items
    assert len(jobs) == 2  # one job per content set
    pdf = create_output(
        client, "print-preset", tmp_path / "out.pdf", job_set_id=job_set_id, poll_interval=0.05
    )
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF-1.4")
    assert data.count(b"/Type /Page ") == len(documents)
    one_job = create_output(
        client, "print-preset", tmp_path / "job.pdf", job_ids=[jobs[1]], poll_interval=0.05
    )
    assert one_job.read_bytes().count(b"/Type /Page ") == 2


def test_all_in_one_streams_its_output(client: AuthenticatedClient, tmp_path: Path) -> None:
    request = AllInOneRequest.from_dict(
        {
            "datamining": {
                "config": "invoices.OL-datamapper",
                "identifier": "invoices.csv",
                "persistDataset": True,
            },
            "contentcreation": {"config": "invoice.OL-template"},
            "jobcreation": {"config": "invoice-preset"},
            "outputcreation": {"config": "print-preset", "createOnly": True},
        }
    )
    path = run_all_in_one(client, request, tmp_path / "aio.pdf", poll_interval=0.05)
    assert path.read_bytes().count(b"/Type /Page ") == 3


def test_cancel_in_the_middle_of_a_second_run(client: AuthenticatedClient) -> None:
    before = set(get_job_set_ids.sync(client=client).identifiers)
    create_job_set(client, "invoice-preset", [8002], poll_interval=0.05)
    after_first = set(get_job_set_ids.sync(client=client).identifiers)
    assert len(after_first - before) == 1
    with pytest.raises(OperationTimeoutError) as caught:
        create_job_set(client, "invoice-preset", [8001], timeout=0.1, poll_interval=0.05)
    assert caught.value.cancelled
    operation_id = caught.value.operation_id
    assert operation_id is not None
    with pytest.raises(NotFoundError):
        get_job_creation_progress.sync(operation_id, client=client)
    listed = [entry.id for entry in get_job_creation_operations.sync(client=client)]
    assert operation_id not in listed
    threading.Event().wait(0.6)  # longer than the operation would have run
    assert set(get_job_set_ids.sync(client=client).identifiers) == after_first


def test_unknown_preset_and_unknown_operation(client: AuthenticatedClient) -> None:
    with pytest.raises(NotFoundError):
        create_job_set(client, "no-such-preset", [8001])
    with pytest.raises(OperationNotFoundError):
        create_job_set(client, "invoice-preset", [8001], timeout=5, on_progress=_forget(client))


def _forget(client: AuthenticatedClient) -> Callable[[Progress], None]:
    """A callback that cancels the operation behind the runner's back after its first reading: the next poll
    answers 404, which the runner reads as "finished and dropped", and the result's 404 then says unknown."""

    def on_progress(reading: Progress) -> None:
        if not reading.done:
            cancel_job_creation.sync(reading.operation_id, client=client)

    return on_progress
