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


# A figure whose ratio spreads more than this (max / min of its runs) is measured again.
STEADY_SPREAD = 1.3
STEADY_ATTEMPTS = 3


def spread(values: Sequence[float]) -> float:
    """``max / min`` of positive values: 1.0 means every run gave the same."""
    if not values or min(values) <= 0:
        raise ValueError("spread needs positive values")
    return max(values) / min(values)


@dataclass
class Steadiness:
    """How many times a figure was measured before its ratios were steady enough."""

    attempts: int
    spreads: list[dict[str, float]]  # per attempt: ratio name -> max/min
    chosen: int  # index of the attempt reported
    limit: float = STEADY_SPREAD

    @property
    def steady(self) -> bool:
        return max(self.spreads[self.chosen].values()) <= self.limit

    def as_dict(self) -> dict[str, object]:
        return {
            "attempts": self.attempts,
            "chosen_attempt": self.chosen + 1,
            "spreads": [{k: round(v, 3) for k, v in s.items()} for s in self.spreads],
            "limit": self.limit,
            "steady": self.steady,
        }

    def note(self) -> str:
        """A few words for the table: empty when the first attempt was steady."""
        if self.attempts == 1:
            return ""
        worst = max(self.spreads[self.chosen].values())
        if self.steady:
            return f"measured {self.attempts}×, spread {worst:.2f}"
        return f"noisy: {self.attempts} attempts, best spread {worst:.2f}"


def steady(
    measure: Callable[[], Runs],
    ratios_of: Callable[[Runs], dict[str, list[float]]],
    *,
    limit: float = STEADY_SPREAD,
    attempts: int = STEADY_ATTEMPTS,
    say: Callable[[str], object] = print,
) -> tuple[Runs, Steadiness]:
    """Measure, and measure again while a ratio spreads more than ``limit`` (max / min).

    A median of five runs on a noisy machine can still be off; a spread over the limit means
    some runs were disturbed. Up to ``attempts`` batches are measured; the first steady batch
    is reported, or else the batch with the smallest worst spread, marked as not steady. Each
    batch is reported whole: runs of different batches are never mixed.
    """
    batches: list[Runs] = []
    spreads: list[dict[str, float]] = []
    for attempt in range(1, attempts + 1):
        runs = measure()
        batch_spreads = {name: spread(values) for name, values in ratios_of(runs).items()}
        batches.append(runs)
        spreads.append(batch_spreads)
        worst_name, worst = max(batch_spreads.items(), key=lambda item: item[1])
        if worst <= limit:
            break
        if attempt < attempts:
            say(f"spread of {worst_name} is {worst:.2f} (> {limit}): measuring again")
    chosen = min(range(len(batches)), key=lambda i: max(spreads[i].values()))
    if max(spreads[-1].values()) <= limit:
        chosen = len(batches) - 1
    return batches[chosen], Steadiness(len(batches), spreads, chosen, limit)


def first_warm(runs: int, warmup: int) -> Callable[[dict[str, Callable[[], object]]], Runs]:
    """``alternate`` with the warm-up rounds only before the first batch (for :func:`steady`)."""
    state = {"warmup": warmup}

    def measure(actions: dict[str, Callable[[], object]]) -> Runs:
        result = alternate(actions, runs=runs, warmup=state["warmup"])
        state["warmup"] = 0
        return result

    return measure
