"""Spec facts the endpoint template needs and openapi-python-client does not hand it, as a Jinja module.

The generator passes its own parsed view of an operation to `endpoint_module.py.jinja`; it drops extensions
(`x-write`) and uses a parameter's *schema* description where the spec has a *parameter* description. This
module reads the spec through `spec_model` and writes `_spec_facts.jinja` into the staged template folder
(one `{% set OPERATIONS = {...} %}` keyed by `"<method> <path>"`), which the template imports:

- `parameters`: each parameter's description, as the docstring shows it (`docstring_text`);
- `description`: the operation's description, likewise (the summary is used as it is);
- `body`: the request body's description;
- `id_parameter`: the path parameter a single-entity write's body `id` must equal (`x-write.idParameter`);
- `write_list`: a write whose body is a list (the multi-update), checked for emptiness;
- `update_answer`: a `true`/`false` text answer (the single-entity writes, OLC-10, and the job set delete,
  which answers with the same schema), typed `bool`;
- `text_pattern`: the pattern of any other text answer's string schema (a handshake's message), which the
  client checks: a body that does not fit is a `ResponseParseError`;
- `any_case`: query parameters whose values servers match in any letter case (a schema `anyOf` an enum and
  the same words in any case, OLC-12), with the enum's values;
- `security`: the schemes the operation accepts, their scopes and the scheme it issues
  (`spec_model.security`), which the endpoint puts on every request for the auth flow.

Beside `OPERATIONS`, `ERROR_TEXTS` lists where the spec's error schemas put their message (`x-error-text`,
`spec_model.error_text`), which every endpoint reads error bodies with.
"""

from __future__ import annotations

import json
import re
from typing import Any

from spec_model import Operation, SpecModel
from spec_model.error_text import error_text_pointers
from spec_model.security import operation_security

from .errors import GenerationError

FACTS_TEMPLATE = "_spec_facts.jinja"

# A decision reference is for readers of the spec; an installed package has no spec/DECISIONS.md.
_DECISION = r"(?:OLC|AVE)-\d+"
_REFERENCES = (
    re.compile(r"\s*See " + _DECISION + r"(?:(?:,| and) " + _DECISION + r")* in spec/DECISIONS\.md\."),
    # A parenthesis that cites an entry (with or without the variants that play it) is a pointer as a whole.
    re.compile(r"\s*\([^()]*\b" + _DECISION + r"\b[^()]*\)"),
)
_UPDATE_ANSWER = "^(true|false)$"


def docstring_text(description: str) -> str:
    """A spec description for a docstring: one paragraph, without pointers into spec/DECISIONS.md."""
    text = " ".join(description.split())
    for pattern in _REFERENCES:
        text = pattern.sub("", text)
    if "DECISIONS" in text:
        raise GenerationError(f"a description still points at spec/DECISIONS.md after cleaning: {text!r}")
    return text.strip()


def _key(operation: Operation) -> str:
    return f"{operation.method.lower()} {operation.path}"


def _resolve(model: SpecModel, schema: Any) -> Any:
    return model.refs.follow(schema)


def _any_case_values(model: SpecModel, schema: Any) -> list[str] | None:
    """The enum values of `anyOf: [enum, same words in any case]`, else None."""
    schema = _resolve(model, schema)
    branches = schema.get("anyOf") if isinstance(schema, dict) else None
    if not isinstance(branches, list) or len(branches) != 2:
        return None
    resolved = [_resolve(model, branch) for branch in branches]
    enums = [b["enum"] for b in resolved if isinstance(b, dict) and isinstance(b.get("enum"), list)]
    patterns = [b for b in resolved if isinstance(b, dict) and isinstance(b.get("pattern"), str)]
    if len(enums) != 1 or len(patterns) != 1 or not all(isinstance(v, str) for v in enums[0]):
        return None
    pattern = re.compile(patterns[0]["pattern"])
    values: list[str] = enums[0]
    if not all(pattern.fullmatch(v.upper()) and pattern.fullmatch(v.lower()) for v in values):
        return None
    return values


def _text_schema(model: SpecModel, operation: Operation) -> dict[str, Any] | None:
    """The schema of the 200 answer's ``text/plain`` body, resolved, or None."""
    response = operation.responses.get("200")
    media = response.raw.get("content", {}).get("text/plain") if response is not None else None
    schema = _resolve(model, media.get("schema")) if isinstance(media, dict) else None
    return schema if isinstance(schema, dict) else None


def _update_answer(model: SpecModel, operation: Operation) -> bool:
    schema = _text_schema(model, operation)
    if schema is not None and schema.get("pattern") == _UPDATE_ANSWER:
        return True
    if operation.write is not None and operation.write.id_parameter is not None:
        raise GenerationError(
            f"{operation.name}: a single-entity write must answer text/plain `true|false` (OLC-10) "
            "for its typed result; update scripts/generate/template_facts.py if that changed"
        )
    return False


def _text_pattern(model: SpecModel, operation: Operation) -> str | None:
    schema = _text_schema(model, operation)
    if schema is None or schema.get("type") != "string" or schema.get("pattern") == _UPDATE_ANSWER:
        return None
    pattern = schema.get("pattern")
    return pattern if isinstance(pattern, str) else None


def _security(model: SpecModel, operation: Operation) -> dict[str, Any]:
    facts = operation_security(model, operation)
    out: dict[str, Any] = {"schemes": list(facts.schemes), "scopes": list(facts.scopes)}
    if facts.issues is not None:  # JSON without nulls is what the Jinja literal needs
        out["issues"] = facts.issues
    return out


def operation_facts(model: SpecModel, operation: Operation) -> dict[str, Any]:
    facts: dict[str, Any] = {
        "parameters": {
            p.name: docstring_text(str(p.raw.get("description", ""))) for p in operation.parameters
        },
        "any_case": {},
        "security": _security(model, operation),
    }
    for parameter in operation.parameters_in("query"):
        values = _any_case_values(model, parameter.raw.get("schema"))
        if values is not None:
            facts["any_case"][parameter.name] = values
    if operation.raw.get("description"):
        facts["description"] = docstring_text(str(operation.raw["description"]))
    body = operation.request_body
    if body is not None and body.raw.get("description"):
        facts["body"] = docstring_text(str(body.raw["description"]))
    write = operation.write
    if write is not None:
        if write.id_parameter is not None:
            facts["id_parameter"] = write.id_parameter
        media = body.json() if body is not None else None
        if media is not None and _resolve(model, media.schema).get("type") == "array":
            facts["write_list"] = True
    if _update_answer(model, operation):
        facts["update_answer"] = True
    pattern = _text_pattern(model, operation)
    if pattern is not None:
        facts["text_pattern"] = pattern
    return facts


def facts_template(model: SpecModel) -> str:
    """The text of `_spec_facts.jinja` for one spec (JSON is a valid Jinja literal without nulls)."""
    operations = {_key(op): operation_facts(model, op) for op in model.operations.values()}
    # JSON without nulls is a Jinja literal; ASCII escapes survive Jinja's string unescaping.
    literal = json.dumps(operations, sort_keys=True, ensure_ascii=True)
    shapes = [
        {key: value for key, value in vars(shape).items() if value is not None and key != "schema"}
        for shape in error_text_pointers(model)
    ]
    return (
        "{#- Written by scripts/generate/template_facts.py for one generation run. #}\n"
        f"{{% set OPERATIONS = {literal} %}}\n"
        f"{{% set ERROR_TEXTS = {json.dumps(shapes, ensure_ascii=True)} %}}\n"
    )
