"""The one-page quick reference ("snelle referentie"): do's and don'ts that fit on one A4.

Plain functions, no MkDocs imports. The plugin hands in the pages' front matter in navigation
order (read once per build), the brand variables and optional sector items; out comes the
Markdown of the page ``snelle-referentie/`` or a Dutch message saying why it no longer fits.

The budget is an estimate in printed lines that the browser tests prove: content at the limit
still prints on exactly one A4 page (see ``tests/test_onepager_browser.py``).
"""

from __future__ import annotations

import math
import posixpath
import re
import textwrap
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import yaml
from jinja2 import Environment, StrictUndefined, TemplateError

from . import render
from .cache import BuildCache
from .pages import front_matter_text, page_meta
from .placeholders import render_text
from .validation import Invalid

SRC_URI = "snelle-referentie.md"
PDF_NAME = "snelle-referentie.pdf"
TEMPLATE = "onepager.html"

Soort = Literal["do", "dont"]


@dataclass(frozen=True)
class Layout:
    """What fits on one A4 in the print CSS (``docs/stylesheets/onepager.css``), in lines.

    Measured in Chromium with Liberation Sans/Arial at 10 pt in two columns of 88 mm; the
    widths here are on the safe side so real text at the limit still fits (proven by a test).
    """

    column_lines: int = 50
    """Body lines in one column when the contacts strip takes its minimum of 3 lines."""
    columns: int = 2
    chars_per_line: int = 50
    """Characters per column line for the word wrap estimate (real lines hold about 56)."""
    strip_chars_per_line: int = 46
    """Characters per line in one of the four cells of the contacts strip (real: about 54)."""
    strip_min_lines: int = 3
    heading_lines: float = 2.0
    """A column heading ("Doen", "Niet doen") with its margins."""
    item_gap: float = 0.25
    """Space between two items, as part of a line."""
    slack_lines: int = 4
    """Lost at the bottom of the first column when an item or heading moves on whole."""

    def capacity(self, strip_lines: int) -> int:
        extra = max(0, strip_lines - self.strip_min_lines)
        # The strip spans both columns: every extra line of it costs a line in each column.
        return self.columns * (self.column_lines - extra) - self.slack_lines


LAYOUT = Layout()


@dataclass(frozen=True)
class Section:
    """One policy page as the sheet sees it: where it is and its do's and don'ts."""

    src_uri: str
    title: str
    # (tekst, kern, als): ``als`` names a fact in organisatie.yml the item depends on, or None.
    dos: tuple[tuple[str, bool, str | None], ...] = ()
    donts: tuple[tuple[str, bool, str | None], ...] = ()

    @property
    def key(self) -> str:
        """The section key: the page's slug (``crisis`` for ``crisis.md``)."""
        stem = self.src_uri.removesuffix(".md")
        return "index" if stem in ("index", "README") else stem.removesuffix("/index")


@dataclass(frozen=True)
class SheetItem:
    tekst: str
    soort: Soort
    sectie: str
    titel: str | None = None
    """Title of the page that explains the rule (the link text on screen)."""
    src_uri: str | None = None


# --- collecting -----------------------------------------------------------------------------


def nav_pages(nav: Any) -> list[tuple[str | None, str]]:
    """``(title, src_uri)`` of every Markdown page in a ``nav`` setting, in order."""
    found: list[tuple[str | None, str]] = []

    def walk(node: Any, title: str | None = None) -> None:
        if isinstance(node, str):
            if node.endswith(".md") and "://" not in node:
                found.append((title, node))
        elif isinstance(node, list):
            for child in node:
                walk(child)
        elif isinstance(node, dict):
            for key, value in node.items():
                walk(value, key)

    walk(nav or [])
    return found


def _h1(raw: str) -> str | None:
    match = re.search(r"^# +(.+?)\s*$", raw, re.M)
    return match.group(1) if match else None


def read_section(src_uri: str, raw: str, title: str | None = None) -> Section | None:
    """The do's and don'ts of one page; ``None`` if its front matter is missing or invalid.

    Invalid front matter is reported by the page check with file and line; here it is skipped.
    """
    text = front_matter_text(raw)
    if text is None:
        return None
    try:
        data = yaml.load(text, Loader=_YAML_LOADER)  # libyaml when available: fast
        meta = page_meta(data if isinstance(data, dict) else {})
    except (yaml.YAMLError, Invalid):
        return None
    title = title or data.get("title") or _h1(raw) or src_uri.removesuffix(".md")
    return Section(
        src_uri=src_uri,
        title=str(title),
        dos=tuple((i.tekst, i.kern, i.als) for i in meta.dos),
        donts=tuple((i.tekst, i.kern, i.als) for i in meta.donts),
    )


def collect_sections(pages: Iterable[tuple[str | None, str, str]]) -> list[Section]:
    """Sections of ``(title, src_uri, raw Markdown)`` pages, in the order given."""
    sections = []
    for title, src_uri, raw in pages:
        section = read_section(src_uri, raw, title)
        if section is not None:
            sections.append(section)
    return sections


