"""Add each page's ``trefwoorden`` to the search index Material's search plugin wrote.

Material's search (``search/search_index.json``) indexes every field named under
``config.fields`` with its own boost; its results show only a section's title and text. So the
keywords go into a field of their own on the page's main entry: search finds the page by them,
ranks it first, and the result still shows the page's own opening text, not a list of words.

Plain functions, no MkDocs imports; the plugin calls :func:`add_keywords_to_site`.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

FIELD = "trefwoorden"
"""The field in the search index (the front matter key, so the index reads as the source)."""

BOOST = 1e4
"""Ten times a title (Material: title 1e3, text 1): a keyword puts its page above a page that
only has the word in a heading or in its text."""

INDEX = Path("search") / "search_index.json"


def keywords_of(meta: Mapping[str, Any]) -> tuple[str, ...]:
    """The page's keywords from its (validated, filled-in) front matter; none if absent."""
    value = meta.get("trefwoorden")
    if not isinstance(value, list):
        return ()
    return tuple(str(word).strip() for word in value if str(word).strip())


def add_keywords(index: dict[str, Any], keywords: Mapping[str, Sequence[str]]) -> dict[str, Any]:
    """The search index with the keywords of each page (URL -> words) on its main entry.

    The main entry is the one whose location is the page's URL without an anchor (Material
    writes it first); the page's sections do not get the keywords, so the result shows the
    page itself first. The field is declared in ``config.fields`` with :data:`BOOST` unless
    ``mkdocs.yml`` already set a boost for it (``plugins: - search: fields:``).
    """
    fields = index.setdefault("config", {}).setdefault("fields", {})
    fields.setdefault(FIELD, {"boost": BOOST})
    for entry in index.get("docs", []):
        words = keywords.get(entry.get("location"))
        if words:
            entry[FIELD] = list(words)
    return index


def in_page_order(index: dict[str, Any], order: Sequence[str]) -> dict[str, Any]:
    """The index with its entries in the order of the page URLs ``order``, each page's own
    entries in the order they had; entries of a page not in ``order`` go last."""
    place = {url: i for i, url in enumerate(order)}
    docs = index.get("docs")
    if order and isinstance(docs, list):
        last = len(place)
        index["docs"] = sorted(
            docs, key=lambda entry: place.get(str(entry.get("location", "")).split("#")[0], last)
        )
    return index


def add_keywords_to_site(
    site_dir: Path, keywords: Mapping[str, Sequence[str]], order: Sequence[str] = ()
) -> bool:
    """Rewrite ``search/search_index.json`` in ``site_dir`` with the keywords.

    ``order``: page URLs in the order their entries are listed (the order MkDocs would have
    built them in, when the build changed it: ``sheets/early.py``); empty: as they are.
    Returns False when there is no index (the search plugin is off): nothing to do then.
    """
    path = site_dir / INDEX
    if not path.is_file():
        return False
    index = in_page_order(json.loads(path.read_text(encoding="utf-8")), order)
    data = json.dumps(add_keywords(index, keywords), ensure_ascii=False, separators=(",", ":"))
    path.write_text(data, encoding="utf-8")
    return True


def keyword_warnings(pages: Mapping[str, Sequence[str] | None]) -> list[str]:
    """Dutch notes for ``handbook check``: a page without keywords, a keyword on two pages.

    ``pages`` maps a page's path (``docs/crisis.md``) to its keywords (None: no key).
    Both are warnings: search still works, only less well.
    """
    notes = []
    seen: dict[str, str] = {}
    for path, words in pages.items():
        if not words:
            notes.append(
                f"{path}: de pagina heeft geen trefwoorden. Zet onderaan de front matter "
                "'trefwoorden: [woord, ander woord]' met woorden waarop medewerkers zoeken."
            )
            continue
        for word in words:
            key = word.strip().lower()
            if key in seen and seen[key] != path:
                notes.append(
                    f"{path}: het trefwoord '{word}' staat ook bij {seen[key]}. Een trefwoord "
                    "zet één pagina bovenaan; kies het voor de pagina waar het antwoord staat."
                )
            seen.setdefault(key, path)
    return notes
