"""The handbook's benchmark: ``make bench`` (or ``python -m bench.run``).

Prints a Markdown table and writes the same figures to ``bench/results.json``. Every figure is
the median of ``--runs`` runs after a warm-up, with min and max; every comparison is a ratio of
A and B measured in the same run, alternated. A figure that cannot be measured here says so,
with the reason; it never gets a made-up number.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable, Iterator, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from . import lib
from .stats import alternate, ratios, summarize, timed

RESULTS = Path(__file__).resolve().parent / "results.json"
LIGHTHOUSE = Path(__file__).resolve().parent / "node_modules" / "lighthouse" / "cli" / "index.js"
FIGURES = (
    "plugin_overhead",
    "scaling",
    "variants",
    "live_reload",
    "page_weight",
    "lighthouse",
    "one_pager",
)


class NotMeasured(Exception):
    """The figure cannot be measured here; the message says why."""


class Options(argparse.Namespace):
    runs: int
    quick: bool
    only: list[str]
    json: Path
    jobs: int


# --- figures ---


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
    runs = alternate(builds, runs=opts.runs, warmup=0 if opts.quick else 1)
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
    }
    if cold:
        result["cold_cache"] = {
            **summarize(ratios(wall["cold"], wall["baseline"])).as_dict("ratio_"),
            **summarize(wall["cold"]).as_dict("handbook_seconds_"),
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
    synthetic = lib.make_synthetic(tmp / "synthetic-project", size)
    result["synthetic"] = _overhead(synthetic, opts, tmp / "synthetic", cold=False)
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


def scaling(opts: Options, tmp: Path) -> dict[str, Any]:
    """Synthetic handbooks of increasing size; time per page must stay flat.

    The pages sit in parts and chapters (``lib.synthetic_path``), as a handbook of hundreds of
    pages would. Plain MkDocs + Material builds the same final Markdown of each size in the same
    run (as in the overhead figure), so the theme's share of the growth is told apart from the
    handbook's own. The smallest and largest size are also built with every 25 pages as one
    top-level section ('flat_navigation'): Material then puts every link on every page, and that
    growth is reported beside the goal, not hidden.
    """
    sizes = (5, 10, 20) if opts.quick else (50, 200, 500)
    projects = {n: lib.make_synthetic(tmp / f"synthetic-{n}", n) for n in sizes}
    small_n, large_n = sizes[0], sizes[-1]
    flat = {
        n: lib.make_synthetic(tmp / f"synthetic-flat-{n}", n, nested=False)
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
    runs = alternate(builds, runs=opts.runs, warmup=0 if opts.quick else 1)
    wall, cpu = runs.wall, runs.cpu
    small, large = str(sizes[0]), str(sizes[-1])
    ratio = summarize(ratios(wall[large], wall[small]))
    cpu_ratio = summarize(ratios(cpu[large], cpu[small]))
    plain = ratios(wall[f"plain-{large}"], wall[f"plain-{small}"])
    share = ratios(ratios(wall[large], wall[small]), plain)
    flat_ratio = summarize(ratios(wall[f"flat-{large}"], wall[f"flat-{small}"]))
    limit = 1.1 * sizes[-1] / sizes[0]
    result: dict[str, Any] = {"sizes": list(sizes)}
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
            "handbook_vs_plain": summarize(share).as_dict("ratio_"),
            "flat_navigation": {
                **flat_ratio.as_dict(f"ratio_{large}_to_{small}_"),
                f"pages_{large}_seconds_median": summarize(wall[f"flat-{large}"]).median,
                "how": f"the same handbooks with every {lib.PAGES_PER_CHAPTER} pages as one "
                "top-level section and no chapters: with navigation.sections Material puts every "
                "page's link on every page, so time per page grows with the handbook",
            },
            "goal": f"ratio_{large}_to_{small}_median <= {limit:g}",
            "goal_met": ratio.median <= limit,
            "how": "wall time of 'mkdocs build --strict' of generated handbooks (valid front "
            "matter, placeholders, a macro on every tenth page, the project's data, theme and "
            f"config; parts of {lib.CHAPTERS_PER_PART} chapters of {lib.PAGES_PER_CHAPTER} pages); "
            "'plain_mkdocs' is plain MkDocs + Material building each one's final Markdown in "
            "the same run, 'handbook_vs_plain' the handbook's ratio divided by that one",
        }
    )
    return result


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
    times = alternate(
        {
            "variants": lambda: _variants(project, out, opts.jobs),
            "single": lambda: lib.build(project, tmp / "site-single"),
        },
        runs=opts.runs,
        warmup=0 if opts.quick else 1,
    ).wall
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
    }


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
    times: dict[str, list[float]] = {"handbook": [], "baseline": []}

    def edit(which: str, name: str) -> None:
        if which == "handbook":
            lib.set_yaml_scalar(data, "naam", name)
        else:
            lib.set_heading(page, name)

    with (
        _serve(project, ports["handbook"]) as handbook,
        _serve(baseline, ports["baseline"]) as plain,
    ):
        _started(project, urls["handbook"], handbook)
        _started(baseline, urls["baseline"], plain)
        time.sleep(1.0)  # let the watchers settle after the first builds
        warmup = 0 if opts.quick else 1
        for round_ in range(warmup + opts.runs):
            order = ["handbook", "baseline"] if round_ % 2 == 0 else ["baseline", "handbook"]
            for which in order:
                name = f"Benchmerk {round_} {os.getpid()}"
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
    }


def _load(browser: Any, url: str) -> dict[str, Any]:
    """Cold load of ``url`` in a fresh browser context; every request and its sizes."""
    context = browser.new_context(locale="nl-NL")
    try:
        requests: list[Any] = []
        context.on("requestfinished", lambda r: requests.append(r))
        failed: list[str] = []
        context.on("requestfailed", lambda r: failed.append(r.url))
        page = context.new_page()
        page.goto(url, wait_until="networkidle")
        page.wait_for_timeout(300)  # late requests (search worker, its index)
        body = header = 0
        other_hosts: list[str] = []
        kinds: dict[str, int] = {}
        for request in requests:
            host = request.url.split("/")[2] if "://" in request.url else ""
            if request.url.startswith(("http://", "https://")) and not host.startswith("127.0.0.1"):
                other_hosts.append(request.url)
            sizes = request.sizes()
            body += sizes["responseBodySize"]
            header += sizes["responseHeadersSize"]
            kinds[request.resource_type] = kinds.get(request.resource_type, 0) + 1
        other_hosts += [u for u in failed if "127.0.0.1" not in u]
        timing = page.evaluate(
            "JSON.stringify(performance.getEntriesByType('navigation')[0] || {})"
        )
        nav = json.loads(timing)
        return {
            "requests": len(requests) + len(failed),
            "failed": len(failed),
            "transferred_bytes": body + header,
            "body_bytes": body,
            "by_type": kinds,
            "other_hosts": other_hosts,
            "load_ms": nav.get("loadEventEnd", 0.0),
            "urls": [r.url.removeprefix(url) for r in requests],
        }
    finally:
        context.close()


def _gz(path: Path) -> int:
    import gzip

    return len(gzip.compress(path.read_bytes(), compresslevel=lib.GZIP_LEVEL, mtime=0))


def page_weight(opts: Options, tmp: Path) -> dict[str, Any]:
    """Cold load of the home page and the one-pager in headless Chromium."""
    from handbook.pdf import chromium, find_chromium

    if find_chromium() is None:
        raise NotMeasured("Debian's Chromium is missing (apt-get install chromium)")
    site = tmp / "site-weight"
    lib.build(lib.snapshot(tmp / "project"), site)
    pages = {"home": ""}
    one_pager = (site / "snelle-referentie" / "index.html").is_file()
    if one_pager:
        pages["one_pager"] = "snelle-referentie/"
    result: dict[str, Any] = {}
    with lib.serve_gzip(site) as base, chromium() as browser:
        for key, path in pages.items():
            loads = [
                _load(browser, base + path) for _ in range(opts.runs + (0 if opts.quick else 1))
            ]
            loads = loads[-opts.runs :]
            last = loads[-1]
            kb = summarize([x["transferred_bytes"] / 1024 for x in loads])
            result[key] = {
                "path": "/" + path,
                **kb.as_dict("transferred_kb_"),
                "requests": last["requests"],
                "failed_requests": last["failed"],
                "requests_by_type": last["by_type"],
                "other_host_requests": len(last["other_hosts"]),
                "other_host_urls": last["other_hosts"],
                **summarize([x["load_ms"] for x in loads]).as_dict("load_ms_"),
                "urls": last["urls"],
                "goal_met": kb.median <= 150 and not last["other_hosts"] and not last["failed"],
            }
    if not one_pager:
        result["one_pager"] = {
            "status": "not_measured",
            "reason": "the page snelle-referentie/ is not present in this build",
        }
    index = site / "search" / "search_index.json"
    result["search_index_bytes"] = index.stat().st_size if index.is_file() else None
    result["search_index_gzip_bytes"] = _gz(index) if index.is_file() else None
    result["goal"] = "transferred_kb_median <= 150 per page, 0 requests to other hosts"
    result["goal_met"] = all(
        v.get("goal_met", False) for k, v in result.items() if k in pages and isinstance(v, dict)
    )
    result["how"] = (
        "cold load (new browser context, empty cache) in headless Chromium until network idle "
        "+ 300 ms; the site is served by the benchmark's own HTTP server, which gzips text "
        "types (HTML, CSS, JS, JSON, SVG) at level 6 like a web server; transferred = encoded "
        "response bodies + response headers as Chromium reports them (request.sizes())"
    )
    return result


def lighthouse(opts: Options, tmp: Path) -> dict[str, Any]:
    """Lighthouse scores of the home page, Debian's Chromium, offline, local server."""
    from handbook.pdf import CHROMIUM_ARGS, find_chromium

    chrome = find_chromium()
    if chrome is None:
        raise NotMeasured("Debian's Chromium is missing (apt-get install chromium)")
    if not LIGHTHOUSE.is_file():
        raise NotMeasured(
            "Lighthouse is not installed: 'make bench' installs it from bench/package.json "
            "(npm ci in bench/)"
        )
    node = shutil.which("node")
    if node is None:
        raise NotMeasured("Node.js is missing (apt-get install nodejs)")
    site = tmp / "site-lighthouse"
    lib.build(lib.snapshot(tmp / "project"), site)
    categories = ("performance", "accessibility", "best-practices", "seo")
    scores: dict[str, list[float]] = {c: [] for c in categories}
    flags = " ".join(["--headless=new", *CHROMIUM_ARGS])
    with lib.serve_gzip(site) as base:
        for round_ in range(opts.runs + (0 if opts.quick else 1)):
            report = tmp / f"lighthouse-{round_}.json"
            result = subprocess.run(
                [
                    node,
                    str(LIGHTHOUSE),
                    base,
                    "--quiet",
                    "--output=json",
                    f"--output-path={report}",
                    f"--only-categories={','.join(categories)}",
                    f"--chrome-flags={flags}",
                    "--locale=nl",
                ],
                env={**os.environ, "CHROME_PATH": chrome},
                capture_output=True,
                text=True,
                timeout=300,
            )
            if result.returncode != 0 or not report.is_file():
                raise NotMeasured(
                    f"Lighthouse failed (exit {result.returncode}): {result.stderr.strip()[-1500:]}"
                )
            data = json.loads(report.read_text(encoding="utf-8"))
            if data.get("runtimeError"):
                raise NotMeasured(f"Lighthouse runtime error: {data['runtimeError']}")
            if round_ < (0 if opts.quick else 1):
                continue
            for c in categories:
                score = data["categories"][c]["score"]
                if score is None:
                    raise NotMeasured(f"Lighthouse gave no {c} score")
                scores[c].append(round(100 * score))
            failing = sorted(
                audit["id"]
                for audit in data["audits"].values()
                if audit.get("score") is not None
                and audit["score"] < 1
                and audit.get("scoreDisplayMode") in ("binary", "numeric", "metricSavings")
            )
    out: dict[str, Any] = {}
    for c in categories:
        out[c.replace("-", "_")] = summarize(scores[c]).as_dict()
    perf = out["performance"]["median"]
    a11y = out["accessibility"]["median"]
    out.update(
        {
            "lighthouse_version": data.get("lighthouseVersion"),
            "form_factor": data.get("configSettings", {}).get("formFactor"),
            "throttling": data.get("configSettings", {}).get("throttlingMethod"),
            "audits_below_full_score": failing,
            "goal": "performance >= 95 and accessibility == 100",
            "goal_met": perf >= 95 and a11y == 100,
            "how": "npm lighthouse (bench/package.json) with Debian's Chromium (CHROME_PATH), "
            "default mobile preset with simulated throttling, against the benchmark's gzip "
            "server on 127.0.0.1",
        }
    )
    return out


