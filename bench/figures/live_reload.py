"""live_reload: ``mkdocs serve``, from a saved data file to the page showing the new value,
alternated with plain MkDocs serving the same site."""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .. import lib
from ..options import NotMeasured, Options
from ..stats import Runs, ratios, steady, summarize


def _get(url: str, timeout: float = 2.0) -> str:
    with urllib.request.urlopen(url, timeout=timeout) as response:
        return response.read().decode("utf-8", "replace")


def _wait_for(url: str, text: str, deadline: float, interval: float = 0.02) -> float | None:
    """Poll ``url`` until it contains ``text``; the time it appeared, or ``None``."""
    while time.perf_counter() < deadline:
        with contextlib.suppress(OSError):
            if text in _get(url):
                return time.perf_counter()
        time.sleep(interval)
    return None


@contextlib.contextmanager
def _serve(project: Path, port: int) -> Iterator[subprocess.Popen[str]]:
    log = (project / "serve.log").open("w", encoding="utf-8")
    process = subprocess.Popen(
        [str(lib.VENV_BIN / "mkdocs"), "serve", "--livereload", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project,
        env=lib.ENV,
        stdout=log,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        yield process
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=20)
        log.close()


def _started(project: Path, url: str, process: subprocess.Popen[str]) -> None:
    start = time.perf_counter()
    if _wait_for(url, "</html>", start + 180, interval=0.2) is None or process.poll():
        log = (project / "serve.log").read_text(encoding="utf-8")[-2000:]
        raise NotMeasured(f"mkdocs serve did not answer within 180 s:\n{log}")


def live_reload(opts: Options, tmp: Path) -> dict[str, Any]:
    """``mkdocs serve``: edit organisatie.naam, time until the served page shows it.

    In the same run, alternated, plain MkDocs + Material serves the baseline copy (the same
    final Markdown, without the handbook plugin and macros) and a page's heading is edited:
    the ratio says how much of the time is the handbook's, whatever the machine's speed.
    """
    project = lib.snapshot(tmp / "serve-project")
    data = project / "data" / "organisatie.yml"
    captured = tmp / "captured"
    lib.capture_markdown(project, captured)
    baseline = lib.make_baseline(project, captured, tmp / "serve-baseline")
    page = baseline / "docs" / "index.md"
    ports = {"handbook": lib.free_port(), "baseline": lib.free_port()}
    urls = {k: f"http://127.0.0.1:{port}/" for k, port in ports.items()}

    def edit(which: str, name: str) -> None:
        if which == "handbook":
            lib.set_yaml_scalar(data, "naam", name)
        else:
            lib.set_heading(page, name)

    batches = 0

    def batch(warmup: int) -> Runs:
        nonlocal batches
        batches += 1
        times: dict[str, list[float]] = {"handbook": [], "baseline": []}
        for round_ in range(warmup + opts.runs):
            order = ["handbook", "baseline"] if round_ % 2 == 0 else ["baseline", "handbook"]
            for which in order:
                name = f"Benchmerk {batches}-{round_} {os.getpid()}"
                edited = time.perf_counter()
                edit(which, name)
                seen = _wait_for(urls[which], name, edited + 60)
                if seen is None:
                    raise NotMeasured(
                        f"{which}: the new text did not appear within 60 s (round {round_})"
                    )
                if round_ >= warmup:
                    times[which].append(seen - edited)
                time.sleep(0.5)  # the next edit must not fall inside the same rebuild
        return Runs(wall=times, cpu={})

    with (
        _serve(project, ports["handbook"]) as handbook,
        _serve(baseline, ports["baseline"]) as plain,
    ):
        _started(project, urls["handbook"], handbook)
        _started(baseline, urls["baseline"], plain)
        time.sleep(1.0)  # let the watchers settle after the first builds
        warm = 0 if opts.quick else 1
        runs, steadiness = steady(
            lambda: batch(warm if batches == 0 else 0),
            lambda r: {"handbook/plain": ratios(r.wall["handbook"], r.wall["baseline"])},
            say=lambda m: print(f"bench: live_reload: {m}", file=sys.stderr),
        )
    times = runs.wall
    result = summarize(times["handbook"])
    plain_result = summarize(times["baseline"])
    ratio = summarize(ratios(times["handbook"], times["baseline"]))
    return {
        **result.as_dict("seconds_"),
        **plain_result.as_dict("baseline_seconds_"),
        **ratio.as_dict("ratio_"),
        "goal": "seconds_median <= 1.0",
        "goal_met": result.median <= 1.0,
        "how": "'mkdocs serve --livereload' of a git clone of the project; edit "
        "data/organisatie.yml (naam), poll the home page over HTTP every 20 ms until it shows "
        "the new name; 'baseline_seconds' is plain MkDocs + Material serving the baseline copy "
        "(same final Markdown, no handbook plugin, no macros, MkDocs' own 0.5 s polling) with "
        "the home page's heading edited, alternated in the same run",
        "steadiness": steadiness.as_dict(),
        "note": steadiness.note(),
    }
