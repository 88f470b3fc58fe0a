"""Summaries of repeated measurements: median and spread, never a single best run.

A single run on a shared 2-core machine says little; the median of several runs with its inter-quartile range
and min/max shows both the typical value and how noisy it was.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Summary:
    """Median, quartiles and extremes of one metric over repeated runs."""

    unit: str
    samples: tuple[float, ...]

    @property
    def median(self) -> float:
        return statistics.median(self.samples)

    @property
    def q1(self) -> float:
        return self._quartiles()[0]

    @property
    def q3(self) -> float:
        return self._quartiles()[2]

    @property
    def low(self) -> float:
        return min(self.samples)

    @property
    def high(self) -> float:
        return max(self.samples)

    def _quartiles(self) -> tuple[float, float, float]:
        if len(self.samples) == 1:
            only = self.samples[0]
            return only, only, only
        # "inclusive" keeps the quartiles inside the observed range for small sample counts.
        q1, q2, q3 = statistics.quantiles(self.samples, n=4, method="inclusive")
        return q1, q2, q3

    def to_json(self) -> dict[str, Any]:
        return {
            "unit": self.unit,
            "median": self.median,
            "q1": self.q1,
            "q3": self.q3,
            "min": self.low,
            "max": self.high,
            "n": len(self.samples),
            "samples": list(self.samples),
        }


def summarize(samples: list[float], unit: str) -> Summary:
    if not samples:
        raise ValueError("a summary needs at least one sample")
    return Summary(unit=unit, samples=tuple(samples))


def format_value(value: float, unit: str) -> str:
    """Compact human form of one value in its unit (used by the Markdown report)."""
    if unit == "s":
        return f"{value * 1000:.1f} ms" if value < 1 else f"{value:.2f} s"
    if unit == "ms":
        return f"{value:.2f} ms"
    if unit == "MiB":
        return f"{value:.1f} MiB"
    if unit == "x":
        return f"{value:.2f}x"
    if unit in {"req/s", "jobs/s", "calls/s"}:
        return f"{value:,.0f} {unit}"
    if unit == "B":
        return f"{value:,.0f} B"
    return f"{value:.3g} {unit}"


def format_summary(summary: Summary) -> str:
    """`median (IQR q1-q3, min-max)` in the summary's unit."""
    unit = summary.unit
    median = format_value(summary.median, unit)
    if len(summary.samples) == 1:
        return f"{median} (1 run)"
    return (
        f"{median} (IQR {format_value(summary.q1, unit)}-{format_value(summary.q3, unit)}; "
        f"min-max {format_value(summary.low, unit)}-{format_value(summary.high, unit)}; "
        f"n={len(summary.samples)})"
    )
