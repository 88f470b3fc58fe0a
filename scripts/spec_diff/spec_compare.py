"""Classify every difference between two versions of one OpenAPI document (refs resolved).

Operation-level rules follow oasdiff, plus two that matter for *generated* clients: a changed operationId or
tag renames the generated function or moves it to another module, so both are ERR.
"""

from __future__ import annotations

from typing import Any

from spec_model import Operation, iter_operations, path_shape, path_variables

from ..speclib.openapi import JsonDict
from .alternatives import shorten
from .changes import Change, Kind, Level
from .schema_diff import SchemaDiff


class SpecComparison:
    def __init__(self, old: JsonDict, new: JsonDict) -> None:
        self.old = old
        self.new = new
        self.changes: list[Change] = []

    def run(self) -> list[Change]:
        old_ops = {(o.method, path_shape(o.path)): o for o in iter_operations(self.old)}
        new_ops = {(o.method, path_shape(o.path)): o for o in iter_operations(self.new)}
        for key in sorted(set(old_ops) | set(new_ops)):
            before, after = old_ops.get(key), new_ops.get(key)
            if before is None and after is not None:
                self._add(Level.INFO, Kind.ADDITION, "endpoint-added", after.label, "-", "new operation")
            elif after is None and before is not None:
                self._add(Level.ERR, Kind.REMOVAL, "endpoint-removed", before.label, "-", "operation removed")
            elif before is not None and after is not None:
                self._operation(before, after)
        self._models()
        self._servers("-", self.old.get("servers"), self.new.get("servers"))
        old_paths = {
            path_shape(p): v for p, v in (self.old.get("paths") or {}).items() if isinstance(v, dict)
        }
        new_paths = {
            path_shape(p): v for p, v in (self.new.get("paths") or {}).items() if isinstance(v, dict)
        }
        for shape in sorted(set(old_paths) & set(new_paths)):
            self._servers(shape, old_paths[shape].get("servers"), new_paths[shape].get("servers"))
        old_info, new_info = self.old.get("info") or {}, self.new.get("info") or {}
        for field in ("title", "summary", "description"):
            if old_info.get(field) != new_info.get(field):
                self._add(Level.INFO, Kind.DOC, f"api-{field}-changed", "-", "info", f"info.{field} changed")
        return self.changes

    # The six fields of a Change, in its order; keyword-only arguments would only lengthen every call.
    def _add(self, level: Level, kind: Kind, rule: str, operation: str, location: str, message: str) -> None:  # noqa: PLR0917
        self.changes.append(Change(level, kind, rule, operation, location, message))

    def _schema(self, direction: str, op: str, context: str, old: Any, new: Any) -> None:
        def emit(level: Level, kind: Kind, rule: str, where: str, message: str) -> None:
            self._add(level, kind, rule, op, f"{context} {where}".strip(), message)

        SchemaDiff(direction, emit).run(old, new, "")

    def _servers(self, where: str, old: Any, new: Any) -> None:
        """A removed server URL changes the default base URL of generated clients (callers that pass their own
        base URL are unaffected, hence WARN)."""
        old_urls = [str(s.get("url")) for s in old or [] if isinstance(s, dict)]
        new_urls = [str(s.get("url")) for s in new or [] if isinstance(s, dict)]
        for url in old_urls:
            if url not in new_urls:
                self._add(
                    Level.WARN, Kind.REMOVAL, "api-server-removed", where, "servers", f"server {url} removed"
                )
        for url in new_urls:
            if url not in old_urls:
                self._add(
                    Level.INFO, Kind.ADDITION, "api-server-added", where, "servers", f"server {url} added"
                )

    def _models(self) -> None:
        """Each schema under components/schemas becomes a model class of the generated client, named after its
        key: removing or renaming one breaks every import of that class."""
        old_names = set((self.old.get("components") or {}).get("schemas") or {})
        new_names = set((self.new.get("components") or {}).get("schemas") or {})
        for name in sorted(old_names - new_names):
            self._add(
                Level.ERR,
                Kind.REMOVAL,
                "component-schema-removed",
                "-",
                f"schema {name}",
                "generated model removed",
            )
        for name in sorted(new_names - old_names):
            self._add(Level.INFO, Kind.ADDITION, "component-schema-added", "-", f"schema {name}", "new model")

    def _operation(self, before: Operation, after: Operation) -> None:
        op = after.label
        for old_name, new_name in zip(path_variables(before.path), path_variables(after.path), strict=False):
            if old_name != new_name:
                self._add(
                    Level.ERR,
                    Kind.CHANGE,
                    "request-path-parameter-renamed",
                    op,
                    f"path:{old_name}",
                    f"path parameter {{{old_name}}} renamed to {{{new_name}}}",
                )
        if before.operation_id != after.operation_id:
            self._add(
                Level.ERR,
                Kind.CHANGE,
                "api-operation-id-changed",
                op,
                "operationId",
                f"operationId {before.operation_id} became {after.operation_id} "
                "(the generated function is renamed)",
            )
        if (before.raw.get("tags") or [None])[0] != (after.raw.get("tags") or [None])[0]:
            self._add(
                Level.ERR,
                Kind.CHANGE,
                "api-tag-changed",
                op,
                "tags",
                "first tag changed (the generated function moves to another module)",
            )
        if not before.raw.get("deprecated") and after.raw.get("deprecated"):
            self._add(Level.INFO, Kind.CHANGE, "endpoint-deprecated", op, "-", "operation deprecated")
        for field in ("summary", "description"):
            if before.raw.get(field) != after.raw.get(field):
                self._add(Level.INFO, Kind.DOC, f"api-{field}-changed", op, field, f"{field} changed")
        self._parameters(before, after)
        self._request_body(op, before.raw.get("requestBody"), after.raw.get("requestBody"))
        self._responses(op, before.raw.get("responses") or {}, after.raw.get("responses") or {})
        self._security(op, before, after)

    def _parameters(self, before: Operation, after: Operation) -> None:
        op = after.label

        def keyed(operation: Operation) -> dict[tuple[str, str], JsonDict]:
            out: dict[tuple[str, str], JsonDict] = {}
            variables = path_variables(operation.path)
            for parameter in operation.parameters:
                param, location, name = parameter.raw, parameter.location, parameter.name
                # Path parameters are matched by position, so a rename is reported once (above), not twice.
                key = (
                    location,
                    str(variables.index(name)) if location == "path" and name in variables else name,
                )
                out[key] = param
            return out

        old_params, new_params = keyed(before), keyed(after)
        for key in sorted(set(old_params) | set(new_params)):
            old_p, new_p = old_params.get(key), new_params.get(key)
            label = f"{key[0]}:{(new_p or old_p or {}).get('name')}"
            if new_p is None:
                self._add(
                    Level.ERR, Kind.REMOVAL, "request-parameter-removed", op, label, "parameter removed"
                )
                continue
            if old_p is None:
                if new_p.get("required"):
                    self._add(
                        Level.ERR, Kind.ADDITION, "new-required-request-parameter", op, label, "new required"
                    )
                else:
                    self._add(
                        Level.INFO, Kind.ADDITION, "new-optional-request-parameter", op, label, "new optional"
                    )
                continue
            was, now = bool(old_p.get("required")), bool(new_p.get("required"))
            if was != now:
                self._add(
                    Level.ERR if now else Level.INFO,
                    Kind.CHANGE,
                    "request-parameter-became-" + ("required" if now else "optional"),
                    op,
                    label,
                    "became required" if now else "became optional",
                )
            old_schema, new_schema = old_p.get("schema") or {}, new_p.get("schema") or {}
            if old_schema.get("default") != new_schema.get("default"):
                self._add(
                    Level.WARN,
                    Kind.CHANGE,
                    "request-parameter-default-changed",
                    op,
                    label,
                    f"default {shorten(old_schema.get('default'))} became "
                    f"{shorten(new_schema.get('default'))}",
                )
            if old_p.get("description") != new_p.get("description"):
                self._add(Level.INFO, Kind.DOC, "request-parameter-description-changed", op, label, "text")
            self._schema("request", op, f"parameter {label}", old_schema, new_schema)

    def _request_body(self, op: str, old: Any, new: Any) -> None:
        old_body = old if isinstance(old, dict) else None
        new_body = new if isinstance(new, dict) else None
        if old_body is None and new_body is None:
            return
        if new_body is None:
            self._add(Level.ERR, Kind.REMOVAL, "request-body-removed", op, "body", "request body removed")
            return
        if old_body is None:
            required = bool(new_body.get("required"))
            self._add(
                Level.ERR if required else Level.INFO,
                Kind.ADDITION,
                "new-required-request-body" if required else "new-optional-request-body",
                op,
                "body",
                "request body added",
            )
            return
        if not old_body.get("required") and new_body.get("required"):
            self._add(Level.ERR, Kind.CHANGE, "request-body-became-required", op, "body", "became required")
        old_content, new_content = old_body.get("content") or {}, new_body.get("content") or {}
        for media in sorted(set(old_content) | set(new_content)):
            if media not in new_content:
                self._add(
                    Level.ERR, Kind.REMOVAL, "request-body-media-type-removed", op, f"body {media}", "removed"
                )
            elif media not in old_content:
                self._add(
                    Level.INFO, Kind.ADDITION, "request-body-media-type-added", op, f"body {media}", "added"
                )
            else:
                self._schema(
                    "request",
                    op,
                    f"body {media}",
                    old_content[media].get("schema"),
                    new_content[media].get("schema"),
                )

    def _responses(self, op: str, old: JsonDict, new: JsonDict) -> None:
        for status in sorted(set(old) | set(new)):
            if status not in new:
                self._add(Level.ERR, Kind.REMOVAL, "response-status-removed", op, status, "status removed")
                continue
            if status not in old:
                self._add(Level.INFO, Kind.ADDITION, "response-status-added", op, status, "status added")
                continue
            self._response(op, status, old[status] or {}, new[status] or {})

    def _response(self, op: str, status: str, old: JsonDict, new: JsonDict) -> None:
        old_content, new_content = old.get("content") or {}, new.get("content") or {}
        for media in sorted(set(old_content) | set(new_content)):
            where = f"{status} {media}"
            if media not in new_content:
                self._add(
                    Level.ERR, Kind.REMOVAL, "response-media-type-removed", op, where, "media type removed"
                )
            elif media not in old_content:
                self._add(
                    Level.INFO, Kind.ADDITION, "response-media-type-added", op, where, "media type added"
                )
            else:
                self._schema(
                    "response", op, where, old_content[media].get("schema"), new_content[media].get("schema")
                )
        old_headers = {str(k).lower(): v for k, v in (old.get("headers") or {}).items()}
        new_headers = {str(k).lower(): v for k, v in (new.get("headers") or {}).items()}
        for name in sorted(set(old_headers) | set(new_headers)):
            where = f"{status} header {name}"
            if name not in new_headers:
                required = bool((old_headers[name] or {}).get("required"))
                self._add(
                    Level.ERR if required else Level.WARN,
                    Kind.REMOVAL,
                    "response-required-header-removed" if required else "response-optional-header-removed",
                    op,
                    where,
                    "header removed",
                )
            elif name not in old_headers:
                self._add(Level.INFO, Kind.ADDITION, "response-header-added", op, where, "header added")
            else:
                was = bool((old_headers[name] or {}).get("required"))
                now = bool((new_headers[name] or {}).get("required"))
                if was and not now:
                    self._add(
                        Level.ERR, Kind.CHANGE, "response-header-became-optional", op, where, "optional"
                    )
                self._schema(
                    "response",
                    op,
                    where,
                    (old_headers[name] or {}).get("schema"),
                    (new_headers[name] or {}).get("schema"),
                )

    def _security(self, op: str, before: Operation, after: Operation) -> None:
        def alternatives(doc: JsonDict, operation: Operation) -> set[tuple[tuple[str, tuple[str, ...]], ...]]:
            # No requirement at all means anonymous access: the empty alternative.
            requirements = operation.raw.get("security", doc.get("security")) or [{}]
            return {
                tuple(sorted((str(name), tuple(sorted(scopes or []))) for name, scopes in req.items()))
                for req in requirements
                if isinstance(req, dict)
            }

        old_alt, new_alt = alternatives(self.old, before), alternatives(self.new, after)
        for alt in sorted(old_alt - new_alt):
            label = " + ".join(f"{n}{list(s) if s else ''}" for n, s in alt) or "no authentication"
            self._add(
                Level.ERR, Kind.REMOVAL, "security-requirement-removed", op, "security", f"{label} removed"
            )
        for alt in sorted(new_alt - old_alt):
            label = " + ".join(f"{n}{list(s) if s else ''}" for n, s in alt) or "no authentication"
            self._add(
                Level.INFO, Kind.ADDITION, "security-requirement-added", op, "security", f"{label} added"
            )
