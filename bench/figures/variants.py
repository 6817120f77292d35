"""variants: ``handbook variants`` (every sector) against one build."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

from .. import lib
from ..options import NotMeasured, Options
from ..stats import first_warm, ratios, steady, summarize


def _handbook_has(command: str) -> str | None:
    """``None`` when ``handbook COMMAND`` exists, otherwise the reason it does not."""
    exe = lib.VENV_BIN / "handbook"
    if not exe.exists():
        return f"the 'handbook' command is not installed ({exe})"
    result = subprocess.run(
        [str(exe), command, "--help"], capture_output=True, text=True, env=lib.ENV, timeout=120
    )
    if result.returncode != 0:
        return (
            f"'handbook {command}' is not available in this checkout "
            f"({(result.stderr.strip().splitlines() or ['?'])[-1]})"
        )
    return None


def _variants(project: Path, out: Path, jobs: int) -> None:
    if out.exists():
        shutil.rmtree(out)
    subprocess.run(
        [
            str(lib.VENV_BIN / "handbook"),
            "--root",
            str(project),
            "variants",
            "--out",
            str(out),
            "--jobs",
            str(jobs),
        ],
        cwd=project,
        env=lib.ENV,
        check=True,
        capture_output=True,
        text=True,
        timeout=1800,
    )


def _sites(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if (p / "index.html").is_file())


def variants(opts: Options, tmp: Path) -> dict[str, Any]:
    """All sector variants (``handbook variants``) vs one strict build."""
    reason = _handbook_has("variants")
    if reason:
        raise NotMeasured(reason)
    out = tmp / "variants"
    project = lib.snapshot(tmp / "project")
    actions = {
        "variants": lambda: _variants(project, out, opts.jobs),
        "single": lambda: lib.build(project, tmp / "site-single"),
    }
    measure = first_warm(opts.runs, 0 if opts.quick else 1)
    runs, steadiness = steady(
        lambda: measure(actions),
        lambda r: {"variants/single": ratios(r.wall["variants"], r.wall["single"])},
        say=lambda m: print(f"bench: variants: {m}", file=sys.stderr),
    )
    times = runs.wall
    ratio = summarize(ratios(times["variants"], times["single"]))
    return {
        "count": len(_sites(out)),
        "jobs": opts.jobs,
        "cores": os.cpu_count(),
        **ratio.as_dict("ratio_"),
        **summarize(times["variants"]).as_dict("variants_seconds_"),
        **summarize(times["single"]).as_dict("single_seconds_"),
        "goal": "ratio_median <= 4.0 (eight sectors, 2 cores)",
        "goal_met": ratio.median <= 4.0,
        "how": "wall time of 'handbook variants --out DIR --jobs N' vs 'mkdocs build --strict'",
        "steadiness": steadiness.as_dict(),
        "note": steadiness.note(),
    }
