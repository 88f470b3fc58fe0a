"""Turn the additive doc-drift findings into one reviewable patch against spec/.

What is proposed: a new operation (path, parameters, request body, responses with content types and headers),
a new parameter (type, enum, default), a new status code, a response header, a content type next to the
spec's, a new body field and a new enum value. Each proposed element carries `x-decision: TODO-nnnnnn` (an ID
derived from the finding, so re-running gives the same patch) and a description assembled from the page's
structured facts — never a sentence copied from the page. Where the page names a structure the spec already
has as a component ("JSON Error", "JSON Name/Value List"), the proposal references it, and examples are reused
from other places that use the same component.

Everything else that fails (contradictions, removals, renames, findings a person must judge) is listed, never
patched. `nox -s spec` rejects the TODO IDs on purpose: the reviewer writes the DECISIONS.md entry and puts
its ID in place of each TODO (docs/doc-update-workflow.md).
"""

from __future__ import annotations

import copy
import hashlib
import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from spec_model import HTTP_METHODS

from .model import DocField, DocOperation, DocParameter, DocResponse, Finding, Severity, SpecTarget
from .page_record import RECORD_NAME, RecordedOperation, parse_record_text, render_record
from .report import Outcome
from .yaml_edit import EditError, SpecFile, mapping, prose, text_diff, to_node


class ProposalError(Exception):
    """The patch cannot be written (unwritable file, a spec that does not round-trip)."""


class Unplaceable(Exception):
    """This finding cannot be expressed as a safe spec edit; the message says why (shown to the person)."""


@dataclass
class Proposal:
    patch: str
    proposed: list[tuple[str, Finding, str]] = field(default_factory=list)  # (TODO id, finding, what)
    for_person: list[tuple[Finding, str]] = field(default_factory=list)  # (finding, why not patched)

    def describe(self, patch_file: Path) -> str:
        lines = [
            f"Proposal: {len(self.proposed)} addition(s) written to {patch_file}"
            if self.patch
            else "Proposal: nothing to patch (no patch file written)"
        ]
        for todo, finding, what in self.proposed:
            lines.append(f"  {todo}  {finding.operation} | {finding.kind} | {finding.subject}: {what}")
        if self.for_person:
            lines.append(f"For a person ({len(self.for_person)}; not patched):")
            for finding, why in self.for_person:
                lines.append(f"  {finding.operation} | {finding.kind} | {finding.subject}: {why}")
        return "\n".join(lines)


def todo_id(finding: Finding) -> str:
    """A stable short ID for the proposal made from one finding (digits, like the decision IDs)."""
    digest = hashlib.sha1(f"{finding.operation}|{finding.kind}|{finding.subject}".encode()).hexdigest()
    return f"TODO-{int(digest[:12], 16) % 1_000_000:06d}"


# --- schemas from the pages' type words ---------------------------------------------------------------------

_WORD_TYPES = {
    "number": "number",
    "double": "number",
    "float": "number",
    "decimal": "number",
    "integer": "integer",
    "int": "integer",
    "long": "integer",
    "string": "string",
    "boolean": "boolean",
    "bool": "boolean",
    "object": "object",
    "list": "array",
    "array": "array",
    "null": "null",
}


def _typed(value: str, kind: str) -> Any:
    if kind == "integer" and re.fullmatch(r"-?\d+", value):
        return int(value)
    if kind == "number" and re.fullmatch(r"-?\d+(\.\d+)?", value):
        return float(value) if "." in value else int(value)
    if kind == "boolean" and value.lower() in ("true", "false"):
        return value.lower() == "true"
    return value


def schema_for(
    doc_type: str | None, enum: list[str] | None = None, default: str | None = None
) -> dict[str, Any]:
    """A JSON Schema for a page's type word, enum values and default; Unplaceable for an unknown word."""
    words = [w.strip().lower() for w in (doc_type or "").split("|") if w.strip()]
    if enum:
        kind = "integer" if all(re.fullmatch(r"-?\d+", v) for v in enum) else "string"
        schema: dict[str, Any] = {"type": kind, "enum": [_typed(v, kind) for v in enum]}
    elif not words:
        raise Unplaceable("the page gives no type for it")
    else:
        types: list[str] = []
        items: dict[str, Any] | None = None
        for word in words:
            if word.endswith("[]"):
                types.append("array")
                items = schema_for(word[:-2])
            elif word == "enum":
                raise Unplaceable("the page calls it an enum but lists no values")
            elif word in _WORD_TYPES:
                types.append(_WORD_TYPES[word])
            else:
                raise Unplaceable(f"the page's type word {word!r} is not a known type")
        schema = {"type": types[0] if len(types) == 1 else types}
        if "array" in types:
            schema["items"] = items or {"type": "string"}
        kind = types[0]
    if default is not None:
        schema["default"] = _typed(default, str(schema["type"]) if isinstance(schema["type"], str) else kind)
    return schema


