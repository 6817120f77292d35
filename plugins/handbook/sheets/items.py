"""What goes on the quick reference: every page's do's and don'ts in menu order.

The plugin hands in the pages' front matter in navigation order (read once per build) and the
sector's items; out come the sections and items, placeholders filled."""

from __future__ import annotations

import pickle
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

import yaml
from jinja2 import Environment, StrictUndefined, TemplateError

from ..core.frontmatter import front_matter_text, page_meta
from ..core.placeholders import render_text
from ..core.text import escaped, html_text
from ..core.validation import Invalid, remembered

Soort = Literal["do", "dont"]


@dataclass(frozen=True)
class Section:
    """One policy page as the sheet sees it: where it is and its do's and don'ts."""

    src_uri: str
    title: str
    # (tekst, kern) or (tekst, kern, als): ``als`` names a fact in organisatie.yml the item
    # depends on (see ``read_section``).
    dos: tuple[tuple[Any, ...], ...] = ()
    donts: tuple[tuple[Any, ...], ...] = ()

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
    A page read before (same text, same code) is not parsed again: its section is remembered
    in the build cache.
    """
    payload = pickle.dumps((src_uri, raw, title), protocol=pickle.HIGHEST_PROTOCOL)

    def read() -> tuple[Section | None, bool]:
        section = _read_section(src_uri, raw, title)
        return section, section is not None

    return remembered("blad-sectie", payload, read)


def _read_section(src_uri: str, raw: str, title: str | None) -> Section | None:
    text = front_matter_text(raw)
    if text is None:
        return None
    try:
        data = yaml.load(text, Loader=_YAML_LOADER)  # libyaml when available: fast
        meta = page_meta(data if isinstance(data, dict) else {})
    except (yaml.YAMLError, Invalid, ValueError, TypeError, RecursionError):
        return None  # reported with file and line by the page check
    return section_from_meta(src_uri, meta, raw, title)


def section_from_meta(src_uri: str, meta: Any, raw: str, title: str | None = None) -> Section:
    """The section of a page whose front matter was validated already (``meta``, the page
    check's record of ``models.PageMeta``; ``raw``, the page's text, for its first heading)."""
    title = title or getattr(meta, "title", None) or _h1(raw) or src_uri.removesuffix(".md")
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

    A page's do's and don'ts are its own Markdown; the data filled into them, and a sector's
    items (data), are text (HTML-escaped). An item with ``als: <feit>`` only counts when that
    fact is true in ``organisatie``."""
    raw, variables = variables, escaped(variables)
    organisatie = raw.get("organisatie") or {}
    by_section: dict[str, list[Mapping[str, Any]]] = {}
    for extra in sector_items:
        if extra.get("kern", True):
            by_section.setdefault(str(extra["sectie"]), []).append(extra)
    items: list[SheetItem] = []
    for section in sections:
        for soort, entries in (("do", section.dos), ("dont", section.donts)):
            for tekst, kern, *als in entries:
                if kern and (not als or not als[0] or organisatie.get(als[0])):
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
            items.append(_sector_item(extra, raw, section))
    for rest in by_section.values():
        items.extend(_sector_item(extra, raw, None) for extra in rest)
    return items


def _sector_item(
    extra: Mapping[str, Any], variables: Mapping[str, Any], section: Section | None
) -> SheetItem:
    soort: Soort = "dont" if extra["soort"] == "dont" else "do"
    return SheetItem(
        tekst=html_text(fill(str(extra["tekst"]), variables)),  # data: text, no markup
        soort=soort,
        sectie=str(extra["sectie"]),
        titel=fill(section.title, escaped(variables)) if section else None,
        src_uri=section.src_uri if section else None,
    )
