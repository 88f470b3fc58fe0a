"""Every constraint a spec puts on what a server may send or accept, each with its source.

The project's rule (docs/specs.md, "Counting constraints"): a spec may only hold a server to a rule that a
vendor page states, or that ``spec/DECISIONS.md`` records together with the alternatives the pages allow and
the mock variant that plays each. This module makes the rule measurable. It lists the constraints of a
document mechanically (:func:`list_constraints`), matches each to an entry of the hand-written register
``spec/constraints.yaml`` and classifies it:

* ``page``: a vendor page states it (the register names the page);
* ``alternative``: a DECISIONS entry records it, with an **Alternatives** line and a row in the
  "Documented variants" table, so a server that follows another reading is played by a mock variant;
* ``recorded``: a DECISIONS entry records it but names no alternative. These are counted; a *material* one
  (the register does not say ``material: false`` with a reason) is a problem.

A constraint with no register entry, an entry that matches nothing, and an entry naming an unknown page or
decision are problems too, so the register cannot drift from the spec.
"""

from __future__ import annotations

import fnmatch
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from spec_model import SpecLoadError, iter_operations, load_document
from spec_model.walk import iter_all_schemas, iter_sites

from .document import lookup, resolve
from .problems import Problem, escape_token, pointer

RULE = "constraint-source"
REGISTER = "spec/constraints.yaml"
STALE_RULE = "constraint-register"

# Schema keywords that narrow what a value may be. `type` is left out: every page types every member it
# shows, and the inventory and doc drift check those types against the pages.
_KEYWORDS = (
    "enum",
    "const",
    "minimum",
    "maximum",
    "exclusiveMinimum",
    "exclusiveMaximum",
    "multipleOf",
    "minLength",
    "maxLength",
    "pattern",
    "format",
    "minItems",
    "maxItems",
    "uniqueItems",
    "minProperties",
    "maxProperties",
)
_NUMERIC = {"integer", "number"}
_DECISION_HEADING = re.compile(r"^###\s+([A-Z]+-\d+)\b.*$", re.MULTILINE)
_VARIANT_ROW = re.compile(r"^\|\s*`([^`]+)`\s*\|([^|]*)\|", re.MULTILINE)
_DECISION_ID = re.compile(r"\b[A-Z]{3}-\d+\b")


@dataclass(frozen=True)
class Constraint:
    """One rule a server could break: ``key`` is ``POINTER KIND`` and is what register entries match."""

    pointer: str
    kind: str
    what: str

    @property
    def key(self) -> str:
        return f"{self.pointer} {self.kind}"


@dataclass(frozen=True)
class Sourced:
    """A constraint with the register entry that explains it and the class that entry gives it."""

    constraint: Constraint
    cls: str  # "page" | "alternative" | "recorded" | "none"
    source: str
    material: bool


def _schema_constraints(document: dict[str, Any]) -> Iterator[Constraint]:
    for where, schema in iter_all_schemas(document):
        for member in schema.get("required") or ():
            yield Constraint(where, f"required:{member}", f"member {member!r} must be present")
        for keyword in _KEYWORDS:
            if keyword in schema:
                yield Constraint(where, keyword, f"{keyword}: {schema[keyword]!r}")
        if schema.get("additionalProperties") is False:
            yield Constraint(where, "closed", "no members beyond the listed ones")


def _response_constraints(where: str, response: Any) -> Iterator[Constraint]:
    if not isinstance(response, dict) or "$ref" in response:
        return
    content = response.get("content")
    if isinstance(content, dict) and content:
        if "*/*" not in content:
            types = ", ".join(content)
            yield Constraint(where, "content-type", f"the body's content type is one of {types}")
        if response.get("x-body-optional") is not True:
            yield Constraint(where, "body", "the answer carries a body")
    for name, header in (response.get("headers") or {}).items():
        if isinstance(header, dict) and header.get("required") is True:
            yield Constraint(f"{where}{pointer('headers', name)}", "required", f"header {name} is sent")


def _responses(document: dict[str, Any]) -> Iterator[tuple[str, Any]]:
    for operation in iter_operations(document):
        for status, response in (operation.raw.get("responses") or {}).items():
            yield f"{operation.pointer}{pointer('responses', status)}", response
    components = document.get("components") or {}
    for name, response in (components.get("responses") or {}).items():
        yield pointer("components", "responses", name), response


def _header_components(document: dict[str, Any]) -> Iterator[Constraint]:
    components = document.get("components") or {}
    for name, header in (components.get("headers") or {}).items():
        if isinstance(header, dict) and header.get("required") is True:
            where = pointer("components", "headers", name)
            yield Constraint(where, "required", f"header {name} is sent wherever it is listed")


