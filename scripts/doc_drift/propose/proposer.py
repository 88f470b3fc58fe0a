"""The editor: one handler per additive finding kind, each placing its element in the round-tripped spec."""

from __future__ import annotations

import copy
import re
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from spec_model import HTTP_METHODS

from ..model import DocField, DocOperation, DocParameter, DocResponse, Finding, Severity, SpecTarget
from ..report import Outcome
from ..yaml_edit import EditError, SpecFile, mapping, prose, to_node
from .nodes import (
    enum_node,
    insert_path,
    insert_sorted,
    mark,
    operation_description,
    operation_id,
    property_node,
    sibling_tags,
    varname,
)
from .proposal import Proposal, ProposalError, Unplaceable, todo_id
from .reuse import example, examples_for, named_component, reusable_response, shared_note
from .schemas import schema_for, schema_from_fields, type_text, typed


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
            found = property_node(sf, node, token)
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
        return f"{param.location} parameter {param.name} ({type_text(schema)})"

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
                    f"{words} {param.location} parameter ({type_text(schema)}), newly listed for "
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
        schema["default"] = typed(param.default, kind if isinstance(kind, str) else "string")
        mark(node, todo)
        return f"default {param.default}"

    def add_enum_value(self, finding: Finding, todo: str) -> str:
        subject, _, value = finding.subject.rpartition("=")
        if finding.target is None:
            raise Unplaceable("the finding names no spec operation")
        labels: dict[str, str] = {}
        if ":" in subject and subject.split(":", 1)[0] in ("query", "path", "header"):
            location, name = subject.split(":", 1)
            sf, param = self.raw_parameter(_target(finding), location, name)
            node = enum_node(sf, param.get("schema"))
            holder = param
        else:
            side = "response"
            doc_op = self.doc_ops.get(finding.operation)
            if doc_op and doc_op.request_fields and subject in doc_op.request_fields:
                side = "request"
            sf, schema = self.body_schema(finding, side)
            node = enum_node(sf, self.walk_to(sf, schema, "" if subject == "(body)" else subject))
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
        if typed(value, kind) in values:
            raise Unplaceable(f"the spec's enum there has {value} already")
        self.enum_todos[(id(node), value)] = todo
        values.append(typed(value, kind))
        label = labels.get(value, "")
        if "x-enum-varnames" in node:
            node["x-enum-varnames"].append(varname(value, label, list(node["x-enum-varnames"])))
        if "x-enum-descriptions" in node:
            node["x-enum-descriptions"].append(label or f"Value {value} (meaning to be reviewed, {todo})")
        mark(node if "x-decision" in node or holder is node else holder, todo)
        return f"enum value {value}" + (f" ({label})" if label else "")

    def add_status(self, finding: Finding, todo: str) -> str:
        response = _fact(finding, DocResponse)
        sf, op = self.raw_operation(_target(finding))
        node, what = self.response_node(sf, _target(finding), response, todo)
        responses = op.setdefault("responses", mapping())
        insert_sorted(responses, response.status, node)
        if "$ref" in node:
            mark(op, todo)  # a reference cannot carry x-decision (OpenAPI 3.1); the operation does
        return what

    def response_node(
        self, sf: SpecFile, target: SpecTarget, response: DocResponse, todo: str
    ) -> tuple[Any, str]:
        reuse = reusable_response(sf, target.path, response)
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
        component = named_component(sf, named)
        if component is not None:
            schema: dict[str, Any] = {"$ref": f"#/components/schemas/{component}"}
        elif fields:
            schema = schema_from_fields(fields)
        else:
            schema = {"type": "object"} if "json" in media else {"type": "string"}
        node = mapping({"schema": schema})
        examples = examples_for(sf, schema)
        if examples is not None:
            node[examples[0]] = examples[1]
        else:
            node["example"] = to_node(example(sf, schema))
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
        return f"header {name} on {response.status}" + shared_note(raw)

    def add_media_type(self, finding: Finding, todo: str) -> str:
        sf, response, raw, node, media = self.existing_response(finding)
        content = node.setdefault("content", mapping())
        content[media] = self.media_node(sf, media, response.content_text)
        content[media]["x-decision"] = todo
        return f"content type {media} on {response.status}" + shared_note(raw)

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
            f"{side.capitalize()} field ({type_text(new)}), newly described on the vendor page. "
            "Proposed by doc "
            f"drift as {todo}; its meaning awaits review."
        )
        new["x-decision"] = todo
        parent.setdefault("properties", mapping())
        parent["properties"][name] = to_node(new)
        return f"{side} field {path} ({type_text(new)})"

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
                "operationId": operation_id(sf, doc_op.title),
                "tags": sibling_tags(sibling_ops),
                "summary": doc_op.title,
                "description": prose(operation_description(doc_op, todo)),
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
            insert_path(paths, doc_op.path, item)
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
