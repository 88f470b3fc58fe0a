"""A typed view of one OpenAPI document: operations by operationId, with what each one says.

The model is read-only and built once per document. Nodes are kept as the document has them (``raw``) next
to typed fields, so a reader that needs a rare keyword still finds it; references are followed where a field
is typed (a parameter, a request body, a response), while schemas stay as written, with a ``pointer`` for
validators that resolve them through ``SpecModel.refs.registry``.

Spec facts that the vendor pages imply but OpenAPI has no word for are extensions read here, once:
- ``x-write`` on an operation: it changes server state; ``replaces`` names what the body replaces and
  ``idParameter`` the path parameter a body ``id`` must match (the single-entity PUTs), and ``deletes`` the
  path parameter naming the entity a delete removes (no snapshot undoes it, so the contract suite treats it
  apart);
- ``x-body-optional`` on a response: the pages show that answer with no body.
- ``x-client-datetime`` on an object property (read by the client generator only, not here): how a generated
  client types a date-time member (``utc``: ``datetime``; ``optional-utc``: ``datetime | None``);
  ``x-client-optional`` likewise: a required member the generated client lets its caller leave out.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from spec_model.loader import SpecLoadError, load_document
from spec_model.paths import fill_path
from spec_model.refs import RefResolver, SpecRefError, json_pointer

#: Every method a path item may hold, in the order OpenAPI 3.1 lists them.
HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")

JsonDict = dict[str, Any]


def _extensions(node: Mapping[str, Any]) -> dict[str, Any]:
    return {str(k): v for k, v in node.items() if str(k).startswith("x-")}


@dataclass(frozen=True)
class Parameter:
    """One parameter of an operation (path-level ones merged in), its reference followed."""

    name: str
    location: str
    required: bool
    schema: JsonDict
    raw: JsonDict
    pointer: str

    @property
    def extensions(self) -> dict[str, Any]:
        return _extensions(self.raw)


@dataclass(frozen=True)
class MediaType:
    """One entry of a ``content`` map; ``schema_pointer`` locates its schema for a validator."""

    media_type: str
    schema: Any
    schema_pointer: str
    raw: JsonDict

    @property
    def is_json(self) -> bool:
        base = self.media_type.split(";", 1)[0].strip().lower()
        return base == "application/json" or base.endswith("+json")


def _content(node: Mapping[str, Any], pointer: str) -> dict[str, MediaType]:
    content = node.get("content")
    if not isinstance(content, Mapping):
        return {}
    return {
        str(media): MediaType(
            media_type=str(media),
            schema=entry.get("schema"),
            schema_pointer=f"{pointer}{json_pointer(['content', media, 'schema'])}",
            raw=dict(entry),
        )
        for media, entry in content.items()
        if isinstance(entry, Mapping)
    }


def _first_json(content: Mapping[str, MediaType]) -> MediaType | None:
    return next((media for media in content.values() if media.is_json), None)


@dataclass(frozen=True)
class RequestBody:
    """An operation's request body, its reference followed."""

    required: bool
    content: dict[str, MediaType]
    raw: JsonDict
    pointer: str

    def json(self) -> MediaType | None:
        """The first JSON media type (``application/json`` or ``*+json``), if the body has one."""
        return _first_json(self.content)


@dataclass(frozen=True)
class Link:
    """A response link: the operation it leads to and how its parameters are filled."""

    name: str
    operation_id: str | None
    parameters: dict[str, Any]
    request_body: Any
    raw: JsonDict


@dataclass(frozen=True)
class Response:
    """One documented answer (``status`` as written: ``"200"``, ``"4XX"`` or ``"default"``)."""

    status: str
    description: str
    content: dict[str, MediaType]
    headers: dict[str, Any]
    links: dict[str, Link]
    raw: JsonDict
    pointer: str

    @property
    def extensions(self) -> dict[str, Any]:
        return _extensions(self.raw)

    @property
    def body_optional(self) -> bool:
        """``x-body-optional: true``: the pages show this answer without a body, so an empty one conforms."""
        return self.raw.get("x-body-optional") is True

    def json(self) -> MediaType | None:
        return _first_json(self.content)


@dataclass(frozen=True)
class WriteEffect:
    """What ``x-write`` says an operation changes (see the module docstring)."""

    replaces: str
    id_parameter: str | None
    deletes: str | None = None


