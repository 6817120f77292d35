"""editor_feedback: what an editor waits for before CI's quick job says yes or no.

A clean clone of the project, then the quick job's steps as ``make controle`` runs them: install
the virtual environment (from a warm package cache, as CI restores one), ``handbook check``,
the strict build and the link check.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from pathlib import Path
from typing import Any

from .. import lib
from ..options import NotMeasured, Options
from ..stats import summarize

STEPS = ("clone", "install", "controle")


def _step(args: list[str], cwd: Path) -> float:
    start = time.perf_counter()
    result = subprocess.run(args, cwd=cwd, capture_output=True, text=True, env=lib.ENV)
    if result.returncode != 0:
        raise RuntimeError(
            f"{' '.join(args)} failed:\n{result.stdout[-1500:]}{result.stderr[-1500:]}"
        )
    return time.perf_counter() - start


def _once(project: Path, dest: Path) -> dict[str, float]:
    shutil.rmtree(dest, ignore_errors=True)
    return {
        "clone": _step(["git", "clone", "--quiet", str(project), str(dest)], project.parent),
        "install": _step(["make", ".venv/.installed"], dest),
        "controle": _step(["make", "controle"], dest),
    }


def editor_feedback(opts: Options, tmp: Path) -> dict[str, Any]:
    """Wall time from a clean clone to the quick job's verdict (``make controle``)."""
    if shutil.which("make") is None:
        raise NotMeasured("'make' is not installed")
    # Committed, so that a clone of it has the work tree as it is now.
    project = lib.commit_all(lib.snapshot(tmp / "project"), "Benchmark: editor_feedback")
    if not opts.quick:
        _once(project, tmp / "warm-up")  # fills the package cache, as a second CI run has it
    times: dict[str, list[float]] = {step: [] for step in STEPS}
    totals: list[float] = []
    for run in range(opts.runs):
        steps = _once(project, tmp / f"clone-{run}")
        for step, seconds in steps.items():
            times[step].append(seconds)
        totals.append(sum(steps.values()))
    total = summarize(totals)
    return {
        **total.as_dict("seconds_"),
        "steps": {step: summarize(values).as_dict("seconds_") for step, values in times.items()},
        "cores": os.cpu_count(),
        "goal": "seconds_median <= 60",
        "goal_met": total.median <= 60,
        "how": "wall time of 'git clone' of a clone of the project, 'make .venv/.installed' (a new "
        "virtual environment with a warm package cache) and 'make controle' (handbook check, "
        "mkdocs build --strict without sheet PDFs, handbook links --zonder-ankers): the steps "
        "of CI's quick job, where CI restores the environment from its cache instead",
    }