def _pdf_pages(path: Path) -> int:
    from pypdf import PdfReader

    return len(PdfReader(str(path)).pages)


def one_pager(opts: Options, tmp: Path) -> dict[str, Any]:
    """Render the one-pager of every variant to PDF: time and page count (must be 1)."""
    from handbook.pdf import chromium, find_chromium, print_pdf, serve_directory

    if find_chromium() is None:
        raise NotMeasured("Debian's Chromium is missing (apt-get install chromium)")
    sites: dict[str, Path] = {}
    note = ""
    project = lib.snapshot(tmp / "project")
    if _handbook_has("variants") is None:
        _variants(project, tmp / "variants-pdf", opts.jobs)
        sites = {p.name: p for p in _sites(tmp / "variants-pdf")}
    else:
        note = "'handbook variants' is not available: only the main build is measured"
        site = tmp / "site-pdf"
        lib.build(project, site)
        sites = {"main": site}
    present = {k: v for k, v in sites.items() if (v / "snelle-referentie" / "index.html").is_file()}
    if not present:
        raise NotMeasured("the page snelle-referentie/ is not present in this build")
    out: dict[str, Any] = {"variants": {}}
    with chromium() as browser:
        for name, site in present.items():
            with serve_directory(site) as base:
                pdf = tmp / f"one-pager-{name}.pdf"
                url = base + "snelle-referentie/"
                if not opts.quick:
                    print_pdf(browser, url, pdf)
                times = [
                    timed(lambda url=url, pdf=pdf: print_pdf(browser, url, pdf))
                    for _ in range(opts.runs)
                ]
                shipped = sorted((site / "snelle-referentie").glob("*.pdf"))
                out["variants"][name] = {
                    **summarize(times).as_dict("render_seconds_"),
                    "pages": _pdf_pages(pdf),
                    "shipped_pdf": shipped[0].name if shipped else None,
                    "shipped_pdf_pages": _pdf_pages(shipped[0]) if shipped else None,
                }
    out["all_one_page"] = all(
        v["pages"] == 1 and v["shipped_pdf_pages"] in (None, 1) for v in out["variants"].values()
    )
    out["goal"] = "every variant's one-pager prints on exactly 1 page"
    out["goal_met"] = out["all_one_page"]
    out["note"] = note
    out["how"] = (
        "print_pdf() of handbook.pdf (Playwright on Debian's Chromium, A4 from the print CSS) "
        "of snelle-referentie/ served from each built variant; page count with pypdf; the PDF "
        "shipped in the site (if any) is counted too"
    )
    return out


