"""Which operations change server state, as the specs' ``x-write`` markers say.

The suite treats writes with care (pins them to known entities, leaves them out against a read-only live
server, snapshots and restores what they touch), so it must know them; the spec is where that fact lives.
Three shapes exist: a single-entity PUT names the path parameter its body ``id`` must match
(``x-write.idParameter``, OLC-07), a multi-update has no such parameter because its body lists the
entities, and a delete names the path parameter of the entity it removes (``x-write.deletes``, OLC-42),
which no snapshot can bring back. A set a single PUT replaces is read back by the GET on the same path,
which is what the live restore and the replace-semantics tests pair it with.
"""

from __future__ import annotations

from dataclasses import dataclass

from spec_model import SpecModel


@dataclass(frozen=True)
class RestorableSet:
    """A set one single PUT replaces: the GET that reads it, the PUT that writes it, the ID parameter."""

    read_operation: str
    write_operation: str
    id_parameter: str


def single_puts(model: SpecModel) -> dict[str, str]:
    """``{operationId: ID path parameter}`` of the writes whose body ``id`` must equal a path ID."""
    return {
        name: operation.write.id_parameter
        for name, operation in model.writes().items()
        if operation.write is not None and operation.write.id_parameter is not None
    }


def deletes(model: SpecModel) -> dict[str, str]:
    """``{operationId: ID path parameter}`` of the writes that delete the entity the parameter names."""
    return {
        name: operation.write.deletes
        for name, operation in model.writes().items()
        if operation.write is not None and operation.write.deletes is not None
    }


def delete_listings(model: SpecModel) -> dict[str, str]:
    """``{delete operationId: list operationId}``: the GET on the collection the deleted entity sits in (the
    delete's path up to its ID parameter), which is the set a delete writes and a test reads back."""
    reads = {op.path: name for name, op in model.operations.items() if op.method == "GET"}
    found = {}
    for name, id_parameter in deletes(model).items():
        path = model.operation(name).path
        collection = path[: path.index("/{" + id_parameter + "}")]
        if collection not in reads:
            raise LookupError(f"{model.source}: {name} deletes from {collection}, but no GET lists it")
        found[name] = reads[collection]
    return found


def multi_updates(model: SpecModel) -> tuple[str, ...]:
    """The PUTs that name their entities in the body rather than the path."""
    others = {**single_puts(model), **deletes(model)}
    return tuple(name for name, op in model.writes().items() if name not in others and op.method == "PUT")


def operation_starts(model: SpecModel) -> tuple[str, ...]:
    """The POSTs that start or stop server-side work (workflow submits and cancels, OLC-50..58): no snapshot
    undoes what a submit produces, so the suite runs them only in its own semantic tests, never by fuzzing
    a live server."""
    return tuple(
        name
        for name, op in model.writes().items()
        if op.method == "POST" and name not in deletes(model) and name not in single_puts(model)
    )


def write_operations(model: SpecModel) -> tuple[str, ...]:
    """Every operation marked ``x-write``, in document order."""
    return tuple(model.writes())


def restorable_sets(model: SpecModel) -> tuple[RestorableSet, ...]:
    """Each single PUT with the GET on its path; a single PUT without such a GET is a spec error."""
    reads = {op.path: name for name, op in model.operations.items() if op.method == "GET"}
    found = []
    for name, id_parameter in single_puts(model).items():
        path = model.operation(name).path
        if path not in reads:
            raise LookupError(f"{model.source}: {name} replaces a set at {path}, but no GET reads it back")
        found.append(RestorableSet(reads[path], name, id_parameter))
    return tuple(found)
