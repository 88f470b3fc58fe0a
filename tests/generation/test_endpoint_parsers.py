"""The parser-table macros (generator/templates/endpoint_parsers.jinja) against the installed generator.

They map each response source the generator knows to the body the runtime hands a parser; a source they do
not know must stop the generation rather than produce a module that parses the wrong thing. So the first
test lists the generator's sources, and the second shows what an unknown one does.
"""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import Any

import jinja2
import openapi_python_client
import pytest
from openapi_python_client.parser import responses

TEMPLATES = Path(__file__).resolve().parents[2] / "generator" / "templates"
KNOWN_SOURCES = {
    "response.json()": "json",
    "response.content": "content",
    "response.text": "text",
    "None": "none",
}


def environment() -> jinja2.Environment:
    """Our templates first, then the stock ones, with the generator's filters (as it builds its own)."""
    loader = jinja2.ChoiceLoader(
        [jinja2.FileSystemLoader(TEMPLATES), jinja2.PackageLoader("openapi_python_client")]
    )
    env = jinja2.Environment(loader=loader, trim_blocks=True, lstrip_blocks=True)
    env.filters.update(openapi_python_client.TEMPLATE_FILTERS)
    return env


def response(source: str, *, template: str = "model_property.py.jinja", low: int = 200) -> Any:
    prop = SimpleNamespace(
        template=template,
        required=True,
        python_name=f"response_{low}",
        class_info=SimpleNamespace(name="JobsPage"),
    )
    return SimpleNamespace(
        source={"attribute": source}, prop=prop, status_code=SimpleNamespace(range=(low, low))
    )


def macros() -> Any:
    return environment().get_template("endpoint_parsers.jinja").module


def test_every_response_source_of_the_generator_has_a_body_kind() -> None:
    sources = {
        value["attribute"]
        for name, value in vars(responses).items()
        if name.endswith("_SOURCE") and isinstance(value, dict)
    }
    assert sources == set(KNOWN_SOURCES), (
        f"openapi-python-client {openapi_python_client.__version__} changed its response sources; "
        "update body_kind in generator/templates/endpoint_parsers.jinja"
    )
    for source, kind in KNOWN_SOURCES.items():
        assert str(macros().body_kind(response(source))) == kind


def test_an_unknown_source_stops_the_generation() -> None:
    with pytest.raises(jinja2.UndefinedError, match="unknown_response_source_stops_generation"):
        str(macros().row(response("response.json_body()")))


def test_rows_use_the_property_templates_construct_function() -> None:
    assert str(macros().row(response("response.json()"))) == '(200, 200, "json", JobsPage.from_dict),'
    assert str(macros().row(response("None", low=204))) == '(204, 204, "none", no_body),'


def test_rows_carry_the_spec_s_media_types_without_parameters() -> None:
    from openapi_python_client.schema.untrusted_string import UntrustedString  # noqa: PLC0415

    documented = response("response.text", template="any_property.py.jinja")
    documented.data = SimpleNamespace(
        content={UntrustedString("Text/Plain; charset=utf-8"): None, UntrustedString("text/plain"): None}
    )
    assert str(macros().row(documented)) == '(200, 200, "text", unchanged, ("text/plain",)),'
    documented.data = SimpleNamespace(content={})  # a response without content: any type, as before
    assert str(macros().row(documented)) == '(200, 200, "text", unchanged),'