RUNNERS: dict[str, Callable[[Options, Path], dict[str, Any]]] = {
    "plugin_overhead": plugin_overhead,
    "scaling": scaling,
    "variants": variants,
    "live_reload": live_reload,
    "page_weight": page_weight,
    "lighthouse": lighthouse,
    "one_pager": one_pager,
}


# --- report ---


def _f(value: float | None, digits: int = 2) -> str:
    return "–" if value is None else f"{value:.{digits}f}"


def _goal(result: dict[str, Any]) -> str:
    return "yes" if result.get("goal_met") else "**no**"


def table(results: dict[str, Any]) -> str:
    rows = [
        "| figure | measure | median | min | max | goal | met |",
        "|---|---|---|---|---|---|---|",
    ]

    def row(fig: str, measure: str, r: dict[str, Any], key: str, goal: str, met: str, d=2):
        rows.append(
            f"| {fig} | {measure} | {_f(r.get(key + 'median'), d)} | {_f(r.get(key + 'min'), d)} "
            f"| {_f(r.get(key + 'max'), d)} | {goal} | {met} |"
        )

    for name in FIGURES:
        r = results["figures"].get(name)
        if r is None:
            continue
        if r.get("status") != "measured":
            reason = str(r.get("reason", "")).splitlines()[0].replace("|", "/")
            rows.append(f"| {name} | not measured: {reason} | | | | | |")
            continue
        if name == "plugin_overhead":
            row(
                name,
                f"ratio handbook / plain MkDocs ({r['pages']} pages)",
                r,
                "ratio_",
                "≤ 1.10",
                _goal(r),
            )
            row(
                name,
                "same, CPU time ratio",
                r,
                "cpu_ratio_",
                "≤ 1.10",
                "yes" if r["cpu_goal_met"] else "**no**",
            )
            cold = r.get("cold_cache")
            if cold:
                row(name, "same, first build (no cache)", cold, "ratio_", "", "")
            row(name, "handbook build (s)", r, "handbook_seconds_", "", "")
            row(name, "plain MkDocs build (s)", r, "baseline_seconds_", "", "")
            syn = r["synthetic"]
            pages = syn["pages"]
            row(name, f"synthetic ({pages} pages): ratio", syn, "ratio_", "≤ 1.10", _goal(syn))
            cpu_met = "yes" if syn["cpu_goal_met"] else "**no**"
            row(name, f"synthetic ({pages} pages): CPU ratio", syn, "cpu_ratio_", "≤ 1.10", cpu_met)
        elif name == "scaling":
            small, large = r["sizes"][0], r["sizes"][-1]
            key = f"ratio_{large}_to_{small}_"
            limit = r["goal"].split()[-1]
            row(name, f"ratio {large} / {small} pages", r, key, f"≤ {limit}", _goal(r))
            cpu_met = "yes" if r[f"cpu_{key}median"] <= float(limit) else "**no**"
            row(name, "same, CPU time ratio", r, f"cpu_{key}", f"≤ {limit}", cpu_met)
            if "plain_mkdocs" in r:
                row(name, "same, plain MkDocs + Material", r["plain_mkdocs"], key, "", "")
                row(name, "handbook ratio / plain ratio", r["handbook_vs_plain"], "ratio_", "", "")
            if "flat_navigation" in r:
                measure = "same, no chapters (every link on every page)"
                row(name, measure, r["flat_navigation"], key, "", "")
            for n in r["sizes"]:
                p = r[f"pages_{n}"]
                row(
                    name,
                    f"{n} pages (s; {p['ms_per_page_median']:.1f} ms/page)",
                    p,
                    "seconds_",
                    "",
                    "",
                )
                plain_n = p.get("plain_mkdocs")
                if plain_n:
                    measure = (
                        f"{n} pages, plain MkDocs (s; {plain_n['ms_per_page_median']:.1f} ms/page)"
                    )
                    row(name, measure, plain_n, "seconds_", "", "")
        elif name == "variants":
            row(
                name,
                f"ratio {r['count']} variants / 1 build (jobs {r['jobs']})",
                r,
                "ratio_",
                "≤ 4.0",
                _goal(r),
            )
            row(name, "all variants (s)", r, "variants_seconds_", "", "")
            row(name, "one build (s)", r, "single_seconds_", "", "")
        elif name == "live_reload":
            row(name, "edit → page shows new value (s)", r, "seconds_", "≤ 1.0", _goal(r))
            if "baseline_seconds_median" in r:
                row(name, "plain MkDocs, page edit → shown (s)", r, "baseline_seconds_", "", "")
                row(name, "ratio handbook / plain MkDocs", r, "ratio_", "", "")
        elif name == "page_weight":
            for key in ("home", "one_pager"):
                p = r.get(key, {})
                if p.get("status") == "not_measured":
                    rows.append(f"| {name} | {key}: not measured: {p['reason']} | | | | | |")
                    continue
                row(
                    name,
                    f"{key} transferred KB ({p['requests']} requests, "
                    f"{p['other_host_requests']} to other hosts)",
                    p,
                    "transferred_kb_",
                    "≤ 150, 0 other hosts",
                    _goal(p),
                    1,
                )
                row(name, f"{key} load event (ms)", p, "load_ms_", "", "", 0)
            size = r.get("search_index_bytes")
            gz = r.get("search_index_gzip_bytes")
            rows.append(
                f"| {name} | search index KB (gzip) | {_f(size and size / 1024, 1)} "
                f"({_f(gz and gz / 1024, 1)}) | | | | |"
            )
        elif name == "lighthouse":
            goals = {"performance": "≥ 95", "accessibility": "100"}
            for c in ("performance", "accessibility", "best_practices", "seo"):
                met = ""
                if c == "performance":
                    met = "yes" if r[c]["median"] >= 95 else "**no**"
                if c == "accessibility":
                    met = "yes" if r[c]["median"] == 100 else "**no**"
                row(name, f"{c} score ({r['form_factor']})", r[c], "", goals.get(c, ""), met, 0)
        elif name == "one_pager":
            for variant, v in r["variants"].items():
                row(
                    name,
                    f"{variant}: render PDF (s), {v['pages']} page(s)"
                    + (f", shipped PDF {v['shipped_pdf_pages']}" if v["shipped_pdf"] else ""),
                    v,
                    "render_seconds_",
                    "1 page",
                    "yes" if v["pages"] == 1 and v["shipped_pdf_pages"] in (None, 1) else "**no**",
                )
    return "\n".join(rows)


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
    """Write the plugin's bytecode, as a regular (non-editable) install does.

    The plugin is installed editable; Python writes its ``__pycache__`` on the first import,
    except when ``PYTHONDONTWRITEBYTECODE`` is set (as on some CI machines), and then every build
    would compile the plugin's sources again. The benchmark measures a normal install.
    """
    import compileall

    compileall.compile_dir(str(lib.ROOT / "plugins"), quiet=1)
    return "compiled by the benchmark (compileall plugins/), as a regular install does"


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
