"""Links to switched-off pages disappear without leaving broken sentences.

A Markdown extension whose tree processor runs after links are made and before MkDocs checks
them. For every link to a switched-off page:

- a list item that holds nothing but the link goes;
- a table cell that holds nothing but the link shows "–";
- any other link becomes its plain text.

A sentence or paragraph whose only purpose is the link is wrapped by its author in
``{% if onderwerp_aan("ai") %} ... {% endif %}`` (see CONTRIBUTING.md); that is Jinja, handled
before Markdown.
"""

from __future__ import annotations

import posixpath
import re
import xml.etree.ElementTree as etree
from dataclasses import dataclass, field
from urllib.parse import unquote, urlsplit

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

# After 'inline' (20, which makes the links) and before MkDocs' own link check and 'toc' (5).
PRIORITY = 6

_ONLY_PUNCTUATION = re.compile(r"^[\s.,;:()–-]*$")

EMPTY_CELL = "–"


@dataclass
class Current:
    """The page being rendered (the plugin sets it in ``on_page_markdown``) and the pages off."""

    src_uri: str = "index.md"
    off: frozenset[str] = field(default_factory=frozenset)
    """src paths of the switched-off pages: ``ai.md``."""


def target(href: str, src_uri: str) -> str | None:
    """The src path a relative link points at (``../ai.md#x`` from ``a/b.md`` -> ``ai.md``)."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or not parts.path:
        return None
    path = unquote(parts.path)
    joined = posixpath.normpath(posixpath.join(posixpath.dirname(src_uri), path))
    if joined.endswith("/"):
        joined += "index.md"
    elif not joined.endswith(".md"):
        joined = joined.rstrip("/") + ".md"  # "ai/" (a URL) or "ai" both mean ai.md
    return joined


def _blank(text: str | None) -> bool:
    return _ONLY_PUNCTUATION.match(text or "") is not None


def _sole_content(parent: etree.Element, link: etree.Element) -> bool:
    """Is ``link`` all that ``parent`` holds (apart from spaces and punctuation)?"""
    return len(parent) == 1 and _blank(parent.text) and _blank(link.tail)


def _unwrap(parent: etree.Element, link: etree.Element) -> None:
    """Replace ``link`` by its content: text, inline children and tail stay where they were."""
    index = list(parent).index(link)
    children = list(link)
    before = parent[index - 1] if index > 0 else None

    def add_text(text: str | None) -> None:
        if not text:
            return
        if before is None:
            parent.text = (parent.text or "") + text
        else:
            before.tail = (before.tail or "") + text

    parent.remove(link)
    add_text(link.text)
    for offset, child in enumerate(children):
        parent.insert(index + offset, child)
    if children:
        children[-1].tail = (children[-1].tail or "") + (link.tail or "")
    else:
        add_text(link.tail)


class UnlinkTreeprocessor(Treeprocessor):
    def __init__(self, md: Markdown, current: Current) -> None:
        super().__init__(md)
        self.current = current

    def run(self, root: etree.Element) -> None:
        if not self.current.off:
            return
        parents = {child: parent for parent in root.iter() for child in parent}
        links = [
            a
            for a in root.iter("a")
            if target(a.get("href", ""), self.current.src_uri) in self.current.off
        ]
        for link in links:
            parent = parents.get(link)
            if parent is None:
                continue
            item = parent
            if parent.tag == "p" and _sole_content(parent, link):
                grand = parents.get(parent)
                if grand is not None and grand.tag == "li" and _sole_content(grand, parent):
                    item = grand
            if item.tag == "li" and (item is not parent or _sole_content(parent, link)):
                holder = parents.get(item)
                if holder is not None:
                    holder.remove(item)
                    if len(holder) == 0 and holder in parents:
                        parents[holder].remove(holder)
                continue
            if parent.tag in ("td", "th") and _sole_content(parent, link):
                parent.remove(link)
                parent.text = EMPTY_CELL
                continue
            _unwrap(parent, link)


class UnlinkExtension(Extension):
    """Register with ``config.markdown_extensions.append(UnlinkExtension(current))``."""

    def __init__(self, current: Current) -> None:
        super().__init__()
        self.current = current

    def extendMarkdown(self, md: Markdown) -> None:
        md.treeprocessors.register(
            UnlinkTreeprocessor(md, self.current), "handbook_unlink", PRIORITY
        )
