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

import html
import re
import shutil
import tempfile
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File

from .offline import package_name
from .sitebuild import add_plugin, build_site
from .yamlsrc import HandbookError

DOWNLOADS = "downloads"
# Generated pages that are not policy text: they are named on the contents page, not printed.
# Generated pages that are not policy text: listed by their intranet address instead.
LEFT_OUT = (
    "wijzigingen",
    "varianten",
    "quiz",
    "snelle-referentie",
    "crisiskaart",
    "afdrukken",
    DOWNLOADS,
)
MAX_PASSES = 4

_ATTR = re.compile(r'(\s)(id|href|src)="([^"]*)"')
_H1 = re.compile(r"<h1[^>]*>(.*?)</h1>", re.S)
_TAG = re.compile(r"<[^>]+>")
_HEADERLINK = re.compile(r'<a class="headerlink"[^>]*>.*?</a>', re.S)
_PAGE_NUMBER = re.compile(r"Pagina \d+ van \d+")


@dataclass
class Section:
    """One policy page as it appears in the PDF."""

    key: str  # "crisis", "index"
    url: str  # the page's URL in the site: "crisis/"
    title: str  # the page's main heading as a reader sees it
    content: str
    meta: dict[str, Any] = field(default_factory=dict)


@dataclass
class LeftOut:
    title: str
    url: str


class _Collector(BasePlugin):
    """Records the navigation order and each page's rendered content during one build."""

    def __init__(self) -> None:
        self.order: list[str] = []
        self.pages: dict[str, dict[str, Any]] = {}

    def on_nav(self, nav, *, config, files):
        self.order = [page.file.src_uri for page in nav.pages]
        return nav

    def on_post_page(self, output, *, page, config):
        self.pages[page.file.src_uri] = {
            "url": page.url,
            "title": page.title or "",
            "content": page.content or "",
            "meta": dict(page.meta),
        }
        return output


class _PdfLink(BasePlugin):
    """Adds the finished PDF to the site and tells the home page template about it."""

    def __init__(self, pdf: Path, pages: int) -> None:
        self.pdf = pdf
        self.pages = pages

    def on_files(self, files, *, config):
        uri = f"{DOWNLOADS}/{self.pdf.name}"
        files.append(File.generated(config, uri, abs_src_path=str(self.pdf)))
        return files

    def on_page_context(self, context, *, page, config, nav):
        if page.file.src_uri == "index.md":  # is_homepage is False once index sits in a section
            context["beleid_pdf"] = {
                "url": f"{DOWNLOADS}/{self.pdf.name}",
                "paginas": self.pages,
                "grootte": f"{max(1, round(self.pdf.stat().st_size / 1024))} kB",
            }
        return context


def _text(fragment: str) -> str:
    fragment = _HEADERLINK.sub("", fragment)
    return " ".join(html.unescape(_TAG.sub(" ", fragment)).split())


def section_key(src_uri: str) -> str:
    stem = src_uri.removesuffix(".md")
    return stem.removesuffix("/index") if stem != "index" else "index"


def rewrite_links(content: str, key: str, page_url: str, targets: dict[str, str], site: str) -> str:
    """Make ids unique per section and point links at the document, or at the intranet."""

    def replace(match: re.Match[str]) -> str:
        space, attr, value = match.groups()
        if attr == "id":
            return f'{space}id="{key}--{value}"'
        if attr == "src":
            if urlsplit(value).scheme:
                return match.group(0)
            return f'{space}src="{urljoin("/" + page_url, value)}"'
        if value.startswith("#"):
            return f'{space}href="#{key}--{value[1:]}"'
        if urlsplit(value).scheme:
            return match.group(0)
        parts = urlsplit(urljoin("/" + page_url, value))
        path = parts.path.lstrip("/")
        target = targets.get(path) or targets.get(path.removesuffix("index.html"))
        if target is not None:
            anchor = f"{target}--{parts.fragment}" if parts.fragment else target
            return f'{space}href="#{anchor}"'
        full = site + path + (f"#{parts.fragment}" if parts.fragment else "")
        return f'{space}href="{html.escape(full)}"'

    return _ATTR.sub(replace, content)