def _plain(value: Any) -> str:
    return str(value).lower() if isinstance(value, bool) else str(value)


def _type_text(schema: dict[str, Any]) -> str:
    kind = schema.get("type", "any")
    text = " or ".join(kind) if isinstance(kind, list) else str(kind)
    if "enum" in schema:
        text += ", one of " + ", ".join(_plain(v) for v in schema["enum"])
    if "default" in schema:
        text += f", default {_plain(schema['default'])}"
    return text


def schema_from_fields(fields: dict[str, DocField], path: str = "") -> dict[str, Any]:
    """A nested schema from a page's flat field map (`jobs[].id` -> properties/items)."""
    here = fields.get(path)
    children = sorted(
        p[len(path) + 1 if path else 0 :]
        for p in fields
        if p != path
        and p.startswith(f"{path}." if path else "")
        and "." not in p[len(path) + 1 if path else 0 :]
        and "[]" not in p[len(path) + 1 if path else 0 :]
    )
    if f"{path}[]" in fields:
        return {"type": "array", "items": schema_from_fields(fields, f"{path}[]")}
    if children or (here is not None and (here.doc_type or "").lower() == "object"):
        props = {name: schema_from_fields(fields, f"{path}.{name}" if path else name) for name in children}
        return {"type": "object", "properties": props} if props else {"type": "object"}
    if here is None:
        return {}
    return schema_for(here.doc_type, here.enum)


# --- the editor ---------------------------------------------------------------------------------------------


