"""``$ref`` resolution for one document, through ``referencing`` (the library jsonschema itself uses).

Three ways to read a reference, because readers need different things:
- ``follow``: the node a ``$ref`` chain ends at (a parameter, a response, a request body);
- ``follow_schema``: the same for a schema, with the sibling keywords OpenAPI 3.1 allows beside ``$ref``
  (a ``default``, a ``description``) laid over the target;
- ``inline``: a deep copy with every local reference replaced, cycles left as ``{"$ref": ...}`` so the
  result stays finite (the doc tools compare whole schemas this way).
The same ``registry`` backs compiled jsonschema validators (``schema_ref`` gives the URI to point one at).
"""

from __future__ import annotations

import copy
from collections.abc import Iterable, Mapping
from typing import Any

from referencing import Registry, Resource
from referencing.exceptions import Unresolvable
from referencing.jsonschema import DRAFT202012

DOCUMENT_URI = "urn:spec-model:document"
MAX_HOPS = 32


class SpecRefError(ValueError):
    """A ``$ref`` that names nothing, leaves the document, or loops; the message names the reference."""


def json_pointer(parts: Iterable[object]) -> str:
    """RFC 6901 pointer for a path of keys and indexes: ``["paths", "/a/{id}"]`` -> ``/paths/~1a~1{id}``."""
    return "".join("/" + str(part).replace("~", "~0").replace("/", "~1") for part in parts)


class RefResolver:
    """Resolves the local references of one OpenAPI document (``#/components/...``, ``#/paths/...``)."""

    def __init__(self, document: Mapping[str, Any], *, strict: bool = True) -> None:
        self.document = document
        #: A tolerant resolver (``strict=False``) answers None for a reference it cannot follow instead of
        #: raising, so the spec checks can walk a document with a broken ``$ref`` and report it themselves.
        self.strict = strict
        self.registry: Registry[Any] = Registry().with_resource(
            DOCUMENT_URI, Resource.from_contents(document, default_specification=DRAFT202012)
        )
        self._resolver = self.registry.resolver(base_uri=DOCUMENT_URI)

    def _fail(self, message: str) -> None:
        if self.strict:
            raise SpecRefError(message)

    def lookup(self, ref: str) -> Any:
        """The node one local reference names (no chain following); None when tolerant and unresolvable."""
        if not ref.startswith("#"):
            self._fail(f"only references inside the document are supported, found {ref!r}")
            return None
        try:
            return self._resolver.lookup(ref).contents
        except Unresolvable:
            # The library's message quotes the whole document; name only the reference.
            self._fail(f"$ref {ref!r} points at nothing")
            return None

    def pointer_of(self, node: Any, pointer: str) -> str:
        """Where ``node`` (found at ``pointer``) really lives once its ``$ref`` chain is followed."""
        for _ in range(MAX_HOPS):
            ref = node.get("$ref") if isinstance(node, Mapping) else None
            if not isinstance(ref, str):
                return pointer
            pointer, node = ref[1:], self.lookup(ref)
        self._fail(f"$ref chain at {pointer!r} is longer than {MAX_HOPS} hops (a loop?)")
        return pointer

    def follow(self, node: Any) -> Any:
        """Where a ``$ref`` chain starting at ``node`` ends (``node`` itself when it is no reference)."""
        for _ in range(MAX_HOPS):
            ref = node.get("$ref") if isinstance(node, Mapping) else None
            if not isinstance(ref, str):
                return node
            node = self.lookup(ref)
        self._fail(f"$ref chain from {node!r:.80} is longer than {MAX_HOPS} hops (a loop?)")
        return None

    def follow_schema(self, node: Any) -> Any:
        """A schema with its top-level ``$ref`` chain followed and the siblings of each ``$ref`` laid over."""
        siblings: dict[str, Any] = {}
        for _ in range(MAX_HOPS):
            if not isinstance(node, Mapping) or not isinstance(node.get("$ref"), str):
                break
            siblings = {**{k: v for k, v in node.items() if k != "$ref"}, **siblings}
            node = self.lookup(node["$ref"])
        else:
            self._fail(f"schema $ref chain is longer than {MAX_HOPS} hops (a loop?)")
            return None
        if isinstance(node, Mapping):
            return {**node, **siblings}
        return node

    def inline(self, node: Any) -> Any:
        """A copy of ``node`` with every local reference replaced by its target (siblings override members).

        A reference met again inside its own expansion is kept as ``{"$ref": ...}``, so cyclic schemas end.
        """

        def walk(item: Any, active: tuple[str, ...]) -> Any:
            if isinstance(item, Mapping):
                ref = item.get("$ref")
                if isinstance(ref, str):
                    if ref in active:
                        return {"$ref": ref}
                    target = walk(copy.deepcopy(self.lookup(ref)), (*active, ref))
                    siblings = {k: walk(v, active) for k, v in item.items() if k != "$ref"}
                    return {**target, **siblings} if isinstance(target, dict) else target
                return {k: walk(v, active) for k, v in item.items()}
            if isinstance(item, list):
                return [walk(value, active) for value in item]
            return item

        return walk(node, ())

    @staticmethod
    def schema_ref(pointer: str) -> dict[str, str]:
        """A schema that is exactly the one at ``pointer``, for a validator built on ``registry``."""
        return {"$ref": f"{DOCUMENT_URI}#{pointer}"}
