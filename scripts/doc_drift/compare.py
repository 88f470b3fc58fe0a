"""Compare what the pages document with what the specs say, one Finding per difference.

Rules (see docs/doc-update-workflow.md):
- Operations match on method plus path *shape*; differing path-variable names are a finding of their own, so
  a doc slip like `{jobSetID}` is visible and must be allowlisted, never silently normalised.
- Anything the docs state that the spec lacks or contradicts is MISSING or DIFFERENT (fails unless
  allowlisted).
- What only the spec has is ONLY_IN_SPEC: reported, never failing, because the spec deliberately adds codes
  and fields the pages leave out (decisions OLC-04, OLC-05, AVE-05, ...).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import jsonschema

from spec_model import Operation, iter_operations, path_shape, path_variables

from ..speclib.openapi import JsonDict, SchemaView, flatten_fields, json_media_schema, schema_view
from .model import DocField, DocOperation, DocParameter, DocResponse, Finding, Severity, SpecTarget

# What each type word of the pages may be in JSON Schema terms. "number" on the OL pages is used for IDs, so
# both JSON numeric types satisfy it; "double" is a real fraction and needs `number`.
_TYPE_WORDS: dict[str, set[str]] = {
    "number": {"number", "integer"},
    "integer": {"integer"},
    "int": {"integer"},
    "long": {"integer"},
    "double": {"number"},
    "float": {"number"},
    "decimal": {"number"},
    "string": {"string"},
    "null": {"null"},
    "boolean": {"boolean"},
    "bool": {"boolean"},
    "object": {"object"},
    "array": {"array"},
    "list": {"array"},
    "guid": {"string"},
    "datetime": {"string"},
}
# The AvePoint pages also type an element by the structure it holds: a named model ("ResponseMetadata",
# "Restore result", "ApiError") or one of their own words for jobs. Such a name says "a structure" (object or
# list), so only a scalar in the spec contradicts it; "Array of X" is a list. Lower-case words outside this
# set stay unknown, so a misspelt type word is still reported.
_STRUCTURE_WORDS = {"module", "job", "jobs"}


def _structure(word: str) -> set[str] | None:
    lowered = word.lower()
    if lowered.startswith("array of ") or lowered.endswith("[]"):
        return {"array"}
    if lowered in _STRUCTURE_WORDS or (word[:1].isupper() and lowered not in _TYPE_WORDS):
        return {"object", "array"}
    return None


@dataclass
class SpecSet:
    """Every operation of every spec, indexed by method and path shape."""

    docs: dict[str, JsonDict]
    index: dict[tuple[str, str], list[tuple[str, Operation]]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for name, doc in self.docs.items():
            for op in iter_operations(doc):
                self.index.setdefault((op.method, path_shape(op.path)), []).append((name, op))

    def find(self, method: str, path: str) -> tuple[str, Operation] | None:
        matches = self.index.get((method.upper(), path_shape(path)), [])
        return matches[0] if matches else None


def _raw_parameter(op: Operation, location: str, name: str) -> JsonDict | None:
    """The spec's parameter ``name`` in ``location`` as written, or None when the operation has none."""
    return next((p.raw for p in op.parameters_in(location) if p.name == name), None)


def type_mismatch(doc_type: str | None, view: SchemaView) -> str | None:
    """Why the page's type word contradicts the spec's types; None when they agree or cannot be compared."""
    if doc_type is None or not view.types:
        return None
    spec_types = view.types | ({"integer"} if "number" in view.types else set())
    for word in (w.strip() for w in doc_type.split("|")):
        lowered = word.lower()
        if lowered == "enum":
            continue
        wanted = _TYPE_WORDS.get(lowered) or _structure(word)
        if wanted is None:
            return f"the page's type word {word!r} is not a known type (spec: {_types(view)})"
        if not wanted & spec_types:
            return f"docs say {doc_type}, spec says {_types(view)}"
    return None


def _types(view: SchemaView) -> str:
    return " | ".join(sorted(view.types)) or "any"


def _enum_strings(view: SchemaView) -> list[str] | None:
    if view.enum is None:
        return None
    return [str(v).lower() if isinstance(v, bool) else str(v) for v in view.enum]


