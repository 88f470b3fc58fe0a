"""The project's one model of its OpenAPI documents: load once, strictly; resolve ``$ref``; read typed facts.

Every part that reads a spec (generation, the spec checks, the mocks, the contract suite, the doc tools)
goes through this package, so a document means the same thing everywhere: one YAML loader (JSON-like data:
string keys, timestamps kept as text, duplicate keys refused), one ``$ref`` resolver (``referencing``), one
list of HTTP methods, one registry of the APIs the project covers.
"""

from spec_model.loader import SpecLoadError, load_document, parse_document
from spec_model.model import (
    HTTP_METHODS,
    Link,
    MediaType,
    Operation,
    Parameter,
    RequestBody,
    Response,
    SpecModel,
    WriteEffect,
    iter_operations,
    load_spec,
)
from spec_model.paths import fill_path, literal_segments, path_regex, path_shape, path_variables
from spec_model.refs import RefResolver, SpecRefError, json_pointer
from spec_model.registry import API_NAMES, APIS, ApiEntry, SpecNotFoundError, api, spec, spec_path
from spec_model.variants import Variant, VariantCatalog, VariantError, load_variants, variants

__all__ = [
    "APIS",
    "API_NAMES",
    "HTTP_METHODS",
    "ApiEntry",
    "Link",
    "MediaType",
    "Operation",
    "Parameter",
    "RefResolver",
    "RequestBody",
    "Response",
    "SpecLoadError",
    "SpecModel",
    "SpecNotFoundError",
    "SpecRefError",
    "Variant",
    "VariantCatalog",
    "VariantError",
    "WriteEffect",
    "api",
    "fill_path",
    "iter_operations",
    "json_pointer",
    "literal_segments",
    "load_document",
    "load_spec",
    "load_variants",
    "parse_document",
    "path_regex",
    "path_shape",
    "path_variables",
    "spec",
    "spec_path",
    "variants",
]
