"""Budgets for one run of the suite.

A profile is the single knob users turn: ``quick`` keeps a CI run of both APIs under a minute on a small
machine, ``full`` spends minutes looking harder. Every budget in the suite comes from here so the two
profiles stay comparable.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Profile:
    """How hard each part of the suite looks for a deviation."""

    name: str
    # Schemathesis: random cases per operation in the fuzzing phase.
    fuzzing_examples: int
    # Schemathesis: scenarios and steps per scenario in the stateful phase (links between operations).
    stateful_examples: int
    stateful_steps: int
    # Hypothesis: examples per property in the hand-written semantic tests.
    semantic_examples: int
    # Engine workers (threads sending requests concurrently). One: with two, Python 3.11 occasionally raised
    # "AST constructor recursion depth mismatch" inside the engine, and parallel writes to a stateful server
    # made failing cases flaky on replay ("Inconsistent results").
    workers: int


PROFILES: dict[str, Profile] = {
    # Measured on the 2-core reference machine: about 30 s for both APIs against the bundled mocks.
    "quick": Profile(
        name="quick",
        fuzzing_examples=40,
        stateful_examples=25,
        stateful_steps=6,
        semantic_examples=15,
        workers=1,
    ),
    # A few cases per operation: the suite's own variant matrix runs the whole suite once per documented
    # variant value, where each run has to pass, not search; a fifth of quick's random budget keeps that
    # matrix inside CI time. Too thin to look for deviations on a real server.
    "smoke": Profile(
        name="smoke",
        fuzzing_examples=8,
        stateful_examples=5,
        stateful_steps=4,
        semantic_examples=5,
        workers=1,
    ),
    # Minutes, not seconds: deeper fuzzing and longer link chains (see docs/contract-suite.md for timings).
    "full": Profile(
        name="full",
        fuzzing_examples=500,
        stateful_examples=200,
        stateful_steps=10,
        semantic_examples=200,
        workers=1,
    ),
}

DEFAULT_PROFILE = "quick"


def get_profile(name: str) -> Profile:
    """Return the named profile or raise ValueError listing the valid names."""
    try:
        return PROFILES[name]
    except KeyError:
        raise ValueError(f"unknown profile {name!r}; choose one of: {', '.join(PROFILES)}") from None
