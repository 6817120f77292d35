"""The whole policy as one PDF: cover, table of contents with page numbers, every policy page.

How it works:
1. A strict build of the normal site into a temporary folder. A small collector plugin, added
   for that build only, records the navigation order and every page's rendered HTML.
2. The pages are joined into one print document (ids made unique per page, links between pages
   turned into links inside the document, other links shown as URLs by the print CSS).
3. Chromium prints it; pypdf finds the page on which each section starts; the table of contents
   is filled in with those numbers and the document printed again (until the numbers hold).
4. A second strict build writes the site with the PDF in ``downloads/`` and a link to it on the
   home page, so the link exists only when the file does.
"""

from __future__ import annotations

import re
import shutil
import tempfile
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig

from ...core.errors import HandbookError
from ..offline import package_name
from ..sitebuild import add_plugin, build_site
from .collect import Collector, LeftOut, PdfLink, Section, collect_sections, html_to_text
from .document import FOOTER, Cover, header_template, render_document

MAX_PASSES = 4

_PAGE_NUMBER = re.compile(r"Pagina \d+ van \d+")


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).replace("\u00ad", "")
    return " ".join(text.split())


def page_texts(pdf: Path, header: str) -> list[str]:
    """The text of every page without the running header and footer."""
    from pypdf import PdfReader

    strip = normalise(header)
    texts = []
    for sheet in PdfReader(str(pdf)).pages:
        text = normalise(sheet.extract_text() or "")
        text = normalise(_PAGE_NUMBER.sub(" ", text.replace(strip, " ")))
        texts.append(text)
    return texts


def find_section_pages(texts: Sequence[str], sections: Sequence[Section]) -> dict[str, int]:
    """Page number (1-based) on which each section starts: the page that begins with its title."""
    numbers: dict[str, int] = {}
    missing: list[str] = []
    start = 0
    for section in sections:
        title = normalise(section.title)
        for index in range(start, len(texts)):
            if texts[index].startswith(title):
                numbers[section.key] = index + 1
                start = index + 1
                break
        else:
            missing.append(section.title)
    if missing:
        raise HandbookError(
            [
                "De PDF is gemaakt, maar deze titels staan niet bovenaan een pagina: "
                + ", ".join(f"'{t}'" for t in missing)
                + ". Begin elke pagina in docs/ met een kop '# Titel'."
            ]
        )
    return numbers


def _stylesheets(site: Path) -> list[str]:
    """The built site's own stylesheets (Material's and ours), as root-relative URLs."""
    index = (site / "index.html").read_text(encoding="utf-8")
    hrefs = re.findall(r'<link rel="stylesheet" href="([^"]+)"', index)
    return ["/" + href.lstrip("./") for href in hrefs if not urlsplit(href).scheme]


def print_policy(
    site: Path, cover: Cover, sections: Sequence[Section], left_out, contacts, out: Path
) -> int:
    """Print the document, fill in the contents page numbers, print again. Returns page count."""
    from ..chromium import chromium, print_pdf, serve_directory

    folder = site / "_beleid-pdf"
    folder.mkdir()
    header = header_template(cover)
    header_text = html_to_text(header)
    numbers: dict[str, int] = {}
    stylesheets = _stylesheets(site)
    with serve_directory(site) as base, chromium() as browser:
        for _ in range(MAX_PASSES):
            document = render_document(cover, sections, left_out, numbers, stylesheets, contacts)
            (folder / "index.html").write_text(document, encoding="utf-8")
            print_pdf(
                browser,
                base + "_beleid-pdf/",
                out,
                header_template=header,
                footer_template=FOOTER,
            )
            texts = page_texts(out, header_text)
            found = find_section_pages(texts, sections)
            if found == numbers:
                return len(texts)
            numbers = found
    raise HandbookError(
        ["De paginanummers in de inhoudsopgave van de PDF bleven veranderen. Probeer het opnieuw."]
    )


@dataclass
class RenderedPolicy:
    """The policy's pages as a strict build rendered them, with what a cover needs."""

    config: MkDocsConfig
    cover: Cover
    sections: list[Section]
    left_out: list[LeftOut]
    contacts: dict
    name: str
    """File name without extension: 'vonkel-socialmediabeleid-2.0-2026-09-01'."""


def render_policy(root: Path, site_dir: Path) -> RenderedPolicy:
    """Build the site strictly into ``site_dir`` and collect its policy pages in menu order.

    The PDF and the Word file both start here, so they hold the same pages."""
    collector = Collector()

    def collect(config: MkDocsConfig) -> None:
        add_plugin(config, "handbook-beleid-pdf", collector)

    config = build_site(root / "mkdocs.yml", site_dir, adjust=collect)
    variables = config.plugins["handbook"].brand.variables
    models = config.plugins["handbook"].brand.models
    organisation = models["organisatie"]
    owner = variables["contacten"][organisation.beleidseigenaar]
    site = str(organisation.intranet_url)
    site = site if site.endswith("/") else site + "/"
    cover = Cover(
        brand=organisation.naam,
        legal_name=organisation.juridische_naam,
        title=config.site_name,
        version=organisation.beleidsversie,
        effective=str(organisation.ingangsdatum),
        owner=f"{owner['rol']} ({owner['naam']})"
        if owner["rol"] != owner["naam"]
        else owner["rol"],
        site=site,
    )
    sections, left_out = collect_sections(collector, site)
    name = package_name(
        organisation.naam,
        config.site_name,
        organisation.beleidsversie,
        organisation.ingangsdatum,
    )
    return RenderedPolicy(config, cover, sections, left_out, variables["contacten"], name)


def build_policy_pdf(root: Path, site_dir: Path, out_dir: Path) -> Path:
    """Build the PDF into ``out_dir`` and the site with the PDF (and its link) into ``site_dir``."""
    with tempfile.TemporaryDirectory(prefix="handbook-pdf-") as tmp:
        source = Path(tmp) / "site"
        policy = render_policy(root, source)
        pdf = Path(tmp) / f"{policy.name}.pdf"
        try:
            pages = print_policy(
                source, policy.cover, policy.sections, policy.left_out, policy.contacts, pdf
            )
        except RuntimeError as error:  # Chromium missing
            raise HandbookError([str(error)]) from None

        def link(config: MkDocsConfig) -> None:
            add_plugin(config, "handbook-beleid-pdf", PdfLink(pdf, pages))

        build_site(root / "mkdocs.yml", site_dir, adjust=link)
        out_dir.mkdir(parents=True, exist_ok=True)
        target = out_dir / pdf.name
        shutil.copyfile(pdf, target)
    return target
