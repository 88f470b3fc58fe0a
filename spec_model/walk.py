"""The tolerant walk of a raw OpenAPI document: every place that holds a schema or an example, every schema.

The spec checks need one traversal (every operation; every parameter, header and media type; every schema),
so it is written once here. Objects that are `$ref`s are skipped where they are used and visited where they
are defined (under `components`), so each definition is checked exactly once and reported at its own pointer.

The walk reads the raw document rather than `SpecModel`: the model resolves every reference when it is built
and refuses a broken one, while the checks must go on and report it. Operations come from the model's own
reader in its tolerant mode (`iter_operations`), so there is one `Operation` type in the project.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from spec_model.model import iter_operations
from spec_model.refs import json_pointer

__all__ = ["Site", "iter_all_schemas", "iter_sites", "iter_subschemas", "iter_top_schemas"]

# Keywords whose value is a subschema, a list of subschemas, or a map name -> subschema (JSON Schema 2020-12).
_ONE_SCHEMA = (
    "additionalProperties",
    "items",
    "contains",
    "propertyNames",
    "not",
    "if",
    "then",
    "else",
    "unevaluatedItems",
    "unevaluatedProperties",
    "contentSchema",
)
_SCHEMA_LISTS = ("allOf", "anyOf", "oneOf", "prefixItems")
_SCHEMA_MAPS = ("properties", "patternProperties", "$defs", "dependentSchemas")


def _pointer(*tokens: str | int) -> str:
    return json_pointer(tokens)


def _is_ref(node: Any) -> bool:
    return isinstance(node, dict) and "$ref" in node


def _dict_items(node: Any) -> Iterator[tuple[str, Any]]:
    if isinstance(node, dict):
        yield from node.items()


@dataclass(frozen=True)
class Site:
    """An object that can hold `schema` plus `example`/`examples`: a parameter, a header or a media type."""

    pointer: str
    node: dict[str, Any]
    kind: str  # "parameter" | "header" | "media type"


def _content_sites(base: str, content: Any) -> Iterator[Site]:
    for media_type, media in _dict_items(content):
        if isinstance(media, dict):
            where = f"{base}{_pointer('content', media_type)}"
            yield Site(where, media, "media type")
            for name, encoding in _dict_items(media.get("encoding")):
                if isinstance(encoding, dict):
                    yield from _header_sites(f"{where}{_pointer('encoding', name)}", encoding.get("headers"))


def _header_sites(base: str, headers: Any) -> Iterator[Site]:
    for name, header in _dict_items(headers):
        if isinstance(header, dict) and not _is_ref(header):
            where = f"{base}{_pointer('headers', name)}"
            yield Site(where, header, "header")
            yield from _content_sites(where, header.get("content"))


def _parameter_sites(base: str, parameters: Any) -> Iterator[Site]:
    if not isinstance(parameters, list):
        return
    for index, parameter in enumerate(parameters):
        if isinstance(parameter, dict) and not _is_ref(parameter):
            where = f"{base}{_pointer('parameters', index)}"
            yield Site(where, parameter, "parameter")
            yield from _content_sites(where, parameter.get("content"))


def _response_sites(where: str, response: Any) -> Iterator[Site]:
    if isinstance(response, dict) and not _is_ref(response):
        yield from _header_sites(where, response.get("headers"))
        yield from _content_sites(where, response.get("content"))


def iter_sites(document: dict[str, Any]) -> Iterator[Site]:
    """Every parameter, header and media type defined in the document (not the `$ref`s to them)."""
    for path, path_item in _dict_items(document.get("paths")):
        if not isinstance(path_item, dict):
            continue
        yield from _parameter_sites(_pointer("paths", path), path_item.get("parameters"))
    for operation in iter_operations(document):
        node = operation.raw
        yield from _parameter_sites(operation.pointer, node.get("parameters"))
        body = node.get("requestBody")
        if isinstance(body, dict) and not _is_ref(body):
            yield from _content_sites(f"{operation.pointer}/requestBody", body.get("content"))
        for status, response in _dict_items(node.get("responses")):
            yield from _response_sites(f"{operation.pointer}{_pointer('responses', status)}", response)
    components = document.get("components")
    if not isinstance(components, dict):
        return
    for name, parameter in _dict_items(components.get("parameters")):
        if isinstance(parameter, dict) and not _is_ref(parameter):
            where = _pointer("components", "parameters", name)
            yield Site(where, parameter, "parameter")
            yield from _content_sites(where, parameter.get("content"))
    yield from _header_sites(_pointer("components"), components.get("headers"))
    for name, body in _dict_items(components.get("requestBodies")):
        if isinstance(body, dict) and not _is_ref(body):
            yield from _content_sites(_pointer("components", "requestBodies", name), body.get("content"))
    for name, response in _dict_items(components.get("responses")):
        yield from _response_sites(_pointer("components", "responses", name), response)


def iter_top_schemas(document: dict[str, Any]) -> Iterator[tuple[str, Any]]:
    """Every schema that is not inside another schema: component schemas and the `schema` of each site."""
    components = document.get("components")
    if isinstance(components, dict):
        for name, schema in _dict_items(components.get("schemas")):
            yield _pointer("components", "schemas", name), schema
    for site in iter_sites(document):
        if "schema" in site.node:
            yield f"{site.pointer}/schema", site.node["schema"]


def iter_subschemas(where: str, schema: Any) -> Iterator[tuple[str, dict[str, Any]]]:
    """`schema` itself and every schema nested in it, with their pointers (boolean schemas are skipped)."""
    if not isinstance(schema, dict):
        return
    yield where, schema
    for keyword in _ONE_SCHEMA:
        if keyword in schema:
            yield from iter_subschemas(f"{where}/{keyword}", schema[keyword])
    for keyword in _SCHEMA_LISTS:
        value = schema.get(keyword)
        if isinstance(value, list):
            for index, item in enumerate(value):
                yield from iter_subschemas(f"{where}/{keyword}/{index}", item)
    for keyword in _SCHEMA_MAPS:
        for name, item in _dict_items(schema.get(keyword)):
            yield from iter_subschemas(f"{where}{_pointer(keyword, name)}", item)


def iter_all_schemas(document: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    """Every schema object in the document, nested ones included."""
    for where, schema in iter_top_schemas(document):
        yield from iter_subschemas(where, schema)