class Proposer:
    def __init__(self, outcome: Outcome, spec_dir: Path) -> None:
        self.outcome = outcome
        self.spec_dir = spec_dir
        self.files: dict[str, SpecFile] = {}
        self.doc_ops = {op.key: op for page in outcome.pages for op in page.operations}
        self.proposal = Proposal(patch="")
        self.enum_todos: dict[tuple[int, str], str] = {}  # (enum node, value) -> the TODO that added it

    def spec(self, name: str) -> SpecFile:
        if name not in self.files:
            path = self.spec_dir / name
            try:
                self.files[name] = SpecFile(path, f"{self.spec_dir.name}/{name}")
            except (OSError, EditError) as exc:
                raise ProposalError(str(exc)) from exc
        return self.files[name]

    def run(self) -> Proposal:
        handlers: dict[str, Callable[[Finding, str], str]] = {
            "operation-missing": self.add_operation,
            "parameter-missing": self.add_parameter,
            "parameter-default": self.add_default,
            "enum-value-missing": self.add_enum_value,
            "status-missing": self.add_status,
            "response-header-missing": self.add_header,
            "response-content-type": self.add_media_type,
            "request-content-type": self.add_request_body,
            "request-field-missing": self.add_field,
            "response-field-missing": self.add_field,
        }
        # Operations first: a later finding about the same new operation then finds it in place.
        ordered = sorted(self.outcome.failing, key=lambda f: (f.kind != "operation-missing", f.operation))
        for finding in ordered:
            handler = handlers.get(finding.kind)
            if handler is None or finding.severity is not Severity.MISSING:
                self.proposal.for_person.append((finding, _why_not(finding)))
                continue
            todo = todo_id(finding)
            try:
                what = handler(finding, todo)
            except (Unplaceable, EditError) as exc:
                self.proposal.for_person.append((finding, f"cannot be patched safely: {exc}"))
                continue
            self.proposal.proposed.append((todo, finding, what))
        return self.proposal

    # -- locating nodes in the raw (unresolved) spec

    def raw_operation(self, target: SpecTarget) -> tuple[SpecFile, Any]:
        sf = self.spec(target.spec)
        try:
            return sf, sf.doc["paths"][target.path][target.method]
        except KeyError as exc:
            raise Unplaceable(f"{target.method.upper()} {target.path} is not in {target.spec}") from exc

    def raw_parameter(self, target: SpecTarget, location: str, name: str) -> tuple[SpecFile, Any]:
        sf, op = self.raw_operation(target)
        shared = sf.doc["paths"][target.path].get("parameters") or []
        for param in [*(op.get("parameters") or []), *shared]:
            resolved = sf.deref(param)
            if resolved.get("in") == location and resolved.get("name") == name:
                return sf, resolved
        raise Unplaceable(f"the spec's {location} parameter {name!r} was not found")

    def body_schema(self, finding: Finding, side: str) -> tuple[SpecFile, Any]:
        if finding.target is None:
            raise Unplaceable("the finding names no spec operation")
        sf, op = self.raw_operation(_target(finding))
        if side == "request":
            holder = sf.deref(op.get("requestBody") or {})
        else:
            doc_op = self.doc_ops.get(finding.operation)
            status = doc_op.response_fields_status if doc_op else None
            holder = sf.deref((op.get("responses") or {}).get(status) or {})
        for media, entry in (holder.get("content") or {}).items():
            if "json" in str(media) and isinstance(entry, dict) and "schema" in entry:
                return sf, entry["schema"]
        raise Unplaceable(f"the spec's {side} has no JSON schema to extend")

    def walk_to(self, sf: SpecFile, schema: Any, path: str) -> Any:
        """The schema node at a field path (`jobs[].status`), following $refs and allOf branches."""
        node = sf.deref(schema)
        for token in re.findall(r"\[\]|[^.\[\]]+", path):
            if token == "[]":
                if not isinstance(node.get("items"), dict):
                    raise Unplaceable(f"{path}: the spec's schema has no array items there")
                node = sf.deref(node["items"])
                continue
            found = _property(sf, node, token)
            if found is None:
                raise Unplaceable(f"{path}: the spec's schema has no {token!r} there")
            node = sf.deref(found)
        return node

    # -- the additions

    def add_parameter(self, finding: Finding, todo: str) -> str:
        param = _fact(finding, DocParameter)
        sf, op = self.raw_operation(_target(finding))
        node = self.parameter_node(sf, param, todo, self.doc_ops[finding.operation])
        op.setdefault("parameters", to_node([]))
        op["parameters"].append(node)
        schema = schema_for(param.doc_type, param.enum, param.default)
        return f"{param.location} parameter {param.name} ({_type_text(schema)})"

    def parameter_node(self, sf: SpecFile, param: DocParameter, todo: str, doc_op: DocOperation) -> Any:
        for key, component in (sf.doc.get("components", {}).get("parameters") or {}).items():
            if component.get("name") == param.name and component.get("in") == param.location:
                return mapping({"$ref": f"#/components/parameters/{key}"})
        schema = schema_for(param.doc_type, param.enum, param.default)
        required = param.location == "path" or bool(param.required)
        words = "Required" if required else "Optional"
        return mapping(
            {
                "name": param.name,
                "in": param.location,
                "required": required,
                "description": prose(
                    f"{words} {param.location} parameter ({_type_text(schema)}), newly listed for "
                    f"'{doc_op.title}' on the vendor page {doc_op.page}. Proposed by doc drift as {todo}; "
                    "its meaning awaits review."
                ),
                "schema": schema,
                "x-decision": todo,
            }
        )

    def add_default(self, finding: Finding, todo: str) -> str:
        param = _fact(finding, DocParameter)
        if param.default is None:
            raise Unplaceable("the page gives no default")
        sf, node = self.raw_parameter(_target(finding), param.location, param.name)
        schema = node.get("schema")
        if not isinstance(schema, dict):
            raise Unplaceable("the spec's parameter has no schema")
        kind = sf.deref(schema).get("type")
        schema["default"] = _typed(param.default, kind if isinstance(kind, str) else "string")
        _mark(node, todo)
        return f"default {param.default}"

    def add_enum_value(self, finding: Finding, todo: str) -> str:
        subject, _, value = finding.subject.rpartition("=")
        if finding.target is None:
            raise Unplaceable("the finding names no spec operation")
        labels: dict[str, str] = {}
        if ":" in subject and subject.split(":", 1)[0] in ("query", "path", "header"):
            location, name = subject.split(":", 1)
            sf, param = self.raw_parameter(_target(finding), location, name)
            node = _enum_node(sf, param.get("schema"))
            holder = param
        else:
            side = "response"
            doc_op = self.doc_ops.get(finding.operation)
            if doc_op and doc_op.request_fields and subject in doc_op.request_fields:
                side = "request"
            sf, schema = self.body_schema(finding, side)
            node = _enum_node(sf, self.walk_to(sf, schema, "" if subject == "(body)" else subject))
            holder = node
        fact = finding.fact
        if isinstance(fact, DocParameter | DocField):
            labels = fact.enum_labels
        if node is None:
            raise Unplaceable("the spec's schema there has no enum list")
        values = node["enum"]
        kind = "integer" if all(isinstance(v, int) and not isinstance(v, bool) for v in values) else "string"
        earlier = self.enum_todos.get((id(node), value))
        if earlier is not None:  # a shared enum another finding of this run already extended
            return f"enum value {value} (the same shared enum as {earlier})"
        if _typed(value, kind) in values:
            raise Unplaceable(f"the spec's enum there has {value} already")
        self.enum_todos[(id(node), value)] = todo
        values.append(_typed(value, kind))
        label = labels.get(value, "")
        if "x-enum-varnames" in node:
            node["x-enum-varnames"].append(_varname(value, label, list(node["x-enum-varnames"])))
        if "x-enum-descriptions" in node:
            node["x-enum-descriptions"].append(label or f"Value {value} (meaning to be reviewed, {todo})")
        _mark(node if "x-decision" in node or holder is node else holder, todo)
        return f"enum value {value}" + (f" ({label})" if label else "")

    def add_status(self, finding: Finding, todo: str) -> str:
        response = _fact(finding, DocResponse)
        sf, op = self.raw_operation(_target(finding))
        node, what = self.response_node(sf, _target(finding), response, todo)
        responses = op.setdefault("responses", mapping())
        _insert_sorted(responses, response.status, node)
        if "$ref" in node:
            _mark(op, todo)  # a reference cannot carry x-decision (OpenAPI 3.1); the operation does
        return what

    def response_node(
        self, sf: SpecFile, target: SpecTarget, response: DocResponse, todo: str
    ) -> tuple[Any, str]:
        reuse = _reusable_response(sf, target.path, response)
        if reuse is not None:
            node = mapping({"$ref": f"#/components/responses/{reuse}"})
            return node, f"status {response.status}, reusing {reuse}"
        parts = ", ".join(sorted(response.content_types)) or "no body"
        node = mapping(
            {
                "description": prose(
                    f"Status {response.status} as the vendor page lists it ({parts}). "
                    f"Proposed by doc drift as {todo}."
                )
            }
        )
        node["x-decision"] = todo
        if response.headers:
            node["headers"] = mapping({h: self.header_node(sf, h, todo) for h in sorted(response.headers)})
        if response.content_types:
            node["content"] = mapping(
                {m: self.media_node(sf, m, response.content_text) for m in sorted(response.content_types)}
            )
        return node, f"status {response.status} ({parts})"

    def header_node(self, sf: SpecFile, name: str, todo: str) -> Any:
        wanted = re.sub(r"[^a-z0-9]", "", name.lower())
        for key in sf.doc.get("components", {}).get("headers") or {}:
            if re.sub(r"[^a-z0-9]", "", str(key).lower()) == wanted:
                return mapping({"$ref": f"#/components/headers/{key}"})
        return mapping(
            {
                "description": prose(
                    f"Response header {name}, newly listed on the vendor page; its value is not described "
                    "there. "
                    f"Proposed by doc drift as {todo}."
                ),
                "schema": {"type": "string"},
                "x-decision": todo,
            }
        )

    def media_node(
        self, sf: SpecFile, media: str, named: str, fields: dict[str, DocField] | None = None
    ) -> Any:
        component = _named_component(sf, named)
        if component is not None:
            schema: dict[str, Any] = {"$ref": f"#/components/schemas/{component}"}
        elif fields:
            schema = schema_from_fields(fields)
        else:
            schema = {"type": "object"} if "json" in media else {"type": "string"}
        node = mapping({"schema": schema})
        examples = _examples_for(sf, schema)
        if examples is not None:
            node[examples[0]] = examples[1]
        else:
            node["example"] = to_node(_example(sf, schema))
        return node

    def existing_response(self, finding: Finding) -> tuple[SpecFile, DocResponse, Any, Any, str]:
        """For a `STATUS NAME` finding: the spec file, page response, raw and resolved spec response, NAME."""
        response = _fact(finding, DocResponse)
        sf, op = self.raw_operation(_target(finding))
        raw = (op.get("responses") or {}).get(response.status)
        return sf, response, raw, sf.deref(raw), finding.subject.split(" ", 1)[1]

    def add_header(self, finding: Finding, todo: str) -> str:
        sf, response, raw, node, name = self.existing_response(finding)
        if "headers" not in node:
            keys = list(node)
            node.insert(keys.index("content") if "content" in keys else len(keys), "headers", mapping())
        node["headers"][name] = self.header_node(sf, name, todo)
        return f"header {name} on {response.status}" + _shared_note(raw)

    def add_media_type(self, finding: Finding, todo: str) -> str:
        sf, response, raw, node, media = self.existing_response(finding)
        content = node.setdefault("content", mapping())
        content[media] = self.media_node(sf, media, response.content_text)
        content[media]["x-decision"] = todo
        return f"content type {media} on {response.status}" + _shared_note(raw)

    def add_request_body(self, finding: Finding, todo: str) -> str:
        doc_op = _fact(finding, DocOperation)
        sf, op = self.raw_operation(_target(finding))
        op["requestBody"] = self.request_body_node(sf, doc_op, todo)
        return f"request body ({doc_op.request_content_type})"

    def request_body_node(self, sf: SpecFile, doc_op: DocOperation, todo: str) -> Any:
        media = str(doc_op.request_content_type)
        named = re.search(r"takes (?:an? )?(.+?) as content", doc_op.intro)
        return mapping(
            {
                "required": True,
                "description": prose(
                    f"Request body ({media}) as the vendor page sketches it for '{doc_op.title}'. "
                    "Proposed by doc "
                    f"drift as {todo}."
                ),
                "x-decision": todo,
                "content": {
                    media: self.media_node(sf, media, named.group(1) if named else "", doc_op.request_fields)
                },
            }
        )

    def add_field(self, finding: Finding, todo: str) -> str:
        doc_field = _fact(finding, DocField)
        side = finding.kind.split("-", 1)[0]
        sf, schema = self.body_schema(finding, side)
        path = finding.subject
        parent_path, _, name = path.rpartition(".")
        if "." not in path and path.endswith("[]") is False:
            parent_path, name = "", path
        if name.endswith("[]") or not name:
            raise Unplaceable("only named object members can be added")
        parent = self.walk_to(sf, schema, parent_path)
        if "properties" not in parent and parent.get("type") != "object":
            raise Unplaceable(f"{parent_path or '(body)'} is not an object with properties in the spec")
        doc_op = self.doc_ops.get(finding.operation)
        fields = (doc_op.request_fields if side == "request" else doc_op.response_fields) if doc_op else None
        new = (
            schema_from_fields(fields, path)
            if fields and any(p.startswith(path + ".") or p.startswith(path + "[]") for p in fields)
            else schema_for(doc_field.doc_type, doc_field.enum)
        )
        new["description"] = prose(
            f"{side.capitalize()} field ({_type_text(new)}), newly described on the vendor page. "
            "Proposed by doc "
            f"drift as {todo}; its meaning awaits review."
        )
        new["x-decision"] = todo
        parent.setdefault("properties", mapping())
        parent["properties"][name] = to_node(new)
        return f"{side} field {path} ({_type_text(new)})"

    def add_operation(self, finding: Finding, todo: str) -> str:
        doc_op = _fact(finding, DocOperation)
        siblings = [t for key, t in self.outcome.targets.items() if self.doc_ops[key].page == doc_op.page]
        if not siblings:
            raise Unplaceable("no other operation of its page is in a spec, so the spec to extend is unknown")
        spec_name = Counter(t.spec for t in siblings).most_common(1)[0][0]
        sf = self.spec(spec_name)
        paths = sf.doc["paths"]
        method = doc_op.method.lower()
        if method not in HTTP_METHODS:
            raise Unplaceable(f"{doc_op.method} is not an HTTP method")
        item = paths.get(doc_op.path)
        if item is not None and method in item:
            raise Unplaceable(f"{doc_op.key} exists already")
        sibling_ops = [paths[t.path][t.method] for t in siblings if t.spec == spec_name]
        target = SpecTarget(spec_name, method, doc_op.path)
        node = mapping(
            {
                "operationId": _operation_id(sf, doc_op.title),
                "tags": _sibling_tags(sibling_ops),
                "summary": doc_op.title,
                "description": prose(_operation_description(doc_op, todo)),
                "x-decision": todo,
            }
        )
        security = next((op["security"] for op in sibling_ops if "security" in op), None)
        if security is not None:
            node["security"] = copy.deepcopy(security)
        params = [self.parameter_node(sf, p, todo, doc_op) for p in doc_op.parameters]
        if params:
            node["parameters"] = to_node(params)
        if doc_op.request_content_type:
            node["requestBody"] = self.request_body_node(sf, doc_op, todo)
        responses = mapping()
        for status in sorted(doc_op.responses):
            response = doc_op.responses[status]
            if status == doc_op.response_fields_status and doc_op.response_fields:
                responses[status] = self.success_node(sf, doc_op, response, todo)
            else:
                responses[status] = self.response_node(sf, target, response, todo)[0]
        node["responses"] = responses
        if item is None:
            item = mapping()
            _insert_path(paths, doc_op.path, item)
        item[method] = node
        self.outcome.targets[doc_op.key] = target
        return (
            f"operation {node['operationId']} ({len(params)} parameter(s), statuses {', '.join(responses)})"
        )

    def success_node(self, sf: SpecFile, doc_op: DocOperation, response: DocResponse, todo: str) -> Any:
        media = next(iter(sorted(m for m in response.content_types if "json" in m)), "application/json")
        return mapping(
            {
                "description": prose(
                    f"Success ({media}) with the structure the vendor page sketches. "
                    f"Proposed by doc drift as {todo}."
                ),
                "content": {media: self.media_node(sf, media, response.content_text, doc_op.response_fields)},
            }
        )


