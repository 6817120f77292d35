"""page_weight: a cold page load in Chromium, gzip as a web server sends it; no other hosts."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .. import lib, serving
from ..options import NotMeasured, Options
from ..stats import summarize


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

    return len(gzip.compress(path.read_bytes(), compresslevel=serving.GZIP_LEVEL, mtime=0))


def page_weight(opts: Options, tmp: Path) -> dict[str, Any]:
    """Cold load of the home page and the one-pager in headless Chromium."""
    from handbook.outputs.chromium import chromium, find_chromium

    if find_chromium() is None:
        raise NotMeasured("Debian's Chromium is missing (apt-get install chromium)")
    site = tmp / "site-weight"
    lib.build(lib.snapshot(tmp / "project"), site)
    pages = {"home": ""}
    one_pager = (site / "snelle-referentie" / "index.html").is_file()
    if one_pager:
        pages["one_pager"] = "snelle-referentie/"
    result: dict[str, Any] = {}
    with serving.serve_gzip(site) as base, chromium() as browser:
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
