"""HTTP handlers of the OL Connect mock's workflow services (Job Creation, Output Creation, All-In-One).

The production line itself lives in :mod:`mock_servers.olconnect.production`; this module reads requests,
checks credentials through the mock's one authentication path and writes the documented answers: 202 with the
``operationId`` and ``Link`` headers (OLC-50), progress as text (OLC-51), 404 for unknown operations with the
body ``olc.operation-error-body`` asks for (OLC-53), 500 for a malformed Output Creation body (OLC-57).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from starlette.requests import Request
from starlette.responses import Response

from mock_servers.core.http import ApiError, json_response, read_json_body, text_response
from mock_servers.core.parameters import Arguments
from mock_servers.core.routing import Handler
from mock_servers.olconnect.domain import READ, WRITE
from mock_servers.olconnect.production import ALL_IN_ONE, JOB_CREATION, OUTPUT_CREATION, RunningOperation

if TYPE_CHECKING:
    from mock_servers.olconnect.app import OLConnectMock

PDF_MEDIA_TYPE = "application/octet-stream"


class WorkflowHandlers:
    """One handler per workflow operationId, over the mock's production line."""

    def __init__(self, mock: OLConnectMock) -> None:
        self.mock = mock

    def table(self) -> dict[str, Handler]:
        return {
            "submitJobCreation": self.submit_job_creation,
            "getJobCreationOperations": self.operations(JOB_CREATION),
            "getJobCreationProgress": self.following(self.progress(JOB_CREATION)),
            "getJobCreationResult": self.following(self.job_set_result(JOB_CREATION)),
            "cancelJobCreation": self.following(self.cancel(JOB_CREATION)),
            "submitOutputCreation": self.submit_output_creation,
            "submitOutputCreationByJobs": self.submit_output_by_jobs,
            "getOutputCreationOperations": self.operations(OUTPUT_CREATION),
            "getOutputCreationProgress": self.following(self.progress(OUTPUT_CREATION)),
            "getOutputCreationResult": self.following(self.output_result(OUTPUT_CREATION)),
            "cancelOutputCreation": self.following(self.cancel(OUTPUT_CREATION)),
            "submitAllInOne": self.submit_all_in_one,
            "getAllInOneOperations": self.operations(ALL_IN_ONE),
            "getAllInOneProgress": self.following(self.progress(ALL_IN_ONE)),
            "getAllInOneResult": self.following(self.output_result(ALL_IN_ONE)),
            "cancelAllInOne": self.following(self.cancel(ALL_IN_ONE)),
        }

    # -- submits

    async def submit_job_creation(self, request: Request, args: Arguments) -> Response:
        self.mock.authenticate(request, WRITE)
        body = await read_json_body(request, self.mock.body_checks["submitJobCreation"])
        identifiers = [int(value) for value in body["identifiers"]]
        operation = self.mock.production.submit_job_creation(str(args.value("configId")), identifiers)
        return self._accepted(request, operation)

    async def submit_output_creation(self, request: Request, args: Arguments) -> Response:
        self.mock.authenticate(request, WRITE)
        body = await self._output_body(request, "submitOutputCreation")
        operation = self.mock.production.submit_output_creation(
            str(args.value("configId")), int(body["identifier"])
        )
        return self._accepted(request, operation)

    async def submit_output_by_jobs(self, request: Request, args: Arguments) -> Response:
        self.mock.authenticate(request, WRITE)
        body = await self._output_body(request, "submitOutputCreationByJobs")
        job_ids = [int(value) for value in body["identifiers"]]
        operation = self.mock.production.submit_output_by_jobs(str(args.value("configId")), job_ids)
        return self._accepted(request, operation)

    async def submit_all_in_one(self, request: Request, args: Arguments) -> Response:
        self.mock.authenticate(request, WRITE)
        body = await read_json_body(request, self.mock.body_checks["submitAllInOne"])
        return self._accepted(request, self.mock.production.submit_all_in_one(body))

    # -- following an operation

    def operations(self, service: str) -> Handler:
        async def handle(request: Request, args: Arguments) -> Response:
            self.mock.authenticate(request, READ)
            return json_response(self.mock.production.listing(service))

        return handle

    def progress(self, service: str) -> Handler:
        async def handle(request: Request, args: Arguments) -> Response:
            self.mock.authenticate(request, READ)
            return text_response(self.mock.production.progress(service, str(args.value("operationId"))))

        return handle

    def job_set_result(self, service: str) -> Handler:
        async def handle(request: Request, args: Arguments) -> Response:
            self.mock.authenticate(request, READ)
            job_set_id = self.mock.production.job_set_result(service, str(args.value("operationId")))
            return text_response(str(job_set_id))

        return handle

    def output_result(self, service: str) -> Handler:
        async def handle(request: Request, args: Arguments) -> Response:
            self.mock.authenticate(request, READ)
            pdf = self.mock.production.output_result(service, str(args.value("operationId")))
            return Response(pdf, media_type=PDF_MEDIA_TYPE)

        return handle

    def cancel(self, service: str) -> Handler:
        async def handle(request: Request, args: Arguments) -> Response:
            self.mock.authenticate(request, WRITE)
            self.mock.production.cancel(service, str(args.value("operationId")))
            return Response(status_code=204)

        return handle

    def following(self, handler: Handler) -> Handler:
        """``handler`` with its 404 body as ``olc.operation-error-body`` says (OLC-53)."""

        async def handle(request: Request, args: Arguments) -> Response:
            try:
                return await handler(request, args)
            except ApiError as error:
                body = self.mock.variants.value("olc.operation-error-body")
                if error.status != 404 or body == "json":
                    raise
                if body == "none":
                    return Response(status_code=404, headers=error.headers)
                return text_response(error.message, 404, headers=error.headers)

        return handle

    # -- helpers

    async def _output_body(self, request: Request, operation_id: str) -> Any:
        """The Output Creation page answers a body without the documented structure with 500 (OLC-57)."""
        try:
            return await read_json_body(request, self.mock.body_checks[operation_id])
        except ApiError as error:
            if error.status != 400:
                raise
            message = f"JSON Identifier invalid or missing required structure: {error.message}"
            raise ApiError(500, message) from None

    def _accepted(self, request: Request, operation: RunningOperation) -> Response:
        base = f"{self.mock.rest_root}/workflow/{operation.service}"
        if self.mock.variants.is_("olc.operation-links", "absolute"):
            base = str(request.base_url).rstrip("/") + base
        relations = (("getProgress", "progress"), ("getResult", "result"), ("cancel", "cancel"))
        links = ", ".join(f'<{base}/{action}/{operation.id}>; rel="{rel}"' for action, rel in relations)
        return Response(status_code=202, headers={"operationId": operation.id, "Link": links})