# --- helpers ------------------------------------------------------------------------------------------------


_Fact = TypeVar("_Fact")


def _fact(finding: Finding, kind: type[_Fact]) -> _Fact:
    """The page element a finding carries, checked to be what its handler expects."""
    if not isinstance(finding.fact, kind) or (finding.target is None and finding.kind != "operation-missing"):
        raise Unplaceable("the finding carries no page element to build the addition from")
    return finding.fact


def _target(finding: Finding) -> SpecTarget:
    if finding.target is None:
        raise Unplaceable("the finding names no spec operation")
    return finding.target


def _why_not(finding: Finding) -> str:
    if finding.kind.endswith("-removed"):
        return "a removal: taking it out of the spec breaks clients; decide and edit by hand"
    if finding.kind.endswith("-renamed") or finding.kind == "operation-path-changed":
        return "a rename or move: decide whether it is one, then edit by hand"
    if finding.severity is Severity.DIFFERENT:
        return f"a contradiction (spec: {finding.spec_value or '-'}; page: {finding.page_value or '-'})"
    return "no safe automatic edit for this kind of finding"


def _mark(node: Any, todo: str) -> None:
    """Put the TODO on a node; an existing decision ID is kept in a comment for the reviewer."""
    previous = node.get("x-decision")
    node["x-decision"] = todo
    if previous and hasattr(node, "yaml_add_eol_comment"):
        node.yaml_add_eol_comment(f"was {previous}", "x-decision")


