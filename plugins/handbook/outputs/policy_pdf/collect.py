"""Collect the rendered policy pages for the PDF: a strict build with a collector plugin that
records the navigation order and every page's HTML, links rewritten to point inside the PDF."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File

# Generated pages that are not policy text: listed by their intranet address instead.
DOWNLOADS = "downloads"  # the PDF's folder in the site

LEFT_OUT = (
    "wijzigingen",
    "varianten",
    "quiz",
    "mag-ik-dit-posten",  # the decision aid: a tool, its rules are on the pages it links to
    "snelle-referentie",
    "crisiskaart",
    "afdrukken",
    DOWNLOADS,
)

_ATTR = re.compile(r'(\s)(id|href|src)="([^"]*)"')

_H1 = re.compile(r"<h1[^>]*>(.*?)</h1>", re.S)

_TAG = re.compile(r"<[^>]+>")

_HEADERLINK = re.compile(r'<a class="headerlink"[^>]*>.*?</a>', re.S)


@dataclass
class Section:
    """One policy page as it appears in the PDF."""

    key: str  # "crisis", "index"
    url: str  # the page's URL in the site: "crisis/"
    title: str  # the page's main heading as a reader sees it
    content: str
    meta: dict[str, Any] = field(default_factory=dict)
    parents: tuple[str, ...] = ()
    """Titles of the menu sections the page sits in, outermost first ("Basis")."""


@dataclass
class LeftOut:
    title: str
    url: str


class Collector(BasePlugin):
    """Records the navigation order and each page's rendered content during one build."""

    def __init__(self) -> None:
        self.order: list[str] = []
        self.parents: dict[str, tuple[str, ...]] = {}
        self.pages: dict[str, dict[str, Any]] = {}

    def on_nav(self, nav, *, config, files):
        self.order = [page.file.src_uri for page in nav.pages]
        self.parents = {
            page.file.src_uri: tuple(str(s.title) for s in reversed(page.ancestors))
            for page in nav.pages
        }
        return nav

    def on_post_page(self, output, *, page, config):
        self.pages[page.file.src_uri] = {
            "url": page.url,
            "title": page.title or "",
            "content": page.content or "",
            "meta": dict(page.meta),
        }
        return output


class PdfLink(BasePlugin):
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


def strip_headerlinks(fragment: str) -> str:
    """Without the theme's "¶" links beside headings."""
    return _HEADERLINK.sub("", fragment)


def html_to_text(fragment: str) -> str:
    fragment = strip_headerlinks(fragment)
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


def collect_sections(collector: Collector, site: str) -> tuple[list[Section], list[LeftOut]]:
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
        title = html_to_text(heading.group(1)) if heading else page["title"]
        content = rewrite_links(page["content"], key, page["url"], targets, site)
        if heading is None:
            content = f"<h1>{html.escape(title)}</h1>\n{content}"
        parents = collector.parents.get(src_uri, ())
        sections.append(Section(key, page["url"], title, content, page["meta"], parents))
    return sections, left_out
