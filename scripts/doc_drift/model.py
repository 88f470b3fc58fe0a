"""What the page parsers extract from a vendor page, and what the comparison reports."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


@dataclass
class DocParameter:
    """One parameter as a vendor page documents it. None means "the page does not say"."""

    name: str
    location: str  # path | query | header
    doc_type: str | None = None
    default: str | None = None
    enum: list[str] | None = None
    required: bool | None = None
    enum_labels: dict[str, str] = field(default_factory=dict)  # value -> the page's short label, if any
    requirement: str | None = None  # the page's word, normalised: yes | no | conditional (AvePoint pages)


@dataclass
class DocResponse:
    """All rows a page gives for one status code, merged.

    `content_types` holds the media types the rows name; `no_body` is True only when every row says there is
    neither content nor a content type.
    """

    status: str
    content_types: set[str] = field(default_factory=set)
    headers: set[str] = field(default_factory=set)
    no_body: bool = False
    content_text: str = ""  # the page's words for the body ("JSON Error"), for component reuse


@dataclass
class DocField:
    """One field of a documented JSON body. `doc_type` is the page's word (number, string | null, ...)."""

    doc_type: str | None
    enum: list[str] | None = None
    source: str = "table"
    enum_labels: dict[str, str] = field(default_factory=dict)
    required: str | None = None  # yes | no | conditional, where a body table has a Required column
    default: str | None = None


@dataclass
class DocOperation:
    """One operation of a page, keyed by the method and path the page prints."""

    page: str
    title: str
    method: str
    path: str
    parameters: list[DocParameter] = field(default_factory=list)
    responses: dict[str, DocResponse] = field(default_factory=dict)
    request_content_type: str | None = None  # "" when the page says the request has no content
    request_fields: dict[str, DocField] | None = None
    response_fields: dict[str, DocField] | None = None
    response_fields_status: str | None = None
    auth_headers: set[str] = field(default_factory=set)
    scopes: set[str] = field(default_factory=set)
    sample_query_names: list[str] = field(default_factory=list)
    sample_host: str = ""  # the host of the request sample's URL (AvePoint pages: it names a region)
    response_sample: object = None
    has_response_sample: bool = False
    intro: str = ""  # the paragraphs under the operation's title (they name the request body's structure)

    @property
    def key(self) -> str:
        return f"{self.method.upper()} {self.path}"


@dataclass
class PageResult:
    """A parsed page: its operations, or the reason it could not be parsed."""

    page: str
    layout: str | None
    operations: list[DocOperation] = field(default_factory=list)
    error: str | None = None


@dataclass(frozen=True)
class SpecTarget:
    """The spec file and operation (as the spec writes its path) a finding is about."""

    spec: str
    method: str
    path: str


class Severity(StrEnum):
    """MISSING and DIFFERENT fail the run unless allowlisted; ONLY_IN_SPEC is reported but never fails."""

    MISSING = "missing in spec"
    DIFFERENT = "different"
    ONLY_IN_SPEC = "only in spec"


@dataclass
class Finding:
    """One difference between a page and the spec, addressed so an allowlist entry can name it exactly."""

    operation: str
    kind: str
    subject: str
    severity: Severity
    message: str
    page: str = ""
    allowed_by: str | None = None
    allowed_reason: str = ""
    spec_value: str = ""  # what the spec says about the element ("" = nothing), shown on the report line
    page_value: str = ""  # what the page says
    target: SpecTarget | None = None  # where in which spec the element lives, for the proposer
    fact: object = None  # the page's structured element (DocParameter, DocResponse, DocField, DocOperation)

    @property
    def fails(self) -> bool:
        return self.severity is not Severity.ONLY_IN_SPEC and self.allowed_by is None