def _property(sf: SpecFile, node: Any, name: str) -> Any:
    props = node.get("properties") or {}
    if name in props:
        return props[name]
    for combinator in ("allOf", "anyOf", "oneOf"):
        for branch in node.get(combinator) or []:
            found = _property(sf, sf.deref(branch), name)
            if found is not None:
                return found
    return None


def _enum_node(sf: SpecFile, schema: Any) -> Any:
    node = sf.deref(schema)
    if not isinstance(node, dict):
        return None
    if isinstance(node.get("enum"), list):
        return node
    for combinator in ("allOf", "anyOf", "oneOf"):
        for branch in node.get(combinator) or []:
            found = _enum_node(sf, branch)
            if found is not None:
                return found
    return None


def _varname(value: str, label: str, taken: list[str]) -> str:
    if re.fullmatch(r"[A-Za-z][A-Za-z0-9]*", value):
        base = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", value).upper()
    elif label and len(label.split()) <= 4:
        base = re.sub(r"[^A-Za-z0-9]+", "_", label).strip("_").upper()
    else:
        base = f"VALUE_{re.sub(r'[^A-Za-z0-9]+', '_', value)}"
    name, number = base, 2
    while name in taken:
        name, number = f"{base}_{number}", number + 1
    return name


def _insert_sorted(responses: Any, status: str, node: Any) -> None:
    keys = [str(k) for k in responses]
    position = next((i for i, k in enumerate(keys) if k > status and not k.startswith("x-")), len(keys))
    responses.insert(position, status, node)


