"""one_pager: the quick reference printed to PDF in every sector variant must be one page."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .. import lib
from ..options import NotMeasured, Options
from ..stats import summarize, timed
from .variants import _handbook_has, _sites, _variants


def _pdf_pages(path: Path) -> int:
    from pypdf import PdfReader

    return len(PdfReader(str(path)).pages)


def one_pager(opts: Options, tmp: Path) -> dict[str, Any]:
    """Render the one-pager of every variant to PDF: time and page count (must be 1)."""
    from handbook.outputs.chromium import chromium, find_chromium, print_pdf, serve_directory

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
