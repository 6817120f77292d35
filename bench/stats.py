"""Median, min and max of repeated runs, and ratios of runs measured side by side.

Absolute times on a shared machine drift; a ratio of A and B measured in the same run, with A
and B alternated, does not drift as much. Every figure is reported as median, min and max.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Summary:
    median: float
    min: float
    max: float
    runs: int

    def as_dict(self, prefix: str = "") -> dict[str, float | int]:
        return {
            f"{prefix}median": self.median,
            f"{prefix}min": self.min,
            f"{prefix}max": self.max,
            f"{prefix}runs": self.runs,
        }


def summarize(values: Sequence[float]) -> Summary:
    """Median, min and max; raises ``ValueError`` for no values (never a made-up number)."""
    if not values:
        raise ValueError("no values to summarize")
    return Summary(
        median=float(statistics.median(values)),
        min=float(min(values)),
        max=float(max(values)),
        runs=len(values),
    )


def ratios(a: Sequence[float], b: Sequence[float]) -> list[float]:
    """Per-run ratios ``a[i] / b[i]`` of runs that were measured as a pair."""
    if len(a) != len(b):
        raise ValueError(f"unpaired runs: {len(a)} and {len(b)}")
    if any(x <= 0 for x in b):
        raise ValueError("cannot divide by a zero or negative time")
    return [x / y for x, y in zip(a, b, strict=True)]


def timed(action: Callable[[], object]) -> float:
    """Wall time of ``action()`` in seconds."""
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


@dataclass
class Runs:
    """Wall times of every action, and the CPU times the actions reported (if they do)."""

    wall: dict[str, list[float]]
    cpu: dict[str, list[float]]


def alternate(actions: dict[str, Callable[[], object]], runs: int, warmup: int = 1) -> Runs:
    """Run every action ``runs`` times, interleaved, after ``warmup`` untimed rounds.

    The order rotates each round (A B, then B A, ...) so neither side always runs first,
    when caches are cold or the machine is busiest. An action that returns a number reports
    its CPU time (for example of the process it ran); those are kept in ``Runs.cpu``.
    """
    names = list(actions)
    for _ in range(warmup):
        for name in names:
            actions[name]()
    wall: dict[str, list[float]] = {name: [] for name in names}
    cpu: dict[str, list[float]] = {name: [] for name in names}
    for round_ in range(runs):
        shift = round_ % len(names)
        for name in names[shift:] + names[:shift]:
            start = time.perf_counter()
            reported = actions[name]()
            wall[name].append(time.perf_counter() - start)
            if isinstance(reported, int | float):
                cpu[name].append(float(reported))
    return Runs(wall=wall, cpu={k: v for k, v in cpu.items() if v})