@dataclass(frozen=True)
class Operation:
    """One operation: method, path and everything the document says about it."""

    operation_id: str | None
    method: str
    path: str
    pointer: str
    raw: JsonDict
    parameters: tuple[Parameter, ...]
    request_body: RequestBody | None
    responses: dict[str, Response]
    security: list[JsonDict] | None
    tags: tuple[str, ...]
    #: The path item the operation sits in, as written (its shared ``parameters``, ``servers``, siblings).
    path_item: JsonDict = field(default_factory=dict, repr=False)

    @property
    def label(self) -> str:
        """``GET /path``: how Schemathesis and the reports name an operation."""
        return f"{self.method.upper()} {self.path}"

    @property
    def name(self) -> str:
        """The operationId, or the label for an operation that has none."""
        return self.operation_id or self.label

    @property
    def extensions(self) -> dict[str, Any]:
        return _extensions(self.raw)

    @property
    def write(self) -> WriteEffect | None:
        marker = self.raw.get("x-write")
        if not isinstance(marker, Mapping):
            return None
        id_parameter = marker.get("idParameter")
        deletes = marker.get("deletes")
        return WriteEffect(
            replaces=str(marker.get("replaces", "")),
            id_parameter=str(id_parameter) if isinstance(id_parameter, str) else None,
            deletes=str(deletes) if isinstance(deletes, str) else None,
        )

    def parameters_in(self, location: str) -> tuple[Parameter, ...]:
        return tuple(p for p in self.parameters if p.location == location)

    def parameter(self, name: str, location: str | None = None) -> Parameter:
        for candidate in self.parameters:
            if candidate.name == name and (location is None or candidate.location == location):
                return candidate
        raise KeyError(f"{self.name} has no parameter {name!r}")

    def response_for(self, status: int) -> Response | None:
        """The response that documents ``status``: the exact code, then its ``NXX`` range, then default."""
        text = str(status)
        return (
            self.responses.get(text)
            or self.responses.get(f"{text[0]}XX")
            or self.responses.get(f"{text[0]}xx")
            or self.responses.get("default")
        )

    def path_with(self, **values: object) -> str:
        """The path with ``{name}`` placeholders filled from ``values``."""
        return fill_path(self.path, values)


@dataclass
class SpecModel:
    """One OpenAPI document and the operations in it, in document order."""

    raw: JsonDict
    source: str = "<document>"
    refs: RefResolver = field(init=False, repr=False)
    operations: dict[str, Operation] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.refs = RefResolver(self.raw)
        self.operations = {op.name: op for op in OperationReader(self.refs).read()}

    # -- document-level facts ------------------------------------------------------------------------------
    @property
    def info(self) -> JsonDict:
        info = self.raw.get("info")
        return dict(info) if isinstance(info, Mapping) else {}

    @property
    def version(self) -> str:
        return str(self.info.get("version", ""))

    @property
    def security(self) -> list[JsonDict]:
        value = self.raw.get("security")
        return [dict(item) for item in value if isinstance(item, Mapping)] if isinstance(value, list) else []

    @property
    def security_schemes(self) -> dict[str, JsonDict]:
        schemes = (self.raw.get("components") or {}).get("securitySchemes") or {}
        return {str(k): dict(self.refs.follow(v)) for k, v in schemes.items()}

    @property
    def schemas(self) -> dict[str, Any]:
        return dict((self.raw.get("components") or {}).get("schemas") or {})

    # -- operations -----------------------------------------------------------------------------------------
    def operation(self, operation_id: str) -> Operation:
        try:
            return self.operations[operation_id]
        except KeyError:
            known = ", ".join(sorted(self.operations))
            raise KeyError(f"operationId {operation_id!r} is not in {self.source} (known: {known})") from None

    def by_label(self) -> dict[str, Operation]:
        return {op.label: op for op in self.operations.values()}

    def writes(self) -> dict[str, Operation]:
        """Operations marked ``x-write``, by name."""
        return {name: op for name, op in self.operations.items() if op.write is not None}


