"""lighthouse: Lighthouse (npm, in ``bench/``) with Debian's Chromium, offline."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

from .. import lib, serving
from ..options import NotMeasured, Options
from ..stats import summarize

BENCH_DIR = Path(__file__).resolve().parents[1]
LIGHTHOUSE = BENCH_DIR / "node_modules" / "lighthouse" / "cli" / "index.js"


def lighthouse(opts: Options, tmp: Path) -> dict[str, Any]:
    """Lighthouse scores of the home page, Debian's Chromium, offline, local server."""
    from handbook.outputs.chromium import CHROMIUM_ARGS, find_chromium

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
    with serving.serve_gzip(site) as base:
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
