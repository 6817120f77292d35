"""scaling: the synthetic handbook at 50, 200 and 500 pages, in chapters and flat, with plain
MkDocs + Material beside it."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .. import lib, synthetic
from ..options import Options
from ..stats import first_warm, ratios, steady, summarize


def scaling(opts: Options, tmp: Path) -> dict[str, Any]:
    """Synthetic handbooks of increasing size; time per page must stay flat.

    The pages sit in parts and chapters (``synthetic.synthetic_path``), as a handbook of hundreds of
    pages would. Plain MkDocs + Material builds the same final Markdown of each size in the same
    run (as in the overhead figure), so the theme's share of the growth is told apart from the
    handbook's own. The smallest and largest size are also built with every 25 pages as one
    top-level section ('flat_navigation'): Material then puts every link on every page, and that
    growth is reported beside the goal, not hidden.
    """
    sizes = (5, 10, 20) if opts.quick else (50, 200, 500)
    projects = {n: synthetic.make_synthetic(tmp / f"synthetic-{n}", n) for n in sizes}
    small_n, large_n = sizes[0], sizes[-1]
    flat = {
        n: synthetic.make_synthetic(tmp / f"synthetic-flat-{n}", n, nested=False)
        for n in (small_n, large_n)
    }
    baselines = {}
    for n in sizes:
        captured = tmp / f"captured-{n}"
        lib.capture_markdown(projects[n], captured)
        baselines[n] = lib.make_baseline(projects[n], captured, tmp / f"baseline-{n}")
    builds: dict[str, Callable[[], float | None]] = {}
    for n in sizes:
        builds[str(n)] = lambda n=n: lib.build(projects[n], tmp / f"site-{n}")
        builds[f"plain-{n}"] = lambda n=n: lib.build(
            baselines[n], tmp / f"site-plain-{n}", strict=False
        )
    for n in flat:
        builds[f"flat-{n}"] = lambda n=n: lib.build(flat[n], tmp / f"site-flat-{n}")
    small, large = str(sizes[0]), str(sizes[-1])
    measure = first_warm(opts.runs, 0 if opts.quick else 1)
    runs, steadiness = steady(
        lambda: measure(builds),
        lambda r: {
            f"{large}/{small}": ratios(r.wall[large], r.wall[small]),
            f"plain {large}/{small}": ratios(r.wall[f"plain-{large}"], r.wall[f"plain-{small}"]),
        },
        say=lambda m: print(f"bench: scaling: {m}", file=sys.stderr),
    )
    wall, cpu = runs.wall, runs.cpu
    ratio = summarize(ratios(wall[large], wall[small]))
    cpu_ratio = summarize(ratios(cpu[large], cpu[small]))
    plain = ratios(wall[f"plain-{large}"], wall[f"plain-{small}"])
    share = ratios(ratios(wall[large], wall[small]), plain)
    flat_ratio = summarize(ratios(wall[f"flat-{large}"], wall[f"flat-{small}"]))
    limit = 1.1 * sizes[-1] / sizes[0]
    result: dict[str, Any] = {
        "sizes": list(sizes),
        "steadiness": steadiness.as_dict(),
        "note": steadiness.note(),
    }
    for n in sizes:
        result[f"pages_{n}"] = {
            **summarize(wall[str(n)]).as_dict("seconds_"),
            **summarize(cpu[str(n)]).as_dict("cpu_seconds_"),
            "ms_per_page_median": 1000 * summarize(wall[str(n)]).median / n,
            "plain_mkdocs": {
                **summarize(wall[f"plain-{n}"]).as_dict("seconds_"),
                "ms_per_page_median": 1000 * summarize(wall[f"plain-{n}"]).median / n,
            },
        }
    result.update(
        {
            f"ratio_{large}_to_{small}_median": ratio.median,
            f"ratio_{large}_to_{small}_min": ratio.min,
            f"ratio_{large}_to_{small}_max": ratio.max,
            f"cpu_ratio_{large}_to_{small}_median": cpu_ratio.median,
            f"cpu_ratio_{large}_to_{small}_min": cpu_ratio.min,
            f"cpu_ratio_{large}_to_{small}_max": cpu_ratio.max,
            "plain_mkdocs": summarize(plain).as_dict(f"ratio_{large}_to_{small}_"),
            "handbook_vs_plain": {
                **summarize(share).as_dict("ratio_"),
                "goal": "ratio_median <= 1.05",
                "goal_met": summarize(share).median <= 1.05,
            },
            "flat_navigation": {
                **flat_ratio.as_dict(f"ratio_{large}_to_{small}_"),
                f"pages_{large}_seconds_median": summarize(wall[f"flat-{large}"]).median,
                "how": f"the same handbooks with every {synthetic.PAGES_PER_CHAPTER} pages as one "
                "top-level section and no chapters: with navigation.sections Material puts every "
                "page's link on every page, so time per page grows with the handbook",
            },
            "goal": f"ratio_{large}_to_{small}_median <= {limit:g}",
            "goal_met": ratio.median <= limit,
            "how": "wall time of 'mkdocs build --strict' of generated handbooks (valid front "
            "matter, placeholders, a macro on every tenth page, the project's data, theme and "
            f"config; parts of {synthetic.CHAPTERS_PER_PART} chapters of "
            f"{synthetic.PAGES_PER_CHAPTER} pages); "
            "'plain_mkdocs' is plain MkDocs + Material building each one's final Markdown in "
            "the same run, 'handbook_vs_plain' the handbook's ratio divided by that one",
        }
    )
    return result