def _insert_path(paths: Any, path: str, item: Any) -> None:
    """Insert a path item after the existing path that shares the longest prefix with it (readable diff)."""
    keys = [str(k) for k in paths]
    best, best_len = len(keys), -1
    for index, key in enumerate(keys):
        common = len(_common_prefix(key, path))
        if common >= best_len:
            best, best_len = index + 1, common
    paths.insert(best, path, item)


def _common_prefix(a: str, b: str) -> str:
    out = []
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        out.append(x)
    return "".join(out)


def _operations(sf: SpecFile) -> Iterator[tuple[str, Any]]:
    for path, item in (sf.doc.get("paths") or {}).items():
        for method in HTTP_METHODS:
            if isinstance(item, dict) and isinstance(item.get(method), dict):
                yield str(path), item[method]


def _reusable_response(sf: SpecFile, path: str, response: DocResponse) -> str | None:
    """The `components/responses` entry other operations use for this error status, nearest path first.

    Only error statuses are shared this way: a success response carries operation-specific links and bodies.
    The component must offer what the page lists (content types, headers) and have no body where the page
    says there is none."""
    if not response.status.startswith(("4", "5")):
        return None
    scores: Counter[str] = Counter()
    nearest: dict[str, int] = {}
    for other_path, op in _operations(sf):
        ref = ((op.get("responses") or {}).get(response.status) or {}).get("$ref")
        if isinstance(ref, str) and ref.startswith("#/components/responses/"):
            name = ref.rsplit("/", 1)[1]
            scores[name] += 1
            nearest[name] = max(nearest.get(name, 0), len(_common_prefix(other_path, path)))
    if not scores:
        return None
    best = max(scores, key=lambda n: (nearest[n], scores[n]))
    component = sf.deref({"$ref": f"#/components/responses/{best}"})
    media = set(component.get("content") or {})
    if response.content_types - media or (response.no_body and media):
        return None
    headers = {re.sub(r"[^a-z0-9]", "", str(h).lower()) for h in component.get("headers") or {}}
    if {re.sub(r"[^a-z0-9]", "", h.lower()) for h in response.headers} - headers:
        return None
    return best


