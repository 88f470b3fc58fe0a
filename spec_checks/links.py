"""Check 5: OpenAPI links point at real operations and real parameters, with well-formed runtime expressions.

Stateful tests (Schemathesis) walk these links, and a link to a renamed operation or parameter is silently
dropped there, so the walk loses coverage without failing. A link is checked where a response uses it,
because only there is its source known: `$response.body#/...` must exist in that response's schema,
`$response.header.X` must be a declared header, and `$request.*` must name a parameter of the source
operation.
The Schemathesis `#regex:` suffix on header and body expressions is accepted (see decision AVE-18).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from spec_model import Operation, iter_operations

from .document import lookup, resolve
from .problems import Problem, pointer

_TOKEN = r"[!#$%&'*+.^_`|~0-9A-Za-z-]+"
_EXPRESSION = re.compile(
    r"^\$(?:url|method|statusCode"
    rf"|(?P<side>request|response)\.(?:(?P<location>header)\.(?P<header>{_TOKEN})"
    r"|(?P<plocation>query|path)\.(?P<name>[^#{}]+)"
    r"|body(?:#(?P<body>(?:/[^#]*)*))?)"
    r"(?:#regex:(?P<regex>.+))?)$"
)
_EMBEDDED = re.compile(r"\{(\$[^{}]+)\}")


def _parameter_names(document: dict[str, Any], operation: Operation) -> set[tuple[str, str]]:
    names: set[tuple[str, str]] = set()
    for level in (operation.path_item, operation.raw):
        for raw in level.get("parameters") or []:
            parameter, _ = resolve(document, raw)
            if isinstance(parameter, dict):
                location = str(parameter.get("in"))
                name = str(parameter.get("name"))
                names.add((location, name.lower() if location == "header" else name))
    return names


def _schema_has_pointer(document: dict[str, Any], schema: Any, tokens: list[str], depth: int = 0) -> bool:
    """Whether a value at `tokens` can exist in instances of `schema` (unknown shapes count as possible)."""
    schema, _ = resolve(document, schema)
    if not tokens or depth > 32:
        return True
    if not isinstance(schema, dict):
        return schema is not False
    for keyword in ("allOf", "anyOf", "oneOf"):
        branches = schema.get(keyword)
        if isinstance(branches, list) and any(
            _schema_has_pointer(document, branch, tokens, depth + 1) for branch in branches
        ):
            return True
    token, rest = tokens[0], tokens[1:]
    properties = schema.get("properties")
    if isinstance(properties, dict) and token in properties:
        return _schema_has_pointer(document, properties[token], rest, depth + 1)
    if token.isdigit() and "items" in schema:
        return _schema_has_pointer(document, schema["items"], rest, depth + 1)
    additional = schema.get("additionalProperties")
    if isinstance(additional, dict):
        return _schema_has_pointer(document, additional, rest, depth + 1)
    return False


class _LinkChecker:
    def __init__(self, file: str, document: dict[str, Any]) -> None:
        self.file = file
        self.document = document
        self.all_operations = iter_operations(document)
        self.operations = {op.operation_id: op for op in self.all_operations if op.operation_id is not None}

    def check(
        self, where: str, link: dict[str, Any], source: Operation, response: dict[str, Any]
    ) -> Iterator[Problem]:
        target = self._target(where, link)
        if isinstance(target, Problem):
            yield target
            return
        target_names = _parameter_names(self.document, target)
        for key, value in (link.get("parameters") or {}).items():
            here = f"{where}{pointer('parameters', key)}"
            location, _, name = key.rpartition(".") if "." in key else ("", "", key)
            lowered = name.lower() if location == "header" else name
            wanted = (
                {(location, lowered)}
                if location
                else {(loc, lowered) for loc in ("path", "query", "header", "cookie")}
            )
            if not wanted & target_names:
                yield Problem(
                    self.file,
                    here,
                    "link-parameter",
                    f"parameter {key!r} does not exist in target operation {target.operation_id!r}",
                )
            yield from self._expressions(here, value, source, response)
        if "requestBody" in link:
            if "requestBody" not in target.raw:
                yield Problem(
                    self.file,
                    f"{where}/requestBody",
                    "link-parameter",
                    "target operation has no request body",
                )
            yield from self._expressions(f"{where}/requestBody", link["requestBody"], source, response)

    def _target(self, where: str, link: dict[str, Any]) -> Operation | Problem:
        if "operationId" in link:
            target = self.operations.get(str(link["operationId"]))
            if target is None:
                return Problem(
                    self.file,
                    f"{where}/operationId",
                    "link-target",
                    f"operationId {link['operationId']!r} does not exist in this document",
                )
            return target
        reference = link.get("operationRef")
        if isinstance(reference, str) and reference.startswith("#"):
            node = lookup(self.document, reference[1:])
            for op in self.all_operations:
                if op.raw is node:
                    return op
        return Problem(self.file, where, "link-target", "link needs an operationId or a local operationRef")

    def _expressions(
        self, where: str, value: Any, source: Operation, response: dict[str, Any]
    ) -> Iterator[Problem]:
        """Expressions in a value; objects and arrays are searched too (Schemathesis evaluates those)."""
        if isinstance(value, dict):
            for key, item in value.items():
                yield from self._expressions(f"{where}{pointer(key)}", item, source, response)
            return
        if isinstance(value, list):
            for index, item in enumerate(value):
                yield from self._expressions(f"{where}/{index}", item, source, response)
            return
        if not isinstance(value, str):
            return
        expressions = [value] if value.startswith("$") else _EMBEDDED.findall(value)
        for expression in expressions:
            yield from self._expression(where, expression, source, response)

    def _expression(
        self, where: str, expression: str, source: Operation, response: dict[str, Any]
    ) -> Iterator[Problem]:
        match = _EXPRESSION.match(expression)
        if match is None:
            yield Problem(self.file, where, "link-expression", f"{expression!r} is not a runtime expression")
            return
        if match["regex"] is not None:
            try:
                compiled = re.compile(match["regex"])
            except re.error as exc:
                yield Problem(self.file, where, "link-expression", f"bad #regex: in {expression!r}: {exc}")
                return
            if compiled.groups != 1:
                yield Problem(
                    self.file, where, "link-expression", "a #regex: needs exactly one capturing group"
                )
        side = match["side"]
        if side == "request" and (match["location"] or match["plocation"]):
            location = match["location"] or match["plocation"]
            name = match["header"] or match["name"]
            key = (location, name.lower() if location == "header" else name)
            if key not in _parameter_names(self.document, source):
                yield Problem(
                    self.file,
                    where,
                    "link-expression",
                    f"{expression!r}: the source operation has no {location} parameter {name!r}",
                )
        elif side == "response" and match["location"] == "header":
            headers = {str(name).lower() for name in (response.get("headers") or {})}
            if match["header"].lower() not in headers:
                yield Problem(
                    self.file,
                    where,
                    "link-expression",
                    f"{expression!r}: the response declares no such header",
                )
        elif side == "response" and match["body"]:
            tokens = [t.replace("~1", "/").replace("~0", "~") for t in match["body"].split("/")[1:]]
            schemas = [
                media.get("schema")
                for media in (response.get("content") or {}).values()
                if isinstance(media, dict) and "schema" in media
            ]
            if not any(_schema_has_pointer(self.document, schema, tokens) for schema in schemas):
                yield Problem(
                    self.file,
                    where,
                    "link-expression",
                    f"{expression!r}: #{match['body']} does not exist in the response body schema",
                )


def check_links(file: str, document: dict[str, Any]) -> list[Problem]:
    """Every link used by a response, checked against its source and target operations."""
    checker = _LinkChecker(file, document)
    problems: set[Problem] = set()
    for operation in iter_operations(document):
        for status, raw_response in (operation.raw.get("responses") or {}).items():
            response, followed = resolve(document, raw_response)
            if not isinstance(response, dict):
                continue
            base = followed or f"{operation.pointer}{pointer('responses', status)}"
            for name, raw_link in (response.get("links") or {}).items():
                link, link_at = resolve(document, raw_link)
                where = link_at or f"{base}{pointer('links', name)}"
                if not isinstance(link, dict):
                    problems.add(Problem(file, where, "link-target", f"link {name!r} does not resolve"))
                    continue
                problems.update(checker.check(where, link, operation, response))
    return sorted(problems)
