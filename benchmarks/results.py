"""What one figure reports: its metrics, the compared ratio, the goal and whether it was met.

A figure that could not run says so with a reason ("not measured: ...") instead of a number; nothing here
invents a value for something that was not measured.
"""

from __future__ import annotations

import operator
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from benchmarks.stats import Summary

COMPARATORS: dict[str, Callable[[float, float], bool]] = {"<=": operator.le, ">=": operator.ge}


class NotMeasuredError(Exception):
    """Raised by a figure when a dependency is missing; the message becomes the report's reason."""


@dataclass(frozen=True)
class Goal:
    """A target for one metric, e.g. ratio <= 1.10."""

    metric: str
    comparator: str
    threshold: float
    text: str

    def check(self, value: float) -> bool:
        return COMPARATORS[self.comparator](value, self.threshold)


@dataclass
class FigureResult:
    """The outcome of one figure; `reason` is set exactly when nothing could be measured."""

    name: str
    title: str
    goals: list[Goal]
    metrics: dict[str, Summary] = field(default_factory=dict)
    labels: dict[str, str] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    details: dict[str, Any] = field(default_factory=dict)
    reason: str | None = None
    seconds: float = 0.0

    def add(self, key: str, label: str, summary: Summary) -> None:
        self.metrics[key] = summary
        self.labels[key] = label

    def verdicts(self) -> list[tuple[Goal, str]]:
        """Each goal with `met`, `missed` or `not measured: ...`."""
        out: list[tuple[Goal, str]] = []
        for goal in self.goals:
            summary = self.metrics.get(goal.metric)
            if self.reason is not None:
                out.append((goal, f"not measured: {self.reason}"))
            elif summary is None:
                out.append((goal, "not measured: the metric was not produced"))
            else:
                out.append((goal, "met" if goal.check(summary.median) else "missed"))
        return out

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "title": self.title,
            "status": "not measured" if self.reason is not None else "measured",
            "reason": self.reason,
            "seconds": round(self.seconds, 2),
            "metrics": {
                key: {"label": self.labels.get(key, key), **summary.to_json()}
                for key, summary in self.metrics.items()
            },
            "goals": [
                {
                    "metric": goal.metric,
                    "comparator": goal.comparator,
                    "threshold": goal.threshold,
                    "text": goal.text,
                    "verdict": verdict,
                }
                for goal, verdict in self.verdicts()
            ],
            "notes": self.notes,
            "details": self.details,
        }