_JSON_NAME = re.compile(r"JSON(?: [A-Z][\w/]*)+(?: \([^)]*\))?")


def _named_component(sf: SpecFile, text: str) -> str | None:
    """The component schema whose vendor name ("JSON Name/Value List ...") the page's text contains."""
    if not text:
        return None
    best: tuple[int, str] | None = None
    for key, schema in (sf.doc.get("components", {}).get("schemas") or {}).items():
        for phrase in _JSON_NAME.findall(str(schema.get("description") or "")):
            if re.search(rf"(?<![\w/]){re.escape(phrase)}(?![\w/])", text) and (
                best is None or len(phrase) > best[0]
            ):
                best = (len(phrase), str(key))
    return best[1] if best else None


def _examples_for(sf: SpecFile, schema: dict[str, Any]) -> tuple[str, Any] | None:
    """`examples`/`example` of another media object that uses the same component schema."""
    ref = schema.get("$ref")
    if not isinstance(ref, str):
        return None

    def walk(node: Any) -> tuple[str, Any] | None:
        if isinstance(node, dict):
            inner = node.get("schema")
            if isinstance(inner, dict) and inner.get("$ref") == ref:
                for key in ("examples", "example"):
                    if key in node:
                        return key, copy.deepcopy(node[key])
            for value in node.values():
                found = walk(value)
                if found:
                    return found
        elif isinstance(node, list):
            for value in node:
                found = walk(value)
                if found:
                    return found
        return None

    return walk(sf.doc)