def collect_sections(collector: _Collector, site: str) -> tuple[list[Section], list[LeftOut]]:
    """The pages to print, in navigation order, and the generated pages left out."""
    chosen: list[tuple[str, dict[str, Any]]] = []
    left_out: list[LeftOut] = []
    for src_uri in collector.order:
        page = collector.pages.get(src_uri)
        if page is None:
            continue
        if src_uri.split("/")[0].removesuffix(".md") in LEFT_OUT:
            left_out.append(LeftOut(page["title"], site + page["url"]))
            continue
        chosen.append((src_uri, page))
    targets = {page["url"]: section_key(src_uri) for src_uri, page in chosen}
    sections = []
    for src_uri, page in chosen:
        key = section_key(src_uri)
        heading = _H1.search(page["content"])
        title = _text(heading.group(1)) if heading else page["title"]
        content = rewrite_links(page["content"], key, page["url"], targets, site)
        if heading is None:
            content = f"<h1>{html.escape(title)}</h1>\n{content}"
        sections.append(Section(key, page["url"], title, content, page["meta"]))
    return sections, left_out


@dataclass
class Cover:
    brand: str
    legal_name: str
    title: str
    version: str
    effective: str
    owner: str
    site: str


def _page_info(meta: dict[str, Any], contacts: dict[str, Any]) -> str:
    owner_key = meta.get("eigenaar")
    if not owner_key:
        return ""
    owner = contacts.get(owner_key, {})
    return (
        '<p class="beleid-pageinfo">Eigenaar van deze pagina: '
        f"<strong>{html.escape(str(owner.get('rol', owner_key)))}</strong>. "
        f"Laatst beoordeeld op {html.escape(str(meta.get('laatst_beoordeeld', '')))}; "
        f"volgende beoordeling vóór {html.escape(str(meta.get('herzien_voor', '')))}.</p>"
    )


def render_document(
    cover: Cover,
    sections: Sequence[Section],
    left_out: Sequence[LeftOut],
    numbers: dict[str, int],
    stylesheets: Sequence[str],
    contacts: dict[str, Any],
) -> str:
    """One HTML document: cover, contents, and every section on its own page."""
    links = "\n".join(f'<link rel="stylesheet" href="{html.escape(s)}">' for s in stylesheets)
    rows = "\n".join(
        f'<li><a href="#{s.key}"><span class="titel">{html.escape(s.title)}</span>'
        f'<span class="punten"></span><span class="nr">{numbers.get(s.key, "00")}</span></a></li>'
        for s in sections
    )
    extra = ""
    if left_out:
        items = "\n".join(
            f'<li>{html.escape(item.title)}: <a href="{html.escape(item.url)}">'
            f"{html.escape(item.url)}</a></li>"
            for item in left_out
        )
        extra = (
            '<div class="beleid-online"><p>Niet in dit document, wel op het intranet:</p>'
            f"<ul>{items}</ul></div>"
        )
    body = "\n".join(
        f'<section class="beleid-sectie" id="{s.key}">\n{s.content}\n'
        f"{_page_info(s.meta, contacts)}\n</section>"
        for s in sections
    )
    return f"""<!doctype html>
<html lang="nl" dir="ltr">
<head>
<meta charset="utf-8">
<title>{html.escape(cover.title)} van {html.escape(cover.brand)}, versie {cover.version}</title>
{links}
<style>{PRINT_CSS}</style>
</head>
<body>
<main class="md-typeset">
<section class="beleid-omslag">
  <p class="merk">{html.escape(cover.brand)}</p>
  <h1 class="beleid-titel">{html.escape(cover.title)}</h1>
  <dl>
    <dt>Versie</dt><dd>{html.escape(cover.version)}</dd>
    <dt>Geldig vanaf</dt><dd>{html.escape(cover.effective)}</dd>
    <dt>Eigenaar</dt><dd>{html.escape(cover.owner)}</dd>
    <dt>Organisatie</dt><dd>{html.escape(cover.legal_name)}</dd>
  </dl>
  <p class="bron">Dit is een afdruk van het handboek op <a href="{html.escape(cover.site)}">
  {html.escape(cover.site)}</a>. Bij verschil geldt de versie op het intranet.</p>
</section>
<nav class="beleid-inhoud" aria-label="Inhoud">
  <p class="beleid-inhoud-kop">Inhoud</p>
  <ol>
{rows}
  </ol>
  {extra}
</nav>
{body}
</main>
</body>
</html>
"""


