"""The Markdown table ``make bench`` prints."""

from __future__ import annotations

from typing import Any

from .options import FIGURES


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
                met = "" if "goal_met" not in cold else _goal(cold)
                row(
                    name, "same, first build (no cache, PDFs printed)", cold, "ratio_", "≤ 2.0", met
                )
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
                share = r["handbook_vs_plain"]
                met = "" if "goal_met" not in share else _goal(share)
                row(name, "handbook ratio / plain ratio", share, "ratio_", "≤ 1.05", met)
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
        elif name == "editor_feedback":
            row(
                name,
                "clean clone → install, check, strict build, link check (s)",
                r,
                "seconds_",
                "≤ 60",
                _goal(r),
                1,
            )
            for step in r.get("steps", {}):
                row(name, f"  {step} (s)", r["steps"][step], "seconds_", "", "", 1)
        for key in ("synthetic",):
            note = (r.get(key) or {}).get("note") if isinstance(r.get(key), dict) else None
            if note:
                rows.append(f"| {name} | {key}: {note} | | | | | |")
        if r.get("note"):
            rows.append(f"| {name} | {r['note']} | | | | | |")
    return "\n".join(rows)
