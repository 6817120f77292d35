"""The one-page quick reference ("snelle referentie"): do's and don'ts that fit on one A4.

Plain functions, no MkDocs imports: items, layout and shared Markdown come from the modules
beside this one; this one puts the page together."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from ..core.text import html_text
from .items import SheetItem
from .markdown import colophon, escape_jinja, sheet_opening, strip_cells

SRC_URI = "snelle-referentie.md"

PDF_NAME = "snelle-referentie.pdf"


def sheet_title(variables: Mapping[str, Any]) -> str:
    return f"Snelle referentie: doen en niet doen bij {html_text(variables['organisatie']['naam'])}"


def aid_line(variables: Mapping[str, Any], aid_uri: str) -> str:
    """The line that points to the decision aid: its address in full, for readers on paper."""
    url = str(variables["organisatie"]["intranet_url"]).removeprefix("https://")
    url = url.removeprefix("http://").rstrip("/") + "/" + aid_uri.removesuffix(".md") + "/"
    return f"Twijfel je? Doe de beslishulp: {url}"


def sheet_markdown(
    items: Sequence[SheetItem],
    variables: Mapping[str, Any],
    pdf: str | None = None,
    aid_uri: str | None = None,
) -> str:
    """The page ``snelle-referentie/``: masthead, title, contacts strip, do's, don'ts, the
    pointer to the decision aid (``aid_uri``: its page, when the build has one), colophon."""
    title = sheet_title(variables)
    source = "docs/ (dos en donts in de front matter) en data/"
    out = [
        *sheet_opening(variables, title, pdf, source, "onepager", "snelle referentie"),
        '<div class="handbook-sheet__strip" markdown>',
        "",
        *[f"- **{label}:** {text}" for label, text in strip_cells(variables)],
        "",
        "</div>",
        '<div class="handbook-sheet__columns" markdown>',
        "",
    ]
    for soort, heading in (("do", "Doen"), ("dont", "Niet doen")):
        chosen = [i for i in items if i.soort == soort]
        if not chosen:
            continue
        anchor = "doen" if soort == "do" else "niet-doen"
        out += [
            f'<section class="handbook-sheet__{soort}" aria-labelledby="{anchor}" markdown>',
            "",
            f"## {heading} {{: #{anchor} }}",
            "",
        ]
        for item in chosen:
            link = (
                f" [{item.titel}]({item.src_uri}){{: .handbook-sheet__src }}"
                if item.src_uri and item.titel
                else ""
            )
            out.append(f"- {item.tekst}{link}")
        out += ["", "</section>", ""]
    out += ["</div>", ""]
    if aid_uri:
        text, _, url = aid_line(variables, aid_uri).rpartition(": ")
        out += [
            f'<p class="handbook-sheet__hulp" markdown="span">{html_text(text)}: '
            f"[{html_text(url)}]({aid_uri})</p>",
            "",
        ]
    out += [colophon(variables), "", "</div>", ""]
    return escape_jinja("\n".join(out))
