"""plugin_overhead: a strict build of the handbook against plain MkDocs + Material building the
same final Markdown, alternated; also the first build without a cache, and the synthetic
handbook."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .. import lib, synthetic
from ..options import Options
from ..stats import first_warm, ratios, steady, summarize


def _overhead(project: Path, opts: Options, tmp: Path, cold: bool = True) -> dict[str, Any]:
    captured = tmp / "captured"
    lib.capture_markdown(project, captured)
    baseline = lib.make_baseline(project, captured, tmp / "baseline")
    builds: dict[str, Callable[[], float | None]] = {
        # The build cache (.cache/ in the project copy) is filled by the warm-up: every build
        # after the first on a machine, and CI when it restores .cache, builds like this.
        "handbook": lambda: lib.build(project, tmp / "site-handbook"),
        "baseline": lambda: lib.build(baseline, tmp / "site-baseline", strict=False),
    }
    if cold:
        # The first build of a fresh clone: nothing cached (HANDBOOK_CACHE=0).
        builds["cold"] = lambda: lib.build(project, tmp / "site-cold", env={"HANDBOOK_CACHE": "0"})
    measure = first_warm(opts.runs, 0 if opts.quick else 1)
    pairs = {"handbook/plain": ("handbook", "baseline")}
    if cold:
        pairs["cold/plain"] = ("cold", "baseline")
    runs, steadiness = steady(
        lambda: measure(builds),
        lambda r: {k: ratios(r.wall[a], r.wall[b]) for k, (a, b) in pairs.items()},
        say=lambda m: print(f"bench: plugin_overhead ({project.name}): {m}", file=sys.stderr),
    )
    wall, cpu = runs.wall, runs.cpu
    ratio = summarize(ratios(wall["handbook"], wall["baseline"]))
    cpu_ratio = summarize(ratios(cpu["handbook"], cpu["baseline"]))
    result = {
        "pages": len(list(captured.rglob("*.md"))),
        **ratio.as_dict("ratio_"),
        **cpu_ratio.as_dict("cpu_ratio_"),
        **summarize(wall["handbook"]).as_dict("handbook_seconds_"),
        **summarize(wall["baseline"]).as_dict("baseline_seconds_"),
        **summarize(cpu["handbook"]).as_dict("handbook_cpu_seconds_"),
        **summarize(cpu["baseline"]).as_dict("baseline_cpu_seconds_"),
        "goal_met": ratio.median <= 1.10,
        "cpu_goal_met": cpu_ratio.median <= 1.10,
        "steadiness": steadiness.as_dict(),
        "note": steadiness.note(),
    }
    if cold:
        result["cold_cache"] = {
            **summarize(ratios(wall["cold"], wall["baseline"])).as_dict("ratio_"),
            **summarize(wall["cold"]).as_dict("handbook_seconds_"),
            "goal": "ratio_median <= 2.0",
            "goal_met": summarize(ratios(wall["cold"], wall["baseline"])).median <= 2.0,
            "how": "the same handbook build with HANDBOOK_CACHE=0 (a fresh clone's first "
            "build: the sheet PDFs are printed and the theme templates compiled)",
        }
    return result


def plugin_overhead(opts: Options, tmp: Path) -> dict[str, Any]:
    """Strict build of the handbook vs plain MkDocs + Material on the same final Markdown.

    The same comparison on a larger synthetic handbook tells the fixed cost per build (imports,
    loading data) apart from the cost per page.
    """
    result = _overhead(lib.snapshot(tmp / "project"), opts, tmp / "handbook")
    size = 10 if opts.quick else 100
    generated = synthetic.make_synthetic(tmp / "synthetic-project", size)
    result["synthetic"] = _overhead(generated, opts, tmp / "synthetic", cold=False)
    result.update(
        {
            "goal": "ratio_median <= 1.10",
            "how": "wall and CPU time (user + system of the child) of 'mkdocs build --strict' "
            "(a new process, as CI runs it) of a git clone of the handbook with the work tree "
            "on top, build cache warm, vs 'mkdocs build' of a clone of that clone holding each "
            "page's final Markdown (captured after the handbook plugin and macros), without "
            "both plugins (the page-date plugin and search stay, and read the same git "
            "history); 'cold_cache' is the handbook's first build; 'synthetic' is the same on "
            "a generated handbook in its own git repository",
        }
    )
    return result