class Comparer:
    """Collects the findings for one doc operation against its spec operation."""

    def __init__(self, doc_op: DocOperation, spec_name: str, op: Operation, spec: JsonDict) -> None:
        self.doc_op = doc_op
        self.spec_name = spec_name
        self.op = op
        self.spec = spec
        self.findings: list[Finding] = []

    def add(
        self,
        kind: str,
        subject: str,
        severity: Severity,
        message: str,
        *,
        spec: str = "",
        page: str = "",
        fact: object = None,
    ) -> None:
        """Record a finding; `spec`/`page` are the values shown on its report line, `fact` feeds proposals."""
        self.findings.append(
            Finding(
                operation=self.doc_op.key,
                kind=kind,
                subject=subject,
                severity=severity,
                message=message,
                page=self.doc_op.page,
                spec_value=spec,
                page_value=page,
                target=SpecTarget(self.spec_name, self.op.method.lower(), self.op.path),
                fact=fact,
            )
        )

    def run(self) -> list[Finding]:
        self.path_names()
        self.parameters()
        self.security()
        self.request()
        self.responses()
        self.samples()
        return self.findings

    def path_names(self) -> None:
        for doc_name, spec_name in zip(
            path_variables(self.doc_op.path), path_variables(self.op.path), strict=False
        ):
            if doc_name != spec_name:
                self.add(
                    "path-parameter-renamed",
                    f"{{{doc_name}}}",
                    Severity.DIFFERENT,
                    f"the page's URI names the path variable {{{doc_name}}}; "
                    f"the spec names it {{{spec_name}}}",
                    spec=f"{{{spec_name}}}",
                    page=f"{{{doc_name}}}",
                )

    def parameters(self) -> None:
        documented = {(p.location, p.name) for p in self.doc_op.parameters}
        for param in self.doc_op.parameters:
            spec_param = _raw_parameter(self.op, param.location, param.name)
            subject = f"{param.location}:{param.name}"
            if spec_param is None:
                same_location = sorted(p.name for p in self.op.parameters_in(param.location))
                self.add(
                    "parameter-missing",
                    subject,
                    Severity.MISSING,
                    f"docs describe {param.location} parameter '{param.name}'; the spec has none by that name"
                    f" (spec {param.location} parameters: {', '.join(same_location) or 'none'})",
                    spec="absent",
                    page=_describe_parameter(param),
                    fact=param,
                )
                continue
            self.parameter_details(param, spec_param, subject)
        for spec_parameter in self.op.parameters:
            key = (spec_parameter.location, spec_parameter.name)
            if key not in documented:
                self.add(
                    "parameter-only-in-spec",
                    f"{key[0]}:{key[1]}",
                    Severity.ONLY_IN_SPEC,
                    f"the spec has {key[0]} parameter '{key[1]}'; the page does not describe it",
                    spec="present",
                    page="absent",
                )

    def parameter_details(self, param: DocParameter, spec_param: JsonDict, subject: str) -> None:
        view = schema_view(spec_param.get("schema"))
        mismatch = type_mismatch(param.doc_type, view)
        if mismatch:
            self.add(
                "parameter-type",
                subject,
                Severity.DIFFERENT,
                mismatch,
                spec=_types(view),
                page=str(param.doc_type),
            )
        spec_required = bool(spec_param.get("required", False))
        if param.required is not None and param.required != spec_required:
            self.add(
                "parameter-required",
                subject,
                Severity.DIFFERENT,
                f"docs say {'required' if param.required else 'optional'}, the spec says "
                f"{'required' if spec_required else 'optional'}",
                spec="required" if spec_required else "optional",
                page="required" if param.required else "optional",
            )
        if param.default is not None:
            if not view.has_default:
                self.add(
                    "parameter-default",
                    subject,
                    Severity.MISSING,
                    f"docs give the default {param.default}; the spec gives none",
                    spec="no default",
                    page=param.default,
                    fact=param,
                )
            elif _plain(view.default) != param.default:
                self.add(
                    "parameter-default",
                    subject,
                    Severity.DIFFERENT,
                    f"docs give the default {param.default}; the spec gives {view.default}",
                    spec=_plain(view.default),
                    page=param.default,
                )
        self.enum_values(subject, param.enum, view, param)

    def enum_values(
        self, subject: str, doc_values: list[str] | None, view: SchemaView, fact: object = None
    ) -> None:
        if doc_values is None:
            return
        spec_values = _enum_strings(view)
        if spec_values is None:
            if view.types and view.types <= {"integer", "number", "string", "boolean", "null"}:
                return  # an open type accepts every documented value
            self.add(
                "enum-missing",
                subject,
                Severity.MISSING,
                f"docs list the values {', '.join(doc_values)}; the spec has no enum",
                spec=_types(view),
                page=", ".join(doc_values),
            )
            return
        for value in doc_values:
            if value not in spec_values:
                self.add(
                    "enum-value-missing",
                    f"{subject}={value}",
                    Severity.MISSING,
                    f"docs list the value {value}; the spec's enum lacks it ({', '.join(spec_values)})",
                    spec=", ".join(spec_values),
                    page=", ".join(doc_values),
                    fact=fact,
                )
        for value in spec_values:
            if value not in doc_values:
                self.add(
                    "enum-value-only-in-spec",
                    f"{subject}={value}",
                    Severity.ONLY_IN_SPEC,
                    f"the spec's enum has {value}; the page does not list it",
                    spec=", ".join(spec_values),
                    page=", ".join(doc_values),
                )

    def security(self) -> None:
        requirements = self.op.raw.get("security", self.spec.get("security")) or []
        schemes = (self.spec.get("components") or {}).get("securitySchemes") or {}
        used = [schemes.get(name) or {} for req in requirements for name in req]
        scopes = {scope for req in requirements for values in req.values() for scope in values or []}
        for header in sorted(self.doc_op.auth_headers):
            if header.lower() == "authorization":
                ok = any(s.get("type") == "http" or s.get("type") == "oauth2" for s in used)
            else:
                ok = (
                    any(
                        s.get("type") == "apiKey" and s.get("in") == "header" and s.get("name") == header
                        for s in used
                    )
                    or _raw_parameter(self.op, "header", header) is not None
                )
            if not ok:
                self.add(
                    "auth-missing",
                    header,
                    Severity.MISSING,
                    f"docs accept credentials in the '{header}' header; no security scheme of the "
                    "operation covers it",
                    spec="no scheme",
                    page=header,
                )
        for scope in sorted(self.doc_op.scopes - scopes):
            self.add(
                "scope-missing",
                scope,
                Severity.MISSING,
                f"docs require the permission {scope}; the operation's security lists "
                f"{', '.join(sorted(scopes)) or 'no scope'}",
                spec=", ".join(sorted(scopes)) or "no scope",
                page=scope,
            )

    def request(self) -> None:
        body = self.op.raw.get("requestBody")
        content = body.get("content") if isinstance(body, dict) else None
        wanted = self.doc_op.request_content_type
        if wanted == "" and content:
            self.add(
                "request-body",
                "(body)",
                Severity.DIFFERENT,
                f"docs say the request takes no content; the spec has a body ({', '.join(content)})",
                spec=", ".join(content),
                page="no content",
            )
        elif wanted and (not content or wanted not in content):
            # A media type next to the spec's is an addition; one instead of the spec's is a change.
            self.add(
                "request-content-type",
                wanted,
                Severity.DIFFERENT if content else Severity.MISSING,
                f"docs send {wanted}; the spec's request body has "
                f"{', '.join(content) if content else 'no body'}",
                spec=", ".join(content) if content else "no body",
                page=wanted,
                fact=self.doc_op,
            )
        if self.doc_op.request_fields:
            media = json_media_schema(content)
            spec_schema = media[1] if media else None
            self.fields("request", self.doc_op.request_fields, spec_schema)

    def responses(self) -> None:
        spec_responses: JsonDict = {
            k: v for k, v in (self.op.raw.get("responses") or {}).items() if not str(k).startswith("x-")
        }
        for status, doc_resp in sorted(self.doc_op.responses.items()):
            spec_resp = spec_responses.get(status) or spec_responses.get(f"{status[0]}XX")
            if not isinstance(spec_resp, dict):
                self.add(
                    "status-missing",
                    status,
                    Severity.MISSING,
                    f"docs list status {status}; the spec does not",
                    spec=", ".join(sorted(spec_responses)),
                    page=status,
                    fact=doc_resp,
                )
                continue
            self.response_details(doc_resp, spec_resp)
        for status in sorted(spec_responses):
            if status not in self.doc_op.responses and status != "default":
                self.add(
                    "status-only-in-spec",
                    status,
                    Severity.ONLY_IN_SPEC,
                    f"the spec lists status {status}; the page does not",
                    spec=status,
                    page=", ".join(sorted(self.doc_op.responses)) or "no status",
                )
        body_status = self.doc_op.response_fields_status
        if self.doc_op.response_fields and body_status:
            spec_resp = spec_responses.get(body_status)
            content = spec_resp.get("content") if isinstance(spec_resp, dict) else None
            media = json_media_schema(content)
            self.fields("response", self.doc_op.response_fields, media[1] if media else None)

    def response_details(self, doc_resp: DocResponse, spec_resp: JsonDict) -> None:
        status = doc_resp.status
        spec_headers = {str(h).lower() for h in spec_resp.get("headers") or {} if not str(h).startswith("x-")}
        for header in sorted(doc_resp.headers):
            if header.lower() not in spec_headers:
                self.add(
                    "response-header-missing",
                    f"{status} {header}",
                    Severity.MISSING,
                    f"docs send the header {header} with {status}; the spec's response has no such header",
                    spec=", ".join(sorted(spec_headers)) or "no header",
                    page=header,
                    fact=doc_resp,
                )
        content = {k: v for k, v in (spec_resp.get("content") or {}).items() if not str(k).startswith("x-")}
        # Where the spec admits several media types the page's list only has to be among them; a page whose
        # media types are all unknown to the spec changed the content type (a contradiction, not an addition).
        changed = bool(content) and not (doc_resp.content_types & set(content))
        for media in sorted(doc_resp.content_types):
            if media not in content:
                self.add(
                    "response-content-type",
                    f"{status} {media}",
                    Severity.DIFFERENT if changed else Severity.MISSING,
                    f"docs answer {status} with {media}; the spec has {', '.join(content) or 'no body'}",
                    spec=", ".join(content) or "no body",
                    page=", ".join(sorted(doc_resp.content_types)),
                    fact=doc_resp,
                )
        if doc_resp.no_body and content:
            self.add(
                "response-body",
                status,
                Severity.DIFFERENT,
                f"docs say {status} has no content; the spec has a body ({', '.join(content)})",
                spec=", ".join(content),
                page="no content",
            )

    def fields(self, side: str, doc_fields: dict[str, DocField], spec_schema: Any) -> None:
        spec_fields = flatten_fields(spec_schema) if spec_schema is not None else {}
        broken: list[str] = []
        for path in sorted(doc_fields, key=lambda p: (p.count(".") + p.count("[]"), p)):
            if any(path.startswith(b) for b in broken):
                continue  # a parent is already reported; its children would only repeat it
            doc_field = doc_fields[path]
            subject = path or "(body)"
            origin = f" ({doc_field.source})" if doc_field.source == "response sample" else ""
            view = spec_fields.get(path)
            if view is None:
                self.add(
                    f"{side}-field-missing",
                    subject,
                    Severity.MISSING,
                    f"docs{origin} describe the {side} field {subject}; the spec's schema lacks it",
                    spec="absent",
                    page=doc_field.doc_type or "untyped",
                    fact=doc_field,
                )
                broken.append(path)
                continue
            mismatch = type_mismatch(doc_field.doc_type, view)
            if mismatch:
                self.add(
                    f"{side}-field-type",
                    subject,
                    Severity.DIFFERENT,
                    mismatch + origin,
                    spec=_types(view),
                    page=str(doc_field.doc_type),
                )
                broken.append(path)
                continue
            self.enum_values(subject, doc_field.enum, view, doc_field)
        for path in sorted(spec_fields):
            parent = _parent_path(path)
            if path and path not in doc_fields and parent in doc_fields and not path.endswith("[]"):
                self.add(
                    f"{side}-field-only-in-spec",
                    path,
                    Severity.ONLY_IN_SPEC,
                    f"the spec's {side} schema has {path}; the page does not describe it",
                    spec=_types(spec_fields[path]),
                    page="absent",
                )

    def samples(self) -> None:
        # Parameter names in a request sample are compared case-insensitively: servers match them that way
        # (decision AVE-02), and the pages' samples are written in lower case.
        names = {p.name.lower() for p in self.op.parameters_in("query")}
        for name in dict.fromkeys(self.doc_op.sample_query_names):
            if name.lower() not in names:
                self.add(
                    "sample-parameter-unknown",
                    name,
                    Severity.MISSING,
                    f"the request sample sends '{name}'; the spec has no such query parameter",
                    spec="absent",
                    page=name,
                )
        if self.doc_op.has_response_sample and self.doc_op.response_fields_status:
            responses = self.op.raw.get("responses") or {}
            spec_resp = responses.get(self.doc_op.response_fields_status)
            media = json_media_schema(spec_resp.get("content") if isinstance(spec_resp, dict) else None)
            if media and isinstance(media[1], dict):
                root = {**media[1], "components": self.spec.get("components") or {}}
                validator = jsonschema.Draft202012Validator(root)
                for error in sorted(validator.iter_errors(self.doc_op.response_sample), key=str):
                    where = "/".join(str(p) for p in error.absolute_path) or "(body)"
                    self.add(
                        "sample-invalid",
                        where,
                        Severity.DIFFERENT,
                        f"the response sample breaks the spec's schema at {where}: {error.message[:160]}",
                        spec=str(error.validator),
                        page=_short(error.instance),
                    )