PRINT_CSS = """
@page { size: A4 portrait; margin: 20mm 16mm 18mm; }
html, body { height: auto !important; background: #fff; }
body { margin: 0; }
.md-typeset { font-size: 10pt; line-height: 1.45; color: #000; }
.md-typeset a { color: #000; }
.md-typeset a[href^="http"]::after {
  content: " (" attr(href) ")"; font-size: 0.9em; word-break: break-all;
}
.md-typeset .beleid-online a[href^="http"]::after,
.md-typeset .bron a[href^="http"]::after { content: none; }
.headerlink { display: none !important; }
.beleid-omslag { break-after: page; padding-top: 55mm; }
.beleid-omslag .merk { font-size: 16pt; font-weight: 700; margin: 0; }
.md-typeset h1.beleid-titel { font-size: 30pt; margin: 4mm 0 14mm; color: #000; }
.beleid-omslag dl { display: grid; grid-template-columns: 35mm auto; row-gap: 2mm; }
.beleid-omslag dt { font-weight: 700; }
.beleid-omslag dd { margin: 0; }
.beleid-omslag .bron { margin-top: 30mm; font-size: 9pt; }
.beleid-inhoud { break-after: page; }
.beleid-inhoud-kop { font-size: 18pt; font-weight: 700; margin: 0 0 6mm; }
.beleid-inhoud ol { list-style: none; margin: 0; padding: 0; }
.md-typeset .beleid-inhoud ol li { margin: 0 0 2mm; }
.beleid-inhoud ol a { display: flex; text-decoration: none; }
.beleid-inhoud .punten { flex: 1; border-bottom: 1px dotted #555; margin: 0 2mm 1.2mm; }
.beleid-online { margin-top: 10mm; font-size: 9pt; }
.beleid-sectie { break-before: page; }
.md-typeset .beleid-sectie h1 { font-size: 18pt; margin-top: 0; color: #000; }
.md-typeset h2, .md-typeset h3 { break-after: avoid; }
.handbook-dosdonts, .admonition { break-inside: avoid; }
.beleid-pageinfo { font-size: 8.5pt; color: #333; }
"""


def header_template(cover: Cover) -> str:
    text = f"{cover.title} {cover.brand} · versie {cover.version} · geldig vanaf {cover.effective}"
    return (
        '<div style="font-size:8px;width:100%;padding:0 16mm;color:#444;'
        f'font-family:sans-serif">{html.escape(text)}</div>'
    )


FOOTER = (
    '<div style="font-size:8px;width:100%;padding:0 16mm;color:#444;text-align:right;'
    'font-family:sans-serif">Pagina <span class="pageNumber"></span> van '
    '<span class="totalPages"></span></div>'
)


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
    from .pdf import chromium, print_pdf, serve_directory

    folder = site / "_beleid-pdf"
    folder.mkdir()
    header = header_template(cover)
    header_text = _text(header)
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


def build_policy_pdf(root: Path, site_dir: Path, out_dir: Path) -> Path:
    """Build the PDF into ``out_dir`` and the site with the PDF (and its link) into ``site_dir``."""
    collector = _Collector()

    def collect(config: MkDocsConfig) -> None:
        add_plugin(config, "handbook-beleid-pdf", collector)

    with tempfile.TemporaryDirectory(prefix="handbook-pdf-") as tmp:
        source = Path(tmp) / "site"
        config = build_site(root / "mkdocs.yml", source, adjust=collect)
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
        pdf = Path(tmp) / f"{name}.pdf"
        try:
            pages = print_policy(source, cover, sections, left_out, variables["contacten"], pdf)
        except RuntimeError as error:  # Chromium missing
            raise HandbookError([str(error)]) from None

        def link(config: MkDocsConfig) -> None:
            add_plugin(config, "handbook-beleid-pdf", _PdfLink(pdf, pages))

        build_site(root / "mkdocs.yml", site_dir, adjust=link)
        out_dir.mkdir(parents=True, exist_ok=True)
        target = out_dir / pdf.name
        shutil.copyfile(pdf, target)
    return target
