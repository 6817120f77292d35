"""The handbook's benchmark: ``make bench`` (or ``python -m bench.run``).

Prints a Markdown table and writes the same figures to ``bench/results.json``. Every figure is
the median of ``--runs`` runs after a warm-up, with min and max; every comparison is a ratio of
A and B measured in the same run, alternated. A figure that cannot be measured here says so,
with the reason; it never gets a made-up number.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from . import lib
from .figures.editor_feedback import editor_feedback
from .figures.lighthouse import lighthouse
from .figures.live_reload import live_reload
from .figures.one_pager import one_pager
from .figures.overhead import plugin_overhead
from .figures.page_weight import page_weight
from .figures.scaling import scaling
from .figures.variants import variants
from .options import FIGURES, NotMeasured, Options
from .report import table

RESULTS = Path(__file__).resolve().parent / "results.json"

RUNNERS: dict[str, Callable[[Options, Path], dict[str, Any]]] = {
    "plugin_overhead": plugin_overhead,
    "scaling": scaling,
    "variants": variants,
    "live_reload": live_reload,
    "page_weight": page_weight,
    "lighthouse": lighthouse,
    "one_pager": one_pager,
    "editor_feedback": editor_feedback,
}


def parse_args(argv: Sequence[str] | None) -> Options:
    parser = argparse.ArgumentParser(prog="bench", description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="timed runs per figure (default 5)")
    parser.add_argument(
        "--quick", action="store_true", help="1 run per figure, tiny sizes, no warm-up (smoke test)"
    )
    parser.add_argument("--only", default="", help="comma-separated figures: " + ", ".join(FIGURES))
    parser.add_argument("--json", type=Path, default=RESULTS, help="where to write the figures")
    parser.add_argument("--jobs", type=int, default=2, help="--jobs for 'handbook variants'")
    opts = parser.parse_args(argv, namespace=Options())
    only = [x.strip() for x in str(opts.only).split(",") if x.strip()]
    unknown = [x for x in only if x not in FIGURES]
    if unknown:
        parser.error(f"unknown figure(s): {', '.join(unknown)}; choose from {', '.join(FIGURES)}")
    opts.only = only or list(FIGURES)
    if opts.quick:
        opts.runs = 1
    if opts.runs < 1:
        parser.error("--runs must be at least 1")
    return opts


def compile_plugin() -> str:
    """Write the bytecode of the plugin and of the installed libraries, as a pip install does.

    The plugin is installed editable, and uv (which ``make`` installs with) does not compile
    the libraries it installs. Python writes ``__pycache__`` on the first import, except when
    ``PYTHONDONTWRITEBYTECODE`` is set (as on some CI machines and this one), and then every
    build compiles the sources of every library it imports again: about 1 s per build here,
    the more the more libraries (pydantic and Playwright on a first build). The benchmark
    measures a normal install, where that happens once.
    """
    import compileall
    import sysconfig

    compileall.compile_dir(str(lib.ROOT / "plugins"), quiet=1)
    libraries = sysconfig.get_paths()["purelib"]
    compileall.compile_dir(libraries, quiet=1, workers=0)
    return (
        "compiled by the benchmark (compileall plugins/ and the installed libraries), as a "
        "regular pip install does"
    )


def main(argv: Sequence[str] | None = None) -> int:
    opts = parse_args(argv)
    results: dict[str, Any] = {
        "started": datetime.now(UTC).isoformat(timespec="seconds"),
        "runs": opts.runs,
        "quick": opts.quick,
        "machine": {
            "cores": os.cpu_count(),
            "load_average_1m": os.getloadavg()[0],
            "python": platform.python_version(),
            "pythondontwritebytecode": bool(os.environ.get("PYTHONDONTWRITEBYTECODE")),
            "plugin_bytecode": compile_plugin(),
        },
        "figures": {},
    }
    for name in opts.only:
        print(f"bench: {name} ...", file=sys.stderr, flush=True)
        start = time.perf_counter()
        with tempfile.TemporaryDirectory(prefix=f"bench-{name}-") as tmp:
            try:
                figure = {"status": "measured", **RUNNERS[name](opts, Path(tmp))}
            except NotMeasured as reason:
                figure = {"status": "not_measured", "reason": str(reason)}
            except (RuntimeError, subprocess.SubprocessError, OSError) as error:
                detail = getattr(error, "stderr", None) or ""
                figure = {
                    "status": "failed",
                    "reason": f"{type(error).__name__}: {error}\n{str(detail)[-2000:]}".strip(),
                }
        figure["elapsed_seconds"] = round(time.perf_counter() - start, 1)
        results["figures"][name] = figure
        print(f"bench: {name} {figure['status']} in {figure['elapsed_seconds']} s", file=sys.stderr)
    results["machine"]["load_average_1m_end"] = os.getloadavg()[0]
    opts.json.parent.mkdir(parents=True, exist_ok=True)
    opts.json.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", "utf-8")
    print(table(results))
    print(f"\nFigures written to {opts.json}.")
    return 1 if any(f["status"] == "failed" for f in results["figures"].values()) else 0


if __name__ == "__main__":
    sys.exit(main())
