"""MkDocs glue for the printable sheets: the quick reference and the crisis card.

The plugin calls :func:`add_sheets` in ``on_files`` and :func:`render_pdfs` in
``on_post_build``. The content and the budget come from the plain modules ``onepager`` and
``crisiskaart``; this module only reads the pages once, adds the pages and logs.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import Files

from ..core.cache import BuildCache
from ..core.frontmatter import PageSource
from ..core.switches import switch
from ..generated import add_page
from ..outputs.chromium import find_chromium
from . import crisiskaart, onepager
from .early import EarlyPrint
from .items import (
    Section,
    SheetItem,
    collect_sections,
    nav_pages,
    section_from_meta,
    sheet_items,
)
from .layout import budget_message, usage
from .printing import print_sheets, public_base, start_printer

if TYPE_CHECKING:
    from ..outputs.printer import Printer

log = get_plugin_logger(__name__)


def nav_sections(
    files: Files, nav: Any, checked: Mapping[str, PageSource] | None = None
) -> list[Section]:
    """Front matter of every page in the nav, in navigation order.

    ``checked`` are the pages the page check read and validated this build (``pagecheck``):
    their sections come from that, without reading or parsing the page again. A page whose
    front matter did not pass the check is left out (the check reported it; the build stops).
    """
    listed = nav_pages(nav)
    if not listed:  # no nav: MkDocs orders the pages by path
        listed = [(None, f.src_uri) for f in files.documentation_pages()]
    checked = checked or {}
    sections = []
    for title, src_uri in listed:
        file = files.get_file_from_path(src_uri)
        if file is None or file.generated_by:
            continue
        page = checked.get(src_uri)
        if page is not None:
            if page.meta is not None:
                sections.append(section_from_meta(src_uri, page.meta, page.text, title))
        else:
            sections.extend(collect_sections([(title, src_uri, file.content_string)]))
    return sections


def pdf_wanted(enabled: bool, command: str) -> bool:
    """PDFs only in a real build, when enabled and Chromium is there (else: an INFO line)."""
    reason = _no_pdf(enabled, command)
    if reason:
        log.info(reason)
    return reason is None


def _no_pdf(enabled: bool, command: str) -> str | None:
    """Why this build makes no PDF of the sheets (``""``: no need to say); ``None``: it does."""
    if not enabled:
        return "Snelle referentie en crisiskaart: PDF staat uit (pdf: false)."
    if switch(os.environ, "HANDBOOK_PDF") is False:
        return "Snelle referentie en crisiskaart: PDF staat uit (HANDBOOK_PDF)."
    if command == "serve":
        return ""
    if find_chromium() is None:
        return (
            "Chromium ontbreekt: de snelle referentie en de crisiskaart krijgen geen PDF; de "
            "pagina's verwijzen naar Afdrukken. Installeer Chromium (apt-get install chromium) "
            "voor de PDF."
        )
    return None


def fitting_items(
    sections: Sequence[Section],
    variables: Mapping[str, Any],
    sector_items: Sequence[Mapping[str, Any]],
    wide_text: str | None = None,
) -> tuple[list[SheetItem], int]:
    """The sheet's items: every page's kern rules, then the sector's kern rules in their order
    for as long as they fit on one A4 (several sectors can bring more than fit). Returns the
    items and how many sector rules were left out. The pages' own rules are never left out: if
    those do not fit, the budget message says so."""
    chosen = [dict(item) for item in sector_items if item.get("kern", True)]
    items = sheet_items(sections, variables, chosen)
    left_out = 0
    while chosen and not usage(items, variables, wide_text=wide_text).fits:
        chosen.pop()
        left_out += 1
        items = sheet_items(sections, variables, chosen)
    return items, left_out


def add_sheets(
    files: Files,
    config,
    variables: Mapping[str, Any],
    *,
    with_pdf: bool,
    sector_items: Sequence[Mapping[str, Any]] = (),
    choose_sector_rules: bool = False,
    aid_uri: str | None = None,
    checked: Mapping[str, PageSource] | None = None,
) -> list[str]:
    """Add ``snelle-referentie.md`` and ``crisiskaart.md``; returns Dutch budget messages.

    ``aid_uri`` is the decision aid's page when the build has one: the sheet points to it.
    ``checked``: the pages as the page check read them (see :func:`nav_sections`).
    """
    sections = nav_sections(files, config.nav, checked)
    wide = onepager.aid_line(variables, aid_uri) if aid_uri else None
    # Several merged sectors can bring more rules than fit: then the sheet chooses (kern, in
    # order). One sector's rules are the editors' to fit, as the pages' own are.
    if choose_sector_rules:
        items, left_out = fitting_items(sections, variables, sector_items, wide)
    else:
        items, left_out = sheet_items(sections, variables, sector_items), 0
    if left_out:
        log.info(
            f"Snelle referentie: {left_out} regel(s) van de sector passen niet meer op één A4 en "
            "staan alleen op hun pagina en op de pagina van de sector."
        )
    messages = []
    problem = budget_message(usage(items, variables, wide_text=wide))
    if problem:
        messages.append(problem)
    problem = crisiskaart.budget_message(crisiskaart.usage(variables))
    if problem:
        messages.append(problem)
    # The pages are added even when over budget, so the nav stays whole; the build stops
    # in on_env with the messages.
    sheet = onepager.sheet_markdown(
        items, variables, onepager.PDF_NAME if with_pdf else None, aid_uri
    )
    crisis_page = "crisis.md" if files.get_file_from_path("crisis.md") is not None else None
    card = crisiskaart.card_markdown(
        variables, crisiskaart.PDF_NAME if with_pdf else None, crisis_page
    )
    add_page(files, config, onepager.SRC_URI, sheet)
    # Relative to edit_uri (".../docs/"): the card's facts live in data/crisis.yml.
    add_page(files, config, crisiskaart.SRC_URI, card, "../data/crisis.yml")
    return messages


def early_printer(enabled: bool, command: str, cache: BuildCache) -> Printer | None:
    """Start Chromium now, in the background, when this build will print the sheets.

    Called as the build starts (``on_config``), so Chromium's start overlaps reading and
    rendering the pages. Only when no printed sheet is cached (a fresh clone, CI without a
    restored cache, the cache switched off): with PDFs in the cache the sheets usually come
    from it, and a browser started for nothing would only cost time. :func:`render_pdfs` uses
    it and releases it (the browser closes while the build ends); :func:`keep_printer` and
    :func:`stop_printer` close it when the build makes no PDF after all, or stops.
    """
    if _no_pdf(enabled, command) is not None or cache.has_pdfs():
        return None
    return start_printer(find_chromium())


def keep_printer(printer: Printer | None, with_pdf: bool) -> Printer | None:
    """``printer`` when the build still makes the PDFs (``on_files`` knows); else closed."""
    if with_pdf:
        return printer
    stop_printer(printer)
    return None


def stop_printer(printer: Printer | None) -> None:
    """Close a browser started by :func:`early_printer` (a build error); nothing if none."""
    if printer is not None:
        printer.close()


def print_while_building(
    printer: Printer | None, files: Files, site_dir: Path, intranet_url: object
) -> EarlyPrint | None:
    """With a browser started early, build the sheets first and print them while the other
    pages are built (``early.py``; called in ``on_env``). ``None`` without a browser."""
    if printer is None:
        return None
    early = EarlyPrint(
        printer,
        {onepager.SRC_URI: onepager.PDF_NAME, crisiskaart.SRC_URI: crisiskaart.PDF_NAME},
        site_dir,
        public_base(intranet_url),
        find_chromium(),
    )
    early.build_sheets_first(files)
    return early


def render_pdfs(
    site_dir: Path,
    files: Files | None = None,
    cache: BuildCache | None = None,
    printer: Printer | None = None,
    intranet_url: object = None,
    early: EarlyPrint | None = None,
) -> list[Path]:
    """Print both sheets of a built site to PDF next to their pages (Chromium required).

    A sheet that is the same as at an earlier build comes from ``cache`` without Chromium.
    ``printer`` is the browser :func:`early_printer` started, if any; it is released here.
    ``intranet_url`` (``organisatie.intranet_url``) is where the links in the PDFs point.
    ``early``: the sheets were handed to ``printer`` as they were rendered
    (:func:`print_while_building`).
    """
    targets = [
        (_url_of(files, onepager.SRC_URI), onepager.PDF_NAME),
        (_url_of(files, crisiskaart.SRC_URI), crisiskaart.PDF_NAME),
    ]
    job = early.job if early is not None else None
    try:
        written = print_sheets(site_dir, targets, cache, printer, public_base(intranet_url), job)
        if job is not None and job.used:
            log.debug("De PDF's zijn gedrukt terwijl de andere pagina's gebouwd werden.")
        return written
    except RuntimeError as error:
        raise PluginError(
            f"{error} Zet 'pdf: false' onder '- handbook:' in mkdocs.yml om zonder PDF te bouwen."
        ) from None


def _url_of(files: Files | None, src_uri: str) -> str:
    file = files.get_file_from_path(src_uri) if files is not None else None
    return file.url if file is not None else src_uri.removesuffix(".md") + "/"
