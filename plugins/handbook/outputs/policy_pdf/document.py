"""The policy as one HTML document for printing: cover, contents, pages, header and footer."""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from .collect import LeftOut, Section


@dataclass
class Cover:
    brand: str
    legal_name: str
    title: str
    version: str
    effective: str
    owner: str
    site: str


def page_info(meta: dict[str, Any], contacts: dict[str, Any]) -> str:
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
        f"{page_info(s.meta, contacts)}\n</section>"
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