class OperationReader:
    """Reads the operations of one document through a resolver: strict for ``SpecModel``, tolerant for the
    spec checks (``iter_operations``), so both hand out the same ``Operation`` type."""

    def __init__(self, refs: RefResolver) -> None:
        self.refs = refs

    def read(self) -> list[Operation]:
        """Every operation under ``paths``, in document order."""
        found: list[Operation] = []
        paths = self.refs.document.get("paths")
        if not isinstance(paths, Mapping):
            return found
        for path, item in paths.items():
            if not isinstance(item, Mapping):
                continue
            item_pointer = json_pointer(["paths", path])
            shared = self._parameters(item.get("parameters"), f"{item_pointer}/parameters")
            for method in HTTP_METHODS:
                node = item.get(method)
                if isinstance(node, Mapping):
                    found.append(
                        self._operation(str(path), method, node, f"{item_pointer}/{method}", shared, item)
                    )
        return found

    def _operation(  # noqa: PLR0917 -- where the operation sits, all read once by `read`
        self,
        path: str,
        method: str,
        node: Mapping[str, Any],
        pointer: str,
        shared: list[Parameter],
        item: Mapping[str, Any],
    ) -> Operation:
        own = self._parameters(node.get("parameters"), f"{pointer}/parameters")
        own_keys = {(p.location, p.name) for p in own}
        merged = [p for p in shared if (p.location, p.name) not in own_keys] + own
        operation_id = node.get("operationId")
        security = node.get("security")
        return Operation(
            operation_id=operation_id if isinstance(operation_id, str) else None,
            method=method.upper(),
            path=path,
            pointer=pointer,
            raw=node if isinstance(node, dict) else dict(node),
            parameters=tuple(merged),
            request_body=self._request_body(node.get("requestBody"), f"{pointer}/requestBody"),
            responses=self._responses(node.get("responses"), f"{pointer}/responses"),
            security=[dict(s) for s in security if isinstance(s, Mapping)]
            if isinstance(security, list)
            else None,
            tags=tuple(str(t) for t in node.get("tags") or ()),
            path_item=item if isinstance(item, dict) else dict(item),
        )

    def _parameters(self, nodes: Any, pointer: str) -> list[Parameter]:
        if not isinstance(nodes, list):
            return []
        out: list[Parameter] = []
        for index, node in enumerate(nodes):
            where = self.refs.pointer_of(node, f"{pointer}/{index}")
            resolved = self.refs.follow(node)
            if not isinstance(resolved, Mapping) or "name" not in resolved:
                continue
            schema = self.refs.follow_schema(resolved.get("schema") or {})
            out.append(
                Parameter(
                    name=str(resolved["name"]),
                    location=str(resolved.get("in", "")),
                    required=resolved.get("required") is True or resolved.get("in") == "path",
                    schema=dict(schema) if isinstance(schema, Mapping) else {},
                    raw=dict(resolved),
                    pointer=where,
                )
            )
        return out

    def _request_body(self, node: Any, pointer: str) -> RequestBody | None:
        if node is None:
            return None
        where = self.refs.pointer_of(node, pointer)
        resolved = self.refs.follow(node)
        if not isinstance(resolved, Mapping):
            return None
        return RequestBody(
            required=resolved.get("required") is True,
            content=_content(resolved, where),
            raw=dict(resolved),
            pointer=where,
        )

    def _responses(self, node: Any, pointer: str) -> dict[str, Response]:
        if not isinstance(node, Mapping):
            return {}
        out: dict[str, Response] = {}
        for status, entry in node.items():
            if str(status).startswith("x-"):
                continue
            where = self.refs.pointer_of(entry, f"{pointer}{json_pointer([status])}")
            resolved = self.refs.follow(entry)
            if not isinstance(resolved, Mapping):
                continue
            links = resolved.get("links")
            links = links if isinstance(links, Mapping) else {}
            headers = resolved.get("headers")
            out[str(status)] = Response(
                status=str(status),
                description=str(resolved.get("description", "")),
                content=_content(resolved, where),
                headers=dict(headers) if isinstance(headers, Mapping) else {},
                links={str(k): self._link(str(k), v) for k, v in links.items()},
                raw=dict(resolved),
                pointer=where,
            )
        return out

    def _link(self, name: str, node: Any) -> Link:
        resolved = self.refs.follow(node)
        raw = dict(resolved) if isinstance(resolved, Mapping) else {}
        operation_id = raw.get("operationId")
        return Link(
            name=name,
            operation_id=operation_id if isinstance(operation_id, str) else None,
            parameters=dict(raw["parameters"]) if isinstance(raw.get("parameters"), Mapping) else {},
            request_body=raw.get("requestBody"),
            raw=raw,
        )


def iter_operations(document: Mapping[str, Any]) -> list[Operation]:
    """Every operation of a raw document, read tolerantly: a reference that names nothing is left out of the
    typed fields instead of raising (the spec checks report it), and ``raw``/``path_item`` are the document's
    own nodes, so a check can find an operation by identity."""
    return OperationReader(RefResolver(document, strict=False)).read()


def load_spec(path: Path) -> SpecModel:
    """Load one spec file into a model; ``SpecLoadError``/``SpecRefError`` messages start with the path."""
    try:
        return SpecModel(load_document(path), source=str(path))
    except SpecLoadError as exc:
        raise SpecLoadError(f"{path}: {exc}") from None
    except SpecRefError as exc:
        raise SpecRefError(f"{path}: {exc}") from None
