"""The policy pages as the editors' checks see them: path, URL, title and front matter."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jinja2 import Environment, StrictUndefined

from ..core.frontmatter import read_page_source
from ..core.validation import Record


@dataclass(frozen=True)
class PageInfo:
    """A policy page as the checks see it."""

    path: str  # "docs/crisis.md", relative to the project root
    url: str  # "crisis/"
    title: str
    meta: Record | None  # validated as models.PageMeta
    raw: str

    @property
    def eigenaar(self) -> str | None:
        return self.meta.eigenaar if self.meta else None


def page_url(src_uri: str) -> str:
    """The URL MkDocs gives a page (directory URLs): ``crisis.md`` -> ``crisis/``."""
    stem = src_uri.removesuffix(".md")
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem.removesuffix("index")
    return stem + "/"


def body_start(raw: str) -> int:
    """Index of the first line after the front matter (0 when there is none)."""
    lines = raw.splitlines()
    if not lines or lines[0].strip() != "---":
        return 0
    for end, line in enumerate(lines[1:], start=1):
        if line.strip() in ("---", "..."):
            return end + 1
    return 0


def page_title(raw: str, fallback: str) -> str:
    for line in raw.splitlines()[body_start(raw) :]:
        if line.startswith("# "):
            return line[2:].strip()
    return fallback


def is_page(rel: Path, docs: str) -> bool:
    parts = rel.relative_to(docs).parts
    return rel.suffix == ".md" and parts[0] not in ("overrides", "stylesheets")


def fill_title(title: str, variables: Mapping[str, Any] | None) -> str:
    """A title such as "Beleid van {{ organisatie.naam }}" filled in; unchanged on any error."""
    if not variables or "{" not in title:
        return title
    try:
        return Environment(undefined=StrictUndefined).from_string(title).render(**variables)
    except Exception:
        return title


def read_pages(
    root: Path,
    contacts: Iterable[str] | None,
    docs: str = "docs",
    variables: Mapping[str, Any] | None = None,
) -> tuple[list[PageInfo], list[str]]:
    """Every page in ``docs/`` with its validated front matter, and the problems found.

    ``contacts`` is ``None`` when data/contacten.yml did not load: owners are not checked then.
    A page that is not UTF-8, or whose front matter cannot be read, is reported once; its
    ``raw`` is what the build would read (see ``core.frontmatter.read_page_source``).
    """
    contacts = list(contacts) if contacts is not None else None
    pages: list[PageInfo] = []
    messages: list[str] = []
    for path in sorted((root / docs).rglob("*.md")):
        rel = path.relative_to(root)
        if not is_page(rel, docs):
            continue
        checked = read_page_source(rel.as_posix(), path.read_bytes(), contacts)
        raw, meta = checked.text, checked.meta
        messages.extend(checked.messages)
        src_uri = rel.relative_to(docs).as_posix()
        pages.append(
            PageInfo(
                rel.as_posix(),
                page_url(src_uri),
                fill_title(page_title(raw, src_uri), variables),
                meta,
                raw,
            )
        )
    return pages, messages
