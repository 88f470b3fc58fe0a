"""Let classes defined in the vendored runtime name the public module users import them from.

The error classes live in ``<package>._runtime.errors`` but are documented, imported and caught as
``<package>.errors.NotFoundError``. Python records the defining module in ``__module__``, which tracebacks,
``repr`` of the class and pickle use; pointing it at the public module keeps the private ``_runtime`` path
out of what users see. Pickle still finds the class, because the public module binds it under the same
name.
"""

from __future__ import annotations

from collections.abc import Mapping

__all__ = ["adopt_classes"]


def adopt_classes(module_name: str, namespace: Mapping[str, object], base: type) -> list[type]:
    """Set ``__module__`` to `module_name` on every subclass of `base` bound in `namespace`.

    Only classes bound under their own name are adopted (an alias such as ``UnexpectedStatus`` does not
    count twice, and a class imported under another name keeps its module), so that the public module
    really holds each adopted class by that name. Returns the adopted classes, in namespace order.
    """
    adopted: list[type] = []
    for name, value in namespace.items():
        if not isinstance(value, type) or not issubclass(value, base) or value.__name__ != name:
            continue
        if value not in adopted:
            value.__module__ = module_name
            adopted.append(value)
    return adopted