def _plain(value: Any) -> str:
    """A spec value written the way the pages write it (`false`, not Python's `False`)."""
    return str(value).lower() if isinstance(value, bool) else str(value)


def _describe_parameter(param: DocParameter) -> str:
    parts = [param.doc_type or "untyped"]
    if param.enum:
        parts.append("one of " + ", ".join(param.enum))
    if param.default is not None:
        parts.append(f"default {param.default}")
    return "; ".join(parts)


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _parent_path(path: str) -> str:
    if path.endswith("[]"):
        return path[:-2]
    cut = max(path.rfind("."), -1)
    return path[:cut] if cut >= 0 else ""


def compare(doc_ops: list[DocOperation], specs: SpecSet) -> tuple[list[Finding], dict[str, str]]:
    """All findings, plus for each doc operation key the spec operation it matched (for the report)."""
    findings: list[Finding] = []
    matched: dict[str, str] = {}
    covered_specs: set[str] = set()
    seen_spec_ops: set[tuple[str, str]] = set()
    for doc_op in doc_ops:
        hit = specs.find(doc_op.method, doc_op.path)
        if hit is None:
            findings.append(
                Finding(
                    operation=doc_op.key,
                    kind="operation-missing",
                    subject=doc_op.key,
                    severity=Severity.MISSING,
                    message=f"docs describe {doc_op.key} ({doc_op.title!r}); no spec has this operation",
                    page=doc_op.page,
                    spec_value="absent",
                    page_value=doc_op.title,
                    fact=doc_op,
                )
            )
            continue
        spec_name, op = hit
        covered_specs.add(spec_name)
        seen_spec_ops.add((spec_name, op.label))
        matched[doc_op.key] = f"{spec_name} {op.operation_id or op.label}"
        findings.extend(Comparer(doc_op, spec_name, op, specs.docs[spec_name]).run())
    for spec_name in sorted(covered_specs):
        for op in iter_operations(specs.docs[spec_name]):
            if (spec_name, op.label) not in seen_spec_ops:
                findings.append(
                    Finding(
                        operation=op.label,
                        kind="operation-only-in-spec",
                        subject=op.label,
                        severity=Severity.ONLY_IN_SPEC,
                        message=f"{spec_name} has {op.operation_id or op.label}; no page describes it",
                        spec_value=op.operation_id or op.label,
                        page_value="absent",
                        target=SpecTarget(spec_name, op.method.lower(), op.path),
                    )
                )
    return findings, matched
