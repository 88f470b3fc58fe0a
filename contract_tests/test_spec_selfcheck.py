"""Spec self-checks: before judging a server by a spec, make sure the spec itself is sound.

The checks are the project's own (the package ``spec_checks``, also run by ``nox -s spec`` and shipped in the
same distribution as this suite), imported rather than repeated: the document
is valid OpenAPI 3.1, every example conforms to its schema, and every link names an existing operation,
existing parameters and resolvable runtime expressions.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from types import ModuleType
from typing import Any

import pytest

import spec_model


def _lib(module: str) -> ModuleType:
    return importlib.import_module(f"spec_checks.{module}")


CHECKS: dict[str, tuple[str, str]] = {
    "valid-openapi": ("validity", "check_validity"),
    "examples-conform": ("examples", "check_examples"),
    "links-resolve": ("links", "check_links"),
}


@pytest.mark.parametrize("check", CHECKS)
@pytest.mark.parametrize(
    "api", [pytest.param(api, marks=pytest.mark.api(api)) for api in spec_model.API_NAMES]
)
def test_spec_is_sound(api: str, check: str) -> None:
    module_name, function_name = CHECKS[check]
    document = _lib("document").load_spec(spec_model.spec_path(api))
    run: Callable[[str, dict[str, Any]], list[Any]] = getattr(_lib(module_name), function_name)
    problems = run(f"spec/{api}.yaml", document)
    assert not problems, f"{check} found {len(problems)} problem(s):\n" + "\n".join(
        p.render() for p in problems
    )
