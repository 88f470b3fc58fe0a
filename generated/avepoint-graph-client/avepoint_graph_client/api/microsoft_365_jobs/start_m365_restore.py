from typing import Any

from ..._runtime.error_text import ErrorPointers, PointerErrorText
from ..._runtime.operation import Operation
from ..._runtime.options import RequestOptions
from ..._runtime.security import OperationSecurity
from ...client import AuthenticatedClient
from ...models.error_response import ErrorResponse
from ...models.m365_envelope import M365Envelope
from ...models.m365_restore_envelope import M365RestoreEnvelope
from ...models.m365_restore_request import M365RestoreRequest
from ...types import UNSET, Response, Unset


def build_request(
    *,
    body: M365RestoreRequest,
    location: str | Unset = UNSET,
) -> dict[str, Any]:
    """The ``httpx`` request arguments (method, url, params, body, headers) for these arguments."""
    headers: dict[str, Any] = {}

    params: dict[str, Any] = {}

    params["location"] = location

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/backup/m365/restore/jobs",
        "params": params,
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


#: This operation's parser table and security, plus the request path every operation shares
#: (``_runtime/operation.py``).
OPERATION: Operation[M365RestoreEnvelope, Response[M365RestoreEnvelope]] = Operation(
    Response,
    success=((200, 200, "json", M365RestoreEnvelope.from_dict, ("application/json",)),),
    failure=(
        (400, 400, "json", M365Envelope.from_dict, ("application/json",)),
        (
            401,
            401,
            "json",
            ErrorResponse.from_dict,
            (
                "application/json",
                "*/*",
            ),
        ),
        (
            403,
            403,
            "json",
            ErrorResponse.from_dict,
            (
                "application/json",
                "*/*",
            ),
        ),
        (429, 429, "json", M365Envelope.from_dict, ("application/json",)),
        (
            500,
            500,
            "json",
            ErrorResponse.from_dict,
            (
                "application/json",
                "*/*",
            ),
        ),
    ),
    security=OperationSecurity(
        schemes=("oauth2",),
        issues=None,
        scopes=("microsoft365backup.restore.readwrite.all",),
    ),
    error_text=PointerErrorText(
        (
            ErrorPointers(
                message="/message",
            ),
            ErrorPointers(
                detail="/error_description",
                message="/error",
            ),
        )
    ),
)


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: M365RestoreRequest,
    location: str | Unset = UNSET,
    options: RequestOptions | None = None,
) -> Response[M365RestoreEnvelope]:
    """Like ``sync``, but returns the whole ``Response``: status, headers and raw response besides the body."""
    return OPERATION.sync_detailed(
        client,
        build_request(
            body=body,
            location=location,
        ),
        options,
    )


def sync(
    *,
    client: AuthenticatedClient,
    body: M365RestoreRequest,
    location: str | Unset = UNSET,
    options: RequestOptions | None = None,
) -> M365RestoreEnvelope:
    """Start a Cloud Backup for Microsoft 365 restore of files and folders

     Starts a restore of files and folders of one site (SharePoint Online, Microsoft 365 Groups, Teams)
    or one OneDrive from the newest backup before `recoveryDateTime`, and answers the new job's ID. The
    job then appears in the job list and job details. At most 20 file and folder paths may be named in
    one request, and a path and its parent may not both be named; an invalid body answers 400 with
    field-level `errors`. While three restore or export jobs run, a new one is refused with 429. A live
    contract run never calls this without an explicitly named target.

    Args:
        location (str | Unset): Multi-Geo tenants only: the geo location whose data to use (`NAM`,
            `EUR`, ... as the Microsoft 365 overview page lists them). The job list reads an omitted
            location as every location; job details and restore read it as the central location. The
            list of values may grow, so any string is taken.
        body (M365RestoreRequest): What to restore, from when, and where it lives.
        options (RequestOptions | None): per-call timeout, extra headers and retry settings.

    Raises:
        errors.ApiStatusError: for any status other than a documented success (subclass per status:
            BadRequestError, AuthenticationError, PermissionDeniedError, NotFoundError, RateLimitError,
            ServerError, UnexpectedStatusError).
        errors.ApiConnectionError: no response arrived (errors.ApiTimeoutError when a timeout ran out).
        errors.ResponseParseError: a success response does not fit the documented shape.

    Returns:
        M365RestoreEnvelope
    """

    return OPERATION.sync(
        client,
        build_request(
            body=body,
            location=location,
        ),
        options,
    )


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: M365RestoreRequest,
    location: str | Unset = UNSET,
    options: RequestOptions | None = None,
) -> Response[M365RestoreEnvelope]:
    """The async twin of ``sync_detailed`` (same arguments, errors and result)."""
    return await OPERATION.asyncio_detailed(
        client,
        build_request(
            body=body,
            location=location,
        ),
        options,
    )


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: M365RestoreRequest,
    location: str | Unset = UNSET,
    options: RequestOptions | None = None,
) -> M365RestoreEnvelope:
    """The async twin of ``sync`` (same arguments, errors and result)."""
    return await OPERATION.asyncio(
        client,
        build_request(
            body=body,
            location=location,
        ),
        options,
    )