def _example(sf: SpecFile, schema: Any) -> Any:
    node = sf.deref(schema)
    if not isinstance(node, dict):
        return None
    if node.get("examples"):
        return copy.deepcopy(node["examples"][0])
    if "enum" in node:
        return node["enum"][0]
    kind = node.get("type")
    kind = kind[0] if isinstance(kind, list) else kind
    if kind == "object":
        return {name: _example(sf, prop) for name, prop in (node.get("properties") or {}).items()}
    if kind == "array":
        return [_example(sf, node["items"])] if isinstance(node.get("items"), dict) else []
    return {"integer": 0, "number": 0, "boolean": True, "null": None}.get(str(kind), "text")


def _shared_note(raw: Any) -> str:
    ref = raw.get("$ref") if isinstance(raw, dict) else None
    return f" (in the shared {ref.rsplit('/', 1)[1]}: every operation using it gets it)" if ref else ""


def _operation_id(sf: SpecFile, title: str) -> str:
    words = re.findall(r"[A-Za-z0-9]+", title)
    base = (words[0].lower() + "".join(w[:1].upper() + w[1:] for w in words[1:])) if words else "newOperation"
    taken = {str(op.get("operationId")) for _, op in _operations(sf)}
    name, number = base, 2
    while name in taken:
        name, number = f"{base}{number}", number + 1
    return name


def _sibling_tags(ops: list[Any]) -> Any:
    tags = Counter(str(op["tags"][0]) for op in ops if op.get("tags"))
    chosen = [tags.most_common(1)[0][0]] if tags else ["Proposed"]
    flow = next((op["tags"] for op in ops if op.get("tags")), None)
    seq = to_node(chosen)
    if flow is not None and getattr(flow, "fa", None) is not None and flow.fa.flow_style():
        seq.fa.set_flow_style()
    return seq


def _operation_description(doc_op: DocOperation, todo: str) -> str:
    params = ", ".join(f"{p.location} {p.name}" for p in doc_op.parameters) or "no parameters"
    statuses = ", ".join(sorted(doc_op.responses)) or "no status"
    body = f"a body ({doc_op.request_content_type})" if doc_op.request_content_type else "no body"
    return (
        f"{doc_op.method.upper()} {doc_op.path}, newly documented on the vendor page {doc_op.page} "
        "under the title "
        f"'{doc_op.title}': takes {params} and {body}; answers {statuses}. Proposed by doc drift as {todo}; "
        "describe what it does when the decision is recorded."
    )


def write_proposal(
    outcome: Outcome, spec_dir: Path, patch_file: Path, record_text: Callable[[Outcome], str]
) -> Proposal:
    """Build the patch for `outcome` and write it to `patch_file` (nothing is written when there is none).

    `record_text` renders the page record; it is called after the edits, so new operations are recorded with
    the spec operation the patch gives them.
    """
    proposer = Proposer(outcome, spec_dir)
    proposal = proposer.run()
    parts = [sf.diff() for _, sf in sorted(proposer.files.items())]
    if proposal.proposed:
        record_path = spec_dir / RECORD_NAME
        old = record_path.read_text(encoding="utf-8") if record_path.exists() else ""
        parts.append(
            text_diff(f"{spec_dir.name}/{RECORD_NAME}", old, merged_record(old, record_text(outcome)))
        )
    proposal.patch = "".join(p for p in parts if p)
    if proposal.patch:
        try:
            patch_file.parent.mkdir(parents=True, exist_ok=True)
            patch_file.write_text(proposal.patch, encoding="utf-8")
        except OSError as exc:
            raise ProposalError(f"cannot write {patch_file}: {exc.strerror}") from exc
    return proposal


def merged_record(old: str, new: str) -> str:
    """The old record plus what the new pages add: a proposal never drops a recorded element (removals stay
    visible until a person handles them)."""
    if not old:
        return new
    before = parse_record_text(old, "record")
    after = parse_record_text(new, "record")
    merged: dict[str, RecordedOperation] = dict(before)
    for key, item in after.items():
        if key in merged:
            merged[key].elements |= item.elements
        else:
            merged[key] = item
    return render_record(merged)
