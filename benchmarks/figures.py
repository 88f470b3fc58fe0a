"""The figures in report order: (command-line name, module with TITLE and run(ctx))."""

from __future__ import annotations

from types import ModuleType

from benchmarks import fig_contract, fig_decode, fig_mocks, fig_overhead, fig_paging

FIGURES: list[tuple[str, ModuleType]] = [
    ("overhead", fig_overhead),
    ("decode", fig_decode),
    ("paging", fig_paging),
    ("mocks", fig_mocks),
    ("contract", fig_contract),
]
