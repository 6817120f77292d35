"""Data values are text: helpers that place them in HTML and Markdown without markup.

What an editor types in ``data/`` (a name, a channel, a holding statement) is shown as typed:
``<``, ``>`` and ``&`` are escaped wherever a value lands in a page, so ``<script>``
in ``organisatie.naam`` is text on the page, never a tag. Markdown in a data value (``*``,
``_``, ``[...](...)``) keeps its meaning, as in a page; HTML in a data value never does.
A page's own Markdown and HTML stay as they are.

Use :func:`html_text` for one value placed in HTML or Markdown, and :func:`escaped` for a whole
tree of values handed to a template (``{{ organisatie.naam }}`` in a page gets these).
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from typing import Any


def html_text(value: Any) -> str:
    """``value`` as text for HTML or Markdown: ``<``, ``>`` and ``&`` become entities.

    Quotes stay (Dutch text is full of them); inside an HTML attribute use :func:`html_attr`.
    """
    return html.escape(str(value), quote=False)


def html_attr(value: Any) -> str:
    """``value`` for an HTML attribute between double quotes: quotes become entities too."""
    return html.escape(str(value), quote=True)


def escaped(value: Any) -> Any:
    """A copy of ``value`` with every text escaped by :func:`html_text` (keys stay as they are;
    dates, numbers and other objects too)."""
    if isinstance(value, str):
        return html_text(value)
    if isinstance(value, Mapping):
        return {key: escaped(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return type(value)(escaped(item) for item in value)
    return value


def title_text(title: str | None) -> str | None:
    """A page title for the theme, which prints titles as HTML (menu, header, footer).

    MkDocs takes a title from the page's first heading as plain text, so data escaped in that
    heading (``# Crisis bij {{ organisatie.naam }}``) is unescaped again: ``<`` and ``>`` are
    escaped once more here. Titles hold no markup of their own."""
    if not title:
        return title
    return title.replace("<", "&lt;").replace(">", "&gt;")