def _parameter_constraints(document: dict[str, Any]) -> Iterator[Constraint]:
    """A request parameter with a numeric schema and no minimum or maximum promises that every value beyond
    is accepted (a positive case for ``positive_data_acceptance``): that is a constraint on the server too."""
    for site in iter_sites(document):
        if site.kind != "parameter":
            continue
        schema, _ = resolve(document, site.node.get("schema"))
        if not isinstance(schema, dict):
            continue
        types = schema.get("type")
        numeric = types in _NUMERIC or (isinstance(types, list) and bool(_NUMERIC & set(types)))
        bounded = {"minimum", "exclusiveMinimum"} & set(schema) and {"maximum", "exclusiveMaximum"} & set(
            schema
        )
        if numeric and not bounded and "enum" not in schema:
            name = site.node.get("name")
            yield Constraint(
                site.pointer, "unbounded", f"parameter {name} accepts every integer it has no bound for"
            )


def list_constraints(document: dict[str, Any]) -> list[Constraint]:
    """Every constraint of ``document`` on what a server may send or accept, in a stable order."""
    found: list[Constraint] = [*_schema_constraints(document), *_parameter_constraints(document)]
    for where, response in _responses(document):
        found.extend(_response_constraints(where, response))
    found.extend(_header_components(document))
    return sorted(set(found), key=lambda constraint: constraint.key)


@dataclass(frozen=True)
class Decisions:
    """What the check needs from DECISIONS.md: the entries, those that name alternatives, and the variants of
    the "Documented variants" table with the entries each row cites."""

    known: frozenset[str]
    with_alternatives: frozenset[str]
    variants: Mapping[str, frozenset[str]]

    @classmethod
    def read(cls, path: Path) -> Decisions:
        try:
            text = path.read_text(encoding="utf-8")
        except OSError:
            return cls(frozenset(), frozenset(), {})
        variants = {
            name: frozenset(_DECISION_ID.findall(cited)) for name, cited in _VARIANT_ROW.findall(text)
        }
        headings = list(_DECISION_HEADING.finditer(text))
        known, alternatives = set(), set()
        for index, heading in enumerate(headings):
            end = headings[index + 1].start() if index + 1 < len(headings) else len(text)
            known.add(heading.group(1))
            if "Alternatives" in text[heading.end() : end]:
                alternatives.add(heading.group(1))
        return cls(frozenset(known), frozenset(alternatives), variants)

    def plays(self, decision: str, variant: str) -> bool:
        """Whether ``decision`` names alternatives and ``variant`` is a table row citing it."""
        return decision in self.with_alternatives and decision in self.variants.get(variant, frozenset())


class RegisterError(Exception):
    """The register file is missing or malformed (one line, for exit code 2)."""


def load_register(path: Path) -> dict[str, list[dict[str, Any]]]:
    """``spec/constraints.yaml``: per spec file ``{match, page | decision [variant], material, why}``."""
    try:
        data = load_document(path)
    except SpecLoadError as exc:
        raise RegisterError(f"constraint register: {exc}") from None
    register: dict[str, list[dict[str, Any]]] = {}
    for name, entries in data.items():
        if name.startswith("x-"):
            continue
        if not isinstance(entries, list) or not all(isinstance(entry, dict) for entry in entries):
            raise RegisterError(f"constraint register {path.name}: {name} must be a list of mappings")
        register[name] = entries
    return register


def _known_pages(root: Path) -> set[str]:
    """Vendor page names the register may cite: the transcribed pages doc drift records."""
    try:
        data = load_document(root / "spec" / "doc-drift-pages.yaml")
    except SpecLoadError:
        return set()
    operations = data.get("operations") or {}
    return {str(entry.get("page")) for entry in operations.values() if isinstance(entry, dict)}


def _entry_problem(entry: Mapping[str, Any], pages: set[str], decisions: Decisions) -> str | None:
    if not isinstance(entry.get("match"), str):
        return "entry has no `match` pattern"
    page, decision = entry.get("page"), entry.get("decision")
    if (page is None) == (decision is None):
        return "entry must name exactly one source: `page` or `decision`"
    if page is not None and not _page_ok(str(page), pages):
        return f"page {page!r} is not a transcribed vendor page, a research note or a vendor URL"
    if decision is not None and decision not in decisions.known:
        return f"decision {decision!r} has no entry in DECISIONS.md"
    variant = entry.get("variant")
    if variant is not None and (decision is None or not decisions.plays(str(decision), str(variant))):
        return f"variant {variant!r} is not a documented variant of {decision} with an Alternatives line"
    if entry.get("material", True) is False and not str(entry.get("why", "")).strip():
        return "`material: false` needs a `why`"
    return None


def _page_ok(page: str, pages: set[str]) -> bool:
    name = page.split(" ", 1)[0]
    return (
        name in pages
        or re.fullmatch(r"research/[a-z0-9-]+\.md", name) is not None
        or name.startswith(
            (
                "https://help.uplandsoftware.com/",
                "https://learn.avepoint.com/",
                "https://github.com/AvePoint/",
            )
        )
    )