def fill(text: str, variables: Mapping[str, Any]) -> str:
    """Fill ``{{ placeholders }}``; an unknown one is left as is (the page check reports it)."""
    if "{" not in text:
        return text
    try:
        return render_text(_ENV, text, variables)
    except TemplateError:
        return text


_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_ENV = Environment(undefined=StrictUndefined, autoescape=False)


def sheet_items(
    sections: Sequence[Section],
    variables: Mapping[str, Any],
    sector_items: Sequence[Mapping[str, Any]] = (),
) -> list[SheetItem]:
    """The kern items in navigation order; a sector's items follow those of their section.

    An item with ``als: <feit>`` only counts when that fact is true in ``organisatie``.
    """
    organisatie = variables.get("organisatie") or {}
    by_section: dict[str, list[Mapping[str, Any]]] = {}
    for extra in sector_items:
        if extra.get("kern", True):
            by_section.setdefault(str(extra["sectie"]), []).append(extra)
    items: list[SheetItem] = []
    for section in sections:
        for soort, entries in (("do", section.dos), ("dont", section.donts)):
            for tekst, kern, als in entries:
                if kern and (not als or organisatie.get(als)):
                    items.append(
                        SheetItem(
                            fill(tekst, variables),
                            soort,
                            section.key,
                            fill(section.title, variables),
                            section.src_uri,
                        )
                    )
        for extra in by_section.pop(section.key, []):
            items.append(_sector_item(extra, variables, section))
    for rest in by_section.values():
        items.extend(_sector_item(extra, variables, None) for extra in rest)
    return items


def _sector_item(
    extra: Mapping[str, Any], variables: Mapping[str, Any], section: Section | None
) -> SheetItem:
    soort: Soort = "dont" if extra["soort"] == "dont" else "do"
    return SheetItem(
        tekst=fill(str(extra["tekst"]), variables),
        soort=soort,
        sectie=str(extra["sectie"]),
        titel=fill(section.title, variables) if section else None,
        src_uri=section.src_uri if section else None,
    )


# --- budget ---------------------------------------------------------------------------------


def plain(markdown: str) -> str:
    """Text as printed: Markdown links, emphasis and HTML tags removed."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", markdown)
    text = re.sub(r"<[^>]+>", "", text)
    text = re.sub(r"[*_`]", "", text)
    return " ".join(text.split())


def wrapped_lines(text: str, width: int) -> int:
    """Printed lines of ``text`` in a box ``width`` characters wide (words are not split)."""
    return max(1, len(textwrap.wrap(plain(text), width=width, break_long_words=True)))


@dataclass(frozen=True)
class Usage:
    lines: int
    maximum: int
    items: int

    @property
    def fits(self) -> bool:
        return self.lines <= self.maximum


def strip_cells(variables: Mapping[str, Any]) -> list[tuple[str, str]]:
    """The four cells of the strip with key contacts and SLAs: (label, Markdown)."""
    contacts = variables["contacten"]
    slas = variables["slas"]
    team = contacts["social_media_team"]
    crisis = contacts["crisisteam"]
    breach = slas["datalek"]
    privacy = contacts[breach["melden_bij"]]
    team_text = " · ".join(p for p in (_phone(team.get("telefoon")), _mail(team["email"])) if p)
    crisis_text = " · ".join(
        p for p in (_phone(crisis.get("telefoon")), crisis["bereikbaarheid"]) if p
    )
    return [
        (team["rol"], team_text),
        ("Crisislijn", crisis_text),
        (
            "Eerste reactie bij een crisis",
            f"binnen {slas['eerste_reactie_crisis']}; bel eerst de crisislijn",
        ),
        (
            "Datalek melden",
            f"binnen {breach['intern_melden_binnen']} bij de {privacy['rol']}: "
            f"{_mail(privacy['email'])}",
        ),
    ]


def strip_lines(variables: Mapping[str, Any], layout: Layout = LAYOUT) -> int:
    """Height of the strip in body lines: two rows of two cells, each row as tall as its
    tallest cell, plus padding and margins (``strip_min_lines`` when every cell takes one line).
    """
    cells = [
        wrapped_lines(f"{label}: {text}", layout.strip_chars_per_line)
        for label, text in strip_cells(variables)
    ]
    rows = [max(cells[i : i + 2]) for i in range(0, len(cells), 2)]
    return layout.strip_min_lines + sum(rows) - len(rows)


def item_width(layout: Layout) -> int:
    """Characters per line next to the ✓/✗ marker (it takes about two characters)."""
    return layout.chars_per_line - 2


def usage(
    items: Sequence[SheetItem], variables: Mapping[str, Any], layout: Layout = LAYOUT
) -> Usage:
    """How many column lines the items take and how many fit next to this brand's strip."""
    headings = sum(1 for soort in ("do", "dont") if any(i.soort == soort for i in items))
    height = headings * layout.heading_lines
    height += sum(wrapped_lines(i.tekst, item_width(layout)) for i in items)
    height += max(0, len(items) - headings) * layout.item_gap
    return Usage(
        lines=math.ceil(height),
        maximum=layout.capacity(strip_lines(variables, layout)),
        items=len(items),
    )