def classify(
    constraints: list[Constraint], entries: list[dict[str, Any]], decisions: Decisions
) -> list[Sourced]:
    """Each constraint with the first register entry whose ``match`` (a glob on its key) fits it."""
    result = []
    for constraint in constraints:
        entry = next(
            (
                e
                for e in entries
                if isinstance(e.get("match"), str) and fnmatch.fnmatchcase(constraint.key, e["match"])
            ),
            None,
        )
        if entry is None:
            result.append(Sourced(constraint, "none", "", True))
            continue
        material = entry.get("material", True) is not False
        if entry.get("page") is not None:
            result.append(Sourced(constraint, "page", f"page {entry['page']}", material))
            continue
        decision, variant = str(entry.get("decision")), entry.get("variant")
        if variant is not None and decisions.plays(decision, str(variant)):
            result.append(Sourced(constraint, "alternative", f"{decision} (variant {variant})", material))
        else:
            result.append(Sourced(constraint, "recorded", decision, material))
    return result


def _pending_decision(document: dict[str, Any], constraint: Constraint) -> str | None:
    """The pointer of a ``x-decision: TODO-...`` on the constraint's node (or, for ``required:NAME``, on that
    member): doc drift's proposals carry one until a reviewer decides (docs/doc-update-workflow.md)."""
    places = [constraint.pointer]
    if constraint.kind.startswith("required:"):
        places.append(f"{constraint.pointer}{pointer('properties', constraint.kind.split(':', 1)[1])}")
    for place in places:
        node = lookup(document, place)
        if isinstance(node, dict) and str(node.get("x-decision", "")).startswith("TODO-"):
            return f"{place}/x-decision"
    return None


def check_constraints(
    file: str,
    document: dict[str, Any],
    register: Mapping[str, list[dict[str, Any]]],
    decisions: Decisions,
    root: Path,
) -> tuple[list[Problem], list[Sourced]]:
    """The problems of one spec file, and its classified constraints (for the count and the listing)."""
    problems: list[Problem] = []
    entries = register.get(Path(file).name, [])
    pages = _known_pages(root)
    for index, entry in enumerate(entries):
        message = _entry_problem(entry, pages, decisions)
        if message:
            problems.append(
                Problem(REGISTER, f"/{escape_token(Path(file).name)}/{index}", STALE_RULE, message)
            )
    constraints = list_constraints(document)
    sourced = classify(constraints, entries, decisions)
    for index, entry in enumerate(entries):
        pattern = entry.get("match")
        if isinstance(pattern, str) and not any(fnmatch.fnmatchcase(c.key, pattern) for c in constraints):
            problems.append(
                Problem(
                    REGISTER,
                    f"/{escape_token(Path(file).name)}/{index}",
                    STALE_RULE,
                    f"entry {pattern!r} matches no constraint of {file}",
                )
            )
    for item in sourced:
        c = item.constraint
        pending = _pending_decision(document, c) if item.cls == "none" else None
        if pending is not None:
            message = f"{c.kind} ({c.what}): awaits review; register its page or decision in {REGISTER}"
            problems.append(Problem(file, pending, RULE, message))
        elif item.cls == "none":
            problems.append(
                Problem(file, c.pointer, RULE, f"{c.kind} ({c.what}): no vendor page or recorded alternative")
            )
        elif item.cls == "recorded" and item.material:
            problems.append(
                Problem(
                    file,
                    c.pointer,
                    RULE,
                    f"{c.kind} ({c.what}): {item.source} records it without an alternative and a variant; "
                    "a material constraint needs both (or mark it `material: false` with a reason)",
                )
            )
    return problems, sourced


def summary(sourced: list[Sourced]) -> str:
    """One line: how many constraints, and how many of each class (the count ``nox -s spec`` prints)."""
    count = {
        cls: sum(1 for item in sourced if item.cls == cls)
        for cls in ("page", "alternative", "recorded", "none")
    }
    material = sum(1 for item in sourced if item.cls == "recorded" and item.material)
    return (
        f"constraints: {len(sourced)} (from a page {count['page']}, recorded with a played alternative "
        f"{count['alternative']}, recorded with no alternative {count['recorded']} of which material "
        f"{material}, without a source {count['none']})"
    )


def render_listing(file: str, sourced: list[Sourced]) -> list[str]:
    """One line per constraint: ``FILE: POINTER: KIND: CLASS SOURCE``, for ``--list-constraints``."""
    return [
        f"{file}: {item.constraint.pointer}: {item.constraint.kind}: {item.cls}"
        + (f" {item.source}" if item.source else "")
        + ("" if item.material or item.cls != "recorded" else " (not material)")
        for item in sourced
    ]