def budget_message(used: Usage) -> str | None:
    """The Dutch message when the sheet no longer fits on one A4, else ``None``."""
    if used.fits:
        return None
    return (
        f"De snelle referentie past niet meer op één A4: {used.lines} regels, maximaal "
        f"{used.maximum}; kort regels in of markeer minder regels als kern (kern: false) in "
        "de front matter van de pagina's."
    )


# --- Markdown -------------------------------------------------------------------------------


def _mail(address: str) -> str:
    return render.mail(address)


def _phone(number: str | None) -> str:
    return render.phone(number, empty="")


def _quote(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def front_matter(title: str, pdf: str | None, source: str) -> str:
    lines = [
        "---",
        f"title: {_quote(title)}",
        f"template: {TEMPLATE}",
        "render_macros: false",
        "hide:",
        "  - navigation",
        "  - toc",
        "search:",
        "  boost: 0.5",
        f"bron: {_quote(source)}",
    ]
    if pdf:
        lines.append(f"pdf: {_quote(pdf)}")
    lines.append("---")
    return "\n".join(lines) + "\n"


def masthead(variables: Mapping[str, Any], kind: str) -> str:
    org = variables["organisatie"]
    return (
        '<p class="handbook-sheet__masthead">'
        f"<strong>{_html(org['naam'])}</strong> · Socialmediabeleid · {kind} · versie "
        f"{_html(org['beleidsversie'])}, geldig vanaf {_html(str(org['ingangsdatum']))}</p>"
    )


def colophon(variables: Mapping[str, Any]) -> str:
    org = variables["organisatie"]
    url = org["intranet_url"]
    return (
        '<p class="handbook-sheet__colophon">Het volledige beleid: '
        f'<a href="{_html(url)}">{_html(url)}</a> · versie {_html(org["beleidsversie"])} '
        f"van {_html(str(org['ingangsdatum']))}</p>"
    )


def _html(text: Any) -> str:
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _escape_jinja(text: str) -> str:
    """Data never becomes a template: the page is not rendered by macros, but be safe."""
    return text.replace("{{", "{ {").replace("{%", "{ %")


def sheet_title(variables: Mapping[str, Any]) -> str:
    return f"Snelle referentie: doen en niet doen bij {variables['organisatie']['naam']}"


def sheet_markdown(
    items: Sequence[SheetItem], variables: Mapping[str, Any], pdf: str | None = None
) -> str:
    """The page ``snelle-referentie/``: masthead, title, contacts strip, do's, don'ts, colophon."""
    title = sheet_title(variables)
    out = [
        front_matter(title, pdf, "docs/ (dos en donts in de front matter) en data/"),
        '<div class="handbook-sheet handbook-sheet--onepager" markdown>',
        "",
        masthead(variables, "snelle referentie"),
        "",
        f"# {title}",
        "",
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
    out += ["</div>", "", colophon(variables), "", "</div>", ""]
    return _escape_jinja("\n".join(out))


# --- PDF ------------------------------------------------------------------------------------


def print_sheets(
    site_dir: Path, targets: Sequence[tuple[str, str]], cache: BuildCache | None = None
) -> list[Path]:
    """Print ``(page URL, PDF name)`` pages of a built site to PDF next to each page.

    With a ``cache``, a page whose HTML and assets did not change since it was last printed gets
    its earlier PDF back, and Chromium is not started at all when every page was cached.
    Raises ``RuntimeError`` with a Dutch message when Chromium is missing or printing fails.
    """
    from . import pdf

    cache = cache or BuildCache(None)
    chromium = pdf.find_chromium()
    written: list[Path] = []
    todo: list[tuple[str, Path, str | None]] = []
    for url, name in targets:
        # The page links to the PDF by name, so it goes in the page's own folder:
        # "snelle-referentie/" or, without directory URLs, next to "snelle-referentie.html".
        folder = url if url.endswith("/") or not url else posixpath.dirname(url)
        out = site_dir / folder / name
        key = cache.pdf_key(site_dir, url, chromium) if cache.enabled else None
        if key is not None and cache.get_pdf(key, out):
            written.append(out)
        else:
            todo.append((url, out, key))
    if not todo:
        return written
    url = "de site"
    try:
        with pdf.serve_directory(site_dir) as base, pdf.chromium(chromium) as browser:
            context = browser.new_context(locale="nl-NL")  # type: ignore[attr-defined]
            for url, out, key in todo:
                written.append(pdf.print_pdf(browser, base + url, out, context=context))
                if key is not None:
                    cache.put_pdf(key, out)
    except RuntimeError:
        raise
    except Exception as error:  # Playwright has its own error types; report them once, in Dutch
        raise RuntimeError(
            f"De PDF van {url} kon niet gemaakt worden met Chromium: {error}."
        ) from None
    return written
